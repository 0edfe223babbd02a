// Scores the engine on every fixture four ways (full, headers only, body only, visible text only), per fixture set,
// and prints the vendor coverage and reliability tables: `npm run accuracy [-- --all] [--mode full] [--set held-out]`.
import { parseArgs } from 'node:util';
import { GATEWAYS } from '../utils/gateways';
import { CALIBRATION } from '../utils/explain/calibration-table';
import { calibrate, type CalibrationSteps, type EvidenceClass } from '../utils/explain/confidence';
import { explainResponse, explainUncalibrated, isUnexplained, type ExplainInput } from '../utils/explain/explain-response';
import { detectProducts } from '../utils/explain/detect';
import { prepareEvidence } from '../utils/explain/evidence';
import { unwrapBody, visibleText } from '../utils/explain/page-text';
import { normalizeHeaders } from '../utils/headers';
import { HttpParseError } from '../utils/http-message';
import { fixtureResponse, loadAllFixtures, type Fixture, type FixtureSet } from '../test/support/fixtures';
import { fitSteps, type Outcome } from './calibration';

/** What the engine is given: all of it, the status line and headers, the body alone, or the body's visible text alone. */
export type Mode = 'full' | 'headers' | 'body' | 'text';
export const MODES: readonly Mode[] = ['full', 'headers', 'body', 'text'];
export const SETS: readonly FixtureSet[] = ['captured', 'published', 'held-out'];

export interface Score {
  name: string;
  set: FixtureSet;
  mode: Mode;
  gateway: boolean;
  causeFirst: boolean;
  causeTop3: boolean;
  source: boolean;
  /**
   * The truth's vendor is recognised in what this mode shows (its fingerprint reaches the threshold on this half):
   * the issue's "wherever that half carries the vendor's mark", with the mark as the vendor file defines it.
   */
  marked: boolean;
  /** Calibrated confidence in the gateway answer and the first cause, as the explanation states it. */
  confidence: { gateway: number; cause: number };
  /** The engine's scores before calibration, and what they are fitted per. */
  raw: { gateway: number; cause: number; class: EvidenceClass };
  got: { gateway: string | null; causes: string[]; source: string };
  want: { gateway: string | null; cause: string; source: string };
}

/** A fixture that cannot be scored in a mode, and why. */
export interface Unscored {
  name: string;
  mode: Mode;
  reason: string;
}

/**
 * The engine's input for a fixture in a mode; a string saying why there is none (no body to show alone, or a
 * response that is not an error).
 */
export function inputFor(fixture: Fixture, mode: Mode): ExplainInput | string {
  let response;
  try {
    response = fixtureResponse(fixture);
  } catch (error) {
    return error instanceof HttpParseError ? error.message : String(error);
  }
  const status = response.status ?? fixture.status;
  if (status !== undefined && status < 400) return `status ${status} is not an error`;
  const given = { ...(response.status !== undefined && { status: response.status, statusText: response.statusText }) };
  if (mode === 'full') return { ...given, headers: response.headers, bodyText: response.body };
  if (mode === 'headers')
    return response.status !== undefined || response.headers.length > 0 ? { ...given, headers: response.headers } : 'nothing but a body was posted';
  if (response.body.trim() === '') return 'no body';
  if (mode === 'body') return { bodyText: response.body };
  // What selecting the page and copying it gives: no title, no markup, no status line.
  const text = visibleText(unwrapBody(response.body), false).text;
  return text === '' ? 'no visible text' : { bodyText: text };
}

function scoreOne(fixture: Fixture, mode: Mode, input: ExplainInput): Score {
  const explanation = explainResponse(input);
  if (isUnexplained(explanation)) throw new Error(`${fixture.name} (${mode}) fell into the engine's crash answer: ${explanation.headline}`);
  const { raw } = explainUncalibrated(input);
  const causes = explanation.causes.map(({ id }) => id);
  const got = { gateway: explanation.gateway?.id ?? null, causes, source: explanation.source };
  const evidence = prepareEvidence({
    status: input.status,
    reason: input.statusText ?? '',
    headers: normalizeHeaders(input.headers),
    ...(input.bodyText !== undefined && { body: input.bodyText }),
  });
  const marked = fixture.gateway !== null && detectProducts(evidence).found.some(({ gateway }) => gateway.id === fixture.gateway);
  return {
    name: fixture.name,
    set: fixture.set,
    mode,
    gateway: got.gateway === fixture.gateway,
    causeFirst: causes[0] === fixture.cause,
    causeTop3: causes.slice(0, 3).includes(fixture.cause as never),
    source: fixture.source === 'unknown' || got.source === fixture.source,
    marked,
    confidence: explanation.confidence,
    raw: raw ?? { gateway: 1, cause: 1, class: 'full' },
    got,
    want: { gateway: fixture.gateway, cause: fixture.cause, source: fixture.source },
  };
}

