// Popup: time from opening popup.html?tabId=N to the explanation's headline being on screen, for a tab with 50 errors,
// paired with an empty extension page opened the same way in the same browser.
import type { BrowserContext } from 'playwright-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { badgeText, extensionIdOf, launch } from './browser';
import type { BenchSite } from './site';
import { median, spread, type Spread } from './stats';
import { waitFor } from '../test/e2e/support/wait';

/** The popup's headline, old and new markup alike: a test id if there is one, else the #headline heading. */
export const HEADLINE_SELECTOR = '[data-testid="headline"], #headline, main h1';

export interface PopupOpening {
  /** ms from the popup's navigation start to the headline element being in the DOM. */
  headline: number;
  /** The next animation frame after that: the headline has been painted. */
  painted: number;
  /** The last DOM change before the popup went quiet (everything rendered, the list of 50 included). */
  settled: number;
  /** The popup's DOMContentLoaded: its eagerly loaded modules have run. */
  domContentLoaded: number;
  text: string;
  /** The headline section's data-state, e.g. "requests-failed". */
  state?: string;
  /** The extension API calls the page made before its headline appeared, in its clock. */
  calls: ApiCall[];
}

export interface ApiCall {
  /** "runtime.sendMessage(explanations)", "storage.session.get" */
  name: string;
  start: number;
  end: number;
  /** Characters of the answer as JSON. */
  chars: number;
}

/** One kind of call across all openings: when it ran, how long each took and how big its answer was (medians). */
export interface CallSummary {
  name: string;
  perOpening: number;
  /** When it was first called and last answered in an opening, ms since the popup's navigation start (medians). */
  start: number;
  end: number;
  duration: number;
  chars: number;
}

export interface OpeningSeries {
  openings: PopupOpening[];
  headline: Spread;
  painted: Spread;
  settled: Spread;
  domContentLoaded: Spread;
  calls: CallSummary[];
}

export interface PopupResult {
  /** The measure: the tab with 50 recorded errors. */
  errors: OpeningSeries;
  /**
   * An empty extension page with one empty module script, from a second extension in the same browser, opened the
   * same way right before or after each popup opening: what opening any extension page costs here.
   */
  blank: OpeningSeries;
  /** Per pair of openings: the popup's headline minus the empty page's heading, ms. */
  headlineOverBlank: number[];
  /** The same popup for a tab with nothing recorded: what opening the popup costs before any error is shown. */
  clear: OpeningSeries;
  /** ms to import() each chunk the popup loads on demand, in a fresh popup page (median of a few). */
  lazyImports: { chunk: string; ms: number }[];
  /** The badge Gatewhy showed for the tab when the popup was opened. */
  badge: string;
}

interface BenchState {
  headlineAt?: number;
  paintedAt?: number;
  lastMutationAt: number;
  text?: string;
  state?: string;
}

interface RawCall {
  name: string;
  start: number;
  end?: number;
  result?: unknown;
}

/**
 * Runs at document start in every page of the context (a Playwright init script) and records, in the page's own
 * clock, when the first headline with text appears, and when each extension API call the page makes starts and is
 * answered: whatever the popup waits for, a storage read, a message to the background, shows up without knowing
 * its code. Kept as text: tsx wraps a compiled function's inner functions in a helper that the page does not have.
 */
