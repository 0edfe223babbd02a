// The Diagnostics section's pure parts: problems kept and counted, messages without query strings, sizes, debug info.
import { describe, expect, it } from 'vitest';
import { addProblem, asProblems, debugInfo, formatBytes, MAX_PROBLEMS, problemMessage, storageUse } from '../../utils/diagnostics';
import { storedBytes } from '../../utils/storage-budget';

describe('problems', () => {
  it('counts a repeat instead of listing it twice, moving it to the end, and keeps the newest MAX_PROBLEMS', () => {
    let list = addProblem([], 'effect store', 'quota exceeded', 1);
    list = addProblem(list, 'effect badge', 'no such tab', 2);
    list = addProblem(list, 'effect store', 'quota exceeded', 3);
    expect(list).toEqual([
      { where: 'effect badge', message: 'no such tab', time: 2, count: 1 },
      { where: 'effect store', message: 'quota exceeded', time: 3, count: 2 },
    ]);
    for (let i = 0; i < 30; i++) list = addProblem(list, 'x', `problem ${i}`, 10 + i);
    expect(list).toHaveLength(MAX_PROBLEMS);
    expect(list.at(-1)?.message).toBe('problem 29');
  });

  it('reads only well-formed problems from storage', () => {
    expect(asProblems('corrupt')).toEqual([]);
    expect(asProblems([{ time: 1, where: 'a', message: 'b', count: 1 }, { time: 'x' }, null])).toEqual([{ time: 1, where: 'a', message: 'b', count: 1 }]);
  });

  it('keeps no query string of an address in a message, and cuts a long one', () => {
    const message = problemMessage(new TypeError('fetch https://shop.example/cart?token=s3cret failed'));
    expect(message).toBe('TypeError: fetch https://shop.example/cart failed');
    expect(problemMessage('x'.repeat(1000)).length).toBeLessThan(320);
  });
});

describe('storage use and debug info', () => {
  it('adds up what each area holds, as the quota counts it, and finds the largest tab record', () => {
    const session = { 'tab:1': { failures: [1, 2, 3] }, 'tab:2': { failures: [] }, retryLog: [1] };
    const use = storageUse(session, { history: ['a'] }, 'tab:');
    expect(use.sessionBytes).toBe(Object.entries(session).reduce((sum, [key, value]) => sum + storedBytes(key, value), 0));
    expect(use.tabRecords).toBe(2);
    expect(use.largestTabRecord).toBe(storedBytes('tab:1', session['tab:1']));
    expect(use.localBytes).toBe(storedBytes('history', ['a']));
  });

  it('formats sizes in the reader’s language', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(64 * 1024, 'en')).toBe('64 kB');
    expect(formatBytes(2 * 1024 * 1024, 'de')).toBe('2 MB');
    expect(formatBytes(1536 * 1024, 'de')).toBe('1,5 MB');
  });

  it('puts the version, browser, settings, sizes and problems in the debug info, times as dates', () => {
    const info = JSON.parse(
      debugInfo({
        version: '0.1.0',
        browser: 'Firefox',
        language: 'en',
        settings: { maxAttempts: 5 },
        storage: storageUse({}, {}, 'tab:'),
        problems: [{ time: Date.UTC(2026, 11, 2), where: 'effect store', message: 'quota', count: 2 }],
      }),
    );
    expect(info).toMatchObject({
      gatewhy: '0.1.0',
      browser: 'Firefox',
      settings: { maxAttempts: 5 },
      storage: { sessionBytes: 0, sessionBudget: 2 * 1024 * 1024 },
    });
    expect(info.problems).toEqual([{ where: 'effect store', message: 'quota', count: 2, time: '2026-12-02T00:00:00.000Z' }]);
  });
});
