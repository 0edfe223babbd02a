// What each response header means to someone debugging a gateway error, and how to read its value.
// Vendor formats are cited where they are defined; see also shared/gateways.md "HEADER CATALOGUE".
import { isSensitiveHeader, redactedValue, type HeaderPair } from '../headers';
import { placeName } from './locations';
import { formatDuration, formatUtc, parseHttpDate, parseRetryAfter } from './time';
import { currentLocale, say, sayVendor, type MessageKey } from '../wording';

/** How the popup groups headers. */
export type HeaderGroup = 'gateway' | 'cache' | 'timing' | 'retry' | 'trace' | 'other';

/** Each group's title as a message key (the popup says it in the browser's language). */
export const HEADER_GROUP_KEYS: Record<HeaderGroup, MessageKey> = {
  gateway: 'headerGroup.gateway',
  cache: 'headerGroup.cache',
  timing: 'headerGroup.timing',
  retry: 'headerGroup.retry',
  trace: 'headerGroup.trace',
  other: 'headerGroup.other',
};

export interface DecodedHeader {
  name: string;
  /** The value as sent, or "[redacted]" for cookies, credentials and tokens. */
  value: string;
  /** What the header is, in plain words. */
  meaning: string;
  /** What this value says, when there is more to say than the value itself. */
  decoded?: string;
  group: HeaderGroup;
  /** True when the value was withheld. */
  redacted?: boolean;
}

export interface DecodeContext {
  /** Epoch ms used for Retry-After dates and clock skew. */
  now: number;
  status: number;
}

interface Entry {
  group: HeaderGroup;
  meaning: string;
  decode?: (value: string, context: DecodeContext) => string | undefined;
}

const MAX_LIST_ITEMS = 12;

