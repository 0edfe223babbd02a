// The retry policy: backoff bounded below by Retry-After, the global cap, what is never retried, how a streak ends.
import { describe, expect, it } from 'vitest';
import {
  blockReason,
  finalAnswer,
  isRedirect,
  networkErrorKind,
  nextRetry,
  planRetry,
  retryDelay,
  retryWhenAsked,
  withinGlobalLimit,
  type BrowserTraits,
  type PageFailure,
  type RetryState,
} from '../../utils/retry-policy';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';

const settings = (changes: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...changes });
const failure = (changes: Partial<PageFailure> = {}): PageFailure => ({
  tabId: 1,
  url: 'https://shop.example.com/cart',
  method: 'GET',
  status: 502,
  cached: false,
  ...changes,
});
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const noJitter = () => 0;
const FIREFOX: BrowserTraits = { reloadsNetworkErrors: false };
const CHROMIUM: BrowserTraits = { reloadsNetworkErrors: true };
const plan = (one: PageFailure, previous?: RetryState, changes: Partial<Settings> = {}, log: number[] = [], browser = FIREFOX) =>
  planRetry(one, previous, settings(changes), log, NOW, browser, noJitter);

describe('retryDelay', () => {
  it('grows exponentially from the base delay and stops at the maximum', () => {
    const timing = settings({ baseDelaySeconds: 2, backoffFactor: 2, maxDelaySeconds: 60, jitter: 0 });
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelay(attempt, timing))).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000]);
  });

  it('keeps jitter within bounds: never longer than the delay, never shorter than (1 - jitter) of it', () => {
    const timing = settings({ baseDelaySeconds: 10, backoffFactor: 1, jitter: 0.3 });
    expect(retryDelay(1, timing, () => 0)).toBe(10_000);
    expect(retryDelay(1, timing, () => 0.999999)).toBe(7000);
    for (let i = 0; i < 1000; i++) {
      const delay = retryDelay(1, timing);
      expect(delay).toBeGreaterThanOrEqual(7000);
      expect(delay).toBeLessThanOrEqual(10_000);
    }
  });
});

describe('Retry-After', () => {
  it('bounds the delay from below: the larger of Retry-After and the backoff', () => {
    expect(plan(failure({ status: 503, retryAfterSeconds: 4 }))).toMatchObject({ dueAt: NOW + 4000, delayReason: 'Retry-After: 4 sec' });
    // Retry-After: 0 asks for nothing: the backoff applies, never an immediate reload.
    expect(plan(failure({ status: 503, retryAfterSeconds: 0 }))).toMatchObject({ dueAt: NOW + 2000, delayReason: 'backoff' });
    const third = plan(failure({ status: 503, retryAfterSeconds: 1 }), {
      tabId: 1,
      url: failure().url,
      attempt: 2,
      maxAttempts: 5,
      since: NOW,
      bypassCache: false,
    });
    expect(third).toMatchObject({ dueAt: NOW + 8000, delayReason: 'backoff' });
  });

  it('is never shortened by jitter', () => {
    const planned = planRetry(failure({ retryAfterSeconds: 10 }), undefined, settings({ baseDelaySeconds: 10, jitter: 1 }), [], NOW, FIREFOX, () => 0.999);
    expect(planned.dueAt).toBe(NOW + 10_000);
  });

  it('longer than the cap stops automatic retry and keeps the time the server asked for', () => {
    const planned = plan(failure({ status: 503, retryAfterSeconds: 3600 }), undefined, { retryAfterCapSeconds: 300 });
    expect(planned).toMatchObject({ blocked: 'waits-too-long', notBefore: NOW + 3_600_000 });
    expect(planned.dueAt).toBeUndefined();
    // "Retry then": at the time asked for, never earlier.
    expect(retryWhenAsked(planned, settings(), [], NOW + 1000)).toMatchObject({ dueAt: NOW + 3_600_000, delayReason: 'the time the server asked for' });
    expect(retryWhenAsked(planned, settings(), [], NOW + 1000).blocked).toBeUndefined();
  });

  it('is ignored when the setting is off', () => {
    expect(plan(failure({ retryAfterSeconds: 100 }), undefined, { honorRetryAfter: false }).dueAt).toBe(NOW + 2000);
  });
});