export function scoreFixtures(options: { sets?: readonly FixtureSet[]; modes?: readonly Mode[]; fixtures?: readonly Fixture[] } = {}): {
  scores: Score[];
  unscored: Unscored[];
} {
  const sets = options.sets ?? SETS;
  const modes = options.modes ?? MODES;
  const scores: Score[] = [];
  const unscored: Unscored[] = [];
  for (const fixture of options.fixtures ?? loadAllFixtures()) {
    if (!sets.includes(fixture.set)) continue;
    for (const mode of modes) {
      const input = inputFor(fixture, mode);
      if (typeof input === 'string') unscored.push({ name: fixture.name, mode, reason: input });
      else scores.push(scoreOne(fixture, mode, input));
    }
  }
  return { scores, unscored };
}

export interface Summary {
  fixtures: number;
  /** Right gateway, over fixtures whose truth names one. */
  gateway: number;
  causeFirst: number;
  causeTop3: number;
  source: number;
  /** No gateway claimed, over plain application errors. */
  plainWithoutGateway: number;
  /** Right gateway, over fixtures whose given half carries the vendor's mark (see Score.marked). */
  gatewayWhereMarked: number;
  counts: { withGateway: number; knownCause: number; plain: number; marked: number };
}

export function summarize(scores: readonly Score[]): Summary {
  const share = (list: readonly Score[], key: 'gateway' | 'causeFirst' | 'causeTop3' | 'source') =>
    list.length ? list.filter((score) => score[key]).length / list.length : 1;
  const withGateway = scores.filter((score) => score.want.gateway !== null);
  const plain = scores.filter((score) => score.want.gateway === null);
  const knownCause = scores.filter((score) => score.want.cause !== 'unknown');
  const marked = withGateway.filter((score) => score.marked);
  return {
    fixtures: scores.length,
    gateway: share(withGateway, 'gateway'),
    causeFirst: share(knownCause, 'causeFirst'),
    causeTop3: share(knownCause, 'causeTop3'),
    source: share(scores, 'source'),
    plainWithoutGateway: share(plain, 'gateway'),
    gatewayWhereMarked: share(marked, 'gateway'),
    counts: { withGateway: withGateway.length, knownCause: knownCause.length, plain: plain.length, marked: marked.length },
  };
}

export interface ReliabilityBin {
  /** Confidence from, to (0..1). */
  from: number;
  to: number;
  n: number;
  meanConfidence: number;
  shareRight: number;
}

/** Confidence in 10-point bins against the share of answers that were right. */
export function reliability(
  scores: readonly Score[],
  of: 'gateway' | 'cause',
  confidenceOf: (score: Score) => number = (score) => score.confidence[of],
): ReliabilityBin[] {
  const relevant = of === 'cause' ? scores.filter((score) => score.want.cause !== 'unknown') : scores;
  return Array.from({ length: 10 }, (_, bin) => {
    const inBin = relevant.filter((score) => Math.min(9, Math.floor(confidenceOf(score) * 10)) === bin);
    const right = inBin.filter((score) => (of === 'gateway' ? score.gateway : score.causeFirst)).length;
    return {
      from: bin / 10,
      to: (bin + 1) / 10,
      n: inBin.length,
      meanConfidence: inBin.length ? inBin.reduce((sum, score) => sum + confidenceOf(score), 0) / inBin.length : 0,
      shareRight: inBin.length ? right / inBin.length : 0,
    };
  });
}

/** Bins with at least this many answers must be within CALIBRATION_TOLERANCE. */
export const CALIBRATION_MIN_BIN = 10;
export const CALIBRATION_TOLERANCE = 0.05;

