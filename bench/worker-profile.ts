// Where Gatewhy's service worker spends its CPU while the failure-heavy page loads (watch-everything on): V8's
// sampling profiler over CDP, self and total time per function, named by the source maps of a build made for it.
// `npx tsx bench/worker-profile.ts [loads]`. A diagnosis, not a measurement: the profiler slows what it watches.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import puppeteer, { type Protocol } from 'puppeteer-core';
import { SourceMapConsumer } from 'source-map-js';
import { CHROMIUM, CHROMIUM_FLAGS, extensionFlags, settingField } from './browser';
import { startSite } from './site';

const loads = Number(process.argv[2] ?? 8);
const out = mkdtempSync(path.join(os.tmpdir(), 'gatewhy-worker-profile-'));
const dir = path.join(out, 'chrome-mv3');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** "explainResponse utils/explain/explain-response.ts:243" for a frame of background.js; the browser's own as V8 names them. */
function namer(): (frame: Protocol.Runtime.CallFrame) => string {
  const map = new SourceMapConsumer(JSON.parse(readFileSync(path.join(dir, 'background.js.map'), 'utf8')));
  return ({ functionName, url, lineNumber, columnNumber }) => {
    if (!url.endsWith('/background.js')) return `${functionName || '(anonymous)'} ${url ? url.split('/').at(-1) : '(browser)'}`;
    const at = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    const source = at.source ? path.relative(process.cwd(), path.resolve(dir, at.source)) : 'background.js';
    return `${at.name ?? (functionName || '(anonymous)')} ${source}:${at.line ?? lineNumber + 1}`;
  };
}

function report(profile: Protocol.Profiler.Profile): void {
  const name = namer();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  (profile.samples ?? []).forEach((sample, index) => {
    const us = profile.timeDeltas?.[index] ?? 0;
    add(self, name(byId.get(sample)!.callFrame), us);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const key = name(byId.get(id)!.callFrame);
      if (!seen.has(key)) add(total, key, us);
      seen.add(key);
    }
  });
  const idle = self.get('(idle) (browser)') ?? 0;
  const busy = [...self.values()].reduce((sum, us) => sum + us, 0) - idle;
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .filter(([key]) => !/^\((idle|root|program)\)/.test(key))
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, us]) => `${(us / 1000 / loads).toFixed(1).padStart(7)} ms/load  ${key}`);
  console.log(`Busy ${(busy / 1000 / loads).toFixed(0)} ms per load, over ${loads} loads.\n\nSelf time:\n${top(self, 20).join('\n')}`);
  console.log(`\nTotal time (with what it calls):\n${top(total, 30).join('\n')}`);
}

const site = await startSite();
try {
  const build = spawnSync(path.resolve('node_modules/.bin/tsx'), ['bench/build-with-sourcemaps.ts', out], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build with source maps failed: ${build.stderr || build.stdout}`);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...extensionFlags([dir]), ...CHROMIUM_FLAGS],
  });
  try {
    const worker = await browser.waitForTarget((target) => target.type() === 'service_worker');
    await pause(1500); // its listeners are added as its script runs
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
    await (await page.waitForSelector(settingField('watchAllRequests')))!.click();
    await pause(1000);
    const load = async (token: string) => {
      await page.goto(site.heavyUrl(token, 'failing'), { waitUntil: 'load' });
      await pause(1500); // the burst is stored a second after it began
    };
    // Two loads first: the worker's first failure reads its knowledge files and compiles the catalogue.
    for (const token of ['warm-1', 'warm-2']) await load(token);
    const session = await worker.createCDPSession();
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
    for (let index = 0; index < loads; index++) await load(`profiled-${index}`);
    report((await session.send('Profiler.stop')).profile);
  } finally {
    await browser.close();
  }
} finally {
  await site.close();
  rmSync(out, { recursive: true, force: true });
}
