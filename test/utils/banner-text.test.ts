import { describe, expect, it } from 'vitest';
import { bannerText } from '../../utils/banner-text';
import type { RetryState } from '../../utils/retry-policy';

const NOW = 1_000_000;
const retry = (changes: Partial<RetryState>): { retry: RetryState } => ({
  retry: { tabId: 1, url: 'https://a.example/', attempt: 1, maxAttempts: 5, since: NOW, bypassCache: false, ...changes },
});

describe('bannerText', () => {
  it('counts down to the next attempt, with Retry now, Stop and Why?', () => {
    const view = bannerText(retry({ dueAt: NOW + 7200 }), NOW)!;
    expect(view.message).toBe('Gatewhy: retrying in 8 s (attempt 2 of 5)');
    expect(view.actions.map(({ label }) => label)).toEqual(['Retry now', 'Stop', 'Why?']);
    expect(bannerText(retry({ dueAt: NOW - 10 }), NOW)!.message).toBe('Gatewhy: retrying now (attempt 2 of 5)');
  });

  it('explains a form page and offers a retry that says it re-sends the form', () => {
    const view = bannerText(retry({ blocked: 'not-get' }), NOW)!;
    expect(view.message).toContain('came from a form');
    expect(view.actions[0]!.label).toBe('Retry (sends the form again)');
  });

  it('offers Resume when paused and Retry now after giving up', () => {
    expect(bannerText(retry({ blocked: 'paused' }), NOW)!.actions[0]!.label).toBe('Resume');
    expect(bannerText(retry({ blocked: 'gave-up', attempt: 5 }), NOW)!.message).toBe('Gatewhy: still failing after 5 retries.');
  });

  it('stays out of the way when the person turned retrying off for the site or altogether', () => {
    expect(bannerText(retry({ blocked: 'never-site' }), NOW)).toBeUndefined();
    expect(bannerText(retry({ blocked: 'auto-retry-off' }), NOW)).toBeUndefined();
  });
});
