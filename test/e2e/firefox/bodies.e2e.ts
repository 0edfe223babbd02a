// Firefox's background reads the bodies of failing API calls itself (webRequest.filterResponseData): a healthy shop
// whose fetch() fails at an Envoy-shaped gateway on 127.0.0.1 is explained in the popup from the body (the gateway,
// its variant, origin unreachable, no "body was not visible"), and the page reads every byte it was sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ENVOY_CONNECT_ERROR_BODY } from '../../support/envoy-local-reply';
import { LONG_BODY, READ_API_CALLS, startBodySite } from '../support/body-site';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import type { TestServer } from '../support/http-server';
import { waitFor } from '../support/wait';

interface Stored {
  failures: { url: string; type?: string; bodyText?: string; bodyTruncated?: boolean; summary?: { cause: string } }[];
}

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Firefox (%s): bodies of failing API calls', (build) => {
  let firefox: FirefoxWithExtension;
  let site: TestServer;
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    site = await startBodySite();
    firefox = await launchFirefox(build);
    page = await firefox.browser.newPage();
    await page.goto(`${site.origin}/shop`);
    tabId = await firefox.tabIdOf(page);
  }, 60_000);
  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  it('passes every byte through to the page unchanged, the short reply and the long one', async () => {
    const reads = JSON.parse(
      await waitFor("the page's fetch() calls to read their bodies", () => page.evaluate(READ_API_CALLS) as Promise<string | undefined>),
    ) as Record<string, { status: number; text: string }>;
    expect(reads['/api/orders']).toEqual({ status: 503, text: ENVOY_CONNECT_ERROR_BODY });
    expect(reads['/api/long']!.status).toBe(502);
    expect(reads['/api/long']!.text).toBe(LONG_BODY);
  });

  it('keeps the start of each failing body for the engine, decoded, the long one cut at 16 KB', async () => {
    const record = await waitFor(
      'both bodies in the stored record',
      async () => {
        const stored = (await firefox.inExtension(async (id) => (await (globalThis as any).browser.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId)) as
          Stored | undefined;
        return stored?.failures.filter((failure) => failure.bodyText !== undefined).length === 2 ? stored : undefined;
      },
      15_000,
    );
    const orders = record.failures.find((failure) => failure.url.endsWith('/api/orders'))!;
    expect(orders).toMatchObject({ bodyText: ENVOY_CONNECT_ERROR_BODY, bodyTruncated: false, summary: { cause: 'origin-unreachable' } });
    const long = record.failures.find((failure) => failure.url.endsWith('/api/long'))!;
    expect(long.bodyTruncated).toBe(true);
    expect(LONG_BODY.startsWith(long.bodyText!)).toBe(true);
    expect(new TextEncoder().encode(long.bodyText).byteLength).toBeGreaterThan(16_384 - 4);
    expect(new TextEncoder().encode(long.bodyText).byteLength).toBeLessThanOrEqual(16_384);
  });

  it('explains the API call in the popup from its body: Envoy, its variant, origin unreachable', async () => {
    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    const text = (selector: string) => popup.evaluate((wanted) => (document.querySelector(wanted) as HTMLElement | null)?.innerText ?? '', selector);
    await waitFor('the requests headline', async () => (await text('#headline')) === 'The page loaded, but 2 requests inside it failed', 15_000);
    const toggle = await waitFor('the Envoy call in the popup', async () => {
      for (const handle of await popup.$$('.request-toggle'))
        if ((await handle.evaluate((element) => (element as HTMLElement).innerText)).includes('/api/orders')) return handle;
      return undefined;
    });
    expect(await toggle.evaluate((element) => (element as HTMLElement).innerText)).toMatch(
      /503 from Envoy: (probably )?the gateway could not connect to the origin server/,
    );
    await toggle.click();
    const explained = await waitFor('the explanation', async () =>
      ((shown) => (/likely causes/i.test(shown) ? shown : undefined))(await text('.request-detail')),
    );
    expect(explained).toContain('Written by the gateway: Envoy');
    expect(explained).toContain('Upstream connect error: connection failure');
    expect(explained).toMatch(/LIKELY CAUSES\s+Origin unreachable/i);
    expect(explained).not.toContain('The body was not visible');
    await popup.close();
  });

  it('with watch-everything on, reads the body of a failing image too, and records the image once', async () => {
    await firefox.setSettings({ watchAllRequests: true });
    try {
      const gallery = await firefox.browser.newPage();
      await gallery.goto(`${site.origin}/gallery`);
      const galleryTab = await firefox.tabIdOf(gallery);
      const record = await waitFor(
        "the image's body in the stored record",
        async () => {
          const stored = (await firefox.inExtension(
            async (id) => (await (globalThis as any).browser.storage.session.get(`tab:${id}`))[`tab:${id}`],
            galleryTab,
          )) as Stored | undefined;
          return stored?.failures.some((failure) => failure.bodyText !== undefined) ? stored : undefined;
        },
        15_000,
      );
      expect(record.failures.map(({ url, type }) => `${type} ${new URL(url).pathname}`)).toEqual(['image /img/shelf.png']);
      expect(record.failures[0]).toMatchObject({ bodyText: ENVOY_CONNECT_ERROR_BODY, summary: { cause: 'origin-unreachable' } });
      // Firefox took the listener's named types: no fallback to every type was needed (entrypoints/background/index.ts).
      const problems = (await firefox.inExtension(async () => (await (globalThis as any).browser.storage.session.get('problems')).problems)) as
        { where: string }[] | undefined;
      expect((problems ?? []).map(({ where }) => where)).not.toContain('watch-everything types');
      await gallery.close();
    } finally {
      await firefox.setSettings({ watchAllRequests: false });
    }
  });
});
