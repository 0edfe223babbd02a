// Renders one benchmark run as BENCHMARKS.md and bench/results.json: the targets with verdicts that respect noise,
// why each one that is not a PASS is not, then each benchmark's detail.
import type { ApiCallsResult, CallCounts } from './api-calls';
import { CHROMIUM_CONFIGS } from './chromium-page-load';
import type { ColdStart, ColdStartResult } from './cold-start';
import { SAMPLES, SAMPLE_MS, type EngineResult, type ScalingCase } from './engine';
import type { FirefoxBuild } from './firefox-page-load';
import type { Machine } from './machine';
import { cpuPerLoad, eventsPerLoad, loadTimes, pairedCpuRatios, pairedRatios, totalCpuPerLoad, type PageLoadResult } from './page-load';
import { HEADLINE_SELECTOR, type CallSummary, type OpeningSeries, type PopupResult } from './popup';
import { PROCESS_KINDS } from './process-cpu';
import { SCENARIOS, SUBRESOURCES, SUBRESOURCE_COUNT, type Scenario } from './site';
import type { SizeResult } from './size';
import type { Breakdown } from './size-breakdown';
import { judge, judgeMedian, median, medianInterval, MIN_SAMPLES, spread, type Bound, type Judgement, type Spread } from './stats';

export interface BenchRun {
  date: string;
  /** The commit measured; `dirty` when the work tree had changes on top of it. */
  commit: { hash: string; dirty: boolean; changes: string[] };
  machine: Machine;
  rounds: number;
  /** os.loadavg() when the run started and ended: other work on the machine shows here. */
  loadAverage: { start: number[]; end?: number[] };
  durationMs?: number;
  sizes?: SizeResult;
  backgroundBreakdown?: Breakdown | { error: string };
  engine?: EngineResult;
  pageLoad?: PageLoadResult;
  apiCalls?: ApiCallsResult;
  firefox?: PageLoadResult & { build: FirefoxBuild };
  coldStart?: ColdStartResult;
  popup?: PopupResult;
}

/** How many of each sample a run takes unless told otherwise (bench/run.ts); sized for about 20 minutes here. */
export const RUN_DEFAULTS = { rounds: 12, firefoxRounds: 10, openings: 16, coldStarts: 12 };

/** The targets of the benchmark issues (9 and 14), and issue 13's for reading bodies in Firefox. */
export const TARGETS = {
  overContentBlocker: 1.03,
  overNoExtension: 1.05,
  watchAllOverFloor: 1.03,
  firefoxOverBlockingFloor: 1.02,
  popupOverBlankMs: 30,
  popupHeadlineMs: 150,
  popupJsGzipBytes: 40_000,
  backgroundJsBytes: 200_000,
  enginePerSecond: 20_000,
  /** Twice the text in at most this much more time: linear, with room for noise (quadratic would be 4×). */
  queryStringScaling: 2.5,
};

type Unit = 'ratio' | 'ms' | 'bytes' | 'per-second' | 'times';

const FORMAT: Record<Unit, (value: number) => string> = {
  ratio: (value) => `${value.toFixed(3)}×`,
  times: (value) => `${value.toFixed(2)}×`,
  ms: (value) => `${value.toFixed(0)} ms`,
  bytes: (value) => `${(value / 1000).toFixed(1)} kB`,
  'per-second': (value) => `${Math.round(value).toLocaleString('en-US')}/s`,
};
const ratio = FORMAT.ratio;
const ms = (value: number, digits = 0) => `${value.toFixed(digits)} ms`;
const kB = FORMAT.bytes;
const iqr = (s: Spread, format: (value: number) => string) => `${format(s.q1)} – ${format(s.q3)}`;
const range = (s: Spread, format: (value: number) => string) => `${format(s.min)} – ${format(s.max)}`;
const interval = ([low, high]: readonly [number, number], format: (value: number) => string) => `${format(low)} – ${format(high)}`;
const percent = (fraction: number) => `${fraction >= 0 ? '+' : ''}${Math.round(fraction * 100)} %`;

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

export interface TargetRow {
  /** Stable, for tools reading bench/results.json. */
  id: string;
  title: string;
  /** "≤ 1.030× the content blocker profile" */
  targetText: string;
  bound: Bound;
  unit: Unit;
  measured: number;
  ci: [number, number];
  /** How many samples the interval rests on, and what a sample is ("rounds", "pairs of openings"). */
  n: number;
  samples: string;
  judgement: Judgement;
  /** For page loads: the same comparison in CPU time per load (median of paired ratios). */
  cpu?: number;
  /** Why it is not a PASS, from this run's diagnostics. */
  why?: string;
}

/** A figure with no target yet, reported the same way (cold start). */
export type MeasureRow = Omit<TargetRow, 'bound' | 'targetText' | 'judgement' | 'why'>;

function target(row: Omit<TargetRow, 'judgement'>): TargetRow {
  return { ...row, judgement: judge(row.ci, row.measured, row.n, row.bound) };
}

/** "less noisy than" text for a row that cannot tell. */
function noiseNote(row: TargetRow): string {
  const format = FORMAT[row.unit];
  const needed = row.judgement.samplesNeeded;
  const would = needed === undefined ? '' : neededText(needed, row.samples);
  const head =
    row.n < MIN_SAMPLES
      ? `${row.n} ${row.samples} are too few for a 95 % interval of a median (at least ${MIN_SAMPLES} are needed)`
      : `The 95 % interval of the median (${interval(row.ci, format)}) contains the target (${format(row.bound.limit)}), so ${row.n} ${row.samples} cannot tell pass from miss`;
  return `${head}${would ? `: with the same spread, ${would} would` : needed === undefined ? '' : ': the median sits on the target'}.`;
}

/** Why the verdict is not a PASS as far as noise goes, then `why` from the run's diagnostics; a PASS needs nothing. */
function explained(row: TargetRow, why: (row: TargetRow) => string): TargetRow {
  if (row.judgement.verdict === 'PASS') return row;
  const noise =
    row.judgement.verdict === 'CANNOT TELL'
      ? noiseNote(row)
      : row.n > 1
        ? `The 95 % interval of the median (${interval(row.ci, FORMAT[row.unit])}) is clear of the target, so the miss is not noise.`
        : '';
  return { ...row, why: [noise, why(row)].filter(Boolean).join(' ') };
}

/** "about 45 rounds"; past 1000 the median is so close to the target that no affordable run would tell. */
const neededText = (needed: number, samples: string) =>
  !Number.isFinite(needed) ? undefined : needed > 1000 ? `more than 1000 ${samples}` : `about ${needed} ${samples}`;

