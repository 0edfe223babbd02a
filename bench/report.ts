// Renders one benchmark run as BENCHMARKS.md: machine, targets with PASS/MISS and why, then each benchmark's detail.
import { SAMPLES, SAMPLE_MS, type EngineResult } from './engine';
import type { Machine } from './machine';
import type { ApiCallsResult, CallCounts } from './api-calls';
import { CONFIGS, cpuPerLoad, eventsPerLoad, loadTimes, pairedCpuRatios, pairedRatios, totalCpuPerLoad, type ConfigId, type PageLoadResult, type Scenario } from './page-load';
import { PROCESS_KINDS } from './process-cpu';
import { HEADLINE_SELECTOR, type CallSummary, type OpeningSeries, type PopupResult } from './popup';
import { FAILING_COUNT, SUBRESOURCES, SUBRESOURCE_COUNT } from './site';
import type { SizeResult } from './size';
import { medianInterval, spread, type Spread } from './stats';

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
  apiCalls?: ApiCallsResult;
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
  /** For page loads: the same comparison in CPU time per load. */
  cpu?: string;
  pass: boolean;
  /** Why it missed, from this run's diagnostics. */
  why?: string;
}

// ---- Page load ----------------------------------------------------------------------------------------------------

function ratioSpread(result: PageLoadResult, scenario: Scenario, config: ConfigId, baseline: ConfigId): Spread {
  return spread(pairedRatios(result, scenario, config, baseline));
}

const sumCalls = (counts: CallCounts | undefined) => Object.values(counts ?? {}).reduce((sum, count) => sum + count, 0);
const listCalls = (counts: CallCounts | undefined) =>
  Object.entries(counts ?? {})
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([call, count]) => `${call} ×${count}`)
    .join(', ');

/** Browser-process plus network-service CPU per load: where Chromium runs its webRequest proxy and event routing. */
function proxyCpu(result: PageLoadResult, scenario: Scenario, config: ConfigId): number | undefined {
  const cpu = cpuPerLoad(result, scenario, config);
  return cpu && cpu.browser + cpu.network;
}

/** Wall-clock ratio with its bootstrap interval, and the CPU ratio for the same comparison. */
interface Comparison {
  time: Spread;
  interval: [number, number];
  cpu?: Spread;
}

function compare(result: PageLoadResult, scenario: Scenario, config: ConfigId, baseline: ConfigId): Comparison {
  const ratios = pairedRatios(result, scenario, config, baseline);
  const cpu = pairedCpuRatios(result, scenario, config, baseline);
  return { time: spread(ratios), interval: medianInterval(ratios), ...(cpu.length && { cpu: spread(cpu) }) };
}

const resolved = ({ interval }: Comparison, target: number) => !(interval[0] <= target && target <= interval[1]);

function noiseNote(comparison: Comparison, target: number): string {
  const [low, high] = comparison.interval;
  return resolved(comparison, target)
    ? `The 95 % interval of the median (${ratio(low)} – ${ratio(high)}) is clear of the target, so the miss is not noise.`
    : `The 95 % interval of the median (${ratio(low)} – ${ratio(high)}) contains the target: on this busy machine, ${comparison.time.n} rounds cannot tell pass from miss by time alone.`;
}

/** "3215 ms (+7 %)" against the no-extension CPU per load. */
function cpuVs(result: PageLoadResult, scenario: Scenario, config: ConfigId, baseline: ConfigId = 'none'): string {
  const [value, base] = [totalCpuPerLoad(result, scenario, config), totalCpuPerLoad(result, scenario, baseline)];
  if (value === undefined || !base) return '?';
  if (config === baseline) return ms(value);
  const change = Math.round((value / base - 1) * 100);
  return `${ms(value)} (${change >= 0 ? '+' : ''}${change} %)`;
}

