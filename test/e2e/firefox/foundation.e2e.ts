// A real 502 from a local nginx-like server shows in Firefox's badge and popup, in the MV2 and MV3 builds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import { startServer, replayFixture, okPage, type TestServer } from '../support/http-server';
import { waitFor } from '../support/wait';

const NGINX_502 = 'test/fixtures/responses/nginx/502-proxy-connect-dns-failure--published.http';

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Firefox (%s): a 502 page', (build) => {
  let firefox: FirefoxWithExtension;
  let server: TestServer;
  const badgeText = (tabId: number) =>
    firefox.inExtension(async (id) => {
      const api = (globalThis as any).browser.action ?? (globalThis as any).browser.browserAction;
      return api.getBadgeText({ tabId: id }) as Promise<string>;
    }, tabId);

  beforeAll(async () => {
    server = await startServer({ '/broken': () => replayFixture(NGINX_502), '/healthy': () => okPage('Healthy') });
    firefox = await launchFirefox(build);
    // These tests are about the record and the badge; retries are tested in retry.e2e.ts.
    await firefox.setSettings({ autoRetry: false });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('records the failure, sets the badge and lists it in the popup', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${server.origin}/broken`);
    const tabId = await firefox.tabIdOf(page);
    await waitFor('the badge to say 502', async () => (await badgeText(tabId)) === '502');

    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    const text = await waitFor('the popup to list the 502', async () => {
      const shown = await popup.evaluate(() => document.querySelector('main')?.textContent ?? '');
      return shown.includes('502') ? shown : undefined;
    });
    expect(text).toContain(`${server.origin}/broken`);
    expect(text).toMatch(/server\s*nginx/i);
  });

  it('clears the badge when the tab loads a healthy page', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${server.origin}/broken?then=healthy`);
    const tabId = await firefox.tabIdOf(page);
    await waitFor('the 502 badge', async () => (await badgeText(tabId)) === '502');
    await firefox.navigate(tabId, `${server.origin}/healthy`);
    await waitFor('the badge to clear', async () => (await badgeText(tabId)) === '');
    await waitFor('the record to go', () =>
      firefox.inExtension(async (id) => Object.keys(await (globalThis as any).browser.storage.session.get(`tab:${id}`)).length === 0, tabId),
    );
  });
});
