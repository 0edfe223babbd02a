// Onboarding and permission health in Firefox (MV2 and MV3 builds): the welcome page on install, about: pages the
// popup cannot watch, and, in MV3, the warning when the host permission is not granted and the button that grants it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { EXTENSION_ORIGIN, launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import { okPage, startServer, type TestServer } from '../support/http-server';
import { waitFor } from '../support/wait';

const ACCESS_HEADLINE = '#site-access-headline';
const WELCOME_URL = `${EXTENSION_ORIGIN}/welcome.html`;

const text = (page: Page, selector: string) =>
  page.evaluate((wanted) => (document.querySelector(wanted) as HTMLElement | null)?.innerText ?? '', selector).catch(() => '');
const waitForText = (page: Page, selector: string, expected: string | RegExp) =>
  waitFor(
    `"${expected}" in ${selector}`,
    async () => {
      const shown = await text(page, selector);
      return typeof expected === 'string' ? shown === expected : expected.test(shown);
    },
    15_000,
  );

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Firefox (%s): welcome and site access', (build) => {
  let firefox: FirefoxWithExtension;
  let site: TestServer;
  let welcome: Page;

  beforeAll(async () => {
    site = await startServer({ '/': () => okPage('Shop') });
    // With prompts off, Firefox grants a permissions.request made from a click at once: the grant is real, only the
    // doorhanger a headless test cannot press is skipped. A request outside a click is still refused.
    firefox = await launchFirefox(build, { prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  });
  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  const tabIds = () => firefox.inExtension(async () => ((await (globalThis as any).browser.tabs.query({})) as { id: number }[]).map((tab) => tab.id));

  it('opens the welcome page on install, with a live explanation of the captured nginx 502 and full access', async () => {
    // Puppeteer reports a tab the extension opened as about:blank: ask each page where it is.
    welcome = await waitFor('the welcome tab', async () => {
      for (const page of await firefox.browser.pages()) {
        if ((await page.evaluate(() => location.href).catch(() => '')) === WELCOME_URL) return page;
      }
      return undefined;
    });
    await waitForText(welcome, 'h1', 'Welcome to Gatewhy');
    await waitForText(
      welcome,
      '[data-example] h3',
      /^502 from nginx: (probably |cannot tell the cause from this response \(likeliest: )?the gateway could not connect to the origin server\)?$/,
    );
    expect(await text(welcome, '[data-example]')).toContain('Written by the gateway: nginx');
    await waitForText(welcome, ACCESS_HEADLINE, 'Gatewhy can see every site');
    const welcomeTabs = await firefox.inExtension(
      async (url) => ((await (globalThis as any).browser.tabs.query({})) as { url?: string }[]).filter((tab) => tab.url === url).length,
      WELCOME_URL,
    );
    expect(welcomeTabs).toBe(1);
  });

  it("says in an about: tab's popup that Gatewhy cannot watch it", async () => {
    const before = new Set(await tabIds());
    const page = await firefox.browser.newPage();
    const tabId = await waitFor('the new tab', async () => (await tabIds()).find((id) => !before.has(id)));
    // Like moz-extension:// pages, goto on about: pages does not resolve over BiDi: start it, then poll.
    void page.goto('about:robots').catch(() => {});
    await waitFor('about:robots to load', () => page.evaluate(() => location.href === 'about:robots' && document.readyState === 'complete').catch(() => false));
    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitForText(popup, ACCESS_HEADLINE, 'Gatewhy cannot watch browser pages like this one');
    expect(await text(popup, 'main')).not.toContain('No gateway errors on this tab');
    await popup.close();
    await page.close();
  });

  if (build === 'firefox-mv2') {
    it('keeps access in MV2, where the host permission is required: permissions.remove leaves it granted', async () => {
      await firefox.inExtension(() => (globalThis as any).browser.permissions.remove({ origins: ['<all_urls>'] }));
      expect(await firefox.inExtension(() => (globalThis as any).browser.permissions.contains({ origins: ['<all_urls>'] }))).toBe(true);
      await waitForText(welcome, ACCESS_HEADLINE, 'Gatewhy can see every site');
    });
    return;
  }

  // Firefox MV3 treats host_permissions as optional: the user may leave them ungranted at install or revoke them in
  // about:addons, and the extension may give them up itself with permissions.remove, which is how this test withholds them.
  const withhold = () => firefox.inExtension(() => (globalThis as any).browser.permissions.remove({ origins: ['<all_urls>'] }));

  it('warns in the popup and on the welcome page while the host permission is not granted; the button grants it', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${site.origin}/`);
    const tabId = await firefox.tabIdOf(page);
    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitForText(popup, '#headline', 'No gateway errors on this tab');

    expect(await withhold()).toBe(true);
    await waitForText(popup, ACCESS_HEADLINE, 'Gatewhy cannot see failures on sites');
    expect(await text(popup, 'main')).toContain('Firefox has not given it access to websites');
    expect(await text(popup, 'main')).not.toContain('No gateway errors on this tab');
    await waitForText(welcome, ACCESS_HEADLINE, 'Gatewhy cannot see failures on sites');

    // Not from a script: Firefox refuses a request outside the user's input, so access stays withheld.
    const scripted = await popup.evaluate(() =>
      (globalThis as any).browser.permissions.request({ origins: ['<all_urls>'] }).then(String, (error: Error) => `rejected: ${error.message}`),
    );
    expect(scripted).toMatch(/^rejected: .*user input/);

    // From the button's click: granted, permissions.onAdded fires, and both pages clear.
    await popup.locator('button::-p-text(Allow access to all sites)').click();
    await waitForText(popup, '#headline', 'No gateway errors on this tab');
    expect(await text(popup, 'main')).not.toContain('Gatewhy cannot see failures');
    await waitForText(welcome, ACCESS_HEADLINE, 'Gatewhy can see every site');
    expect(await firefox.inExtension(() => (globalThis as any).browser.permissions.contains({ origins: ['<all_urls>'] }))).toBe(true);
    await popup.close();
    await page.close();
  });

  it("grants access from the welcome page's button too", async () => {
    expect(await withhold()).toBe(true);
    await waitForText(welcome, ACCESS_HEADLINE, 'Gatewhy cannot see failures on sites');
    await welcome.bringToFront();
    await welcome.locator('button::-p-text(Allow access to all sites)').click();
    await waitForText(welcome, ACCESS_HEADLINE, 'Gatewhy can see every site');
  });
});