function whyDefaultMissed(run: BenchRun, scenario: Scenario, comparison: Comparison): string {
  const result = run.pageLoad!;
  const events = eventsPerLoad(result, scenario, 'listener-default');
  const extension = cpuPerLoad(result, scenario, 'gatewhy')?.extension;
  const calls = run.apiCalls?.default.calls[scenario];
  const [gatewhyCpu, floorCpu] = [totalCpuPerLoad(result, scenario, 'gatewhy'), totalCpuPerLoad(result, scenario, 'listener-default')];
  return [
    noiseNote(comparison, TARGETS.defaultOverhead),
    `CPU time per load, which other jobs disturb far less, shows where the cost is: no extension ${cpuVs(result, scenario, 'none')}, the webRequest permission alone with no listener ${cpuVs(result, scenario, 'permission-only')}, an empty listener on Gatewhy's three default types (${events ?? '?'} events per load) ${cpuVs(result, scenario, 'listener-default')}, Gatewhy ${cpuVs(result, scenario, 'gatewhy')}.`,
    "Once any extension holds the webRequest permission, Chromium sends every request of the profile through the browser process's WebRequest proxy, whatever the listeners' filters (`WebRequestAPI::MayHaveProxies` in extensions/browser/api/web_request/web_request_api.cc); that floor is paid by any webRequest-based status watcher.",
    gatewhyCpu !== undefined && floorCpu !== undefined
      ? `${
          // Within 2 % of the floor is below what 10 ms CPU ticks and this machine's noise can resolve.
          Math.abs(gatewhyCpu - floorCpu) < floorCpu * 0.02 ? "Gatewhy's own code adds nothing measurable over that floor" : `Gatewhy's own code adds ${ms(gatewhyCpu - floorCpu)} per load over that floor`
        }${extension !== undefined ? ` (its extension process uses ${ms(extension)})` : ''}${calls ? `, with ${sumCalls(calls)} extension API calls per load (${listCalls(calls)})` : ''}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function whyWatchAllMissed(run: BenchRun, scenario: Scenario, comparison: Comparison): string {
  const result = run.pageLoad!;
  const events = eventsPerLoad(result, scenario, 'listener-all');
  const extension = cpuPerLoad(result, scenario, 'gatewhy-all')?.extension;
  const floorExtension = cpuPerLoad(result, scenario, 'listener-all')?.extension;
  const calls = run.apiCalls?.all.calls[scenario];
  const failures = run.apiCalls?.all.failures[scenario];
  const parts = [
    noiseNote(comparison, TARGETS.watchAllOverFloor),
    `Both receive the same ${events ?? '?'} events per load; CPU per load is ${cpuVs(result, scenario, 'gatewhy-all', 'listener-all')} against the floor's ${ms(totalCpuPerLoad(result, scenario, 'listener-all') ?? Number.NaN)}${extension !== undefined ? `, ${ms(extension)} of it in Gatewhy's extension process (the floor's: ${ms(floorExtension ?? Number.NaN)})` : ''}.`,
  ];
  if (scenario === 'failing') {
    parts.push(
      `The difference is what Gatewhy does per failed request, not per event: for the ${failures ?? '?'} failures it recorded it made ${sumCalls(calls)} extension API calls (${listCalls(calls)}). Each stored batch of failures reads and rewrites the tab's whole record and the history list, and updates the badge, while the page is still loading on the same 2 cores; the record grows with each failure, so the JSON serialised grows too.${fixesSection(run) ? ' See "What could be cut in the background".' : ''}`,
    );
  } else {
    parts.push(`For a 200 the handler returns after one comparison (${sumCalls(calls)} API calls for the whole load).`);
  }
  return parts.join(' ');
}

