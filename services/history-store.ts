// "Recent errors" in storage.local: bounded, without query strings or credentials, cleared with one click.
import { storage } from '@wxt-dev/storage';
import { addToHistory, type HistoryEntry } from '../utils/history';
import { serialized } from './serial';

export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', { fallback: [] });

export function recordHistory(entry: HistoryEntry, size: number): Promise<void> {
  return serialized('history', async () => {
    const current = await historyItem.getValue();
    await historyItem.setValue(addToHistory(Array.isArray(current) ? current : [], entry, size));
  });
}

export function clearHistory(): Promise<void> {
  return serialized('history', () => historyItem.setValue([]));
}
