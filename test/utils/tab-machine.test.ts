// The per-tab machine without a browser: the orderings that once raced, replayed event by event.
import { describe, expect, it } from 'vitest';
import type { FailureBody } from '../../utils/attach-body';
import {
  BODY_WAIT_MS,
  MAX_WAITING_BODIES,
  restoredTabState,
  newTabState,
  step,
  type StepInputs,
  type TabEffect,
  type TabEvent,
  type TabState,
} from '../../utils/tab-machine';
import type { BrowserTraits } from '../../utils/retry-policy';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { toFailedRequest, type ResponseDetails } from '../../utils/tab-record';

const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);
const PAGE = 'https://shop.example.com/cart';
const FIREFOX: BrowserTraits = { reloadsNetworkErrors: false };
const CHROMIUM: BrowserTraits = { reloadsNetworkErrors: true };

const response = (requestId: string, status: number, headers: Record<string, string> = {}, url = PAGE, extra: ResponseDetails = {}) =>
  toFailedRequest(
    {
      requestId,
      url,
      type: 'main_frame',
      method: 'GET',
      statusCode: status,
      statusLine: `HTTP/1.1 ${status} X`,
      timeStamp: T0,
      responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
      ...extra,
    },
    T0,
  );
const nginx502 = (requestId: string, url = PAGE) => ({ type: 'page-response', response: response(requestId, 502, { Server: 'nginx' }, url) }) as const;
const ok = (requestId: string, url = PAGE) => ({ type: 'page-response', response: response(requestId, 200, {}, url) }) as const;
const started = (requestId: string, url = PAGE, method = 'GET') => ({ type: 'navigation-started', requestId, url, method }) as const;
const networkError = (requestId: string, error: string, url = PAGE) =>
  ({ type: 'page-error', failure: toFailedRequest({ requestId, url, type: 'main_frame', method: 'GET', error, timeStamp: T0 }, T0) }) as const;
const apiFailure = (requestId: string) =>
  ({
    type: 'request-failed',
    failure: toFailedRequest(
      { requestId, url: 'https://shop.example.com/api', type: 'xmlhttprequest', statusCode: 503, responseHeaders: [], timeStamp: T0 },
      T0,
    ),
  }) as const;

/**
 * A tab (or several) driven through events with a clock and a shared retry log, the way the background's runner
 * applies them: each step's slots change the log before the next step reads it.
 */
function world({ settings = {}, browser = FIREFOX }: { settings?: Partial<Settings>; browser?: BrowserTraits } = {}) {
  let now = T0;
  let online = true;
  const log: number[] = [];
  const states = new Map<number, TabState>();
  const all: { tabId: number; event: TabEvent; effects: TabEffect[] }[] = [];
  const inputs = (): StepInputs => ({ now, settings: { ...DEFAULT_SETTINGS, jitter: 0, ...settings }, retryLog: [...log], online, browser, random: () => 0 });
  return {
    send(event: TabEvent, tabId = 1): TabEffect[] {
      const { state, effects } = step(states.get(tabId) ?? newTabState(tabId), event, inputs());
      states.set(tabId, state);
      for (const effect of effects) {
        if (effect.type === 'take-slot') log.push(effect.at);
        if (effect.type === 'release-slot') log.splice(log.indexOf(effect.at), 1);
      }
      all.push({ tabId, event, effects });
      return effects;
    },
    at(ms: number) {
      now = T0 + ms;
    },
    offline(value: boolean) {
      online = !value;
    },
    state: (tabId = 1) => states.get(tabId)!,
    restore(tabId: number, state: TabState) {
      states.set(tabId, state);
    },
    log,
    /** Every effect of a type, across the steps so far. */
    effects: <T extends TabEffect['type']>(type: T, tabId = 1) =>
      all
        .filter((one) => one.tabId === tabId)
        .flatMap(({ effects }) => effects.filter((effect): effect is Extract<TabEffect, { type: T }> => effect.type === type)),
    kinds: (tabId = 1) => states.get(tabId)!.record.timeline.map(({ kind }) => kind),
  };
}