export const offBins = (bins: readonly ReliabilityBin[]) =>
  bins.filter((bin) => bin.n >= CALIBRATION_MIN_BIN && Math.abs(bin.meanConfidence - bin.shareRight) > CALIBRATION_TOLERANCE);

/** The outcomes calibration is fitted on, per answer and evidence class. */
export function outcomes(scores: readonly Score[]): { gateway: Record<EvidenceClass, Outcome[]>; cause: Record<EvidenceClass, Outcome[]> } {
  const empty = (): Record<EvidenceClass, Outcome[]> => ({ full: [], headers: [], body: [] });
  const result = { gateway: empty(), cause: empty() };
  for (const score of scores) {
    result.gateway[score.raw.class].push({ raw: score.raw.gateway, right: score.gateway });
    if (score.want.cause !== 'unknown') result.cause[score.raw.class].push({ raw: score.raw.cause, right: score.causeFirst });
  }
  return result;
}

export function fitTable(scores: readonly Score[]): { gateway: CalibrationSteps; cause: CalibrationSteps } {
  const fitted = outcomes(scores);
  const fit = (byClass: Record<EvidenceClass, Outcome[]>): CalibrationSteps => ({
    full: fitSteps(byClass.full),
    headers: fitSteps(byClass.headers),
    body: fitSteps(byClass.body),
  });
  return { gateway: fit(fitted.gateway), cause: fit(fitted.cause) };
}

/**
 * Reliability out of sample: the tuned fixtures in five folds (by fixture, all modes together), each scored with a
 * table fitted on the other four. In-sample bins are calibrated by construction; these say how well it generalises.
 */
export function crossValidated(scores: readonly Score[], folds = 5): Score[] {
  const foldOf = (name: string) => [...name].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7) % folds;
  return Array.from({ length: folds }, (_, fold) => {
    const table = fitTable(scores.filter((score) => foldOf(score.name) !== fold));
    return scores
      .filter((score) => foldOf(score.name) === fold)
      .map((score) => ({
        ...score,
        confidence: { gateway: calibrate(table.gateway[score.raw.class], score.raw.gateway), cause: calibrate(table.cause[score.raw.class], score.raw.cause) },
      }));
  }).flat();
}

export interface CoverageRow {
  id: string;
  documented: number;
  covered: number;
  /** Covered and backed by an example the registry test runs. */
  verified: number;
  logOnly: number;
}

