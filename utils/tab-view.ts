// What the popup says about a tab, decided without the browser: its state, its failed requests by host, its retry.
import type { Party } from './party';
import { hostWithPort } from './query-strings';
import { BLOCK_REASONS, type RetryState } from './retry-policy';
import type { FailedRequest, TabRecord, TimelineEvent } from './tab-record';

/** The one-word story of a tab. */
export type TabStatus = 'clear' | 'page-failed' | 'requests-failed' | 'recovered';

/** The newest recovery, when nothing failed after it: "the page is back". */
export function recovery(record: TabRecord | undefined): TimelineEvent | undefined {
  const last = record?.timeline.findLast((event) => event.kind === 'recovered' || event.kind === 'failed');
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
  /** One line: "Retrying in 4 s", "Retrying is paused". */
  title: string;
  /** "Attempt 2 of 5". */
  attempt: string;
  /** Why it waits this long, or why it does not retry. */
  detail: string;
  /** Seconds left when a retry is scheduled. */
  secondsLeft?: number;
  canPause: boolean;
  canResume: boolean;
}

function delayDetail(retry: RetryState): string {
  const reason = retry.delayReason ?? 'backoff';
  const cache = retry.bypassCache ? ' The error came from a cache, so the retry bypasses it.' : '';
  if (reason === 'global limit') return `Waiting for a free slot: Gatewhy limits automatic retries across all tabs, so a struggling server is not flooded.${cache}`;
  if (reason.startsWith('Retry-After')) return `The server asked to wait (${reason}).${cache}`;
  return `Each retry waits longer than the last (exponential backoff with jitter), so a struggling server gets room to recover.${cache}`;
}

/** What the popup's retry panel says about a tab's retry state at `now`. */
export function retryView(retry: RetryState, now: number): RetryView {
  const next = Math.min(retry.attempt + 1, retry.maxAttempts);
  const attempt = retry.blocked === 'gave-up' ? `${retry.attempt} of ${retry.maxAttempts} attempts made` : `Attempt ${next} of ${retry.maxAttempts}`;
  if (retry.dueAt !== undefined) {
    const secondsLeft = Math.max(0, Math.ceil((retry.dueAt - now) / 1000));
    return { title: secondsLeft > 0 ? `Retrying in ${secondsLeft} s` : 'Retrying now', attempt, detail: delayDetail(retry), secondsLeft, canPause: true, canResume: false };
  }
  if (!retry.blocked) return { title: 'Retrying now', attempt, detail: 'The page is being reloaded.', canPause: true, canResume: false };
  const titles: Partial<Record<NonNullable<RetryState['blocked']>, string>> = {
    paused: 'Retrying is paused',
    'gave-up': 'Gatewhy stopped retrying',
    'not-get': 'Not retried automatically: this page came from a form',
  };
  return {
    title: titles[retry.blocked] ?? 'Not retried automatically',
    attempt,
    detail: BLOCK_REASONS[retry.blocked],
    canPause: false,
    canResume: retry.blocked === 'paused',
  };
}

/** "14:05:03" in the person's locale; with the date when it is not today. */
export function clockTime(epochMs: number, now: number): string {
  const at = new Date(epochMs);
  const sameDay = at.toDateString() === new Date(now).toDateString();
  return sameDay ? at.toLocaleTimeString() : at.toLocaleString();
}

/** "just now", "45 s ago", "3 min ago", "2 h ago", "4 days ago". */
export function ago(epochMs: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
