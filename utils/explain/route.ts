// The route a response took, outermost hop first, from Via, Server and each product's markers; and which hop wrote it.
import type { GatewayKind } from '../gateways/types';
import type { Authorship } from './authorship';
import { productNamedBy, type Catalogue, type Detection } from './detect';
import type { Evidence } from './evidence';
import { say } from '../wording';

/** What a hop is: a product's kind, or the application that answered behind every gateway. */
export type HopKind = GatewayKind | 'application';

/** 'wrote' the error, 'relayed' it unchanged, or 'unknown' when the response does not tell. */
export type HopRole = 'wrote' | 'relayed' | 'unknown';

export interface RouteHop {
  /** A vendor file's id; for a product Gatewhy has no file for, a slug of its name ("tinyproxy") or "unknown"; "origin" for the application. */
  id: string;
  name: string;
  kind: HopKind;
  /** False for a product Gatewhy has no vendor file for. */
  known: boolean;
  role: HopRole;
  /** What shows this hop on the route. */
  evidence: string[];
}

/** A hop before its role is known. */
export type Hop = Omit<RouteHop, 'role'> & {
  /** Position of its Via entry, 0 being nearest the origin (RFC 9110 §7.6.3: each hop appends its own). */
  viaIndex?: number;
  detection?: Detection;
};

/** Outermost first: a proxy on the visitor's network, a CDN, an API gateway, a load balancer, a platform, a reverse proxy or cache, the app server. */
const KIND_ORDER: Record<HopKind, number> = {
  'forward-proxy': 0,
  cdn: 1,
  'api-gateway': 2,
  'load-balancer': 3,
  platform: 4,
  'reverse-proxy': 5,
  cache: 5,
  'app-server': 6,
  application: 7,
};

export const UNNAMED_PROXY = 'a proxy that does not name itself';

export interface ViaEntry {
  /** Folded, as markers compare it. */
  text: string;
  /** The product the entry names in its comment or pseudonym ("tinyproxy" in "1.1 tinyproxy (tinyproxy/1.11.1)"), if any. */
  product?: string;
}

/** Splits Via values into entries at commas outside parentheses; a comment may hold commas. */
export function viaEntries(values: readonly string[] | undefined): ViaEntry[] {
  const entries: ViaEntry[] = [];
  for (const value of values ?? []) {
    let depth = 0;
    let start = 0;
    for (let index = 0; index <= value.length && entries.length < 32; index++) {
      const char = value[index];
      if (char === '(') depth++;
      else if (char === ')') depth = Math.max(0, depth - 1);
      else if ((char === ',' && depth === 0) || index === value.length) {
        const text = value.slice(start, index).trim();
        if (text) entries.push({ text, ...productOfVia(text) });
        start = index + 1;
      }
    }
  }
  return entries;
}

// "1.1 tinyproxy (tinyproxy/1.11.1)": protocol, received-by, then an optional comment naming the software.
function productOfVia(entry: string): { product?: string } {
  const comment = /\(([^)]*)\)/.exec(entry)?.[1]?.trim();
  const fromComment = comment ? productToken(comment) : undefined;
  if (fromComment) return { product: fromComment };
  const receivedBy = entry.replace(/\(.*$/, '').trim().split(' ')[1];
  // A host name or address says where the proxy runs, not what it is.
  return receivedBy && /^[a-z][a-z0-9_-]*$/.test(receivedBy) && !/^[0-9a-f]{12,}$/.test(receivedBy) ? { product: receivedBy } : {};
}

