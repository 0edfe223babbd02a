// Renders one benchmark run as BENCHMARKS.md: machine, targets with PASS/MISS and why, then each benchmark's detail.
import type { EngineResult } from './engine';
import type { Machine } from './machine';
import { CONFIGS, eventsPerLoad, loadTimes, pairedRatios, type ConfigId, type PageLoadResult, type Scenario } from './page-load';
import type { OpeningSeries, PopupResult } from './popup';
import { FAILING_COUNT, SUBRESOURCES, SUBRESOURCE_COUNT } from './site';
import type { SizeResult } from './size';
import { spread, type Spread } from './stats';

export interface BenchRun {
  date: string;
  machine: Machine;
  rounds: number;
  /** os.loadavg() when the run started and ended: other work on the machine shows here. */
  loadAverage: { start: number[]; end?: number[] };
  durationMs?: number;
  sizes?: SizeResult;
  engine?: EngineResult;
  pageLoad?: PageLoadResult;
  popup?: PopupResult;
}

/** The targets from the benchmark issue, all on medians. */
export const TARGETS = {
  defaultOverhead: 1.05,
  watchAllOverFloor: 1.03,
  popupHeadlineMs: 150,
  popupJsGzipBytes: 40_000,
  enginePerSecond: 20_000,
};

const ratio = (value: number) => `${value.toFixed(3)}×`;
const ms = (value: number, digits = 0) => `${value.toFixed(digits)} ms`;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
const iqr = (s: Spread, format: (value: number) => string) => `${format(s.q1)} – ${format(s.q3)}`;
const range = (s: Spread, format: (value: number) => string) => `${format(s.min)} – ${format(s.max)}`;
const verdict = (pass: boolean) => (pass ? '**PASS**' : '**MISS**');
const SCENARIO_TITLES: Record<Scenario, string> = {
  ok: `${SUBRESOURCE_COUNT} subresources, all 200`,
  failing: `${SUBRESOURCE_COUNT} subresources, ${FAILING_COUNT} of them (10 %) nginx 502s`,
};
const label = (id: ConfigId) => CONFIGS.find((config) => config.id === id)!.label;

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

interface TargetRow {
  what: string;
  target: string;
  measured: string;
  pass: boolean;
  /** Why it missed, from this run's diagnostics. */
  why?: string;
}

// ---- Page load ----------------------------------------------------------------------------------------------------

function ratioSpread(result: PageLoadResult, scenario: Scenario, config: ConfigId, baseline: ConfigId): Spread {
  return spread(pairedRatios(result, scenario, config, baseline));
}

function whyDefaultMissed(result: PageLoadResult, scenario: Scenario): string {
  const floor = ratioSpread(result, scenario, 'listener-default', 'none').median;
  const handler = ratioSpread(result, scenario, 'gatewhy', 'listener-default').median;
  const events = eventsPerLoad(result, scenario, 'listener-default');
  const parts = [
    `An empty listener on the same request types as Gatewhy's default (${events ?? '?'} onCompleted events per load: the page, its frames and its ${SUBRESOURCES.fetch} fetches) already costs ${ratio(floor)}; Gatewhy's handler adds ${ratio(handler)} on top of that floor.`,
  ];
  if (floor - 1 > (handler - 1) * 2) {
    parts.push('Most of the overhead is Chromium delivering webRequest events to an extension at all (IPC to the service worker on 2 busy cores), not Gatewhy\'s code: only subscribing to fewer events would cut it.');
  } else {
    parts.push("Gatewhy's own work per event is the larger part: see \"Why\" under Page load for what it does per event and what could be cut.");
  }
  return parts.join(' ');
}

function whyWatchAllMissed(result: PageLoadResult, scenario: Scenario): string {
  const events = eventsPerLoad(result, scenario, 'listener-all');
  const recorded = result.recorded['gatewhy-all'];
  const base = `The floor and Gatewhy both receive ${events ?? '?'} events per load; the difference is Gatewhy's handler.`;
  if (scenario === 'failing') {
    return `${base} On this page ${FAILING_COUNT} of them are 502s, and each one is explained, stored in the tab's record and in history, and re-badged (Gatewhy recorded ${recorded?.failures ?? '?'} failures for the warm-up load): several storage round trips per failure, on the same 2 cores that load the page.`;
  }
  return `${base} For a 200 the handler returns after one comparison, so the remaining gap is the per-event cost of running any JavaScript in the worker (waking the handler, the guarded() wrapper and its promise).`;
}

