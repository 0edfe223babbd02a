// Launches Firefox ESR over WebDriver BiDi with a built Firefox extension installed (workarounds from shared/toolchain.md).
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GECKO_ID } from '../../../wxt.config';
import { waitFor } from './wait';
import { appliedSettings, settingItems } from './settings';
import { DEFAULT_SETTINGS } from '../../../utils/settings';

/** Pinned so the extension's pages have a known address. */
export const EXTENSION_UUID = '2f6b8a3e-5c1d-4e7a-9b0f-6a1c2d3e4f50';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxWithExtension {
  browser: Browser;
  /** Where downloads are saved, without asking: a fresh folder for each browser. */
  downloadDir: string;
  /** An extension page kept open to run code with the full browser.* API. */
  extensionPage: Page;
  inExtension<T>(fn: () => T | Promise<T>): Promise<T>;
  inExtension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Evaluates a JavaScript expression in the extension page (see support/banner.ts). */
  evaluateInExtension<T>(expression: string): Promise<T>;
  /** Stores each setting in its own storage.sync item, as the options page does; other settings stay. */
  setSettings(changes: Record<string, unknown>): Promise<void>;
  /** Removes every stored setting, so the defaults apply. */
  resetSettings(): Promise<void>;
  /** The tab showing `page`; `url` for a page showing the browser's own error page. */
  tabIdOf(page: Page, url?: string): Promise<number>;
  /**
   * Loads `url` in the tab like a user typing it. WebDriver BiDi's navigate on a tab that already shows a page makes
   * Firefox 153 report that load's webRequest events with tabId -1, so later navigations go through tabs.update.
   */
  navigate(tabId: number, url: string): Promise<void>;
  /** Opens an extension page (e.g. `popup.html?tabId=3`) in a new tab and waits until it has loaded. */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
  close(): Promise<void>;
}

/** `page.goto('moz-extension://…')` never resolves although the page loads: start it, then poll. */
async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url).catch(() => {});
  await waitFor(`${url} to load`, () =>
    page.evaluate((wanted) => location.href === wanted && document.readyState === 'complete', url).catch(() => false),
  );
}

/** `prefs`: more Firefox preferences, e.g. to grant permission requests without the prompt a test cannot click. */
export async function launchFirefox(build: 'firefox-mv2' | 'firefox-mv3', { prefs = {} }: { prefs?: Record<string, unknown> } = {}): Promise<FirefoxWithExtension> {
  const downloadDir = mkdtempSync(path.join(tmpdir(), 'gatewhy-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    // Without it, navigation to moz-extension:// is refused.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      ...prefs,
    },
  });
  await browser.installExtension(path.resolve('.output', build));
  const extensionPage = await browser.newPage();
  await gotoExtensionPage(extensionPage, `${EXTENSION_ORIGIN}/popup.html?tabId=-1`);

  const inExtension = (fn: (arg: any) => unknown, arg?: unknown) => extensionPage.evaluate(fn as never, arg as never);
  return {
    browser,
    downloadDir,
    extensionPage,
    inExtension: inExtension as FirefoxWithExtension['inExtension'],
    evaluateInExtension: <T>(expression: string) => extensionPage.evaluate(expression) as Promise<T>,
    async setSettings(changes) {
      await inExtension((items) => (globalThis as any).browser.storage.sync.set(items), settingItems(changes));
      await waitFor('the background to apply the settings', () => inExtension(appliedSettings, changes));
    },
    async resetSettings() {
      await inExtension(async () => {
        const sync = (globalThis as any).browser.storage.sync;
        await sync.remove(Object.keys(await sync.get(null)).filter((key) => key.startsWith('settings.')));
      });
      await waitFor('the background to apply the defaults', () => inExtension(appliedSettings, DEFAULT_SETTINGS));
    },
    async tabIdOf(page, expected) {
      const url = expected ?? page.url();
      return waitFor(`a tab for ${url}`, () =>
        inExtension(async (wanted) => {
          const tabs: { url?: string; id?: number }[] = await (globalThis as any).browser.tabs.query({});
          return tabs.find((tab) => tab.url === wanted)?.id;
        }, url),
      ) as Promise<number>;
    },
    async navigate(tabId, url) {
      await inExtension(([id, address]) => (globalThis as any).browser.tabs.update(id, { url: address }), [tabId, url]);
      await waitFor(`the tab to load ${url}`, () =>
        inExtension(async (id) => {
          const tab = await (globalThis as any).browser.tabs.get(id);
          return tab.status === 'complete' && tab.url;
        }, tabId).then((loaded) => loaded === url),
      );
    },
    async openExtensionPage(pathAndQuery) {
      const page = await browser.newPage();
      await gotoExtensionPage(page, `${EXTENSION_ORIGIN}/${pathAndQuery}`);
      return page;
    },
    async close() {
      await browser.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}
