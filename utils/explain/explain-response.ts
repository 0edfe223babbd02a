// The explanation engine: from whatever part of a response arrived, the route it took, which hop wrote the error, why, and what to do.
import { normalizeHeaders, headerValue, type HeaderInput } from '../headers';
import type { Advice, CauseId, GatewayKind, Source, Variant } from '../gateways/types';
import { applicationBodySign, decideAuthorship, GATEWAY_FAILURE_STATUSES, unknownServerHop, unnamedProxyHop, type Authorship } from './authorship';
import { causeHeadline, causeOwnerCheck, causeTitle, CauseTally, statusMeaning, type CauseFinding } from './causes';
import { calibratedConfidence, confidenceLevel, evidenceClass, type ConfidenceLevel, type RawConfidence } from './confidence';
import { defaultCatalogue, detectProducts, impliedStatus, isOwnPage, specificity, type Catalogue, type Detection } from './detect';
import { prepareEvidence, type Evidence, type EvidenceSeen } from './evidence';
import { BODY_CLUES, CACHE_HIT_MARKERS, IGNORED_NETWORK_ERRORS, NETWORK_ERRORS } from './generic';
import { decodeHeaders, type DecodedHeader } from './header-catalogue';
import { compileMarker, describeMarker, holds, says, toPhrase } from './match';
import { applicationName, buildRoute, knownHop, unknownViaHops, viaEntries, type Hop, type RouteHop } from './route';
import { formatDuration, parseRetryAfter } from './time';
import { say, sayVendor, type MessageKey } from '../wording';

export type { CauseFinding } from './causes';
export type { EvidenceSeen } from './evidence';
export type { RouteHop } from './route';

export interface ExplainInput {
  /** HTTP status; 0 or absent when no status line is known (a pasted page: it is read off the page), or no response arrived (see networkError). */
  status?: number;
  statusText?: string;
  headers?: HeaderInput;
  /** The start of the body, or the error page's serialized DOM, or its copied text. Absent when the body was not seen. */
  bodyText?: string;
  /** True when bodyText holds only the start of the body. */
  bodyTruncated?: boolean;
  url?: string;
  /** The browser's error when no response arrived, e.g. "net::ERR_CONNECTION_REFUSED". */
  networkError?: string;
  /** Epoch ms; defaults to now. Fixes the clock for Retry-After and Date. */
  now?: number;
}

/** The hop that wrote the error, or (when the application wrote it) the gateway that passed it on. */
export interface GatewayFinding {
  id: string;
  name: string;
  kind: GatewayKind;
  /** False for a proxy Gatewhy has no vendor file for: its id is a slug of the name it gives, or "unknown". */
  known: boolean;
  /** 0..1, calibrated: how often Gatewhy's gateway answer is right when it has this much to go on. */
  confidence: number;
  evidence: string[];
}

export interface Explanation {
  /** The status code; 0 when none arrived or none could be read off the page. */
  status: number;
  statusText: string;
  /** One line: "502 from Cloudflare: the gateway could not connect to the origin server"; hedged when unsure. */
  headline: string;
  /** What this error means, from the recognised variant or the status. */
  meaning: string;
  /** The gateway that wrote the error; when the application wrote it, the gateway nearest it that passed it on; null when none is seen. */
  gateway: GatewayFinding | null;
  /** Every hop the response came through, outermost first, each saying whether it wrote or relayed the error. */
  route: RouteHop[];
  /** The vendor's name for this error and its stable id, when Gatewhy recognises it. */
  variant?: string;
  variantId?: string;
  source: Source;
  sourceEvidence: string[];
  /** Most likely first. */
  causes: CauseFinding[];
  /** Calibrated chances that the gateway answer (a name or none) and the first cause are right. */
  confidence: { gateway: number; cause: number };
  /** What was known of the response: the status line, the headers, the body. */
  evidence: EvidenceSeen;
  /** When the body was not seen or cut short: what it would have told. */
  bodyWouldTell?: string;
  /** What would tell the leading causes apart, when the response cannot. */
  tellApart?: string;
  cached: boolean;
  cacheEvidence: string[];
  /** Seconds the server asked clients to wait, from Retry-After. */
  retryAfterSeconds?: number;
  headers: DecodedHeader[];
  advice: Advice;
  statusPage?: string;
  /** Set only on the engine's crash answer ("Gatewhy could not read this response"): no input should ever get it. */
  unreadable?: true;
  /** Documents the rules used here rest on. */
  references: string[];
}

