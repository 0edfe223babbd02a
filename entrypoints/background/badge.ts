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

export async function showBadge(tabId: number, record: TabRecord | undefined): Promise<void> {
  const badge = badgeFor(record);
  const api = action();
  await Promise.all([
    api.setBadgeText({ tabId, text: badge.text }),
    api.setBadgeBackgroundColor({ tabId, color: badge.color }),
    api.setTitle({ tabId, title: badge.title }),
    api.setIcon({ tabId, path: ICON_PATHS(badge.text ? 'error' : 'idle') }),
  ]);
}