function verdictCell({ judgement, samples }: TargetRow): string {
  if (judgement.verdict !== 'CANNOT TELL') return `**${judgement.verdict}**`;
  const needed = neededText(judgement.samplesNeeded!, samples);
  return `**CANNOT TELL** (${needed ? `${needed} needed` : 'the median is on the target'})`;
}

// ---- Page load (both browsers) ------------------------------------------------------------------------------------

const labelOf = (result: PageLoadResult, id: string) => result.configs.find((config) => config.id === id)?.label ?? id;

/** A page-load target: the median of paired per-round ratios of `config` over `baseline` on one page. */
function ratioTarget(
  result: PageLoadResult,
  scenario: Scenario,
  config: string,
  baseline: string,
  { id, title, limit, baselineName, why }: { id: string; title: string; limit: number; baselineName: string; why: (row: TargetRow) => string },
): TargetRow {
  const ratios = pairedRatios(result, scenario, config, baseline);
  const judged = judgeMedian(ratios, { limit, side: 'at-most' });
  const cpu = pairedCpuRatios(result, scenario, config, baseline);
  const row = target({
    id,
    title: `${title}, ${SCENARIOS[scenario].title}`,
    targetText: `≤ ${ratio(limit)} ${baselineName}`,
    bound: { limit, side: 'at-most' },
    unit: 'ratio',
    measured: judged.median,
    ci: judged.interval,
    n: judged.n,
    samples: 'rounds',
    ...(cpu.length && { cpu: median(cpu) }),
  });
  return explained(row, why);
}

/** "3215 ms (+7 %)" of total CPU per load, against `baseline`'s. */
function cpuVs(result: PageLoadResult, scenario: Scenario, config: string, baseline: string): string {
  const [value, base] = [totalCpuPerLoad(result, scenario, config), totalCpuPerLoad(result, scenario, baseline)];
  if (value === undefined || !base) return '?';
  return config === baseline ? ms(value) : `${ms(value)} (${percent(value / base - 1)})`;
}

const sumCalls = (counts: CallCounts | undefined) => Object.values(counts ?? {}).reduce((sum, count) => sum + count, 0);
const listCalls = (counts: CallCounts | undefined) =>
  Object.entries(counts ?? {})
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([call, count]) => `${call} ×${count}`)
    .join(', ');

function chromiumTargets(run: BenchRun): TargetRow[] {
  const result = run.pageLoad!;
  const rows: TargetRow[] = [];
  const callsNote = (setting: 'default' | 'all', scenario: Scenario) => {
    const calls = scenario === 'slow' ? undefined : run.apiCalls?.[setting].calls[scenario];
    return calls ? ` Gatewhy's background made ${sumCalls(calls)} extension API calls per load of this page (${listCalls(calls)}).` : '';
  };
  const ownShare = (scenario: Scenario) => {
    const extension = cpuPerLoad(result, scenario, 'gatewhy')?.extension;
    return `CPU per load: no extension ${cpuVs(result, scenario, 'none', 'none')}, the content blocker ${cpuVs(result, scenario, 'dnr', 'none')}, the empty listener on Gatewhy's three default types (${eventsPerLoad(result, scenario, 'listener-default') ?? '?'} events per load) ${cpuVs(result, scenario, 'listener-default', 'none')}, Gatewhy ${cpuVs(result, scenario, 'gatewhy', 'none')}${extension !== undefined ? `, of which its extension process ${ms(extension)}` : ''}.`;
  };
  for (const scenario of result.scenarios) {
    rows.push(
      ratioTarget(result, scenario, 'gatewhy', 'dnr', {
        id: `chromium.default-over-content-blocker.${scenario}`,
        title: 'Page load, Gatewhy default settings over a content blocker profile',
        limit: TARGETS.overContentBlocker,
        baselineName: 'the content blocker profile',
        why: () =>
          [
            ownShare(scenario),
            "The blocker profile already pays Chromium's per-request WebRequest proxy (any extension with webRequest or declarativeNetRequest turns it on for the whole profile); what is left is the cost of delivering Gatewhy's events and its own work.",
            callsNote('default', scenario),
          ].join(' '),
      }),
    );
  }
  for (const scenario of ['ok', 'failing'] as const) {
    rows.push(
      ratioTarget(result, scenario, 'gatewhy-all', 'listener-all', {
        id: `chromium.watch-all-over-listener-floor.${scenario}`,
        title: 'Page load, Gatewhy watching everything over the empty all-types listener',
        limit: TARGETS.watchAllOverFloor,
        baselineName: 'the empty all-types listener',
        why: () => {
          const extension = cpuPerLoad(result, scenario, 'gatewhy-all')?.extension;
          const floorExtension = cpuPerLoad(result, scenario, 'listener-all')?.extension;
          return [
            `Both receive the same ${eventsPerLoad(result, scenario, 'listener-all') ?? '?'} events per load; CPU per load is ${cpuVs(result, scenario, 'gatewhy-all', 'listener-all')} against the floor's ${cpuVs(result, scenario, 'listener-all', 'listener-all')}${extension !== undefined ? `, ${ms(extension)} of it in Gatewhy's extension process (the floor's: ${ms(floorExtension ?? Number.NaN)})` : ''}.`,
            scenario === 'failing'
              ? `The difference is what Gatewhy does per failed request, not per event (${run.apiCalls?.all.failures.failing ?? '?'} failures counted by its badge).${callsNote('all', scenario)}`
              : callsNote('all', scenario),
          ].join(' ');
        },
      }),
    );
  }
  for (const scenario of result.scenarios) {
    rows.push(
      ratioTarget(result, scenario, 'gatewhy', 'none', {
        id: `chromium.default-over-no-extension.${scenario}`,
        title: 'Page load, Gatewhy default settings over no extension (issue 9)',
        limit: TARGETS.overNoExtension,
        baselineName: 'no extension',
        why: () =>
          `The content blocker profile, with no code at all, costs ${ratio(median(pairedRatios(result, scenario, 'dnr', 'none')))} no extension on this page: the floor of the permission, which most users already pay (issues.chromium.org/379337758), and why issue 14 judges Gatewhy against that profile instead.`,
      }),
    );
  }
  return rows;
}

function firefoxTargets(firefox: NonNullable<BenchRun['firefox']>): TargetRow[] {
  return (['failing', 'ok'] as const).map((scenario) =>
    ratioTarget(firefox, scenario, 'ff-gatewhy-all', 'ff-blocking', {
      id: `firefox.watch-all-over-blocking-floor.${scenario}`,
      title: 'Firefox page load, Gatewhy watching everything over the empty blocking listener (reading bodies, issue 13)',
      limit: TARGETS.firefoxOverBlockingFloor,
      baselineName: 'the empty blocking listener',
      why: () =>
        [
          `CPU per load: the blocking floor ${cpuVs(firefox, scenario, 'ff-blocking', 'ff-blocking')}, the non-blocking floor ${cpuVs(firefox, scenario, 'ff-listener', 'ff-blocking')}, Gatewhy ${cpuVs(firefox, scenario, 'ff-gatewhy-all', 'ff-blocking')}.`,
          buildNote(firefox.build),
        ].join(' '),
    }),
  );
}

