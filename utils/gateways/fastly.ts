// Fastly: a Varnish-based CDN. Its own errors are 503s whose reason (obj.response) names the failure: "first byte timeout", "backend read error"…
import { defineGateway, type Marker, type Variant } from './types';

const ERRORS = 'https://www.fastly.com/documentation/guides/vcl/errors/';
const COMMON_503 = 'https://docs.fastly.com/en/guides/common-503-errors';
const VCL_ERROR = 'https://docs.fastly.com/documentation/reference/vcl/subroutines/error';
const FIRST_BYTE = 'https://www.fastly.com/documentation/reference/vcl/variables/backend-connection/bereq-first-byte-timeout';
const BACKEND_API = 'https://www.fastly.com/documentation/reference/api/services/backend';
const LARGE_OBJECTS = 'https://www.fastly.com/documentation/guides/full-site-delivery/performance/failure-modes-with-large-objects';
const X_SERVED_BY = 'https://www.fastly.com/documentation/reference/http/http-headers/X-Served-By';
const X_TIMER = 'https://www.fastly.com/documentation/reference/http/http-headers/X-Timer';
const X_CACHE = 'https://www.fastly.com/documentation/reference/http/http-headers/X-Cache';

/**
 * Fastly's synthetic page: "Error 503 <reason>", then "Guru Mediation:" (older) or "Error 54113" (newer),
 * "Details: cache-<pop>… <epoch> <xid>" and "Varnish cache server". Fastly spells it "Mediation", Varnish "Meditation".
 */
const OWN_PAGE: Marker = { any: [{ text: 'details: cache-' }, { text: 'guru mediation' }, { text: 'error 54113' }] };

/**
 * One obj.response (ERRORS: "obj.status is always 503 and obj.response is set to a descriptive name for the error"):
 * over HTTP/1 it is the reason phrase; the default page prints it after "Error 503". Over HTTP/2 only the page shows it.
 */
const saysReason = (reason: string): Marker => ({ any: [{ reason }, { text: `error 503 ${reason}` }] });

type ReasonVariant = Omit<Variant, 'when' | 'source'>;
const byReason = (reason: string, variant: ReasonVariant): Variant => ({ ...variant, when: [{ status: [0, 503] }, saysReason(reason)], source: 'gateway' });

const TIMER =
  "X-Timer's VE value is the time Fastly spent in milliseconds (X_TIMER): close to the backend's first-byte timeout means the origin was slow, a few milliseconds means the connection failed at once.";

// Reasons only Fastly writes: from the docs' table (ERRORS) and its other pages, "backend write error" and
// "Backend.max_conn reached" as Fastly's pages show them.
// "Connection timed out" is left out: other software writes those words too.
const OWN_REASONS = [
  'All backends failed or unhealthy',
  'Backend is unhealthy',
  'backend read error',
  'backend write error',
  'first byte timeout',
  'Response object too large',
  'Backend.max_conn reached',
];

