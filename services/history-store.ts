// "Recent errors": bounded, without query strings or credentials, cleared with one click. Those of regular windows are
// in storage.local (on disk); those of private windows only in storage.session (in memory), gone with the windows.
import { storage } from '@wxt-dev/storage';
import { addToHistory, mergedHistory, type HistoryEntry } from '../utils/history';
import { serialized } from './serial';
import { clearSightings } from './sightings-store';

export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', { fallback: [] });
/**
 * Private windows' recent errors. storage.session is held in memory and never written to disk, in Chrome
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#property-session) and Firefox
 * (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/storage/session).
 */
export const privateHistoryItem = storage.defineItem<HistoryEntry[]>('session:privateHistory', { fallback: [] });

const itemFor = (privateWindow: boolean) => (privateWindow ? privateHistoryItem : historyItem);
const listOf = (value: unknown): HistoryEntry[] => (Array.isArray(value) ? (value as HistoryEntry[]) : []);

/** Adds entries (oldest first) in one read and one write, to the private windows' list when they come from one. */
export function recordHistory(entries: readonly HistoryEntry[], size: number, { privateWindow = false } = {}): Promise<void> {
  const item = itemFor(privateWindow);
  return serialized(item.key, async () => {
    const current = listOf(await item.getValue());
    await item.setValue(entries.reduce((history, entry) => addToHistory(history, entry, size), current));
  });
}

/** Forgets every recent error, and the healthy responses "is it just me" compares them with. */
export function clearHistory(): Promise<void> {
  return Promise.all([clearPrivateHistory(), clearSightings(), serialized(historyItem.key, () => historyItem.setValue([]))]).then(() => undefined);
}

/** Forgets private windows' recent errors (when the last private window closes). */
export function clearPrivateHistory(): Promise<void> {
  return serialized(privateHistoryItem.key, () => privateHistoryItem.removeValue());
}

/** Calls `listener` with every recent error, both lists together, newest first: now and after every change. */
export function watchHistory(listener: (entries: HistoryEntry[]) => void): () => void {
  let stored: HistoryEntry[] = [];
  let inMemory: HistoryEntry[] = [];
  const report = () => listener(mergedHistory(stored, inMemory));
  void Promise.all([historyItem.getValue(), privateHistoryItem.getValue()]).then(([disk, memory]) => {
    [stored, inMemory] = [listOf(disk), listOf(memory)];
    report();
  });
  const stops = [
    historyItem.watch((value) => {
      stored = listOf(value);
      report();
    }),
    privateHistoryItem.watch((value) => {
      inMemory = listOf(value);
      report();
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
