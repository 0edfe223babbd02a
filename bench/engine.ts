// Engine throughput on the captured fixtures, and the time the worst hostile inputs take, in this Node process.
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { explainResponse, type ExplainInput } from '../utils/explain/explain-response';
import { parseHttpResponse } from '../utils/http-message';
import { GATEWAYS } from '../utils/gateways';
// As a namespace: the list's name and shape belong to the engine, and the walk below reads any shape.
import * as generic from '../utils/explain/generic';
import { stripQueryStrings } from '../utils/query-strings';
import { loadFixtures } from '../test/support/fixtures';
import { median, spread, type Spread } from './stats';

export interface Throughput {
  /** Median of the timed samples, in calls per second. */
  perSecond: number;
  samples: number[];
}

export interface HostileCase {
  name: string;
  /** What the engine is handed, in characters. */
  inputChars: number;
  explainMs: Spread;
  parseAndExplainMs: Spread;
}

/** Where the typical explain loop spends its time, from V8's sampling profiler. */
export interface HotSpot {
  /** "markerHolds (utils/explain/match.ts)" */
  where: string;
  /** Share of the profiled time spent in the function itself. */
  selfShare: number;
}

/** stripQueryStrings on one shape of hostile text, at two sizes: linear code takes twice as long on twice the text. */
export interface ScalingCase {
  name: string;
  sizes: [number, number];
  /** Median ms at each size. */
  ms: [number, number];
  /** Per repeat, the time at the larger size over the time at the smaller. */
  ratios: number[];
}

export interface EngineResult {
  fixtures: number;
  /** Fixtures the parser refused (e.g. a garbage response kept as a negative example); left out of the loops. */
  unparsed: number;
  explain: Throughput;
  /** As webRequest hands them to the extension for a subresource: status and headers, no body. */
  explainHeadersOnly: Throughput;
  parseAndExplain: Throughput;
  hostile: HostileCase[];
  hotSpots: HotSpot[];
  queryStrings: ScalingCase[];
}

// Many short samples rather than a few long ones: on a shared machine, other jobs then disturb a minority of them.
export const SAMPLES = 15;
/** Each timed sample runs whole passes over the fixtures for at least this long, so timer resolution is noise. */
export const SAMPLE_MS = 300;

// Results are folded into this, so the optimiser cannot drop a call whose result nobody reads.
let sink = 0;

/** Calls `pass` (which makes `callsPerPass` calls) repeatedly; returns calls per second for each sample. */
function measure(callsPerPass: number, pass: () => void): Throughput {
  // Warm-up: let V8 optimise the engine before timing it.
  for (let warm = performance.now(); performance.now() - warm < SAMPLE_MS;) pass();
  const samples: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample++) {
    let passes = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      pass();
      passes++;
      elapsed = performance.now() - start;
    } while (elapsed < SAMPLE_MS);
    samples.push((passes * callsPerPass * 1000) / elapsed);
  }
  return { perSecond: median(samples), samples };
}

function timeMs(run: () => void, repeats = 9): Spread {
  run(); // the first call compiles the paths this input takes
  const times: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return spread(times);
}

/** Profiles `run` for about `ms` in this process and returns the functions with the most self time. */
async function hotSpots(run: () => void, ms: number): Promise<HotSpot[]> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    for (const start = performance.now(); performance.now() - start < ms;) run();
    const { profile } = await session.post('Profiler.stop');
    const self = new Map<string, number>();
    const ticks = new Map<number, number>();
    profile.samples?.forEach((id, index) => ticks.set(id, (ticks.get(id) ?? 0) + (profile.timeDeltas?.[index] ?? 0)));
    let total = 0;
    for (const node of profile.nodes) {
      const time = ticks.get(node.id) ?? 0;
      const { functionName, url } = node.callFrame;
      const file = url ? path.relative(process.cwd(), new URL(url).pathname) : '';
      const where = `${functionName || '(anonymous)'}${file ? ` (${file})` : ''}`;
      self.set(where, (self.get(where) ?? 0) + time);
      total += time;
    }
    return (
      [...self]
        // Idle time and the profiler's own calls say nothing about the engine.
        .filter(([where]) => !['(idle)', '(program)', 'post (inspector)'].includes(where))
        .map(([where, time]) => ({ where, selfShare: time / total }))
        .sort((a, b) => b.selfShare - a.selfShare)
        .slice(0, 8)
    );
  } finally {
    session.disconnect();
  }
}

const MARKER_TEXT_KEYS = ['body', 'notBody', 'text', 'markup', 'includes', 'startsWith', 'equals'];

/** Every string a vendor file or body clue tests for, found by walking the declarations (no second list to keep in step). */
function vendorStrings(): { headers: string[]; texts: string[] } {
  const headers = new Set<string>();
  const texts = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'header' && typeof inner === 'string') headers.add(inner);
      else if (MARKER_TEXT_KEYS.includes(key) && typeof inner === 'string') texts.add(inner);
      else walk(inner);
    }
  };
  walk(GATEWAYS);
  walk((generic as Record<string, unknown>).BODY_CLUES);
  return { headers: [...headers].sort(), texts: [...texts].sort() };
}

/** Each marker minus its last character: every substring search runs almost to the end before it fails. */
function nearMarkers(length: number): string {
  const { texts } = vendorStrings();
  const near = texts.filter((text) => text.length > 3).map((text) => text.slice(0, -1));
  let out = '';
  for (let i = 0; out.length < length; i++) out += `${near[i % near.length]} `;
  return out.slice(0, length);
}

