// Page-load overhead: the 300-subresource pages loaded in interleaved rounds by one browser per configuration.
// The rounds, pauses and statistics here are shared by the Chromium and the Firefox benchmarks.
import { browserCpu, cpuDelta, totalCpu, type CpuByKind } from './process-cpu';
import { FAILING_COUNT, SUBRESOURCE_COUNT, type BenchSite, type Scenario } from './site';
import { spread, type Spread } from './stats';

export interface Config {
  id: string;
  label: string;
  /** Only there to explain the others' numbers. */
  diagnostic?: boolean;
}

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
  config: string;
  scenario: Scenario;
  /** onHeadersReceived events the listener-only extensions received for this load. */
  events?: number;
  /** CPU ms the browser's processes used from the start of this load to the end of the pause after it. */
  cpu?: CpuByKind;
  /** How long the pause after the load lasted, ms: longer while the browser is still busy. */
  settleMs?: number;
}

export interface PageLoadResult {
  browser: string;
  rounds: number;
  scenarios: readonly Scenario[];
  configs: readonly Config[];
  samples: LoadSample[];
  /** What each configuration showed after a warm-up load of the failing page: proves each setting took effect. */
  checks: Record<string, string>;
  /** Loads that failed (timeouts) and were left out. */
  dropped: string[];
}

/** One configuration's browser, kept open for the whole run. */
export interface RunningConfig {
  config: Config;
  /** Its profile directory, which names its processes for the CPU count. */
  profileDir: string;
  /** Navigates its tab to `url` and returns what the page measured. */
  load(url: string): Promise<PageTiming>;
  /** Reads the listener-only extension's event counter. */
  events?(): Promise<number>;
  close(): Promise<void>;
}

const SETTLE_MS = 250;
const QUIET_WINDOW_MS = 100;
/** Less CPU than this in one window, summed over the browser's processes, counts as idle (10 ms ticks on Linux). */
const QUIET_CPU_MS = 15;
const MAX_SETTLE_MS = 3000;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits after a load until the browser is idle: Gatewhy may still be storing a page's failures after its load
 * event, and that work must neither spill into the next configuration's load nor escape this one's CPU count.
 * The same rule follows every load in every configuration.
 */
export async function settle(profileDir: string): Promise<number> {
  const started = performance.now();
  await sleep(SETTLE_MS);
  let previous = browserCpu(profileDir);
  if (!previous) return performance.now() - started;
  for (let waited = SETTLE_MS; waited < MAX_SETTLE_MS; waited += QUIET_WINDOW_MS) {
    await sleep(QUIET_WINDOW_MS);
    const now = browserCpu(profileDir);
    if (!now || totalCpu(now) - totalCpu(previous) < QUIET_CPU_MS) break;
    previous = now;
  }
  return performance.now() - started;
}

/**
 * Proves a Gatewhy configuration is what it claims from its badge after each warm-up load of the failing page: with
 * default settings it counts the failed API calls, watching everything it counts more than half of all failures
 * (the images, scripts and styles too). The first load after the background woke up may count fewer, when a
 * listener is added only once the settings are read (issue 14 part 5): that is reported, not hidden.
 */
export function badgeCheck(browser: string, watchesEverything: boolean, badges: string[]): string {
  const counts = badges.map(Number);
  const best = Math.max(0, ...counts.filter(Number.isFinite));
  if (watchesEverything && !(best > FAILING_COUNT / 2))
    throw new Error(
      `${browser}: watch everything did not take effect: the badge said ${badges.map((badge) => `"${badge}"`).join(', ')} for a page with ${FAILING_COUNT} failing subresources`,
    );
  if (!(best > 0))
    throw new Error(`${browser}: Gatewhy recorded nothing: the badge said ${badges.map((badge) => `"${badge}"`).join(', ')} for a page with failing API calls`);
  return `badge ${badges.map((badge) => `"${badge}"`).join(' then ')} after ${badges.length === 1 ? 'a warm-up load' : `${badges.length} warm-up loads`} of the failing page`;
}

/** The page the benchmark loads reports its own timing in window.benchDone (bench/site.ts). */
export const READ_TIMING = '(window.benchDone)';

export interface RoundsOptions {
  site: BenchSite;
  rounds: number;
  scenarios: readonly Scenario[];
  log: (line: string) => void;
}

/**
 * Every round, every configuration loads every page once. The order rotates by one each round and is reversed every
 * other round, and the pages take turns going first, so no configuration always runs first or after the same
 * neighbour. Configurations compared with each other are listed next to each other, so most of their loads in a
 * round are seconds apart, on a machine whose load drifts.
 */