function buildNote(build: FirefoxBuild): string {
  return build.readsBodies
    ? `The build measured (firefox-mv3, manifest v${build.manifestVersion}) holds webRequestBlocking${build.manifestVersion >= 3 ? ' and webRequestFilterResponse' : ''}: it can read bodies.`
    : `The build measured (firefox-mv3, manifest v${build.manifestVersion}) has no webRequestBlocking permission, so it reads no bodies yet: this measures its non-blocking listener against the floor a body reader will have.`;
}

function configTable(result: PageLoadResult, scenario: Scenario, baseline: string, eventsNote: (id: string) => string): string {
  const rows = result.configs.map(({ id }) => {
    const times = loadTimes(result, scenario, id);
    const pauses = result.samples.filter((s) => s.config === id && s.scenario === scenario && s.settleMs !== undefined).map((s) => s.settleMs!);
    const pause = pauses.length ? ms(median(pauses)) : '–';
    if (id === baseline) return [labelOf(result, id), ms(times.median), '1 (baseline)', '–', '–', eventsNote(id), pause];
    const vs = spread(pairedRatios(result, scenario, id, baseline));
    return [labelOf(result, id), ms(times.median), ratio(vs.median), iqr(vs, ratio), range(vs, ratio), eventsNote(id), pause];
  });
  return table(
    [
      'Configuration',
      'Median load',
      `vs ${labelOf(result, baseline).toLowerCase()} (median)`,
      'IQR',
      'min – max',
      'onHeadersReceived events per load',
      'pause after the load (median)',
    ],
    rows,
  );
}

function comparisonTable(result: PageLoadResult, scenario: Scenario, pairs: [string, string, string][]): string {
  return table(
    ['Comparison', 'median', '95 % CI of the median', 'IQR', 'min – max', 'CPU per load (median ratio)'],
    pairs.map(([what, config, baseline]) => {
      const ratios = pairedRatios(result, scenario, config, baseline);
      const cpu = pairedCpuRatios(result, scenario, config, baseline);
      const time = spread(ratios);
      return [what, ratio(time.median), interval(medianInterval(ratios), ratio), iqr(time, ratio), range(time, ratio), cpu.length ? ratio(median(cpu)) : '–'];
    }),
  );
}

function cpuTable(result: PageLoadResult, scenario: Scenario): string {
  const rows = result.configs.flatMap(({ id }) => {
    const cpu = cpuPerLoad(result, scenario, id);
    const total = totalCpuPerLoad(result, scenario, id);
    return cpu && total !== undefined ? [[labelOf(result, id), ...PROCESS_KINDS.map((kind) => cpu[kind].toFixed(0)), total.toFixed(0)]] : [];
  });
  return rows.length ? ['CPU ms per load (median), by process:', '', table(['Configuration', ...PROCESS_KINDS, 'all'], rows), ''].join('\n') : '';
}

/** One heading per page with its tables, then what proved each configuration and the loads left out. */
function scenarioSections(result: PageLoadResult, headingPrefix: string, baseline: string, comparisons: [string, string, string][]): string[] {
  const lines: string[] = [];
  for (const scenario of result.scenarios) {
    lines.push(`### ${headingPrefix}${SCENARIOS[scenario].title}`, '');
    lines.push(
      configTable(result, scenario, baseline, (id) => (eventsPerLoad(result, scenario, id) ?? '–').toString()),
      '',
    );
    lines.push(comparisonTable(result, scenario, comparisons), '', cpuTable(result, scenario));
  }
  lines.push(
    `What each configuration showed after warm-up loads of the failing page (the check that it is what it claims): ${Object.entries(result.checks)
      .filter(([, check]) => check !== '–')
      .map(([id, check]) => `${labelOf(result, id)}: ${check}`)
      .join('; ')}.`,
    '',
  );
  if (result.dropped.length) lines.push(`Loads left out after an error: ${result.dropped.join('; ')}.`, '');
  return lines;
}

const METHOD = (rounds: number, configs: number, scenarios: number) => [
  "- **Measure:** the page's own clock. `done` = the later of `PerformanceNavigationTiming.loadEventEnd` and the moment all fetch() calls settled (the load event does not wait for fetch), in ms since navigation start. Nothing outside the page (the driver, process start) is in it.",
  `- **Interleaving:** ${rounds} rounds; in each, every one of the ${configs} configurations loads each of the ${scenarios} pages once. The order rotates by one every round and is reversed every other round, and the pages take turns going first. Configurations that a target compares are next to each other in the order, so their loads in a round are seconds apart.`,
  '- **Browsers:** one per configuration, each with a fresh profile, launched once and kept open, with warm-up loads first (not counted). Launching per round was tried and rejected: the first load after a launch was about 50 % slower, and launches took longer than the loads.',
  "- **Cache:** every response is `Cache-Control: no-store` and every URL carries a token unique to its load, so each load fetches all 301 resources from the network and every request reaches the webRequest listeners. The only state carried between loads is the extensions' own.",
  "- **Pause:** after every load, in every configuration, at least 250 ms and then until the browser's processes are idle (under 15 ms of CPU in 100 ms, at most 3 s), so work an extension does after the load event neither spills into the next load nor escapes this load's CPU count.",
  "- **Ratios and verdicts:** per round, each configuration's time over the baseline's in the same round and page. A target's figure is the median of those paired ratios; its 95 % interval is a bootstrap of that median (2000 resamples). PASS needs the whole interval on the target's side, MISS the whole interval past it, and anything else is CANNOT TELL, with the rounds the same spread would need (the interval's half-width shrinks as 1/√n).",
  '- **CPU:** user + system time of every process of each browser (from /proc), read before each load and after its pause; medians per load.',
];