const OBSERVE_HEADLINE = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  const bench = (window.__popupBench = { lastMutationAt: 0 });
  const calls = (window.__popupCalls = []);
  const wrap = (owner, name, fn) => {
    const original = owner && owner[fn];
    if (typeof original !== 'function') return;
    owner[fn] = function (...args) {
      const type = fn === 'sendMessage' && args[0] && typeof args[0].type === 'string' ? '(' + args[0].type + ')' : '';
      const call = { name: name + '.' + fn + type, start: performance.now() };
      calls.push(call);
      const done = (result) => { call.end = performance.now(); call.result = result; };
      const last = args[args.length - 1];
      // webextension-polyfill passes a callback; @wxt-dev/storage uses the promise.
      if (typeof last === 'function') {
        args[args.length - 1] = function (...results) { done(results[0]); return last.apply(this, results); };
        return original.apply(this, args);
      }
      const returned = original.apply(this, args);
      if (returned && typeof returned.then === 'function') returned.then(done, () => done(undefined));
      else done(returned);
      return returned;
    };
  };
  wrap(chrome.runtime, 'runtime', 'sendMessage');
  for (const area of ['session', 'local', 'sync']) wrap(chrome.storage && chrome.storage[area], 'storage.' + area, 'get');
  wrap(chrome.tabs, 'tabs', 'query');
  wrap(chrome.tabs, 'tabs', 'get');
  const check = () => {
    if (bench.headlineAt !== undefined) return;
    const element = document.querySelector(${JSON.stringify(HEADLINE_SELECTOR)});
    const text = element && element.textContent ? element.textContent.trim() : '';
    if (!text) return;
    const holder = element.closest('[data-state]');
    Object.assign(bench, { headlineAt: performance.now(), text, state: holder ? holder.getAttribute('data-state') : undefined });
    requestAnimationFrame(() => { bench.paintedAt = performance.now(); });
  };
  new MutationObserver(() => {
    bench.lastMutationAt = performance.now();
    check();
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

async function openOnce(context: BrowserContext, url: string): Promise<PopupOpening> {
  const popup = await context.newPage();
  try {
    await popup.goto(url);
    const read = () => popup.evaluate(() => (window as unknown as { __popupBench?: BenchState }).__popupBench);
    const seen = await waitFor('the popup headline', async () => ((await read())?.paintedAt !== undefined ? read() : undefined), 10_000, 20);
    // "Settled": no DOM change for 500 ms, in the popup's clock.
    const quiet = await waitFor('the popup to settle', async () => {
      const [state, now] = await Promise.all([read(), popup.evaluate(() => performance.now())]);
      return state && now - state.lastMutationAt > 500 ? state : undefined;
    });
    const domContentLoaded = await popup.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    );
    // Sizes are taken now, after the measurement: serialising an answer inside the popup would slow what is timed.
    const calls = await popup.evaluate((before) => {
      const raw = (window as unknown as { __popupCalls?: RawCall[] }).__popupCalls ?? [];
      return raw
        .filter((call) => call.start < before)
        .map((call) => ({ name: call.name, start: call.start, end: call.end ?? Number.NaN, chars: JSON.stringify(call.result ?? null).length }));
    }, seen.headlineAt!);
    return {
      headline: seen.headlineAt!,
      painted: seen.paintedAt!,
      settled: quiet.lastMutationAt,
      domContentLoaded,
      text: seen.text!,
      ...(seen.state && { state: seen.state }),
      calls,
    };
  } finally {
    await popup.close();
  }
}

function series(results: PopupOpening[]): OpeningSeries {
  const of = (key: 'headline' | 'painted' | 'settled' | 'domContentLoaded') => spread(results.map((one) => one[key]));
  return {
    openings: results,
    headline: of('headline'),
    painted: of('painted'),
    settled: of('settled'),
    domContentLoaded: of('domContentLoaded'),
    calls: summarizeCalls(results),
  };
}

function summarizeCalls(results: PopupOpening[]): CallSummary[] {
  const names = [...new Set(results.flatMap((one) => one.calls.map((call) => call.name)))];
  return names
    .map((name) => {
      const matching = results.flatMap((one) => one.calls.filter((call) => call.name === name));
      const perOpening = results.map((one) => one.calls.filter((call) => call.name === name)).filter((list) => list.length > 0);
      return {
        name,
        perOpening: matching.length / results.length,
        start: median(perOpening.map((list) => Math.min(...list.map((call) => call.start)))),
        end: median(perOpening.map((list) => Math.max(...list.map((call) => call.end)))),
        duration: median(matching.map((call) => call.end - call.start)),
        chars: median(matching.map((call) => call.chars)),
      };
    })
    .sort((a, b) => a.start - b.start);
}

/** Times one import() of a chunk in a popup page that has not loaded it yet (module maps are per page). */
async function importTime(context: BrowserContext, popupUrl: string, chunk: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(popupUrl);
    return await page.evaluate(async (file) => {
      const start = performance.now();
      await import(chrome.runtime.getURL(file));
      return performance.now() - start;
    }, chunk);
  } finally {
    await page.close();
  }
}

/** An extension whose only page is a heading and an empty module script, opened the same way as the popup. */
const BLANK_NAME = 'Blank page';

