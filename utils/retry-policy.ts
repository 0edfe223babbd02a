// When to reload a failed page, and when never to: backoff bounded below by Retry-After, a global cap, no form
// re-POST, no reload for what a reload cannot fix, and none where the browser already reloads by itself.
import { formatDuration } from './explain/time';
import { matchesAny } from './match-pattern';
import type { Settings } from './settings';
import { say, type MessageKey } from './wording';

/** Why a page is not retried automatically. The words for each are BLOCK_REASON_KEYS'. */
export type BlockReason =
  | 'not-get'
  | 'never-site'
  | 'auto-retry-off'
  | 'status-not-retried'
  | 'network-errors-off'
  | 'browser-retries'
  | 'name-not-resolved'
  | 'certificate'
  | 'too-many-redirects'
  | 'request-blocked'
  | 'offline'
  | 'not-transient'
  | 'waits-too-long'
  | 'gave-up'
  | 'paused';

/** The words for each reason, by key in locales/en.json. */
export const BLOCK_REASON_KEYS: Record<BlockReason, MessageKey> = {
  'not-get': 'retry.blocked.notGet',
  'never-site': 'retry.blocked.neverSite',
  'auto-retry-off': 'retry.blocked.autoRetryOff',
  'status-not-retried': 'retry.blocked.statusNotRetried',
  'network-errors-off': 'retry.blocked.networkErrorsOff',
  'browser-retries': 'retry.blocked.browserRetries',
  'name-not-resolved': 'retry.blocked.nameNotResolved',
  certificate: 'retry.blocked.certificate',
  'too-many-redirects': 'retry.blocked.tooManyRedirects',
  'request-blocked': 'retry.blocked.requestBlocked',
  offline: 'retry.blocked.offline',
  'not-transient': 'retry.blocked.notTransient',
  'waits-too-long': 'retry.blocked.waitsTooLong',
  'gave-up': 'retry.blocked.gaveUp',
  paused: 'retry.blocked.paused',
};

/** Why a page is not retried, in the person's language. */
export const blockReasonText = (reason: BlockReason): string => say(BLOCK_REASON_KEYS[reason]);

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
  /** Why the delay is what it is: "backoff", "Retry-After: 4 s", "global limit". */
  delayReason?: string;
  blocked?: BlockReason;
  /** The earliest time the server allows another request (from Retry-After). */
  notBefore?: number;
  /** Gatewhy reloaded the page at this time and waits for the answer. */
  reloadedAt?: number;
  /** The retry came due while the device was offline: it runs when the network is back. */
  waitingForNetwork?: boolean;
}

/** What a page failure looks like to the policy. */
export interface PageFailure {
  tabId: number;
  url: string;
  method: string;
  /** HTTP status, or 0 when no response arrived. */
  status: number;
  /** The browser's error when no response arrived, e.g. "net::ERR_CONNECTION_REFUSED". */
  networkError?: string;
  /** Seconds from Retry-After, when the response had one. */
  retryAfterSeconds?: number;
  cached: boolean;
}

/** What the browser does by itself, which Gatewhy must not do again. */
export interface BrowserTraits {
  /**
   * Chromium reloads pages that got no response on its own, after about 1 s, 5 s, 30 s, 1 min, 5 min, 10 min and then
   * every 30 min; never a POST, a certificate error or a blocked request, and not while the tab is hidden or the
   * device offline (components/error_page/content/browser/net_error_auto_reloader.cc,
   * https://github.com/chromium/chromium/blob/12be03159fe22cd4ef291e9561762531c2589539/components/error_page/content/browser/net_error_auto_reloader.cc#L22-L65).
   * Firefox has no such reloader.
   */
  reloadsNetworkErrors: boolean;
}

/** 0 ≤ random() < 1; injectable so tests are exact. */
export type Random = () => number;

/** The last minute's retries, across tabs, as epoch ms. */
export type RetryLog = readonly number[];

export const GLOBAL_WINDOW_MS = 60_000;

// Network errors by what a reload can do about them. Chromium's names are net::ERR_ + the names in
// https://github.com/chromium/chromium/blob/222d496edabd097d5c2ba48fee9fdf9047dab933/net/base/net_error_list.h
// (closed, reset, refused #L139-L145, timed out #L48 and #L198, not resolved #L155 and #L261, offline #L158,
// certificates #L483-L593, redirects #L609, empty response #L635); Firefox's are the NS_ERROR_ names its webRequest
// reports (measured in test/e2e/firefox/retry.e2e.ts), and its certificate errors come from NSS (SEC_, SSL_) and
// mozilla::pkix (MOZILLA_PKIX_).
export type NetworkErrorKind = 'transient' | 'name-not-resolved' | 'certificate' | 'too-many-redirects' | 'request-blocked' | 'offline' | 'other';