function chromiumSection(run: BenchRun): string {
  const result = run.pageLoad!;
  const lines = [
    '## Page load in Chromium',
    '',
    `A local page (keep-alive HTTP/1.1 on 127.0.0.1) with ${SUBRESOURCE_COUNT} subresources: ${SUBRESOURCES.image} images, ${SUBRESOURCES.script} scripts, ${SUBRESOURCES.stylesheet} stylesheets and ${SUBRESOURCES.fetch} fetch() calls, in three versions: all 200; every 10th subresource of each kind answered with nginx 1.22's own 502 page and headers; and all 200 with the server waiting 20 ms before each subresource (Chromium keeps 6 connections per host, so the connection pool sets the pace as on the web; loopback otherwise answers in microseconds, which makes every per-request cost look larger than anywhere else). The loads are driven by puppeteer-core with its network tracking off (\`networkEnabled: false\`): Playwright always enables CDP's Network domain, under which the page took 1.44 s to load instead of 0.91 s (no extension), a cost no user has and one that made every ratio look smaller.`,
    '',
    ...METHOD(result.rounds, result.configs.length, result.scenarios.length),
    `- **Configurations:** ${CHROMIUM_CONFIGS.map((config) => config.label).join('; ')}. "No extension" keeps the extension system on (the driver's \`--disable-extensions\` is dropped). The content blocker is a generated MV3 extension with only the \`declarativeNetRequest\` permission, host access and 6 static block rules, none matching these pages (one blocks a probe address, which checks the rules are live): a uBlock Origin Lite user's profile reduced to its cost. The listeners are generated MV3 extensions whose only code is an empty \`webRequest.onHeadersReceived\` listener with \`['responseHeaders']\` (the event Gatewhy uses). Gatewhy is \`.output/chrome-mv3\` as built; "watch everything" is turned on in its options page, as a user would.`,
    '',
  ];
  lines.push(
    ...scenarioSections(result, '', 'none', [
      ['Gatewhy default vs the content blocker profile', 'gatewhy', 'dnr'],
      ["Gatewhy default vs the empty listener on its own types (Gatewhy's own share)", 'gatewhy', 'listener-default'],
      ['Gatewhy default vs no extension', 'gatewhy', 'none'],
      ['Gatewhy watching everything vs the all-types floor', 'gatewhy-all', 'listener-all'],
      ['Content blocker profile vs no extension (the permission floor)', 'dnr', 'none'],
      ['Default-types floor vs the content blocker profile', 'listener-default', 'dnr'],
      ['All-types floor vs no extension', 'listener-all', 'none'],
    ]),
  );
  if (run.apiCalls) {
    const callRows = (['default', 'all'] as const).flatMap((setting) =>
      (['ok', 'failing'] as const).map((scenario) => [
        `Gatewhy ${setting === 'default' ? 'default settings' : 'watching everything'}, ${scenario === 'ok' ? 'all 200' : '10 % 502s'}`,
        String(run.apiCalls![setting].failures[scenario]),
        String(sumCalls(run.apiCalls![setting].calls[scenario])),
        listCalls(run.apiCalls![setting].calls[scenario]) || '–',
      ]),
    );
    lines.push(
      "Extension API calls Gatewhy's background made per load (counted in a separate, untimed browser by wrapping `chrome.*`; failures as its badge counted them):",
      '',
      table(['Setting, page', 'failures (badge)', 'calls', 'which'], callRows),
      '',
    );
  }
  return lines.join('\n');
}

function firefoxSection(firefox: NonNullable<BenchRun['firefox']>): string {
  const lines = [
    '## Page load in Firefox',
    '',
    `Firefox ESR driven by puppeteer-core over WebDriver BiDi, on the healthy and the failing page of the Chromium section. Each load is started from the page itself (\`location.href = …\`, as a link would): BiDi's own navigate makes Firefox report a tab's later loads with tabId -1, which an extension ignores. Puppeteer is launched with \`networkEnabled: false\`: subscribed to BiDi's network events, Firefox's remote agent works for every request, and the page took 3.7× as long to load (2.25 s against 0.61 s, no extension). ${buildNote(firefox.build)}`,
    '',
    ...METHOD(firefox.rounds, firefox.configs.length, firefox.scenarios.length),
    `- **Configurations:** ${firefox.configs.map((config) => config.label).join('; ')}. The listeners are generated MV3 extensions (event-page background) with one empty \`onHeadersReceived\` listener on all types with \`['responseHeaders']\`; the blocking one adds \`'blocking'\` and \`webRequestBlocking\`, which \`filterResponseData\` needs, so it is the floor of any body reader. Gatewhy is \`.output/firefox-mv3\` as built; "watch everything" is turned on in its options page. Firefox's child processes do not say which are extension processes, so extension CPU counts as renderer here.`,
    '',
  ];
  lines.push(
    ...scenarioSections(firefox, 'Firefox, ', 'ff-none', [
      ['Gatewhy watching everything vs the blocking floor', 'ff-gatewhy-all', 'ff-blocking'],
      ['Gatewhy watching everything vs the non-blocking floor', 'ff-gatewhy-all', 'ff-listener'],
      ['Gatewhy default vs no extension', 'ff-gatewhy', 'ff-none'],
      ['Blocking floor vs non-blocking floor (what blocking costs)', 'ff-blocking', 'ff-listener'],
      ['Non-blocking floor vs no extension', 'ff-listener', 'ff-none'],
    ]),
  );
  return lines.join('\n');
}

// ---- Cold start ---------------------------------------------------------------------------------------------------

const COLD_STEPS: [keyof ColdStart, string][] = [
  ['workerStart', "worker's global scope created"],
  ['scriptStart', 'its script starts to run (fetched and compiled)'],
  ['scriptEnd', "its script's top level done (listeners registered)"],
  ['firstResponse', "the failing page's response reaches its listeners"],
  ['firstStored', 'Gatewhy: first storage.session write after it answered'],
  ['firstBadge', 'Gatewhy: first badge change after it answered'],
];

function coldStartMeasures(cold: ColdStartResult): MeasureRow[] {
  const differences = cold.gatewhy.map((one, index) => one.firstResponse - cold.listener[index]!.firstResponse);
  const scriptCost = cold.gatewhy.map((one, index) => one.scriptEnd - one.workerStart - (cold.listener[index]!.scriptEnd - cold.listener[index]!.workerStart));
  const measure = (id: string, title: string, values: number[]): MeasureRow => ({
    id,
    title,
    unit: 'ms',
    measured: median(values),
    ci: medianInterval(values),
    n: values.length,
    samples: 'pairs',
  });
  return [
    measure(
      'chromium.cold-start.gatewhy',
      "Cold start, Gatewhy: navigation start to the failing page's response handled in the woken worker",
      cold.gatewhy.map((one) => one.firstResponse),
    ),
    measure('chromium.cold-start.over-empty-listener', 'Cold start, Gatewhy minus the empty-listener extension (paired)', differences),
    measure(
      'chromium.cold-start.script-over-empty-listener',
      "Cold start, Gatewhy's script (worker start to top level done) minus the empty listener's (paired)",
      scriptCost,
    ),
    ...(cold.gatewhy.every((one) => one.firstStored !== undefined)
      ? [
          measure(
            'chromium.cold-start.gatewhy-stored',
            'Cold start, Gatewhy: navigation start to the failure stored (storage.session write answered)',
            cold.gatewhy.map((one) => one.firstStored!),
          ),
        ]
      : []),
  ];
}