function pageLoadTargets(result: PageLoadResult): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const scenario of ['ok', 'failing'] as const) {
    const gatewhy = ratioSpread(result, scenario, 'gatewhy', 'none');
    const pass = gatewhy.median <= TARGETS.defaultOverhead;
    rows.push({
      what: `Page load, Gatewhy default settings, ${SCENARIO_TITLES[scenario]}`,
      target: `≤ ${ratio(TARGETS.defaultOverhead)} no extension`,
      measured: `${ratio(gatewhy.median)} (IQR ${iqr(gatewhy, ratio)})`,
      pass,
      ...(!pass && { why: whyDefaultMissed(result, scenario) }),
    });
  }
  for (const scenario of ['ok', 'failing'] as const) {
    const all = ratioSpread(result, scenario, 'gatewhy-all', 'listener-all');
    const pass = all.median <= TARGETS.watchAllOverFloor;
    rows.push({
      what: `Page load, Gatewhy watching everything, ${SCENARIO_TITLES[scenario]}`,
      target: `≤ ${ratio(TARGETS.watchAllOverFloor)} the empty-listener floor`,
      measured: `${ratio(all.median)} (IQR ${iqr(all, ratio)})`,
      pass,
      ...(!pass && { why: whyWatchAllMissed(result, scenario) }),
    });
  }
  return rows;
}

function pageLoadSection(result: PageLoadResult): string {
  const lines = [
    '## Page load in Chromium',
    '',
    `A local page (keep-alive HTTP/1.1 on 127.0.0.1) with ${SUBRESOURCE_COUNT} subresources: ${SUBRESOURCES.image} images, ${SUBRESOURCES.script} scripts, ${SUBRESOURCES.stylesheet} stylesheets and ${SUBRESOURCES.fetch} fetch() calls. The failing variant answers every 10th subresource of each kind with nginx 1.22's own 502 page and headers.`,
    '',
    '- **Measure:** the page\'s own clock. `done` = the later of `PerformanceNavigationTiming.loadEventEnd` and the moment all fetch() calls settled (the load event does not wait for fetch, and the fetches are the requests Gatewhy watches by default), in ms since navigation start. Nothing outside the page (Playwright, process start) is in it.',
    `- **Interleaving:** ${result.rounds} rounds. In each round every configuration loads each page once; the order of configurations rotates by one every round and the two pages alternate, so no configuration always runs first or after the same neighbour.`,
    '- **Browsers:** one Chromium per configuration, each with a fresh profile, launched once for the whole run and kept open; each gets 3 warm-up loads first (not counted). Launching per round was measured and rejected: the first load after a launch was ~50 % slower and launches took more time than the loads, so per-round noise would have been dominated by start-up, not by the extension. Keeping the browsers means each round compares all configurations within seconds of each other on a shared machine.',
    '- **Cache:** every response is `Cache-Control: no-store` and every URL carries a token unique to its load, so each load fetches all 301 resources from the network and every request reaches the webRequest listeners. The only state carried between loads is the extensions\' own (Gatewhy\'s history fills up to its cap, as in a long-running browser).',
    '- **Pause:** 250 ms after every load in every configuration, so Gatewhy\'s storage writes for the previous page are done before the next load starts.',
    '- **Ratios:** per round, each configuration\'s time over the baseline\'s in the same round and page; the tables give the median of those ratios with their interquartile range and min–max.',
    '- **Configurations:** no extension (Playwright\'s `--disable-extensions` removed, so the extension system is on in every configuration); a generated MV3 extension whose only code is an empty `webRequest.onCompleted` listener with `[\'responseHeaders\']` on all types (the floor of any status watcher); Gatewhy as built (`.output/chrome-mv3`) with default settings; Gatewhy with `watchAllRequests: true` written to `storage.sync` before loading; and, as a diagnostic, the empty listener on Gatewhy\'s default types only (main_frame, sub_frame, xmlhttprequest).',
    '',
  ];
  for (const scenario of ['ok', 'failing'] as const) {
    lines.push(`### ${SCENARIO_TITLES[scenario]}`, '');
    const rows = CONFIGS.map(({ id }) => {
      const times = loadTimes(result, scenario, id);
      const vsNone = id === 'none' ? undefined : ratioSpread(result, scenario, id, 'none');
      const events = id.startsWith('listener') ? eventsPerLoad(result, scenario, id) : undefined;
      const eventsCell = events !== undefined ? String(events) : id === 'gatewhy' ? 'as the default-types listener' : id === 'gatewhy-all' ? 'as the all-types listener' : '–';
      return [label(id), ms(times.median), vsNone ? ratio(vsNone.median) : '1 (baseline)', vsNone ? iqr(vsNone, ratio) : '–', vsNone ? range(vsNone, ratio) : '–', eventsCell];
    });
    lines.push(table(['Configuration', 'Median load', 'vs no extension (median)', 'IQR', 'min – max', 'onCompleted events per load'], rows), '');
    const pairs: [string, ConfigId, ConfigId][] = [
      ['Gatewhy watching everything vs the all-types floor', 'gatewhy-all', 'listener-all'],
      ["Gatewhy default vs the empty listener on the same types (Gatewhy's own handler)", 'gatewhy', 'listener-default'],
      ['Default-types floor vs no extension (receiving events at all)', 'listener-default', 'none'],
    ];
    lines.push(
      table(
        ['Comparison', 'median', 'IQR', 'min – max'],
        pairs.map(([what, config, baseline]) => {
          const s = ratioSpread(result, scenario, config, baseline);
          return [what, ratio(s.median), iqr(s, ratio), range(s, ratio)];
        }),
      ),
      '',
    );
  }
  const recorded = Object.entries(result.recorded).map(
    ([id, { failures, types }]) => `${label(id as ConfigId)}: ${failures} (${Object.entries(types).map(([type, count]) => `${count} ${type}`).join(', ')})`,
  );
  lines.push(`Failures Gatewhy recorded for one load of the failing page (checks that each setting took effect): ${recorded.join('; ')}.`, '');
  if (result.dropped.length) lines.push(`Loads left out after an error: ${result.dropped.join('; ')}.`, '');
  return lines.join('\n');
}

