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
  await waitFor(`${url} to load`, () => page.evaluate((wanted) => location.href === wanted && document.readyState === 'complete', url).catch(() => false));
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: any }>;
}

/**
 * Allows the extension in private windows, as the "Run in Private Windows" switch in about:addons does: the
 * internal:privateBrowsingAllowed permission, then a reload of the add-on (Firefox 153, toolkit/components/extensions
 * Extension.sys.mjs reads that permission at startup). There is no preference for it, and WebDriver BiDi installs
 * add-ons without it; `--remote-allow-system-access` lets BiDi evaluate in the browser's own (chrome) window.
 */
async function allowInPrivateWindows(browser: Browser): Promise<void> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.contexts?.[0]?.context;
  if (!context) throw new Error('no chrome window to grant private browsing from');
  const expression = `(async () => {
    const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
    const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
    await ExtensionPermissions.add(${JSON.stringify(GECKO_ID)}, { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
    await (await AddonManager.getAddonByID(${JSON.stringify(GECKO_ID)})).reload();
  })()`;
  const { result } = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (result?.type === 'exception') throw new Error(`granting private browsing failed: ${JSON.stringify(result.exceptionDetails?.text ?? result)}`);
}

/**
 * `prefs`: more Firefox preferences, e.g. to grant permission requests without the prompt a test cannot click.
 * `privateWindows`: allow the extension in private windows, as a user can.
 */
export async function launchFirefox(
  build: 'firefox-mv2' | 'firefox-mv3',
  { prefs = {}, privateWindows = false }: { prefs?: Record<string, unknown>; privateWindows?: boolean } = {},
): Promise<FirefoxWithExtension> {
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
  if (privateWindows) await allowInPrivateWindows(browser);
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
