// Settings as the extension stores them: one storage.sync item per setting (utils/settings.ts).
import { settingItemKey } from '../../../utils/settings';

/** `{ maxAttempts: 3 }` → `{ 'settings.maxAttempts': 3 }`, ready for storage.sync.set. */
export function settingItems(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(changes).map(([key, value]) => [settingItemKey(key), value]));
}

/**
 * Runs in an extension page: true once the background applies `expected` (it hears storage changes a moment after
 * they are written, so a test waits for this before it loads a page).
 */
export async function appliedSettings(expected: Record<string, unknown>): Promise<boolean> {
  const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
  const current = (await api.runtime.sendMessage({ type: 'settings' })) as Record<string, unknown>;
  return Object.entries(expected).every(([key, value]) => JSON.stringify(current?.[key]) === JSON.stringify(value));
}
