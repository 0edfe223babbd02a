// Page load in Chromium: Gatewhy as built against no extension, a content blocker's profile and empty listeners.
import type { Page } from 'puppeteer-core';
import { rm } from 'node:fs/promises';
import { badgeText, readManifest, steadyBadge, writeContentBlockerExtension, writeWatcherExtension } from './browser';
import { badgeCheck, interleavedRounds, READ_TIMING, settle, type Config, type PageLoadResult, type PageTiming, type RunningConfig } from './page-load';
import type { BenchSite, Scenario } from './site';
import { launchUntraced, turnOnSettingIn, type UntracedBrowser } from './untraced-chromium';
import { DEFAULT_WATCHED_TYPES } from '../utils/watch-policy';

/**
 * In the order the rounds interleave them: each target's pair is adjacent (Gatewhy default next to the blocker
 * profile and to the empty listener on its own types; watch-everything next to the all-types listener).
 */
export const CHROMIUM_CONFIGS = [
  { id: 'none', label: 'No extension' },
  { id: 'dnr', label: 'Content blocker profile (declarativeNetRequest, 6 static rules, no code)' },
  { id: 'gatewhy', label: 'Gatewhy, default settings' },
  { id: 'listener-default', label: "Empty onHeadersReceived listener, Gatewhy's default types", diagnostic: true },
  { id: 'listener-all', label: 'Empty onHeadersReceived listener, all types' },
  { id: 'gatewhy-all', label: 'Gatewhy, watch everything' },
] as const satisfies readonly Config[];
export type ChromiumConfigId = (typeof CHROMIUM_CONFIGS)[number]['id'];

export const CHROMIUM_SCENARIOS: readonly Scenario[] = ['ok', 'failing', 'slow'];

export interface ChromiumPageLoadOptions {
  site: BenchSite;
  gatewhyDir: string;
  rounds: number;
  log: (line: string) => void;
}

interface Started extends RunningConfig {
  browser: UntracedBrowser;
  page: Page;
}

async function loadIn(page: Page, url: string): Promise<PageTiming> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return page.evaluate(READ_TIMING) as Promise<PageTiming>;
}

async function start(config: Config, dirs: Record<string, string | undefined>): Promise<Started> {
  const dir = dirs[config.id];
  const browser = await launchUntraced(dir, { hasWorker: config.id !== 'dnr' });
  const worker = browser.worker;
  const page = await browser.browser.newPage();
  if (config.id === 'gatewhy-all') {
    const { options_ui } = await readManifest(dir!);
    const options = await browser.browser.newPage();
    await turnOnSettingIn(options, `chrome-extension://${browser.extensionId}/${options_ui?.page ?? 'options.html'}`, 'watchAllRequests');
    await options.close();
  }
  // The timed tab is the only one, in front: Gatewhy opens its welcome page on install, and a load in a tab behind it
  // ran about 1.45× slower on the page with a 20 ms server delay.
  for (const other of await browser.browser.pages()) if (other !== page) await other.close();
  await page.bringToFront();
  const events = config.id.startsWith('listener')
    ? () => worker!.evaluate(() => (globalThis as unknown as { eventCount(): number }).eventCount(), undefined)
    : undefined;
  return { config, browser, page, profileDir: browser.userDataDir, load: (url) => loadIn(page, url), ...(events && { events }), close: () => browser.close() };
}

/**
 * What proves a configuration that is not Gatewhy is what it claims, after a warm-up load of the failing page: the
 * listeners' event counts, and the blocker's rules blocking their probe address.
 */
async function check(run: Started, site: BenchSite): Promise<string> {
  if (run.config.id === 'dnr') {
    const hits = site.dnrProbeHits();
    const probe = site.dnrProbeUrl(`probe-${Date.now()}`);
    await run.page.goto(probe);
    const outcome = await run.page.evaluate(READ_TIMING);
    if (outcome !== 'blocked' || site.dnrProbeHits() !== hits) throw new Error(`the content blocker's rules are not active: its probe was ${outcome}`);
    await settle(run.profileDir);
    return 'its rule blocked the probe request';
  }
  if (run.events) return `${await run.events()} events so far`;
  return '–';
}

/**
 * One browser per configuration for the whole run, all launched up front and loaded in turn, so that every round
 * compares the configurations within seconds of each other on this shared machine. Caches are out of the picture:
 * every response is no-store and every URL carries a token unique to its load.
 */
export async function benchChromiumPageLoad({ site, gatewhyDir, rounds, log }: ChromiumPageLoadOptions): Promise<PageLoadResult> {
  const generated = {
    'listener-all': await writeWatcherExtension(),
    'listener-default': await writeWatcherExtension({ types: DEFAULT_WATCHED_TYPES }),
    dnr: await writeContentBlockerExtension(),
  };
  const dirs: Record<string, string | undefined> = { none: undefined, gatewhy: gatewhyDir, 'gatewhy-all': gatewhyDir, ...generated };
  const running: Started[] = [];
  const checks: Record<string, string> = {};
  try {
    for (const config of CHROMIUM_CONFIGS) running.push(await start(config, dirs));
    // Warm-up: the first loads in a new browser pay one-off costs (renderer start, the extension's first events).
    for (const run of running) {
      const badges: string[] = [];
      for (const scenario of ['failing', 'ok', 'slow', 'failing'] as const) {
        const url = site.heavyUrl(`warm-${run.config.id}-${scenario}-${Math.random().toString(36).slice(2)}`, scenario);
        await run.load(url);
        await settle(run.profileDir);
        if (scenario === 'failing' && run.config.id.startsWith('gatewhy')) badges.push(await steadyBadge(() => badgeText(run.browser.worker!, url)));
      }
      checks[run.config.id] = run.config.id.startsWith('gatewhy') ? badgeCheck('Chromium', run.config.id === 'gatewhy-all', badges) : await check(run, site);
    }
    const { samples, dropped } = await interleavedRounds(running, { site, rounds, scenarios: CHROMIUM_SCENARIOS, log });
    return { browser: 'chromium', rounds, scenarios: CHROMIUM_SCENARIOS, configs: CHROMIUM_CONFIGS, samples, checks, dropped };
  } finally {
    for (const run of running) await run.close().catch(() => {});
    for (const dir of Object.values(generated)) await rm(dir, { recursive: true, force: true });
  }
}
