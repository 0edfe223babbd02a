// The background's runner under WXT's fake browser: what it stores and shows, and the orderings across tabs and workers.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createTabRunner, type RunnerOptions } from '../../../entrypoints/background/tab-runner';
import { readRetryState } from '../../../services/retry-store';
import { saveSetting } from '../../../services/settings-store';
import { readTabRecord } from '../../../services/tab-store';
import { navigationEvent, networkErrorEvent, responseEvent, type AddressedEvent } from '../../../utils/tab-events';
import { SESSION_BUDGET_BYTES, STORED_HEADER_CHARS, storedBytes, TAB_RECORD_BUDGET_BYTES } from '../../../utils/storage-budget';
import { failureCount, MAX_FAILURES_PER_TAB, type TabRecord } from '../../../utils/tab-record';
import { retryAlarmName } from '../../../entrypoints/background/retry-alarm';
import { historyInDump } from '../../support/history';

const NGINX_PAGE = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
const URL_OF = (tabId: number) => `https://shop${tabId}.example.com/cart?session=abc`;

let reloads: number[];
let warnings: unknown[][];

beforeEach(() => {
  fakeBrowser.reset();
  reloads = [];
  warnings = [];
  vi.restoreAllMocks();
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args));
  // Not in the fake browser: calls whose effect the tests read through these stubs.
  Object.assign(browser.action, { setIcon: vi.fn(async () => {}) });
  Object.assign(browser, {
    scripting: { executeScript: vi.fn(async () => [{ result: { url: URL_OF(7), html: NGINX_PAGE } }]) },
    permissions: { contains: vi.fn(async () => false) },
  });
  Object.assign(browser.tabs, {
    get: vi.fn(async (tabId: number) => ({ id: tabId, url: URL_OF(tabId), status: 'loading', incognito: false })),
    reload: vi.fn(async (tabId: number) => void reloads.push(tabId)),
    sendMessage: vi.fn(async () => {}),
  });
  Object.assign(browser.alarms, { create: vi.fn(async () => {}), clear: vi.fn(async () => true) });
});

type Runner = ReturnType<typeof createTabRunner>;
const runner = (options: Partial<RunnerOptions> = {}) => createTabRunner({ browserTraits: { reloadsNetworkErrors: false }, ...options });
const page502 = (tabId: number, requestId = '10') => ({
  tabId,
  requestId,
  type: 'main_frame',
  method: 'GET',
  url: URL_OF(tabId),
  statusCode: 502,
  statusLine: 'HTTP/1.1 502 Bad Gateway',
  timeStamp: Date.now(),
  responseHeaders: [
    { name: 'Server', value: 'nginx' },
    { name: 'Set-Cookie', value: 'sid=very-secret' },
    { name: 'Authorization', value: 'Bearer very-secret' },
  ],
});
const deliver = async (tabs: Runner, addressed: AddressedEvent | undefined) => {
  if (addressed) await tabs.dispatch(addressed.tabId, addressed.event);
};
const failPage = async (tabs: Runner, tabId: number, requestId = '10') => {
  await deliver(tabs, navigationEvent({ tabId, requestId, type: 'main_frame', method: 'GET', url: URL_OF(tabId) }));
  await deliver(tabs, responseEvent(page502(tabId, requestId)));
};

const apiFailure = (tabId: number, i: number) => ({
  tabId,
  requestId: String(100 + i),
  type: 'xmlhttprequest',
  statusCode: 503,
  url: `https://api.example.com/${i}`,
  responseHeaders: [] as { name: string; value: string }[],
});