/** The page fails, the retry comes due at 2 s, and Gatewhy's reload starts (request 2). */
function failAndRetry(tab: ReturnType<typeof world>): void {
  tab.send(started('1'));
  tab.send(nginx502('1'));
  tab.at(2000);
  tab.send({ type: 'retry-due' });
  tab.send(started('2'));
}

describe('a failing page and its retries', () => {
  it('should schedule, reload at the due time, and call the page back when it answers', () => {
    const tab = world({ settings: { notifyOnRecovery: true } });
    tab.send(started('1'));
    const failed = tab.send(nginx502('1'));
    expect(failed).toEqual(
      expect.arrayContaining([
        { type: 'take-slot', at: T0 + 2000 },
        { type: 'timer', event: 'retry-due', at: T0 + 2000 },
        { type: 'alarm', at: T0 + 2000 },
      ]),
    );
    expect(failed.find((effect) => effect.type === 'badge')).toMatchObject({ badge: { text: '502' } });
    expect(tab.state().retry).toMatchObject({ attempt: 0, dueAt: T0 + 2000, delayReason: 'backoff' });

    tab.at(2000);
    expect(tab.send({ type: 'retry-due' })).toContainEqual({ type: 'reload', bypassCache: false, url: PAGE });
    // The retry made counts against the minute's limit.
    expect(tab.log).toEqual([T0 + 2000]);
    tab.send(started('2'));
    expect(tab.state().navigation).toMatchObject({ byGatewhy: true });
    tab.at(2500);
    const back = tab.send(ok('2'));
    expect(back).toContainEqual({ type: 'store', part: 'retry', retry: undefined });
    expect(back).toContainEqual({ type: 'notify', title: 'Gatewhy: page is back', text: 'shop.example.com is back after 1 retry, 3 sec' });
    expect(back.find((effect) => effect.type === 'badge')).toMatchObject({ badge: { text: '' } });
    expect(tab.kinds()).toEqual(['failed', 'retry-scheduled', 'retried', 'recovered']);
  });

  it('should do each retry once, whichever of timer, alarm and banner comes first, and none early', () => {
    const tab = world();
    tab.send(started('1'));
    tab.send(nginx502('1'));
    tab.at(1000);
    // The banner's countdown (or a fresh background) wakes it early: the timer is armed again, nothing reloads.
    expect(tab.send({ type: 'retry-due' })).toEqual([{ type: 'timer', event: 'retry-due', at: T0 + 2000 }]);
    tab.at(2000);
    expect(tab.effects('reload')).toHaveLength(0);
    tab.send({ type: 'retry-due' });
    tab.send({ type: 'retry-due' });
    expect(tab.effects('reload')).toHaveLength(1);
  });

  it('should give up after the maximum attempts and say so once', () => {
    const tab = world({ settings: { maxAttempts: 1 } });
    tab.send(started('1'));
    tab.send(nginx502('1'));
    tab.at(2000);
    tab.send({ type: 'retry-due' });
    tab.send(started('2'));
    tab.send(nginx502('2'));
    expect(tab.state().retry).toMatchObject({ blocked: 'gave-up', attempt: 1 });
    expect(tab.kinds()).toEqual(['failed', 'retry-scheduled', 'retried', 'failed', 'gave-up']);
  });
});

