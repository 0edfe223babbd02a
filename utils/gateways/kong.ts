// Kong Gateway (on OpenResty): its own errors are one short message in a JSON, HTML, plain or XML template; its headers say whether it proxied.
import { defineGateway, type DocumentedError, type Marker, type Variant } from './types';

// Kong read at one commit (master, 3.10.0-dev); the messages are the same since 2.x unless a rule says otherwise.
const B = 'https://github.com/Kong/kong/blob/22246ef28c16842098369b494eef879222e30c7b';
const ERROR_HANDLER = `${B}/kong/error_handlers.lua#L13-L28`; // nginx's own errors (error_page) rewritten to these messages
const TEMPLATES = `${B}/kong/tools/http.lua#L403-L432`;
const BALANCER = `${B}/kong/runloop/balancer/init.lua`;
const RUNLOOP = `${B}/kong/runloop/handler.lua`;
const HEADERS = `${RUNLOOP}#L1568-L1635`; // proxied: Via, X-Kong-Upstream-Latency; answered itself: X-Kong-Response-Latency
const ERROR_PAGES = `${B}/kong/templates/nginx_kong.lua#L103-L105`;
const SERVICE_DEFAULTS = `${B}/kong/db/schema/entities/services.lua#L33-L42`; // 5 retries, 60 s connect/read timeouts

// The messages, verbatim (error_handlers.lua BODIES, the balancer, the router, the PDK and bundled plugins).
const INVALID = 'An invalid response was received from the upstream server';
const TIMING_OUT = 'The upstream server is timing out';
const UNAVAILABLE = 'The upstream server is currently unavailable';
const UNEXPECTED = 'An unexpected error occurred';
const NO_PEER = 'failure to get a peer from the ring-balancer';
const NO_PEER_RETRY = 'failure to get a peer from retry handler';
const NAME_RESOLUTION = 'name resolution failed';
const DNS_RESOLVE = 'failed the initial dns/balancer resolve for';
const NO_ROUTE = 'no Route matched with those values';
const NO_SERVICE = 'no Service found with those values';
const RATE_LIMITED = 'API rate limit exceeded';
// The request-termination plugin answers {"message":"Service unavailable"} (503 by default) through kong.response.exit, JSON whatever Accept says.
const TERMINATED = '{"message":"Service unavailable"}';
// Refusals by the router and bundled plugins: Kong answered, no upstream saw the request.
const REFUSALS: readonly (readonly [string, string])[] = [
  ['Please use HTTPS protocol', `${B}/kong/runloop/handler.lua#L1295`],
  ['Please use HTTP2 protocol', `${B}/kong/runloop/handler.lua#L1319`],
  ['Non-gRPC request matched gRPC route', `${B}/kong/runloop/handler.lua#L1327`],
  ['No API key found in request', `${B}/kong/plugins/key-auth/handler.lua#L30`],
  ['You cannot consume this service', `${B}/kong/plugins/acl/handler.lua#L70`],
  ['IP address not allowed', `${B}/kong/plugins/ip-restriction/handler.lua#L36-L46`],
  ['Request size limit exceeded', `${B}/kong/plugins/request-size-limiting/handler.lua#L35-L37`],
  ['A valid Content-Length header is required', `${B}/kong/plugins/request-size-limiting/handler.lua#L50`],
];
// nginx's own 4xx inside Kong (error_handlers.lua BODIES): generic words, so read only where Kong did not proxy.
const NGINX_4XX = [
  'Bad request',
  'Not found',
  'Method not allowed',
  'Request timeout',
  'Length required',
  'Precondition failed',
  'Payload too large',
  'URI too long',
  'Expectation failed',
  'Request header or cookie too large',
];

const ANSWERED_ITSELF: Marker = { header: 'x-kong-response-latency' };
const PROXIED: Marker = { header: 'x-kong-upstream-latency' };
const KONG_SERVER: Marker = { header: 'server', startsWith: 'kong/' };
// An upstream that answered usually sent its own Server, which Kong keeps; with none, nginx puts "openresty" and Kong replaces it with its own (handler.lua#L1602-L1606).
const OWN_SERVER: Marker = { any: [KONG_SERVER, { header: 'server', startsWith: 'openresty' }] };

const LOG =
  'Kong\'s error.log (nginx format) names the reason: "connect() failed (111: Connection refused) while connecting to upstream", "upstream prematurely closed connection" or "recv() failed (104: Connection reset by peer)", "upstream sent too big header" or "upstream sent invalid header", or an SSL handshake error. Search it for the request_id from the body or X-Kong-Request-Id.';

