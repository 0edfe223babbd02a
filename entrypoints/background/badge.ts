// Shows a tab's badge: text, colour, tooltip and the "error" icon.
import { browser } from 'wxt/browser';
import { badgeFor } from '../../utils/badge';
import type { TabRecord } from '../../utils/tab-record';

// MV2 builds (Firefox) name the toolbar button browserAction; MV3 names it action.
const action = () => browser.action ?? browser.browserAction;

const ICON_PATHS = (state: 'idle' | 'error') =>
  state === 'error'
    ? { 16: '/icon/error-16.png', 32: '/icon/error-32.png' }
    : { 16: '/icon/16.png', 32: '/icon/32.png' };

// What each tab shows, so a burst of failures only calls the setters whose value changed.
const shown = new Map<number, { text: string; color: string; title: string; icon: 'idle' | 'error' }>();

/**
 * Shows the tab's badge. `force` sets everything again: Chromium resets a tab's badge when it commits a navigation.
 */
export async function showBadge(tabId: number, record: TabRecord | undefined, { force = false } = {}): Promise<void> {
  const badge = badgeFor(record);
  const next = { ...badge, icon: badge.text ? ('error' as const) : ('idle' as const) };
  const before = force ? undefined : shown.get(tabId);
  shown.set(tabId, next);
  const api = action();
  await Promise.all([
    before?.text !== next.text && api.setBadgeText({ tabId, text: next.text }),
    before?.color !== next.color && api.setBadgeBackgroundColor({ tabId, color: next.color }),
    before?.title !== next.title && api.setTitle({ tabId, title: next.title }),
    before?.icon !== next.icon && api.setIcon({ tabId, path: ICON_PATHS(next.icon) }),
  ]);
}

export function forgetBadge(tabId: number): void {
  shown.delete(tabId);
}