describe('orderings that once raced', () => {
  it('a flush after the tab closed stores nothing', () => {
    const tab = world();
    tab.send(started('1'));
    tab.send(ok('1'));
    tab.send(apiFailure('2'));
    expect(tab.effects('timer')).toEqual([{ type: 'timer', event: 'flush-due', at: T0 + 1000 }]);
    const closed = tab.send({ type: 'tab-closed' });
    expect(closed.filter((effect) => effect.type === 'store' || effect.type === 'remember')).toEqual([]);
    tab.at(1000);
    expect(tab.send({ type: 'flush-due' })).toEqual([]);
    // Late events for the closed tab (webRequest can report after tabs.onRemoved) leave no orphan record.
    tab.send(apiFailure('3'));
    tab.send(nginx502('4'));
    tab.at(2000);
    tab.send({ type: 'flush-due' });
    tab.send({ type: 'load-complete', url: PAGE });
    expect(tab.effects('store')).toEqual([]);
    expect(tab.effects('remember')).toEqual([]);
    tab.at(61_000);
    expect(tab.send({ type: 'forget-due' })).toEqual([{ type: 'forget' }]);
  });

  it('a tab closing with a schedule gives its slot back and removes what was stored', () => {
    const tab = world();
    tab.send(started('1'));
    tab.send(nginx502('1'));
    expect(tab.log).toEqual([T0 + 2000]);
    const closed = tab.send({ type: 'tab-closed' });
    expect(closed).toEqual(
      expect.arrayContaining([
        { type: 'store', part: 'record', record: undefined },
        { type: 'store', part: 'retry', retry: undefined },
        { type: 'release-slot', at: T0 + 2000 },
        { type: 'alarm' },
      ]),
    );
    expect(tab.log).toEqual([]);
    tab.at(2000);
    expect(tab.send({ type: 'retry-due' })).toEqual([]);
  });

  it('a navigation the user starts during the countdown cancels it at once (Firefox has no pendingUrl)', () => {
    const tab = world();
    tab.send(started('1'));
    tab.send(nginx502('1'));
    tab.at(1500);
    const leaving = tab.send(started('2', 'https://elsewhere.example/'));
    expect(leaving).toEqual(
      expect.arrayContaining([{ type: 'store', part: 'retry', retry: undefined }, { type: 'release-slot', at: T0 + 2000 }, { type: 'alarm' }]),
    );
    // The timer still fires, while the user's page is loading: it finds nothing to do.
    tab.at(2000);
    expect(tab.send({ type: 'retry-due' })).toEqual([]);
    tab.send(ok('2', 'https://elsewhere.example/'));
    expect(tab.effects('reload')).toEqual([]);
    expect(tab.kinds()).toEqual([]);
  });

  it('a navigation during a pending reload wins: the reload is not followed, nothing else reloads', () => {
    const tab = world();
    // Gatewhy's reload starts, then the user types another address before it answers.
    failAndRetry(tab);
    tab.send(started('3', 'https://elsewhere.example/'));
    expect(tab.state().retry).toBeUndefined();
    // The aborted reload's late answer is not the tab's navigation any more.
    tab.send(nginx502('2'));
    expect(tab.state().retry).toBeUndefined();
    tab.send(ok('3', 'https://elsewhere.example/'));
    expect(tab.effects('reload')).toHaveLength(1);
    expect(tab.effects('notify')).toEqual([]);
  });

  it('the user reloading the page is the retry: the timer is disarmed, the answer decides', () => {
    const tab = world();
    tab.send(started('1'));
    tab.send(nginx502('1'));
    tab.at(500);
    tab.send(started('2'));
    expect(tab.state().retry).toMatchObject({ attempt: 0 });
    expect(tab.state().retry?.dueAt).toBeUndefined();
    tab.at(2000);
    expect(tab.send({ type: 'retry-due' })).toEqual([]);
    tab.send(ok('2'));
    expect(tab.kinds().at(-1)).toBe('recovered');
  });

  it('two tabs failing together cannot both take the last retry slot of the minute', () => {
    const tabs = world({ settings: { globalRetriesPerMinute: 3 } });
    tabs.log.push(T0 - 20_000, T0 - 10_000);
    for (const tabId of [1, 2]) {
      tabs.send(started('1'), tabId);
      tabs.send(nginx502('1'), tabId);
    }
    expect(tabs.state(1).retry).toMatchObject({ dueAt: T0 + 2000, delayReason: 'backoff' });
    // The second waits until the oldest retry leaves the minute.
    expect(tabs.state(2).retry).toMatchObject({ dueAt: T0 + 40_000, delayReason: 'global limit' });
  });

  it('a background stopped mid-countdown: the new one re-arms from storage and retries on time', () => {
    const first = world();
    first.send(started('1'));
    first.send(nginx502('1'));
    const { record, retry } = first.state();
    // A new background starts with only what was stored.
    const second = world();
    second.restore(1, restoredTabState(1, record, retry));
    second.at(900);
    expect(second.send({ type: 'worker-started' })).toEqual([
      { type: 'timer', event: 'retry-due', at: T0 + 2000 },
      { type: 'alarm', at: T0 + 2000 },
    ]);
    second.at(2000);
    expect(second.send({ type: 'retry-due' })).toContainEqual({ type: 'reload', bypassCache: false, url: PAGE });
    // The badge it finds shown is the stored record's: no needless badge call.
    expect(second.effects('badge')).toEqual([]);
  });
});

