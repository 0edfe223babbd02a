// Retry schedules in storage.session, so a countdown survives the service worker being stopped.
import { storage } from '@wxt-dev/storage';
import { GLOBAL_WINDOW_MS, type RetryLog, type RetryState } from '../utils/retry-policy';
import { serialized } from './serial';

const PREFIX = 'retry:';
const keyFor = (tabId: number) => `session:${PREFIX}${tabId}` as const;
const LOG_KEY = 'session:retryLog' as const;

export async function readRetryState(tabId: number): Promise<RetryState | undefined> {
  return (await storage.getItem<RetryState>(keyFor(tabId))) ?? undefined;
}

/** Applies `change` to the tab's retry state; undefined removes it. Returns the stored state. */
export function updateRetryState(tabId: number, change: (state: RetryState | undefined) => RetryState | undefined): Promise<RetryState | undefined> {
  return serialized(keyFor(tabId), async () => {
    const updated = change(await readRetryState(tabId));
    if (updated) await storage.setItem(keyFor(tabId), updated);
    else await storage.removeItem(keyFor(tabId));
    return updated;
  });
}

export async function allRetryStates(): Promise<RetryState[]> {
  const all = await storage.snapshot('session');
  return Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([, value]) => value as RetryState);
}

/** Retries scheduled or made in the last minute, across tabs (for the global limit). */
export async function readRetryLog(now: number): Promise<RetryLog> {
  const log = (await storage.getItem<number[]>(LOG_KEY)) ?? [];
  return log.filter((at) => at > now - GLOBAL_WINDOW_MS);
}

export function changeRetryLog(now: number, change: (log: number[]) => number[]): Promise<void> {
  return serialized(LOG_KEY, async () => {
    await storage.setItem(LOG_KEY, change([...(await readRetryLog(now))]));
  });
}

export function watchRetryState(tabId: number, listener: (state: RetryState | undefined) => void): () => void {
  return storage.watch<RetryState>(keyFor(tabId), (state) => listener(state ?? undefined));
}
