// The background's handlers under WXT's fake browser: what they keep, what they redact, and that odd input never throws.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { onPageError, onResponseHeaders, onTabRemoved } from '../../../entrypoints/background/watcher';
import { guarded } from '../../../entrypoints/background/errors';
import { onMessage } from '../../../entrypoints/background/messages';
import { readTabRecord } from '../../../services/tab-store';
import { MAX_FAILURES_PER_TAB, type TabRecord } from '../../../utils/tab-record';

const NGINX_PAGE = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

beforeEach(() => {
  fakeBrowser.reset();
  // Not in the fake browser: calls the background makes that have no effect on what is tested here.
  Object.assign(browser.action, { setIcon: vi.fn(async () => {}) });
  Object.assign(browser, {
    scripting: { executeScript: vi.fn(async () => [{ result: { url: '', html: NGINX_PAGE } }]) },
    permissions: { contains: vi.fn(async () => false) },
  });
  Object.assign(browser.tabs, { reload: vi.fn(async () => {}), sendMessage: vi.fn(async () => {}) });
  Object.assign(browser.alarms, { create: vi.fn(async () => {}), clear: vi.fn(async () => true) });
});

const page502 = (tabId: number, requestId = '10') => ({
  tabId,
  requestId,
  type: 'main_frame',
  method: 'GET',
  url: 'https://shop.example.com/cart?session=abc',
  statusCode: 502,
  statusLine: 'HTTP/1.1 502 Bad Gateway',
  timeStamp: Date.now(),
  responseHeaders: [
    { name: 'Server', value: 'nginx' },
    { name: 'Set-Cookie', value: 'sid=very-secret' },
    { name: 'Authorization', value: 'Bearer very-secret' },
  ],
});

describe('the watcher', () => {
  it('records a failed page with its explanation, redacting credentials, and sets the badge', async () => {
    await onResponseHeaders(page502(7));
    const record = (await readTabRecord(7)) as TabRecord;
    expect(record.page).toMatchObject({ status: 502, url: 'https://shop.example.com/cart?session=abc', party: 'first' });
    expect(record.page?.explanation?.gateway?.id).toBe('nginx');
    expect(JSON.stringify(record)).not.toContain('very-secret');
    expect(await browser.action.getBadgeText({ tabId: 7 })).toBe('502');
  });

  it('ignores healthy responses in tabs it does not track, without touching storage', async () => {
    const spy = vi.spyOn(browser.storage.session, 'get');
    await onResponseHeaders({ tabId: 3, requestId: '1', type: 'xmlhttprequest', statusCode: 200, url: 'https://a.example/' });
    expect(spy).not.toHaveBeenCalled();
    expect(await readTabRecord(3)).toBeUndefined();
  });

  it('keeps at most MAX_FAILURES_PER_TAB failed requests per tab', async () => {
    for (let i = 1; i <= MAX_FAILURES_PER_TAB + 15; i++) {
      await onResponseHeaders({ tabId: 9, requestId: String(100 + i), type: 'xmlhttprequest', statusCode: 503, url: `https://api.example.com/${i}`, responseHeaders: [] });
    }
    // Failures inside a page are stored per burst.
    await vi.waitFor(async () => expect((await readTabRecord(9))?.failures.length).toBe(MAX_FAILURES_PER_TAB), { timeout: 2000 });
    expect((await readTabRecord(9))?.failures.at(-1)?.url).toBe(`https://api.example.com/${MAX_FAILURES_PER_TAB + 15}`);
  });

  it('does not raise an alarm for a 500 the application wrote itself', async () => {
    await onResponseHeaders({ tabId: 11, requestId: '5', type: 'xmlhttprequest', statusCode: 500, url: 'https://a.example/api', responseHeaders: [{ name: 'Content-Type', value: 'application/json' }] });
    // A gateway's 503 in the same tab is stored with the next burst; the application's 500 is not.
    await onResponseHeaders({ tabId: 11, requestId: '6', type: 'xmlhttprequest', statusCode: 503, url: 'https://a.example/other', responseHeaders: [] });
    await vi.waitFor(async () => expect((await readTabRecord(11))?.failures.map(({ requestId }) => requestId)).toEqual(['6']), { timeout: 3000 });
  });

  it('records a page that got no response, and forgets a tab when it closes', async () => {
    await onPageError({ tabId: 12, requestId: '3', type: 'main_frame', url: 'https://down.example/', error: 'net::ERR_CONNECTION_REFUSED' });
    expect((await readTabRecord(12))?.page).toMatchObject({ status: 0, networkError: 'net::ERR_CONNECTION_REFUSED' });
    await onTabRemoved(12);
    expect(await readTabRecord(12)).toBeUndefined();
  });

  it('ignores a load the user stopped', async () => {
    await onPageError({ tabId: 13, requestId: '3', type: 'main_frame', url: 'https://a.example/', error: 'net::ERR_ABORTED' });
    expect(await readTabRecord(13)).toBeUndefined();
  });
});

describe('no listener throws', () => {
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
  ];

  it.each(odd.map((details) => [JSON.stringify(details)?.slice(0, 60) ?? String(details), details]))('webRequest listeners survive %s', async (_label, details) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const listeners = [guarded('headers', onResponseHeaders), guarded('error', onPageError)];
    for (const listener of listeners) expect(() => listener(details as never)).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    warn.mockRestore();
  });

  it.each([undefined, null, 'text', 42, {}, { type: 7 }, { type: 'unknown' }, { type: 'retry-now' }, { type: 'never-on-site', url: 'javascript:alert(1)' }, { type: 'explanations', tabId: 'x' }])(
    'runtime messages answer %j without throwing',
    async (message) => {
      const answer = onMessage(message, {});
      if (answer) await expect(answer).resolves.toBeDefined();
    },
  );
});