describe('what ends a streak', () => {
  it('a redirect chain from the retry that ends in a success is recovery', () => {
    const tab = world();
    failAndRetry(tab);
    tab.send({ type: 'page-response', response: response('2', 302, { Location: '/landing' }) });
    // The browser reports the redirected request again, same id, at its new address.
    tab.send(started('2', 'https://shop.example.com/landing'));
    expect(tab.state().retry).toBeDefined();
    tab.send(ok('2', 'https://shop.example.com/landing'));
    expect(tab.state().retry).toBeUndefined();
    expect(tab.state().record.timeline.at(-1)).toMatchObject({ kind: 'recovered', text: 'shop.example.com is back after 1 retry, 2 sec' });
  });

  it.each([
    [401, 'The site now answers 401: you may need to sign in'],
    [403, 'The site now answers 403: access is refused: you may need to sign in, or to ask the site for access'],
    [404, 'The site now answers 404: the page is not there: check the address'],
  ])('a %i after a failure ends the retry with its own words', (status, words) => {
    const tab = world({ settings: { notifyOnRecovery: true } });
    failAndRetry(tab);
    tab.send({ type: 'page-response', response: response('2', status) });
    expect(tab.state().retry).toBeUndefined();
    expect(tab.state().record.timeline.at(-1)).toMatchObject({ kind: 'ended', text: words });
    expect(tab.state().outcome).toMatchObject({ kind: 'ended', text: words });
    expect(tab.effects('notify')).toEqual([]);
  });
});

describe('Retry-After', () => {
  it('longer than the cap asks the user; "retry then" waits for the time asked, "retry now" reloads', () => {
    const tab = world();
    tab.send(started('1'));
    tab.send({ type: 'page-response', response: response('1', 503, { 'Retry-After': '3600', Server: 'nginx' }) });
    expect(tab.state().retry).toMatchObject({ blocked: 'waits-too-long', notBefore: T0 + 3_600_000 });
    expect(tab.effects('timer')).toEqual([]);
    tab.at(1000);
    tab.send({ type: 'user', action: 'retry-then' });
    expect(tab.state().retry).toMatchObject({ dueAt: T0 + 3_600_000 });
    expect(tab.log).toEqual([T0 + 3_600_000]);
    tab.send({ type: 'user', action: 'retry-now' });
    expect(tab.effects('reload')).toHaveLength(1);
    expect(tab.log).toEqual([]);
  });

  it('measures a date against the response’s Date header', () => {
    const tab = world();
    tab.send(started('1'));
    // The server's clock runs an hour behind: it still asks for 10 s.
    tab.send({
      type: 'page-response',
      response: response('1', 503, { 'Retry-After': 'Fri, 27 Nov 2026 11:00:10 GMT', Date: 'Fri, 27 Nov 2026 11:00:00 GMT', Server: 'nginx' }),
    });
    expect(tab.state().retry).toMatchObject({ dueAt: T0 + 10_000, delayReason: 'Retry-After: 10 sec' });
  });
});