function pageLoadTargets(run: BenchRun): TargetRow[] {
  const result = run.pageLoad!;
  const rows: TargetRow[] = [];
  const measured = (comparison: Comparison) =>
    `${ratio(comparison.time.median)} (IQR ${iqr(comparison.time, ratio)}; 95 % CI of the median ${ratio(comparison.interval[0])} – ${ratio(comparison.interval[1])})`;
  for (const scenario of ['ok', 'failing'] as const) {
    const comparison = compare(result, scenario, 'gatewhy', 'none');
    const pass = comparison.time.median <= TARGETS.defaultOverhead;
    rows.push({
      what: `Page load, Gatewhy default settings, ${SCENARIO_TITLES[scenario]}`,
      target: `≤ ${ratio(TARGETS.defaultOverhead)} no extension`,
      measured: measured(comparison),
      cpu: comparison.cpu && ratio(comparison.cpu.median),
      pass,
      ...(!pass && { why: whyDefaultMissed(run, scenario, comparison) }),
    });
  }
  for (const scenario of ['ok', 'failing'] as const) {
    const comparison = compare(result, scenario, 'gatewhy-all', 'listener-all');
    const pass = comparison.time.median <= TARGETS.watchAllOverFloor;
    rows.push({
      what: `Page load, Gatewhy watching everything, ${SCENARIO_TITLES[scenario]}`,
      target: `≤ ${ratio(TARGETS.watchAllOverFloor)} the empty-listener floor`,
      measured: measured(comparison),
      cpu: comparison.cpu && ratio(comparison.cpu.median),
      pass,
      ...(!pass && { why: whyWatchAllMissed(run, scenario, comparison) }),
    });
  }
  return rows;
}

function eventsCell(result: PageLoadResult, scenario: Scenario, id: ConfigId): string {
  const events = eventsPerLoad(result, scenario, id);
  if (events !== undefined) return String(events);
  return { none: '–', 'permission-only': '0 (no listener)', gatewhy: 'as the default-types listener', 'gatewhy-all': 'as the all-types listener' }[id as string] ?? '–';
}

