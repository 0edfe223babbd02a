// Launches Chromium for the timed page loads through puppeteer-core with its network tracking off. Playwright always
// enables CDP's Network domain on its pages, which makes Chromium report every request to the driver: measured here,
// the 300-subresource page took 1.44 s to load under Playwright and 0.91 s under puppeteer-core with networkEnabled
// false (medians of 10 interleaved loads each, no extension). No user has a driver listening.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { waitFor } from '../test/e2e/support/wait';
import { CHROMIUM, CHROMIUM_FLAGS, extensionFlags, settingField, type InWorker } from './browser';

export interface UntracedBrowser {
  browser: Browser;
  /** The fresh profile; it also names the browser's processes (see process-cpu.ts). */
  userDataDir: string;
  /** The extension's service worker, or undefined without one. */
  worker?: InWorker;
  extensionId?: string;
  close(): Promise<void>;
}

/** One extension (or none) in a fresh profile, waited for until its worker listens to webRequest, when it has one. */
export async function launchUntraced(dir: string | undefined, { hasWorker = true }: { hasWorker?: boolean } = {}): Promise<UntracedBrowser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'gatewhy-bench-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir,
    networkEnabled: false,
    issuesEnabled: false,
    // The extension system stays on with no extension too, so "no extension" differs from the others only by it.
    enableExtensions: true,
    args: [...extensionFlags(dir === undefined ? [] : [dir]), ...CHROMIUM_FLAGS],
  });
  const close = async () => {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
  };
  if (dir === undefined || !hasWorker) return { browser, userDataDir, close };
  try {
    const target = await browser.waitForTarget((candidate) => candidate.type() === 'service_worker' && candidate.url().startsWith('chrome-extension://'), {
      timeout: 15_000,
    });
    const worker = (await target.worker()) as WebWorker;
    // The worker can run before its listeners are added; events before that are lost (shared/toolchain.md).
    await waitFor(
      'the extension to listen',
      () => worker.evaluate(() => chrome.webRequest.onHeadersReceived.hasListeners() || chrome.webRequest.onCompleted.hasListeners()),
      15_000,
    );
    return { browser, userDataDir, worker: worker as unknown as InWorker, extensionId: new URL(target.url()).host, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Turns a checkbox setting on as a user does, then reloads the options page until it shows the setting stored. */
export async function turnOnSettingIn(page: Page, optionsUrl: string, key: string): Promise<void> {
  await page.goto(optionsUrl);
  await page.waitForSelector(settingField(key), { timeout: 10_000 });
  await page.click(settingField(key));
  await waitFor(
    `${key} to be saved`,
    async () => {
      await page.reload();
      const field = await page.waitForSelector(settingField(key), { timeout: 10_000 }).catch(() => null);
      return (await field?.evaluate((input) => (input as HTMLInputElement).checked)) === true;
    },
    10_000,
    200,
  );
}