/** Kong's JSON error body for a message (tools/http.lua; request_id is "" when Kong has none). */
const json = (message: string) => `{\n  "message":"${message}",\n  "request_id":""\n}`;
/** Kong's HTML error page for a message, as a browser gets it. */
const html = (message: string) =>
  `<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8">\n    <title>Error</title>\n  </head>\n  <body>\n    <h1>Error</h1>\n    <p>${message}.</p>\n    <p>request_id: </p>\n  </body>\n</html>\n`;

/** The headers Kong puts on an answer it wrote without proxying (runloop/handler.lua#L1608-L1623). */
const ANSWERED_HEADERS = { server: 'kong/3.9.1', 'x-kong-response-latency': '0' };

type Reply = Omit<Variant, 'id' | 'title' | 'when'>;
const BAD_GATEWAY: Reply = {
  meaning:
    'Kong (nginx underneath) got no usable response from the upstream after its retries (5 by default). Despite the wording, Kong gives this message for every 502: a refused connection, a connection closed or reset before the headers, an invalid or oversized response header, a failed TLS handshake.',
  causes: { 'origin-unreachable': 0.45, 'origin-reset': 0.3, 'origin-invalid-response': 0.15, 'origin-tls': 0.1 },
  source: 'gateway',
  tellApart: `${LOG} Kong sets X-Kong-Upstream-Latency and Via on this error too: they show Kong tried to proxy, not that the upstream answered.`,
  reference: `${B}/kong/error_handlers.lua#L25`,
};
const GATEWAY_TIMEOUT: Reply = {
  meaning: "The upstream did not answer within the Service's read_timeout (60 s by default), or the connection did not open within connect_timeout (60 s).",
  causes: { 'origin-timeout': 0.85, 'origin-unreachable': 0.15 },
  source: 'gateway',
  tellApart: `"upstream timed out (110: Connection timed out) while reading response header from upstream" is a slow upstream; "… while connecting to upstream" a connection that never opened. ${LOG}`,
  advice: { owner: ["Raise the Service's read_timeout only if the upstream legitimately needs longer."] },
  reference: `${B}/kong/error_handlers.lua#L27`,
};
const KONG_503: Reply = {
  meaning:
    "Kong answered 503 without proxying: most often its load balancer had no healthy target or the upstream's name did not resolve; less often the request-termination plugin (a maintenance switch) or a route with no Service.",
  causes: { 'origin-unreachable': 0.6, maintenance: 0.3, unknown: 0.1 },
  source: 'gateway',
  tellApart:
    'The body names it: "failure to get a peer from the ring-balancer", "name resolution failed", {"message":"Service unavailable"} (request-termination) or "no Service found with those values".',
  reference: `${BALANCER}#L352-L386`,
};
const RELAYED: Reply = {
  meaning: "Kong proxied this request (X-Kong-Upstream-Latency) and the response is not one of Kong's own: the upstream wrote this error and Kong relayed it.",
  causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
  source: 'origin',
  reference: HEADERS,
};

