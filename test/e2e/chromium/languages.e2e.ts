// Gatewhy in the browser's language: Chromium set to German shows the popup, the banner and the options page in German, and
// saves the README's German screenshot. The expected words are read from locales/de.json, not written here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { readBannerExpression, shownLabels, type BannerSnapshot } from '../support/banner';
import { launchChromium, type ChromiumWithExtension } from '../support/chromium';
import type { TestServer } from '../support/http-server';
import { startPopupSite, type PopupSite } from '../support/popup-site';
import { waitFor } from '../support/wait';
import { messagesFrom } from '../../../utils/wording';

const german = messagesFrom(JSON.parse(readFileSync('locales/de.json', 'utf8')));
const english = messagesFrom(JSON.parse(readFileSync('locales/en.json', 'utf8')));
const inGerman = (key: string) => german(key)!;

describe('Chromium in German', () => {
  let browser: ChromiumWithExtension;
  let site: TestServer;
  let closeSites: PopupSite['close'] | undefined;

  beforeAll(async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    ({ site, close: closeSites } = await startPopupSite());
    browser = await launchChromium({ language: 'de' });
    await browser.setSettings({ baseDelaySeconds: 40, maxDelaySeconds: 600 });
  });
  afterAll(async () => {
    await browser?.close();
    await closeSites?.();
  });

  async function popupFor(path: string): Promise<{ popup: Page; tabId: number }> {
    const page = await browser.context.newPage();
    const url = `${site.origin}${path}`;
    await page.goto(url).catch(() => {});
    const tabId = await waitFor(`a tab for ${url}`, () =>
      browser.inWorker(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id, url),
    );
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    return { popup, tabId };
  }

  /** A message of locales/de.json as a pattern: each placeholder stands for any text. */
  const germanPattern = (key: string) =>
    new RegExp(
      `^${inGerman(key)
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{\w+\}/g, '.+')}$`,
    );

  it('explains a CloudFront error in German, keeping the vendor’s name, the status and the header names', async () => {
    const { popup, tabId } = await popupFor('/cloudfront');
    const cause = inGerman('cause.originUnreachable.headline');
    await expect.poll(() => popup.locator('#headline').innerText(), { timeout: 15_000 }).toContain(cause);
    const headline = await popup.locator('#headline').innerText();
    expect(headline).toMatch(/^502 /);
    expect(headline).toContain('Amazon CloudFront');
    expect(headline).not.toContain(english('cause.originUnreachable.headline')!);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('de');
    const main = await popup.locator('main').innerText();
    expect(main.toLowerCase()).toContain(inGerman('view.causes.title').toLowerCase());
    expect(main).toContain(inGerman('cause.originUnreachable.title'));
    expect(main).not.toContain(english('view.causes.title')!);
    await popup.screenshot({ path: 'docs/screenshots/popup-de.png' });
    await popup.close();

    // The banner on the failed page, a content script, counts down in German too.
    const banner = () => browser.evaluateInExtension<BannerSnapshot | null>(readBannerExpression(tabId)).catch(() => null);
    await expect.poll(async () => (await banner())?.text ?? '', { timeout: 15_000 }).toMatch(germanPattern('banner.retrying.in'));
    expect(shownLabels(await banner())).toContain(inGerman('banner.retryNow'));
  });

  it('shows the options page in German', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => options.locator('h1').innerText()).not.toBe('');
    expect(await options.title()).toBe(inGerman('options.title'));
    await options.close();
  });
});
