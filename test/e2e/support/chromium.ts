// Launches Debian's Chromium with the built Chrome MV3 extension loaded (flags from shared/toolchain.md).
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from './wait';
import { appliedSettings, settingItems } from './settings';
import { DEFAULT_SETTINGS } from '../../../utils/settings';

export const CHROME_BUILD = path.resolve('.output/chrome-mv3');

export interface ChromiumWithExtension {
  context: BrowserContext;
  extensionId: string;
  /** Runs code in the service worker with the full chrome.* API (only until the worker is stopped). */
  inWorker<T>(fn: () => T | Promise<T>): Promise<T>;
  inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Runs code in an extension page (storage, tabs, badge); works across worker restarts. */
  inExtension<T>(fn: () => T | Promise<T>): Promise<T>;
  inExtension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Evaluates a JavaScript expression in that extension page (see support/banner.ts). */
  evaluateInExtension<T>(expression: string): Promise<T>;
  /** Stops the service worker the way Chromium does when it is idle; the next event starts a new one. */
  stopWorker(): Promise<void>;
  /** Stores each setting in its own storage.sync item, as the options page does; other settings stay. */
  setSettings(changes: Record<string, unknown>): Promise<void>;
  /** Removes every stored setting, so the defaults apply. */
  resetSettings(): Promise<void>;
  /**
   * Closes every tab but the helper page behind `inExtension`, the way a user closes tabs. Playwright's page.close()
   * can hang for good when it races a navigation commit, as an automatic retry's reload does
   * (https://github.com/microsoft/playwright/issues/42366).
   */
  closeTabs(): Promise<void>;
  /** Tab id of a page opened in this context. */
  /** `url` for a page showing the browser's own error page, whose address Playwright reports as chrome-error://. */
  tabIdOf(page: Page, url?: string): Promise<number>;
  /** Opens the popup as a tab describing `tabId`. */
  openPopup(tabId: number): Promise<Page>;
  /**
   * Sets Gatewhy's "Site access" on its chrome://extensions details page, as a user does, and waits until the
   * extension sees the change. Chromium will not let an extension give up host permissions its manifest requires
   * (permissions.remove rejects), so withholding them for real means driving that page: its select#hostAccess sits in
   * shadow DOM, which Playwright's CSS locators pierce. Option values as in Chromium 156.
   */
  setSiteAccess(mode: 'ON_CLICK' | 'ON_ALL_SITES'): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  /**
   * Turn Chromium's own reloader of network-error pages back on: automation turns it off, every user has it
   * (shared/toolchain.md). Use it for everything about reloads.
   */
  autoReload?: boolean;
  /**
   * Turn "Preload pages" off (the profile's net.network_prediction_options = 2, "never"). Chromium then opens no
   * connection ahead of a navigation; with it on, each navigation to a server that closes connections drew 1 to 3
   * requests at random (the preconnected sockets retried), which drowns a count of requests in noise.
   */
  noPreconnect?: boolean;
  /** More command-line flags, e.g. --host-resolver-rules. */
  args?: string[];
  /**
   * "Allow in Incognito" on, as a user turns it on, set in the profile before launch. Chromium has no flag for it,
   * and turning the switch on chrome://extensions reloads the extension, which a command-line extension does not
   * survive here (its pages answer ERR_BLOCKED_BY_CLIENT afterwards; measured with Chromium 156).
   */
  allowIncognito?: boolean;
  /**
   * The browser's language, e.g. "de". Chromium on Linux takes it from the LANGUAGE variable, not from --lang
   * (measured with Chromium 156: --lang=de left chrome.i18n.getUILanguage() at en-US), and needs Debian's chromium-l10n.
   */
  language?: string;
}

/** The id Chromium gives an unpacked extension: the SHA-256 of its absolute path, 32 hex digits written a–p. */
export function unpackedExtensionId(dir: string): string {
  return [...createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32)].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

const COMMON_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const flagsOf = ({ autoReload = false, args = [] }: LaunchOptions) => [...COMMON_ARGS, ...(autoReload ? ['--enable-auto-reload'] : []), ...args];

