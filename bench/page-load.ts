// Page-load overhead in real Chromium: the 300-subresource page, loaded interleaved with and without extensions.
import type { Page, Worker } from 'playwright-core';
import { rm } from 'node:fs/promises';
import { launch, writeWatcherExtension, type BenchBrowser } from './browser';
import { chromiumCpu, cpuDelta, type CpuByKind } from './process-cpu';
import { FAILING_COUNT, SUBRESOURCE_COUNT, type BenchSite } from './site';
import { spread, type Spread } from './stats';
import { DEFAULT_WATCHED_TYPES } from '../utils/watch-policy';

export type Scenario = 'ok' | 'failing';
export const SCENARIOS: readonly Scenario[] = ['ok', 'failing'];

export type ConfigId = 'none' | 'listener-all' | 'gatewhy' | 'gatewhy-all' | 'listener-default' | 'permission-only';

interface Config {
  id: ConfigId;
  label: string;
  /** Only there to explain the others' numbers. */
  diagnostic?: boolean;
}

export const CONFIGS: readonly Config[] = [
  { id: 'none', label: 'No extension' },
  { id: 'listener-all', label: 'Empty onHeadersReceived listener, all types' },
  { id: 'gatewhy', label: 'Gatewhy, default settings' },
  { id: 'gatewhy-all', label: 'Gatewhy, watch everything' },
  { id: 'listener-default', label: "Empty onHeadersReceived listener, Gatewhy's default types", diagnostic: true },
  { id: 'permission-only', label: 'webRequest permission, no listener', diagnostic: true },
];

/** What the page reported about one load, in ms since its navigation started. */
export interface PageTiming {
  loadEventEnd: number;
  fetchesSettled: number;
  /** The measure: the later of loadEventEnd and the last fetch settling. */
  done: number;
  resources: number;
}

export interface LoadSample extends PageTiming {
  round: number;
  config: ConfigId;
  scenario: Scenario;
  /** onHeadersReceived events the listener-only extensions received for this load. */
  events?: number;
  /** CPU ms the browser's processes used from the start of this load to the end of the pause after it. */
  cpu?: CpuByKind;
}

export interface PageLoadResult {
  rounds: number;
  configs: readonly Config[];
  samples: LoadSample[];
  /** What Gatewhy had recorded for its tab after the warm-up load of the failing page: proves each setting took. */
  recorded: Partial<Record<ConfigId, { failures: number; types: Record<string, number> }>>;
  /** Loads that failed (timeouts) and were left out. */
  dropped: string[];
}

export interface PageLoadOptions {
  site: BenchSite;
  gatewhyDir: string;
  rounds: number;
  log: (line: string) => void;
}

const SETTLE_MS = 250;
const QUIET_WINDOW_MS = 100;
/** Less CPU than this in one window, summed over the browser's processes, counts as idle (10 ms ticks on Linux). */
const QUIET_CPU_MS = 15;
const MAX_SETTLE_MS = 3000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const totalOf = (cpu: CpuByKind) => Object.values(cpu).reduce((sum, value) => sum + value, 0);

/**
 * Waits after a load until the browser is idle: Gatewhy may still be storing a page's failures after its load
 * event, and that work must neither spill into the next configuration's load nor escape this one's CPU count.
 * The same rule follows every load in every configuration.
 */
async function settle(userDataDir: string): Promise<void> {
  await sleep(SETTLE_MS);
  let previous = chromiumCpu(userDataDir);
  if (!previous) return;
  for (let waited = SETTLE_MS; waited < MAX_SETTLE_MS; waited += QUIET_WINDOW_MS) {
    await sleep(QUIET_WINDOW_MS);
    const now = chromiumCpu(userDataDir);
    if (!now || totalOf(now) - totalOf(previous) < QUIET_CPU_MS) return;
    previous = now;
  }
}

interface Running {
  config: Config;
  browser: BenchBrowser;
  page: Page;
  /** Reads the listener-only extension's event counter. */
  events?: () => Promise<number>;
}

type WatcherDirs = Record<'all' | 'default' | 'permission', string>;

