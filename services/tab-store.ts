// Per-tab records in storage.session: they survive the service worker stopping and vanish with the browser session.
import { storage } from '@wxt-dev/storage';
import { emptyRecord, type TabRecord } from '../utils/tab-record';

const keyFor = (tabId: number) => `session:tab:${tabId}` as const;

export async function readTabRecord(tabId: number): Promise<TabRecord | undefined> {
  const stored = await storage.getItem<TabRecord>(keyFor(tabId));
  return stored && Array.isArray(stored.failures) ? stored : undefined;
}

// Updates of one tab run one after another, so two events arriving together cannot overwrite each other.
const pending = new Map<number, Promise<unknown>>();

/** Applies `change` to the tab's record and stores the result; `undefined` removes the record. */
export function updateTabRecord(
  tabId: number,
  change: (record: TabRecord) => TabRecord | undefined,
): Promise<TabRecord | undefined> {
  const previous = pending.get(tabId) ?? Promise.resolve();
  const next = previous.then(async () => {
    const updated = change((await readTabRecord(tabId)) ?? emptyRecord(tabId));
    if (updated && (updated.page || updated.failures.length > 0)) await storage.setItem(keyFor(tabId), updated);
    else await storage.removeItem(keyFor(tabId));
    return updated;
  });
  const settled = next.catch(() => undefined);
  pending.set(tabId, settled);
  void settled.then(() => pending.get(tabId) === settled && pending.delete(tabId));
  return next;
}

export function removeTabRecord(tabId: number): Promise<unknown> {
  return updateTabRecord(tabId, () => undefined);
}

/** Calls `listener` with the tab's record whenever it changes. Returns the function that stops listening. */
export function watchTabRecord(tabId: number, listener: (record: TabRecord | undefined) => void): () => void {
  return storage.watch<TabRecord>(keyFor(tabId), (record) => listener(record ?? undefined));
}