describe('network errors', () => {
  it('in Chromium, a page that got no response is left to the browser’s own reloads', () => {
    const tab = world({ browser: CHROMIUM });
    tab.send(started('1'));
    tab.send(networkError('1', 'net::ERR_EMPTY_RESPONSE'));
    expect(tab.state().retry).toMatchObject({ blocked: 'browser-retries' });
    // Chromium's own reload (not Gatewhy's) fails again, then succeeds.
    tab.at(1000);
    tab.send(started('2'));
    tab.send(networkError('2', 'net::ERR_EMPTY_RESPONSE'));
    tab.at(6000);
    tab.send(started('3'));
    tab.send(ok('3'));
    expect(tab.effects('reload')).toEqual([]);
    expect(tab.effects('timer').filter(({ event }) => event === 'retry-due')).toEqual([]);
    expect(tab.kinds()).toEqual(['failed', 'blocked', 'failed', 'recovered']);
    expect(tab.state().record.timeline.at(-1)!.text).toBe('shop.example.com is back after 6 sec');
  });

  it('in Firefox, transient failures are retried, typos and certificate errors are not', () => {
    const refused = world();
    refused.send(started('1'));
    refused.send(networkError('1', 'NS_ERROR_CONNECTION_REFUSED'));
    expect(refused.state().retry?.dueAt).toBe(T0 + 2000);
    for (const [error, reason] of [
      ['NS_ERROR_UNKNOWN_HOST', 'name-not-resolved'],
      ['SEC_ERROR_UNKNOWN_ISSUER', 'certificate'],
    ]) {
      const tab = world();
      tab.send(started('1'));
      tab.send(networkError('1', error!));
      expect(tab.state().retry).toMatchObject({ blocked: reason });
      expect(tab.effects('timer')).toEqual([]);
    }
  });

  it('while offline, a due retry waits for the network', () => {
    const tab = world();
    tab.send(started('1'));
    tab.send(nginx502('1'));
    tab.offline(true);
    tab.at(2000);
    tab.send({ type: 'retry-due' });
    expect(tab.effects('reload')).toEqual([]);
    expect(tab.state().retry).toMatchObject({ waitingForNetwork: true });
    tab.at(9000);
    tab.offline(false);
    expect(tab.send({ type: 'connectivity', online: true })).toContainEqual({ type: 'reload', bypassCache: false, url: PAGE });
  });
});

describe('the user', () => {
  it('stopping gives the slot back, and nothing reloads afterwards', () => {
    const tab = world();
    tab.send(started('1'));
    tab.send(nginx502('1'));
    tab.send({ type: 'user', action: 'stop' });
    expect(tab.state().retry).toMatchObject({ blocked: 'paused' });
    expect(tab.log).toEqual([]);
    tab.at(2000);
    tab.send({ type: 'retry-due' });
    expect(tab.effects('reload')).toEqual([]);
    tab.send({ type: 'user', action: 'resume' });
    expect(tab.state().retry).toMatchObject({ dueAt: T0 + 4000 });
  });

  it('"retry now" on a failed page with retrying off reloads and follows the answer', () => {
    const tab = world({ settings: { autoRetry: false } });
    tab.send(started('1'));
    tab.send(nginx502('1'));
    expect(tab.state().retry).toMatchObject({ blocked: 'auto-retry-off' });
    tab.send({ type: 'user', action: 'retry-now' });
    tab.send(started('2'));
    tab.send(ok('2'));
    expect(tab.kinds().at(-1)).toBe('recovered');
  });
});

