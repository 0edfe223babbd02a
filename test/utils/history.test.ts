import { describe, expect, it } from 'vitest';
import {
  appendChunk,
  asJournal,
  historyFromJournal,
  mergedHistory,
  nextChunkKey,
  patternsByHost,
  toHistoryEntry,
  type HistoryEntry,
} from '../../utils/history';
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

  it('keeps the newest entries first, bounded by the size setting (0 keeps none), rewriting no chunk to trim it', () => {
    // Bursts of 2, 2 and 2 entries with room for 3: the oldest burst goes, the middle one keeps its newest entry.
    const stored: Record<string, HistoryEntry[]> = {};
    let journal: ReturnType<typeof asJournal> = [];
    const dropped: string[] = [];
    for (const burst of [
      [1, 2],
      [3, 4],
      [5, 6],
    ]) {
      const key = nextChunkKey('history', journal);
      stored[key] = burst.map((time) => entry('a.example', time)).reverse();
      const next = appendChunk(journal, key, burst.length, 3);
      journal = next.journal;
      dropped.push(...next.dropped);
    }
    expect(journal).toEqual([
      { key: 'history.2', keep: 1 },
      { key: 'history.3', keep: 2 },
    ]);
    expect(dropped).toEqual(['history.1']);
    expect(historyFromJournal(journal, stored).map(({ time }) => time)).toEqual([6, 5, 4]);
    expect(appendChunk(journal, 'history.4', 1, 0)).toEqual({ journal: [], dropped: ['history.2', 'history.3'] });
  });

  it('reads a journal from storage that may hold anything: bad chunks are left out, a missing chunk adds nothing', () => {
    expect(asJournal('junk')).toEqual([]);
    expect(asJournal([{ key: 'history.1', keep: 2 }, { key: 7, keep: 1 }, { key: 'history.2', keep: -1 }, null])).toEqual([{ key: 'history.1', keep: 2 }]);
    expect(
      historyFromJournal(
        [
          { key: 'history.1', keep: 2 },
          { key: 'history.2', keep: 1 },
        ],
        { 'history.1': [entry('a.example', 1)], 'history.2': 'junk' },
      ),
    ).toEqual([entry('a.example', 1)]);
    // The list an earlier version kept under "history" counts as chunk 0.
    expect(nextChunkKey('history', [{ key: 'history', keep: 5 }])).toBe('history.1');
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
