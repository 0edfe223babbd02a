// What the banner says, which buttons it offers, and what it announces: once per state, never per second.
import { describe, expect, it } from 'vitest';
import { bannerView, whyText } from '../../utils/banner-text';
import type { RetryState } from '../../utils/retry-policy';

const NOW = 1_000_000;
const retry = (changes: Partial<RetryState>): { retry: RetryState } => ({
  retry: { tabId: 1, url: 'https://a.example/', attempt: 1, maxAttempts: 5, since: NOW, bypassCache: false, ...changes },
});
const labels = (view: ReturnType<typeof bannerView>) => view!.actions.map(({ label }) => label);

describe('bannerView', () => {
  it('counts down to the next attempt, with Retry now, Stop and Why?, announcing only that it retries', () => {
    const view = bannerView(retry({ dueAt: NOW + 7200 }), NOW)!;
    expect(view.message).toBe('Gatewhy: retrying in 8 sec (attempt 2 of 5)');
    expect(labels(view)).toEqual(['Retry now', 'Stop', 'Why?']);
    const later = bannerView(retry({ dueAt: NOW + 7200 }), NOW + 3000)!;
    expect(later.message).toBe('Gatewhy: retrying in 5 sec (attempt 2 of 5)');
    // The countdown changes the text; the announcement stays the same, so the live region says nothing new.
    expect(later.announcement).toBe(view.announcement);
    expect(bannerView(retry({ dueAt: NOW - 10 }), NOW)!.message).toBe('Gatewhy: retrying now (attempt 2 of 5)');
  });

  it('explains a form page and offers a retry that says it re-sends the form', () => {
    const view = bannerView(retry({ blocked: 'not-get' }), NOW)!;
    expect(view.message).toContain('came from a form');
    expect(labels(view)).toEqual(['Retry (sends the form again)', 'Why?']);
  });

  it('offers Resume when stopped and Retry now after giving up', () => {
    expect(bannerView(retry({ blocked: 'paused' }), NOW)).toMatchObject({ phase: 'stopped', announcement: 'Retrying stopped.' });
    expect(labels(bannerView(retry({ blocked: 'paused' }), NOW))[0]).toBe('Resume');
    expect(bannerView(retry({ blocked: 'gave-up', attempt: 5 }), NOW)!.message).toBe('Gatewhy: still failing after 5 retries.');
  });

  it('asks "retry then or now?" when the server asks to wait past the cap', () => {
    const view = bannerView(retry({ blocked: 'waits-too-long', notBefore: NOW + 3_600_000 }), NOW, () => '14:05')!;
    expect(view.message).toBe('Gatewhy: The server asked to wait 1 hr (until 14:05). Retry then or now?');
    expect(labels(view)).toEqual(['Retry then', 'Retry now', 'Why?']);
  });

  it('says the page is back, or why retrying stopped, on the page that ended the streak', () => {
    expect(bannerView({ outcome: { kind: 'recovered', text: 'a.example is back after 2 retries, 9 sec' } }, NOW)).toMatchObject({ phase: 'back', actions: [] });
    expect(bannerView({ outcome: { kind: 'ended', text: 'The site now answers 401: you may need to sign in' } }, NOW)!.message).toBe(
      'Gatewhy stopped retrying. The site now answers 401: you may need to sign in.',
    );
  });

  it('waits for the network while offline', () => {
    expect(bannerView(retry({ dueAt: NOW - 1, waitingForNetwork: true }), NOW)).toMatchObject({ phase: 'waiting-for-network' });
  });

  it('stays out of the way when the person turned retrying off for the site or altogether', () => {
    expect(bannerView(retry({ blocked: 'never-site' }), NOW)).toBeUndefined();
    expect(bannerView(retry({ blocked: 'auto-retry-off' }), NOW)).toBeUndefined();
    expect(bannerView({}, NOW)).toBeUndefined();
  });
});

describe('whyText', () => {
  it('says why the wait is what it is', () => {
    expect(whyText(retry({ dueAt: NOW, delayReason: 'global limit' }).retry, { globalRetriesPerMinute: 12 })).toContain(
      'at most 12 automatic retries a minute',
    );
    expect(whyText(retry({ dueAt: NOW, delayReason: 'Retry-After: 30 sec' }).retry)).toContain('never retries sooner');
    expect(whyText(retry({ blocked: 'browser-retries' }).retry)).toContain('reloads this page by itself');
  });
});