// ---- Engine -------------------------------------------------------------------------------------------------------

function engineTargets(engine: EngineResult): TargetRow[] {
  const pass = engine.explain.perSecond >= TARGETS.enginePerSecond;
  const top = engine.hotSpots.slice(0, 3).map(({ where, selfShare }) => `${where} ${Math.round(selfShare * 100)} %`);
  return [
    {
      what: `Engine, explainResponse on ${engine.fixtures - engine.unparsed} captured fixtures (parsed once), one core`,
      target: `≥ ${perSecond(TARGETS.enginePerSecond)}`,
      measured: `${perSecond(engine.explain.perSecond)} (samples ${perSecond(Math.min(...engine.explain.samples))} – ${perSecond(Math.max(...engine.explain.samples))})`,
      pass,
      ...(!pass && {
        why: `The profile's top self time: ${top.join(', ')}. Every response is tested against every gateway's fingerprint markers and every body clue, each a substring search over the folded body (up to 64 KB); without a body (what webRequest gives for subresources) the engine does ${perSecond(engine.explainHeadersOnly.perSecond)}. An index of markers by header name and one multi-pattern pass over the body (instead of one includes() per marker) would cut most of it.`,
      }),
    },
  ];
}

function engineSection(engine: EngineResult): string {
  const throughput = (name: string, t: EngineResult['explain']) => {
    const s = spread(t.samples);
    return [name, perSecond(t.perSecond), range(s, perSecond), `${(1000 / t.perSecond).toFixed(3)} ms`];
  };
  return [
    '## Engine',
    '',
    `Node ${process.version}, one thread. The ${engine.fixtures} fixtures in test/fixtures/responses (${engine.unparsed} unparseable on purpose, left out) are parsed once; then explainResponse runs over all of them in a loop. Each figure is the median of 7 samples of ≥ 0.4 s after a 0.4 s warm-up.`,
    '',
    table(
      ['Loop', 'median', 'min – max of samples', 'per response'],
      [
        throughput('explainResponse, captured response with its body', engine.explain),
        throughput('explainResponse, status and headers only (a subresource as webRequest reports it)', engine.explainHeadersOnly),
        throughput('parseHttpResponse + explainResponse from the raw text (the CLI path)', engine.parseAndExplain),
      ],
    ),
    '',
    '### Hostile inputs',
    '',
    'Median of 9 runs after one untimed run; "near-markers" are every marker string the vendor files test for, minus its last character, so each substring search runs almost to the end before failing.',
    '',
    table(
      ['Input', 'size', 'explainResponse (median / max)', 'parse + explain (median / max)'],
      engine.hostile.map((one) => [one.name, `${(one.inputChars / 1e6).toFixed(2)} M chars`, `${ms(one.explainMs.median, 2)} / ${ms(one.explainMs.max, 2)}`, `${ms(one.parseAndExplainMs.median, 2)} / ${ms(one.parseAndExplainMs.max, 2)}`]),
    ),
    '',
    '### Where the time goes (typical loop, V8 sampling profiler, self time)',
    '',
    table(['Function', 'self time'], engine.hotSpots.map(({ where, selfShare }) => [`\`${where}\``, `${(selfShare * 100).toFixed(1)} %`])),
    '',
  ].join('\n');
}