const NETWORK_ERROR_NAMES: readonly { kind: NetworkErrorKind; names: readonly string[] }[] = [
  {
    // The server or the path to it failed for now: the same request may well work a moment later.
    kind: 'transient',
    names: [
      'ERR_CONNECTION_CLOSED',
      'ERR_CONNECTION_RESET',
      'ERR_CONNECTION_REFUSED',
      'ERR_CONNECTION_ABORTED',
      'ERR_CONNECTION_TIMED_OUT',
      'ERR_TIMED_OUT',
      'ERR_EMPTY_RESPONSE',
      'NS_ERROR_CONNECTION_REFUSED',
      'NS_ERROR_NET_RESET',
      'NS_ERROR_NET_INTERRUPT',
      'NS_ERROR_NET_TIMEOUT',
      'NS_ERROR_NET_EMPTY_RESPONSE',
      'NS_ERROR_NET_PARTIAL_TRANSFER',
    ],
  },
  { kind: 'name-not-resolved', names: ['ERR_NAME_NOT_RESOLVED', 'ERR_NAME_RESOLUTION_FAILED', 'NS_ERROR_UNKNOWN_HOST'] },
  { kind: 'too-many-redirects', names: ['ERR_TOO_MANY_REDIRECTS', 'NS_ERROR_REDIRECT_LOOP'] },
  { kind: 'offline', names: ['ERR_INTERNET_DISCONNECTED', 'NS_ERROR_OFFLINE'] },
];
const CERTIFICATE_ERROR = /^(ERR_CERT_|ERR_SSL_|ERR_BAD_SSL_|SEC_ERROR_|SSL_ERROR_|MOZILLA_PKIX_ERROR_)/;
// Chromium's ERR_BLOCKED_BY_*; Firefox's URL classifier errors (NS_ERROR_TRACKING_URI, NS_ERROR_MALWARE_URI, …).
const BLOCKED_ERROR = /BLOCKED|^NS_ERROR_\w+_URI$/;

/**
 * Firefox reports a failed TLS handshake or a refused certificate not by name but with NSS's own message, in the
 * browser's language ("The certificate is not trusted because it is self-signed."): its webRequest takes the error
 * text from nsINSSErrorsService when the channel's security info holds an NSS error code, and the XPCOM error name
 * otherwise (ChannelWrapper::GetErrorString, toolkit/components/extensions/webrequest/ChannelWrapper.cpp,
 * https://github.com/mozilla/gecko-dev/blob/6613ec7689c02ed2a942ba640ec359f4e68f2923/toolkit/components/extensions/webrequest/ChannelWrapper.cpp).
 * So an error that is not a name is one of those.
 */
const ERROR_NAME = /^(net::)?[A-Z][A-Z0-9_]*$/;

/** What kind of failure a browser network error is. Unknown errors are 'other', which is never retried. */
export function networkErrorKind(error: string | undefined): NetworkErrorKind {
  const text = (error ?? '').trim();
  if (text !== '' && !ERROR_NAME.test(text)) return 'certificate';
  const name = text.replace(/^net::/, '');
  const named = NETWORK_ERROR_NAMES.find(({ names }) => names.includes(name));
  if (named) return named.kind;
  if (CERTIFICATE_ERROR.test(name)) return 'certificate';
  if (BLOCKED_ERROR.test(name)) return 'request-blocked';
  return 'other';
}

const NOT_RETRIED_KINDS: Record<Exclude<NetworkErrorKind, 'transient'>, BlockReason> = {
  'name-not-resolved': 'name-not-resolved',
  certificate: 'certificate',
  'too-many-redirects': 'too-many-redirects',
  'request-blocked': 'request-blocked',
  offline: 'offline',
  other: 'not-transient',
};

/**
 * Delay before retry number `attempt` (1-based), in ms: base × factor^(attempt-1), capped at the maximum,
 * then shortened by up to `jitter` of itself at random so that clients spread out.
 */
export function retryDelay(
  attempt: number,
  settings: Pick<Settings, 'baseDelaySeconds' | 'backoffFactor' | 'maxDelaySeconds' | 'jitter'>,
  random: Random = Math.random,
): number {
  const exponential = settings.baseDelaySeconds * settings.backoffFactor ** Math.max(0, attempt - 1);
  const capped = Math.min(settings.maxDelaySeconds, exponential);
  return Math.round(capped * (1 - settings.jitter * random()) * 1000);
}

/** Why this failure must not be retried automatically, or undefined when it may be. */
export function blockReason(failure: PageFailure, settings: Settings, browser: BrowserTraits): BlockReason | undefined {
  if (failure.method !== 'GET') return 'not-get';
  if (matchesAny(failure.url, settings.neverRetrySites)) return 'never-site';
  if (!settings.autoRetry && !matchesAny(failure.url, settings.alwaysRetrySites)) return 'auto-retry-off';
  if (failure.status === 0) {
    const kind = networkErrorKind(failure.networkError);
    if (kind !== 'transient') return NOT_RETRIED_KINDS[kind];
    if (browser.reloadsNetworkErrors) return 'browser-retries';
    return settings.retryNetworkErrors ? undefined : 'network-errors-off';
  }
  return settings.retryStatuses.includes(failure.status) ? undefined : 'status-not-retried';
}

