// The explanation engine: from one response, which gateway produced it, who wrote the error, why, and what to do.
import { normalizeHeaders, headerValue, type HeaderInput } from '../headers';
import { GATEWAYS } from '../gateways';
import type { Advice, CauseId, CauseWeights, Gateway, Marker, Source, Variant } from '../gateways/types';
import { CAUSES, statusMeaning } from './causes';
import { BODY_CLUES, CACHE_HIT_MARKERS, IGNORED_NETWORK_ERRORS, NETWORK_ERRORS } from './generic';
import { decodeHeaders, type DecodedHeader } from './header-catalogue';
import { describeMarker, markerHolds, prepare, type PreparedResponse } from './match';
import { formatDuration, parseRetryAfter } from './time';

export interface ExplainInput {
  /** HTTP status; 0 when no response arrived (see networkError). */
  status: number;
  statusText?: string;
  headers?: HeaderInput;
  /** The start of the body, or the error page's serialized DOM. */
  bodyText?: string;
  url?: string;
  /** The browser's error when no response arrived, e.g. "net::ERR_CONNECTION_REFUSED". */
  networkError?: string;
  /** Epoch ms; defaults to now. Fixes the clock for Retry-After and Date. */
  now?: number;
}

export interface GatewayFinding {
  id: string;
  name: string;
  /** 0..1 */
  confidence: number;
  evidence: string[];
}

export interface CauseFinding {
  id: CauseId;
  title: string;
  /** 0..1; the list's likelihoods sum to 1. */
  likelihood: number;
  evidence: string[];
}

export interface Explanation {
  status: number;
  statusText: string;
  /** One line: "502 from Cloudflare: the gateway could not connect to the origin server". */
  headline: string;
  /** What this error means, from the recognised variant or the status. */
  meaning: string;
  /** The gateway that produced the error, or null when none is recognised. */
  gateway: GatewayFinding | null;
  /** Every gateway recognised on the path, the producing one first. */
  path: GatewayFinding[];
  /** The vendor's name for this error, when Gatewhy recognises it. */
  variant?: string;
  source: Source;
  sourceEvidence: string[];
  /** Most likely first. */
  causes: CauseFinding[];
  /** What would tell the leading causes apart, when the response cannot. */
  tellApart?: string;
  cached: boolean;
  cacheEvidence: string[];
  /** Seconds the server asked clients to wait, from Retry-After. */
  retryAfterSeconds?: number;
  headers: DecodedHeader[];
  advice: Advice;
  statusPage?: string;
  /** Documents the rules used here rest on. */
  references: string[];
}

/** A fingerprint score counts as "this gateway is on the path" from here. */
const DETECTION_THRESHOLD = 0.5;
/** Weight of the status's generic causes next to a recognised vendor variant. */
const STATUS_PRIOR_WEIGHT = 0.15;
/** Causes below this share are left out. */
const MIN_LIKELIHOOD = 0.02;

interface Detection {
  gateway: Gateway;
  finding: GatewayFinding;
  variants: Variant[];
}

function sourceLabel(marker: readonly Marker[], response: PreparedResponse): string {
  return marker.map((one) => describeMarker(one, response)).filter(Boolean).join(', ');
}

function matchingVariants(gateway: Gateway, response: PreparedResponse): Variant[] {
  const matched = gateway.variants.filter((variant) => variant.when.every((marker) => markerHolds(marker, response)));
  return matched.some((variant) => !variant.fallback) ? matched.filter((variant) => !variant.fallback) : matched;
}

function detect(response: PreparedResponse): Detection[] {
  const found: Detection[] = [];
  for (const gateway of GATEWAYS) {
    let miss = 1;
    const evidence: string[] = [];
    for (const signal of gateway.fingerprint) {
      if (!markerHolds(signal, response)) continue;
      miss *= 1 - signal.weight;
      evidence.push(`${describeMarker(signal, response)}: ${signal.note}`);
    }
    const confidence = 1 - miss;
    if (confidence < DETECTION_THRESHOLD) continue;
    found.push({
      gateway,
      finding: { id: gateway.id, name: gateway.name, confidence: Math.round(confidence * 100) / 100, evidence },
      variants: matchingVariants(gateway, response),
    });
  }
  const hidden = new Set(found.flatMap(({ gateway }) => gateway.includes ?? []));
  return found.filter(({ gateway }) => !hidden.has(gateway.id));
}

