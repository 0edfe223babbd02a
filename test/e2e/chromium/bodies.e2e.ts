// The same shop in Chromium, whose background sees only the headers of requests inside a page: the popup explains the
// Envoy call from its headers, says the body was not visible, and points to DevTools → Gatewhy; the page's own
// fetch() reads its bodies untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ENVOY_CONNECT_ERROR_BODY } from '../../support/envoy-local-reply';
import { LONG_BODY, READ_API_CALLS, startBodySite } from '../support/body-site';
import { launchChromium, type ChromiumWithExtension } from '../support/chromium';
import type { TestServer } from '../support/http-server';
import { waitFor } from '../support/wait';

describe('Chromium: bodies of failing API calls are not visible to the background', () => {
  let chromium: ChromiumWithExtension;
  let site: TestServer;
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    site = await startBodySite();
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    await page.goto(`${site.origin}/shop`);
    tabId = await chromium.tabIdOf(page);
  }, 60_000);
  afterAll(async () => {
    await chromium?.close();
    await site?.close();
  });

  it('lets the page read its bodies, and explains the Envoy call from headers only, saying so', async () => {
    const reads = JSON.parse(
      await waitFor("the page's fetch() calls to read their bodies", () => page.evaluate(READ_API_CALLS) as Promise<string | undefined>),
    ) as Record<string, { status: number; text: string }>;
    expect(reads['/api/orders']).toEqual({ status: 503, text: ENVOY_CONNECT_ERROR_BODY });
    expect(reads['/api/long']!.text).toBe(LONG_BODY);

    const popup = await chromium.openPopup(tabId);
    await expect.poll(() => popup.locator('#headline').innerText(), { timeout: 15_000 }).toBe('The page loaded, but 2 requests inside it failed');
    const toggle = popup.locator('.request-toggle', { hasText: '/api/orders' });
    expect(await toggle.innerText()).toMatch(/503 from Envoy: (probably )?the gateway could not connect to the origin server/);
    await toggle.click();
    const detail = popup.locator('.request-detail');
    await expect.poll(() => detail.innerText()).toMatch(/likely causes/i);
    const explained = await detail.innerText();
    expect(explained).toContain('Written by the gateway: Envoy');
    expect(explained).toContain('The body was not visible.');
    expect(explained).toContain('Open DevTools → Gatewhy for the full response.');
    expect(explained).toContain('503 from Envoy (its body not seen)');
    expect(explained).toMatch(/LIKELY CAUSES\s+Origin unreachable/i);
    expect(explained).not.toContain('Upstream connect error: connection failure');
    await popup.close();
  });
});