async function writeBlankPageExtension(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gatewhy-bench-blank-'));
  const manifest = { manifest_version: 3, name: BLANK_NAME, version: '1.0.0', background: { service_worker: 'background.js' } };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  // A worker only so that the bench can read the extension id from it.
  await writeFile(path.join(dir, 'background.js'), '// Generated by bench/popup.ts.\n');
  await writeFile(
    path.join(dir, 'blank.html'),
    '<!doctype html><meta charset="utf-8"><title>Blank</title><main><h1 id="headline">Blank</h1></main><script type="module" src="blank.js"></script>',
  );
  await writeFile(path.join(dir, 'blank.js'), '// Empty: the page costs only what opening an extension page costs.\n');
  return dir;
}

export interface PopupOptions {
  site: BenchSite;
  gatewhyDir: string;
  openings: number;
  /** Chunks the popup imports on demand (from the size measurement), to time on their own. */
  lazyChunks: string[];
}

export async function benchPopup({ site, gatewhyDir, openings: count, lazyChunks }: PopupOptions): Promise<PopupResult> {
  const blankDir = await writeBlankPageExtension();
  const browser = await launch([gatewhyDir, blankDir]);
  try {
    const worker = browser.worker!;
    const blankWorker = await waitFor('the empty page extension', async () => {
      for (const candidate of browser.context.serviceWorkers())
        if ((await candidate.evaluate(() => chrome.runtime.getManifest().name)) === BLANK_NAME) return candidate;
      return undefined;
    });
    const page = await browser.context.newPage();
    const url = site.fiftyFailuresUrl('popup');
    await page.goto(url);
    await page.evaluate(() => (window as unknown as { benchDone: Promise<unknown> }).benchDone);
    const tabId = await waitFor('the tab id', () =>
      worker.evaluate(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id, url),
    );
    // What the user sees before clicking: the badge counts the tab's failed requests.
    const badge = await waitFor('the badge to count 50 failures', async () => ((await badgeText(worker, url)) === '50' ? '50' : undefined), 30_000);

    await browser.context.addInitScript(OBSERVE_HEADLINE);
    const base = `chrome-extension://${extensionIdOf(worker)}/popup.html`;
    const blankUrl = `chrome-extension://${extensionIdOf(blankWorker)}/blank.html`;
    const errors: PopupOpening[] = [];
    const blank: PopupOpening[] = [];
    const headlineOverBlank: number[] = [];
    for (let pair = 0; pair < count; pair++) {
      // Alternate which goes first, so neither always opens into a browser that just opened a page.
      const popupFirst = pair % 2 === 0;
      const first = await openOnce(browser.context, popupFirst ? `${base}?tabId=${tabId}` : blankUrl);
      const second = await openOnce(browser.context, popupFirst ? blankUrl : `${base}?tabId=${tabId}`);
      const [popup, empty] = popupFirst ? [first, second] : [second, first];
      errors.push(popup);
      blank.push(empty);
      headlineOverBlank.push(popup.headline - empty.headline);
    }
    const wrong = errors.find((one) => one.state === 'clear' || !/\b50\b|502/.test(one.text));
    if (wrong) throw new Error(`the popup's first headline did not describe the tab's errors: "${wrong.text}" (${wrong.state})`);

    // Variants that tell where the time goes: the popup with nothing to explain, and the on-demand chunks.
    // tabId 2147483647 is a tab that cannot exist, so it has no record.
    const clearUrl = `${base}?tabId=2147483647`;
    const clear: PopupOpening[] = [];
    for (let opening = 0; opening < Math.ceil(count / 2); opening++) clear.push(await openOnce(browser.context, clearUrl));
    const lazyImports: PopupResult['lazyImports'] = [];
    for (const chunk of lazyChunks) {
      const times: number[] = [];
      for (let repeat = 0; repeat < 5; repeat++) times.push(await importTime(browser.context, clearUrl, chunk));
      lazyImports.push({ chunk, ms: median(times) });
    }
    return { errors: series(errors), blank: series(blank), headlineOverBlank, clear: series(clear), lazyImports, badge };
  } finally {
    await browser.close().catch(() => {});
    await rm(blankDir, { recursive: true, force: true });
  }
}