describe('the runner', () => {
  it('records a failed page with its explanation, redacting credentials, and sets the badge', async () => {
    const tabs = runner();
    await failPage(tabs, 7);
    const record = (await readTabRecord(7)) as TabRecord;
    // Stored without its query string; only the retry schedule keeps the exact address, to know its own reload.
    expect(record.page).toMatchObject({ status: 502, url: 'https://shop7.example.com/cart', party: 'first' });
    expect(record.page?.explanation?.gateway?.id).toBe('nginx');
    expect(JSON.stringify(record)).not.toContain('very-secret');
    expect(JSON.stringify(record)).not.toContain('session=abc');
    expect(await browser.action.getBadgeText({ tabId: 7 })).toBe('502');
    expect(await readRetryState(7)).toMatchObject({ url: URL_OF(7), attempt: 0, delayReason: 'backoff' });
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain('session=abc');
    expect(warnings).toEqual([]);
  });

  it('writes nothing of a private window’s tab to storage.local or storage.sync: its recent errors stay in memory', async () => {
    const incognito = new Set([8]);
    Object.assign(browser.tabs, {
      get: vi.fn(async (tabId: number) => ({ id: tabId, url: URL_OF(tabId), status: 'loading', incognito: incognito.has(tabId) })),
    });
    const tabs = runner();
    await failPage(tabs, 8);
    await failPage(tabs, 7, '20');
    const local = await browser.storage.local.get(null);
    expect(historyInDump(local).map(({ url }) => url)).toEqual(['https://shop7.example.com/cart']);
    expect(JSON.stringify(local)).not.toContain('shop8');
    expect(JSON.stringify(await browser.storage.sync.get(null))).not.toContain('shop8');
    const session = await browser.storage.session.get(null);
    expect(historyInDump(session, 'privateHistory').map(({ url }) => url)).toEqual(['https://shop8.example.com/cart']);
    expect(warnings).toEqual([]);
  });

  it('counts a tab the browser cannot show as private: nothing of it reaches the disk', async () => {
    Object.assign(browser.tabs, { get: vi.fn(async () => Promise.reject(new Error('No tab with id: 7'))) });
    const tabs = runner();
    await failPage(tabs, 7);
    const local = await browser.storage.local.get(null);
    expect(historyInDump(local)).toEqual([]);
    expect(JSON.stringify(local)).not.toContain('example.com');
    expect(historyInDump(await browser.storage.session.get(null), 'privateHistory')).toHaveLength(1);
    expect((await tabs.stateOf(7))?.privateWindow).toBe(true);
  });

  it('touches no storage for a healthy page in a tab it does not follow', async () => {
    const tabs = runner();
    await tabs.settings();
    const set = vi.spyOn(browser.storage.session, 'set');
    const remove = vi.spyOn(browser.storage.session, 'remove');
    await deliver(tabs, navigationEvent({ tabId: 3, requestId: '1', type: 'main_frame', url: 'https://a.example/' }));
    await deliver(tabs, responseEvent({ tabId: 3, requestId: '1', type: 'main_frame', statusCode: 200, url: 'https://a.example/' }));
    await tabs.dispatch(3, { type: 'load-complete', url: 'https://a.example/' });
    expect(set).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
  });

  it('reads its knowledge before it explains a failure, and not for healthy pages', async () => {
    const order: string[] = [];
    const loadKnowledge = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('knowledge read');
    });
    const tabs = runner({ loadKnowledge });
    await deliver(tabs, navigationEvent({ tabId: 3, requestId: '1', type: 'main_frame', url: 'https://a.example/' }));
    await deliver(tabs, responseEvent({ tabId: 3, requestId: '1', type: 'main_frame', statusCode: 200, url: 'https://a.example/' }));
    await tabs.dispatch(3, { type: 'load-complete', url: 'https://a.example/' });
    expect(loadKnowledge).not.toHaveBeenCalled();
    const set = browser.storage.session.set.bind(browser.storage.session);
    vi.spyOn(browser.storage.session, 'set').mockImplementation(async (items) => {
      order.push('stored');
      await set(items);
    });
    await failPage(tabs, 4);
    expect(order[0]).toBe('knowledge read');
    expect(order).toContain('stored');
    expect((await readTabRecord(4))?.failures).toHaveLength(1);
  });

  it('keeps the newest MAX_FAILURES_PER_TAB failed requests per tab, stored per burst, and counts the rest', async () => {
    const tabs = runner();
    for (let i = 1; i < MAX_FAILURES_PER_TAB; i++) await deliver(tabs, responseEvent(apiFailure(9, i)));
    // A burst is held back for one write...
    expect(await readTabRecord(9)).toBeUndefined();
    // ...but never past what the record keeps: the fiftieth is stored at once.
    await deliver(tabs, responseEvent(apiFailure(9, MAX_FAILURES_PER_TAB)));
    expect((await readTabRecord(9))?.failures).toHaveLength(MAX_FAILURES_PER_TAB);
    for (let i = MAX_FAILURES_PER_TAB + 1; i <= MAX_FAILURES_PER_TAB + 15; i++) await deliver(tabs, responseEvent(apiFailure(9, i)));
    expect((await tabs.stateOf(9))?.pending).toHaveLength(15);
    await vi.waitFor(async () => expect((await readTabRecord(9))?.earlierFailures).toBe(15), { timeout: 2000 });
    const record = (await readTabRecord(9))!;
    expect(record.failures).toHaveLength(MAX_FAILURES_PER_TAB);
    expect(record.failures.at(-1)?.url).toBe(`https://api.example.com/${MAX_FAILURES_PER_TAB + 15}`);
    expect(await browser.action.getBadgeText({ tabId: 9 })).toBe(String(MAX_FAILURES_PER_TAB + 15));
  });

  it('never holds more than MAX_FAILURES_PER_TAB failures unstored, however long the burst', async () => {
    const tabs = runner();
    let most = 0;
    for (let i = 1; i <= 1000; i++) {
      await deliver(tabs, responseEvent(apiFailure(4, i)));
      most = Math.max(most, (await tabs.stateOf(4))!.pending.length);
    }
    expect(most).toBe(MAX_FAILURES_PER_TAB - 1);
    await vi.waitFor(async () => expect((await readTabRecord(4))?.earlierFailures).toBe(1000 - MAX_FAILURES_PER_TAB), { timeout: 2000 });
    expect(await browser.action.getBadgeText({ tabId: 4 })).toBe('99+');
  });

  it('keeps each stored record within its budget, and all of them within the session’s', async () => {
    const tabs = runner();
    const huge = 'x'.repeat(1024 * 1024);
    for (let tabId = 1; tabId <= 40; tabId++) {
      for (let i = 1; i <= MAX_FAILURES_PER_TAB; i++) {
        await deliver(
          tabs,
          responseEvent({
            ...apiFailure(tabId, i),
            responseHeaders: [
              { name: 'X-Trace', value: huge },
              { name: 'Server', value: 'envoy' },
            ],
          }),
        );
      }
    }
    const session = await browser.storage.session.get(null);
    const records = Object.entries(session).filter(([key]) => key.startsWith('tab:'));
    expect(records).toHaveLength(40);
    const sizes = records.map(([key, value]) => storedBytes(key, value));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(TAB_RECORD_BUDGET_BYTES);
    const total = Object.entries(session).reduce((sum, [key, value]) => sum + storedBytes(key, value), 0);
    expect(total).toBeLessThanOrEqual(SESSION_BUDGET_BYTES);
    // Each tab still says how many of its requests failed, and keeps its newest.
    for (const [, value] of records) {
      const record = value as TabRecord;
      expect(failureCount(record)).toBe(MAX_FAILURES_PER_TAB);
      expect(record.failures.at(-1)?.url).toMatch(new RegExp(`/${MAX_FAILURES_PER_TAB}$`));
      expect(record.failures.at(-1)!.headers.find((header) => header.name === 'X-Trace')!.value.length).toBeLessThan(STORED_HEADER_CHARS + 100);
    }
    expect(warnings).toEqual([]);
  });

  it('deletes, at start, the records and schedules of tabs that closed while no background ran', async () => {
    const before = runner();
    await failPage(before, 21);
    await failPage(before, 22);
    const fresh = runner({ openTabs: async () => new Set([22]) });
    await fresh.start();
    expect(await readTabRecord(21)).toBeUndefined();
    expect(await readRetryState(21)).toBeUndefined();
    expect(browser.alarms.clear).toHaveBeenCalledWith(retryAlarmName(21));
    expect((await readTabRecord(22))?.page?.status).toBe(502);
    expect(await readRetryState(22)).toBeDefined();
  });

  it('keeps a write the browser refused (over quota) as a problem for Diagnostics, and goes on', async () => {
    const set = browser.storage.session.set.bind(browser.storage.session);
    vi.spyOn(browser.storage.session, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (Object.keys(items).some((key) => key.startsWith('tab:'))) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
      return set(items);
    });
    const tabs = runner();
    await failPage(tabs, 23);
    expect(await browser.action.getBadgeText({ tabId: 23 })).toBe('502');
    await vi.waitFor(async () =>
      expect((await browser.storage.session.get('problems')).problems).toEqual([
        expect.objectContaining({ where: 'effect store', message: 'Error: Session storage quota bytes exceeded. Values were not stored.', count: 1 }),
      ]),
    );
    expect(warnings).toHaveLength(1);
  });

  it('stores nothing for a burst whose tab closed before it was flushed', async () => {
    const tabs = runner();
    await deliver(
      tabs,
      responseEvent({ tabId: 11, requestId: '6', type: 'xmlhttprequest', statusCode: 503, url: 'https://a.example/other', responseHeaders: [] }),
    );
    await tabs.dispatch(11, { type: 'tab-closed' });
    await deliver(
      tabs,
      responseEvent({ tabId: 11, requestId: '7', type: 'xmlhttprequest', statusCode: 503, url: 'https://a.example/late', responseHeaders: [] }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(await browser.storage.session.get(['tab:11', 'retry:11'])).toEqual({});
  });

  it('lets only one of two tabs failing together take the last retry slot of the minute', async () => {
    await saveSetting('globalRetriesPerMinute', 1);
    const tabs = runner();
    await Promise.all([failPage(tabs, 1), failPage(tabs, 2)]);
    const states = [await readRetryState(1), await readRetryState(2)];
    expect(states.map((state) => state?.delayReason).sort()).toEqual(['backoff', 'global limit']);
    await vi.waitFor(async () => expect((await browser.storage.session.get('retryLog')).retryLog).toHaveLength(2));
    const log = (await browser.storage.session.get('retryLog')).retryLog as number[];
    expect(Math.abs(log[1]! - log[0]!)).toBeGreaterThanOrEqual(55_000);
  });

  it('retries on time after the background was stopped mid-countdown', async () => {
    await saveSetting('baseDelaySeconds', 0.5);
    await saveSetting('jitter', 0);
    // The first background's timer is never allowed to fire: it died with that worker.
    const dead = runner({ now: () => Date.now() });
    vi.spyOn(globalThis, 'setTimeout').mockImplementationOnce((() => 0) as never);
    await failPage(dead, 5);
    vi.mocked(globalThis.setTimeout).mockRestore();
    const dueAt = (await readRetryState(5))!.dueAt!;
    expect(reloads).toEqual([]);
    const fresh = runner();
    await fresh.start();
    await vi.waitFor(() => expect(reloads).toContain(5), { timeout: 2000 });
    expect(Date.now()).toBeGreaterThanOrEqual(dueAt - 500);
    await vi.waitFor(async () => expect(await readRetryState(5)).toMatchObject({ attempt: 1 }));
  });

  it('records a page that got no response, and forgets a tab when it closes', async () => {
    const tabs = runner();
    await deliver(
      tabs,
      networkErrorEvent({ tabId: 12, requestId: '3', type: 'main_frame', url: 'https://down.example/', error: 'NS_ERROR_CONNECTION_REFUSED' }),
    );
    expect((await readTabRecord(12))?.page).toMatchObject({ status: 0, networkError: 'NS_ERROR_CONNECTION_REFUSED' });
    await tabs.dispatch(12, { type: 'tab-closed' });
    expect(await readTabRecord(12)).toBeUndefined();
    expect(await readRetryState(12)).toBeUndefined();
  });

  it('ignores a load the user stopped', () => {
    expect(networkErrorEvent({ tabId: 13, requestId: '3', type: 'main_frame', url: 'https://a.example/', error: 'net::ERR_ABORTED' })).toBeUndefined();
  });
});

