// `npm run bench`: builds the extension, runs every benchmark and writes BENCHMARKS.md and bench/results.json.
// Options: --rounds N (Chromium page-load rounds), --firefox-rounds N, --openings N (popup pairs), --cold-starts N
// (defaults in report.ts RUN_DEFAULTS), --only size,engine,page-load,firefox,cold-start,popup (prints the report
// and writes files only with --out/--json), --out FILE, --json FILE, --no-build (measure the existing .output),
// --from RAW.json (no measuring: render the report again from a run's raw results).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countApiCalls } from './api-calls';
import { benchChromiumPageLoad } from './chromium-page-load';
import { benchColdStart } from './cold-start';
import { benchEngine } from './engine';
import { benchFirefoxPageLoad, describeFirefoxBuild } from './firefox-page-load';
import { describeMachine } from './machine';
import { benchPopup } from './popup';
import { renderReport, renderResults, RUN_DEFAULTS, type BenchRun } from './report';
import { measureSizes } from './size';
import { backgroundBreakdown } from './size-breakdown';
import { startSite } from './site';

const PARTS = ['size', 'engine', 'page-load', 'firefox', 'cold-start', 'popup'] as const;
type Part = (typeof PARTS)[number];
/** The parts that start browsers, and so wait for the machine's browser lock. */
const BROWSER_PARTS: readonly Part[] = ['page-load', 'firefox', 'cold-start', 'popup'];

// Browser tests and timing runs on the shared 2-core machines take turns through this lock, so they never overlap.
// A caller that already holds it (flock LOCK npm run bench) sets GATEWHY_BROWSER_LOCK= so the run does not wait
// for itself.
const LOCK_FILE = process.env.GATEWHY_BROWSER_LOCK ?? '/tmp/gatewhy-browsers.lock';

const log = (line: string) => console.log(`[bench] ${line}`);

/** Holds the lock in a `flock` child until this process exits; without flock (not Linux), runs unlocked. */
async function holdLock(file: string): Promise<void> {
  if (!file) return;
  const holder = spawn('flock', [file, 'sh', '-c', 'echo locked; exec cat >/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting = setTimeout(() => log(`waiting for ${file}: another browser test or benchmark is running`), 1000);
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout.once('data', () => resolve());
      holder.once('error', reject);
      holder.once('exit', (code) => reject(new Error(`flock exited with ${code}`)));
    });
  } catch (error) {
    log(`running without ${file} (${(error as Error).message})`);
  } finally {
    clearTimeout(waiting);
  }
  // The lock goes when stdin closes, which also happens if this process dies.
  holder.unref();
  (holder.stdout as unknown as { unref(): void }).unref();
  (holder.stdin as unknown as { unref(): void }).unref();
}

