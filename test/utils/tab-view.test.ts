import { describe, expect, it } from 'vitest';
import { addEvent, emptyRecord, startPage } from '../../utils/tab-record';
import { ago, recovery, requestGroups, retryView, tabStatus } from '../../utils/tab-view';
import { pageFailedRecord, requestsFailedRecord, scheduledRetry, T0 } from '../support/sample-records';

describe('tabStatus', () => {
  it('should tell a failed page, failed requests, a recovery and a clear tab apart', () => {
    expect(tabStatus(undefined)).toBe('clear');
    expect(tabStatus(pageFailedRecord())).toBe('page-failed');
    expect(tabStatus(requestsFailedRecord())).toBe('requests-failed');
    const back = addEvent(startPage(pageFailedRecord(), '11', 'https://shop.example.com/checkout?token=SECRET-TOKEN#step2'), {
      time: T0 + 9000,
      kind: 'recovered',
      text: 'shop.example.com is back after 1 retry, 9 sec',
    });
    expect(tabStatus(back)).toBe('recovered');
    expect(recovery(back)?.text).toContain('is back');
  });

  it('should not call the page back when it failed again after recovering', () => {
    const record = addEvent(addEvent(emptyRecord(1), { time: 1, kind: 'recovered', text: 'back' }), { time: 2, kind: 'failed', text: 'failed' });
    expect(recovery(record)).toBeUndefined();
  });
});

describe('requestGroups', () => {
  it('should group by host, first parties apart from third parties, newest first', () => {
    const { first, third } = requestGroups(requestsFailedRecord());
    expect(first.map(({ host, failures }) => [host, failures.map(({ requestId }) => requestId)])).toEqual([['shop.example.com', ['22', '21']]]);
    expect(third.map(({ host }) => host)).toEqual(['widgets.example.net']);
  });

  it("should leave the page's own failure out", () => {
    const { first, third } = requestGroups(pageFailedRecord());
    expect([...first, ...third]).toEqual([]);
  });
});

describe('retryView', () => {
  it('should count down to a scheduled retry', () => {
    const view = retryView(scheduledRetry('https://a.example/'), T0 + 1200);
    expect(view).toMatchObject({ title: 'Retrying in 3 sec', attempt: 'Attempt 2 of 5', secondsLeft: 3, canPause: true, canResume: false });
    expect(view.detail).toContain('backoff');
  });

  it('should say why a retry waits for Retry-After or the global limit', () => {
    expect(retryView({ ...scheduledRetry('https://a.example/'), delayReason: 'Retry-After: 30 sec' }, T0).detail).toBe(
      'The server asked to wait (Retry-After: 30 sec); Gatewhy never retries sooner.',
    );
    expect(retryView({ ...scheduledRetry('https://a.example/'), delayReason: 'global limit' }, T0).detail).toContain('across all tabs');
  });

  it('should explain a blocked retry and offer resume only when paused', () => {
    const { dueAt: _, delayReason: __, ...idle } = scheduledRetry('https://a.example/');
    expect(retryView({ ...idle, blocked: 'paused' }, T0)).toMatchObject({ title: 'Retrying is stopped', canResume: true, canPause: false });
    expect(retryView({ ...idle, blocked: 'not-get' }, T0).detail).toContain('form');
    expect(retryView({ ...idle, attempt: 5, blocked: 'gave-up' }, T0)).toMatchObject({
      title: 'Gatewhy stopped retrying',
      attempt: '5 of 5 attempts made',
      canResume: false,
    });
  });

  it('should say the browser retries a page that got no response, and ask "then or now" for a long Retry-After', () => {
    const { dueAt: _, delayReason: __, ...idle } = scheduledRetry('https://a.example/');
    expect(retryView({ ...idle, blocked: 'browser-retries' }, T0)).toMatchObject({
      title: 'The browser is retrying this page',
      canPause: false,
      canRetryThen: false,
    });
    const long = retryView({ ...idle, blocked: 'waits-too-long', notBefore: T0 + 3_600_000 }, T0);
    expect(long).toMatchObject({ title: 'The server asked to wait longer than your setting', canRetryThen: true });
    expect(long.detail).toMatch(/^The server asked to wait 1 hr \(until .+\)\. Retry then or now\?$/);
  });
});

describe('ago', () => {
  it('should say how long ago in words', () => {
    expect(ago(T0, T0 + 2000)).toBe('now');
    expect(ago(T0, T0 + 45_000)).toBe('45 seconds ago');
    expect(ago(T0, T0 + 3 * 60_000)).toBe('3 minutes ago');
    expect(ago(T0, T0 + 5 * 3_600_000)).toBe('5 hours ago');
    expect(ago(T0, T0 + 72 * 3_600_000)).toBe('3 days ago');
  });
});
