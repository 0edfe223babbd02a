// Per-tab records in storage.session: they survive the service worker stopping and vanish with the browser session.
import { storage } from '@wxt-dev/storage';
import type { TabRecord } from '../utils/tab-record';

export const TAB_RECORD_PREFIX = 'tab:';
const keyFor = (tabId: number) => `session:${TAB_RECORD_PREFIX}${tabId}` as const;

/** A stored record (the background wrote it), or undefined when there is none or it is not one. */
export function asTabRecord(stored: unknown): TabRecord | undefined {
  if (typeof stored !== 'object' || stored === null || !('failures' in stored) || !Array.isArray(stored.failures)) return undefined;
  const record = stored as TabRecord;
  return { ...record, timeline: Array.isArray(record.timeline) ? record.timeline : [] };
}

export async function readTabRecord(tabId: number): Promise<TabRecord | undefined> {
  return asTabRecord(await storage.getItem<unknown>(keyFor(tabId)));
}

/** Stores the tab's record; undefined removes it. Only the background writes records (its tab machine decides them). */
export async function writeTabRecord(tabId: number, record: TabRecord | undefined): Promise<void> {
  if (record) await storage.setItem(keyFor(tabId), record);
  else await storage.removeItem(keyFor(tabId));
}

/** Calls `listener` with the tab's record whenever it changes. Returns the function that stops listening. */
export function watchTabRecord(tabId: number, listener: (record: TabRecord | undefined) => void): () => void {
  return storage.watch<unknown>(keyFor(tabId), (record) => listener(asTabRecord(record)));
}