/** How specific a variant is: markers beyond the status count. */
const specificity = (variant: Variant) =>
  variant.when.filter((marker) => marker.header !== undefined || marker.body !== undefined || marker.reason !== undefined || marker.any !== undefined).length;

/** The gateway's own error page or error marker: its wording is boilerplate, not a clue to the cause. */
const isOwnPage = (variant: Variant | undefined) => variant !== undefined && variant.source === 'gateway' && specificity(variant) > 0;

/**
 * The gateway that produced the error: one whose own error page or error markers are present wins;
 * otherwise the one recognised with most confidence.
 */
function producer(detections: Detection[]): Detection | undefined {
  let best: Detection | undefined;
  let bestScore = -Infinity;
  for (const detection of detections) {
    const generated = detection.variants.find(isOwnPage);
    const score = (generated ? 10 + specificity(generated) : detection.variants.length > 0 ? 1 : 0) + detection.finding.confidence;
    if (score > bestScore) [best, bestScore] = [detection, score];
  }
  return best;
}

class CauseTally {
  private readonly weights = new Map<CauseId, { weight: number; evidence: string[] }>();

  add(causes: CauseWeights, factor: number, evidence?: string): void {
    for (const [id, weight] of Object.entries(causes) as [CauseId, number][]) {
      const entry = this.weights.get(id) ?? { weight: 0, evidence: [] };
      entry.weight += weight * factor;
      if (evidence && !entry.evidence.includes(evidence)) entry.evidence.push(evidence);
      this.weights.set(id, entry);
    }
  }

  ranked(): CauseFinding[] {
    const total = [...this.weights.values()].reduce((sum, { weight }) => sum + weight, 0) || 1;
    return [...this.weights.entries()]
      .map(([id, { weight, evidence }]) => ({ id, title: CAUSES[id].title, likelihood: weight / total, evidence }))
      .filter(({ likelihood }) => likelihood >= MIN_LIKELIHOOD)
      .sort((a, b) => b.likelihood - a.likelihood)
      .map((cause) => ({ ...cause, likelihood: Math.round(cause.likelihood * 100) / 100 }));
  }
}

function findCauses(response: PreparedResponse, producing: Detection | undefined): CauseTally {
  const tally = new CauseTally();
  const status = statusMeaning(response.status);
  const variants = producing?.variants ?? [];
  variants.forEach((variant, index) => {
    tally.add(variant.causes, index === 0 ? 1 : 0.5, `${variant.title} (${sourceLabel(variant.when, response)})`);
  });
  tally.add(status.causes, variants.length > 0 ? STATUS_PRIOR_WEIGHT : 1, `HTTP ${response.status}: ${status.meaning}`);
  // Words on a page the application wrote say something; words on a gateway's stock page do not.
  const ownPage = isOwnPage(variants[0]);
  if (!ownPage) {
    const weight = variants.length > 0 && variants[0]!.source !== 'origin' ? 0.3 : 1;
    for (const clue of BODY_CLUES) {
      if (response.body.includes(clue.body)) tally.add({ [clue.cause]: clue.weight }, weight, `the page says "${clue.body}"`);
    }
    if (response.status === 503 && response.values.has('retry-after')) {
      tally.add({ maintenance: 0.2, overloaded: 0.2 }, 1, 'a Retry-After header: the server expects to be back soon');
    }
  }
  if (!producing && looksLikeApplicationBody(response)) {
    tally.add({ 'origin-app-error': 0.5 }, 1, 'no gateway is recognised and the body looks like the application\'s own');
  }
  return tally;
}

/** Statuses that by definition say a gateway failed (RFC 9110 §15.6.3, §15.6.5) and Cloudflare's 52x/530. */
const GATEWAY_STATUSES = new Set([502, 504, 520, 521, 522, 523, 524, 525, 526, 527, 530]);

/** Upstream applications answer in JSON or with their own pages; gateways' own pages are recognised by variants. */
function looksLikeApplicationBody(response: PreparedResponse): boolean {
  const type = response.values.get('content-type')?.[0] ?? '';
  return response.hasBody && (type.includes('json') || response.body.startsWith('{') || response.body.includes('<script'));
}