function pageLoadSection(run: BenchRun): string {
  const result = run.pageLoad!;
  const lines = [
    '## Page load in Chromium',
    '',
    `A local page (keep-alive HTTP/1.1 on 127.0.0.1) with ${SUBRESOURCE_COUNT} subresources: ${SUBRESOURCES.image} images, ${SUBRESOURCES.script} scripts, ${SUBRESOURCES.stylesheet} stylesheets and ${SUBRESOURCES.fetch} fetch() calls. The failing variant answers every 10th subresource of each kind with nginx 1.22's own 502 page and headers.`,
    '',
    "- **Measure:** the page's own clock. `done` = the later of `PerformanceNavigationTiming.loadEventEnd` and the moment all fetch() calls settled (the load event does not wait for fetch, and the fetches are what Gatewhy watches by default), in ms since navigation start. Nothing outside the page (Playwright, process start) is in it.",
    `- **Interleaving:** ${result.rounds} rounds. In each round every configuration loads each page once; the order of configurations rotates by one every round and the two pages alternate, so no configuration always runs first or after the same neighbour.`,
    '- **Browsers:** one Chromium per configuration, each with a fresh profile, launched once for the whole run and kept open; each gets 3 warm-up loads first (not counted). Launching per round was tried and rejected: the first load after a launch was about 50 % slower, and launches took longer than the loads, so each round would have measured start-up more than the extension. Keeping the browsers open means each round compares all configurations within seconds of each other on a shared machine.',
    "- **Cache:** every response is `Cache-Control: no-store` and every URL carries a token unique to its load, so each load fetches all 301 resources from the network and every request reaches the webRequest listeners. The only state carried between loads is the extensions' own (Gatewhy's history fills up to its cap, as in a long-running browser).",
    "- **Pause:** after every load, in every configuration, at least 250 ms and then until the browser's processes are idle (under 15 ms of CPU in 100 ms, at most 3 s), so work an extension does after the load event (Gatewhy storing a page's failures) neither spills into the next load nor escapes this load's CPU count.",
    "- **Ratios:** per round, each configuration's time over the baseline's in the same round and page; the tables give the median of those ratios with their interquartile range and min–max.",
    "- **Configurations:** no extension (Playwright's `--disable-extensions` removed, so the extension system is on in every configuration); a generated MV3 extension whose only code is an empty `webRequest.onHeadersReceived` listener (the event Gatewhy uses) with `['responseHeaders']` on all types (the floor of any status watcher); Gatewhy as built (`.output/chrome-mv3`) with default settings; Gatewhy with `watchAllRequests: true` written to `storage.sync` before loading. Two diagnostics: the empty listener on Gatewhy's default types only (main_frame, sub_frame, xmlhttprequest), and an extension holding the webRequest permission with no listener at all.",
    '- **CPU:** user + system time of every process of each browser (from /proc), read before each load and after its pause; medians per load.',
    '',
  ];
  for (const scenario of ['ok', 'failing'] as const) {
    lines.push(`### ${SCENARIO_TITLES[scenario]}`, '');
    const rows = CONFIGS.map(({ id }) => {
      const times = loadTimes(result, scenario, id);
      const vsNone = id === 'none' ? undefined : ratioSpread(result, scenario, id, 'none');
      return [label(id), ms(times.median), vsNone ? ratio(vsNone.median) : '1 (baseline)', vsNone ? iqr(vsNone, ratio) : '–', vsNone ? range(vsNone, ratio) : '–', eventsCell(result, scenario, id)];
    });
    lines.push(table(['Configuration', 'Median load', 'vs no extension (median)', 'IQR', 'min – max', 'onHeadersReceived events per load'], rows), '');
    const pairs: [string, ConfigId, ConfigId][] = [
      ['Gatewhy watching everything vs the all-types floor', 'gatewhy-all', 'listener-all'],
      ["Gatewhy default vs the empty listener on the same types (Gatewhy's own share)", 'gatewhy', 'listener-default'],
      ['Default-types floor vs no extension', 'listener-default', 'none'],
      ['The webRequest permission alone vs no extension', 'permission-only', 'none'],
    ];
    lines.push(
      table(
        ['Comparison', 'median', '95 % CI of the median', 'IQR', 'min – max', 'CPU per load (median ratio)'],
        pairs.map(([what, config, baseline]) => {
          const { time, interval, cpu } = compare(result, scenario, config, baseline);
          return [what, ratio(time.median), `${ratio(interval[0])} – ${ratio(interval[1])}`, iqr(time, ratio), range(time, ratio), cpu ? ratio(cpu.median) : '–'];
        }),
      ),
      '',
    );
    const cpuRows = CONFIGS.flatMap(({ id }) => {
      const cpu = cpuPerLoad(result, scenario, id);
      const total = totalCpuPerLoad(result, scenario, id);
      return cpu && total !== undefined ? [[label(id), ...PROCESS_KINDS.map((kind) => cpu[kind].toFixed(0)), total.toFixed(0)]] : [];
    });
    if (cpuRows.length) lines.push('CPU ms per load (median), by process:', '', table(['Configuration', ...PROCESS_KINDS, 'all'], cpuRows), '');
  }
  const recorded = Object.entries(result.recorded).map(
    ([id, { failures, types }]) => `${label(id as ConfigId)}: ${failures} (${Object.entries(types).map(([type, count]) => `${count} ${type}`).join(', ')})`,
  );
  lines.push(
    `Failures Gatewhy recorded for one warm-up load of the failing page (${FAILING_COUNT} failing subresources), which checks that each setting took effect: ${recorded.join('; ')}.`,
    '',
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
    lines.push("Extension API calls Gatewhy's background made per load (counted in a separate, untimed browser by wrapping `chrome.*`):", '', table(['Setting, page', 'failures recorded', 'calls', 'which'], callRows), '');
  }
  if (result.dropped.length) lines.push(`Loads left out after an error: ${result.dropped.join('; ')}.`, '');
  return lines.join('\n');
}

/** Calls per recorded failure on the failing page with watch-everything, for the proposals below. */
function perFailure(run: BenchRun): { calls: CallCounts; failures: number } {
  const { calls, failures } = run.apiCalls!.all;
  const extra: CallCounts = {};
  for (const [call, count] of Object.entries(calls.failing)) {
    const net = count - (calls.ok[call] ?? 0);
    if (net > 0) extra[call] = net / Math.max(1, failures.failing);
  }
  return { calls: extra, failures: failures.failing };
}