const documented: DocumentedError[] = [
  {
    name: `502 "${INVALID}"`,
    reference: `${B}/kong/error_handlers.lua#L25`,
    variant: 'kong-502-invalid-response-received-upstream-server',
    example: { status: 502, body: json(INVALID) },
  },
  {
    name: `504 "${TIMING_OUT}"`,
    reference: `${B}/kong/error_handlers.lua#L27`,
    variant: 'kong-504-upstream-server-timing-out',
    example: { status: 504, body: html(TIMING_OUT) },
  },
  {
    name: `503 "${UNAVAILABLE}"`,
    reference: `${B}/kong/error_handlers.lua#L26`,
    variant: 'kong-503-upstream-server-currently-unavailable',
    example: { status: 503, body: json(UNAVAILABLE) },
  },
  {
    name: `500 "${UNEXPECTED}"`,
    reference: `${B}/kong/error_handlers.lua#L24`,
    variant: 'kong-500-unexpected-error-occurred',
    example: { status: 500, headers: { server: 'kong/3.9.1' }, body: json(UNEXPECTED) },
  },
  {
    name: `503 "${NO_PEER}"`,
    reference: `${BALANCER}#L352-L356`,
    variant: 'kong-503-failure-get-peer-ring-balancer',
    example: { status: 503, body: json(NO_PEER) },
  },
  {
    name: `503 "${NO_PEER_RETRY}"`,
    reference: `${BALANCER}#L364-L369`,
    variant: 'kong-503-failure-get-peer-retry-handler',
    example: { status: 503, body: json(NO_PEER_RETRY) },
  },
  {
    name: `503 "${NAME_RESOLUTION}"`,
    reference: `${BALANCER}#L381-L386`,
    variant: 'kong-503-name-resolution-failed',
    example: { status: 503, body: json(NAME_RESOLUTION) },
  },
  {
    name: `500 "${DNS_RESOLVE} '<host>' with: <resolver error>" (3.x)`,
    reference: `${RUNLOOP}#L860-L867`,
    variant: 'kong-500-initial-dns-balancer-resolve-failed',
    example: { status: 500, body: json(`${DNS_RESOLVE} 'api.internal' with: dns server error: 2 server failure`) },
  },
  {
    name: `503 "${NO_SERVICE}"`,
    reference: `${B}/kong/init.lua#L1236`,
    variant: 'kong-503-no-service-found-those-values',
    example: { status: 503, body: json(NO_SERVICE) },
  },
  { name: `404 "${NO_ROUTE}"`, reference: `${RUNLOOP}#L1225`, variant: 'kong-404-no-route-matched', example: { status: 404, body: json(NO_ROUTE) } },
  {
    name: `429 "${RATE_LIMITED}" (rate-limiting; also "… for '<limit>'" from response-ratelimiting)`,
    reference: `${B}/kong/plugins/rate-limiting/handler.lua#L193-L200`,
    variant: 'kong-429-api-rate-limit-exceeded',
    example: { status: 429, headers: { 'retry-after': '1' }, body: json(RATE_LIMITED) },
  },
  {
    name: `503 ${TERMINATED} (request-termination, its default)`,
    reference: `${B}/kong/plugins/request-termination/handler.lua#L4-L11`,
    variant: 'kong-503-request-termination-service-unavailable',
    example: { status: 503, headers: ANSWERED_HEADERS, body: TERMINATED },
  },
  { name: '502 {"message":"Bad Gateway"} (aws-lambda plugin: the invocation failed)', reference: `${B}/kong/plugins/aws-lambda/handler.lua#L213` },
  ...REFUSALS.map(([text, reference]): DocumentedError => ({
    name: `4xx "${text}"`,
    reference,
    variant: 'kong-request-refused-router-or-plugin',
    example: { status: 403, headers: ANSWERED_HEADERS, body: json(text) },
  })),
  ...NGINX_4XX.map((text): DocumentedError => ({
    name: `4xx "${text}" (nginx's own error inside Kong; 494 is sent as 400)`,
    reference: ERROR_HANDLER,
    variant: 'kong-request-refused-nginx',
    example: { status: 400, headers: ANSWERED_HEADERS, body: json(text) },
  })),
  {
    name: '"The upstream server responded with <status>" (any other status reaching the error handler)',
    reference: `${B}/kong/error_handlers.lua#L33`,
    variant: 'kong-own-error-answered-itself',
    example: { status: 501, headers: ANSWERED_HEADERS, body: json('The upstream server responded with 501') },
  },
  {
    name: 'HTML page titled "Kong Error" (before 3.4)',
    reference: 'https://github.com/Kong/kong/blob/2.8.0/kong/tools/utils.lua#L1282-L1294',
    variant: 'kong-502-invalid-response-received-upstream-server',
    example: {
      status: 502,
      body: `<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8">\n    <title>Kong Error</title>\n  </head>\n  <body>\n    <h1>Kong Error</h1>\n    <p>${INVALID}.</p>\n  </body>\n</html>\n`,
    },
  },
];

