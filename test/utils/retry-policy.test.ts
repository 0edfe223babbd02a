import { describe, expect, it } from 'vitest';
import { blockReason, nextRetry, planRetry, retryDelay, withinGlobalLimit, type PageFailure, type RetryState } from '../../utils/retry-policy';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { parseRetryAfter } from '../../utils/explain/time';

const settings = (changes: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...changes });
const failure = (changes: Partial<PageFailure> = {}): PageFailure => ({ tabId: 1, url: 'https://shop.example.com/cart', method: 'GET', status: 502, cached: false, ...changes });
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const noJitter = () => 0;

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

  it('with jitter 1 may retry at once but never later than the delay', () => {
    expect(retryDelay(1, settings({ jitter: 1, baseDelaySeconds: 4 }), () => 0.999999)).toBeLessThan(10);
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:30 GMT', NOW)).toBe(30);
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
  });

  it('is honoured instead of the backoff, capped by the setting', () => {
    const planned = planRetry(failure({ status: 503, retryAfterSeconds: 4 }), undefined, settings(), [], NOW, noJitter);
    expect(planned.dueAt).toBe(NOW + 4000);
    expect(planned.delayReason).toBe('Retry-After: 4');
    const capped = planRetry(failure({ status: 503, retryAfterSeconds: 3600 }), undefined, settings({ retryAfterCapSeconds: 300 }), [], NOW, noJitter);
    expect(capped.dueAt).toBe(NOW + 300_000);
    expect(capped.delayReason).toContain('capped at 300 s');
  });

  it('a date-form Retry-After arrives at the same time as its seconds', () => {
    const seconds = parseRetryAfter('Fri, 27 Nov 2026 12:00:45 GMT', NOW);
    expect(planRetry(failure({ status: 503, retryAfterSeconds: seconds }), undefined, settings(), [], NOW, noJitter).dueAt).toBe(NOW + 45_000);
  });

  it('is ignored when the setting is off', () => {
    expect(planRetry(failure({ retryAfterSeconds: 100 }), undefined, settings({ honorRetryAfter: false, jitter: 0 }), [], NOW).dueAt).toBe(NOW + 2000);
  });
});

describe('blockReason', () => {
  it('never retries a page that came from a POST (or any method but GET)', () => {
    expect(blockReason(failure({ method: 'POST' }), settings())).toBe('not-get');
    expect(blockReason(failure({ method: 'PUT' }), settings({ alwaysRetrySites: ['<all_urls>'] }))).toBe('not-get');
  });

  it('follows per-site rules: never beats always, always beats the global switch', () => {
    expect(blockReason(failure(), settings({ neverRetrySites: ['*://*.example.com/*'] }))).toBe('never-site');
    expect(blockReason(failure(), settings({ neverRetrySites: ['*://*.example.com/*'], alwaysRetrySites: ['*://*.example.com/*'] }))).toBe('never-site');
    expect(blockReason(failure(), settings({ autoRetry: false }))).toBe('auto-retry-off');
    expect(blockReason(failure(), settings({ autoRetry: false, alwaysRetrySites: ['*://shop.example.com/*'] }))).toBeUndefined();
    expect(blockReason(failure(), settings({ neverRetrySites: ['not a pattern'] }))).toBeUndefined();
  });

  it('retries only the listed statuses, and network failures when allowed', () => {
    expect(blockReason(failure({ status: 500 }), settings())).toBe('status-not-retried');
    expect(blockReason(failure({ status: 522 }), settings())).toBeUndefined();
    expect(blockReason(failure({ status: 0 }), settings())).toBeUndefined();
    expect(blockReason(failure({ status: 0 }), settings({ retryNetworkErrors: false }))).toBe('network-errors-off');
  });
});

describe('withinGlobalLimit', () => {
  it('lets retries through under the limit', () => {
    expect(withinGlobalLimit(NOW, [NOW - 10_000, NOW - 5000], 3)).toBe(NOW);
  });

  it('waits until the oldest retry in the window leaves it', () => {
    const log = [NOW - 50_000, NOW - 40_000, NOW - 30_000];
    expect(withinGlobalLimit(NOW, log, 3)).toBe(NOW - 50_000 + 60_000);
    expect(withinGlobalLimit(NOW, log, 2)).toBe(NOW - 40_000 + 60_000);
  });

  it('ignores retries older than a minute', () => {
    expect(withinGlobalLimit(NOW, [NOW - 61_000, NOW - 70_000], 1)).toBe(NOW);
  });
});

describe('planRetry', () => {
  it('counts attempts across a streak of failures of the same page and gives up at the maximum', () => {
    let state: RetryState | undefined;
    const attempts: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      state = planRetry(failure(), state, settings({ maxAttempts: 3, jitter: 0 }), [], NOW, noJitter);
      attempts.push(state.dueAt === undefined ? undefined : state.dueAt - NOW);
      // The scheduler counts an attempt when it reloads.
      state = { ...state, attempt: state.attempt + (state.dueAt === undefined ? 0 : 1) };
    }
    expect(attempts).toEqual([2000, 4000, 8000, undefined]);
    expect(state!.blocked).toBe('gave-up');
  });

  it('starts afresh for another address', () => {
    const previous: RetryState = { tabId: 1, url: 'https://other.example/', attempt: 4, maxAttempts: 5, since: NOW - 60_000, bypassCache: false };
    const planned = planRetry(failure(), previous, settings({ jitter: 0 }), [], NOW);
    expect(planned).toMatchObject({ attempt: 0, since: NOW, dueAt: NOW + 2000 });
  });

  it('bypasses the cache when the error came from one', () => {
    expect(planRetry(failure({ cached: true }), undefined, settings(), [], NOW).bypassCache).toBe(true);
  });

  it('stays paused while the user paused it', () => {
    const paused: RetryState = { tabId: 1, url: failure().url, attempt: 1, maxAttempts: 5, since: NOW, bypassCache: false, blocked: 'paused' };
    const planned = planRetry(failure(), paused, settings(), [], NOW);
    expect(planned.blocked).toBe('paused');
    expect(planned.dueAt).toBeUndefined();
  });

  it('delays a retry that would break the global limit and says so', () => {
    const log = Array.from({ length: 12 }, (_, i) => NOW - 30_000 + i);
    const planned = planRetry(failure(), undefined, settings({ jitter: 0 }), log, NOW);
    expect(planned.dueAt).toBe(NOW + 30_000);
    expect(planned.delayReason).toBe('global limit');
  });

  it('nextRetry resumes a paused page with the next backoff step', () => {
    const paused: RetryState = { tabId: 1, url: failure().url, attempt: 2, maxAttempts: 5, since: NOW, bypassCache: false, blocked: 'paused' };
    const resumed = nextRetry(paused, settings({ jitter: 0 }), [], NOW);
    expect(resumed.dueAt).toBe(NOW + 8000);
    expect(resumed.blocked).toBeUndefined();
  });
});