function coldStartSection(cold: ColdStartResult): string {
  const cell = (series: ColdStart[], key: keyof ColdStart) => {
    const values = series.map((one) => one[key]).filter((value): value is number => value !== undefined);
    if (!values.length) return '–';
    const s = spread(values);
    return `${ms(s.median)} (${iqr(s, (v) => v.toFixed(0))})`;
  };
  return [
    '## Cold start in Chromium',
    '',
    `The service worker stopped as Chromium stops an idle one (DevTools' \`Target.closeTarget\`), then a tab navigates to a page whose main document is nginx's 502; that navigation wakes the worker. ${cold.gatewhy.length} pairs of trials, alternating Gatewhy (\`.output/chrome-mv3\`) and the generated empty-listener extension (all types), each in its own browser kept open, every trial in a fresh tab. To see inside the worker without touching the extension's code, each runs from a private copy whose worker script has a few lines put in front: they register a main_frame onHeadersReceived listener before the extension's own (so it is called first, when the worker is ready for events) and note times in the worker's clock; for Gatewhy they also note when its first storage.session write and badge change after that were answered (what it does with a failed page). Times are ms since the navigation started (the page's \`performance.timeOrigin\`), medians with IQR. Playwright attaches to each new worker before it runs (both extensions pay that the same way).`,
    '',
    table(
      ['Step (ms since navigation start)', 'Gatewhy', 'Empty listener'],
      COLD_STEPS.map(([key, what]) => [what, cell(cold.gatewhy, key), cell(cold.listener, key)]),
    ),
    '',
    table(
      ['Figure', 'median', '95 % CI', 'n'],
      coldStartMeasures(cold).map((row) => [row.title, ms(row.measured), interval(row.ci, (v) => ms(v)), String(row.n)]),
    ),
    '',
    ...(cold.dropped.length ? [`Trials left out after an error: ${cold.dropped.join('; ')}.`, ''] : []),
  ].join('\n');
}

// ---- Engine -------------------------------------------------------------------------------------------------------

/** The shape of hostile text stripQueryStrings takes longest on, at the larger size. */
const slowestShape = (cases: ScalingCase[]) => cases.reduce((slowest, one) => (one.ms[1] > slowest.ms[1] ? one : slowest));

function engineTargets(engine: EngineResult): TargetRow[] {
  const samples = engine.explain.samples;
  const ci = medianInterval(samples);
  const top = engine.hotSpots.slice(0, 3).map(({ where, selfShare }) => `${where} ${Math.round(selfShare * 100)} %`);
  const rows: TargetRow[] = [];
  const throughput = target({
    id: 'engine.explain-per-second',
    title: `Engine, explainResponse on ${engine.fixtures - engine.unparsed} captured fixtures (parsed once), one core`,
    targetText: `≥ ${FORMAT['per-second'](TARGETS.enginePerSecond)}`,
    bound: { limit: TARGETS.enginePerSecond, side: 'at-least' },
    unit: 'per-second',
    measured: engine.explain.perSecond,
    ci,
    n: samples.length,
    samples: 'samples',
  });
  const fastest = Math.max(...samples);
  rows.push(
    explained(
      throughput,
      () =>
        `${fastest >= TARGETS.enginePerSecond ? `Its fastest sample reached ${FORMAT['per-second'](fastest)}, and the samples spread from ${FORMAT['per-second'](Math.min(...samples))}: other jobs on the machine took turns on the same cores (see the load average), so this may say more about the machine than the engine. ` : ''}The profile's top self time: ${top.join(', ')}. Without a body (what webRequest gives for subresources) the engine does ${FORMAT['per-second'](engine.explainHeadersOnly.perSecond)}.`,
    ),
  );
  if (engine.queryStrings?.length) {
    const slowest = slowestShape(engine.queryStrings);
    const scaling = judgeMedian(slowest.ratios, { limit: TARGETS.queryStringScaling, side: 'at-most' });
    const row = target({
      id: 'engine.query-strings-linear',
      title: `stripQueryStrings on its slowest hostile text (${slowest.name}): time at ${(slowest.sizes[1] / 1024).toFixed(0)} K characters over ${(slowest.sizes[0] / 1024).toFixed(0)} K`,
      targetText: `≤ ${FORMAT.times(TARGETS.queryStringScaling)} (linear; quadratic is 4×)`,
      bound: { limit: TARGETS.queryStringScaling, side: 'at-most' },
      unit: 'times',
      measured: scaling.median,
      ci: scaling.interval,
      n: scaling.n,
      samples: 'repeats',
    });
    rows.push(
      explained(
        row,
        () =>
          `On ${slowest.name} it takes ${ms(slowest.ms[0], 1)} at ${slowest.sizes[0].toLocaleString('en-US')} characters and ${ms(slowest.ms[1], 1)} at ${slowest.sizes[1].toLocaleString('en-US')}: every separator followed by a slash starts a candidate path that the pattern scans to the end of the text before it fails, so the work grows with the square of the length. Header values are kept up to 16 KB each and a response may carry 200 of them; scanning only up to the next separator (or cutting each value before the scan) makes it linear. The owner of utils/query-strings.ts decides.`,
      ),
    );
  }
  return rows;
}

function engineSection(engine: EngineResult): string {
  const throughput = (name: string, t: EngineResult['explain']) => {
    const s = spread(t.samples);
    return [name, FORMAT['per-second'](t.perSecond), range(s, FORMAT['per-second']), `${(1000 / t.perSecond).toFixed(3)} ms`];
  };
  return [
    '## Engine',
    '',
    `Node ${process.version}, one thread. The ${engine.fixtures} fixtures in test/fixtures/responses (${engine.unparsed} unparseable on purpose, left out) are parsed once; then explainResponse runs over all of them in a loop. Each figure is the median of ${SAMPLES} samples of ≥ ${SAMPLE_MS / 1000} s after a ${SAMPLE_MS / 1000} s warm-up.`,
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
      engine.hostile.map((one) => [
        one.name,
        `${(one.inputChars / 1e6).toFixed(2)} M chars`,
        `${ms(one.explainMs.median, 2)} / ${ms(one.explainMs.max, 2)}`,
        `${ms(one.parseAndExplainMs.median, 2)} / ${ms(one.parseAndExplainMs.max, 2)}`,
      ]),
    ),
    '',
    ...(engine.queryStrings?.length
      ? [
          '### Query strings in hostile header text',
          '',
          "`stripQueryStrings` (utils/query-strings.ts) on shapes of text built to make a scan for an address followed by `?` or `#` slow, each at two sizes, timed alternately 7 times after one untimed call. Linear code takes about twice as long on twice the text. (This replaces the unit test's time limit, which flaked on a loaded machine.)",
          '',
          table(
            ['Text', `ms at ${QS_SIZES(engine)[0]}`, `ms at ${QS_SIZES(engine)[1]}`, 'larger over smaller (median, 95 % CI)'],
            engine.queryStrings.map((one) => [
              one.name,
              ms(one.ms[0], 2),
              ms(one.ms[1], 2),
              `${FORMAT.times(median(one.ratios))} (${interval(medianInterval(one.ratios), FORMAT.times)})`,
            ]),
          ),
          '',
        ]
      : []),
    '### Where the time goes (typical loop, V8 sampling profiler, self time)',
    '',
    table(
      ['Function', 'self time'],
      engine.hotSpots.map(({ where, selfShare }) => [`\`${where}\``, `${(selfShare * 100).toFixed(1)} %`]),
    ),
    '',
  ].join('\n');
}

