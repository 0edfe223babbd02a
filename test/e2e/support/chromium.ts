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
  /** The extension's service worker; re-read after a stop, since Chromium starts a new one. */
  worker(): Promise<Worker>;
  /** Runs code in the service worker with the full chrome.* API. */
  inWorker<T>(fn: () => T | Promise<T>): Promise<T>;
  inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Tab id of a page opened in this context. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the popup as a tab describing `tabId`. */
  openPopup(tabId: number): Promise<Page>;
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

  const worker = async () => {
    const live = context.serviceWorkers().find((candidate) => candidate.url().includes(extensionId));
    return live ?? (await context.waitForEvent('serviceworker'));
  };
  const inWorker = async (fn: (arg: any) => unknown, arg?: unknown) => (await worker()).evaluate(fn as never, arg as never);

  // The worker can exist before its listeners are added; events before that are lost (shared/toolchain.md).
  await waitFor('the background to listen', () => inWorker(() => chrome.webRequest.onCompleted.hasListeners()));

  return {
    context,
    extensionId,
    worker,
    inWorker: inWorker as ChromiumWithExtension['inWorker'],
    async tabIdOf(page) {
      const url = page.url();
      return waitFor(`a tab for ${url}`, () =>
        inWorker(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id, url),
      ) as Promise<number>;
    },
    async openPopup(tabId) {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      return popup;
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