/** The product name at the start of a Server value or Via comment: "tinyproxy" in "tinyproxy/1.11.1". */
export function productToken(value: string): string | undefined {
  const token = value.trim().split(/[/ (;]/)[0] ?? '';
  return /^[a-z][a-z0-9._-]{1,39}$/i.test(token) ? token : undefined;
}

/** A slug for a hop id: lower case, letters, digits and dashes. */
export const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'unknown';

/** A hop for a known product, placed by its Via entry when it has one. */
export function knownHop(detection: Detection, via: readonly ViaEntry[], catalogue: Catalogue): Hop {
  const viaSignals = detection.signals.filter((signal) => signal.header?.toLowerCase() === 'via');
  let viaIndex: number | undefined;
  if (viaSignals.length > 0) {
    const index = via.findIndex((entry) => productNamedBy('via', entry.text, catalogue) === detection.gateway);
    if (index >= 0) viaIndex = index;
  }
  return {
    id: detection.gateway.id,
    name: detection.gateway.name,
    kind: detection.gateway.kind,
    known: true,
    evidence: detection.evidence,
    detection,
    ...(viaIndex !== undefined && { viaIndex }),
  };
}

/** Proxies named in Via that no vendor file claims: each one is a hop Gatewhy cannot name, or names by its product token. */
export function unknownViaHops(via: readonly ViaEntry[], catalogue: Catalogue): Hop[] {
  return via.flatMap((entry, viaIndex) => {
    if (productNamedBy('via', entry.text, catalogue)) return [];
    const name = entry.product ?? UNNAMED_PROXY;
    return [
      {
        id: entry.product ? slug(entry.product) : 'unknown',
        name,
        kind: 'reverse-proxy' as const,
        known: false,
        evidence: [`Via: ${entry.text}: a proxy added itself to Via`],
        viaIndex,
      },
    ];
  });
}

/** The product in the Server header when no vendor file claims it ("tinyproxy/1.11.1" → "tinyproxy"). */
export function unknownServerProduct(evidence: Evidence, catalogue: Catalogue): string | undefined {
  const server = evidence.values.get('server')?.[0];
  if (!server || productNamedBy('server', server, catalogue)) return undefined;
  const original = evidence.headers.find(({ name }) => name.toLowerCase() === 'server')?.value ?? server;
  return productToken(original);
}

/** Hops outermost first: by kind, then in Via order among the hops Via names (its last entry is the outermost). */
export function orderHops(hops: readonly Hop[]): Hop[] {
  if (hops.length < 2) return [...hops];
  const sorted = [...hops].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const slots = sorted.flatMap((hop, index) => (hop.viaIndex !== undefined ? [index] : []));
  const byVia = slots.map((index) => sorted[index]!).sort((a, b) => b.viaIndex! - a.viaIndex!);
  slots.forEach((slot, index) => (sorted[slot] = byVia[index]!));
  return sorted;
}

/** A hop as the explanation shows it, without the engine's bookkeeping. */
export const withRole = ({ id, name, kind, known, evidence }: Hop, role: HopRole): RouteHop => ({ id, name, kind, known, role, evidence });

/**
 * The route as a short chain: "Cloudflare → AWS ALB → nginx ✗ wrote the 502"; "… → nginx ? (who wrote it is unclear)".
 * Empty when no hop is seen.
 */
export function routeChain(route: readonly RouteHop[], status: number): string {
  if (route.length === 0) return '';
  const what = status > 0 ? `the ${status}` : 'the error';
  return route
    .map(({ name, role }) => (role === 'wrote' ? `${name} ✗ wrote ${what}` : role === 'unknown' ? `${name} ? (who wrote ${what} is unclear)` : name))
    .join(' → ');
}

/** The route outermost first; the hop that wrote the error last. */
export function buildRoute(gatewayHops: readonly Hop[], authorship: Authorship, appServers: readonly Detection[], application: () => RouteHop): RouteHop[] {
  const writer = authorship.source === 'gateway' ? authorship.gatewayHop : undefined;
  const ordered = orderHops(gatewayHops.filter((hop) => hop !== writer));
  if (writer) return [...ordered.map((hop) => withRole(hop, 'relayed')), withRole(writer, 'wrote')];
  if (authorship.source === 'origin') return [...ordered.map((hop) => withRole(hop, 'relayed')), appServerHop(appServers) ?? application()];
  return ordered.map((hop, index) => withRole(hop, index === ordered.length - 1 ? 'unknown' : 'relayed'));
}

/** The application's server, when a vendor file recognises it: the hop that wrote an application's error. */
function appServerHop(appServers: readonly Detection[]): RouteHop | undefined {
  const server = appServers[0];
  return server && { id: server.gateway.id, name: server.gateway.name, kind: 'app-server', known: true, role: 'wrote', evidence: server.evidence };
}

/** "the application", named after the server that answered when the Server header names one Gatewhy has no file for. */
export function applicationName(evidence: Evidence, catalogue: Catalogue): RouteHop {
  const named = unknownServerProduct(evidence, catalogue);
  const header = evidence.headers.find(({ name }) => name.toLowerCase() === 'server');
  return {
    id: 'origin',
    name: named ? say('authorship.applicationNamed', { server: named }) : say('authorship.application'),
    kind: 'application',
    known: false,
    role: 'wrote',
    evidence: header && named ? [say('authorship.serverAnswered', { value: header.value })] : [],
  };
}