describe('network errors', () => {
  it('sorts the browsers’ errors by what a reload can do', () => {
    const kinds = {
      transient: [
        'net::ERR_CONNECTION_REFUSED',
        'net::ERR_CONNECTION_RESET',
        'net::ERR_CONNECTION_CLOSED',
        'net::ERR_EMPTY_RESPONSE',
        'net::ERR_TIMED_OUT',
        'NS_ERROR_CONNECTION_REFUSED',
        'NS_ERROR_NET_RESET',
        'NS_ERROR_NET_TIMEOUT',
      ],
      'name-not-resolved': ['net::ERR_NAME_NOT_RESOLVED', 'NS_ERROR_UNKNOWN_HOST'],
      // Firefox gives NSS's message, in the browser's language, for TLS and certificate failures.
      certificate: [
        'net::ERR_CERT_AUTHORITY_INVALID',
        'net::ERR_SSL_PROTOCOL_ERROR',
        'SEC_ERROR_UNKNOWN_ISSUER',
        'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT',
        'The certificate is not trusted because it is self-signed.',
        'Le certificat n’est pas sûr car il est auto-signé.',
      ],
      'too-many-redirects': ['net::ERR_TOO_MANY_REDIRECTS', 'NS_ERROR_REDIRECT_LOOP'],
      'request-blocked': ['net::ERR_BLOCKED_BY_ADMINISTRATOR', 'net::ERR_BLOCKED_BY_RESPONSE', 'NS_ERROR_TRACKING_URI'],
      offline: ['net::ERR_INTERNET_DISCONNECTED', 'NS_ERROR_OFFLINE'],
      other: ['net::ERR_FAILED', 'net::ERR_INVALID_URL', 'NS_ERROR_SOMETHING_NEW', '', undefined],
    };
    for (const [kind, errors] of Object.entries(kinds)) for (const error of errors) expect(networkErrorKind(error), String(error)).toBe(kind);
  });

  it('retries only transient failures, in a browser that does not reload them itself', () => {
    expect(blockReason(failure({ status: 0, networkError: 'NS_ERROR_CONNECTION_REFUSED' }), settings(), FIREFOX)).toBeUndefined();
    expect(blockReason(failure({ status: 0, networkError: 'NS_ERROR_UNKNOWN_HOST' }), settings(), FIREFOX)).toBe('name-not-resolved');
    expect(blockReason(failure({ status: 0, networkError: 'SEC_ERROR_UNKNOWN_ISSUER' }), settings(), FIREFOX)).toBe('certificate');
    expect(blockReason(failure({ status: 0, networkError: 'NS_ERROR_OFFLINE' }), settings(), FIREFOX)).toBe('offline');
    expect(blockReason(failure({ status: 0, networkError: 'net::ERR_FAILED' }), settings(), FIREFOX)).toBe('not-transient');
    expect(blockReason(failure({ status: 0, networkError: 'NS_ERROR_NET_RESET' }), settings({ retryNetworkErrors: false }), FIREFOX)).toBe(
      'network-errors-off',
    );
  });

  it('leaves to Chromium the pages it reloads by itself', () => {
    expect(blockReason(failure({ status: 0, networkError: 'net::ERR_EMPTY_RESPONSE' }), settings(), CHROMIUM)).toBe('browser-retries');
    // A typo is never retried by Gatewhy, in either browser.
    expect(blockReason(failure({ status: 0, networkError: 'net::ERR_NAME_NOT_RESOLVED' }), settings(), CHROMIUM)).toBe('name-not-resolved');
    // Chromium does not reload a POST: then the form is the reason.
    expect(blockReason(failure({ status: 0, method: 'POST', networkError: 'net::ERR_EMPTY_RESPONSE' }), settings(), CHROMIUM)).toBe('not-get');
  });
});

describe('blockReason', () => {
  it('never retries a page that came from a POST (or any method but GET)', () => {
    expect(blockReason(failure({ method: 'POST' }), settings(), FIREFOX)).toBe('not-get');
    expect(blockReason(failure({ method: 'PUT' }), settings({ alwaysRetrySites: ['<all_urls>'] }), FIREFOX)).toBe('not-get');
  });

  it('follows per-site rules: never beats always, always beats the global switch', () => {
    expect(blockReason(failure(), settings({ neverRetrySites: ['*://*.example.com/*'] }), FIREFOX)).toBe('never-site');
    expect(blockReason(failure(), settings({ neverRetrySites: ['*://*.example.com/*'], alwaysRetrySites: ['*://*.example.com/*'] }), FIREFOX)).toBe(
      'never-site',
    );
    expect(blockReason(failure(), settings({ autoRetry: false }), FIREFOX)).toBe('auto-retry-off');
    expect(blockReason(failure(), settings({ autoRetry: false, alwaysRetrySites: ['*://shop.example.com/*'] }), FIREFOX)).toBeUndefined();
    expect(blockReason(failure({ url: 'http://localhost:8080/' }), settings({ neverRetrySites: ['http://localhost:8080/*'] }), FIREFOX)).toBe('never-site');
  });

  it('retries only the listed statuses', () => {
    expect(blockReason(failure({ status: 500 }), settings(), FIREFOX)).toBe('status-not-retried');
    expect(blockReason(failure({ status: 522 }), settings(), FIREFOX)).toBeUndefined();
  });
});

