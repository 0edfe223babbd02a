// `npm run bench`: builds the Chrome extension, runs every benchmark and writes BENCHMARKS.md at the repo root.
// Options: --rounds N (page loads, default 20), --openings N (popup, default 20), --only engine,size,page-load,popup
// (prints results and writes a report only with --out), --out FILE, --no-build (measure the existing .output),
// --from RAW.json (no measuring: render the report again from a run's raw results).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countApiCalls } from './api-calls';
import { benchEngine } from './engine';
import { describeMachine } from './machine';
import { benchPageLoad } from './page-load';
import { benchPopup } from './popup';
import { renderReport, type BenchRun } from './report';
import { measureSizes } from './size';
import { startSite } from './site';

const PARTS = ['size', 'engine', 'page-load', 'popup'] as const;
type Part = (typeof PARTS)[number];

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

function build(): void {
  log('building the Chrome extension (wxt build)…');
  const result = spawnSync(path.resolve('node_modules/.bin/wxt'), ['build'], { encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}\n${result.stderr}`);
    throw new Error('wxt build failed; fix the build, or measure the existing .output with --no-build');
  }
}

/** A private copy of the build: someone rebuilding .output during the run must not change what is measured. */
function snapshotBuild(): string {
  const source = path.resolve('.output/chrome-mv3');
  if (!existsSync(path.join(source, 'manifest.json'))) throw new Error(`${source} has no build; run without --no-build`);
  const copy = mkdtempSync(path.join(os.tmpdir(), 'gatewhy-bench-build-'));
  cpSync(source, copy, { recursive: true });
  return copy;
}

const minutes = (ms: number) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '20' },
      openings: { type: 'string', default: '20' },
      only: { type: 'string' },
      out: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      from: { type: 'string' },
    },
  });
  if (values.from) {
    const out = values.out ?? 'BENCHMARKS.md';
    writeFileSync(out, renderReport(JSON.parse(readFileSync(values.from, 'utf8')) as BenchRun));
    return log(`wrote ${out} from ${values.from}`);
  }
  const only = values.only?.split(',').map((part) => part.trim()) as Part[] | undefined;
  const unknown = only?.filter((part) => !PARTS.includes(part));
  if (unknown?.length) throw new Error(`unknown part(s): ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  const wanted = (part: Part) => !only || only.includes(part);
  const out = values.out ?? (only ? undefined : 'BENCHMARKS.md');
  const rounds = Number(values.rounds);
  const openings = Number(values.openings);

  await holdLock(LOCK_FILE);
  const started = Date.now();
  const run: BenchRun = { date: new Date(started).toISOString(), machine: describeMachine(), rounds, loadAverage: { start: os.loadavg() } };
  if (!values['no-build']) build();
  const dir = snapshotBuild();
  const site = await startSite();
  try {
    // Engine and sizes first, while no browser competes for the cores.
    const sizes = measureSizes(dir);
    if (wanted('size')) run.sizes = sizes;
    if (wanted('engine')) {
      log('engine: explanations per second on the fixtures, and hostile inputs…');
      run.engine = await benchEngine();
    }
    if (wanted('page-load')) {
      log(`page load: ${rounds} interleaved rounds…`);
      run.pageLoad = await benchPageLoad({ site, gatewhyDir: dir, rounds, log });
      log('page load: counting the extension API calls Gatewhy makes per load (untimed)…');
      run.apiCalls = await countApiCalls({ site, gatewhyDir: dir });
    }
    if (wanted('popup')) {
      log(`popup: ${openings} openings on a tab with 50 errors…`);
      const lazyChunks = sizes.bundles.find((bundle) => bundle.name === 'popup')?.lazyEntries ?? [];
      run.popup = await benchPopup({ site, gatewhyDir: dir, openings, lazyChunks });
    }
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
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
  log(`raw results: ${raw}`);
  log(`done in ${minutes(run.durationMs)}`);
}

main().catch((error: unknown) => {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