function build(args: string[], what: string): void {
  log(`building ${what} (wxt build ${args.join(' ')})…`);
  const result = spawnSync(path.resolve('node_modules/.bin/wxt'), ['build', ...args], { encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}\n${result.stderr}`);
    throw new Error('wxt build failed; fix the build, or measure the existing .output with --no-build');
  }
}

/** A private copy of a build: someone rebuilding .output during the run must not change what is measured. */
function snapshotBuild(name: string): string {
  const source = path.resolve('.output', name);
  if (!existsSync(path.join(source, 'manifest.json'))) throw new Error(`${source} has no build; run without --no-build`);
  const copy = mkdtempSync(path.join(os.tmpdir(), `gatewhy-bench-build-${name}-`));
  cpSync(source, copy, { recursive: true });
  return copy;
}

/** The commit measured, and whether the work tree had changes on top of it (then the figures are of those). */
function describeCommit(): BenchRun['commit'] {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const changes = git('status', '--porcelain').split('\n').filter(Boolean);
    return { hash: git('rev-parse', 'HEAD'), dirty: changes.length > 0, changes: changes.slice(0, 20) };
  } catch {
    return { hash: 'unknown', dirty: false, changes: [] };
  }
}

const minutes = (ms: number) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: String(RUN_DEFAULTS.rounds) },
      'firefox-rounds': { type: 'string', default: String(RUN_DEFAULTS.firefoxRounds) },
      openings: { type: 'string', default: String(RUN_DEFAULTS.openings) },
      'cold-starts': { type: 'string', default: String(RUN_DEFAULTS.coldStarts) },
      only: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      from: { type: 'string' },
    },
  });
  if (values.from) {
    const run = JSON.parse(readFileSync(values.from, 'utf8')) as BenchRun;
    const out = values.out ?? 'BENCHMARKS.md';
    const json = values.json ?? (values.out ? undefined : 'bench/results.json');
    writeFileSync(out, renderReport(run));
    if (json) writeFileSync(json, `${JSON.stringify(renderResults(run), null, 2)}\n`);
    return log(`wrote ${[out, json].filter(Boolean).join(' and ')} from ${values.from}`);
  }
  const only = values.only?.split(',').map((part) => part.trim()) as Part[] | undefined;
  const unknown = only?.filter((part) => !PARTS.includes(part));
  if (unknown?.length) throw new Error(`unknown part(s): ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  const wanted = (part: Part) => !only || only.includes(part);
  const out = values.out ?? (only ? undefined : 'BENCHMARKS.md');
  const json = values.json ?? (only ? undefined : 'bench/results.json');
  const count = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 2) throw new Error(`--${name} needs a whole number of at least 2`);
    return value;
  };
  const rounds = count('rounds');
  const firefoxRounds = count('firefox-rounds');
  const openings = count('openings');
  const coldStarts = count('cold-starts');

  if (BROWSER_PARTS.some(wanted)) await holdLock(LOCK_FILE);
  const started = Date.now();
  const run: BenchRun = {
    date: new Date(started).toISOString(),
    commit: describeCommit(),
    machine: describeMachine(),
    rounds,
    loadAverage: { start: os.loadavg() },
  };
  if (!values['no-build']) {
    build([], 'the Chrome extension');
    if (wanted('firefox')) build(['-b', 'firefox', '--mv3'], 'the Firefox MV3 extension');
  }
  const dir = snapshotBuild('chrome-mv3');
  const firefoxDir = wanted('firefox') ? snapshotBuild('firefox-mv3') : undefined;
  const site = await startSite();
  try {
    // Engine and sizes first, while no browser competes for the cores.
    const sizes = measureSizes(dir);
    if (wanted('size')) {
      log('size: bundles, and what background.js is made of (a second build, with source maps)…');
      run.sizes = sizes;
      run.backgroundBreakdown = backgroundBreakdown();
    }
    if (wanted('engine')) {
      log('engine: explanations per second on the fixtures, hostile inputs, query strings…');
      run.engine = await benchEngine();
    }
    if (wanted('page-load')) {
      log(`page load in Chromium: ${rounds} interleaved rounds…`);
      run.pageLoad = await benchChromiumPageLoad({ site, gatewhyDir: dir, rounds, log });
      log('page load: counting the extension API calls Gatewhy makes per load (untimed)…');
      run.apiCalls = await countApiCalls({ site, gatewhyDir: dir });
    }
    if (wanted('firefox')) {
      log(`page load in Firefox: ${firefoxRounds} interleaved rounds…`);
      run.firefox = await benchFirefoxPageLoad({ site, build: await describeFirefoxBuild(firefoxDir!), rounds: firefoxRounds, log });
    }
    if (wanted('cold-start')) {
      log(`cold start: ${coldStarts} pairs of service worker starts…`);
      run.coldStart = await benchColdStart({ site, gatewhyDir: dir, trials: coldStarts, log });
    }
    if (wanted('popup')) {
      log(`popup: ${openings} pairs of openings on a tab with 50 errors…`);
      const lazyChunks = sizes.bundles.find((bundle) => bundle.name === 'popup')?.lazyEntries ?? [];
      run.popup = await benchPopup({ site, gatewhyDir: dir, openings, lazyChunks });
    }
  } finally {
    await site.close();
    for (const copy of [dir, firefoxDir]) if (copy) rmSync(copy, { recursive: true, force: true });
  }
  run.durationMs = Date.now() - started;
  run.loadAverage.end = os.loadavg();

  const raw = path.join(os.tmpdir(), `gatewhy-bench-${run.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(raw, JSON.stringify(run, null, 2));
  const report = renderReport(run);
  if (out) {
    writeFileSync(out, report);
    log(`wrote ${out}`);
  } else console.log(report);
  if (json) {
    writeFileSync(json, `${JSON.stringify(renderResults(run), null, 2)}\n`);
    log(`wrote ${json}`);
  }
  log(`raw results: ${raw}`);
  log(`done in ${minutes(run.durationMs)}`);
}

main().catch((error: unknown) => {
  console.error(`✗ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