describe('cost and the badge', () => {
  it('a healthy page in a tab Gatewhy knows nothing of costs no effect at all', () => {
    const tab = world();
    expect([...tab.send(started('1')), ...tab.send(ok('1')), ...tab.send({ type: 'load-complete', url: PAGE })]).toEqual([]);
  });

  it('after a failed page loads, its badge is set again, the banner injected and its text read', () => {
    const tab = world();
    tab.send(started('1'));
    tab.send(nginx502('1'));
    const loaded = tab.send({ type: 'load-complete', url: `${PAGE}#top` });
    expect(loaded).toEqual(expect.arrayContaining([{ type: 'inject-banner' }, { type: 'read-page', url: PAGE }]));
    expect(loaded.find((effect) => effect.type === 'badge')).toEqual({ type: 'badge', badge: expect.objectContaining({ text: '502' }) });
    // The same load reported twice does the work once.
    expect(tab.send({ type: 'load-complete', url: PAGE }).filter((effect) => effect.type !== 'badge')).toEqual([]);
  });

  it('stores a burst of failures inside the page together, once the page has loaded', () => {
    const tab = world();
    tab.send(started('1'));
    tab.send(ok('1'));
    tab.send(apiFailure('2'));
    tab.send(apiFailure('3'));
    expect(tab.effects('store')).toEqual([]);
    const loaded = tab.send({ type: 'load-complete', url: PAGE });
    expect(loaded.filter((effect) => effect.type === 'store' || effect.type === 'remember')).toHaveLength(2);
    expect(tab.state().record.failures.map(({ requestId }) => requestId)).toEqual(['2', '3']);
  });
});

describe('privacy (issue 14, parts 2 and 3)', () => {
  // webRequest reports addresses without their fragment; the tab's own address has it.
  const SECRET_PAGE = 'https://shop.example.com/cart?token=SECRET';
  const apiWithToken = (requestId: string) =>
    ({
      type: 'request-failed',
      failure: toFailedRequest(
        {
          requestId,
          url: 'https://shop.example.com/api?token=SECRET',
          type: 'xmlhttprequest',
          statusCode: 503,
          responseHeaders: [{ name: 'Location', value: '/login?next=SECRET' }],
          timeStamp: T0,
        },
        T0,
      ),
    }) as const;

  it('stores the record with no query string anywhere; only the retry schedule keeps the exact address', () => {
    const tab = world();
    tab.send(started('1', SECRET_PAGE));
    tab.send(nginx502('1', SECRET_PAGE));
    tab.send(apiWithToken('2'));
    tab.send({ type: 'load-complete', url: `${SECRET_PAGE}#frag` });
    tab.send({ type: 'page-read', url: SECRET_PAGE, html: `<p>Failed: <a href="${SECRET_PAGE}">retry</a></p>` });
    const records = tab.effects('store').filter((effect) => effect.part === 'record');
    expect(records.length).toBeGreaterThan(0);
    for (const effect of records) expect(JSON.stringify(effect)).not.toContain('SECRET');
    expect(records.at(-1)).toMatchObject({
      record: { page: { url: 'https://shop.example.com/cart', pageHtml: expect.stringContaining('href="https://shop.example.com/cart"') } },
    });
    // The retry must recognise its own reload of this very address: the schedule (storage.session only) keeps it.
    expect(
      tab
        .effects('store')
        .filter((effect) => effect.part === 'retry')
        .at(0),
    ).toMatchObject({ retry: { url: SECRET_PAGE } });
    // What the machine holds in memory is unchanged: the exact address still matches the next load.
    expect(tab.state().record.page?.url).toBe(SECRET_PAGE);
  });

  it('marks what a private window’s tab remembers as private, and a regular tab’s not', () => {
    const tab = world();
    tab.restore(2, newTabState(2, { privateWindow: true }));
    for (const tabId of [1, 2]) {
      tab.send(started('1'), tabId);
      tab.send(nginx502('1'), tabId);
      tab.send(apiFailure('2'), tabId);
      tab.send({ type: 'flush-due' }, tabId);
    }
    expect(tab.effects('remember', 1).map((effect) => effect.privateWindow)).toEqual([false, false]);
    expect(tab.effects('remember', 2).map((effect) => effect.privateWindow)).toEqual([true, true]);
  });

  it('keeps a private tab private when the background restarts from what was stored', () => {
    const restored = restoredTabState(3, undefined, undefined, { privateWindow: true });
    expect(restored.privateWindow).toBe(true);
    expect(restoredTabState(3, undefined, undefined).privateWindow).toBeUndefined();
  });
});