const QS_SIZES = (engine: EngineResult) => (engine.queryStrings[0]?.sizes ?? [0, 0]).map((size) => `${Math.round(size / 1024)} K chars`);

// ---- Popup --------------------------------------------------------------------------------------------------------

const chars = (count: number) => (count >= 1000 ? `${(count / 1000).toFixed(0)} k characters` : `${count} characters`);

function popupWhy(popup: PopupResult, eagerFiles: number | undefined): string {
  const { errors, clear, blank } = popup;
  const waits = errors.calls.filter((call) => call.perOpening >= 0.5 && call.end <= errors.headline.median);
  const last = waits.reduce<CallSummary | undefined>((latest, call) => (!latest || call.end > latest.end ? call : latest), undefined);
  return [
    `Opened the same way in the same browser, an empty extension page with one empty module script shows its heading after ${ms(blank.headline.median)} (DOMContentLoaded ${ms(blank.domContentLoaded.median)}): what opening any extension page as a tab costs on this machine.`,
    `The popup reaches DOMContentLoaded at ${ms(errors.domContentLoaded.median)}${eagerFiles ? ` after its ${eagerFiles} eagerly loaded module files` : ''}, and on a tab with nothing to explain shows its headline at ${ms(clear.headline.median)}.`,
    waits.length && last
      ? `On the tab with 50 errors it waits for ${waits.map((call) => `${call.name}${call.perOpening >= 1.5 ? ` ×${Math.round(call.perOpening)}` : ''} (${ms(call.start)} → ${ms(call.end)}, answer ${chars(call.chars)})`).join(', ')}, and shows the headline at ${ms(errors.headline.median)}, ${ms(errors.headline.median - last.end)} after the last answer (rendering).`
      : `On the tab with 50 errors the headline comes ${ms(errors.headline.median - errors.domContentLoaded.median)} after DOMContentLoaded.`,
  ].join(' ');
}

function popupTargets(popup: PopupResult, sizes: SizeResult | undefined): TargetRow[] {
  const rows: TargetRow[] = [];
  const bundle = sizes?.bundles.find((one) => one.name === 'popup');
  const why = popupWhy(popup, bundle?.js.files.length);
  const overBlank = judgeMedian(popup.headlineOverBlank, { limit: TARGETS.popupOverBlankMs, side: 'at-most' });
  const paired = target({
    id: 'popup.headline-over-empty-page',
    title: 'Popup headline, tab with 50 recorded errors, minus an empty extension page opened the same way (paired per opening)',
    targetText: `≤ +${TARGETS.popupOverBlankMs} ms`,
    bound: { limit: TARGETS.popupOverBlankMs, side: 'at-most' },
    unit: 'ms',
    measured: overBlank.median,
    ci: overBlank.interval,
    n: overBlank.n,
    samples: 'pairs of openings',
  });
  rows.push(explained(paired, () => why));
  const absolute = judgeMedian(
    popup.errors.openings.map((one) => one.headline),
    { limit: TARGETS.popupHeadlineMs, side: 'at-most' },
  );
  const headline = target({
    id: 'popup.headline',
    title: 'Popup, opening popup.html?tabId=N to the headline in the DOM, tab with 50 recorded errors (issue 9)',
    targetText: `≤ ${ms(TARGETS.popupHeadlineMs)}`,
    bound: { limit: TARGETS.popupHeadlineMs, side: 'at-most' },
    unit: 'ms',
    measured: absolute.median,
    ci: absolute.interval,
    n: absolute.n,
    samples: 'openings',
  });
  rows.push(
    explained(
      headline,
      () => `${why} Issue 14 judges the popup against the empty page instead, since most of this is the cost of opening any extension page here.`,
    ),
  );
  if (bundle) {
    const total = bundle.js.gzip + bundle.lazyJs.gzip;
    rows.push(
      target({
        id: 'popup.javascript-gzip',
        title: 'Popup JavaScript, gzipped: loaded at open + loaded on demand',
        targetText: `< ${kB(TARGETS.popupJsGzipBytes)}`,
        bound: { limit: TARGETS.popupJsGzipBytes, side: 'at-most' },
        unit: 'bytes',
        measured: total,
        ci: [total, total],
        n: 1,
        samples: 'build',
      }),
    );
  }
  return rows;
}

