// What the toolbar badge says about a tab: the page's status, or how many requests inside it failed.
import { failureCount, type TabRecord } from './tab-record';
import { say, sayCount } from './wording';

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

/** What a tab shows when Gatewhy has nothing to say about it: the browser's default (a function: the words follow the language). */
export const idleBadge = (): Badge => ({ text: '', color: PAGE_FAILED_COLOR, title: say('badge.idle') });

export const sameBadge = (a: Badge, b: Badge) => a.text === b.text && a.color === b.color && a.title === b.title;

export function badgeFor(record: TabRecord | undefined): Badge {
  if (!record) return idleBadge();
  const { page, failures } = record;
  if (page) {
    return {
      text: page.status > 0 ? String(page.status) : 'ERR',
      color: PAGE_FAILED_COLOR,
      title:
        page.status > 0
          ? say('badge.pageAnswered', { status: page.status })
          : say('badge.pageFailed', { error: page.networkError ?? say('badge.networkError') }),
    };
  }
  if (failures.length === 0) return idleBadge();
  const count = failureCount(record);
  return {
    text: count > 99 ? '99+' : String(count),
    color: REQUESTS_FAILED_COLOR,
    title: sayCount('badge.requestsFailed', count),
  };
}