async function newProfile({ noPreconnect = false, allowIncognito = false, extensionDir = CHROME_BUILD }: LaunchOptions): Promise<string> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'gatewhy-chromium-'));
  const preferences = {
    ...(noPreconnect && { net: { network_prediction_options: 2 } }),
    ...(allowIncognito && { extensions: { settings: { [unpackedExtensionId(extensionDir)]: { incognito: true } } } }),
  };
  if (Object.keys(preferences).length > 0) {
    await mkdir(path.join(userDataDir, 'Default'), { recursive: true });
    await writeFile(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  return userDataDir;
}

/**
 * The same Chromium with the same flags and profile settings and no extension, to count what the browser does by
 * itself next to what it does with Gatewhy.
 */
export async function launchPlainChromium(options: LaunchOptions = {}): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const userDataDir = await newProfile(options);
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: '/usr/bin/chromium', headless: true, args: flagsOf(options) });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(options: LaunchOptions | string = {}): Promise<ChromiumWithExtension> {
  const { extensionDir = CHROME_BUILD, ...rest } = typeof options === 'string' ? { extensionDir: options } : options;
  const userDataDir = await newProfile({ ...rest, extensionDir });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    ...(rest.language && { env: { ...process.env, LANGUAGE: rest.language } }),
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...flagsOf(rest)],
  });
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(firstWorker.url()).host;

  const worker = async (): Promise<Worker> =>
    context.serviceWorkers().find((candidate) => candidate.url().includes(extensionId)) ?? (await context.waitForEvent('serviceworker'));
  const inWorker = async (fn: (arg: any) => unknown, arg?: unknown) => (await worker()).evaluate(fn as never, arg as never);

  // An extension page has the same chrome.* APIs for storage, tabs and the badge, and unlike Playwright's
  // handle on the worker it keeps working after the worker was stopped and started again.
  let extensionPage: Page | undefined;
  const helperPage = async () => {
    if (!extensionPage || extensionPage.isClosed()) {
      extensionPage = await context.newPage();
      await extensionPage.goto(`chrome-extension://${extensionId}/popup.html?tabId=-1`);
    }
    return extensionPage;
  };
  const inExtension = async (fn: (arg: any) => unknown, arg?: unknown) => (await helperPage()).evaluate(fn as never, arg as never);

  // The worker can exist before its listeners are added; events before that are lost (shared/toolchain.md).
  await waitFor('the background to listen', () => inWorker(() => chrome.webRequest.onHeadersReceived.hasListeners()));

  return {
    context,
    extensionId,
    inWorker: inWorker as ChromiumWithExtension['inWorker'],
    inExtension: inExtension as ChromiumWithExtension['inExtension'],
    evaluateInExtension: async <T>(expression: string) => (await helperPage()).evaluate(expression) as Promise<T>,
    async stopWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const workerTarget = async () =>
        (await cdp.send('Target.getTargets')).targetInfos.find((info) => info.type === 'service_worker' && info.url.includes(extensionId));
      const target = await workerTarget();
      if (!target) throw new Error('no service worker to stop');
      // Stopped once its target is gone; an event may start a new worker at once (a new target), which is fine.
      const stopped = async () => (await workerTarget())?.targetId !== target.targetId;
      // A busy worker can outlive the first request (seen in full e2e runs, never alone): ask again, then stop them all.
      for (let attempt = 0; attempt < 4 && !(await stopped()); attempt++) {
        await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => {});
        await waitFor('the service worker to stop', stopped, 3000).catch(() => {});
      }
      if (!(await stopped())) await cdp.send('ServiceWorker.stopAllWorkers').catch(() => {});
      await waitFor('the service worker to stop', stopped);
      await cdp.detach();
    },
    async setSettings(changes) {
      await inExtension((items) => chrome.storage.sync.set(items), settingItems(changes));
      await waitFor('the background to apply the settings', () => inExtension(appliedSettings, changes));
    },
    async resetSettings() {
      await inExtension(async () => {
        const keys = Object.keys(await chrome.storage.sync.get(null)).filter((key) => key.startsWith('settings.'));
        await chrome.storage.sync.remove(keys);
      });
      await waitFor('the background to apply the defaults', () => inExtension(appliedSettings, DEFAULT_SETTINGS));
    },
    async closeTabs() {
      await inExtension(async () => {
        const ids = (await chrome.tabs.query({})).filter((tab) => tab.url !== location.href).map((tab) => tab.id!);
        await chrome.tabs.remove(ids);
      });
      await waitFor('the tabs to close', () => context.pages().every((page) => page === extensionPage || page.isClosed()));
    },
    async tabIdOf(page, expected) {
      const url = expected ?? page.url();
      return waitFor(`a tab for ${url}`, () =>
        inExtension(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id, url),
      ) as Promise<number>;
    },
    async openPopup(tabId) {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      return popup;
    },
    async setSiteAccess(mode) {
      const settings = await context.newPage();
      await settings.goto(`chrome://extensions/?id=${extensionId}`);
      await settings.locator('select#hostAccess').selectOption(mode);
      const wanted = mode === 'ON_ALL_SITES';
      await waitFor(`site access ${mode}`, () => inExtension(async (all) => (await chrome.permissions.contains({ origins: ['<all_urls>'] })) === all, wanted));
      await settings.close();
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
