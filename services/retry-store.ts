// Retry schedules and the global retry log in storage.session, so a countdown survives the service worker being stopped.
import { storage } from '@wxt-dev/storage';
import { GLOBAL_WINDOW_MS, type RetryLog, type RetryState } from '../utils/retry-policy';

export const RETRY_STATE_PREFIX = 'retry:';
export const RETRY_LOG_KEY = 'retryLog';
const keyFor = (tabId: number) => `session:${RETRY_STATE_PREFIX}${tabId}` as const;

/** A stored retry state (the background wrote it), or undefined when there is none or it is not one. */
export function asRetryState(stored: unknown): RetryState | undefined {
  if (typeof stored !== 'object' || stored === null || !('url' in stored) || typeof stored.url !== 'string' || !('attempt' in stored)) return undefined;
  return stored as RetryState;
}

export async function readRetryState(tabId: number): Promise<RetryState | undefined> {
  return asRetryState(await storage.getItem<unknown>(keyFor(tabId)));
}

/** Stores the tab's retry state; undefined removes it. Only the background writes them. */
export async function writeRetryState(tabId: number, state: RetryState | undefined): Promise<void> {
  if (state) await storage.setItem(keyFor(tabId), state);
  else await storage.removeItem(keyFor(tabId));
}

/** The stored log's retries of the last minute (ms since the epoch), whatever was stored. */
export function asRetryLog(stored: unknown, now: number): number[] {
  return Array.isArray(stored) ? stored.filter((at): at is number => typeof at === 'number' && at > now - GLOBAL_WINDOW_MS) : [];
}

export async function writeRetryLog(log: RetryLog): Promise<void> {
  await storage.setItem(`session:${RETRY_LOG_KEY}`, [...log]);
}

export function watchRetryState(tabId: number, listener: (state: RetryState | undefined) => void): () => void {
  return storage.watch<unknown>(keyFor(tabId), (state) => listener(asRetryState(state)));
}