// ---- Popup --------------------------------------------------------------------------------------------------------

function popupTargets(popup: PopupResult, sizes: SizeResult | undefined): TargetRow[] {
  const rows: TargetRow[] = [];
  const headline = popup.errors.headline;
  const pass = headline.median <= TARGETS.popupHeadlineMs;
  const lazy = popup.lazyImports.reduce((sum, { ms: time }) => sum + time, 0);
  rows.push({
    what: 'Popup, opening popup.html?tabId=N to the headline in the DOM, tab with 50 recorded errors',
    target: `≤ ${ms(TARGETS.popupHeadlineMs)}`,
    measured: `${ms(headline.median)} (IQR ${iqr(headline, (v) => v.toFixed(0))} ms)`,
    pass,
    ...(!pass && {
      why: `Opening the popup on a tab with nothing to explain already takes ${ms(popup.clear.headline.median)} to its headline (DOMContentLoaded ${ms(popup.clear.domContentLoaded.median)}): the page's own eager modules. For the error tab the popup then waits for the engine chunk before it renders anything; importing it alone takes ${ms(lazy)} in a fresh popup page, and reading the 50-failure record (${(popup.recordRead.chars / 1000).toFixed(0)} k characters of JSON) from storage.session ${ms(popup.recordRead.ms, 1)}. The headline for a tab whose page loaded but whose requests failed needs no engine (each stored failure carries its summary), so rendering it before the engine arrives would save most of that wait.`,
    }),
  });
  const bundle = sizes?.bundles.find((one) => one.name === 'popup');
  if (bundle) {
    const total = bundle.js.gzip + bundle.lazyJs.gzip;
    const pass = total < TARGETS.popupJsGzipBytes;
    rows.push({
      what: 'Popup JavaScript, gzipped: loaded at open + loaded on demand to explain errors',
      target: `< ${kB(TARGETS.popupJsGzipBytes)}`,
      measured: `${kB(total)} (${kB(bundle.js.gzip)} at open + ${kB(bundle.lazyJs.gzip)} on demand)`,
      pass,
      ...(!pass && {
        why: `The popup's own code is ${kB(bundle.js.gzip)}; the rest is the engine it imports on demand (${bundle.lazyJs.files.map((file) => file.replace(/^chunks\//, '')).join(', ')}), most of it the gateway knowledge in utils/gateways and the header catalogue. Stored failures already carry the engine's summary, so the popup could show a tab's errors without the engine and import it only when the user opens one explanation; or the background could store the full explanation it computes anyway.`,
      }),
    });
  }
  return rows;
}

function popupSection(popup: PopupResult): string {
  const series = (name: string, s: OpeningSeries) => [
    [`${name}: headline in the DOM`, ms(s.headline.median), iqr(s.headline, (v) => v.toFixed(0)), range(s.headline, (v) => v.toFixed(0))],
    [`${name}: headline painted (next frame)`, ms(s.painted.median), iqr(s.painted, (v) => v.toFixed(0)), range(s.painted, (v) => v.toFixed(0))],
    [`${name}: DOM settled (last change before 500 ms of quiet)`, ms(s.settled.median), iqr(s.settled, (v) => v.toFixed(0)), range(s.settled, (v) => v.toFixed(0))],
    [`${name}: DOMContentLoaded`, ms(s.domContentLoaded.median), iqr(s.domContentLoaded, (v) => v.toFixed(0)), range(s.domContentLoaded, (v) => v.toFixed(0))],
  ];
  return [
    '## Popup',
    '',
    `Gatewhy in a fresh Chromium profile; a local page makes 50 fetch() calls that all get nginx 502s, and Gatewhy records ${popup.recorded} failures for its tab. Then \`popup.html?tabId=N\` is opened as a tab ${popup.errors.openings.length} times, each in a new page. An init script observes the DOM from document start and notes \`performance.now()\` (ms since the popup's navigation start) when the first element matching \`[data-testid="headline"], #headline, main h1\` has text. The popup said: "${popup.errors.openings[0]?.text ?? ''}" (state \`${popup.errors.openings[0]?.state ?? '–'}\`).`,
    '',
    table(['Measure', 'median', 'IQR (ms)', 'min – max (ms)'], [...series('50 errors', popup.errors), ...series('nothing recorded', popup.clear)]),
    '',
    `First opening (cold): ${ms(popup.errors.openings[0]?.headline ?? Number.NaN)} to the headline.`,
    '',
    'Where the time goes, measured on their own in a popup page:',
    '',
    ...popup.lazyImports.map(({ chunk, ms: time }) => `- \`import()\` of the on-demand chunk \`${chunk}\` (and what it imports): ${ms(time, 1)} (median of 5, each in a fresh page).`),
    `- Reading the 50-failure record from \`storage.session\`: ${ms(popup.recordRead.ms, 1)} (${popup.recordRead.chars.toLocaleString('en-US')} characters of JSON).`,
    '',
  ].join('\n');
}