/** Proposals for entrypoints/background, each shown only while the counted calls show the cost it would remove. */
function fixesSection(run: BenchRun): string {
  const { calls, failures } = perFailure(run);
  const per = (call: string) => calls[call] ?? 0;
  const total = Object.values(calls).reduce((sum, count) => sum + count, 0);
  const proposals = [
    per('storage.session.set') >= 0.9 &&
      `- **Write each tab's record once per burst, not once per failure.** Now ${per('storage.session.get').toFixed(1)} reads and ${per('storage.session.set').toFixed(1)} writes of the whole record per failure. Keep new failures in memory and flush them on a short timer or at tabs.onUpdated \`complete\` (uBlock's \`pagestore.js\` journal), keeping \`serialized()\` for the flush.`,
    per('storage.local.set') >= 0.9 &&
      `- **Stop rewriting the whole history per failure.** Now ${per('storage.local.get').toFixed(1)} read and ${per('storage.local.set').toFixed(1)} write of the full list (up to historySize entries) per failure; append in the same flush as above.`,
    per('action.setIcon') >= 0.9 &&
      `- **Set the badge only when it changes.** Now ${['action.setBadgeText', 'action.setBadgeBackgroundColor', 'action.setTitle', 'action.setIcon'].reduce((sum, call) => sum + per(call), 0).toFixed(1)} action calls per failure (text, colour, title, icon); remember the last badge per tab and call only what differs (the icon changes only between idle and error).`,
    per('storage.sync.get') >= 0.9 &&
      `- **Keep the settings in memory.** Now ${per('storage.sync.get').toFixed(1)} storage.sync read per failure (for historySize); \`watchSettings\` already reports changes, so one read at start-up is enough.`,
    per('tabs.get') >= 0.9 &&
      `- **Remember each tab's page URL** from its main_frame event instead of \`tabs.get\` per failed request (${per('tabs.get').toFixed(1)} per failure).`,
  ].filter((line): line is string => typeof line === 'string');
  if (proposals.length === 0) return '';
  return [
    '### What could be cut in the background',
    '',
    `Gatewhy's share of the page-load time grows with the failures on the page, not with the events: on the failing page with watch-everything it made ${Math.round(total * failures)} more extension API calls than on the healthy page, about ${total.toFixed(1)} per recorded failure (table under Page load). Proposals for entrypoints/background, none applied here:`,
    '',
    ...proposals,
  ].join('\n');
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
        why: `${Math.max(...engine.explain.samples) >= TARGETS.enginePerSecond ? `The fastest sample reached ${perSecond(Math.max(...engine.explain.samples))}: the engine can do it, and the median is held down by other work on this shared machine during the run. ` : ''}The profile's top self time: ${top.join(', ')}. Every response is tested against every gateway's fingerprint markers and every body clue, each a substring search over the folded body (up to 64 KB); without a body (what webRequest gives for subresources) the engine does ${perSecond(engine.explainHeadersOnly.perSecond)}. An index of markers by header name and one multi-pattern pass over the body (instead of one includes() per marker) would cut most of it.`,
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

const chars = (count: number) => (count >= 1000 ? `${(count / 1000).toFixed(0)} k characters` : `${count} characters`);

function popupWhy(popup: PopupResult, eagerFiles: number | undefined, lazyMs: number): string {
  const { errors, clear, blank } = popup;
  const waits = errors.calls.filter((call) => call.perOpening >= 0.5 && call.end <= errors.headline.median);
  const last = waits.reduce<CallSummary | undefined>((latest, call) => (!latest || call.end > latest.end ? call : latest), undefined);
  return [
    `Opened the same way, an empty extension page with one empty module script shows its heading after ${ms(blank.headline.median)} (DOMContentLoaded ${ms(blank.domContentLoaded.median)}): what opening any extension page as a tab costs on this machine.`,
    `The popup reaches DOMContentLoaded at ${ms(errors.domContentLoaded.median)}${eagerFiles ? ` after its ${eagerFiles} eagerly loaded module files` : ''}, and on a tab with nothing to explain shows its headline at ${ms(clear.headline.median)}${clear.headline.median > TARGETS.popupHeadlineMs ? ', already over the target' : ''}.`,
    waits.length
      ? `On the tab with 50 errors it then waits for the tab's stored state, which the headline is drawn from: ${waits.map((call) => `${call.name}${call.perOpening >= 1.5 ? ` ×${Math.round(call.perOpening)}` : ''} (${ms(call.start)} → ${ms(call.end)}, answer ${chars(call.chars)})`).join(', ')}, and shows the headline at ${ms(errors.headline.median)}, ${ms(errors.headline.median - last!.end)} after the last answer (rendering).`
      : `On the tab with 50 errors the headline comes ${ms(errors.headline.median - errors.domContentLoaded.median)} after DOMContentLoaded.`,
    lazyMs > 0 ? `Importing the chunks it loads on demand takes ${ms(lazyMs)} on its own.` : '',
    `The headline already comes from the stored record alone (each stored failure carries its summary; the engine's full explanations are asked of the background only when a request is opened), so nothing but the tab's own state is on its path. What stays over the target is start-up: the ${ms(blank.headline.median)} any extension page costs here, ${ms(Math.max(0, errors.domContentLoaded.median - blank.domContentLoaded.median))} more to DOMContentLoaded for the popup's module files, then the read and one render.`,
  ]
    .filter(Boolean)
    .join(' ');
}

function popupTargets(popup: PopupResult, sizes: SizeResult | undefined): TargetRow[] {
  const rows: TargetRow[] = [];
  const bundle = sizes?.bundles.find((one) => one.name === 'popup');
  const headline = popup.errors.headline;
  const pass = headline.median <= TARGETS.popupHeadlineMs;
  const lazy = popup.lazyImports.reduce((sum, { ms: time }) => sum + time, 0);
  rows.push({
    what: 'Popup, opening popup.html?tabId=N to the headline in the DOM, tab with 50 recorded errors',
    target: `≤ ${ms(TARGETS.popupHeadlineMs)}`,
    measured: `${ms(headline.median)} (IQR ${iqr(headline, (v) => v.toFixed(0))} ms)`,
    pass,
    ...(!pass && {
      why: popupWhy(popup, bundle?.js.files.length, lazy),
    }),
  });
  if (bundle) {
    const total = bundle.js.gzip + bundle.lazyJs.gzip;
    const pass = total < TARGETS.popupJsGzipBytes;
    rows.push({
      what: 'Popup JavaScript, gzipped: loaded at open + loaded on demand to explain errors',
      target: `< ${kB(TARGETS.popupJsGzipBytes)}`,
      measured: `${kB(total)} (${kB(bundle.js.gzip)} at open + ${kB(bundle.lazyJs.gzip)} on demand)`,
      pass,
      ...(!pass && {
        why: [
          `Largest files: ${Object.entries({ ...bundle.js.gzipByFile, ...bundle.lazyJs.gzipByFile })
            .sort((a, b) => b[1] - a[1])
            .slice(0, 3)
            .map(([file, size]) => `${file.replace(/^chunks\//, '')} ${kB(size)}${file in bundle.lazyJs.gzipByFile ? ' (on demand)' : ''}`)
            .join(', ')}.`,
          bundle.lazyJs.gzip > 0
            ? 'The on-demand part is the explanation engine (gateway knowledge and header catalogue). Stored failures already carry the engine\'s summary, so the popup could show a tab\'s errors without it and import it only when one explanation is opened, or the background could hand over explanations it computes anyway.'
            : 'Shared chunks (Preact, the polyfill, the explanation view) count in full for every page that loads them.',
        ].join(' '),
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
    `Gatewhy in a fresh Chromium profile; a local page makes 50 fetch() calls that all get nginx 502s, and Gatewhy records ${popup.recorded} failures for its tab. Then \`popup.html?tabId=N\` is opened as a tab ${popup.errors.openings.length} times, each in a new page. An init script observes the DOM from document start and notes \`performance.now()\` (ms since the popup's navigation start) when the first element matching \`${HEADLINE_SELECTOR}\` has text. The popup said: "${popup.errors.openings[0]?.text ?? ''}" (state \`${popup.errors.openings[0]?.state ?? '–'}\`). For comparison, the same popup for a tab with nothing recorded, and a generated extension whose only page is a heading plus one empty module script, opened the same way in its own browser.`,
    '',
    table(['Measure', 'median', 'IQR (ms)', 'min – max (ms)'], [...series('50 errors', popup.errors), ...series('nothing recorded', popup.clear), ...series('empty extension page', popup.blank)]),
    '',
    `First opening (cold): ${ms(popup.errors.openings[0]?.headline ?? Number.NaN)} to the headline.`,
    '',
    `Extension API calls the popup made before its headline on the tab with 50 errors (wrapped by the same init script; medians over the openings; headline at ${ms(popup.errors.headline.median)}):`,
    '',
    table(
      ['Call', 'per opening', 'first called → last answered (ms since navigation start)', 'each took', 'answer'],
      popup.errors.calls.map((call) => [`\`${call.name}\``, call.perOpening.toFixed(1), `${call.start.toFixed(0)} → ${call.end.toFixed(0)}`, ms(call.duration, 1), chars(call.chars)]),
    ),
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
    ...(run.pageLoad ? pageLoadTargets(run) : []),
    ...(run.popup ? popupTargets(run.popup, run.sizes) : []),
    ...(run.engine ? engineTargets(run.engine) : []),
  ];
  const { machine } = run;
  const load = (values: number[] | undefined) => values?.map((value) => value.toFixed(2)).join(' / ') ?? '–';
  const misses = targets.filter((row) => !row.pass);
  const sections = [
    run.pageLoad && pageLoadSection(run),
    run.popup && popupSection(run.popup),
    run.engine && engineSection(run.engine),
    run.sizes && sizeSection(run.sizes),
  ].filter((section): section is string => Boolean(section));
  return [
    '# Gatewhy benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${run.date.slice(0, 10)} at ${run.date.slice(11, 16)} UTC; the run took ${run.durationMs ? `${(run.durationMs / 60_000).toFixed(1)} min` : '–'}. Do not edit by hand: run it again. The raw numbers of every load go to a JSON file in the temp directory (its path is printed at the end).`,
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
        ['Load average (1 / 5 / 15 min) at start → end', `${load(run.loadAverage.start)} → ${load(run.loadAverage.end)}`],
      ],
    ),
    '',
    'The machine is shared: other work ran during the run (see the load average), so absolute times are noisy. Page-load figures are medians of per-round ratios against a baseline loaded in the same round, which cancels most of that; every target is judged on a median.',
    '',
    '## Targets',
    '',
    table(['What', 'Target', 'Measured (median)', 'Same comparison in CPU time per load', 'Result'], targets.map((row) => [row.what, row.target, row.measured, row.cpu ?? '–', verdict(row.pass)])),
    '',
    ...(misses.length ? ['### Why the misses', '', ...misses.map((row) => `- **${row.what}:** ${row.why}`), ''] : ['Every target is met.', '']),
    ...(run.pageLoad && run.apiCalls ? [fixesSection(run), ''] : []),
    ...sections,
    '## Running it',
    '',
    '`npm run bench` builds the Chrome extension, runs everything above and rewrites this file. It takes `/tmp/gatewhy-browsers.lock` first, so it never overlaps other browser tests on the machine; a caller that already holds the lock runs `GATEWHY_BROWSER_LOCK= npm run bench`. Options: `--rounds N` (page-load rounds, default 20), `--openings N` (popup openings, default 20), `--only size,engine,page-load,popup` (prints the report instead of writing this file, unless `--out FILE`), `--no-build`, `--from RAW.json` (renders this file again from a run\'s raw results, measuring nothing). `npm test` never runs the benchmarks.',
    '',
  ].join('\n');
}
