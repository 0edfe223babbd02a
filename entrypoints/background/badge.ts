// Shows a tab's badge: text, colour, tooltip and the "error" icon. The tab machine says what changed.
import { browser } from 'wxt/browser';
import type { Badge } from '../../utils/badge';

// MV2 builds (Firefox) name the toolbar button browserAction; MV3 names it action.
const action = () => browser.action ?? browser.browserAction;

const iconOf = (badge: Badge) => (badge.text ? { 16: '/icon/error-16.png', 32: '/icon/error-32.png' } : { 16: '/icon/16.png', 32: '/icon/32.png' });

/** Sets the parts of the badge that differ from `previous`; all of them when there is none to compare with. */
export async function showBadge(tabId: number, badge: Badge, previous?: Badge): Promise<void> {
  const api = action();
  await Promise.all([
    previous?.text !== badge.text && api.setBadgeText({ tabId, text: badge.text }),
    previous?.color !== badge.color && api.setBadgeBackgroundColor({ tabId, color: badge.color }),
    previous?.title !== badge.title && api.setTitle({ tabId, title: badge.title }),
    Boolean(previous?.text) !== Boolean(badge.text) || !previous ? api.setIcon({ tabId, path: iconOf(badge) }) : false,
  ]);
}