/** Weight of the status's generic causes next to a recognised vendor variant. */
const STATUS_PRIOR_WEIGHT = 0.15;

function findCauses(evidence: Evidence, authorship: Authorship, appVariants: readonly Variant[]): CauseTally {
  const tally = new CauseTally();
  const status = statusMeaning(evidence.status, evidence.seen.status !== 'unknown');
  const variants = authorship.source === 'origin' && appVariants.length > 0 ? [...appVariants, ...authorship.variants] : authorship.variants;
  variants.forEach((variant, index) => {
    tally.add(
      variant.causes,
      index === 0 ? 1 : 0.5,
      `${variant.title} (${variant.when
        .map((one) => describeMarker(one, evidence))
        .filter(Boolean)
        .join(', ')})`,
    );
  });
  tally.add(
    status.causes,
    variants.length > 0 ? STATUS_PRIOR_WEIGHT : 1,
    evidence.status > 0 ? `HTTP ${evidence.status}: ${say(status.meaning)}` : say(status.meaning),
  );
  // Words on a page the application wrote say something; words on a known gateway's stock page do not.
  if (!isOwnPage(variants[0])) {
    const weight = variants.length > 0 && variants[0]!.source !== 'origin' ? 0.3 : 1;
    for (const clue of BODY_CLUES) {
      if (says(evidence, CLUE_PHRASES.get(clue)!)) tally.add({ [clue.cause]: clue.weight }, weight, say('evidence.pageSays', { text: clue.text }));
    }
    if (evidence.status === 503 && evidence.values.has('retry-after')) {
      tally.add({ maintenance: 0.2, overloaded: 0.2 }, 1, say('evidence.retryAfter'));
    }
  }
  if (!authorship.gatewayHop && authorship.source === 'origin' && evidence.body === 'seen') {
    tally.add({ 'origin-app-error': 0.5 }, 1, say('evidence.noGatewayOwnBody'));
  }
  return tally;
}

const CLUE_PHRASES = new Map(BODY_CLUES.map((clue) => [clue, toPhrase(clue.text)]));

// Compiled once: the generic cache markers are tested on every explanation.
const CACHE_TESTS = CACHE_HIT_MARKERS.map((marker) => ({ marker, test: compileMarker(marker) }));

function findCache(evidence: Evidence): string[] {
  const lines: string[] = [];
  const age = Number(evidence.values.get('age')?.[0]);
  if (Number.isFinite(age) && age > 0) lines.push(say('evidence.age', { age, duration: formatDuration(age) }));
  for (const { marker, test } of CACHE_TESTS) {
    if (holds(test, evidence)) lines.push(`${describeMarker(marker, evidence)}: ${sayVendor(marker.note)}`);
  }
  const varnishIds = evidence.values.get('x-varnish')?.[0]?.split(' ').filter(Boolean) ?? [];
  if (varnishIds.length >= 2) lines.push(say('evidence.varnishHit'));
  return lines;
}

function uniqueLines(...lists: (readonly string[] | undefined)[]): string[] {
  return [...new Set(lists.flatMap((list) => list ?? []))];
}

interface AdviceContext {
  causes: CauseFinding[];
  variant: Variant | undefined;
  writer: Detection | undefined;
  cached: boolean;
  retryAfter: number | undefined;
  tellApart: string | undefined;
}

function buildAdvice({ causes, variant, writer, cached, retryAfter, tellApart }: AdviceContext): Advice {
  const top = causes[0]?.id ?? 'unknown';
  const visitor = [
    retryAfter !== undefined ? say('advice.waitRetryAfter', { wait: formatDuration(retryAfter) }) : undefined,
    cached ? say('advice.cachedError') : undefined,
    top === 'maintenance' ? say('advice.maintenance') : say('advice.tryAgain'),
    writer?.gateway.statusPage ? say('advice.statusPage', { gateway: writer.gateway.name, url: writer.gateway.statusPage }) : undefined,
  ].filter((line): line is string => line !== undefined);
  const owner = uniqueLines(
    variant?.advice?.owner?.map(sayVendor),
    causes.slice(0, 2).map(({ id }) => causeOwnerCheck(id)),
    tellApart ? [sayVendor(tellApart)] : undefined,
    writer?.gateway.advice.owner.map(sayVendor),
  );
  return { visitor: uniqueLines(variant?.advice?.visitor?.map(sayVendor), visitor, writer?.gateway.advice.visitor.map(sayVendor)), owner };
}