function findSource(response: PreparedResponse, detections: Detection[], producing: Detection | undefined): { source: Source; evidence: string[] } {
  const first = producing?.variants[0];
  if (first && first.source !== 'unknown') {
    return { source: first.source, evidence: [`${first.title}: ${first.meaning}`] };
  }
  for (const { gateway } of detections) {
    const relayed = (gateway.relayed ?? []).find((signal) => markerHolds(signal, response));
    if (relayed) return { source: 'origin', evidence: [`${describeMarker(relayed, response)}: ${relayed.note}`] };
  }
  if (producing && looksLikeApplicationBody(response)) {
    return { source: 'origin', evidence: [`The body is not ${producing.gateway.name}'s own error page: it looks like the application's.`] };
  }
  if (producing && !response.hasBody && GATEWAY_STATUSES.has(response.status)) {
    // 502, 504 and 52x say "the gateway failed to get an answer": applications seldom send them themselves.
    return { source: 'gateway', evidence: [`HTTP ${response.status} is normally written by the gateway itself; without the body (its error page) this is likely, not certain.`] };
  }
  if (!producing && !response.values.has('via') && (looksLikeApplicationBody(response) || !GATEWAY_STATUSES.has(response.status))) {
    // 502 and 504 mean "a gateway failed" by definition; other statuses with no proxy in sight come from the server itself.
    return { source: 'origin', evidence: ['No gateway or proxy is recognised on the path: the server that answered wrote this error.'] };
  }
  return { source: 'unknown', evidence: [] };
}

function findCache(response: PreparedResponse): string[] {
  const evidence: string[] = [];
  const age = Number(response.values.get('age')?.[0]);
  if (Number.isFinite(age) && age > 0) evidence.push(`Age: ${age}: a cache has held this response for ${formatDuration(age)}`);
  for (const marker of CACHE_HIT_MARKERS) {
    if (markerHolds(marker, response)) evidence.push(`${describeMarker(marker, response)}: ${marker.note}`);
  }
  const varnishIds = response.values.get('x-varnish')?.[0]?.split(' ').filter(Boolean) ?? [];
  if (varnishIds.length >= 2) evidence.push('X-Varnish carries two ids: Varnish served it from cache');
  return evidence;
}

function uniqueAdvice(...lists: (readonly string[] | undefined)[]): string[] {
  return [...new Set(lists.flatMap((list) => list ?? []))];
}

function buildAdvice(causes: CauseFinding[], producing: Detection | undefined, cached: boolean, retryAfter: number | undefined, tellApart: string | undefined): Advice {
  const variant = producing?.variants[0];
  const top = causes[0]?.id ?? 'unknown';
  const visitor = [
    retryAfter !== undefined ? `The server asks to wait ${formatDuration(retryAfter)} before trying again.` : undefined,
    cached ? 'This error came from a cache: reload while bypassing the cache (Ctrl+Shift+R, or Cmd+Shift+R on a Mac).' : undefined,
    top === 'maintenance' ? 'The site is in maintenance: try again later.' : 'Try again in a moment: most gateway errors pass within minutes.',
    producing?.gateway.statusPage ? `Check ${producing.gateway.name}'s status page for an incident: ${producing.gateway.statusPage}` : undefined,
  ].filter((line): line is string => line !== undefined);
  const owner = uniqueAdvice(
    variant?.advice?.owner,
    causes.slice(0, 2).map(({ id }) => CAUSES[id].ownerCheck),
    tellApart ? [tellApart] : undefined,
    producing?.gateway.advice.owner,
  );
  return { visitor: uniqueAdvice(variant?.advice?.visitor, visitor, producing?.gateway.advice.visitor), owner };
}

function headlineFor(status: number, statusText: string, gateway: GatewayFinding | null, source: Source, top: CauseId): string {
  const label = status > 0 ? String(status) : 'Network error';
  if (!gateway) return `${label}${statusText && status > 0 ? ` ${statusText}` : ''}: ${CAUSES[top].headline}`;
  if (source === 'origin') return `${label} passed on by ${gateway.name}: ${CAUSES[top].headline}`;
  return `${label} from ${gateway.name}: ${CAUSES[top].headline}`;
}

