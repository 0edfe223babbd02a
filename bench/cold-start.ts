// Cold start in Chromium: the service worker stopped, then a navigation to a failing page wakes it. How long until
// the worker has handled that page's response, for Gatewhy as built and for an extension with one empty listener.
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from '../test/e2e/support/wait';
import { extensionIdOf, launch, readManifest, writeWatcherExtension, type BenchBrowser } from './browser';
import { sleep } from './page-load';
import type { BenchSite } from './site';

/**
 * Put in front of the worker's script (and one line after it) in a private copy of each extension. It adds its own
 * main_frame onHeadersReceived listener, registered before the extension's own so it is called first, and notes
 * in the worker's clock when the script started and ended, when the first main-frame response reached the worker,
 * and when the first storage.session write and badge change after it were answered (what Gatewhy does with a failed
 * page). It wraps chrome.* functions, never the extension's listeners, so the extension's code runs unchanged.
 * Kept as text: it runs in the worker, not here.
 */
const PREFIX = `// Added by bench/cold-start.ts.
(() => {
  const marks = (globalThis.__coldStart = { timeOrigin: performance.timeOrigin, scriptStart: performance.now() });
  chrome.webRequest.onHeadersReceived.addListener((details) => {
    if (marks.firstResponse === undefined) marks.firstResponse = performance.now();
  }, { urls: ['<all_urls>'], types: ['main_frame'] });
  const note = (owner, fn, key) => {
    const original = owner && owner[fn];
    if (typeof original !== 'function') return;
    owner[fn] = function (...args) {
      const after = marks.firstResponse !== undefined;
      const done = () => { if (after && marks[key] === undefined) marks[key] = performance.now(); };
      const last = args[args.length - 1];
      if (typeof last === 'function') {
        args[args.length - 1] = function (...results) { done(); return last.apply(this, results); };
        return original.apply(this, args);
      }
      const returned = original.apply(this, args);
      if (returned && typeof returned.then === 'function') returned.then(done, done);
      return returned;
    };
  };
  note(chrome.storage && chrome.storage.session, 'set', 'firstStored');
  note(chrome.action, 'setBadgeText', 'firstBadge');
})();
`;
const SUFFIX = '\n;globalThis.__coldStart.scriptEnd = performance.now();\n';

interface Marks {
  timeOrigin: number;
  scriptStart: number;
  scriptEnd?: number;
  firstResponse?: number;
  firstStored?: number;
  firstBadge?: number;
}

/** One cold start, in ms since the navigation started (the page's performance.timeOrigin). */
export interface ColdStart {
  /** The worker's global scope created. */
  workerStart: number;
  /** Its script began to run (after it was fetched and compiled). */
  scriptStart: number;
  /** Its script's top level finished: listeners registered, ready for events. */
  scriptEnd: number;
  /** The failing page's response reached the worker's listeners: the measure. */
  firstResponse: number;
  /** Gatewhy only: its first storage.session write and badge change after that were answered. */
  firstStored?: number;
  firstBadge?: number;
}

export interface ColdStartResult {
  trials: number;
  gatewhy: ColdStart[];
  listener: ColdStart[];
  /** Trials left out after an error, and why. */
  dropped: string[];
}

async function instrumentedCopy(dir: string): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'gatewhy-bench-cold-'));
  await cp(dir, copy, { recursive: true });
  const script = (await readManifest(copy)).background as { service_worker?: string } | undefined;
  if (!script?.service_worker) throw new Error(`${dir} has no background service worker`);
  const file = path.join(copy, script.service_worker);
  await writeFile(file, PREFIX + (await readFile(file, 'utf8')) + SUFFIX);
  return copy;
}

async function stopWorker(context: BrowserContext, page: Page, extensionId: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    const target = async () =>
      (await cdp.send('Target.getTargets')).targetInfos.find((info) => info.type === 'service_worker' && info.url.includes(extensionId));
    const running = await target();
    if (running) await cdp.send('Target.closeTarget', { targetId: running.targetId });
    await waitFor('the service worker to stop', async () => !(await target()), 10_000);
  } finally {
    await cdp.detach();
  }
}

const workerOf = (context: BrowserContext, extensionId: string): Worker | undefined =>
  context.serviceWorkers().find((worker) => worker.url().includes(extensionId));

