// Gatewhy in Firefox's language (MV2 and MV3 builds): Firefox set to German, with Debian's German language pack,
// shows the popup in German. The expected words are read from locales/de.json, not written here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import type { TestServer } from '../support/http-server';
import { startPopupSite, type PopupSite } from '../support/popup-site';
import { waitFor } from '../support/wait';
import { messagesFrom } from '../../../utils/wording';

const german = messagesFrom(JSON.parse(readFileSync('locales/de.json', 'utf8')));
const english = messagesFrom(JSON.parse(readFileSync('locales/en.json', 'utf8')));
const inGerman = (key: string) => german(key)!;

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Firefox (%s) in German', (build) => {
  let firefox: FirefoxWithExtension;
  let site: TestServer;
  let closeSites: PopupSite['close'] | undefined;

  beforeAll(async () => {
    ({ site, close: closeSites } = await startPopupSite());
    // Firefox's language is a preference; the language pack (firefox-esr-l10n-de) provides it.
    firefox = await launchFirefox(build, { prefs: { 'intl.locale.requested': 'de' } });
    await firefox.setSettings({ baseDelaySeconds: 40, maxDelaySeconds: 600 });
  });
  afterAll(async () => {
    await firefox?.close();
    await closeSites?.();
  });

  const text = (page: Page, selector: string) => page.evaluate((wanted) => (document.querySelector(wanted) as HTMLElement | null)?.innerText ?? '', selector);

  it('explains a CloudFront error in German, keeping the vendor’s name and the status', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${site.origin}/cloudfront`);
    const tabId = await firefox.tabIdOf(page);
    const popup = await firefox.openExtensionPage(`popup.html?tabId=${tabId}`);
    const cause = inGerman('cause.originUnreachable.headline');
    const headline = await waitFor(
      'the German headline',
      async () => ((await text(popup, '#headline')).includes(cause) ? text(popup, '#headline') : undefined),
      15_000,
    );
    expect(headline).toMatch(/^502 /);
    expect(headline).toContain('Amazon CloudFront');
    expect(headline).not.toContain(english('cause.originUnreachable.headline')!);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await text(popup, 'main')).toContain(inGerman('cause.originUnreachable.title'));
    await popup.close();
    await page.close();
  });
});
