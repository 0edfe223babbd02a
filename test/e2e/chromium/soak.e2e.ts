// Soak: Gatewhy in real Chromium under a thousand failing calls on one page, thirty failing tabs at once, headers of
// hundreds of kilobytes and a megabyte, and its service worker stopped in the middle of a burst. Afterwards nothing
// went wrong in the worker, storage is within its budgets, and every badge and popup says what happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Worker } from 'playwright-core';
import { launchChromium, type ChromiumWithExtension } from '../support/chromium';
import { okPage, rawResponse, replayFixture, startServer, type TestServer } from '../support/http-server';
import { waitFor } from '../support/wait';
import { SESSION_BUDGET_BYTES, STORED_HEADER_CHARS, storedBytes, TAB_RECORD_BUDGET_BYTES } from '../../../utils/storage-budget';
import { BURST_MS } from '../../../utils/tab-machine';
import { failureCount, MAX_FAILURES_PER_TAB, type TabRecord } from '../../../utils/tab-record';

const NGINX_502 = 'test/fixtures/responses/nginx/502-proxy-connect-dns-failure--published.http';
const CALLS = 1000;
/** Calls made before the worker is stopped: not a whole number of stored bursts, so some are still held when it stops. */
const BEFORE_STOP = 525;
const TABS = 30;
const ENVOY_503 = rawResponse(503, 'Service Unavailable', { Server: 'envoy', 'Content-Type': 'text/plain' }, 'no healthy upstream');

/** A page that makes `calls` failing API calls, twenty at a time, in two parts: the second once the test says go. */
const burstPage = (calls: number, first: number) =>
  okPage(
    'Burst',
    `<script>
      const call = (i) => fetch('/api?n=' + i).catch(() => {});
      async function run(from, to) {
        for (let i = from; i < to; i += 20) await Promise.all(Array.from({ length: Math.min(20, to - i) }, (_, k) => call(i + k)));
      }
      run(0, ${first}).then(() => { document.title = 'Half'; return new Promise((go) => (window.go = go)); })
        .then(() => run(${first}, ${calls})).then(() => { document.title = 'Done'; });
    </script>`,
  );

