// Auto-retry in Chromium with the built extension: recovery, Retry-After, no form re-POST, cancellation,
// a stopped service worker, per-site rules and the global limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumWithExtension } from '../support/chromium';
import type { TestServer } from '../support/http-server';
import { startRetrySite, type RetrySite } from '../support/retry-site';
import { waitFor } from '../support/wait';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Chromium: automatic retry', () => {
  let browser: ChromiumWithExtension;
  let server: TestServer;
  /** When each request for a path arrived, in ms since the epoch. */
  let arrived: RetrySite['arrived'];

  beforeAll(async () => {
    ({ server, arrived } = await startRetrySite());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await browser.closeTabs();
    await browser.inExtension(async () => {
      await chrome.storage.sync.remove('settings');
      // Each test starts with no retries counted against the global limit.
      await chrome.storage.session.remove('retryLog');
    });
  });

  const open = async (path: string): Promise<{ page: Page; tabId: number }> => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}${path}`);
    return { page, tabId: await browser.tabIdOf(page) };
  };
  const retryState = (tabId: number) =>
    browser.inExtension(async (id) => (await chrome.storage.session.get(`retry:${id}`))[`retry:${id}`] as Record<string, unknown> | undefined, tabId);
  const banner = (page: Page) => page.locator('gatewhy-banner').evaluate((host) => host.shadowRoot?.textContent ?? '').catch(() => '');

  it('brings back a page that fails 502, 502, then 200 with the default settings', async () => {
    const { page, tabId } = await open('/flaky');
    await expect.poll(() => page.title(), { timeout: 20_000 }).toBe('Back again');
    expect(arrived('/flaky')).toHaveLength(3);
    // The recovery is written just after the page loads: wait for it.
    const record = await waitFor('the recovery in the timeline', async () => {
      const stored = await browser.inExtension(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { timeline: { kind: string; text: string }[] }, tabId);
      return stored?.timeline.some(({ kind }) => kind === 'recovered') ? stored : undefined;
    });
    expect(record.timeline.map(({ kind }) => kind)).toEqual(['failed', 'retry-scheduled', 'retried', 'failed', 'retry-scheduled', 'retried', 'recovered']);
    expect(record.timeline.at(-1)!.text).toMatch(/back after 2 retries/);
    expect(await retryState(tabId)).toBeUndefined();
  });

  it('waits as long as Retry-After asks', async () => {
    const { page } = await open('/retry-after');
    await expect.poll(() => page.title(), { timeout: 15_000 }).toBe('Ready');
    const [first, second] = arrived('/retry-after');
    expect(second! - first!).toBeGreaterThanOrEqual(4000);
    expect(second! - first!).toBeLessThan(6000);
  });

  it('never re-sends a form: a failed POST is not retried, and the banner says why', async () => {
    const { page, tabId } = await open('/form');
    await page.click('button');
    await waitFor('the POST to fail', () => arrived('/submit').length === 1);
    await expect.poll(() => banner(page), { timeout: 10_000 }).toContain('came from a form');
    await sleep(5000);
    expect(arrived('/submit')).toHaveLength(1);
    expect(server.requests.filter((request) => request.path === '/submit').map(({ method }) => method)).toEqual(['POST']);
    expect(await retryState(tabId)).toMatchObject({ blocked: 'not-get' });
  });

  it('cancels the retry when the tab closes', async () => {
    await browser.setSettings({ baseDelaySeconds: 3, jitter: 0 });
    const { page, tabId } = await open('/closing');
    await waitFor('a scheduled retry', async () => (await retryState(tabId))?.dueAt);
    await page.close();
    await sleep(4500);
    expect(arrived('/closing')).toHaveLength(1);
    expect(await retryState(tabId)).toBeUndefined();
  });

  it('cancels the retry when the user navigates elsewhere', async () => {
    await browser.setSettings({ baseDelaySeconds: 3, jitter: 0 });
    const { page, tabId } = await open('/leaving');
    await waitFor('a scheduled retry', async () => (await retryState(tabId))?.dueAt);
    await page.goto(`${server.origin}/elsewhere`);
    await sleep(4500);
    expect(arrived('/leaving')).toHaveLength(1);
    expect(await page.title()).toBe('Elsewhere');
    expect(await retryState(tabId)).toBeUndefined();
  });

  it('still retries on time when Chromium stops the service worker mid-countdown', async () => {
    await browser.setSettings({ baseDelaySeconds: 6, jitter: 0 });
    const { page, tabId } = await open('/slow-retry');
    const state = await waitFor('a scheduled retry', async () => retryState(tabId).then((retry) => retry?.dueAt && retry));
    await expect.poll(() => banner(page), { timeout: 15_000 }).toMatch(/retrying in \d+ s \(attempt 1 of 5\)/);
    await page.setViewportSize({ width: 760, height: 360 });
    await page.screenshot({ path: 'docs/screenshots/banner.png' });
    await browser.stopWorker();
    await expect.poll(() => page.title(), { timeout: 20_000 }).toBe('Recovered');
    const [, retried] = arrived('/slow-retry');
    // On time: within a second of the due time, not at Chromium's 30-second alarm floor.
    const dueAt = (state as { dueAt: number }).dueAt;
    expect(retried!).toBeGreaterThanOrEqual(dueAt - 600);
    expect(retried! - dueAt).toBeLessThan(1500);
  });

  it('holds a "never retry" site rule, and an "always" rule even with automatic retry off', async () => {
    await browser.setSettings({ neverRetrySites: [`*://127.0.0.1/never*`] });
    const { tabId } = await open('/never');
    await waitFor('the decision', async () => (await retryState(tabId))?.blocked === 'never-site');
    await browser.setSettings({ neverRetrySites: [], autoRetry: false, alwaysRetrySites: ['*://127.0.0.1/always*'] });
    const always = await open('/always');
    await expect.poll(() => always.page.title(), { timeout: 15_000 }).toBe('Always');
    await sleep(2500);
    expect(arrived('/never')).toHaveLength(1);
  });

  it('holds the global limit on retries per minute across tabs', async () => {
    await browser.setSettings({ globalRetriesPerMinute: 2, baseDelaySeconds: 1, jitter: 0 });
    const tabs = [await open('/storm-1'), await open('/storm-2'), await open('/storm-3')];
    await sleep(6000);
    const retries = ['/storm-1', '/storm-2', '/storm-3'].reduce((sum, path) => sum + arrived(path).length - 1, 0);
    expect(retries).toBe(2);
    const states = await Promise.all(tabs.map(({ tabId }) => retryState(tabId)));
    expect(states.some((state) => state?.delayReason === 'global limit')).toBe(true);
  });
});
