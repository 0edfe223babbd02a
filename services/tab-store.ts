// Per-tab records in storage.session: they survive the service worker stopping and vanish with the browser session.
import { storage } from '@wxt-dev/storage';
import { emptyRecord, isEmptyRecord, type TabRecord } from '../utils/tab-record';
import { serialized } from './serial';

const PREFIX = 'tab:';
const keyFor = (tabId: number) => `session:${PREFIX}${tabId}` as const;

export async function readTabRecord(tabId: number): Promise<TabRecord | undefined> {
  const stored = await storage.getItem<TabRecord>(keyFor(tabId));
  return stored && Array.isArray(stored.failures) ? { ...stored, timeline: Array.isArray(stored.timeline) ? stored.timeline : [] } : undefined;
}

// The records this context last wrote: only the background writes them, so its copy stays true and a burst of
// updates reads storage once. Other contexts (the popup) read storage directly.
const written = new Map<number, TabRecord | undefined>();

/** Applies `change` to the tab's record and stores the result; an empty result removes the record. */
export function updateTabRecord(tabId: number, change: (record: TabRecord) => TabRecord | undefined): Promise<TabRecord | undefined> {
  return serialized(keyFor(tabId), async () => {
    const current = written.has(tabId) ? written.get(tabId) : await readTabRecord(tabId);
    const updated = change(current ?? emptyRecord(tabId));
    const kept = isEmptyRecord(updated) ? undefined : updated;
    if (kept) await storage.setItem(keyFor(tabId), kept);
    else if (current) await storage.removeItem(keyFor(tabId));
    if (kept) written.set(tabId, kept);
    else written.delete(tabId);
    return kept;
  });
}

export function removeTabRecord(tabId: number): Promise<unknown> {
  return updateTabRecord(tabId, () => undefined);
}

/** Ids of the tabs that have a record, read from storage (used once after the worker starts). */
export async function tabsWithRecords(): Promise<number[]> {
  const all = await storage.snapshot('session');
  return Object.keys(all)
    .filter((key) => key.startsWith(PREFIX))
    .map((key) => Number(key.slice(PREFIX.length)))
    .filter(Number.isInteger);
}

/** Calls `listener` with the tab's record whenever it changes. Returns the function that stops listening. */
export function watchTabRecord(tabId: number, listener: (record: TabRecord | undefined) => void): () => void {
  return storage.watch<TabRecord>(keyFor(tabId), (record) => listener(record ?? undefined));
}