function popupSection(popup: PopupResult): string {
  const series = (name: string, s: OpeningSeries) => [
    [`${name}: headline in the DOM`, ms(s.headline.median), iqr(s.headline, (v) => v.toFixed(0)), range(s.headline, (v) => v.toFixed(0))],
    [`${name}: headline painted (next frame)`, ms(s.painted.median), iqr(s.painted, (v) => v.toFixed(0)), range(s.painted, (v) => v.toFixed(0))],
    [
      `${name}: DOM settled (last change before 500 ms of quiet)`,
      ms(s.settled.median),
      iqr(s.settled, (v) => v.toFixed(0)),
      range(s.settled, (v) => v.toFixed(0)),
    ],
    [`${name}: DOMContentLoaded`, ms(s.domContentLoaded.median), iqr(s.domContentLoaded, (v) => v.toFixed(0)), range(s.domContentLoaded, (v) => v.toFixed(0))],
  ];
  const difference = spread(popup.headlineOverBlank);
  return [
    '## Popup',
    '',
    `Gatewhy and a generated extension whose only page is a heading plus one empty module script, in one fresh Chromium profile. A local page makes 50 fetch() calls that all get nginx 502s; Gatewhy's badge then says "${popup.badge}". Then \`popup.html?tabId=N\` and the empty page are opened as tabs ${popup.errors.openings.length} times each, in pairs (which goes first alternates), each in a new page. An init script observes the DOM from document start and notes \`performance.now()\` (ms since the page's navigation start) when the first element matching \`${HEADLINE_SELECTOR}\` has text. The popup said: "${popup.errors.openings[0]?.text ?? ''}" (state \`${popup.errors.openings[0]?.state ?? '–'}\`). The popup for a tab with nothing recorded is opened too, for comparison.`,
    '',
    table(
      ['Measure', 'median', 'IQR (ms)', 'min – max (ms)'],
      [...series('50 errors', popup.errors), ...series('empty extension page', popup.blank), ...series('nothing recorded', popup.clear)],
    ),
    '',
    `Per pair, the popup's headline minus the empty page's heading: median ${ms(difference.median)} (95 % CI ${interval(medianInterval(popup.headlineOverBlank), (v) => ms(v))}; IQR ${iqr(difference, (v) => v.toFixed(0))} ms). First opening (cold): ${ms(popup.errors.openings[0]?.headline ?? Number.NaN)} to the headline.`,
    '',
    `Extension API calls the popup made before its headline on the tab with 50 errors (wrapped by the same init script; medians over the openings; headline at ${ms(popup.errors.headline.median)}):`,
    '',
    table(
      ['Call', 'per opening', 'first called → last answered (ms since navigation start)', 'each took', 'answer'],
      popup.errors.calls.map((call) => [
        `\`${call.name}\``,
        call.perOpening.toFixed(1),
        `${call.start.toFixed(0)} → ${call.end.toFixed(0)}`,
        ms(call.duration, 1),
        chars(call.chars),
      ]),
    ),
    '',
    ...popup.lazyImports.map(
      ({ chunk, ms: time }) => `- \`import()\` of the on-demand chunk \`${chunk}\` (and what it imports): ${ms(time, 1)} (median of 5, each in a fresh page).`,
    ),
    '',
  ].join('\n');
}

// ---- Sizes --------------------------------------------------------------------------------------------------------

/** What background.js would weigh without each of the parts that could move out of it. */
function cutCandidates(breakdown: Breakdown): string[] {
  const of = (test: (source: string) => boolean) => breakdown.byGroup.filter(({ source }) => test(source)).reduce((sum, { bytes }) => sum + bytes, 0);
  const suffixList = of((source) => /^npm:tldts/.test(source));
  const vendorData = of((source) => source.startsWith('utils/gateways/'));
  const engine = of((source) => source.startsWith('utils/explain/'));
  const lines = [
    suffixList > 0 &&
      `- **The Public Suffix List** (${breakdown.byGroup
        .filter(({ source }) => /^npm:tldts/.test(source))
        .map(({ source }) => source.slice(4))
        .join(
          ' + ',
        )}): ${kB(suffixList)}. It is only needed to tell first from third party for a failed request inside a page; without it background.js would be ${kB(breakdown.bytes - suffixList)}.`,
    vendorData + engine > 0 &&
      `- **The engine and its data** (utils/gateways/ ${kB(vendorData)}, utils/explain/ ${kB(engine)}): without them background.js would be ${kB(breakdown.bytes - vendorData - engine)}. The worker needs them only when a response fails. A service worker cannot \`import()\` (the HTML standard forbids it in ServiceWorkerGlobalScope) and calls \`importScripts()\` only as its script first runs, so "load when needed" would mean the vendor data as a packaged JSON file read with \`fetch(chrome.runtime.getURL(…))\` on the first failure, or the explanation computed in the popup or an offscreen document. The engine's owners decide; this report only measures.`,
    ...breakdown.repeated.map(
      (piece) =>
        `- **A string written ${piece.copies} times** (${kB(piece.bytes)} each, starting \`${piece.starts.replace(/[`|]/g, '')}\`, from ${piece.sources.join(', ')}): the minifier inlined a constant at each use. ${kB(piece.extraBytes)} would go if it were written once (for example by keeping the constant behind a function, or turning off constant inlining in the build).`,
    ),
  ];
  return lines.filter((line): line is string => typeof line === 'string');
}

function sizeTargets(sizes: SizeResult, breakdown: BenchRun['backgroundBreakdown']): TargetRow[] {
  const background = sizes.bundles.find((bundle) => bundle.name === 'background');
  if (!background) return [];
  const bytes = background.js.raw;
  const row = target({
    id: 'size.background-js',
    title: 'background.js, raw (parsed at every worker start)',
    targetText: `≤ ${kB(TARGETS.backgroundJsBytes)}`,
    bound: { limit: TARGETS.backgroundJsBytes, side: 'at-most' },
    unit: 'bytes',
    measured: bytes,
    ci: [bytes, bytes],
    n: 1,
    samples: 'build',
  });
  const parts =
    breakdown && !('error' in breakdown)
      ? breakdown.byGroup
          .slice(0, 4)
          .map(({ source, bytes: size }) => `${source} ${kB(size)}`)
          .join(', ')
      : undefined;
  return [explained(row, () => `${parts ? `The largest parts: ${parts}. ` : ''}See "What background.js is made of" under Bundle sizes.`)];
}

function sizeSection(sizes: SizeResult, breakdown: BenchRun['backgroundBreakdown']): string {
  const cell = (raw: number, gzip: number) => (raw ? `${kB(raw)} / ${kB(gzip)}` : '–');
  const lines = [
    '## Bundle sizes',
    '',
    'From `.output/chrome-mv3`. "At open" is the entry and every module it imports statically; "on demand" is what it loads with `import()`, minus what is already loaded. Raw / gzip -9 of each file on its own (kB = 1000 bytes).',
    '',
    table(
      ['Bundle', 'Used as', 'JS at open', 'JS on demand', 'CSS'],
      sizes.bundles.map((bundle) => [
        bundle.name,
        bundle.role,
        cell(bundle.js.raw, bundle.js.gzip),
        cell(bundle.lazyJs.raw, bundle.lazyJs.gzip),
        cell(bundle.css.raw, bundle.css.gzip),
      ]),
    ),
    '',
    `Whole build: ${sizes.total.files} files, ${kB(sizes.total.raw)} raw, ${kB(sizes.total.gzip)} gzipped file by file.`,
    '',
  ];
  if (breakdown && 'error' in breakdown) lines.push(`What background.js is made of could not be measured: ${breakdown.error}.`, '');
  else if (breakdown) {
    const measured = sizes.bundles.find((bundle) => bundle.name === 'background')?.js.raw;
    lines.push(
      '### What background.js is made of',
      '',
      `The same build made again with source maps (\`bench/build-with-sourcemaps.ts\`, ${kB(breakdown.bytes)}${measured !== undefined && measured !== breakdown.bytes ? `; the measured build is ${kB(measured)}, so the two differ` : ', byte for byte the size of the measured one'}); every byte of the minified file is counted to the source its mapping points at, up to the next mapping (as source-map-explorer does). ${kB(breakdown.unmapped)} map to nothing (the bundler's glue).`,
      '',
      table(
        ['Part', 'bytes', 'share'],
        breakdown.byGroup.map(({ source, bytes }) => [source, kB(bytes), `${((bytes / breakdown.bytes) * 100).toFixed(1)} %`]),
      ),
      '',
      'The largest files:',
      '',
      table(
        ['Source', 'bytes'],
        breakdown.bySource.slice(0, 12).map(({ source, bytes }) => [source, kB(bytes)]),
      ),
      '',
      'What could be cut:',
      '',
      ...cutCandidates(breakdown),
      '',
    );
  }
  return lines.join('\n');
}