async function start(config: Config, gatewhyDir: string, watchers: WatcherDirs): Promise<Running> {
  const dir = {
    none: undefined,
    'listener-all': watchers.all,
    'listener-default': watchers.default,
    'permission-only': watchers.permission,
    gatewhy: gatewhyDir,
    'gatewhy-all': gatewhyDir,
  }[config.id];
  const browser = await launch(dir, { listens: config.id !== 'permission-only' });
  const worker = browser.worker;
  if (config.id === 'gatewhy-all') {
    // Missing fields fall back to their defaults (utils/settings.ts checkSettings); the background widens its
    // filter when the stored settings change. The warm-up below checks that it did.
    await worker!.evaluate(() => chrome.storage.sync.set({ 'settings.watchAllRequests': true }));
  }
  const page = await browser.context.newPage();
  const events = config.id.startsWith('listener') ? () => worker!.evaluate(() => (globalThis as unknown as { eventCount(): number }).eventCount()) : undefined;
  return { config, browser, page, events };
}

async function loadOnce(page: Page, url: string): Promise<PageTiming> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { benchDone: Promise<PageTiming> }).benchDone);
}

async function gatewhyRecord(worker: Worker, url: string) {
  return worker.evaluate(async (wanted) => {
    const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === wanted);
    const key = `tab:${tab?.id}`;
    const record = (await chrome.storage.session.get(key))[key] as { failures: { type: string }[] } | undefined;
    const types: Record<string, number> = {};
    for (const failure of record?.failures ?? []) types[failure.type] = (types[failure.type] ?? 0) + 1;
    return { failures: record?.failures.length ?? 0, types };
  }, url);
}

/**
 * One browser per configuration for the whole run, all launched up front and loaded in turn, so that every
 * round compares the configurations within seconds of each other on this shared machine. Caches are out of the
 * picture: every response is no-store and every URL carries a token unique to its load.
 */
export async function benchPageLoad({ site, gatewhyDir, rounds, log }: PageLoadOptions): Promise<PageLoadResult> {
  const watchers: WatcherDirs = {
    all: await writeWatcherExtension(),
    default: await writeWatcherExtension({ types: DEFAULT_WATCHED_TYPES }),
    permission: await writeWatcherExtension({ listener: false }),
  };
  const running: Running[] = [];
  const samples: LoadSample[] = [];
  const recorded: PageLoadResult['recorded'] = {};
  const dropped: string[] = [];
  let loads = 0;
  const token = (config: ConfigId) => `${config}-${loads++}`;
  try {
    for (const config of CONFIGS) running.push(await start(config, gatewhyDir, watchers));

    // Warm-up: the first loads in a new browser pay one-off costs (renderer start, the extension's first events).
    for (const run of running) {
      for (const failing of [true, false, true]) {
        const url = site.heavyUrl(token(run.config.id), failing);
        await loadOnce(run.page, url);
        await settle(run.browser.userDataDir);
        if (run.config.id.startsWith('gatewhy') && failing) recorded[run.config.id] = await gatewhyRecord(run.browser.worker!, url);
      }
    }
    const all = recorded['gatewhy-all']?.types;
    if (!all || !(all.image || all.script || all.stylesheet)) {
      throw new Error(`watchAllRequests did not take effect: Gatewhy recorded ${JSON.stringify(all)} for a page with ${FAILING_COUNT} failing subresources`);
    }

    for (let round = 0; round < rounds; round++) {
      // Rotate who goes first, and alternate the scenarios, so no configuration always follows the same one.
      const order = [...running.slice(round % running.length), ...running.slice(0, round % running.length)];
      const scenarios = round % 2 === 0 ? SCENARIOS : [...SCENARIOS].reverse();
      for (const scenario of scenarios) {
        for (const run of order) {
          const before = await run.events?.();
          const cpuBefore = chromiumCpu(run.browser.userDataDir);
          try {
            const timing = await loadOnce(run.page, site.heavyUrl(token(run.config.id), scenario === 'failing'));
            await settle(run.browser.userDataDir);
            const cpuAfter = chromiumCpu(run.browser.userDataDir);
            const after = await run.events?.();
            if (timing.resources !== SUBRESOURCE_COUNT) log(`  warning: ${run.config.id} saw ${timing.resources} of ${SUBRESOURCE_COUNT} subresources`);
            samples.push({
              ...timing,
              round,
              config: run.config.id,
              scenario,
              ...(after !== undefined && { events: after - before! }),
              ...(cpuBefore && cpuAfter && { cpu: cpuDelta(cpuAfter, cpuBefore) }),
            });
          } catch (error) {
            dropped.push(`round ${round + 1}, ${run.config.id}, ${scenario}: ${(error as Error).message.split('\n')[0]}`);
            await settle(run.browser.userDataDir);
          }
        }
      }
      const line = (scenario: Scenario) =>
        running.map(({ config }) => `${config.id} ${samples.find((s) => s.round === round && s.config === config.id && s.scenario === scenario)?.done.toFixed(0) ?? '–'}`).join(', ');
      log(`  round ${round + 1}/${rounds}: ok [${line('ok')}] failing [${line('failing')}]`);
    }
  } finally {
    for (const run of running) await run.browser.close().catch(() => {});
    for (const dir of Object.values(watchers)) await rm(dir, { recursive: true, force: true });
  }
  return { rounds, configs: CONFIGS, samples, recorded, dropped };
}

