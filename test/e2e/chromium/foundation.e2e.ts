// A real 502 from a local nginx-like server shows in Chromium's badge and popup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumWithExtension } from '../support/chromium';
import { startServer, replayFixture, okPage, type TestServer } from '../support/http-server';
import { waitFor } from '../support/wait';
import type { TabRecord } from '../../../utils/tab-record';

const NGINX_502 = 'test/fixtures/responses/nginx/502-proxy-connect-dns-failure--published.http';

describe('Chromium: a 502 page', () => {
  let browser: ChromiumWithExtension;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({
      '/broken': () => replayFixture(NGINX_502),
      '/healthy': () => okPage('Healthy'),
      '/broken-image.png': () => replayFixture(NGINX_502),
      '/with-image': () => okPage('Gallery', '<img src="/broken-image.png" alt="">'),
    });
    browser = await launchChromium();
    // These tests are about the record and the badge; retries are tested in retry.e2e.ts.
    await browser.setSettings({ autoRetry: false });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('records the failure, sets the badge and lists it in the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/broken`);
    const tabId = await browser.tabIdOf(page);

    const badge = await waitFor('the badge to say 502', () =>
      browser.inWorker(async (id) => ((await chrome.action.getBadgeText({ tabId: id })) === '502' ? 'ok' : undefined), tabId),
    );
    expect(badge).toBe('ok');

    const record = await browser.inWorker(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId);
    expect((record as TabRecord).page?.status).toBe(502);
    expect((record as TabRecord).page?.url).toBe(`${server.origin}/broken`);

    const popup = await browser.openPopup(tabId);
    await expect.poll(() => popup.locator('main').innerText()).toContain('502');
    expect(await popup.locator('main').innerText()).toContain(`${server.origin}/broken`);
    expect(await popup.locator('main').innerText()).toMatch(/server\s+nginx/i);
  });

  it('clears the badge when the tab loads a healthy page', async () => {
    const page = await browser.context.newPage();
    // A query of its own, so this tab is not mistaken for the previous test's tab.
    await page.goto(`${server.origin}/broken?then=healthy`);
    const tabId = await browser.tabIdOf(page);
    await waitFor('the 502 badge', () => browser.inWorker(async (id) => (await chrome.action.getBadgeText({ tabId: id })) === '502', tabId));

    await page.goto(`${server.origin}/healthy`);
    await waitFor('the badge to clear', () => browser.inWorker(async (id) => (await chrome.action.getBadgeText({ tabId: id })) === '', tabId));
    // Chromium itself resets a tab's badge when the new page commits, which can come just before the background has
    // removed the record: wait for the record to go as well.
    await waitFor('the record to go', () => browser.inWorker(async (id) => Object.keys(await chrome.storage.session.get(`tab:${id}`)).length === 0, tabId));
  });

  it('explains a page that got no response at all (connection refused)', async () => {
    // A port that was just free: nothing listens there.
    const closed = await startServer();
    const url = `${closed.origin}/nothing-here`;
    await closed.close();
    const page = await browser.context.newPage();
    await page.goto(url).catch(() => {});
    const tabId = await browser.tabIdOf(page, url);
    await waitFor('the badge to say ERR', () => browser.inExtension(async (id) => (await chrome.action.getBadgeText({ tabId: id })) === 'ERR', tabId));
    const popup = await browser.openPopup(tabId);
    await expect
      .poll(() => popup.locator('#headline').innerText())
      .toBe('The page did not load: the server refused the connection: nothing is listening, or a firewall rejects it');
  });

  it('sees the event that woke a stopped service worker, watch-everything included', async () => {
    await browser.setSettings({ watchAllRequests: true });
    await browser.stopWorker();
    // The page's request starts a new worker: its listeners must be there in its first turn, or this image is lost.
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/with-image`);
    const tabId = await browser.tabIdOf(page);
    const failures = await waitFor('the image failure to be recorded', async () => {
      const record = (await browser.inExtension(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId)) as TabRecord | undefined;
      return record?.failures.length ? record.failures : undefined;
    });
    expect(failures.map(({ type, status }) => `${type} ${status}`)).toEqual(['image 502']);
    // Chromium took the listener's named types: no fallback to every type was needed (entrypoints/background/index.ts).
    const problems = (await browser.inExtension(async () => (await chrome.storage.session.get('problems')).problems)) as { where: string }[] | undefined;
    expect((problems ?? []).map(({ where }) => where)).not.toContain('watch-everything types');
    await browser.setSettings({ watchAllRequests: false });
  });
});