function hostileInputs(): { name: string; input: ExplainInput }[] {
  const { headers: names } = vendorStrings();
  const megabyte = 1024 * 1024;
  return [
    { name: '1 MB Server header value', input: { status: 502, headers: [{ name: 'Server', value: `nginx${'a'.repeat(megabyte)}` }] } },
    { name: '1 MB Via header of near-markers', input: { status: 502, headers: [{ name: 'Via', value: nearMarkers(megabyte) }] } },
    {
      name: '200 headers of 16 KB (vendor header names, near-marker values)',
      input: { status: 502, headers: Array.from({ length: 200 }, (_, i) => ({ name: names[i % names.length]!, value: nearMarkers(16 * 1024) })) },
    },
    {
      name: '64 KB body of repeated near-markers',
      input: { status: 502, headers: [{ name: 'Content-Type', value: 'text/html' }], bodyText: nearMarkers(64 * 1024) },
    },
    { name: '10 MB body of near-markers (cut to 64 KB)', input: { status: 502, bodyText: nearMarkers(10 * megabyte) } },
    { name: '1 MB body of whitespace runs', input: { status: 502, bodyText: ' \t\r\n'.repeat(megabyte / 4) } },
  ];
}

/** The response as curl -i would print it, for the parse+explain timing of the hostile cases. */
function asRawText({ status, headers, bodyText }: ExplainInput): string {
  // Some vendor texts span lines; a header value cannot, so line breaks become spaces in the raw form.
  const lines = (headers as { name: string; value: string }[] | undefined)?.map(({ name, value }) => `${name}: ${value.replace(/[\r\n]+/g, ' ')}`) ?? [];
  return [`HTTP/1.1 ${status} Bad Gateway`, ...lines, '', bodyText ?? ''].join('\r\n');
}

const inputChars = ({ headers, bodyText }: ExplainInput) =>
  ((headers as { name: string; value: string }[] | undefined) ?? []).reduce((sum, { name, value }) => sum + name.length + value.length, 0) +
  (bodyText?.length ?? 0);

/**
 * Shapes of header text that make a backtracking scan for "an address followed by ? or #" slow: every separator
 * followed by a slash starts a path that runs to the end of the text. Header values are stored up to 16 KB each.
 */
const QUERY_STRING_SHAPES: Record<string, (chars: number) => string> = {
  'slashes, then "a," pairs (the old unit test)': (chars) => `${'/'.repeat(chars / 2)} ${'a,'.repeat(chars / 4)}`,
  'path segments, no query': (chars) => '/a'.repeat(chars / 2),
  'path segments, then one ?': (chars) => `${'/a'.repeat(chars / 2)}?`,
  '" /a" repeated': (chars) => ' /a'.repeat(chars / 3),
  '"=/" repeated (a separator before every slash)': (chars) => '=/'.repeat(chars / 2),
  '" a://" repeated': (chars) => ' a://'.repeat(chars / 5),
};
const QUERY_STRING_SIZES: [number, number] = [8192, 16_384];

/** Times stripQueryStrings on each shape at both sizes, alternating, after one untimed call of each. */
export function benchQueryStrings(repeats = 7): ScalingCase[] {
  return Object.entries(QUERY_STRING_SHAPES).map(([name, make]) => {
    const texts = QUERY_STRING_SIZES.map(make) as [string, string];
    for (const text of texts) sink += stripQueryStrings(text).length;
    const times: [number[], number[]] = [[], []];
    for (let repeat = 0; repeat < repeats; repeat++) {
      texts.forEach((text, index) => {
        const start = performance.now();
        sink += stripQueryStrings(text).length;
        times[index]!.push(performance.now() - start);
      });
    }
    return {
      name,
      sizes: [texts[0].length, texts[1].length],
      ms: [median(times[0]), median(times[1])],
      ratios: times[1].map((time, index) => time / Math.max(times[0][index]!, 1e-3)),
    };
  });
}

export async function benchEngine(): Promise<EngineResult> {
  const fixtures = loadFixtures();
  const texts: string[] = [];
  const inputs: ExplainInput[] = [];
  for (const fixture of fixtures) {
    try {
      const response = parseHttpResponse(fixture.text);
      texts.push(fixture.text);
      inputs.push({ status: response.status, statusText: response.statusText, headers: response.headers, bodyText: response.body });
    } catch {
      // Unparseable on purpose (a garbage reply): the extension never sees these as responses.
    }
  }
  const headersOnly = inputs.map(({ bodyText: _body, ...rest }) => rest);

  const explainAll = () => {
    for (const input of inputs) sink += explainResponse(input).headline.length;
  };
  const explain = measure(inputs.length, explainAll);
  const explainHeadersOnly = measure(headersOnly.length, () => {
    for (const input of headersOnly) sink += explainResponse(input).headline.length;
  });
  const parseAndExplain = measure(texts.length, () => {
    for (const text of texts) {
      const response = parseHttpResponse(text);
      sink += explainResponse({ status: response.status, statusText: response.statusText, headers: response.headers, bodyText: response.body }).headline.length;
    }
  });

  const hostile = hostileInputs().map(({ name, input }) => {
    const raw = asRawText(input);
    return {
      name,
      inputChars: inputChars(input),
      explainMs: timeMs(() => void (sink += explainResponse(input).headline.length)),
      parseAndExplainMs: timeMs(() => {
        const response = parseHttpResponse(raw);
        sink += explainResponse({ status: response.status, headers: response.headers, bodyText: response.body }).headline.length;
      }),
    };
  });
  if (sink === 0) throw new Error('the engine returned no headlines');
  const queryStrings = benchQueryStrings();
  return {
    fixtures: fixtures.length,
    unparsed: fixtures.length - inputs.length,
    explain,
    explainHeadersOnly,
    parseAndExplain,
    hostile,
    hotSpots: await hotSpots(explainAll, 1500),
    queryStrings,
  };
}
