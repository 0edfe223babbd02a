// What the toolbar badge says about a tab: the page's status, or how many requests inside it failed.
import type { TabRecord } from './tab-record';

export interface Badge {
  /** At most four characters; empty clears the badge. */
  text: string;
  /** Background colour as #rrggbb. */
  color: string;
  /** Tooltip in words. */
  title: string;
}

/** Red: the page itself failed. Amber: the page loaded, some of its requests failed. */
export const PAGE_FAILED_COLOR = '#c5221f';
export const REQUESTS_FAILED_COLOR = '#b06000';

export const IDLE_TITLE = 'Gatewhy: no gateway errors on this tab';

/** What a tab shows when Gatewhy has nothing to say about it: the browser's default. */
export const IDLE_BADGE: Badge = { text: '', color: PAGE_FAILED_COLOR, title: IDLE_TITLE };

export const sameBadge = (a: Badge, b: Badge) => a.text === b.text && a.color === b.color && a.title === b.title;

export function badgeFor(record: TabRecord | undefined): Badge {
  if (!record) return IDLE_BADGE;
  const { page, failures } = record;
  if (page) {
    const what = page.status > 0 ? `answered ${page.status}` : `failed (${page.networkError ?? 'network error'})`;
    return {
      text: page.status > 0 ? String(page.status) : 'ERR',
      color: PAGE_FAILED_COLOR,
      title: `Gatewhy: this page ${what}. Click for the explanation.`,
    };
  }
  if (failures.length === 0) return IDLE_BADGE;
  const count = failures.length;
  return {
    text: count > 99 ? '99+' : String(count),
    color: REQUESTS_FAILED_COLOR,
    title: `Gatewhy: the page loaded, but ${count} ${count === 1 ? 'request' : 'requests'} inside it failed. Click for details.`,
  };
}
