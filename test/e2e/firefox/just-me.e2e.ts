// "Is it just me" in Firefox (MV2 and MV3 builds), as in test/e2e/chromium/just-me.e2e.ts: one site failing behind a
// data centre others loaded through blames its server; a second failing site there shows the data centre failing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startCloudflareSites } from '../support/cloudflare-sites';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import type { TestServer } from '../support/http-server';
import { waitFor } from '../support/wait';

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Firefox (%s): is it just me', (build) => {
  let firefox: FirefoxWithExtension;
  let server: TestServer;
  const at = (host: string, path: string) => `http://${host}:${server.port}${path}`;

  beforeAll(async () => {
    server = await startCloudflareSites();
    // Every name resolves to 127.0.0.1, so *.test hosts are distinct sites on the one local server.
    firefox = await launchFirefox(build, { prefs: { 'network.dns.forceResolve': '127.0.0.1' } });
    await firefox.setSettings({ baseDelaySeconds: 40, maxDelaySeconds: 600 });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  async function openTab(url: string): Promise<number> {
    const page = await firefox.browser.newPage();
    await page.goto(url).catch(() => {});
    return firefox.tabIdOf(page, url);
  }

  const noteOf = (popup: Page) =>
    waitFor(
      'the is-it-just-me sentence',
      () =>
        popup.evaluate(() => {
          const note = document.querySelector('[data-just-me]') as HTMLElement | null;
          return note ? { kind: note.dataset.justMe, text: note.innerText } : undefined;
        }),
      15_000,
    );

  it('blames the site’s own server when other sites behind the same data centre loaded fine', async () => {
    await openTab(at('news.test', '/up'));
    await waitFor('the API call to be answered', () => server.hits.get('/api') === 1);
    const tabId = await openTab(at('broken.test', '/down'));
    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    expect(await noteOf(popup)).toEqual({
      kind: 'origin',
      text: "Other sites behind Cloudflare's AMS data centre (Amsterdam, NL) loaded fine in the last 10 minutes, so the trouble is likely broken.test's own server, not Cloudflare.",
    });
    await popup.close();
  });

  it('shows the data centre failing once a second site behind it fails, in the popup and above Recent errors', async () => {
    const tabId = await openTab(at('shop.test', '/down'));
    const shared =
      "Cloudflare's AMS data centre (Amsterdam, NL) failed for 2 sites you used in the last 10 minutes, so the trouble is likely at Cloudflare, not at each site.";
    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    expect(await noteOf(popup)).toEqual({ kind: 'shared', text: shared });
    await popup.close();

    const recent = await firefox.openExtensionPage('recent-errors.html');
    expect(await noteOf(recent)).toEqual({ kind: 'shared', text: shared });
    expect(await recent.evaluate(() => document.querySelectorAll('[data-just-me]').length)).toBe(1);
    await recent.close();
  });
});