export default defineGateway({
  id: 'fastly',
  name: 'Fastly',
  kind: 'cdn',
  runsOn: ['varnish'],
  fingerprint: [
    { header: 'x-served-by', startsWith: 'cache-', weight: 0.9, note: 'the Fastly cache nodes that handled the request (X_SERVED_BY)' },
    { header: 'x-timer', startsWith: 'S', includes: ',vs0,', weight: 0.9, note: "Fastly's request timer (X_TIMER)" },
    {
      any: [{ header: 'fastly-debug-digest' }, { header: 'fastly-debug-path' }, { header: 'fastly-debug-ttl' }],
      weight: 0.9,
      note: "Fastly's debug headers, sent when the request asks with Fastly-Debug: 1",
    },
    { header: 'x-cache-hits', weight: 0.3, note: 'per-hop hit counts, as Fastly and some Varnish setups send (X_CACHE)' },
    { text: 'guru mediation', weight: 0.9, note: 'Fastly\'s older error page (Fastly spells it "Mediation", Varnish "Meditation")' },
    { text: 'error 54113', weight: 0.9, note: "the code on Fastly's newer error page" },
    { text: 'details: cache-', weight: 0.85, note: "Fastly's error page names the cache node that wrote it" },
    { status: 503, any: OWN_REASONS.map((reason) => ({ reason })), weight: 0.85, note: 'a reason phrase Fastly gives its own 503s' },
  ],
  variants: [
    byReason('first byte timeout', {
      id: 'fastly-503-first-byte-timeout',
      title: 'Error 503 first byte timeout',
      meaning:
        "Fastly connected to the origin and sent the request, but the first byte of the response did not arrive within the backend's first-byte timeout (15 s by default).",
      causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
      tellApart: TIMER,
      advice: {
        owner: [
          'Measure the slow path on the origin (curl -w "%{time_starttransfer}"), fix it, or raise the backend\'s first-byte timeout (up to 600 s; 60 s with clustering).',
        ],
      },
      reference: FIRST_BYTE,
    }),
    byReason('backend read error', {
      id: 'fastly-503-backend-read-error',
      title: 'Error 503 backend read error',
      meaning:
        "Fastly could not read the origin's response: a timeout or a transient network failure while fetching (a router failover, packet loss), or an overloaded origin.",
      causes: { 'origin-timeout': 0.45, 'origin-reset': 0.35, overloaded: 0.2 },
      tellApart: TIMER,
      reference: COMMON_503,
    }),
    byReason('backend write error', {
      id: 'fastly-503-backend-write-error',
      title: 'Error 503 backend write error',
      meaning: 'Fastly could not finish sending the request to the origin: the origin closed or reset the connection.',
      causes: { 'origin-reset': 0.8, overloaded: 0.2 },
      reference: VCL_ERROR,
    }),
    byReason('Connection timed out', {
      id: 'fastly-503-connection-timed-out',
      title: 'Error 503 Connection timed out',
      meaning:
        "Fastly could not open a connection to the origin within the backend's connect timeout: the origin is down, unreachable, or a firewall drops Fastly's addresses.",
      causes: { 'origin-unreachable': 0.8, overloaded: 0.2 },
      advice: { owner: ["Check that the origin accepts connections from Fastly's IP ranges on the backend port."] },
      reference: BACKEND_API,
    }),
    byReason('All backends failed or unhealthy', {
      id: 'fastly-503-all-backends-failed-unhealthy',
      title: 'Error 503 All backends failed or unhealthy',
      meaning: 'Every backend of the load-balancing director is marked unhealthy, or none of them gave a valid response.',
      causes: { 'origin-unreachable': 0.8, 'origin-invalid-response': 0.2 },
      reference: ERRORS,
    }),
    byReason('Backend is unhealthy', {
      id: 'fastly-503-backend-unhealthy',
      title: 'Error 503 Backend is unhealthy',
      meaning: 'The health check configured on this backend reports it down, so Fastly did not even send the request.',
      causes: { 'origin-unreachable': 0.9, maintenance: 0.1 },
      tellApart: "Compare the health check's path and expected status with what the origin returns now.",
      reference: ERRORS,
    }),
    byReason('Backend.max_conn reached', {
      id: 'fastly-503-backend-max-conn-reached',
      title: 'Error 503 Backend.max_conn reached',
      meaning:
        'Fastly already holds the maximum number of connections allowed to this backend (its max_conn), so it refused to open another: the origin answers too slowly for the traffic.',
      causes: { overloaded: 1 },
      reference: VCL_ERROR,
    }),
    byReason('Response object too large', {
      id: 'fastly-503-response-object-too-large',
      title: 'Error 503 Response object too large',
      meaning:
        "The origin's response is bigger than Fastly will hold (its Content-Length or body over the maximum object size, 20 MB without Segmented Caching on newer accounts).",
      causes: { 'origin-invalid-response': 1 },
      reference: LARGE_OBJECTS,
    }),
    {
      // The docs name TLS negotiation and expired certificates as causes (VCL_ERROR); the reason printed names them.
      id: 'fastly-503-origin-tls',
      title: 'Error 503 (TLS to the origin failed)',
      when: [{ status: [0, 503] }, OWN_PAGE, { any: [{ text: 'certificate' }, { text: 'ssl' }, { text: 'tls' }] }],
      meaning: 'Fastly could not negotiate TLS with the origin: its certificate expired, does not name the host Fastly checks, or its chain is not trusted.',
      causes: { 'origin-tls': 1 },
      source: 'gateway',
      reference: VCL_ERROR,
    },
    {
      id: 'fastly-503-service-unavailable',
      title: "Error 503 Service Unavailable (Fastly's page)",
      when: [{ status: [0, 503] }, OWN_PAGE, { text: 'error 503 service unavailable' }],
      meaning:
        "Fastly's page with the generic reason: the origin answered 503 (with or without a reason of its own), its status line could not be parsed, or the service's VCL raised a 503 without a reason.",
      causes: { 'origin-app-error': 0.35, overloaded: 0.25, 'origin-invalid-response': 0.2, unknown: 0.2 },
      source: 'gateway',
      reference: COMMON_503,
    },
    // Only the headers. Fastly's own errors are 503 (ERRORS); over HTTP/2 the reason is lost, so which one is not known.
    {
      id: 'fastly-503-no-body',
      title: '503 from Fastly (its body not seen)',
      when: [{ status: 503 }, { body: 'unseen' }],
      meaning:
        "Fastly answers every failure towards the origin with a 503 (a timeout, a refused or failed connection, an unhealthy backend, TLS); an origin's own 503 passes through it too.",
      causes: { 'origin-timeout': 0.3, 'origin-unreachable': 0.3, 'origin-reset': 0.15, overloaded: 0.15, 'origin-tls': 0.1 },
      source: 'gateway',
      tellApart: `${TIMER} Over HTTP/1 the reason phrase names the failure; the page does too.`,
      reference: ERRORS,
    },
    {
      id: 'fastly-error-relayed-no-body',
      title: 'Error passed on from the origin (its body not seen)',
      when: [{ status: [500, 502, 504] }, { body: 'unseen' }],
      meaning: "Fastly's own errors are 503s: a 500, 502 or 504 through Fastly is the origin's own answer, passed on.",
      causes: { 'origin-app-error': 0.6, 'origin-unreachable': 0.2, 'origin-timeout': 0.2 },
      source: 'origin',
      reference: VCL_ERROR,
    },
    // Catch-alls: Fastly's page with a reason not above (a 503), or from the service's own VCL (any status), then the origin's.
    {
      id: 'fastly-503-fastlys-own-page',
      title: "Error 503 (Fastly's own page)",
      when: [{ status: [0, 503] }, OWN_PAGE],
      fallback: true,
      meaning:
        'Fastly wrote this error page itself; the reason after "Error 503" names what went wrong towards the origin, or an "error 503" statement in the service\'s VCL.',
      causes: { 'origin-unreachable': 0.3, 'origin-timeout': 0.3, 'origin-reset': 0.15, 'origin-tls': 0.1, unknown: 0.15 },
      source: 'gateway',
      tellApart: TIMER,
      reference: ERRORS,
    },
    {
      // The same template serves any "error <status>" statement in a service's VCL: a block, a redirect, a rate limit.
      id: 'fastly-vcl-error-page',
      title: "Error page from the service's VCL",
      when: [OWN_PAGE],
      fallback: true,
      meaning:
        'The site\'s Fastly configuration (an "error" statement in its VCL) answered this request itself with this status, without asking the origin: a block rule, a rate limit or a synthetic response.',
      causes: { unknown: 0.8, overloaded: 0.2 },
      source: 'gateway',
      reference: VCL_ERROR,
    },
    {
      id: 'fastly-error-passed-origin',
      title: 'Error passed on from the origin',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning:
        "The page is not Fastly's own: the origin answered with this error and Fastly passed it on (a 500 from the origin is a valid response to Fastly, not an error of its own).",
      causes: { 'origin-app-error': 0.6, overloaded: 0.25, maintenance: 0.15 },
      source: 'origin',
      reference: VCL_ERROR,
    },
  ],
  bodyTells:
    'Fastly\'s page names the failure after "Error 503" ("first byte timeout", "backend read error", "Backend.max_conn reached"); over HTTP/2 only the page shows it.',
  advice: {
    visitor: [],
    owner: ['Quote the "Details: cache-…" line (or the X-Served-By header) to Fastly support: it names the node and the request.'],
  },
  documented: [
    ...(
      [
        ['All backends failed or unhealthy', 'fastly-503-all-backends-failed-unhealthy', ERRORS],
        ['Backend is unhealthy', 'fastly-503-backend-unhealthy', ERRORS],
        ['backend read error', 'fastly-503-backend-read-error', COMMON_503],
        ['first byte timeout', 'fastly-503-first-byte-timeout', FIRST_BYTE],
        ['Connection timed out', 'fastly-503-connection-timed-out', BACKEND_API],
        ['Response object too large', 'fastly-503-response-object-too-large', LARGE_OBJECTS],
        ['Backend.max_conn reached', 'fastly-503-backend-max-conn-reached', VCL_ERROR],
        ['backend write error', 'fastly-503-backend-write-error', VCL_ERROR],
      ] as const
    ).map(([reason, variant, reference]) => ({
      name: reason,
      reference,
      variant,
      example: { status: 503, reason, headers: { 'x-served-by': 'cache-iad-kiad7000045-IAD' } },
    })),
    { name: 'TLS to the origin failed (expired or mismatched certificate)', reference: VCL_ERROR, variant: 'fastly-503-origin-tls' },
    {
      name: 'Service Unavailable (the generic reason)',
      reference: COMMON_503,
      variant: 'fastly-503-service-unavailable',
      example: {
        status: 503,
        body: '<h1>Error 503 Service Unavailable</h1><p>Service Unavailable</p><h3>Error 54113</h3><p>Details: cache-dub4332-DUB 1762300851 2174292692</p><hr><p>Varnish cache server</p>',
      },
    },
    { name: 'Backend fetch timeout (fetch_timeout)', reference: 'https://www.fastly.com/documentation/reference/changes/2026/01/add-backend-fetch-timeout' },
  ],
  statusPage: 'https://www.fastlystatus.com/',
  sources: [ERRORS, COMMON_503, VCL_ERROR, FIRST_BYTE, BACKEND_API, LARGE_OBJECTS, X_SERVED_BY, X_TIMER, X_CACHE],
});