export default defineGateway({
  id: 'kong',
  name: 'Kong Gateway',
  kind: 'api-gateway',
  // Kong is nginx (OpenResty) with its own error_page handler; nginx's own page shows only where that handler did not run.
  runsOn: ['nginx'],
  fingerprint: [
    { header: 'via', includes: 'kong/', weight: 0.9, note: 'Kong adds "1.1 kong/<version>" (before 3.8 "kong/<version>") to Via when it proxies' },
    { ...KONG_SERVER, weight: 0.9, note: 'Kong names itself in Server on its own answers, and on proxied ones whose upstream sent none' },
    { ...PROXIED, weight: 0.95, note: 'Kong reports the time spent waiting for the upstream' },
    { header: 'x-kong-proxy-latency', weight: 0.95, note: 'Kong reports its own processing time on proxied requests' },
    { ...ANSWERED_ITSELF, weight: 0.95, note: 'Kong sets this when it answered without proxying' },
    { header: 'x-kong-request-id', weight: 0.95, note: "Kong's request id (3.5 and later)" },
    { header: 'x-kong-upstream-status', weight: 0.95, note: "Kong reports the upstream's status (when enabled)" },
    { text: INVALID, weight: 0.9, note: "Kong's 502 message" },
    { text: TIMING_OUT, weight: 0.9, note: "Kong's 504 message" },
    { text: UNAVAILABLE, weight: 0.7, note: "Kong's 503 message" },
    { any: [{ text: NO_PEER }, { text: NO_PEER_RETRY }], weight: 0.95, note: "Kong's balancer message when no target is available" },
    { text: DNS_RESOLVE, weight: 0.95, note: "Kong's 500 when its DNS lookup for the upstream failed" },
    { any: [{ text: NO_ROUTE }, { text: NO_SERVICE }], weight: 0.95, note: "Kong's router message when no route or no service matches" },
    {
      any: [{ text: 'You cannot consume this service' }, { text: 'No API key found in request' }, { text: 'Non-gRPC request matched gRPC route' }],
      weight: 0.7,
      note: "a refusal of one of Kong's bundled plugins (acl, key-auth) or of its router",
    },
    { text: 'Kong Error', weight: 0.9, note: "the title of Kong's HTML error page before 3.4" },
    // Generic on their own: they add to the template's request_id line or to Kong's headers.
    { text: NAME_RESOLUTION, weight: 0.45, note: "Kong's 503 when the upstream's name does not resolve (other software words DNS errors alike)" },
    { text: RATE_LIMITED, weight: 0.45, note: "the default message of Kong's rate-limiting plugin (other APIs use the same words)" },
    {
      any: [{ text: 'request_id:' }, { markup: '"request_id":"' }, { markup: '<requestid>' }],
      weight: 0.35,
      note: "Kong's error templates end with the request id (3.5 and later)",
    },
  ],
  bodyTells:
    'Kong\'s body names what failed: "An invalid response was received from the upstream server" (502), "The upstream server is timing out" (504), "failure to get a peer from the ring-balancer" or "name resolution failed" (503), or the upstream\'s own error.',
  variants: [
    // Its messages, each a fixed text in one of its templates.
    {
      id: 'kong-502-invalid-response-received-upstream-server',
      title: '502: An invalid response was received from the upstream server',
      when: [{ text: INVALID }],
      ...BAD_GATEWAY,
    },
    { id: 'kong-504-upstream-server-timing-out', title: '504: The upstream server is timing out', when: [{ text: TIMING_OUT }], ...GATEWAY_TIMEOUT },
    {
      id: 'kong-503-failure-get-peer-ring-balancer',
      title: '503: failure to get a peer from the ring-balancer',
      when: [{ text: NO_PEER }],
      meaning: "Kong's load balancer has no target to use in this Upstream: health checks marked every target unhealthy, or the Upstream has no targets.",
      causes: { 'origin-unreachable': 0.85, overloaded: 0.15 },
      source: 'gateway',
      tellApart:
        'GET /upstreams/<name>/health on the Admin API lists each target\'s health; the balancer found "No peers are available" or "Balancer is unhealthy".',
      reference: `${BALANCER}#L352-L356`,
    },
    {
      id: 'kong-503-failure-get-peer-retry-handler',
      title: '503: failure to get a peer from retry handler',
      when: [{ text: NO_PEER_RETRY }],
      meaning: 'A plugin set a retry callback (kong.service.set_target_retry_callback) and it failed when Kong retried the request.',
      causes: { unknown: 0.7, 'origin-unreachable': 0.3 },
      source: 'gateway',
      tellApart: 'Kong\'s error.log has "retry handler failed: …" for this request.',
      reference: `${BALANCER}#L364-L369`,
    },
    {
      id: 'kong-503-name-resolution-failed',
      title: '503: name resolution failed',
      when: [{ text: NAME_RESOLUTION }],
      meaning: "The host name of the Service (or of the Upstream's target) does not exist in DNS, or resolved to no record.",
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      tellApart: 'Kong\'s error.log has "DNS resolution failed: dns server error: 3 name error" (no such name) or "… 101 empty record received".',
      reference: `${BALANCER}#L381-L386`,
    },
    {
      id: 'kong-500-initial-dns-balancer-resolve-failed',
      title: '500: failed the initial dns/balancer resolve',
      when: [{ text: DNS_RESOLVE }],
      meaning:
        'Kong\'s DNS lookup for the upstream failed for another reason than a missing name: the resolver timed out or answered with a server failure. The text after "with:" is the resolver\'s error.',
      causes: { 'origin-unreachable': 0.9, unknown: 0.1 },
      source: 'gateway',
      reference: `${RUNLOOP}#L860-L867`,
    },
    {
      id: 'kong-503-upstream-server-currently-unavailable',
      title: '503: The upstream server is currently unavailable',
      when: [{ text: UNAVAILABLE }],
      meaning: 'Kong answered 503 with its default message: nginx had no live upstream left to try, or a plugin returned 503 without a message of its own.',
      causes: { 'origin-unreachable': 0.6, overloaded: 0.3, maintenance: 0.1 },
      source: 'gateway',
      tellApart: LOG,
      reference: `${B}/kong/error_handlers.lua#L26`,
    },
    {
      id: 'kong-503-no-service-found-those-values',
      title: '503: no Service found with those values',
      when: [{ text: NO_SERVICE }],
      meaning: 'A route matched, but it points to no Service: a configuration problem in Kong.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${B}/kong/init.lua#L1236`,
    },
    {
      id: 'kong-404-no-route-matched',
      title: '404: no Route matched with those values',
      when: [{ text: NO_ROUTE }],
      meaning: "No Kong route matches this request's host, path, method or headers, so Kong answered 404 without contacting any upstream.",
      causes: { unknown: 1 },
      source: 'gateway',
      tellApart: 'List the routes on the Admin API (GET /routes): a missing host or path prefix, or strip_path/protocol settings, usually explain it.',
      reference: `${RUNLOOP}#L1225`,
    },
    {
      id: 'kong-500-unexpected-error-occurred',
      title: '500: An unexpected error occurred',
      when: [{ status: 500 }, { text: UNEXPECTED }],
      meaning:
        "Kong itself failed while handling the request: an error in a plugin (Lua) or in reaching its database, or, before 3.0, a failed DNS lookup for the upstream (Kong 2.x replaced every 500 message, the resolver's included, with this one).",
      causes: { unknown: 0.5, 'origin-unreachable': 0.3, 'origin-app-error': 0.2 },
      source: 'gateway',
      tellApart: 'Kong\'s error.log has the Lua error and stack trace, or "DNS resolution failed: …", for this request.',
      reference: `${B}/kong/error_handlers.lua#L24`, // 2.x: https://github.com/Kong/kong/blob/2.8.0/kong/tools/utils.lua#L1098-L1102
    },
    {
      id: 'kong-429-api-rate-limit-exceeded',
      title: '429: API rate limit exceeded',
      when: [{ text: RATE_LIMITED }],
      meaning: "Kong's rate-limiting (or response-ratelimiting) plugin rejected the request: this consumer or address used up its limit for the window.",
      causes: { overloaded: 1 },
      source: 'gateway',
      tellApart: 'Retry-After and the RateLimit-* / X-RateLimit-* headers say the limit and when it resets.',
      reference: `${B}/kong/plugins/rate-limiting/handler.lua#L193-L200`,
    },
    {
      id: 'kong-503-request-termination-service-unavailable',
      title: '503: Service unavailable (request-termination plugin)',
      when: [{ markup: TERMINATED }],
      meaning: "Kong's request-termination plugin answered instead of the upstream: it is usually switched on for maintenance, or to block a route.",
      causes: { maintenance: 0.8, unknown: 0.2 },
      source: 'gateway',
      reference: `${B}/kong/plugins/request-termination/handler.lua#L70-L73`,
    },
    {
      id: 'kong-request-refused-router-or-plugin',
      title: "Request refused by Kong's router or a plugin",
      when: [{ any: REFUSALS.map(([text]) => ({ text })) }],
      meaning:
        'Kong refused the request before any upstream saw it: an authentication, ACL, IP or size-limit plugin, or a route that requires HTTPS, HTTP/2 or gRPC.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${RUNLOOP}#L1293-L1328`, // and each plugin's line in the documented list
    },
    {
      id: 'kong-request-refused-nginx',
      title: 'Request refused by nginx inside Kong',
      when: [ANSWERED_ITSELF, { any: NGINX_4XX.map((text) => ({ text })) }],
      meaning: 'nginx inside Kong rejected the request (malformed, too large, too slow) and Kong wrote its message for that status: no upstream saw it.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: ERROR_HANDLER,
    },
    {
      id: 'kong-unavailable-announced-upstream-retry-after',
      title: 'Unavailable, as announced by the upstream (Retry-After)',
      when: [{ status: 503 }, { header: 'retry-after' }, PROXIED],
      meaning:
        'The upstream answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Kong proxied the request and relayed the answer.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    // Headers only. Kong's own 502/504 carry the proxied headers too; its or nginx's Server tells them from a relayed upstream's.
    {
      id: 'kong-502-no-body',
      title: '502 from Kong (its body not seen)',
      when: [{ status: 502 }, { body: 'unseen' }, PROXIED, OWN_SERVER],
      ...BAD_GATEWAY,
      reference: HEADERS,
    },
    {
      id: 'kong-504-no-body',
      title: '504 from Kong (its body not seen)',
      when: [{ status: 504 }, { body: 'unseen' }, PROXIED, OWN_SERVER],
      ...GATEWAY_TIMEOUT,
      reference: HEADERS,
    },
    {
      id: 'kong-503-no-body-answered-itself',
      title: '503 from Kong, answered without proxying (its body not seen)',
      when: [{ status: 503 }, { body: 'unseen' }, ANSWERED_ITSELF],
      ...KONG_503,
    },
    {
      id: 'kong-500-no-body-answered-itself',
      title: '500 from Kong, answered without proxying (its body not seen)',
      when: [{ status: 500 }, { body: 'unseen' }, ANSWERED_ITSELF],
      meaning: 'Kong answered 500 without proxying: its DNS lookup for the upstream failed (timeout or server failure), or a plugin or Kong itself failed.',
      causes: { 'origin-unreachable': 0.5, unknown: 0.5 },
      source: 'gateway',
      tellApart: 'The body says "failed the initial dns/balancer resolve for …" for DNS, "An unexpected error occurred" for an internal error.',
      reference: `${RUNLOOP}#L1451-L1454`,
    },
    {
      id: 'kong-429-no-body-answered-itself',
      title: '429 from Kong (its body not seen)',
      when: [{ status: 429 }, { body: 'unseen' }, ANSWERED_ITSELF],
      meaning: 'Kong answered 429 without proxying: its rate-limiting plugin rejected the request.',
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: `${B}/kong/plugins/rate-limiting/handler.lua#L193-L200`,
    },
    {
      id: 'kong-404-no-body-answered-itself',
      title: '404 from Kong (its body not seen)',
      when: [{ status: 404 }, { body: 'unseen' }, ANSWERED_ITSELF],
      meaning: 'Kong answered 404 without proxying: most likely no route matched this request.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${RUNLOOP}#L1225`,
    },
    // Catch-alls: proxied, and none of the above (another Server, or a body that is none of Kong's messages).
    {
      id: 'kong-error-relayed-no-body',
      title: 'Error relayed from the upstream (its body not seen)',
      when: [{ status: [500, 502, 503, 504] }, { body: 'unseen' }, PROXIED],
      fallback: true,
      ...RELAYED,
    },
    {
      id: 'kong-error-passed-upstream',
      title: 'Error passed on from the upstream',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }, PROXIED],
      fallback: true,
      ...RELAYED,
    },
    {
      id: 'kong-own-error-answered-itself',
      title: 'Error written by Kong (a plugin or a custom template)',
      when: [{ body: 'seen' }, ANSWERED_ITSELF],
      fallback: true,
      meaning:
        "Kong answered without proxying (X-Kong-Response-Latency), with a message that is not one of its defaults: a plugin's own message or an operator's error template.",
      causes: { unknown: 1 },
      source: 'gateway',
      reference: HEADERS,
    },
  ],
  advice: {
    visitor: [],
    owner: ["Quote the request_id from the error body (or X-Kong-Request-Id) and search Kong's error.log and access log for it."],
  },
  documented,
  sources: [
    ERROR_HANDLER,
    TEMPLATES,
    BALANCER,
    RUNLOOP,
    HEADERS,
    ERROR_PAGES,
    SERVICE_DEFAULTS,
    `${B}/kong/plugins/request-termination/handler.lua`,
    `${B}/kong/plugins/rate-limiting/schema.lua#L96-L97`,
  ],
});