/** Per vendor: documented error texts and codes (the `documented` list in its file) against those a variant covers. */
export function coverage(): CoverageRow[] {
  return GATEWAYS.map((gateway) => {
    const documented = gateway.documented ?? [];
    const ids = new Set(gateway.variants.map(({ id }) => id));
    const covered = documented.filter((entry) => entry.variant !== undefined && ids.has(entry.variant));
    return {
      id: gateway.id,
      documented: documented.length,
      covered: covered.length,
      verified: covered.filter((entry) => entry.example !== undefined).length,
      logOnly: documented.filter((entry) => entry.logOnly).length,
    };
  });
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

function printSummaries(scores: readonly Score[]): void {
  console.log('\n| set | mode | fixtures | gateway | gateway where the half is marked | cause first | cause top 3 | source | plain apps, no gateway |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const set of SETS) {
    for (const mode of MODES) {
      const list = scores.filter((score) => score.set === set && score.mode === mode);
      if (list.length === 0) continue;
      const s = summarize(list);
      console.log(
        `| ${set} | ${mode} | ${s.fixtures} | ${pct(s.gateway)} (${s.counts.withGateway}) | ${pct(s.gatewayWhereMarked)} (${s.counts.marked}) | ${pct(s.causeFirst)} | ${pct(s.causeTop3)} (${s.counts.knownCause}) | ${pct(s.source)} | ${pct(s.plainWithoutGateway)} (${s.counts.plain}) |`,
      );
    }
  }
}

function printReliability(title: string, scores: readonly Score[]): void {
  for (const of of ['gateway', 'cause'] as const) {
    const bins = reliability(scores, of);
    const off = offBins(bins);
    console.log(
      `\n${title}, ${of === 'gateway' ? 'gateway' : 'first cause'}: ${off.length === 0 ? `every bin with ≥ ${CALIBRATION_MIN_BIN} answers within ${CALIBRATION_TOLERANCE * 100} points` : `${off.length} bin(s) off by more than ${CALIBRATION_TOLERANCE * 100} points`}`,
    );
    console.log('| confidence | answers | mean confidence | share right |');
    console.log('|---|---|---|---|');
    for (const bin of bins)
      if (bin.n > 0)
        console.log(
          `| ${bin.from * 100}–${bin.to * 100} % | ${bin.n} | ${pct(bin.meanConfidence)} | ${pct(bin.shareRight)}${bin.n >= CALIBRATION_MIN_BIN && Math.abs(bin.meanConfidence - bin.shareRight) > CALIBRATION_TOLERANCE ? ' ✗' : ''} |`,
        );
  }
}

function printCoverage(): void {
  const rows = coverage();
  console.log("\nVendor coverage: documented error texts and codes (each vendor file's `documented` list) covered by a variant");
  console.log('| vendor | documented | covered | verified by an example | log only |');
  console.log('|---|---|---|---|---|');
  for (const row of rows)
    console.log(
      `| ${row.id} | ${row.documented || '– (no list yet)'} | ${row.documented ? row.covered : '–'} | ${row.documented ? row.verified : '–'} | ${row.documented ? row.logOnly : '–'} |`,
    );
  const total = rows.reduce((sum, row) => ({ documented: sum.documented + row.documented, covered: sum.covered + row.covered }), { documented: 0, covered: 0 });
  console.log(
    `${rows.filter((row) => row.documented > 0).length} of ${rows.length} vendors list their documented errors; ${total.covered} of ${total.documented} listed are covered.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      all: { type: 'boolean', default: false },
      mode: { type: 'string', multiple: true },
      set: { type: 'string', multiple: true },
      misses: { type: 'boolean', default: true },
    },
  });
  const modes = (values.mode as Mode[] | undefined) ?? MODES;
  const sets = (values.set as FixtureSet[] | undefined) ?? SETS;
  const { scores, unscored } = scoreFixtures({ modes, sets });
  for (const score of scores) {
    // Held-out misses are counted, never listed: a rule written after reading one would no longer be held out.
    if (score.set === 'held-out') continue;
    const wrong = [!score.gateway && 'gateway', !score.causeTop3 ? 'cause(top3)' : !score.causeFirst && 'cause(first)', !score.source && 'source'].filter(
      Boolean,
    );
    if (!values.all && (wrong.length === 0 || score.mode !== 'full')) continue;
    console.log(`${wrong.length ? '✗' : '✓'} [${score.set}, ${score.mode}] ${score.name}${wrong.length ? `  [${wrong.join(', ')}]` : ''}`);
    if (wrong.length) console.log(`    want ${JSON.stringify(score.want)}\n    got  ${JSON.stringify({ ...score.got, causes: score.got.causes.slice(0, 3) })}`);
  }
  const notScored = unscored.filter(({ mode }) => mode === 'full');
  for (const { name, reason } of notScored) console.log(`- ${name}: not scored, ${reason}`);
  console.log(`\n${unscored.length} fixture-mode pairs not scored (no body to show alone, nothing but a body posted, or not an error response).`);
  printSummaries(scores);
  console.log(
    '\n"gateway" counts every fixture whose truth names a gateway; "where the half is marked" only those where the vendor file\'s fingerprint recognises the vendor in what that mode shows. Captured: responses from software run here; published: posted by vendors and users, tuned on; held-out: posted, never tuned on.',
  );
  const tuned = scores.filter((score) => score.set !== 'held-out');
  const heldOut = scores.filter((score) => score.set === 'held-out');
  printReliability('Reliability, tuned fixtures (all modes; the calibration was fitted on these)', tuned);
  printReliability('Reliability, tuned fixtures, 5-fold cross-validated (each fold scored by a table fitted on the others)', crossValidated(tuned));
  if (heldOut.length > 0) printReliability('Reliability, held-out fixtures (never fitted on)', heldOut);
  else console.log('\nNo held-out fixtures yet (test/fixtures/held-out/).');
  printCoverage();
  // The shipped table must be the one these fixtures give: say so when it is stale.
  if (modes === MODES && sets === SETS) {
    const fresh = fitTable(tuned);
    if (JSON.stringify(fresh) !== JSON.stringify({ gateway: CALIBRATION.gateway, cause: CALIBRATION.cause }))
      console.log('\nThe calibration table is stale: run `npm run fit-calibration`.');
  }
}