describe('the listeners’ handlers on odd input', () => {
  const odd: unknown[] = [
    undefined,
    null,
    {},
    { tabId: 'x' },
    { tabId: 1, type: 'main_frame' },
    { tabId: 1, type: 'main_frame', statusCode: 'nope', url: 42, responseHeaders: 'junk' },
    { tabId: 1, type: 'xmlhttprequest', statusCode: 502, url: 'not a url', responseHeaders: [{ name: '\u0000', value: 'x'.repeat(1_000_000) }, null, 7] },
    { tabId: 1, type: 'main_frame', statusCode: 503, responseHeaders: [{ name: 'Retry-After', value: 'Tue, 99 Foo 9999' }] },
    { tabId: 1, type: 'main_frame', error: 12 },
    { tabId: -1, type: 'main_frame', statusCode: 502, url: 'https://a.example/' },
  ];

  it.each(odd.map((details) => [JSON.stringify(details)?.slice(0, 60) ?? String(details), details]))(
    'turn %s into an event or nothing, and the runner takes it without an error',
    async (_label, details) => {
      const tabs = runner();
      for (const toEvent of [navigationEvent, responseEvent, networkErrorEvent]) {
        const addressed = toEvent(details);
        if (addressed) await expect(tabs.dispatch(addressed.tabId, addressed.event)).resolves.toBeUndefined();
      }
      await tabs.stateOf(1);
      expect(warnings).toEqual([]);
    },
  );
});

