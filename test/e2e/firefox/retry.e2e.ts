// Auto-retry in Firefox (MV2 and MV3 builds): recovery, Retry-After, no form re-POST, cancellation, site rules, global limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import type { TestServer } from '../support/http-server';
import { startRetrySite, type RetrySite } from '../support/retry-site';
import { waitFor } from '../support/wait';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Firefox (%s): automatic retry', (build) => {
  let firefox: FirefoxWithExtension;
  let server: TestServer;
  let arrived: RetrySite['arrived'];

  beforeAll(async () => {
    ({ server, arrived } = await startRetrySite());
    firefox = await launchFirefox(build);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await firefox.inExtension(async () => {
      const api = (globalThis as any).browser;
      await api.storage.sync.remove('settings');
      await api.storage.session.remove('retryLog');
    });
  });

  const setSettings = (changes: Record<string, unknown>) =>
    firefox.inExtension(async (update) => {
      const api = (globalThis as any).browser;
      const { settings } = await api.storage.sync.get('settings');
      await api.storage.sync.set({ settings: { ...settings, ...update } });
    }, changes);
  const retryState = (tabId: number) =>
    firefox.inExtension(async (id) => (await (globalThis as any).browser.storage.session.get(`retry:${id}`))[`retry:${id}`] as Record<string, unknown> | undefined, tabId);
  const banner = (page: Page) => page.evaluate(() => document.querySelector('gatewhy-banner')?.shadowRoot?.textContent ?? '').catch(() => '');
  const open = async (path: string) => {
    const page = await firefox.browser.newPage();
    await page.goto(`${server.origin}${path}`);
    return { page, tabId: await firefox.tabIdOf(page) };
  };

  it('brings back a page that fails 502, 502, then 200 with the default settings', async () => {
    const { page } = await open('/flaky');
    await waitFor('the page to come back', async () => (await page.title()) === 'Back again', 20_000);
    expect(arrived('/flaky')).toHaveLength(3);
    await page.close();
  });

  it('waits as long as Retry-After asks', async () => {
    const { page } = await open('/retry-after');
    await waitFor('the page to come back', async () => (await page.title()) === 'Ready', 15_000);
    const [first, second] = arrived('/retry-after');
    expect(second! - first!).toBeGreaterThanOrEqual(4000);
    expect(second! - first!).toBeLessThan(6000);
    await page.close();
  });

  it('never re-sends a form: a failed POST is not retried, and the banner says why', async () => {
    const { page, tabId } = await open('/form');
    await page.click('button');
    await waitFor('the POST to fail', () => arrived('/submit').length === 1);
    await waitFor('the banner', async () => (await banner(page)).includes('came from a form'), 10_000);
    await sleep(5000);
    expect(server.requests.filter((request) => request.path === '/submit').map(({ method }) => method)).toEqual(['POST']);
    expect(await retryState(tabId)).toMatchObject({ blocked: 'not-get' });
    await page.close();
  });

  it('cancels the retry when the tab closes', async () => {
    await setSettings({ baseDelaySeconds: 3, jitter: 0 });
    const { page, tabId } = await open('/closing');
    await waitFor('a scheduled retry', async () => (await retryState(tabId))?.dueAt);
    await page.close();
    await sleep(4500);
    expect(arrived('/closing')).toHaveLength(1);
    expect(await retryState(tabId)).toBeUndefined();
  });

  it('cancels the retry when the user navigates elsewhere', async () => {
    await setSettings({ baseDelaySeconds: 3, jitter: 0 });
    const { page, tabId } = await open('/leaving');
    await waitFor('a scheduled retry', async () => (await retryState(tabId))?.dueAt);
    await firefox.navigate(tabId, `${server.origin}/elsewhere`);
    await sleep(4500);
    expect(arrived('/leaving')).toHaveLength(1);
    expect(await retryState(tabId)).toBeUndefined();
    await page.close();
  });

  it('holds a "never retry" site rule', async () => {
    await setSettings({ neverRetrySites: ['*://127.0.0.1/never*'] });
    const { page, tabId } = await open('/never');
    await waitFor('the decision', async () => (await retryState(tabId))?.blocked === 'never-site');
    await sleep(3000);
    expect(arrived('/never')).toHaveLength(1);
    await page.close();
  });

  it('holds the global limit on retries per minute across tabs', async () => {
    await setSettings({ globalRetriesPerMinute: 2, baseDelaySeconds: 1, jitter: 0 });
    const tabs = [await open('/storm-1'), await open('/storm-2'), await open('/storm-3')];
    await sleep(6000);
    const retries = ['/storm-1', '/storm-2', '/storm-3'].reduce((sum, path) => sum + arrived(path).length - 1, 0);
    expect(retries).toBe(2);
    const states = await Promise.all(tabs.map(({ tabId }) => retryState(tabId)));
    expect(states.some((state) => state?.delayReason === 'global limit')).toBe(true);
    for (const { page } of tabs) await page.close();
  });
});
