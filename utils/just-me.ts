// "Is it just me?": from responses the browser already saw (no request of its own), whether a failure is shared by
// other sites behind the same vendor (the vendor, or one of its data centres, is failing) or the site's own.
import { cityOf } from './explain/locations';
import { say, sayCount } from './wording';

/** How long evidence counts, and how much of it is kept. */
export const WINDOW_MS = 10 * 60_000;
export const MAX_SIGHTINGS = 50;
/** A site seen again behind the same vendor within this time changes nothing stored (few writes, same answers). */
export const REFRESH_MS = 60_000;

/** The shared infrastructure a response came through: a vendor, and its point of presence when a header names one. */
export interface Edge {
  /** A gateway id of utils/gateways/ ('cloudflare', 'aws-cloudfront', 'fastly', …). */
  vendor: string;
  /** The data centre's three-letter (IATA airport) code, e.g. 'AMS'. Nothing else of a header value is kept. */
  pop?: string;
}

/** One site seen behind a vendor at one time: a registrable domain, never an address, path or query. */
export interface Sighting extends Edge {
  site: string;
  time: number;
}

const IATA = /^[A-Z]{3}$/;
const iata = (code: string | undefined): string | undefined => {
  const upper = code?.trim().toUpperCase();
  return upper && IATA.test(upper) ? upper : undefined;
};

/**
 * Cloudflare: the Ray ID ends in the data centre's airport code, "8a1033f2b3c4d5e6-AMS"
 * (https://developers.cloudflare.com/fundamentals/reference/cloudflare-ray-id/).
 */
const cfRayPop = (value: string) => iata(value.slice(value.lastIndexOf('-') + 1));
/**
 * CloudFront: an edge location is a three-letter code, "typically" the nearest airport's, and a number, e.g. "FRA56-P1"
 * (x-edge-location in https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logs-reference.html).
 */
const cloudFrontPop = (value: string) => iata(value.trim().slice(0, 3));
/**
 * Fastly: one "cache-{datacenter}{nodeid}-{datacenter}" entry per cache server, comma-separated when shielding adds one
 * (https://www.fastly.com/documentation/reference/http/http-headers/X-Served-By). Each server appends its entry as the
 * response passes, so the last is the delivery node nearest the visitor.
 */
const servedByPop = (value: string) => {
  const last = value.slice(value.lastIndexOf(',') + 1).trim();
  return last.startsWith('cache-') ? iata(last.slice(last.lastIndexOf('-') + 1)) : undefined;
};

interface VendorMark {
  vendor: string;
  /** The header must start with this, when given (compared case-insensitively). */
  startsWith?: string;
  pop?: (value: string) => string | undefined;
}

/**
 * Header names that only these vendors send on every response (their files in utils/gateways/ have the sources). A
 * Map keyed by name, so a response's headers are looked up one by one: no regular expression, no body.
 */
const MARKS = new Map<string, VendorMark>([
  ['cf-ray', { vendor: 'cloudflare', pop: cfRayPop }],
  ['x-amz-cf-pop', { vendor: 'aws-cloudfront', pop: cloudFrontPop }],
  ['x-amz-cf-id', { vendor: 'aws-cloudfront' }],
  ['x-served-by', { vendor: 'fastly', startsWith: 'cache-', pop: servedByPop }],
  ['x-fastly-request-id', { vendor: 'fastly' }],
  ['x-vercel-id', { vendor: 'vercel' }],
  ['x-nf-request-id', { vendor: 'netlify' }],
  ['akamai-grn', { vendor: 'akamai' }],
  ['x-azure-ref', { vendor: 'azure-front-door' }],
]);

/** The vendors' names, as the sentences say them (the same as their gateway files). */
export const VENDOR_NAMES: Readonly<Record<string, string>> = {
  cloudflare: 'Cloudflare',
  'aws-cloudfront': 'Amazon CloudFront',
  fastly: 'Fastly',
  vercel: 'Vercel',
  netlify: 'Netlify',
  akamai: 'Akamai',
  'azure-front-door': 'Azure Front Door',
};