// The headline's words for each confidence level (utils/explain/confidence.ts): who wrote it, and the cause.
const WRITTEN_BY = {
  gateway: { sure: 'headline.from', likely: 'headline.probablyFrom', guess: 'headline.possiblyFrom' },
  origin: { sure: 'headline.passedOn', likely: 'headline.probablyPassedOn', guess: 'headline.possiblyPassedOn' },
} as const satisfies Record<string, Record<ConfidenceLevel, MessageKey>>;
const CAUSE_WORDS = { sure: 'headline.sure', likely: 'headline.likely', guess: 'headline.guess' } as const satisfies Record<ConfidenceLevel, MessageKey>;

/** "502 from nginx: …", hedged in words when the calibrated confidence is low. */
function headlineFor(explanation: Pick<Explanation, 'status' | 'statusText' | 'gateway' | 'source' | 'causes' | 'confidence'>): string {
  const { status, statusText, gateway, source, confidence } = explanation;
  const top: CauseId = explanation.causes[0]?.id ?? 'unknown';
  const label = status > 0 ? String(status) : say('headline.errorPage');
  const who = gateway
    ? say(WRITTEN_BY[source === 'origin' ? 'origin' : 'gateway'][confidenceLevel(confidence.gateway)], { status: label, gateway: gateway.name })
    : statusText && status > 0
      ? say('headline.statusWithText', { status: label, statusText })
      : label;
  const cause = causeHeadline(top);
  return say(top === 'unknown' ? 'headline.sure' : CAUSE_WORDS[confidenceLevel(confidence.cause)], { who, cause });
}

function bodyNote(seen: EvidenceSeen, writer: Detection | undefined): string | undefined {
  if (seen.body !== 'unseen' && seen.body !== 'truncated') return undefined;
  return writer?.gateway.bodyTells ? sayVendor(writer.gateway.bodyTells) : say('engine.bodyWouldTell');
}

function explainNetworkError(error: string, headers: DecodedHeader[]): Explanation {
  const known = NETWORK_ERRORS.find(({ includes }) => error.toUpperCase().includes(includes));
  const tally = new CauseTally();
  tally.add(
    known?.causes ?? { unknown: 1 },
    1,
    known ? say('evidence.networkError', { error, says: say(known.says) }) : say('evidence.unknownNetworkError', { error }),
  );
  const causes = tally.ranked();
  const top = causes[0]?.id ?? 'unknown';
  return {
    status: 0,
    statusText: error,
    headline: say('headline.notLoaded', { reason: known ? say(known.says) : error }),
    meaning: say('engine.noResponse'),
    gateway: null,
    route: [],
    source: 'unknown',
    sourceEvidence: [],
    causes,
    confidence: { gateway: 1, cause: causes[0]?.likelihood ?? 0 },
    evidence: { status: 'unknown', headers: headers.length > 0 ? 'seen' : 'unseen', body: 'unseen' },
    cached: false,
    cacheEvidence: [],
    headers,
    advice: {
      visitor: [say('advice.checkConnection')],
      owner: [causeOwnerCheck(top)],
    },
    references: [],
  };
}

const asStatus = (status: unknown) => (typeof status === 'number' && Number.isInteger(status) && status >= 0 && status <= 999 ? status : 0);
const asText = (text: unknown) => (typeof text === 'string' ? text : undefined);

/**
 * Explains one response, from all of it or any part: headers only, a body only (its status read off the page), copied
 * text, a status line alone. Total: any input, however odd, returns an Explanation and never throws.
 *
 * @example
 * explainResponse({ status: 521, headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6789-SJC' } }).headline
 * // "521 from Cloudflare: the gateway could not connect to the origin server"
 */
export function explainResponse(input: ExplainInput, catalogue: Catalogue = defaultCatalogue()): Explanation {
  try {
    const { explanation, raw } = explainUncalibrated(input, catalogue);
    if (!raw) return explanation;
    // The explanation was made for this call alone: calibrate it in place.
    const confidence = calibratedConfidence(raw);
    explanation.confidence = confidence;
    explanation.causes = rescaleCauses(explanation.causes, confidence.cause);
    if (explanation.gateway) explanation.gateway.confidence = confidence.gateway;
    explanation.headline = headlineFor(explanation);
    return explanation;
  } catch (error) {
    return unexplained(error);
  }
}

