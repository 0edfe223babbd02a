// The popup in Chromium against replayed gateway errors: the explanation, grouped headers, failed requests by party,
// the report without secrets. Saves the screenshots the README shows, and the store's (store/README.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumWithExtension } from '../support/chromium';
import type { TestServer } from '../support/http-server';
import { SECRETS, startPopupSite, type PopupSite } from '../support/popup-site';
import { waitFor } from '../support/wait';

const SCREENSHOTS = 'docs/screenshots';
/** The stores' sizes: screenshots 1280×800, the small promotional tile 440×280. */
const STORE_SCREENSHOTS = 'store/screenshots';

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('Chromium: the popup', () => {
  let browser: ChromiumWithExtension;
  let site: TestServer;
  let thirdParty: TestServer;
  let closeSites: PopupSite['close'] | undefined;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(STORE_SCREENSHOTS, { recursive: true });
    ({ site, thirdParty, close: closeSites } = await startPopupSite());
    browser = await launchChromium();
    // A long first delay keeps the failed pages from reloading while the popup is read (retry has its own tests).
    await browser.setSettings({ baseDelaySeconds: 40, maxDelaySeconds: 600 });
  });
  afterAll(async () => {
    await browser?.close();
    await closeSites?.();
  });

  async function openFailingTab(path: string): Promise<{ page: Page; tabId: number }> {
    const page = await browser.context.newPage();
    const url = `${site.origin}${path}`;
    // An error without a body shows Chromium's own error page: goto rejects and page.url() no longer names the address.
    await page.goto(url).catch(() => {});
    const tabId = await waitFor(`a tab for ${url}`, () =>
      browser.inWorker(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id, url),
    );
    return { page, tabId };
  }

  async function openPopup(tabId: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.emulateMedia({ colorScheme });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    return popup;
  }

  const headline = (popup: Page) => popup.locator('#headline').innerText();

  it('names the gateway and the cause of a failed page from its vendor error body, with the status page', async () => {
    const { tabId } = await openFailingTab(`/cloudfront?session=${SECRETS.query}`);
    const popup = await openPopup(tabId);
    // The vendor's page is read once it has loaded; the headline then names CloudFront.
    await expect
      .poll(() => headline(popup), { timeout: 15_000 })
      .toMatch(
        /^502 from Amazon CloudFront: (probably |cannot tell the cause from this response \(likeliest: )?the gateway could not connect to the origin server\)?$/,
      );
    const main = popup.locator('main');
    await expect.poll(() => main.innerText()).toContain('Written by the gateway: Amazon CloudFront');
    expect(await popup.getByRole('link', { name: /Amazon CloudFront status page/ }).getAttribute('href')).toBe('https://health.aws.amazon.com/health/status');
    expect(await popup.getByRole('region', { name: 'Likely causes' }).count()).toBe(0);
    expect(await main.innerText()).toMatch(/LIKELY CAUSES\s+Origin unreachable/i);
    expect(await main.innerText()).toContain(`GET ${site.origin}/cloudfront`);
    expect(await main.innerText()).not.toContain(SECRETS.query);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-cloudfront.png` });
    await popup.close();
  });

  it('shows the decoded headers of a Cloudflare error grouped by meaning, the raw value one click away', async () => {
    const { tabId } = await openFailingTab(`/cloudflare?session=${SECRETS.query}`);
    const popup = await openPopup(tabId);
    await expect
      .poll(() => headline(popup), { timeout: 15_000 })
      .toMatch(
        /^520 from Cloudflare: (probably |cannot tell the cause from this response \(likeliest: )?the origin server sent a response the gateway could not use\)?$/,
      );
    expect(await popup.getByRole('link', { name: /Cloudflare status page/ }).getAttribute('href')).toBe('https://www.cloudflarestatus.com/');

    await popup.screenshot({ path: `${SCREENSHOTS}/popup-cloudflare.png` });
    // The store's promotional tile: this popup, rendered at the tile's size.
    await popup.setViewportSize({ width: 440, height: 280 });
    await popup.screenshot({ path: `${STORE_SCREENSHOTS}/tile-440x280.png` });
    expect(pngSize(`${STORE_SCREENSHOTS}/tile-440x280.png`)).toEqual([440, 280]);
    await popup.setViewportSize({ width: 420, height: 600 });

    const gateway = popup.getByRole('group', { name: 'Gateway and route' });
    expect(await gateway.innerText()).toContain('Ray ID 4ee02a558935bdc3, Cloudflare data centre AMS (Amsterdam');
    expect(await gateway.innerText()).not.toContain('4ee02a558935bdc3-AMS');
    for (const group of ['Cache', 'Timing', 'Other']) expect(await popup.getByRole('group', { name: group }).count()).toBe(1);
    const raw = gateway.getByRole('button', { name: 'Raw value of CF-RAY' });
    await raw.click();
    expect(await raw.getAttribute('aria-expanded')).toBe('true');
    expect(await gateway.innerText()).toContain('4ee02a558935bdc3-AMS');

    // The retry panel: the countdown and why it waits.
    expect(await popup.getByRole('timer').innerText()).toMatch(/^Retrying in \d+ sec$/);
    expect(await popup.locator('main').innerText()).not.toMatch(new RegExp(`${SECRETS.cookie}|${SECRETS.token}|${SECRETS.query}`));

    await popup.evaluate(() => {
      document.querySelector('[data-section="headers"]')!.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -12);
    });
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-headers.png` });
    await popup.close();

    const dark = await openPopup(tabId, 'dark');
    await expect.poll(() => headline(dark), { timeout: 15_000 }).toContain('520 from Cloudflare');
    const background = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(27, 28, 32)');
    await dark.screenshot({ path: `${SCREENSHOTS}/popup-dark.png` });
    await dark.close();
  });

  it('counts a failing API call on a healthy page in amber and explains it under the first-party host on demand', async () => {
    const { tabId } = await openFailingTab('/shop');
    await waitFor('the amber badge', () =>
      browser.inWorker(async (id) => {
        const [text, color] = await Promise.all([chrome.action.getBadgeText({ tabId: id }), chrome.action.getBadgeBackgroundColor({ tabId: id })]);
        return text === '1' && color.join() === '176,96,0,255';
      }, tabId),
    );
    const popup = await openPopup(tabId);
    await expect.poll(() => headline(popup), { timeout: 15_000 }).toBe('The page loaded, but 1 request inside it failed');
    const host = new URL(site.origin).host;
    const group = popup.getByRole('region', { name: `${host}, 1 failed request` });
    expect(await group.innerText()).toContain('this site');
    expect(await group.innerText()).toContain('GET /api/cart');
    expect(await group.getByRole('heading', { name: 'Likely causes' }).count()).toBe(0);
    await group.getByRole('button', { expanded: false }).click();
    await expect.poll(() => group.getByRole('heading', { name: 'Likely causes' }).count()).toBe(1);
    // Only the headers of an API call are seen here, so the cause is hedged: the likeliest one is named, and so is what is missing.
    expect(await group.innerText()).toMatch(
      /502 from nginx: cannot tell the cause from this response \(likeliest: the gateway could not connect to the origin server\)/,
    );
    expect(await group.innerText()).toContain('The body was not visible.');
    expect(await group.innerText()).not.toContain(SECRETS.query);
    await popup.close();
  });

  it("lists a third party's failure apart from the site's own", async () => {
    const { tabId } = await openFailingTab('/shop-with-widget');
    const popup = await openPopup(tabId);
    await expect.poll(() => headline(popup), { timeout: 15_000 }).toBe('The page loaded, but 2 requests inside it failed');
    const own = popup.locator('[data-party="first"]').getByRole('region', { name: `${new URL(site.origin).host}, 1 failed request` });
    const other = popup.locator('[data-party="third"]').getByRole('region', { name: `localhost:${thirdParty.port}, 1 failed request` });
    expect(await own.innerText()).toContain('this site');
    expect(await other.innerText()).toContain('third party');
    await other.getByRole('button', { expanded: false }).click();
    await expect.poll(() => other.innerText()).toContain('Written by the gateway: Amazon CloudFront');
    await popup.evaluate(() => window.scrollTo(0, 0));
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-requests.png` });
    await popup.close();
  });

  it('copies a Markdown report and downloads JSON without cookie values or query strings', async () => {
    const { tabId } = await openFailingTab(`/cloudflare?session=${SECRETS.query}&step=2`);
    const popup = await openPopup(tabId);
    await expect.poll(() => headline(popup), { timeout: 15_000 }).toContain('520 from Cloudflare');
    // Reading the clipboard back needs a permission Playwright cannot grant an extension's origin:
    // record what is written, and let the real write go on (the popup says "copied" only when it succeeded).
    await popup.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => {
        (globalThis as { copied?: string }).copied = text;
        return write(text);
      };
    });
    await popup.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Report copied as Markdown' }).count()).toBe(1);
    const markdown = await popup.evaluate(() => (globalThis as { copied?: string }).copied ?? '');
    expect(markdown).toContain('### The page failed: 520 from Cloudflare');
    expect(markdown).toContain(`- **Address:** GET ${site.origin}/cloudflare\n`);
    expect(markdown).toContain('| X-Auth-Token | `[redacted]` |');

    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Download JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^gatewhy-127\.0\.0\.1_\d+-.+\.json$/);
    const json = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(json).page.url).toBe(`${site.origin}/cloudflare`);

    for (const text of [markdown, json]) {
      for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
      expect(text).not.toContain('/cloudflare?');
    }

    // Stored records carry no query strings, so the popup offers no option to put them back.
    expect(await popup.getByRole('checkbox', { name: /query strings/ }).count()).toBe(0);
    await popup.close();
  });

  it('follows the tab live: no errors, then the failure, then "the page is back" after Retry now', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/healthy`);
    const tabId = await browser.tabIdOf(page);
    const popup = await openPopup(tabId);
    await expect.poll(() => headline(popup)).toBe('No gateway errors on this tab');

    await page.goto(`${site.origin}/flaky`);
    await expect
      .poll(() => headline(popup), { timeout: 15_000 })
      .toMatch(/^502 from nginx: (probably |cannot tell the cause from this response \(likeliest: )?the gateway could not connect to the origin server\)?$/);
    await expect.poll(() => popup.getByRole('timer').count()).toBe(1);
    await popup.getByRole('button', { name: 'Retry now' }).click();

    await expect.poll(() => headline(popup), { timeout: 15_000 }).toBe('The page is back');
    // The popup says so when the page's answer arrives; the document itself may still be loading.
    await expect.poll(() => page.title()).toBe('Back again');
    const timeline = popup.locator('[data-section="timeline"]');
    expect(await timeline.innerText()).toMatch(/The page failed: 502[\s\S]*Retried by hand[\s\S]*is back after/);
    await popup.locator('body').screenshot({ path: `${SCREENSHOTS}/popup-recovered.png` });
    await popup.close();
  });

  it('opens "Recent errors" and "Explain a response" from the popup', async () => {
    const popup = await openPopup(99_999);
    await expect.poll(() => headline(popup)).toBe('No gateway errors on this tab');
    await popup.locator('body').screenshot({ path: `${SCREENSHOTS}/popup-clear.png` });

    const [history] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('link', { name: 'Recent errors' }).click()]);
    await history.waitForLoadState();
    expect(history.url()).toBe(`chrome-extension://${browser.extensionId}/recent-errors.html`);
    await expect.poll(() => history.getByRole('region', { name: 'By site' }).innerText()).toContain(new URL(site.origin).hostname);
    expect(await history.locator('main').innerText()).not.toContain(SECRETS.query);
    await history.setViewportSize({ width: 960, height: 640 });
    await history.screenshot({ path: `${SCREENSHOTS}/recent-errors.png` });
    await history.setViewportSize({ width: 1280, height: 800 });
    await history.screenshot({ path: `${STORE_SCREENSHOTS}/recent-errors-1280x800.png` });
    expect(pngSize(`${STORE_SCREENSHOTS}/recent-errors-1280x800.png`)).toEqual([1280, 800]);
    await history.getByRole('button', { name: 'Clear recent errors' }).click();
    await expect.poll(() => history.getByRole('heading', { name: 'No gateway errors recorded' }).count()).toBe(1);

    const [explain] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('link', { name: 'Explain a response' }).click()]);
    await explain.waitForLoadState();
    await explain.setViewportSize({ width: 1100, height: 760 });
    await explain.getByLabel('Response, header lines or error page').fill('server: cloudflare\ncf-ray: 8a1b2c3d4e5f6789-SJC\ncache-control: no-store');
    await explain.getByRole('button', { name: 'Explain' }).click();
    await expect.poll(() => explain.getByRole('alert').innerText()).toContain('enter the status code');
    await explain.getByLabel('Status code').fill('522');
    await expect
      .poll(() => explain.locator('.result h2').first().innerText())
      .toMatch(
        /^522 from Cloudflare: (probably |cannot tell the cause from this response \(likeliest: )?the gateway could not connect to the origin server\)?$/,
      );
    await explain.evaluate(() => window.scrollTo(0, 0));
    await explain.screenshot({ path: `${SCREENSHOTS}/explain.png` });
    await explain.setViewportSize({ width: 1280, height: 800 });
    await explain.evaluate(() => window.scrollTo(0, 0));
    await explain.screenshot({ path: `${STORE_SCREENSHOTS}/explain-1280x800.png` });
    expect(pngSize(`${STORE_SCREENSHOTS}/explain-1280x800.png`)).toEqual([1280, 800]);
  });
});
