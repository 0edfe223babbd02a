// Launches Debian's Chromium with the built Chrome MV3 extension loaded (flags from shared/toolchain.md).
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from './wait';

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
  /** Stops the service worker the way Chromium does when it is idle; the next event starts a new one. */
  stopWorker(): Promise<void>;
  /** Merges `changes` into the stored settings (storage.sync 'settings'), as the options page would. */
  setSettings(changes: Record<string, unknown>): Promise<void>;
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

export async function launchChromium(extensionDir = CHROME_BUILD): Promise<ChromiumWithExtension> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'gatewhy-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(firstWorker.url()).host;

  const worker = async (): Promise<Worker> =>
    context.serviceWorkers().find((candidate) => candidate.url().includes(extensionId)) ?? (await context.waitForEvent('serviceworker'));
  const inWorker = async (fn: (arg: any) => unknown, arg?: unknown) => (await worker()).evaluate(fn as never, arg as never);

  // An extension page has the same chrome.* APIs for storage, tabs and the badge, and unlike Playwright's
  // handle on the worker it keeps working after the worker was stopped and started again.
  let extensionPage: Page | undefined;
  const inExtension = async (fn: (arg: any) => unknown, arg?: unknown) => {
    if (!extensionPage || extensionPage.isClosed()) {
      extensionPage = await context.newPage();
      await extensionPage.goto(`chrome-extension://${extensionId}/popup.html?tabId=-1`);
    }
    return extensionPage.evaluate(fn as never, arg as never);
  };

  // The worker can exist before its listeners are added; events before that are lost (shared/toolchain.md).
  await waitFor('the background to listen', () => inWorker(() => chrome.webRequest.onHeadersReceived.hasListeners()));

  return {
    context,
    extensionId,
    inWorker: inWorker as ChromiumWithExtension['inWorker'],
    inExtension: inExtension as ChromiumWithExtension['inExtension'],
    async stopWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const workerTarget = async () =>
        (await cdp.send('Target.getTargets')).targetInfos.find((info) => info.type === 'service_worker' && info.url.includes(extensionId));
      const target = await workerTarget();
      if (!target) throw new Error('no service worker to stop');
      await cdp.send('Target.closeTarget', { targetId: target.targetId });
      await waitFor('the service worker to stop', async () => !(await workerTarget()));
      await cdp.detach();
    },
    async setSettings(changes) {
      await inExtension(async (update) => {
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...(settings as object), ...(update as object) } });
      }, changes);
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
      await waitFor(`site access ${mode}`, () =>
        inExtension(async (all) => (await chrome.permissions.contains({ origins: ['<all_urls>'] })) === all, wanted),
      );
      await settings.close();
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
