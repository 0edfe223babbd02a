// "Recent errors" in storage.local: bounded, without query strings or credentials, cleared with one click.
import { storage } from '@wxt-dev/storage';
import { addToHistory, type HistoryEntry } from '../utils/history';
import { serialized } from './serial';

export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', { fallback: [] });

/** Adds entries (oldest first) in one read and one write. */
export function recordHistory(entries: readonly HistoryEntry[], size: number): Promise<void> {
  return serialized('history', async () => {
    const current = await historyItem.getValue();
    await historyItem.setValue(entries.reduce((history, entry) => addToHistory(history, entry, size), Array.isArray(current) ? current : []));
  });
}

export function clearHistory(): Promise<void> {
  return serialized('history', () => historyItem.setValue([]));
}