/** The earliest time at or after `wanted` when one more retry stays within the global per-minute limit. */
export function withinGlobalLimit(wanted: number, log: RetryLog, perMinute: number): number {
  const recent = [...log].filter((at) => at > wanted - GLOBAL_WINDOW_MS).sort((a, b) => a - b);
  if (recent.length < perMinute) return wanted;
  // The slot frees when the oldest retry that keeps us at the limit leaves the window.
  return recent[recent.length - perMinute]! + GLOBAL_WINDOW_MS;
}

/** The state without a schedule: what is kept when a retry is cancelled, fired or blocked. */
export function unscheduled(state: RetryState): RetryState {
  const { dueAt: _due, delayReason: _reason, waitingForNetwork: _waiting, ...rest } = state;
  return rest;
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
  browser: BrowserTraits,
  random: Random = Math.random,
): RetryState {
  const sameStreak = previous !== undefined && previous.url === failure.url && previous.blocked !== 'gave-up';
  const base: RetryState = {
    tabId: failure.tabId,
    url: failure.url,
    attempt: sameStreak ? previous.attempt : 0,
    maxAttempts: settings.maxAttempts,
    since: sameStreak ? previous.since : now,
    bypassCache: failure.cached,
    ...(settings.honorRetryAfter && failure.retryAfterSeconds !== undefined && { notBefore: now + failure.retryAfterSeconds * 1000 }),
  };
  if (sameStreak && previous.blocked === 'paused') return { ...base, blocked: 'paused' };
  const blocked = blockReason(failure, settings, browser);
  if (blocked) return { ...base, blocked };
  return nextRetry(base, settings, log, now, random);
}

/**
 * Schedules the state's next attempt: after the backoff, and never before the server allows (Retry-After bounds the
 * delay from below; it is never shortened). A wait longer than the user's cap is not scheduled: the user is asked.
 * Gives up once `maxAttempts` retries were made.
 */
export function nextRetry(state: RetryState, settings: Settings, log: RetryLog, now: number, random: Random = Math.random): RetryState {
  const { blocked: _blocked, ...rest } = unscheduled(state);
  if (state.attempt >= settings.maxAttempts) return { ...rest, blocked: 'gave-up' };
  const backoffAt = now + retryDelay(state.attempt + 1, settings, random);
  const serverAt = state.notBefore ?? now;
  if (serverAt - now > settings.retryAfterCapSeconds * 1000) return { ...rest, blocked: 'waits-too-long' };
  const wanted = Math.max(backoffAt, serverAt);
  const dueAt = withinGlobalLimit(wanted, log, settings.globalRetriesPerMinute);
  const delayReason = dueAt > wanted ? 'global limit' : serverAt > backoffAt ? `Retry-After: ${formatDuration((serverAt - now) / 1000)}` : 'backoff';
  return { ...rest, dueAt, delayReason };
}

const DELAY_WORDS: Record<string, MessageKey> = {
  backoff: 'retry.delay.backoff',
  'global limit': 'retry.delay.globalLimit',
  'the time the server asked for': 'retry.delay.serverTime',
};

/** A `delayReason` in the person's language; "Retry-After: 4 s" names a header and stays as it is. */
export const delayReasonText = (reason: string): string => (Object.hasOwn(DELAY_WORDS, reason) ? say(DELAY_WORDS[reason]!) : reason);

/** Schedules the retry at the time the server asked for, beyond the cap, because the user chose to wait for it. */
export function retryWhenAsked(state: RetryState, settings: Settings, log: RetryLog, now: number): RetryState {
  const { blocked: _blocked, ...rest } = unscheduled(state);
  const wanted = Math.max(now, state.notBefore ?? now);
  const dueAt = withinGlobalLimit(wanted, log, settings.globalRetriesPerMinute);
  return { ...rest, dueAt, delayReason: dueAt > wanted ? 'global limit' : 'the time the server asked for' };
}

/** How a streak of failures ends when the page answers something that is not a gateway failure. */
export type FinalAnswer = { kind: 'recovered' } | { kind: 'ended'; text: string };

/** A streak's end in words: "shop.example.com is back after 2 retries, 9 s", "The site now answers 401: …". */
export interface Outcome {
  kind: 'recovered' | 'ended';
  text: string;
}

const ENDING_WORDS: Record<number, MessageKey> = {
  400: 'retry.ending.status400',
  401: 'retry.ending.status401',
  403: 'retry.ending.status403',
  404: 'retry.ending.status404',
  407: 'retry.ending.status407',
  410: 'retry.ending.status410',
  429: 'retry.ending.status429',
  451: 'retry.ending.status451',
};

/**
 * What a page's final answer (after redirects) means for a failing streak: any success is recovery; a client error
 * or the application's own error ends the streak with its own words, never "the page is back".
 */
export function finalAnswer(status: number): FinalAnswer {
  if (status >= 200 && status < 400) return { kind: 'recovered' };
  const meaning = say(ENDING_WORDS[status] ?? (status >= 500 ? 'retry.ending.serverError' : 'retry.ending.clientError'));
  return { kind: 'ended', text: say('retry.event.ended', { status, meaning }) };
}

/** True when the response is a redirect the browser follows: its final answer is yet to come. */
export function isRedirect(status: number, location: string | undefined): boolean {
  return status >= 300 && status < 400 && status !== 304 && location !== undefined && location !== '';
}
