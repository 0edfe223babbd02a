// "Recent errors": bounded, without query strings or credentials, cleared with one click. Those of regular windows are
// in storage.local (on disk); those of private windows only in storage.session (in memory), gone with the windows.
// Each burst is appended as its own chunk (utils/history.ts, the journal), so recording never rewrites the list.
import { storage } from '@wxt-dev/storage';
import {
  appendChunk,
  historyFromJournal,
  journalKeyOf,
  mergedHistory,
  nextChunkKey,
  storedJournal,
  type HistoryChunk,
  type HistoryEntry,
} from '../utils/history';
import { serialized } from './serial';
import { clearSightings } from './sightings-store';

interface HistoryPlace {
  area: 'local' | 'session';
  /** The chunks are `<base>.<n>`; before the journal, the whole list was one array under `<base>` itself. */
  base: string;
}

const REGULAR: HistoryPlace = { area: 'local', base: 'history' };
/**
 * Private windows' recent errors. storage.session is held in memory and never written to disk, in Chrome
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#property-session) and Firefox
 * (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/storage/session).
 */
const PRIVATE: HistoryPlace = { area: 'session', base: 'privateHistory' };

type Key = `${HistoryPlace['area']}:${string}`;
const keyIn = ({ area }: HistoryPlace, key: string): Key => `${area}:${key}`;
const journalKey = (place: HistoryPlace) => keyIn(place, journalKeyOf(place.base));

async function readJournal(place: HistoryPlace): Promise<HistoryChunk[]> {
  const index = await storage.getItem<unknown>(journalKey(place));
  // Only without an index is a list from before the journal looked for.
  const legacy = index === null ? await storage.getItem<unknown>(keyIn(place, place.base)) : undefined;
  return storedJournal(place.base, index, legacy);
}

async function readPlace(place: HistoryPlace): Promise<HistoryEntry[]> {
  const journal = await readJournal(place);
  if (journal.length === 0) return [];
  const values = await storage.getItems(journal.map(({ key }) => keyIn(place, key)));
  return historyFromJournal(journal, Object.fromEntries(values.map(({ key, value }) => [key.slice(key.indexOf(':') + 1), value])));
}

/** Every recent error, both lists together, newest first. */
export async function readHistory(): Promise<HistoryEntry[]> {
  const [stored, inMemory] = await Promise.all([readPlace(REGULAR), readPlace(PRIVATE)]);
  return mergedHistory(stored, inMemory);
}

/**
 * Adds entries (oldest first), to the private windows' list when they come from one: one small read (the journal's
 * index) and one write of the new chunk with the index, then the removal of chunks that fell off the end.
 */
export function recordHistory(entries: readonly HistoryEntry[], size: number, { privateWindow = false } = {}): Promise<void> {
  const place = privateWindow ? PRIVATE : REGULAR;
  return serialized(journalKey(place), async () => {
    const journal = await readJournal(place);
    const burst = size > 0 ? [...entries].reverse().slice(0, size) : [];
    const key = nextChunkKey(place.base, journal);
    const next = appendChunk(journal, key, burst.length, size);
    await storage.setItems([...(burst.length > 0 ? [{ key: keyIn(place, key), value: burst }] : []), { key: journalKey(place), value: next.journal }]);
    if (next.dropped.length > 0) await storage.removeItems(next.dropped.map((dropped) => keyIn(place, dropped)));
  });
}

function clearPlace(place: HistoryPlace): Promise<void> {
  return serialized(journalKey(place), async () => {
    const journal = await readJournal(place);
    await storage.removeItems([journalKey(place), keyIn(place, place.base), ...journal.map(({ key }) => keyIn(place, key))]);
  });
}

/** Forgets every recent error, and the healthy responses "is it just me" compares them with. */
export function clearHistory(): Promise<void> {
  return Promise.all([clearPlace(PRIVATE), clearSightings(), clearPlace(REGULAR)]).then(() => undefined);
}

/** Forgets private windows' recent errors (when the last private window closes). */
export function clearPrivateHistory(): Promise<void> {
  return clearPlace(PRIVATE);
}

/** Calls `listener` with every recent error, both lists together, newest first: now and after every change. */
export function watchHistory(listener: (entries: HistoryEntry[]) => void): () => void {
  const lists = new Map<HistoryPlace, HistoryEntry[]>();
  const reads = new Map<HistoryPlace, number>();
  // Every change rewrites the place's journal index: read the place again, and let only its latest read report.
  const read = (place: HistoryPlace) => {
    const turn = (reads.get(place) ?? 0) + 1;
    reads.set(place, turn);
    return readPlace(place)
      .catch(() => [])
      .then((entries) => {
        if (reads.get(place) !== turn) return;
        lists.set(place, entries);
        if (lists.size === 2) listener(mergedHistory(lists.get(REGULAR)!, lists.get(PRIVATE)!));
      });
  };
  // A list an earlier version stored (or a test) changes under the base key itself.
  const stops = [REGULAR, PRIVATE].flatMap((place) =>
    [journalKey(place), keyIn(place, place.base)].map((key) => storage.watch<unknown>(key, () => void read(place))),
  );
  void read(REGULAR);
  void read(PRIVATE);
  return () => stops.forEach((stop) => stop());
}
