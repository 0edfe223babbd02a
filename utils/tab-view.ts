// What the popup says about a tab, decided without the browser: its state, its failed requests by host, its retry.
import type { Party } from './party';
import { hostWithPort } from './query-strings';
import { serverAsks, whyText } from './banner-text';
import type { RetryState } from './retry-policy';
import type { FailedRequest, TabRecord, TimelineEvent } from './tab-record';
import { currentLocale, say, type MessageKey } from './wording';
import { formatDuration } from './explain/time';

/** The one-word story of a tab. */
export type TabStatus = 'clear' | 'page-failed' | 'requests-failed' | 'recovered';

/** How the newest failing streak ended, when nothing failed after it: "the page is back", or "the site now answers 401". */
export function outcome(record: TabRecord | undefined): TimelineEvent | undefined {
  const last = record?.timeline.findLast((event) => event.kind === 'recovered' || event.kind === 'ended' || event.kind === 'failed');
  return last?.kind === 'failed' ? undefined : last;
}

/** The newest recovery, when nothing failed after it: "the page is back". */
export function recovery(record: TabRecord | undefined): TimelineEvent | undefined {
  const last = outcome(record);
  return last?.kind === 'recovered' ? last : undefined;
}

export function tabStatus(record: TabRecord | undefined): TabStatus {
  if (record?.page) return 'page-failed';
  if (requestsInside(record).length > 0) return 'requests-failed';
  return recovery(record) ? 'recovered' : 'clear';
}

/** Failures other than the page's own. */
export function requestsInside(record: TabRecord | undefined): FailedRequest[] {
  if (!record) return [];
  return record.failures.filter((failure) => failure.requestId !== record.page?.requestId && failure.type !== 'main_frame');
}

export interface HostGroup {
  host: string;
  party: Party;
  /** Newest first. */
  failures: FailedRequest[];
}

/**
 * The requests that failed inside the page, by host, first-party hosts apart from third parties':
 * a third party's API failing is a different story from the site's own origin failing.
 * Hosts with most failures first.
 */
export function requestGroups(record: TabRecord | undefined): { first: HostGroup[]; third: HostGroup[] } {
  const groups = new Map<string, HostGroup>();
  for (const failure of requestsInside(record)) {
    const party = failure.party ?? 'first';
    const host = hostWithPort(failure.url);
    const key = `${party} ${host}`;
    const group = groups.get(key) ?? { host, party, failures: [] };
    group.failures.unshift(failure);
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort((a, b) => b.failures.length - a.failures.length || a.host.localeCompare(b.host));
  return { first: sorted.filter(({ party }) => party === 'first'), third: sorted.filter(({ party }) => party === 'third') };
}

export interface RetryView {
  /** One line: "Retrying in 4 s", "Retrying is stopped". */
  title: string;
  /** "Attempt 2 of 5". */
  attempt: string;
  /** Why it waits this long, or why it does not retry. */
  detail: string;
  /** Seconds left when a retry is scheduled. */
  secondsLeft?: number;
  canPause: boolean;
  canResume: boolean;
  /** The server asked to wait past the user's cap: retry at the time it asked for. */
  canRetryThen: boolean;
}

const BLOCKED_TITLES: Partial<Record<NonNullable<RetryState['blocked']>, MessageKey>> = {
  paused: 'retry.title.paused',
  'gave-up': 'retry.title.gaveUp',
  'not-get': 'retry.title.notGet',
  'browser-retries': 'retry.title.browserRetries',
  'waits-too-long': 'retry.title.waitsTooLong',
  'name-not-resolved': 'retry.title.nameNotResolved',
  certificate: 'retry.title.certificate',
  'too-many-redirects': 'retry.title.tooManyRedirects',
  offline: 'retry.title.offline',
};

/** What the popup's retry panel says about a tab's retry state at `now`. */
export function retryView(retry: RetryState, now: number): RetryView {
  const counts = { attempt: Math.min(retry.attempt + 1, retry.maxAttempts), maxAttempts: retry.maxAttempts };
  const attempt = retry.blocked === 'gave-up' ? say('retry.attemptsMade', { ...counts, attempt: retry.attempt }) : say('retry.attempt', counts);
  const view = { attempt, detail: whyText(retry), canPause: false, canResume: false, canRetryThen: false };
  if (retry.waitingForNetwork) return { ...view, title: say('retry.title.waitingForNetwork'), canPause: true };
  if (retry.dueAt !== undefined) {
    const secondsLeft = Math.max(0, Math.ceil((retry.dueAt - now) / 1000));
    return {
      ...view,
      title: secondsLeft > 0 ? say('retry.title.retryingIn', { wait: formatDuration(secondsLeft) }) : say('retry.title.retryingNow'),
      secondsLeft,
      canPause: true,
    };
  }
  if (!retry.blocked) return { ...view, title: say('retry.title.retryingNow'), detail: say('retry.reloading'), canPause: true };
  if (retry.blocked === 'waits-too-long')
    return { ...view, title: say('retry.title.waitsTooLong'), detail: say('retry.thenOrNow', { serverAsks: serverAsks(retry, now) }), canRetryThen: true };
  const title = BLOCKED_TITLES[retry.blocked];
  return { ...view, title: say(title ?? 'retry.title.notRetried'), canResume: retry.blocked === 'paused' };
}

/** "14:05:03" in the person's locale; with the date when it is not today. */
export function clockTime(epochMs: number, now: number): string {
  const at = new Date(epochMs);
  const sameDay = at.toDateString() === new Date(now).toDateString();
  return sameDay ? at.toLocaleTimeString(currentLocale()) : at.toLocaleString(currentLocale());
}

/** "now", "45 seconds ago", "3 minutes ago", "2 hours ago", "4 days ago", in the person's language. */
export function ago(epochMs: number, now: number): string {
  const words = new Intl.RelativeTimeFormat(currentLocale(), { numeric: 'auto' });
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  if (seconds < 5) return words.format(0, 'second');
  if (seconds < 60) return words.format(-seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return words.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return words.format(-hours, 'hour');
  return words.format(-Math.floor(hours / 24), 'day');
}
