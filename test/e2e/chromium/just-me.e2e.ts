// "Is it just me" in Chromium: sites behind one (local) Cloudflare data centre. One failing while others load through
// it blames the site's own server; a second site failing there shows the data centre failing, in the popup and above
// Recent errors. Only what the browser saw counts: the servers hear no request Gatewhy made itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumWithExtension } from '../support/chromium';
import { sentRays, startCloudflareSites, TEST_HOSTS_FLAG } from '../support/cloudflare-sites';
import type { TestServer } from '../support/http-server';
import { waitFor } from '../support/wait';
import { historyInDump } from '../../support/history';

describe('Chromium: is it just me', () => {
  let browser: ChromiumWithExtension;
  let server: TestServer;
  const at = (host: string, path: string) => `http://${host}:${server.port}${path}`;

  beforeAll(async () => {
    server = await startCloudflareSites();
    browser = await launchChromium({ args: [TEST_HOSTS_FLAG] });
    // A long first delay keeps the failed pages from reloading while the popup is read.
    await browser.setSettings({ baseDelaySeconds: 40, maxDelaySeconds: 600 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openTab(url: string): Promise<number> {
    const page = await browser.context.newPage();
    await page.goto(url).catch(() => {});
    return browser.tabIdOf(page, url);
  }

  async function popupOf(tabId: number): Promise<Page> {
    const popup = await browser.openPopup(tabId);
    await expect.poll(() => popup.locator('#headline').innerText(), { timeout: 15_000 }).toMatch(/^521 from Cloudflare/);
    return popup;
  }
  const note = (page: Page) => page.locator('[data-just-me]');

  it('blames the site’s own server when other sites behind the same data centre loaded fine', async () => {
    // A healthy page and its API call, on two other sites, through the same data centre.
    await openTab(at('news.test', '/up'));
    await waitFor('the API call to be answered', () => server.hits.get('/api') === 1);
    const tabId = await openTab(at('broken.test', '/down'));

    const popup = await popupOf(tabId);
    await expect
      .poll(() => note(popup).innerText(), { timeout: 10_000 })
      .toBe(
        "Other sites behind Cloudflare's AMS data centre (Amsterdam, NL) loaded fine in the last 10 minutes, so the trouble is likely broken.test's own server, not Cloudflare.",
      );
    expect(await note(popup).getAttribute('data-just-me')).toBe('origin');
    await popup.close();

    // What was kept: vendor, data centre code, site and time; no Ray ID, address or path.
    const stored = await browser.inExtension(async () =>
      JSON.stringify([await chrome.storage.session.get('vendorSightings'), await chrome.storage.local.get(null)]),
    );
    const [{ vendorSightings: sightings }, local] = JSON.parse(stored) as [
      { vendorSightings: { site: string; vendor: string; pop: string }[] },
      Record<string, unknown>,
    ];
    const history = historyInDump(local);
    expect(sightings.map(({ site }) => site).sort()).toEqual(['api-shop.test', 'news.test']);
    expect(sightings.every(({ vendor, pop }) => vendor === 'cloudflare' && pop === 'AMS')).toBe(true);
    expect(history.map(({ edge }) => edge)).toEqual([{ vendor: 'cloudflare', pop: 'AMS', site: 'broken.test' }]);
    for (const ray of sentRays) expect(stored).not.toContain(ray.split('-')[0]);
    expect(JSON.stringify(sightings)).not.toMatch(/\/up|\/api|http/);
  });

  it('shows the data centre failing once a second site behind it fails, in the popup and above Recent errors', async () => {
    const requestsBefore = server.requests.length;
    const tabId = await openTab(at('shop.test', '/down'));
    const shared =
      "Cloudflare's AMS data centre (Amsterdam, NL) failed for 2 sites you used in the last 10 minutes, so the trouble is likely at Cloudflare, not at each site.";

    const popup = await popupOf(tabId);
    await expect.poll(() => note(popup).innerText(), { timeout: 10_000 }).toBe(shared);
    expect(await note(popup).getAttribute('data-just-me')).toBe('shared');
    await popup.close();

    // The first failing site's popup now says the same: the evidence changed.
    const first = await popupOf(await browser.tabIdOf(await findPage(at('broken.test', '/down'))));
    await expect.poll(() => note(first).innerText(), { timeout: 10_000 }).toBe(shared);
    await first.close();

    const recent = await browser.context.newPage();
    await recent.goto(`chrome-extension://${browser.extensionId}/recent-errors.html`);
    const lines = recent.getByRole('region', { name: 'Is it just you?' }).getByRole('note');
    await expect.poll(() => lines.allInnerTexts(), { timeout: 10_000 }).toEqual([shared]);
    await recent.close();

    // One navigation, one request: Gatewhy asked nothing of its own.
    expect(
      server.requests
        .slice(requestsBefore)
        .map(({ path }) => path)
        .filter((path) => path !== '/favicon.ico'),
    ).toEqual(['/down']);
  });

  it('keeps what it saw when Chromium stops the service worker: the new one adds to it', async () => {
    const sites = () =>
      browser.inExtension(async () =>
        ((await chrome.storage.session.get('vendorSightings')).vendorSightings as { site: string }[])
          .map(({ site }) => site)
          .sort()
          .join(' '),
      );
    expect(await sites()).toBe('api-shop.test news.test');
    await browser.stopWorker();
    await openTab(at('blog.test', '/up'));
    await waitFor('the new background to add its sighting to the old ones', async () => (await sites()) === 'api-shop.test blog.test news.test');
  });

  async function findPage(url: string): Promise<Page> {
    return waitFor(`the page ${url}`, () => browser.context.pages().find((page) => page.url() === url));
  }
});
