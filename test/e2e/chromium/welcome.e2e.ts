// Onboarding and permission health in Chromium: the welcome page on install, the warning when site access is set to
// "On click", the button that asks for access, and browser pages the popup cannot watch. Saves the screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumWithExtension } from '../support/chromium';
import { okPage, startServer, type TestServer } from '../support/http-server';
import { waitFor } from '../support/wait';

const SCREENSHOTS = 'docs/screenshots';
const ACCESS_HEADLINE = '#site-access-headline';

describe('Chromium: welcome and site access', () => {
  let browser: ChromiumWithExtension;
  let site: TestServer;
  let welcome: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    site = await startServer({ '/': () => okPage('Shop') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const welcomeUrl = () => `chrome-extension://${browser.extensionId}/welcome.html`;
  const text = (page: Page, selector: string) =>
    page
      .locator(selector)
      .innerText()
      .catch(() => '');

  it('opens the welcome page on install, with a live explanation of the captured nginx 502 and full access', async () => {
    welcome = await waitFor('the welcome tab', () => browser.context.pages().find((page) => page.url() === welcomeUrl()));
    await welcome.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => text(welcome, 'h1')).toBe('Welcome to Gatewhy');
    const example = welcome.getByRole('region', { name: 'What an explanation looks like' });
    await expect
      .poll(() => example.getByRole('heading', { level: 3 }).first().innerText())
      .toMatch(/^502 from nginx: (probably |cannot tell the cause from this response \(likeliest: )?the gateway could not connect to the origin server\)?$/);
    expect(await example.innerText()).toContain('Written by the gateway: nginx');
    await expect.poll(() => text(welcome, ACCESS_HEADLINE)).toBe('Gatewhy can see every site');
    expect(await welcome.getByRole('link', { name: 'Open the settings' }).count()).toBe(1);
    await welcome.screenshot({ path: `${SCREENSHOTS}/welcome.png` });

    // Only on install: a new service worker (as after the browser idles or starts) opens no second welcome tab.
    await browser.stopWorker();
    await browser.inExtension(() => chrome.runtime.sendMessage({ type: 'ping' }).catch(() => undefined));
    await waitFor('a new service worker', () => browser.context.serviceWorkers().some((worker) => worker.url().includes(browser.extensionId)));
    const welcomeTabs = await browser.inExtension(async (url) => (await chrome.tabs.query({})).filter((tab) => tab.url === url).length, welcomeUrl());
    expect(welcomeTabs).toBe(1);
  });

  it("says in a chrome:// tab's popup that Gatewhy cannot watch it", async () => {
    const tabId = await browser.inExtension(async () => (await chrome.tabs.create({ url: 'chrome://version', active: false })).id!);
    const popup = await browser.openPopup(tabId);
    await expect.poll(() => text(popup, ACCESS_HEADLINE)).toBe('Gatewhy cannot watch browser pages like this one');
    expect(await popup.locator('main').innerText()).not.toContain('No gateway errors on this tab');
    expect(await popup.getByRole('button', { name: 'Allow access to all sites' }).count()).toBe(0);
    await popup.close();
  });

  it('warns in the popup and on the welcome page when site access is "On click", and clears once access is back', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/`);
    const tabId = await browser.tabIdOf(page);
    const popup = await browser.openPopup(tabId);
    await popup.setViewportSize({ width: 420, height: 600 });
    await expect.poll(() => text(popup, '#headline')).toBe('No gateway errors on this tab');

    // The API cannot withhold what the manifest requires: that is why the test drives the real setting.
    const removed = await browser.inExtension(() => chrome.permissions.remove({ origins: ['<all_urls>'] }).then(String, (error: Error) => error.message));
    expect(removed).not.toBe('true');
    await browser.setSiteAccess('ON_CLICK');

    // Both pages follow permissions.onRemoved while open.
    await expect.poll(() => text(popup, ACCESS_HEADLINE)).toBe('Gatewhy cannot see failures on sites');
    expect(await popup.locator('main').innerText()).not.toContain('No gateway errors on this tab');
    expect(await popup.locator('main').innerText()).toContain('“On click”');
    await expect.poll(() => text(welcome, ACCESS_HEADLINE)).toBe('Gatewhy cannot see failures on sites');
    expect(await welcome.getByRole('button', { name: 'Allow access to all sites' }).count()).toBe(1);
    await popup.bringToFront();
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-access-withheld.png` });

    // A popup opened now, with access withheld, says the same from the start.
    const fresh = await browser.openPopup(tabId);
    await expect.poll(() => text(fresh, ACCESS_HEADLINE)).toBe('Gatewhy cannot see failures on sites');
    await fresh.close();

    // The button asks for every site from the click. Chromium then shows its permission prompt, which a test cannot
    // answer: record the call and let it go on, so a call outside the user's gesture would show as a rejection.
    await popup.evaluate(() => {
      const calls: { origins?: string[]; outcome: string }[] = [];
      (window as any).permissionRequests = calls;
      for (const api of new Set([chrome.permissions, (globalThis as any).browser?.permissions].filter(Boolean))) {
        const original = api.request.bind(api);
        api.request = (permissions: chrome.permissions.Permissions, ...rest: unknown[]) => {
          const call = { origins: permissions.origins, outcome: 'pending' };
          calls.push(call);
          const callback = typeof rest[0] === 'function' ? (rest[0] as (granted: boolean) => void) : undefined;
          const settle = (granted: boolean) => {
            call.outcome = chrome.runtime.lastError ? `rejected: ${chrome.runtime.lastError.message}` : `granted: ${granted}`;
            callback?.(granted);
          };
          const result = callback ? original(permissions, settle) : original(permissions);
          (result as Promise<boolean> | undefined)?.then(
            (granted) => (call.outcome = `granted: ${granted}`),
            (error: Error) => (call.outcome = `rejected: ${error.message}`),
          );
          return result;
        };
      }
    });
    await popup.getByRole('button', { name: 'Allow access to all sites' }).click();
    const calls = () => popup.evaluate(() => (window as any).permissionRequests as { origins?: string[]; outcome: string }[]);
    await expect.poll(calls).toHaveLength(1);
    expect((await calls())[0]!.origins).toEqual(['<all_urls>']);
    // Still waiting on the prompt a second later: not refused for want of a user gesture.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await calls())[0]!.outcome).toBe('pending');

    // Granting through the real setting fires permissions.onAdded: the warnings go, and the popup is back to normal.
    await browser.setSiteAccess('ON_ALL_SITES');
    await expect.poll(() => text(popup, '#headline')).toBe('No gateway errors on this tab');
    expect(await popup.locator(ACCESS_HEADLINE).count()).toBe(0);
    await expect.poll(() => text(welcome, ACCESS_HEADLINE)).toBe('Gatewhy can see every site');
    await popup.close();
  });
});
