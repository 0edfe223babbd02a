import { describe, expect, it } from 'vitest';
import { addToHistory, mergedHistory, patternsByHost, toHistoryEntry, type HistoryEntry } from '../../utils/history';
import { toFailedRequest } from '../../utils/tab-record';

const entry = (host: string, time: number, status = 502): HistoryEntry => ({ time, url: `https://${host}/`, host, type: 'main_frame', status });

describe('history', () => {
  it('keeps addresses without their query string or fragment', () => {
    const kept = toHistoryEntry(
      toFailedRequest({ requestId: '1', url: 'https://shop.example.com:8443/cart?token=secret#pay', statusCode: 502, type: 'main_frame', timeStamp: 5 }),
    );
    expect(kept).toMatchObject({ url: 'https://shop.example.com:8443/cart', host: 'shop.example.com:8443', status: 502, time: 5 });
    expect(JSON.stringify(kept)).not.toContain('secret');
  });

  it('shows the disk list and a private window’s list in memory as one, newest first', () => {
    const merged = mergedHistory([entry('a.example', 5), entry('a.example', 1)], [entry('private.example', 3)]);
    expect(merged.map(({ host, time }) => `${host}@${time}`)).toEqual(['a.example@5', 'private.example@3', 'a.example@1']);
  });

  it('keeps the newest entries first, bounded by the size setting (0 keeps none)', () => {
    let history: HistoryEntry[] = [];
    for (let i = 0; i < 5; i++) history = addToHistory(history, entry('a.example', i), 3);
    expect(history.map(({ time }) => time)).toEqual([4, 3, 2]);
    expect(addToHistory(history, entry('a.example', 9), 0)).toEqual([]);
  });

  it('groups by host, most failures first, with their statuses', () => {
    const patterns = patternsByHost([entry('a.example', 1), entry('b.example', 2, 504), entry('b.example', 3, 502), entry('b.example', 4, 502)]);
    expect(patterns.map(({ host, count, statuses }) => [host, count, statuses])).toEqual([
      ['b.example', 3, [502, 504]],
      ['a.example', 1, [502]],
    ]);
    expect(patterns[0]).toMatchObject({ first: 2, last: 4 });
  });
});
