// The popup in Firefox (MV2 and MV3 builds) against replayed gateway errors: the explanation, grouped headers,
// failed requests by party, the report without secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import type { TestServer } from '../support/http-server';
import { SECRETS, startPopupSite, type PopupSite } from '../support/popup-site';
import { waitFor } from '../support/wait';

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Firefox (%s): the popup', (build) => {
  let firefox: FirefoxWithExtension;
  let site: TestServer;
  let thirdParty: TestServer;
  let closeSites: PopupSite['close'] | undefined;

  beforeAll(async () => {
    ({ site, thirdParty, close: closeSites } = await startPopupSite());
    firefox = await launchFirefox(build);
    // A long first delay keeps the failed pages from reloading while the popup is read (retry has its own tests).
    await firefox.setSettings({ baseDelaySeconds: 40, maxDelaySeconds: 600 });
  });
  afterAll(async () => {
    await firefox?.close();
    await closeSites?.();
  });

  async function openTab(path: string): Promise<number> {
    const page = await firefox.browser.newPage();
    await page.goto(`${site.origin}${path}`);
    return firefox.tabIdOf(page);
  }

  const text = (popup: Page, selector = 'main') =>
    popup.evaluate((wanted) => (document.querySelector(wanted) as HTMLElement | null)?.innerText ?? '', selector);
  const waitForText = (popup: Page, what: string, check: (shown: string) => boolean, selector = 'main') =>
    waitFor(
      what,
      async () => {
        const shown = await text(popup, selector);
        return check(shown) ? shown : undefined;
      },
      15_000,
    );

  it('names the gateway and the cause of a failed page from its vendor error body, with the status page', async () => {
    const tabId = await openTab(`/cloudfront?session=${SECRETS.query}`);
    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitForText(
      popup,
      'the CloudFront headline',
      (shown) =>
        /^502 from Amazon CloudFront: (probably |cannot tell the cause from this response \(likeliest: )?the gateway could not connect to the origin server\)?$/.test(
          shown,
        ),
      '#headline',
    );
    const main = await text(popup);
    expect(main).toContain('Written by the gateway: Amazon CloudFront');
    expect(main).toContain(`GET ${site.origin}/cloudfront`);
    expect(main).not.toContain(SECRETS.query);
    expect(await popup.evaluate(() => document.querySelector('a.status-page')?.getAttribute('href'))).toBe('https://health.aws.amazon.com/health/status');
    await popup.close();
  });

  it('shows the decoded headers of a Cloudflare error grouped by meaning, the raw value one click away, no secrets', async () => {
    const tabId = await openTab(`/cloudflare?session=${SECRETS.query}`);
    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitForText(
      popup,
      'the Cloudflare headline',
      (shown) =>
        /^520 from Cloudflare: (probably |cannot tell the cause from this response \(likeliest: )?the origin server sent a response the gateway could not use\)?$/.test(
          shown,
        ),
      '#headline',
    );
    const gateway = '.header-group[aria-label="Gateway and route"]';
    expect(await text(popup, gateway)).toContain('Ray ID 4ee02a558935bdc3, Cloudflare data centre AMS (Amsterdam');
    expect(await text(popup, gateway)).not.toContain('4ee02a558935bdc3-AMS');
    const groups = await popup.evaluate(() => [...document.querySelectorAll('.header-group')].map((section) => section.getAttribute('aria-label')));
    expect(groups).toEqual(expect.arrayContaining(['Gateway and route', 'Cache', 'Timing', 'Other']));

    await popup.locator('button[aria-label="Raw value of CF-RAY"]').click();
    await waitForText(popup, 'the raw value', (shown) => shown.includes('4ee02a558935bdc3-AMS'), gateway);
    expect(await popup.evaluate(() => document.querySelector('button[aria-label="Raw value of CF-RAY"]')?.getAttribute('aria-expanded'))).toBe('true');

    // Firefox shows Set-Cookie to extensions (Chromium hides it): its value must still never appear.
    const main = await text(popup);
    expect(main).toMatch(/Set-Cookie\s+Value withheld/);
    for (const secret of Object.values(SECRETS)) expect(main).not.toContain(secret);
    expect(await text(popup, '[role="timer"]')).toMatch(/^Retrying in \d+ sec$/);
    await popup.close();
  });

  it('counts a failing API call on a healthy page in amber and explains it under the first-party host on demand', async () => {
    const tabId = await openTab('/shop');
    await waitFor('the amber badge', () =>
      firefox.inExtension(async (id) => {
        const api = (globalThis as any).browser.action ?? (globalThis as any).browser.browserAction;
        const [badge, color] = await Promise.all([api.getBadgeText({ tabId: id }), api.getBadgeBackgroundColor({ tabId: id })]);
        return badge === '1' && color.join() === '176,96,0,255';
      }, tabId),
    );
    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitForText(popup, 'the requests headline', (shown) => shown === 'The page loaded, but 1 request inside it failed', '#headline');
    const group = `[data-party="first"] section[aria-label="${new URL(site.origin).host}, 1 failed request"]`;
    expect(await text(popup, group)).toContain('this site');
    expect(await text(popup, group)).toContain('GET /api/cart');
    expect(await text(popup, group)).not.toContain('LIKELY CAUSES');
    await popup.locator(`${group} button.request-toggle`).click();
    const explained = await waitForText(popup, 'the explanation', (shown) => /likely causes/i.test(shown), group);
    // Firefox reads the failing call's body (filterResponseData), so nginx's own page is part of the evidence.
    expect(explained).toMatch(
      /502 from nginx: (probably |cannot tell the cause from this response \(likeliest: )?the gateway could not connect to the origin server/,
    );
    expect(explained).toMatch(/nginx's own page/);
    expect(explained).not.toContain('The body was not visible.');
    expect(explained).not.toContain(SECRETS.query);
    await popup.close();
  });

  it("lists a third party's failure apart from the site's own", async () => {
    const tabId = await openTab('/shop-with-widget');
    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitForText(popup, 'two failed requests', (shown) => shown === 'The page loaded, but 2 requests inside it failed', '#headline');
    const own = `[data-party="first"] section[aria-label="${new URL(site.origin).host}, 1 failed request"]`;
    const other = `[data-party="third"] section[aria-label="localhost:${thirdParty.port}, 1 failed request"]`;
    expect(await text(popup, own)).toContain('this site');
    expect(await text(popup, other)).toContain('third party');
    await popup.locator(`${other} button.request-toggle`).click();
    await waitForText(popup, 'the third party explained', (shown) => shown.includes('Written by the gateway: Amazon CloudFront'), other);
    await popup.close();
  });

  it('follows the tab live: no errors, then the failure, then "the page is back" after Retry now', async () => {
    const tabId = await openTab('/healthy');
    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitForText(popup, 'the clear state', (shown) => shown === 'No gateway errors on this tab', '#headline');

    await firefox.navigate(tabId, `${site.origin}/flaky`);
    await waitForText(
      popup,
      'the failure',
      (shown) =>
        /^502 from nginx: (probably |cannot tell the cause from this response \(likeliest: )?the gateway could not connect to the origin server\)?$/.test(
          shown,
        ),
      '#headline',
    );
    await waitForText(popup, 'the retry panel', (shown) => /^Retrying in \d+ sec$/.test(shown), '[role="timer"]');
    await popup.locator('button::-p-text(Retry now)').click();

    await waitForText(popup, 'the recovery', (shown) => shown === 'The page is back', '#headline');
    expect(await text(popup, '[data-section="timeline"]')).toMatch(/The page failed: 502[\s\S]*Retried by hand[\s\S]*is back after/);
    await popup.close();
  });

  it('copies a Markdown report and saves JSON without cookie values or query strings', async () => {
    const tabId = await openTab(`/cloudflare?session=${SECRETS.query}&step=2`);
    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitForText(popup, 'the Cloudflare headline', (shown) => shown.startsWith('520 from Cloudflare'), '#headline');
    // Record what the popup copies; the JSON is really saved, into the test's download folder.
    await popup.evaluate(() => {
      const seen = globalThis as { copied?: string };
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (copied: string) => {
        seen.copied = copied;
        return write(copied);
      };
    });

    await popup.locator('button::-p-text(Copy as Markdown)').click();
    await waitForText(popup, 'the copy to succeed', (shown) => shown.includes('Report copied as Markdown'));
    const markdown = await popup.evaluate(() => (globalThis as { copied?: string }).copied ?? '');
    expect(markdown).toContain('### The page failed: 520 from Cloudflare');
    expect(markdown).toContain(`- **Address:** GET ${site.origin}/cloudflare\n`);
    expect(markdown).toMatch(/\| Set-Cookie \| `\[redacted\]` \|/);

    // Firefox closes the toolbar popup as a download starts: close this one the moment it says it saved, and the file
    // must still arrive.
    await popup.evaluate(() => {
      const api = (globalThis as any).browser;
      new MutationObserver((_, observer) => {
        if (!/Saved gatewhy-/.test(document.body.textContent ?? '')) return;
        observer.disconnect();
        void api.tabs.getCurrent().then((tab: { id: number }) => api.tabs.remove(tab.id));
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await popup.locator('button::-p-text(Download JSON)').click();
    // Complete once it parses: Firefox creates the file before it has written it.
    const json = await waitFor('the saved JSON', () => {
      const saved = readdirSync(firefox.downloadDir).find((name) => /^gatewhy-.+\.json$/.test(name));
      if (!saved) return undefined;
      const text = readFileSync(path.join(firefox.downloadDir, saved), 'utf8');
      JSON.parse(text);
      return text;
    });
    expect(JSON.parse(json).page.url).toBe(`${site.origin}/cloudflare`);

    for (const report of [markdown, json]) {
      for (const secret of Object.values(SECRETS)) expect(report).not.toContain(secret);
      expect(report).not.toContain('/cloudflare?');
    }
  });
});