describe('bodies of failed requests (DevTools, Firefox)', () => {
  const API = 'https://shop.example.com/api';
  const ENVOY_BODY = 'upstream connect error or disconnect/reset before headers. reset reason: connection failure';
  const envoyCall = (requestId: string) =>
    ({
      type: 'request-failed',
      failure: toFailedRequest(
        { requestId, url: API, type: 'xmlhttprequest', method: 'GET', statusCode: 503, responseHeaders: [{ name: 'server', value: 'envoy' }], timeStamp: T0 },
        T0,
      ),
    }) as const;
  const body = (extra: Partial<FailureBody> = {}): FailureBody => ({
    url: API,
    method: 'GET',
    status: 503,
    time: T0,
    bodyText: ENVOY_BODY,
    bodyTruncated: false,
    ...extra,
  });

  it('should give a pending failure its body, re-explained, and store it with the burst', () => {
    const tab = world();
    tab.send(started('1'));
    tab.send(ok('1'));
    tab.send(envoyCall('5'));
    expect(tab.state().pending[0]?.bodyText).toBeUndefined();
    expect(tab.send({ type: 'body-read', body: body(), token: 'a' })).toEqual([{ type: 'body-settled', token: 'a', attached: true }]);
    tab.send({ type: 'flush-due' });
    expect(tab.state().record.failures[0]).toMatchObject({ bodyText: ENVOY_BODY, summary: { cause: 'origin-unreachable', gatewayName: 'Envoy' } });
  });

  it('should attach to a failure already stored, by request id when the background read the body', () => {
    const tab = world();
    tab.send(envoyCall('5'));
    tab.send({ type: 'flush-due' });
    const effects = tab.send({ type: 'body-read', body: body({ requestId: '5', url: 'https://elsewhere.example/' }) });
    expect(effects.find((effect) => effect.type === 'store')).toMatchObject({ record: { failures: [{ requestId: '5', bodyText: ENVOY_BODY }] } });
    expect(tab.send({ type: 'body-read', body: body({ requestId: '6' }), token: 'b' }).filter((effect) => effect.type === 'store')).toEqual([]);
  });

  it('should keep a body that came first until its failure comes, and give up after BODY_WAIT_MS', () => {
    const tab = world();
    expect(tab.send({ type: 'body-read', body: body(), token: 'early' })).toEqual([{ type: 'timer', event: 'bodies-due', at: T0 + BODY_WAIT_MS }]);
    const joined = tab.send(envoyCall('5'));
    expect(joined).toContainEqual({ type: 'body-settled', token: 'early', attached: true });
    expect(tab.state().pending[0]?.bodyText).toBe(ENVOY_BODY);

    tab.send({ type: 'body-read', body: body({ status: 504 }), token: 'late' });
    tab.at(BODY_WAIT_MS - 1);
    expect(tab.send({ type: 'bodies-due' })).toEqual([]);
    tab.at(BODY_WAIT_MS);
    expect(tab.send({ type: 'bodies-due' })).toEqual([{ type: 'body-settled', token: 'late', attached: false }]);
    expect(tab.state().waitingBodies).toEqual([]);
  });

  it('should bound the waiting bodies, and settle them all when the tab closes or is closed', () => {
    const tab = world();
    for (let index = 0; index <= MAX_WAITING_BODIES; index++) tab.send({ type: 'body-read', body: body({ status: 502 }), token: `t${index}` });
    expect(tab.effects('body-settled')).toEqual([{ type: 'body-settled', token: 't0', attached: false }]);
    expect(tab.state().waitingBodies).toHaveLength(MAX_WAITING_BODIES);
    const closing = tab.send({ type: 'tab-closed' });
    expect(closing.filter((effect) => effect.type === 'body-settled')).toHaveLength(MAX_WAITING_BODIES);
    expect(tab.send({ type: 'body-read', body: body(), token: 'after' })).toEqual([{ type: 'body-settled', token: 'after', attached: false }]);
  });
});