describe('withinGlobalLimit', () => {
  it('lets retries through under the limit, and otherwise waits until the oldest in the window leaves it', () => {
    expect(withinGlobalLimit(NOW, [NOW - 10_000, NOW - 5000], 3)).toBe(NOW);
    const log = [NOW - 50_000, NOW - 40_000, NOW - 30_000];
    expect(withinGlobalLimit(NOW, log, 3)).toBe(NOW - 50_000 + 60_000);
    expect(withinGlobalLimit(NOW, log, 2)).toBe(NOW - 40_000 + 60_000);
    expect(withinGlobalLimit(NOW, [NOW - 61_000, NOW - 70_000], 1)).toBe(NOW);
  });
});

describe('planRetry', () => {
  it('counts attempts across a streak of failures of the same page and gives up at the maximum', () => {
    let state: RetryState | undefined;
    const attempts: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      state = plan(failure(), state, { maxAttempts: 3 });
      attempts.push(state.dueAt === undefined ? undefined : state.dueAt - NOW);
      // The scheduler counts an attempt when it reloads.
      state = { ...state, attempt: state.attempt + (state.dueAt === undefined ? 0 : 1) };
    }
    expect(attempts).toEqual([2000, 4000, 8000, undefined]);
    expect(state!.blocked).toBe('gave-up');
  });

  it('starts afresh for another address, and bypasses the cache when the error came from one', () => {
    const previous: RetryState = { tabId: 1, url: 'https://other.example/', attempt: 4, maxAttempts: 5, since: NOW - 60_000, bypassCache: false };
    expect(plan(failure(), previous)).toMatchObject({ attempt: 0, since: NOW, dueAt: NOW + 2000 });
    expect(plan(failure({ cached: true })).bypassCache).toBe(true);
  });

  it('stays stopped while the user stopped it, and resumes with the next backoff step', () => {
    const paused: RetryState = { tabId: 1, url: failure().url, attempt: 2, maxAttempts: 5, since: NOW, bypassCache: false, blocked: 'paused' };
    expect(plan(failure(), paused)).toMatchObject({ blocked: 'paused' });
    const resumed = nextRetry(paused, settings({ jitter: 0 }), [], NOW);
    expect(resumed.dueAt).toBe(NOW + 8000);
    expect(resumed.blocked).toBeUndefined();
  });

  it('delays a retry that would break the global limit and says so', () => {
    const log = Array.from({ length: 12 }, (_, i) => NOW - 30_000 + i);
    expect(plan(failure(), undefined, {}, log)).toMatchObject({ dueAt: NOW + 30_000, delayReason: 'global limit' });
  });
});

describe('how a streak ends', () => {
  it('counts any success as recovery, and says what a client or application error means', () => {
    expect(finalAnswer(200)).toEqual({ kind: 'recovered' });
    expect(finalAnswer(304)).toEqual({ kind: 'recovered' });
    expect(finalAnswer(401)).toEqual({ kind: 'ended', text: 'The site now answers 401: you may need to sign in' });
    expect(finalAnswer(403)).toMatchObject({ kind: 'ended', text: expect.stringMatching(/^The site now answers 403: access is refused/) });
    expect(finalAnswer(404)).toEqual({ kind: 'ended', text: 'The site now answers 404: the page is not there: check the address' });
    expect(finalAnswer(500)).toMatchObject({ kind: 'ended', text: expect.stringMatching(/application/) });
  });

  it('follows redirects: a 3xx with somewhere to go is not an answer yet', () => {
    expect(isRedirect(302, '/landing')).toBe(true);
    expect(isRedirect(301, undefined)).toBe(false);
    expect(isRedirect(304, '/x')).toBe(false);
    expect(isRedirect(200, '/x')).toBe(false);
  });
});