/** "1,234 ms" with the reader's digit grouping. */
const MILLISECONDS = new Map<string, Intl.NumberFormat>();
const milliseconds = (ms: number) => {
  const locale = currentLocale();
  let format = MILLISECONDS.get(locale);
  if (!format) MILLISECONDS.set(locale, (format = new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' })));
  return format.format(ms);
};
const pieces = (value: string, separator = ',') =>
  value
    .split(separator, MAX_LIST_ITEMS + 1)
    .map((piece) => piece.trim())
    .filter(Boolean);

const CF_CACHE_STATUS: Record<string, MessageKey> = {
  HIT: 'decoded.cfCache.hit',
  MISS: 'decoded.cfCache.miss',
  EXPIRED: 'decoded.cfCache.expired',
  STALE: 'decoded.cfCache.stale',
  BYPASS: 'decoded.cfCache.bypass',
  REVALIDATED: 'decoded.cfCache.revalidated',
  UPDATING: 'decoded.cfCache.updating',
  DYNAMIC: 'decoded.cfCache.dynamic',
  NONE: 'decoded.cfCache.none',
  UNKNOWN: 'decoded.cfCache.none',
};

function decodeVia(value: string): string | undefined {
  const hops = pieces(value);
  if (hops.length === 0) return undefined;
  // RFC 9110 §7.6.3: each proxy appends its entry, so the first entry is the hop nearest the origin.
  return hops.length === 1 ? say('decoded.oneProxy', { proxy: hops[0]! }) : say('decoded.proxies', { count: hops.length, proxies: hops.join(' → ') });
}

function decodeCfRay(value: string): string | undefined {
  const dash = value.lastIndexOf('-');
  if (dash <= 0) return say('decoded.rayId', { id: value });
  return say('decoded.rayIdPlace', { id: value.slice(0, dash), place: placeName(value.slice(dash + 1)) });
}

function decodeAge(value: string): string | undefined {
  const seconds = Number(value.trim());
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;
  return seconds === 0 ? say('decoded.justFetched') : say('decoded.inCacheFor', { duration: formatDuration(seconds) });
}

function decodeRetryAfter(value: string, { now }: DecodeContext): string | undefined {
  const seconds = parseRetryAfter(value, now);
  if (seconds === undefined) return say('decoded.badRetryAfter');
  return say('decoded.tryAgainIn', { duration: formatDuration(seconds), at: formatUtc(now + seconds * 1000) });
}

function decodeDate(value: string, { now }: DecodeContext): string | undefined {
  const at = parseHttpDate(value.trim());
  if (at === undefined) return undefined;
  const skew = Math.round((at - now) / 1000);
  if (Math.abs(skew) < 60) return say('decoded.clockAgrees', { at: formatUtc(at) });
  return say(skew < 0 ? 'decoded.clockBehind' : 'decoded.clockAhead', { at: formatUtc(at), duration: formatDuration(Math.abs(skew)) });
}

function decodeServerTiming(value: string): string | undefined {
  const metrics = pieces(value).map((metric) => {
    const [name = '', ...params] = metric.split(';').map((part) => part.trim());
    const dur = params.find((param) => param.toLowerCase().startsWith('dur='))?.slice(4);
    const desc = params
      .find((param) => param.toLowerCase().startsWith('desc='))
      ?.slice(5)
      .replace(/^"|"$/g, '');
    return [name, desc && desc !== name ? `(${desc})` : '', dur ? `${dur} ms` : ''].filter(Boolean).join(' ');
  });
  return metrics.length ? metrics.join(', ') : undefined;
}

function decodeServedBy(value: string): string | undefined {
  // cache-<pop><node>-<POP>, one per Fastly hop (https://www.fastly.com/documentation/reference/http/http-headers/X-Served-By).
  const nodes = pieces(value);
  const places = nodes.map((node) => placeName(node.slice(node.lastIndexOf('-') + 1)));
  return nodes.length
    ? nodes.length > 1
      ? say('decoded.fastlyNodes', { places: places.join(say('decoded.then')) })
      : say('decoded.fastlyNode', { place: places[0]! })
    : undefined;
}

function decodeXTimer(value: string): string | undefined {
  // S<start seconds>,VS0,VE<elapsed ms> (https://www.fastly.com/documentation/reference/http/http-headers/X-Timer).
  const parts = pieces(value);
  const start = parts.find((part) => part.startsWith('S'))?.slice(1);
  const elapsed = parts.find((part) => part.startsWith('VE'))?.slice(2);
  const startMs = start ? Number(start) * 1000 : NaN;
  const bits = [];
  if (Number.isFinite(startMs)) bits.push(say('decoded.reachedFastly', { at: formatUtc(startMs) }));
  if (elapsed && Number.isFinite(Number(elapsed))) bits.push(say('decoded.fastlySpent', { ms: milliseconds(Number(elapsed)) }));
  return bits.length ? bits.join('; ') : undefined;
}

function decodeVercelId(value: string): string | undefined {
  // <edge region>::[<function region>::]<id>, regions like "cdg1" (https://vercel.com/docs/edge-network/regions).
  const parts = value.split('::', 4);
  const regions = parts.slice(0, -1).map((region) => placeName(region.replace(/\d+$/, '')));
  if (regions.length === 0) return undefined;
  return regions.length === 1
    ? say('decoded.vercelEdge', { region: regions[0]! })
    : say('decoded.vercelEdgeFunction', { region: regions[0]!, functionRegion: regions.slice(1).join(', ') });
}

function decodeFlyRequestId(value: string): string | undefined {
  const dash = value.lastIndexOf('-');
  return dash > 0 ? say('decoded.flyEdge', { region: value.slice(dash + 1) }) : undefined;
}

function decodeTraceparent(value: string): string | undefined {
  // version-traceid-parentid-flags (https://www.w3.org/TR/trace-context/#traceparent-header).
  const [version, traceId, parentId, flags] = value.trim().split('-', 4);
  if (!version || !traceId || !parentId || !flags) return undefined;
  const sampled = (parseInt(flags, 16) & 1) === 1;
  return say(sampled ? 'decoded.traceSampled' : 'decoded.trace', { trace: traceId, span: parentId });
}

function decodeAzureRef(value: string): string | undefined {
  // Newer refs start with the UTC time of the request, e.g. 20240101T000000Z-… (https://learn.microsoft.com/azure/frontdoor/front-door-http-headers-protocol).
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-/.exec(value.trim());
  if (!match) return say('decoded.azureRef');
  return say('decoded.azureRefFrom', { at: `${match[1]}-${match[2]}-${match[3]} ${match[4]}:${match[5]}:${match[6]} UTC` });
}

const SQUID_ERRORS: Record<string, MessageKey> = {
  ERR_CONNECT_FAIL: 'decoded.squid.connectFail',
  ERR_READ_TIMEOUT: 'decoded.squid.readTimeout',
  ERR_DNS_FAIL: 'decoded.squid.dnsFail',
  ERR_ZERO_SIZE_OBJECT: 'decoded.squid.zeroSize',
  ERR_INVALID_RESP: 'decoded.squid.invalidResponse',
  ERR_READ_ERROR: 'decoded.squid.readError',
  ERR_SECURE_CONNECT_FAIL: 'decoded.squid.secureConnectFail',
  ERR_CANNOT_FORWARD: 'decoded.squid.cannotForward',
  ERR_GATEWAY_FAILURE: 'decoded.squid.gatewayFailure',
  ERR_SHUTTING_DOWN: 'decoded.squid.shuttingDown',
  ERR_ACCESS_DENIED: 'decoded.squid.accessDenied',
};
const ERRNO: Record<string, MessageKey> = {
  '104': 'decoded.errno.reset',
  '110': 'decoded.errno.timedOut',
  '111': 'decoded.errno.refused',
  '113': 'decoded.errno.noRoute',
};

function decodeSquidError(value: string): string | undefined {
  // "<ERR_NAME> <errno>" (squid src/errorpage.cc).
  const [name = '', errno = ''] = value.trim().split(/\s+/, 2);
  const what = SQUID_ERRORS[name.toUpperCase()];
  const system = ERRNO[errno];
  return what ? (system ? say('decoded.squidWithErrno', { what: say(what), system: say(system) }) : say(what)) : undefined;
}

function decodeXVarnish(value: string): string | undefined {
  // One transaction id on a miss, two on a hit (varnish bin/varnishd/cache/cache_req_fsm.c).
  const ids = value.trim().split(/\s+/, 3);
  return ids.length >= 2 ? say('decoded.varnishHit') : say('decoded.varnishMiss');
}

function decodeXCache(value: string): string | undefined {
  const lower = value.toLowerCase();
  if (lower.includes('error from cloudfront')) return say('decoded.cloudfrontError');
  if (lower.includes('refreshhit from cloudfront')) return say('decoded.cloudfrontRefresh');
  if (lower.includes('hit')) return say('decoded.cacheHit');
  if (lower.includes('miss')) return say('decoded.cacheMiss');
  return undefined;
}

function decodeAltSvc(value: string): string | undefined {
  if (value.trim() === 'clear') return say('decoded.altSvcClear');
  const protocols = pieces(value)
    .map((service) => service.split('=', 1)[0])
    .filter(Boolean);
  return protocols.length ? say('decoded.altSvc', { protocols: protocols.join(', ') }) : undefined;
}

function decodeReportTo(value: string): string | undefined {
  const hosts = new Set<string>();
  for (const match of value.slice(0, 4096).matchAll(/https?:\/\/([^/"\s?]+)/g)) hosts.add(match[1]!);
  return hosts.size ? say('decoded.reportTo', { hosts: [...hosts].join(', ') }) : undefined;
}

function decodeMilliseconds(value: string): string | undefined {
  const ms = Number(value.trim());
  return Number.isFinite(ms) ? milliseconds(ms) : undefined;
}

function decodeCacheControl(value: string): string | undefined {
  const words: Record<string, MessageKey> = {
    'no-store': 'decoded.cacheControl.noStore',
    'no-cache': 'decoded.cacheControl.noCache',
    private: 'decoded.cacheControl.private',
    public: 'decoded.cacheControl.public',
  };
  const notes = pieces(value).flatMap((directive) => {
    const [name = '', arg] = directive.toLowerCase().split('=', 2);
    if (words[name]) return [say(words[name])];
    if ((name === 'max-age' || name === 's-maxage') && arg && /^\d+$/.test(arg))
      return [say(name === 's-maxage' ? 'decoded.cacheControl.sharedFor' : 'decoded.cacheControl.freshFor', { duration: formatDuration(Number(arg)) })];
    return [];
  });
  return notes.length ? notes.join('; ') : undefined;
}

// Keyed by lower-case name. Meanings are Gatewhy's own words; formats from the sources cited above.
const CATALOGUE: Record<string, Entry> = {
  server: { group: 'gateway', meaning: 'The software that wrote this response: the last hop that generated it.' },
  via: { group: 'gateway', meaning: 'The proxies the response passed through, one entry per hop.', decode: decodeVia },
  'cf-ray': {
    group: 'gateway',
    meaning: "Cloudflare's id for this request, ending in the data centre that handled it. Quote it to Cloudflare support.",
    decode: decodeCfRay,
  },
  'cf-cache-status': {
    group: 'cache',
    meaning: "Whether Cloudflare's cache answered.",
    decode: (value) => {
      const key = CF_CACHE_STATUS[value.trim().toUpperCase()];
      return key && say(key);
    },
  },
  'cf-error-type': { group: 'gateway', meaning: 'Set only when Cloudflare generated the error page itself: the category of the error.' },
  'cf-error-origin': { group: 'gateway', meaning: 'Set only on Cloudflare-generated errors: the Cloudflare system that raised it.' },
  'cf-mitigated': { group: 'gateway', meaning: 'Cloudflare challenged or blocked this request.' },
  'x-amz-cf-pop': {
    group: 'gateway',
    meaning: 'The CloudFront edge location that handled the request.',
    decode: (value) => say('decoded.cloudfrontEdge', { edge: value.trim(), place: placeName(value.trim().slice(0, 3)) }),
  },
  'x-amz-cf-id': { group: 'trace', meaning: "CloudFront's id for this request. Quote it to AWS support." },
  'x-cache': { group: 'cache', meaning: 'Whether a cache answered, written by CloudFront, Fastly, Squid, Azure and others.', decode: decodeXCache },
  'x-cache-hits': { group: 'cache', meaning: 'How many times the cached object was served (Fastly), one number per cache hop.' },
  'x-cache-status': { group: 'cache', meaning: "Whether a cache (often nginx's proxy cache) answered." },
  'cache-status': { group: 'cache', meaning: 'The caches on the path and what each did (RFC 9211).' },
  age: { group: 'cache', meaning: 'Seconds the response has been stored in a cache. Above zero on an error: a cached error.', decode: decodeAge },
  'cache-control': { group: 'cache', meaning: 'How browsers and caches may store this response.', decode: decodeCacheControl },
  expires: { group: 'cache', meaning: 'When a cached copy of this response goes stale.' },
  'x-vercel-cache': { group: 'cache', meaning: "Whether Vercel's edge cache answered." },
  'x-varnish': { group: 'cache', meaning: 'Varnish transaction ids for this response.', decode: decodeXVarnish },
  'x-proxy-cache': { group: 'cache', meaning: "Whether the proxy's cache answered." },
  'retry-after': { group: 'retry', meaning: 'How long the server asks clients to wait before trying again.', decode: decodeRetryAfter },
  date: { group: 'timing', meaning: "When the response was generated, by the server's clock.", decode: decodeDate },
  'server-timing': { group: 'timing', meaning: 'Time spent in each stage on the server side, as the server reports it.', decode: decodeServerTiming },
  'x-served-by': { group: 'gateway', meaning: 'The Fastly cache nodes that handled the request.', decode: decodeServedBy },
  'x-timer': { group: 'timing', meaning: "Fastly's request timer: when it started and how long Fastly worked on it.", decode: decodeXTimer },
  'x-envoy-upstream-service-time': {
    group: 'timing',
    meaning: 'Milliseconds the upstream took to answer Envoy. Present only when the upstream did answer, so the error came from it.',
    decode: decodeMilliseconds,
  },
  'x-envoy-overloaded': { group: 'gateway', meaning: 'Envoy shed this request: a circuit breaker or overload limit was hit.' },
  'x-envoy-ratelimited': { group: 'gateway', meaning: "Envoy's rate limiter refused this request." },
  'x-envoy-degraded': { group: 'gateway', meaning: 'The upstream host reported itself degraded.' },
  'x-envoy-decorator-operation': { group: 'gateway', meaning: 'The route or operation name Envoy matched.' },
  'x-vercel-id': { group: 'trace', meaning: "Vercel's request id: the edge region, the function region, then the id.", decode: decodeVercelId },
  'x-vercel-error': { group: 'gateway', meaning: "Vercel's error code for a platform-generated error." },
  'fly-request-id': { group: 'trace', meaning: "Fly.io's request id, ending in the edge region that handled it.", decode: decodeFlyRequestId },
  'x-nf-request-id': { group: 'trace', meaning: "Netlify's request id. Quote it to Netlify support." },
  traceparent: { group: 'trace', meaning: 'W3C Trace Context: the trace this request belongs to.', decode: decodeTraceparent },
  tracestate: { group: 'trace', meaning: 'Vendor-specific tracing state (W3C Trace Context).' },
  'x-request-id': { group: 'trace', meaning: 'An id for this request, set by a proxy or the application. Search the logs for it.' },
  'x-correlation-id': { group: 'trace', meaning: 'An id that ties this request to log lines across services.' },
  'request-id': { group: 'trace', meaning: 'An id for this request. Search the logs for it.' },
  'x-amzn-requestid': { group: 'trace', meaning: 'AWS request id (API Gateway, Lambda). Search CloudWatch for it.' },
  'x-amzn-trace-id': { group: 'trace', meaning: 'AWS X-Ray trace id added by the load balancer or API Gateway.' },
  'x-amz-apigw-id': { group: 'trace', meaning: "API Gateway's extended request id." },
  'apigw-requestid': { group: 'trace', meaning: 'API Gateway (HTTP API) request id.' },
  'x-amzn-errortype': { group: 'gateway', meaning: 'The AWS error type behind this response.' },
  'x-amz-request-id': { group: 'trace', meaning: 'Amazon S3 request id.' },
  'x-cloud-trace-context': { group: 'trace', meaning: 'Google Cloud trace id for this request.' },
  'x-azure-ref': { group: 'trace', meaning: "Azure Front Door's reference for this request.", decode: decodeAzureRef },
  'x-ms-request-id': { group: 'trace', meaning: 'Azure request id.' },
  'x-squid-error': { group: 'gateway', meaning: "The Squid proxy's error class and system error number.", decode: decodeSquidError },
  'x-kong-upstream-latency': {
    group: 'timing',
    meaning: 'Milliseconds Kong waited for the upstream. Present when the upstream answered.',
    decode: decodeMilliseconds,
  },
  'x-kong-proxy-latency': { group: 'timing', meaning: 'Milliseconds Kong spent on the request itself.', decode: decodeMilliseconds },
  'x-kong-response-latency': {
    group: 'timing',
    meaning: 'Milliseconds Kong took to generate this response itself (no upstream involved).',
    decode: decodeMilliseconds,
  },
  'x-kong-request-id': { group: 'trace', meaning: "Kong's request id." },
  'rndr-id': { group: 'trace', meaning: "Render's request id." },
  'x-render-origin-server': { group: 'gateway', meaning: 'The Server header of the application behind Render: the application answered.' },
  'x-powered-by': { group: 'other', meaning: 'The framework or platform the application runs on.' },
  'x-github-request-id': { group: 'trace', meaning: "GitHub's request id." },
  'alt-svc': { group: 'other', meaning: 'Other protocols (such as HTTP/3) the site offers.', decode: decodeAltSvc },
  nel: { group: 'other', meaning: 'Network Error Logging: asks your browser to report failed requests to the site.' },
  'report-to': { group: 'other', meaning: 'Where your browser sends reports (such as Network Error Logging).', decode: decodeReportTo },
  'reporting-endpoints': { group: 'other', meaning: 'Where your browser sends reports.', decode: decodeReportTo },
  'content-type': { group: 'other', meaning: 'The kind of content in the body.' },
  'content-length': { group: 'other', meaning: 'Size of the body in bytes.' },
  'content-encoding': { group: 'other', meaning: 'How the body was compressed.' },
  'transfer-encoding': { group: 'other', meaning: 'How the body was framed for transfer.' },
  connection: { group: 'other', meaning: 'Whether the connection stays open after this response.' },
  'keep-alive': { group: 'other', meaning: 'How long the server keeps an idle connection open.' },
  'strict-transport-security': { group: 'other', meaning: 'Tells browsers to use HTTPS only for this site.' },
  'content-security-policy': { group: 'other', meaning: 'Which sources the page may load content from.' },
  'x-content-type-options': { group: 'other', meaning: 'Stops browsers from guessing the content type.' },
  'x-frame-options': { group: 'other', meaning: 'Whether other sites may show this page in a frame.' },
  'referrer-policy': { group: 'other', meaning: "How much of this page's address is sent to other sites." },
  'access-control-allow-origin': { group: 'other', meaning: "Which other sites' scripts may read this response (CORS)." },
  vary: { group: 'cache', meaning: 'Which request headers a cache must match before reusing this response.' },
  etag: { group: 'cache', meaning: 'A version tag for this response, for revalidation.' },
  'last-modified': { group: 'cache', meaning: 'When the content last changed.' },
  'expect-ct': { group: 'other', meaning: 'Certificate Transparency policy (obsolete).' },
  pragma: { group: 'cache', meaning: 'Old HTTP/1.0 cache instruction.' },
  'mime-version': { group: 'other', meaning: "MIME version; Akamai's edge adds it to the pages it generates." },
  'x-iinfo': { group: 'trace', meaning: 'Imperva (Incapsula) request information.' },
  'x-sucuri-id': { group: 'gateway', meaning: 'Sucuri firewall node id.' },
  'x-akamai-request-id': { group: 'trace', meaning: "Akamai's request id." },
  'x-check-cacheable': { group: 'cache', meaning: 'Whether Akamai considers the object cacheable.' },
  'x-fastly-request-id': { group: 'trace', meaning: "Fastly's request id." },
  'x-served-by-node': { group: 'gateway', meaning: 'The node that served the request.' },
};

/** Families of headers known by their prefix. Checked in order after an exact match fails. */
const PREFIXES: [string, Entry][] = [
  ['x-envoy-', { group: 'gateway', meaning: 'Set by an Envoy proxy (for example in Istio).' }],
  ['x-kong-', { group: 'gateway', meaning: 'Set by the Kong API gateway.' }],
  ['x-amz-', { group: 'trace', meaning: 'Set by an AWS service.' }],
  ['x-amzn-', { group: 'trace', meaning: 'Set by an AWS service.' }],
  ['cf-', { group: 'gateway', meaning: 'Set by Cloudflare.' }],
  ['x-vercel-', { group: 'gateway', meaning: 'Set by Vercel.' }],
  ['x-nf-', { group: 'gateway', meaning: 'Set by Netlify.' }],
  ['fly-', { group: 'gateway', meaning: 'Set by Fly.io.' }],
  ['x-azure-', { group: 'gateway', meaning: 'Set by Azure.' }],
  ['x-ms-', { group: 'trace', meaning: 'Set by a Microsoft service.' }],
  ['x-b3-', { group: 'trace', meaning: 'Zipkin (B3) tracing id.' }],
  ['x-datadog-', { group: 'trace', meaning: 'Datadog tracing id.' }],
  ['fastly-', { group: 'gateway', meaning: 'Set by Fastly.' }],
  ['akamai-', { group: 'gateway', meaning: 'Set by Akamai.' }],
  ['x-akamai-', { group: 'gateway', meaning: 'Set by Akamai.' }],
];

const UNKNOWN: Entry = { group: 'other', meaning: 'Not a header Gatewhy knows; shown as the server sent it.' };

/** Every header meaning the catalogue says, for the message files (scripts/vendor-messages.ts). */
export const headerMeanings = (): string[] => [...Object.values(CATALOGUE), ...PREFIXES.map(([, entry]) => entry), UNKNOWN].map(({ meaning }) => meaning);

function entryFor(lowerName: string): Entry {
  // Own keys only: a header named "__proto__" must not find Object.prototype.
  return (Object.hasOwn(CATALOGUE, lowerName) ? CATALOGUE[lowerName] : undefined) ?? PREFIXES.find(([prefix]) => lowerName.startsWith(prefix))?.[1] ?? UNKNOWN;
}

/** Explains every header; sensitive values are withheld. A decoder that fails leaves the value undecoded. */
export function decodeHeaders(headers: readonly HeaderPair[], context: DecodeContext): DecodedHeader[] {
  return headers.map(({ name, value }) => {
    const lowerName = name.toLowerCase();
    if (isSensitiveHeader(lowerName)) {
      return {
        name,
        value: redactedValue(name, value),
        meaning: say('headerGroup.sensitive'),
        group: 'other',
        redacted: true,
      };
    }
    const entry = entryFor(lowerName);
    let decoded: string | undefined;
    try {
      decoded = entry.decode?.(value, context);
    } catch {
      decoded = undefined;
    }
    return decoded && decoded !== value
      ? { name, value, meaning: sayVendor(entry.meaning), decoded, group: entry.group }
      : { name, value, meaning: sayVendor(entry.meaning), group: entry.group };
  });
}