/** Shares that keep their order and ratios, with the first at its calibrated confidence (the rest fill at most what is left). */
function rescaleCauses(causes: CauseFinding[], first: number): CauseFinding[] {
  const top = causes[0]?.likelihood;
  if (top === undefined || top <= 0) return causes;
  const rest = 1 - top;
  const factor = (index: number) => (index === 0 ? first / top : first <= top || rest <= 0 ? first / top : (1 - first) / rest);
  // The ranking was made for this explanation alone: rescale it in place.
  causes.forEach((cause, index) => (cause.likelihood = Math.round(cause.likelihood * factor(index) * 100) / 100));
  return causes;
}

function unexplained(error: unknown): Explanation {
  const reason = error instanceof Error ? error.message : say('engine.unreadableInput');
  return {
    status: 0,
    statusText: '',
    headline: say('headline.unreadable', { reason: reason.slice(0, 200) }),
    meaning: say('engine.unreadable'),
    gateway: null,
    route: [],
    source: 'unknown',
    sourceEvidence: [],
    causes: [{ id: 'unknown', title: causeTitle('unknown'), likelihood: 1, evidence: [] }],
    unreadable: true,
    confidence: { gateway: 0, cause: 0 },
    evidence: { status: 'unknown', headers: 'unseen', body: 'unseen' },
    cached: false,
    cacheEvidence: [],
    headers: [],
    advice: { visitor: [], owner: [] },
    references: [],
  };
}

/** True when an explanation is the engine's crash answer: no input should ever get it. */
export const isUnexplained = (explanation: Explanation) => explanation.unreadable === true;

/**
 * The explanation before calibration, with the raw scores calibration maps; scripts/fit-calibration.ts fits on these.
 * `raw` is absent for network errors, which carry no response to be unsure about.
 */