export async function interleavedRounds(
  running: RunningConfig[],
  { site, rounds, scenarios, log }: RoundsOptions,
): Promise<{ samples: LoadSample[]; dropped: string[] }> {
  const samples: LoadSample[] = [];
  const dropped: string[] = [];
  let loads = 0;
  for (let round = 0; round < rounds; round++) {
    const rotated = [...running.slice(round % running.length), ...running.slice(0, round % running.length)];
    const order = round % 2 === 0 ? rotated : rotated.reverse();
    const pages = [...scenarios.slice(round % scenarios.length), ...scenarios.slice(0, round % scenarios.length)];
    for (const scenario of pages) {
      for (const run of order) {
        const before = await run.events?.();
        const cpuBefore = browserCpu(run.profileDir);
        try {
          const timing = await run.load(site.heavyUrl(`${run.config.id}-${loads++}`, scenario));
          const settleMs = await settle(run.profileDir);
          const cpuAfter = browserCpu(run.profileDir);
          const after = await run.events?.();
          // Firefox's resource timing lists a few resources twice, so only fewer than all is a problem.
          if (timing.resources < SUBRESOURCE_COUNT) log(`  warning: ${run.config.id} saw ${timing.resources} of ${SUBRESOURCE_COUNT} subresources`);
          samples.push({
            ...timing,
            round,
            config: run.config.id,
            scenario,
            settleMs,
            ...(after !== undefined && { events: after - before! }),
            ...(cpuBefore && cpuAfter && { cpu: cpuDelta(cpuAfter, cpuBefore) }),
          });
        } catch (error) {
          dropped.push(`round ${round + 1}, ${run.config.id}, ${scenario}: ${(error as Error).message.split('\n')[0]}`);
          await settle(run.profileDir);
        }
      }
    }
    const line = (scenario: Scenario) =>
      running
        .map(
          ({ config }) => `${config.id} ${samples.find((s) => s.round === round && s.config === config.id && s.scenario === scenario)?.done.toFixed(0) ?? '–'}`,
        )
        .join(', ');
    log(`  round ${round + 1}/${rounds}: ${scenarios.map((scenario) => `${scenario} [${line(scenario)}]`).join(' ')}`);
  }
  return { samples, dropped };
}

const sampleOf = (result: PageLoadResult, round: number, scenario: Scenario, config: string) =>
  result.samples.find((s) => s.round === round && s.config === config && s.scenario === scenario);

/** Per-round ratios of `config` against `baseline` (same round, same page): pairing cancels drift in load. */
export function pairedRatios(result: PageLoadResult, scenario: Scenario, config: string, baseline: string): number[] {
  const ratios: number[] = [];
  for (let round = 0; round < result.rounds; round++) {
    const [measured, base] = [sampleOf(result, round, scenario, config), sampleOf(result, round, scenario, baseline)];
    if (measured && base) ratios.push(measured.done / base.done);
  }
  return ratios;
}

/** Per-round ratios of total CPU per load, paired like pairedRatios: far less disturbed by other jobs than time. */
export function pairedCpuRatios(result: PageLoadResult, scenario: Scenario, config: string, baseline: string): number[] {
  const ratios: number[] = [];
  for (let round = 0; round < result.rounds; round++) {
    const [measured, base] = [sampleOf(result, round, scenario, config)?.cpu, sampleOf(result, round, scenario, baseline)?.cpu];
    if (measured && base && totalCpu(base) > 0) ratios.push(totalCpu(measured) / totalCpu(base));
  }
  return ratios;
}

export function loadTimes(result: PageLoadResult, scenario: Scenario, config: string): Spread {
  return spread(result.samples.filter((s) => s.config === config && s.scenario === scenario).map((s) => s.done));
}

export function eventsPerLoad(result: PageLoadResult, scenario: Scenario, config: string): number | undefined {
  const counts = result.samples.filter((s) => s.config === config && s.scenario === scenario && s.events !== undefined).map((s) => s.events!);
  return counts.length ? spread(counts).median : undefined;
}

/** Median CPU ms per load of each process kind, or undefined without /proc. */
export function cpuPerLoad(result: PageLoadResult, scenario: Scenario, config: string): CpuByKind | undefined {
  const readings = result.samples.filter((s) => s.config === config && s.scenario === scenario && s.cpu).map((s) => s.cpu!);
  if (readings.length === 0) return undefined;
  const kinds = Object.keys(readings[0]!) as (keyof CpuByKind)[];
  return Object.fromEntries(kinds.map((kind) => [kind, spread(readings.map((cpu) => cpu[kind])).median])) as CpuByKind;
}

/** Median total CPU ms per load across all of the browser's processes. */
export function totalCpuPerLoad(result: PageLoadResult, scenario: Scenario, config: string): number | undefined {
  const totals = result.samples.filter((s) => s.config === config && s.scenario === scenario && s.cpu).map((s) => totalCpu(s.cpu!));
  return totals.length ? spread(totals).median : undefined;
}