/** A failure's edge: from its headers, or the vendor the engine found (from its error page) when it is one of these. */
export function failureEdge(headers: unknown, gatewayId: string | null | undefined): Edge | undefined {
  return edgeOf(headers) ?? (gatewayId && gatewayId in VENDOR_NAMES ? { vendor: gatewayId } : undefined);
}

export interface HeaderLike {
  name?: unknown;
  value?: unknown;
}

/** The vendor a response came through, and its data centre, from header names (and three values) only. Never throws. */
export function edgeOf(headers: unknown): Edge | undefined {
  if (!Array.isArray(headers)) return undefined;
  let edge: Edge | undefined;
  for (const header of headers as HeaderLike[]) {
    if (typeof header?.name !== 'string') continue;
    const mark = MARKS.get(header.name.toLowerCase());
    if (!mark || (edge && edge.vendor !== mark.vendor)) continue;
    const value = typeof header.value === 'string' ? header.value : '';
    if (mark.startsWith && !value.toLowerCase().startsWith(mark.startsWith)) continue;
    const pop = mark.pop?.(value);
    if (pop) return { vendor: mark.vendor, pop };
    edge = { vendor: mark.vendor };
  }
  return edge;
}

/** A healthy response (anything but a server error: the vendor and the site answered) seen behind a known vendor. */
export interface VendorResponse {
  edge: Edge;
  url: string;
  time: number;
}

/** The response as one seen behind a known vendor; undefined for any other (a server error, no vendor, odd input). */
export function vendorResponseOf(details: unknown, now: number): VendorResponse | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const { statusCode, url, responseHeaders, timeStamp } = details as { statusCode?: unknown; url?: unknown; responseHeaders?: unknown; timeStamp?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 100 || statusCode >= 500 || typeof url !== 'string') return undefined;
  const edge = edgeOf(responseHeaders);
  if (!edge) return undefined;
  return { edge, url, time: typeof timeStamp === 'number' && Number.isFinite(timeStamp) ? timeStamp : now };
}

/** Such a response as a sighting. `siteOf` turns the address into its registrable domain; only that is kept. */
export function sightingAt({ edge, url, time }: VendorResponse, siteOf: (url: string) => string): Sighting | undefined {
  const site = siteOf(url);
  return site ? { ...edge, site, time } : undefined;
}

const sameKey = (a: Sighting, b: Sighting) => a.vendor === b.vendor && a.site === b.site && a.pop === b.pop;

/**
 * Adds a sighting to the bounded list (newest first, at most MAX_SIGHTINGS, none older than WINDOW_MS). The same list
 * comes back when the sighting adds nothing: the site was seen behind the same vendor less than REFRESH_MS ago.
 */
export function addSighting(list: readonly Sighting[], sighting: Sighting, now: number): readonly Sighting[] {
  const seen = list.find((kept) => sameKey(kept, sighting));
  if (seen && sighting.time - seen.time < REFRESH_MS) return list;
  return [sighting, ...list.filter((kept) => !sameKey(kept, sighting) && now - kept.time < WINDOW_MS)].slice(0, MAX_SIGHTINGS);
}

/** Stored sightings, only well-formed ones (storage may hold anything), within the window of `now` when given. */
export function asSightings(value: unknown, now?: number): Sighting[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (item): item is Sighting =>
        typeof item === 'object' &&
        item !== null &&
        typeof item.vendor === 'string' &&
        typeof item.site === 'string' &&
        typeof item.time === 'number' &&
        (item.pop === undefined || (typeof item.pop === 'string' && IATA.test(item.pop))) &&
        (now === undefined || now - item.time < WINDOW_MS),
    )
    .map(({ vendor, site, time, pop }) => ({ vendor, site, time, ...(pop && { pop }) }))
    .slice(0, MAX_SIGHTINGS);
}