describe('Chromium soak', () => {
  let browser: ChromiumWithExtension;
  let server: TestServer;
  const workerMessages: string[] = [];

  const listenTo = (worker: Worker) =>
    worker.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' || message.type() === 'warning') workerMessages.push(message.text());
    });
  const badgeOf = (tabId: number) => browser.inExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  const session = () => browser.inExtension(() => chrome.storage.session.get(null));

  beforeAll(async () => {
    const bigHeaders: [string, string][] = [1, 2, 3, 4].map((n) => [`X-Debug-${n}`, `${n}`.repeat(50_000)]);
    server = await startServer({
      '/burst': () => burstPage(CALLS, BEFORE_STOP),
      '/api': () => ENVOY_503,
      '/tab': () => replayFixture(NGINX_502),
      '/big-headers': () => rawResponse(502, 'Bad Gateway', [['Server', 'nginx'], ...bigHeaders], '<h1>502 Bad Gateway</h1>'),
      '/huge-header': () =>
        rawResponse(
          502,
          'Bad Gateway',
          [
            ['Server', 'nginx'],
            ['X-Huge', 'h'.repeat(1024 * 1024)],
          ],
          '<h1>502 Bad Gateway</h1>',
        ),
    });
    // As users have it: Chromium reloads error pages by itself, and Gatewhy's retries are on.
    browser = await launchChromium({ autoReload: true });
    browser.context.serviceWorkers().forEach(listenTo);
    browser.context.on('serviceworker', listenTo);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('counts a thousand failing calls on one page through a worker stopped mid-burst', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/burst`);
    const tabId = await browser.tabIdOf(page);
    await expect.poll(() => page.title(), { timeout: 60_000 }).toBe('Half');
    // Stopped while the last part-burst is still held for its write (it is stored BURST_MS after it began).
    await browser.stopWorker();
    await page.evaluate(() => (window as unknown as { go(): void }).go());
    await expect.poll(() => page.title(), { timeout: 60_000 }).toBe('Done');
    await waitFor(
      'the last burst to be stored',
      async () => failureCount(((await session())[`tab:${tabId}`] as TabRecord | undefined) ?? emptyish) >= CALLS - MAX_FAILURES_PER_TAB,
      10_000,
    );
    await new Promise((resolve) => setTimeout(resolve, BURST_MS + 500));

    const record = (await session())[`tab:${tabId}`] as TabRecord;
    // What a stopped worker had not stored yet is lost: at most the part of one burst it held.
    const counted = failureCount(record);
    console.info(`soak: ${counted} of ${CALLS} failing calls counted through the worker stop`);
    expect(counted).toBeGreaterThan(CALLS - MAX_FAILURES_PER_TAB);
    expect(counted).toBeLessThanOrEqual(CALLS);
    expect(record.failures).toHaveLength(MAX_FAILURES_PER_TAB);
    expect(record.failures.at(-1)?.url).toBe(`${server.origin}/api`);
    expect(await badgeOf(tabId)).toBe('99+');
    const popup = await browser.openPopup(tabId);
    await expect.poll(() => popup.locator('#headline').innerText()).toBe(`The page loaded, but ${counted} requests inside it failed`);
    expect(await popup.locator('main').innerText()).toContain(`the newest ${MAX_FAILURES_PER_TAB} are listed`);
    await popup.close();
  });

  it('follows thirty tabs failing at once, each with its badge and its headline', async () => {
    const pages = await Promise.all(Array.from({ length: TABS }, () => browser.context.newPage()));
    await Promise.all(pages.map((page, index) => page.goto(`${server.origin}/tab?n=${index}`)));
    const tabIds = await Promise.all(pages.map((page) => browser.tabIdOf(page)));
    for (const tabId of tabIds) await waitFor(`tab ${tabId}'s badge`, async () => (await badgeOf(tabId)) === '502', 20_000);
    const popup = await browser.openPopup(tabIds.at(-1)!);
    await expect.poll(() => popup.locator('#headline').innerText()).toMatch(/^502 from nginx: /);
    await popup.close();
  });

  it('keeps headers of hundreds of kilobytes cut, and explains a megabyte header Chromium refuses', async () => {
    const big = await browser.context.newPage();
    await big.goto(`${server.origin}/big-headers`);
    const bigTab = await browser.tabIdOf(big);
    await waitFor('the big-header page’s badge', async () => (await badgeOf(bigTab)) === '502');
    const record = (await session())[`tab:${bigTab}`] as TabRecord;
    const debug = record.page!.headers.find((header) => header.name === 'X-Debug-1')!;
    expect(debug.value.length).toBeLessThan(STORED_HEADER_CHARS + 100);
    expect(debug.value).toContain(`[${50_000 - STORED_HEADER_CHARS} more characters cut]`);

    const huge = await browser.context.newPage();
    const hugeUrl = `${server.origin}/huge-header`;
    await huge.goto(hugeUrl).catch(() => {});
    const hugeTab = await browser.tabIdOf(huge, hugeUrl);
    await waitFor('the huge-header page’s badge', async () => (await badgeOf(hugeTab)) === 'ERR');
    const popup = await browser.openPopup(hugeTab);
    await expect.poll(() => popup.locator('#headline').innerText()).toMatch(/^The page did not load: /);
    await popup.close();
  });

  it('ends with storage within budget, no problem recorded and nothing logged by the worker', async () => {
    const stored = await session();
    const sizes = Object.entries(stored).map(([key, value]) => [key, storedBytes(key, value)] as const);
    const total = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
    console.info(
      `soak: storage.session holds ${total} bytes in ${sizes.length} items, the largest tab record ${Math.max(...sizes.filter(([key]) => key.startsWith('tab:')).map(([, bytes]) => bytes))} bytes`,
    );
    expect(total).toBeLessThanOrEqual(SESSION_BUDGET_BYTES);
    for (const [key, bytes] of sizes) if (key.startsWith('tab:')) expect(bytes, key).toBeLessThanOrEqual(TAB_RECORD_BUDGET_BYTES);
    expect(sizes.filter(([key]) => key.startsWith('tab:')).length).toBeGreaterThanOrEqual(TABS + 3);
    expect(stored.problems ?? []).toEqual([]);
    expect(workerMessages).toEqual([]);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect
      .poll(() => options.locator('[data-diagnostic="storage"]').innerText())
      .toMatch(/^Gatewhy keeps [\d.]+ (kB|MB) in this browser session’s memory, of its 2 MB budget, for \d+ tabs\./);
    expect(await options.getByText('No problems in the background since the browser started.').count()).toBe(1);
    await options.close();
  });
});

const emptyish: TabRecord = { tabId: -1, failures: [], timeline: [] };