// ---- Sizes --------------------------------------------------------------------------------------------------------

function sizeSection(sizes: SizeResult): string {
  const cell = (raw: number, gzip: number) => (raw ? `${kB(raw)} / ${kB(gzip)}` : '–');
  return [
    '## Bundle sizes',
    '',
    'From `.output/chrome-mv3`. "At open" is the entry and every module it imports statically; "on demand" is what it loads with `import()`, minus what is already loaded. Raw / gzip -9 of each file on its own (kB = 1000 bytes).',
    '',
    table(
      ['Bundle', 'Used as', 'JS at open', 'JS on demand', 'CSS'],
      sizes.bundles.map((bundle) => [bundle.name, bundle.role, cell(bundle.js.raw, bundle.js.gzip), cell(bundle.lazyJs.raw, bundle.lazyJs.gzip), cell(bundle.css.raw, bundle.css.gzip)]),
    ),
    '',
    `Whole build: ${sizes.total.files} files, ${kB(sizes.total.raw)} raw, ${kB(sizes.total.gzip)} gzipped file by file.`,
    '',
  ].join('\n');
}

// ---- Whole report -------------------------------------------------------------------------------------------------

export function renderReport(run: BenchRun): string {
  const targets = [
    ...(run.pageLoad ? pageLoadTargets(run.pageLoad) : []),
    ...(run.popup ? popupTargets(run.popup, run.sizes) : []),
    ...(run.engine ? engineTargets(run.engine) : []),
  ];
  const { machine } = run;
  const load = (values: number[] | undefined) => values?.map((value) => value.toFixed(2)).join(' / ') ?? '–';
  const misses = targets.filter((row) => !row.pass);
  return [
    '# Gatewhy benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${run.date.slice(0, 10)} at ${run.date.slice(11, 16)} UTC; the run took ${run.durationMs ? `${(run.durationMs / 60_000).toFixed(1)} min` : '–'}. Do not edit by hand: run it again. Raw numbers of every load are written to a JSON file in the temp directory (path printed at the end).`,
    '',
    '## Machine',
    '',
    table(
      ['', ''],
      [
        ['CPU', `${machine.cpu}, ${machine.cores} cores`],
        ['Memory', `${machine.memoryGiB} GiB`],
        ['OS', `${machine.os} (${machine.kernel})`],
        ['Node', machine.node],
        ['Browser', `${machine.chromium}, headless, with the flags of shared/toolchain.md`],
        ['Load average (1 / 5 / 15 min) at start and end', `${load(run.loadAverage.start)} → ${load(run.loadAverage.end)}`],
      ],
    ),
    '',
    'The machine is shared: other work ran during the run (see the load average), so absolute times are noisy. The page-load and popup figures are medians of ratios against a baseline measured in the same round, which cancels most of that; targets are judged on medians.',
    '',
    '## Targets',
    '',
    table(['What', 'Target', 'Measured (median)', 'Result'], targets.map((row) => [row.what, row.target, row.measured, verdict(row.pass)])),
    '',
    ...(misses.length
      ? ['### Why the misses', '', ...misses.map((row) => `- **${row.what}:** ${row.why}`), '']
      : ['Every target is met.', '']),
    run.pageLoad ? pageLoadSection(run.pageLoad) : '',
    run.popup ? popupSection(run.popup) : '',
    run.engine ? engineSection(run.engine) : '',
    run.sizes ? sizeSection(run.sizes) : '',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