export type Verdict =
  /** Several sites behind the same vendor (or data centre) failed: the vendor is the likely problem. */
  | { kind: 'shared'; vendor: string; pop?: string; sites: number; text: string }
  /** Only this site failed, while others behind the same vendor loaded: the site's own server is the likely problem. */
  | { kind: 'origin'; vendor: string; pop?: string; site: string; text: string };

const nameOf = (vendor: string) => VENDOR_NAMES[vendor] ?? vendor;
/** Which sentence names the place: the vendor alone, its data centre, or the data centre and its city. */
const placeOf = (vendor: string, pop: string | undefined) => {
  const city = pop && cityOf(pop);
  const values = { vendor: nameOf(vendor), minutes: WINDOW_MS / 60_000, ...(pop && { pop }), ...(city && { city }) };
  return { form: !pop ? 'vendor' : city ? 'popCity' : 'pop', values } as const;
};
const siteCount = (sightings: readonly Sighting[]) => new Set(sightings.map(({ site }) => site)).size;
/** A data centre named on one side only does not tell two apart. */
const samePlace = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a === b;

/**
 * What the evidence says about `failure`: shared with other sites, the site's own, or nothing (too little evidence,
 * or the failure is older than the window). `failures` are recent failures (the failure itself may be among them);
 * `healthy` the sightings of responses that loaded.
 */
export function isItJustMe(failure: Sighting, failures: readonly Sighting[], healthy: readonly Sighting[], now: number): Verdict | undefined {
  const recent = (sighting: Sighting) => now - sighting.time < WINDOW_MS;
  if (!recent(failure)) return undefined;
  const { vendor, pop, site } = failure;
  const failed = [failure, ...failures.filter((other) => other.vendor === vendor && recent(other))];
  const loaded = healthy.filter((other) => other.vendor === vendor && other.site !== site && recent(other) && samePlace(other.pop, pop));
  const loadedHere = pop ? loaded.filter((other) => other.pop === pop) : [];
  // The narrowest claim the evidence supports. First one data centre: several sites failed there.
  const atPop = pop ? failed.filter((other) => other.pop === pop) : [];
  if (siteCount(atPop) >= 2) return shared(vendor, pop, siteCount(atPop));
  // Sites loaded through the very data centre that failed this one: others failing elsewhere do not clear it.
  if (loadedHere.length > 0) return ownServer(vendor, pop, site);
  if (siteCount(failed) >= 2) return shared(vendor, undefined, siteCount(failed));
  if (loaded.length > 0) return ownServer(vendor, undefined, site);
  return undefined;
}

function shared(vendor: string, pop: string | undefined, sites: number): Verdict {
  const { form, values } = placeOf(vendor, pop);
  const text = sayCount(`justMe.shared.${form}`, sites, values);
  return { kind: 'shared', vendor, ...(pop && { pop }), sites, text };
}

function ownServer(vendor: string, pop: string | undefined, site: string): Verdict {
  const { form, values } = placeOf(vendor, pop);
  const text = say(`justMe.origin.${form}`, { ...values, site });
  return { kind: 'origin', vendor, ...(pop && { pop }), site, text };
}

/** Every distinct verdict about recent failures (for "Recent errors"): shared outages first, most sites first. */
export function recentVerdicts(failures: readonly Sighting[], healthy: readonly Sighting[], now: number): Verdict[] {
  const verdicts = new Map<string, Verdict>();
  // Only the window's failures can say anything: a long history costs no more than a short one.
  const recent = failures.filter((failure) => now - failure.time < WINDOW_MS);
  for (const failure of recent) {
    const verdict = isItJustMe(failure, recent, healthy, now);
    if (verdict && !verdicts.has(verdict.text)) verdicts.set(verdict.text, verdict);
  }
  const rank = (verdict: Verdict) => (verdict.kind === 'shared' ? verdict.sites : 0);
  return [...verdicts.values()].sort((a, b) => rank(b) - rank(a));
}
