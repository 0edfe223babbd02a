// When to reload a failed page, and when never to: backoff with jitter, Retry-After, a global cap, no form re-POST.
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { Settings } from './settings';

/** Why a page is not retried automatically, in words the banner and popup show. */
export type BlockReason = 'not-get' | 'never-site' | 'auto-retry-off' | 'status-not-retried' | 'network-errors-off' | 'gave-up' | 'paused';

export const BLOCK_REASONS: Record<BlockReason, string> = {
  'not-get': 'This page came from a form submission. Reloading it would send the form again, so Gatewhy does not retry it by itself.',
  'never-site': 'Automatic retry is turned off for this site.',
  'auto-retry-off': 'Automatic retry is turned off.',
  'status-not-retried': 'This status is not in the list of statuses to retry.',
  'network-errors-off': 'Retrying pages that got no response is turned off.',
  'gave-up': 'Gatewhy stopped after the maximum number of attempts.',
  paused: 'Retrying is paused for this tab.',
};

/** What the scheduler knows about one tab's failing page. Stored in storage.session. */
export interface RetryState {
  tabId: number;
  url: string;
  /** Retries already started for this failure streak. */
  attempt: number;
  maxAttempts: number;
  /** Epoch ms of the first failure in the streak. */
  since: number;
  /** Epoch ms when the next retry is due; absent when none is scheduled. */
  dueAt?: number;
  /** Reload bypassing the cache (the error came from a cache). */
  bypassCache: boolean;
  /** Why the delay is what it is: "backoff", "Retry-After: 4" or "global limit". */
  delayReason?: string;
  blocked?: BlockReason;
}

/** What a page failure looks like to the policy. */
export interface PageFailure {
  tabId: number;
  url: string;
  method: string;
  status: number;
  /** Seconds from Retry-After, when the response had one. */
  retryAfterSeconds?: number;
  cached: boolean;
}

/** 0 ≤ random() < 1; injectable so tests are exact. */
export type Random = () => number;

/**
 * Delay before retry number `attempt` (1-based), in ms: base × factor^(attempt-1), capped at the maximum,
 * then shortened by up to `jitter` of itself at random so that clients spread out.
 */
export function retryDelay(attempt: number, settings: Pick<Settings, 'baseDelaySeconds' | 'backoffFactor' | 'maxDelaySeconds' | 'jitter'>, random: Random = Math.random): number {
  const exponential = settings.baseDelaySeconds * settings.backoffFactor ** Math.max(0, attempt - 1);
  const capped = Math.min(settings.maxDelaySeconds, exponential);
  return Math.round(capped * (1 - settings.jitter * random()) * 1000);
}

/** True when the URL matches one of the match patterns; invalid patterns match nothing. */
export function matchesAny(url: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    try {
      return new MatchPattern(pattern).includes(url);
    } catch {
      return false;
    }
  });
}

/** Why this failure must not be retried automatically, or undefined when it may be. */
export function blockReason(failure: PageFailure, settings: Settings): BlockReason | undefined {
  if (failure.method !== 'GET') return 'not-get';
  if (matchesAny(failure.url, settings.neverRetrySites)) return 'never-site';
  if (!settings.autoRetry && !matchesAny(failure.url, settings.alwaysRetrySites)) return 'auto-retry-off';
  if (failure.status === 0) return settings.retryNetworkErrors ? undefined : 'network-errors-off';
  return settings.retryStatuses.includes(failure.status) ? undefined : 'status-not-retried';
}

/** The last minute's retries, across tabs, as epoch ms. */
export type RetryLog = readonly number[];

export const GLOBAL_WINDOW_MS = 60_000;

/** The earliest time at or after `wanted` when one more retry stays within the global per-minute limit. */
export function withinGlobalLimit(wanted: number, log: RetryLog, perMinute: number): number {
  const recent = [...log].filter((at) => at > wanted - GLOBAL_WINDOW_MS).sort((a, b) => a - b);
  if (recent.length < perMinute) return wanted;
  // The slot frees when the oldest retry that keeps us at the limit leaves the window.
  return recent[recent.length - perMinute]! + GLOBAL_WINDOW_MS;
}

/**
 * Plans the next retry after a page failure. `previous` is the tab's state when the same page was already failing.
 * Returns the new state: with `dueAt` when a retry is scheduled, or with `blocked` saying why not.
 */
export function planRetry(
  failure: PageFailure,
  previous: RetryState | undefined,
  settings: Settings,
  log: RetryLog,
  now: number,
  random: Random = Math.random,
): RetryState {
  const sameStreak = previous && previous.url === failure.url && previous.blocked !== 'gave-up';
  const attempt = sameStreak ? previous.attempt : 0;
  const base: RetryState = {
    tabId: failure.tabId,
    url: failure.url,
    attempt,
    maxAttempts: settings.maxAttempts,
    since: sameStreak ? previous.since : now,
    bypassCache: failure.cached,
  };
  if (sameStreak && previous.blocked === 'paused') return { ...base, blocked: 'paused' };
  const blocked = blockReason(failure, settings);
  if (blocked) return { ...base, blocked };
  return nextRetry(base, settings, log, now, failure.retryAfterSeconds, random);
}

/** Schedules the state's next attempt, or gives up once `maxAttempts` retries were made. */
export function nextRetry(
  state: RetryState,
  settings: Settings,
  log: RetryLog,
  now: number,
  retryAfterSeconds?: number,
  random: Random = Math.random,
): RetryState {
  const { dueAt: _due, delayReason: _reason, blocked: _blocked, ...rest } = state;
  if (state.attempt >= settings.maxAttempts) return { ...rest, blocked: 'gave-up' };
  const backoff = retryDelay(state.attempt + 1, settings, random);
  const askedFor = settings.honorRetryAfter && retryAfterSeconds !== undefined ? Math.min(retryAfterSeconds, settings.retryAfterCapSeconds) * 1000 : undefined;
  const wanted = now + (askedFor ?? backoff);
  const dueAt = withinGlobalLimit(wanted, log, settings.globalRetriesPerMinute);
  const capped = retryAfterSeconds !== undefined && retryAfterSeconds > settings.retryAfterCapSeconds ? `, capped at ${settings.retryAfterCapSeconds} s` : '';
  const delayReason = dueAt > wanted ? 'global limit' : askedFor !== undefined ? `Retry-After: ${retryAfterSeconds}${capped}` : 'backoff';
  return { ...rest, dueAt, delayReason };
}