/** Per-round ratios of `config` against `baseline` (same round, same scenario): pairing cancels drift in load. */
export function pairedRatios(result: PageLoadResult, scenario: Scenario, config: ConfigId, baseline: ConfigId): number[] {
  const ratios: number[] = [];
  for (let round = 0; round < result.rounds; round++) {
    const of = (id: ConfigId) => result.samples.find((s) => s.round === round && s.config === id && s.scenario === scenario);
    const [measured, base] = [of(config), of(baseline)];
    if (measured && base) ratios.push(measured.done / base.done);
  }
  return ratios;
}

/** Per-round ratios of total CPU per load, paired like pairedRatios: far less disturbed by other jobs than time. */
export function pairedCpuRatios(result: PageLoadResult, scenario: Scenario, config: ConfigId, baseline: ConfigId): number[] {
  const total = (sample: LoadSample | undefined) => (sample?.cpu ? Object.values(sample.cpu).reduce((sum, value) => sum + value, 0) : undefined);
  const ratios: number[] = [];
  for (let round = 0; round < result.rounds; round++) {
    const of = (id: ConfigId) => total(result.samples.find((s) => s.round === round && s.config === id && s.scenario === scenario));
    const [measured, base] = [of(config), of(baseline)];
    if (measured !== undefined && base) ratios.push(measured / base);
  }
  return ratios;
}

export function loadTimes(result: PageLoadResult, scenario: Scenario, config: ConfigId): Spread {
  return spread(result.samples.filter((s) => s.config === config && s.scenario === scenario).map((s) => s.done));
}

export function eventsPerLoad(result: PageLoadResult, scenario: Scenario, config: ConfigId): number | undefined {
  const counts = result.samples.filter((s) => s.config === config && s.scenario === scenario && s.events !== undefined).map((s) => s.events!);
  return counts.length ? spread(counts).median : undefined;
}

/** Median CPU ms per load of each process kind, or undefined without /proc. */
export function cpuPerLoad(result: PageLoadResult, scenario: Scenario, config: ConfigId): CpuByKind | undefined {
  const readings = result.samples.filter((s) => s.config === config && s.scenario === scenario && s.cpu).map((s) => s.cpu!);
  if (readings.length === 0) return undefined;
  const kinds = Object.keys(readings[0]!) as (keyof CpuByKind)[];
  return Object.fromEntries(kinds.map((kind) => [kind, spread(readings.map((cpu) => cpu[kind])).median])) as CpuByKind;
}

/** Median total CPU ms per load across all of the browser's processes. */
export function totalCpuPerLoad(result: PageLoadResult, scenario: Scenario, config: ConfigId): number | undefined {
  const totals = result.samples
    .filter((s) => s.config === config && s.scenario === scenario && s.cpu)
    .map((s) => Object.values(s.cpu!).reduce((sum, value) => sum + value, 0));
  return totals.length ? spread(totals).median : undefined;
}