function explainNetworkError(error: string, headers: DecodedHeader[]): Explanation {
  const known = NETWORK_ERRORS.find(({ includes }) => error.toUpperCase().includes(includes));
  const tally = new CauseTally();
  tally.add(known?.causes ?? { unknown: 1 }, 1, known ? `${error}: ${known.says}` : `${error}: a network error the browser reported`);
  const causes = tally.ranked();
  const top = causes[0]?.id ?? 'unknown';
  return {
    status: 0,
    statusText: error,
    headline: `The page did not load: ${known?.says ?? error}`,
    meaning: 'No HTTP response arrived, so no gateway error page exists to read.',
    gateway: null,
    path: [],
    source: 'unknown',
    sourceEvidence: [],
    causes,
    cached: false,
    cacheEvidence: [],
    headers,
    advice: {
      visitor: ['Check your own connection, then try again in a moment.'],
      owner: [CAUSES[top].ownerCheck],
    },
    references: [],
  };
}

const asStatus = (status: unknown) => (typeof status === 'number' && Number.isInteger(status) && status >= 0 && status <= 999 ? status : 0);
const asText = (text: unknown) => (typeof text === 'string' ? text : undefined);

/**
 * Explains one response. Total: any input, however odd, returns an Explanation and never throws.
 * A failure inside the engine itself (a bug, or a hostile object's getter) yields a plain "could not explain" answer.
 *
 * @example
 * explainResponse({ status: 521, headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6789-SJC' } }).headline
 * // "521 from Cloudflare: the gateway could not connect to the origin server"
 */
export function explainResponse(input: ExplainInput): Explanation {
  try {
    return explain(input);
  } catch (error) {
    return unexplained(error);
  }
}

function unexplained(error: unknown): Explanation {
  const reason = error instanceof Error ? error.message : 'unreadable input';
  return {
    status: 0,
    statusText: '',
    headline: `Gatewhy could not read this response (${reason.slice(0, 200)})`,
    meaning: 'The response could not be read.',
    gateway: null,
    path: [],
    source: 'unknown',
    sourceEvidence: [],
    causes: [{ id: 'unknown', title: CAUSES.unknown.title, likelihood: 1, evidence: [] }],
    cached: false,
    cacheEvidence: [],
    headers: [],
    advice: { visitor: [], owner: [] },
    references: [],
  };
}

function explain(input: ExplainInput): Explanation {
  const now = typeof input?.now === 'number' && Number.isFinite(input.now) ? input.now : Date.now();
  const status = asStatus(input?.status);
  const headers = normalizeHeaders(input?.headers);
  const decoded = decodeHeaders(headers, { now, status });
  const networkError = asText(input?.networkError);
  if (status === 0 && networkError) return explainNetworkError(networkError, decoded);

  const statusText = asText(input?.statusText)?.slice(0, 200) ?? '';
  const response = prepare(status, headers, asText(input?.bodyText), statusText);
  const detections = detect(response);
  const producing = producer(detections);
  const path = producing ? [producing, ...detections.filter((one) => one !== producing)] : detections;
  const causes = findCauses(response, producing).ranked();
  const { source, evidence: sourceEvidence } = findSource(response, detections, producing);
  const cacheEvidence = findCache(response);
  const retryAfterSeconds = parseRetryAfter(headerValue(headers, 'retry-after'), now);
  const variant = producing?.variants[0];
  const tellApart = producing?.variants.find((one) => one.tellApart)?.tellApart;
  const gateway = producing?.finding ?? null;

  return {
    status,
    statusText,
    headline: headlineFor(status, statusText, gateway, source, causes[0]?.id ?? 'unknown'),
    meaning: variant?.meaning ?? statusMeaning(status).meaning,
    gateway,
    path: path.map(({ finding }) => finding),
    ...(variant && { variant: variant.title }),
    source,
    sourceEvidence,
    causes,
    ...(tellApart && { tellApart }),
    cached: cacheEvidence.length > 0,
    cacheEvidence,
    ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
    headers: decoded,
    advice: buildAdvice(causes, producing, cacheEvidence.length > 0, retryAfterSeconds, tellApart),
    ...(producing?.gateway.statusPage && { statusPage: producing.gateway.statusPage }),
    references: uniqueAdvice(producing?.variants.map((one) => one.reference ?? '').filter(Boolean), producing?.gateway.sources),
  };
}

/** True for network errors that are not the site's failure (the user stopped the load, a blocker cancelled it). */
export function isIgnoredNetworkError(error: string): boolean {
  return IGNORED_NETWORK_ERRORS.some((ignored) => error.includes(ignored));
}