// ---- Whole report -------------------------------------------------------------------------------------------------

export function collectTargets(run: BenchRun): TargetRow[] {
  return [
    ...(run.pageLoad ? chromiumTargets(run) : []),
    ...(run.firefox ? firefoxTargets(run.firefox) : []),
    ...(run.popup ? popupTargets(run.popup, run.sizes) : []),
    ...(run.sizes ? sizeTargets(run.sizes, run.backgroundBreakdown) : []),
    ...(run.engine ? engineTargets(run.engine) : []),
  ];
}

/** Five significant digits: more than any of these measurements can resolve. */
const precise = (value: number) => Number(value.toPrecision(5));

/** bench/results.json: what a tool needs to read the verdicts. */
export function renderResults(run: BenchRun) {
  return {
    commit: run.commit.hash,
    dirty: run.commit.dirty,
    date: run.date,
    machine: `${run.machine.cpu}, ${run.machine.cores} cores, ${run.machine.memoryGiB} GiB; ${run.machine.chromium}; ${run.machine.firefox ?? 'no Firefox'}; load average ${run.loadAverage.start.map((value) => value.toFixed(2)).join('/')} at start`,
    targets: collectTargets(run).map((row) => ({
      id: row.id,
      title: row.title,
      target: row.bound.limit,
      comparison: row.bound.side,
      unit: row.unit,
      measured: precise(row.measured),
      ci: row.ci.map(precise),
      n: row.n,
      verdict: row.judgement.verdict,
      ...(row.judgement.samplesNeeded !== undefined && { samplesNeeded: Number.isFinite(row.judgement.samplesNeeded) ? row.judgement.samplesNeeded : null }),
      ...(row.cpu !== undefined && { cpuRatio: precise(row.cpu) }),
    })),
    measures: run.coldStart
      ? coldStartMeasures(run.coldStart).map(({ id, title, unit, measured, ci, n }) => ({
          id,
          title,
          unit,
          measured: precise(measured),
          ci: ci.map(precise),
          n,
        }))
      : [],
  };
}

export function renderReport(run: BenchRun): string {
  const targets = collectTargets(run);
  const { machine } = run;
  const load = (values: number[] | undefined) => values?.map((value) => value.toFixed(2)).join(' / ') ?? '–';
  const notPassed = targets.filter((row) => row.judgement.verdict !== 'PASS');
  const count = (verdict: string) => targets.filter((row) => row.judgement.verdict === verdict).length;
  const sections = [
    run.pageLoad && chromiumSection(run),
    run.firefox && firefoxSection(run.firefox),
    run.coldStart && coldStartSection(run.coldStart),
    run.popup && popupSection(run.popup),
    run.engine && engineSection(run.engine),
    run.sizes && sizeSection(run.sizes, run.backgroundBreakdown),
  ].filter((section): section is string => Boolean(section));
  return [
    '# Gatewhy benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${run.date.slice(0, 10)} at ${run.date.slice(11, 16)} UTC; the run took ${run.durationMs ? `${(run.durationMs / 60_000).toFixed(1)} min` : '–'}. Commit measured: \`${run.commit.hash}\`${run.commit.dirty ? ` **with uncommitted changes** (${run.commit.changes.join(', ')})` : ' (clean work tree)'}. Do not edit by hand: run it again. The raw numbers of every load go to a JSON file in the temp directory (its path is printed at the end); the verdicts are also in \`bench/results.json\`.`,
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
        ['Browsers', `${machine.chromium} (headless, with the flags of shared/toolchain.md); ${machine.firefox ?? '–'} (headless)`],
        ['Load average (1 / 5 / 15 min) at start → end', `${load(run.loadAverage.start)} → ${load(run.loadAverage.end)}`],
      ],
    ),
    '',
    'The machine is shared: other work ran during the run (see the load average), so absolute times are noisy. Page-load figures are medians of per-round ratios against a baseline loaded in the same round, which cancels most of that drift; every verdict needs the 95 % interval of its median clear of the target.',
    '',
    '## Targets',
    '',
    `${count('PASS')} PASS, ${count('MISS')} MISS, ${count('CANNOT TELL')} CANNOT TELL.`,
    '',
    table(
      ['What', 'Target', 'Measured (median)', '95 % CI of the median', 'n', 'CPU time per load, same comparison', 'Result'],
      targets.map((row) => [
        row.title,
        row.targetText,
        FORMAT[row.unit](row.measured),
        row.n > 1 ? interval(row.ci, FORMAT[row.unit]) : 'exact',
        `${row.n} ${row.samples}`,
        row.cpu !== undefined ? ratio(row.cpu) : '–',
        verdictCell(row),
      ]),
    ),
    '',
    ...(notPassed.length ? ['### Why not a PASS', '', ...notPassed.map((row) => `- **${row.title}:** ${row.why ?? ''}`), ''] : ['Every target is met.', '']),
    ...sections,
    '## Running it',
    '',
    `\`npm run bench\` builds the Chrome and Firefox MV3 extensions, runs everything above and rewrites this file and \`bench/results.json\`; on this machine it takes about 20 minutes. It takes \`/tmp/gatewhy-browsers.lock\` first, so it never overlaps other browser tests; a caller that already holds the lock runs \`GATEWHY_BROWSER_LOCK= npm run bench\`. Options: \`--only size,engine,page-load,firefox,cold-start,popup\` runs some parts and prints the report instead of writing files (unless \`--out FILE\` / \`--json FILE\`); \`--rounds N\` (Chromium page-load rounds, default ${RUN_DEFAULTS.rounds}), \`--firefox-rounds N\` (default ${RUN_DEFAULTS.firefoxRounds}), \`--openings N\` (popup pairs, default ${RUN_DEFAULTS.openings}), \`--cold-starts N\` (default ${RUN_DEFAULTS.coldStarts}); \`--no-build\` measures the existing \`.output\`; \`--from RAW.json\` renders the files again from a run's raw results, measuring nothing. For example \`npm run bench -- --only firefox --firefox-rounds 5\` measures only Firefox, quickly and roughly. \`npm test\` never runs the benchmarks.`,
    '',
  ].join('\n');
}
