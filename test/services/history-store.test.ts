import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { clearHistory, clearPrivateHistory, readHistory, recordHistory, watchHistory } from '../../services/history-store';
import type { HistoryEntry } from '../../utils/history';

const entry = (time: number, host = 'shop.example.com'): HistoryEntry => ({ time, url: `https://${host}/`, host, type: 'xmlhttprequest', status: 502 });
const times = (entries: HistoryEntry[]) => entries.map(({ time }) => time);
const burst = (from: number, count: number) => Array.from({ length: count }, (_, i) => entry(from + i));

beforeEach(() => fakeBrowser.reset());

describe('recent errors, stored as a journal', () => {
  it('lists every burst newest first, keeps only the newest `size`, and removes the chunks that fell off', async () => {
    for (let start = 0; start < 50; start += 10) await recordHistory(burst(start, 10), 25);
    expect(times(await readHistory())).toEqual(Array.from({ length: 25 }, (_, i) => 49 - i));
    // 5 bursts of 10 with room for 25: the 2 oldest are gone from storage, the third keeps its newest 5.
    const keys = Object.keys(await browser.storage.local.get(null)).sort();
    expect(keys).toEqual(['history.3', 'history.4', 'history.5', 'historyJournal']);
  });

  it('writes only the new burst and the small index, never the list so far', async () => {
    await recordHistory(burst(0, 30), 100);
    await recordHistory(burst(30, 30), 100);
    const set = vi.spyOn(browser.storage.local, 'set');
    const get = vi.spyOn(browser.storage.local, 'get');
    await recordHistory(burst(60, 30), 100);
    const written = set.mock.calls.map(([items]) => items as Record<string, unknown>);
    expect(written.flatMap((items) => Object.keys(items)).sort()).toEqual(['history.3', 'historyJournal']);
    expect(
      written
        .flatMap((items) => Object.values(items))
        .filter(Array.isArray)
        .map((value) => value.length),
    ).toEqual([30, 3]);
    // The one read is the index: no earlier burst is read back.
    expect(get.mock.calls.flatMap(([keys]) => [keys].flat())).toEqual(['historyJournal']);
    expect(await readHistory()).toHaveLength(90);
  });

  it('takes in the single list an earlier version stored, as the oldest errors', async () => {
    await browser.storage.local.set({ history: [entry(2), entry(1)] });
    expect(times(await readHistory())).toEqual([2, 1]);
    await recordHistory([entry(3), entry(4)], 3);
    expect(times(await readHistory())).toEqual([4, 3, 2]);
    await recordHistory([entry(5), entry(6), entry(7)], 3);
    expect(await browser.storage.local.get('history')).toEqual({});
    expect(times(await readHistory())).toEqual([7, 6, 5]);
  });

  it('survives anything in storage: a corrupt index or chunk loses only itself', async () => {
    await browser.storage.local.set({ historyJournal: 'junk', 'history.1': 'junk' });
    expect(await readHistory()).toEqual([]);
    await recordHistory([entry(1)], 10);
    await browser.storage.local.set({ 'history.1': { not: 'a list' } });
    await recordHistory([entry(2)], 10);
    expect(times(await readHistory())).toEqual([2]);
  });

  it('keeps private windows’ errors in storage.session only, and clears each list entirely', async () => {
    await recordHistory([entry(1, 'private.example')], 10, { privateWindow: true });
    await recordHistory([entry(2)], 10);
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain('private.example');
    expect((await readHistory()).map(({ host }) => host)).toEqual(['shop.example.com', 'private.example']);
    await clearPrivateHistory();
    expect(await browser.storage.session.get(null)).toEqual({});
    expect((await readHistory()).map(({ host }) => host)).toEqual(['shop.example.com']);
    await clearHistory();
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('tells a watcher the list now and after every burst and every clear', async () => {
    const heard: number[][] = [];
    const stop = watchHistory((entries) => heard.push(times(entries)));
    await vi.waitFor(() => expect(heard).toEqual([[]]));
    await recordHistory([entry(1), entry(2)], 10);
    await vi.waitFor(() => expect(heard.at(-1)).toEqual([2, 1]));
    await recordHistory([entry(3)], 10, { privateWindow: true });
    await vi.waitFor(() => expect(heard.at(-1)).toEqual([3, 2, 1]));
    await clearHistory();
    await vi.waitFor(() => expect(heard.at(-1)).toEqual([]));
    stop();
  });
});