export function explainUncalibrated(input: ExplainInput, catalogue: Catalogue = defaultCatalogue()): { explanation: Explanation; raw?: RawConfidence } {
  const now = typeof input?.now === 'number' && Number.isFinite(input.now) ? input.now : Date.now();
  const givenStatus = asStatus(input?.status);
  const headers = normalizeHeaders(input?.headers);
  const networkError = asText(input?.networkError);
  const bodyText = asText(input?.bodyText);
  if (givenStatus === 0 && networkError) return { explanation: explainNetworkError(networkError, decodeHeaders(headers, { now, status: 0 })) };

  const statusText = asText(input?.statusText)?.slice(0, 200) ?? '';
  let evidence = prepareEvidence({
    status: givenStatus,
    reason: statusText,
    headers,
    ...(bodyText !== undefined && { body: bodyText }),
    bodyTruncated: input?.bodyTruncated === true,
  });
  let { found, nearMiss } = detectProducts(evidence, catalogue);
  // A page that states no status may still be a product's own page, sent with one status only: read it from that.
  const implied = evidence.seen.status === 'unknown' && evidence.body === 'seen' ? impliedStatus(evidence, found, catalogue) : undefined;
  if (implied !== undefined) {
    evidence = { ...evidence, status: implied, seen: { ...evidence.seen, status: 'inferred' } };
    ({ found, nearMiss } = detectProducts(evidence, catalogue));
  }
  const decoded = decodeHeaders(headers, { now, status: evidence.status });
  const via = viaEntries(evidence.values.get('via'));
  const appServers = found.filter(({ gateway }) => gateway.kind === 'app-server');
  // An application server's own page (gunicorn's error page, php-fpm's "File not found.") says the application side
  // wrote the error, even behind a gateway whose vendor file has no variant for it.
  const appPage = appServers
    .flatMap(({ variants }) => variants)
    .find((variant) => !variant.fallback && variant.source === 'origin' && specificity(variant) > 0);
  const appSign = applicationBodySign(evidence) ?? (appPage && say('authorship.appServerPage', { page: appPage.title }));
  const gatewayHops: Hop[] = [
    ...found.filter(({ gateway }) => gateway.kind !== 'app-server').map((detection) => knownHop(detection, via, catalogue)),
    ...unknownViaHops(via, catalogue),
  ];
  if (!gatewayHops.some((hop) => hop.known)) {
    const unknown = unknownServerHop(evidence, appSign, catalogue) ?? (gatewayHops.length === 0 ? unnamedProxyHop(evidence) : undefined);
    if (unknown) gatewayHops.push(unknown);
  }

  const authorship = decideAuthorship(evidence, gatewayHops, appSign);
  const appVariants = appServers.flatMap(({ variants }) => variants);
  const causes = findCauses(evidence, authorship, appVariants).ranked();
  const route = buildRoute(gatewayHops, authorship, appServers, () => applicationName(evidence, catalogue));
  const writer = authorship.gatewayHop?.detection;
  const variant = authorship.source === 'origin' && appVariants.length > 0 ? appVariants[0] : authorship.variants[0];
  const tellApart = [...appVariants, ...authorship.variants].find((one) => one.tellApart)?.tellApart;
  const cacheEvidence = findCache(evidence);
  const retryAfterSeconds = parseRetryAfter(headerValue(headers, 'retry-after'), now);
  const gatewayHop = authorship.gatewayHop;
  const gateway: GatewayFinding | null = gatewayHop
    ? {
        id: gatewayHop.id,
        name: gatewayHop.name,
        kind: gatewayHop.kind as GatewayKind,
        known: gatewayHop.known,
        confidence: gatewayHop.detection?.score ?? 0.5,
        evidence: gatewayHop.evidence,
      }
    : null;
  const wouldTell = bodyNote(evidence.seen, writer);

  const explanation: Explanation = {
    status: evidence.status,
    statusText,
    headline: '',
    meaning: variant ? sayVendor(variant.meaning) : say(statusMeaning(evidence.status, evidence.seen.status !== 'unknown').meaning),
    gateway,
    route,
    ...(variant && { variant: variant.title, variantId: variant.id }),
    source: authorship.source,
    sourceEvidence: authorship.evidence,
    causes,
    confidence: { gateway: 0, cause: 0 },
    evidence: evidence.seen,
    ...(wouldTell && { bodyWouldTell: wouldTell }),
    ...(tellApart && { tellApart: sayVendor(tellApart) }),
    cached: cacheEvidence.length > 0,
    cacheEvidence,
    ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
    headers: decoded,
    advice: buildAdvice({ causes, variant, writer, cached: cacheEvidence.length > 0, retryAfter: retryAfterSeconds, tellApart }),
    ...(writer?.gateway.statusPage && { statusPage: writer.gateway.statusPage }),
    references: uniqueLines([...appVariants, ...authorship.variants].map((one) => one.reference ?? '').filter(Boolean), writer?.gateway.sources),
  };
  const raw: RawConfidence = {
    gateway: rawGatewayScore(evidence, authorship, nearMiss),
    // "Cause unclear" first is no claim to be right about.
    cause: causes[0] && causes[0].id !== 'unknown' ? causes[0].likelihood * causeBasis(variant) : 0,
    class: evidenceClass(evidence.seen),
  };
  return { explanation, raw };
}

/**
 * How much the variant behind the ranking says: a page or marker of the failure itself, a vendor's own status code,
 * what its status usually means when the body was not seen, or nothing but the status. The raw cause score is the
 * first cause's share times this.
 */
function causeBasis(variant: Variant | undefined): number {
  if (!variant) return 0.5;
  if (specificity(variant) > 0) return 1;
  return variant.when.some((marker) => marker.body === 'unseen') ? 0.6 : 0.8;
}

/** The engine's own score for its gateway answer, before calibration: how strongly the response names the hop (or none). */
function rawGatewayScore(evidence: Evidence, authorship: Authorship, nearMiss: number): number {
  const hop = authorship.gatewayHop;
  if (hop?.detection) return isOwnPage(authorship.variants[0]) && authorship.source === 'gateway' ? 1 - (1 - hop.detection.score) * 0.2 : hop.detection.score;
  if (hop) return authorship.unknownStockPage ? 0.6 : 0.45;
  const nothingClose = 1 - nearMiss;
  return GATEWAY_FAILURE_STATUSES.has(evidence.status) ? nothingClose * 0.7 : nothingClose;
}

/** True for network errors that are not the site's failure (the user stopped the load, a blocker cancelled it). */
export function isIgnoredNetworkError(error: string): boolean {
  return IGNORED_NETWORK_ERRORS.some((ignored) => error.includes(ignored));
}