interface Subject {
  browser: BenchBrowser;
  extensionId: string;
  /** Gatewhy acts on the failure; the empty listener has nothing to do after it. */
  acts: boolean;
}

async function trial(subject: Subject, site: BenchSite, token: string): Promise<ColdStart> {
  const { context } = subject.browser;
  const page = await context.newPage();
  try {
    await page.goto(site.blankUrl());
    await sleep(300);
    await stopWorker(context, page, subject.extensionId);
    // Quiet before the navigation, and a worker that woke by itself in the meantime (an alarm) is stopped again.
    await sleep(300);
    await stopWorker(context, page, subject.extensionId);
    const stoppedAt = Date.now();
    await page.goto(site.failingPageUrl(token), { waitUntil: 'commit' });
    // Playwright keeps one Worker handle per extension worker and points it at the restarted worker (it emits no
    // new 'serviceworker' event); the marks' timeOrigin tells the new worker's from the old one's.
    const marks = await waitFor(
      'the worker to handle the failing page',
      async () => {
        const seen = (await workerOf(context, subject.extensionId)
          ?.evaluate('globalThis.__coldStart')
          .catch(() => undefined)) as Marks | undefined;
        if (!seen || seen.timeOrigin < stoppedAt || seen.firstResponse === undefined) return undefined;
        return !subject.acts || (seen.firstStored !== undefined && seen.firstBadge !== undefined) ? seen : undefined;
      },
      10_000,
      20,
    );
    const navigationStart = (await page.evaluate('performance.timeOrigin')) as number;
    const since = (workerMs: number | undefined) => (workerMs === undefined ? undefined : marks.timeOrigin + workerMs - navigationStart);
    return {
      workerStart: marks.timeOrigin - navigationStart,
      scriptStart: since(marks.scriptStart)!,
      scriptEnd: since(marks.scriptEnd)!,
      firstResponse: since(marks.firstResponse)!,
      ...(subject.acts && { firstStored: since(marks.firstStored), firstBadge: since(marks.firstBadge) }),
    };
  } finally {
    // Closing the tab also ends the retry Gatewhy planned for the failed page.
    await page.close().catch(() => {});
    await sleep(300);
  }
}

/**
 * Alternates the two extensions, each in its own browser kept open, so each pair of trials is seconds apart. Each
 * trial opens a tab on a healthy page, stops the worker as Chromium does when it is idle, and navigates the tab to a
 * page that is itself an nginx 502.
 */
export async function benchColdStart({
  site,
  gatewhyDir,
  trials,
  log,
}: {
  site: BenchSite;
  gatewhyDir: string;
  trials: number;
  log: (line: string) => void;
}): Promise<ColdStartResult> {
  const listenerDir = await writeWatcherExtension();
  const dirs = { gatewhy: await instrumentedCopy(gatewhyDir), listener: await instrumentedCopy(listenerDir) };
  const subjects: Partial<Record<'gatewhy' | 'listener', Subject>> = {};
  const result: ColdStartResult = { trials, gatewhy: [], listener: [], dropped: [] };
  try {
    for (const name of ['gatewhy', 'listener'] as const) {
      const browser = await launch(dirs[name]);
      subjects[name] = { browser, extensionId: extensionIdOf(browser.worker!), acts: name === 'gatewhy' };
    }
    for (let index = 0; index < trials; index++) {
      const order = index % 2 === 0 ? (['gatewhy', 'listener'] as const) : (['listener', 'gatewhy'] as const);
      const pair: Partial<Record<'gatewhy' | 'listener', ColdStart>> = {};
      for (const name of order) {
        try {
          pair[name] = await trial(subjects[name]!, site, `cold-${name}-${index}`);
        } catch (error) {
          result.dropped.push(`trial ${index + 1}, ${name}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      // Only complete pairs count, so every difference compares trials seconds apart.
      if (pair.gatewhy && pair.listener) {
        result.gatewhy.push(pair.gatewhy);
        result.listener.push(pair.listener);
        log(
          `  cold start ${index + 1}/${trials}: Gatewhy ${pair.gatewhy.firstResponse.toFixed(0)} ms, empty listener ${pair.listener.firstResponse.toFixed(0)} ms`,
        );
      }
    }
    return result;
  } finally {
    for (const subject of Object.values(subjects)) await subject.browser.close().catch(() => {});
    for (const dir of [...Object.values(dirs), listenerDir]) await rm(dir, { recursive: true, force: true });
  }
}