describe('the global retry log', () => {
  it('follows a stored log cleared elsewhere, and ignores its own writes', async () => {
    await saveSetting('globalRetriesPerMinute', 1);
    const tabs = runner();
    await tabs.start();
    await failPage(tabs, 1);
    await vi.waitFor(async () => expect((await browser.storage.session.get('retryLog')).retryLog).toHaveLength(1));
    // Its own write did not reset anything: a second tab still waits for the minute.
    await failPage(tabs, 2);
    expect(await readRetryState(2)).toMatchObject({ delayReason: 'global limit' });
    // Cleared from outside (as "clear browsing data" or a test does): the next plan starts from an empty log.
    await browser.storage.session.remove('retryLog');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await failPage(tabs, 3);
    expect(await readRetryState(3)).toMatchObject({ delayReason: 'backoff' });
  });
});

describe('bodies DevTools saw', () => {
  const API = 'https://shop7.example.com/api/orders';
  const ENVOY_BODY = 'upstream connect error or disconnect/reset before headers. reset reason: connection failure';
  const body = { url: API, method: 'GET', status: 503, time: Date.now(), bodyText: ENVOY_BODY, bodyTruncated: false };
  const envoyCall = {
    tabId: 7,
    requestId: '20',
    type: 'xmlhttprequest',
    method: 'GET',
    url: API,
    statusCode: 503,
    timeStamp: Date.now(),
    responseHeaders: [{ name: 'server', value: 'envoy' }],
  };

  it('attaches a body to its failure through the tab machine, and the stored failure is explained from it', async () => {
    const tabs = runner();
    await deliver(tabs, responseEvent(envoyCall));
    expect(await tabs.attachBody(7, body)).toBe(true);
    await vi.waitFor(
      async () => expect((await readTabRecord(7))?.failures[0]).toMatchObject({ bodyText: ENVOY_BODY, summary: { cause: 'origin-unreachable' } }),
      { timeout: 3000 },
    );
  });

  it('answers false at once for a tab that closed, and leaves no body behind', async () => {
    const tabs = runner();
    await tabs.dispatch(8, { type: 'tab-closed' });
    expect(await tabs.attachBody(8, { ...body, url: 'https://shop8.example.com/api' })).toBe(false);
    expect((await tabs.stateOf(8))?.waitingBodies ?? []).toEqual([]);
  });
});
