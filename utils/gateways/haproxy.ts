// HAProxy (and HAProxy-based routers such as OpenShift's): fixed built-in pages, no header of its own; the log's termination state names the real reason.
import { defineGateway, type DocumentedError } from './types';

// HAProxy read at one commit (v3.5-dev5); the built-in pages are the same text since 1.x (v1.5.0 src/proto_http.c#L182-L204).
const B = 'https://github.com/haproxy/haproxy/blob/50872daa6a857e82afc40b1c5161924aef4172d7';
const PAGES = `${B}/src/http.c#L183-L353`;
const SERVER_ERROR = `${B}/src/http_ana.c#L5080-L5125`; // every failure to reach a server becomes 503 (http_return_srv_error)
const TERMINATION_STATES = `${B}/doc/configuration.txt#L30031-L30360`;
const ERRORFILES = `${B}/doc/configuration.txt#L7605-L7607`;
// The OpenShift router's own 503 page (an HAProxy errorfile).
const OPENSHIFT_503 =
  'https://github.com/openshift/router/blob/4b401a86dccc657a8a5254c2794a312241f40e87/images/router/haproxy/conf/error-page-503.http#L75-L76';

// The sentence under each built-in page's <h1> (http_err_msgs[] in src/http.c): the page's only text besides its heading.
const NO_SERVER = 'No server is available to handle this request.';
const INVALID = 'The server returned an invalid or incomplete response.';
const TOO_SLOW = "The server didn't respond in time.";
const INTERNAL = 'An internal server error occurred.';
const TOO_MANY = 'You have sent too many requests in a given amount of time.';
// The built-in 4xx pages: HAProxy refused the request before any server saw it.
const CLIENT_PAGES = {
  400: ['Bad request', 'Your browser sent an invalid request.'],
  401: ['Unauthorized', 'You need a valid user and password to access this content.'],
  403: ['Forbidden', 'Request forbidden by administrative rules.'],
  404: ['Not Found', 'The resource could not be found.'],
  405: ['Method Not Allowed', 'A request was made of a resource using a request method not supported by that resource.'],
  408: ['Request Time-out', "Your browser didn't send a complete request in time."],
  410: ['Gone', 'The resource is no longer available and will not be available again.'],
  413: ['Payload Too Large', 'The request entity exceeds the maximum allowed.'],
  414: ['URI Too Long', 'The URI provided was too long for the server to process.'],
  421: ['Misdirected Request', 'Request sent to a non-authoritative server.'],
  422: ['Unprocessable Content', 'The server cannot process the contained instructions.'],
  425: ['Too Early', 'Your browser sent early data.'],
  431: ['Request Header Fields Too Large', 'Request Header Fields Too Large.'],
  501: ['Not Implemented', 'The server does not support the functionality required to fulfill the request.'],
} as const;
const sentence = (status: keyof typeof CLIENT_PAGES) => ({ text: CLIENT_PAGES[status][1] });

const STATE = 'The HTTP log line for this request has a four-letter termination state after the byte counts: its first two letters name the reason.';

/** The page HAProxy writes for this status, exactly as src/http.c holds it (the documented example). */
const page = (status: number, reason: string, sentence: string) => `<html><body><h1>${status} ${reason}</h1>\n${sentence}\n</body></html>\n`;

const documented: DocumentedError[] = [
  {
    name: '503 Service Unavailable: "No server is available to handle this request."',
    reference: `${B}/src/http.c#L338-L344`,
    variant: 'haproxy-503-service-unavailable-haproxys-own-page',
    example: { status: 503, body: page(503, 'Service Unavailable', NO_SERVER) },
  },
  {
    name: '502 Bad Gateway: "The server returned an invalid or incomplete response."',
    reference: `${B}/src/http.c#L330-L336`,
    variant: 'haproxy-502-bad-gateway-haproxys-own-page',
    example: { status: 502, body: page(502, 'Bad Gateway', INVALID) },
  },
  {
    name: '504 Gateway Time-out: "The server didn\'t respond in time."',
    reference: `${B}/src/http.c#L346-L352`,
    variant: 'haproxy-504-gateway-time-out-haproxys-own',
    example: { status: 504, body: page(504, 'Gateway Time-out', TOO_SLOW) },
  },
  {
    name: '500 Internal Server Error: "An internal server error occurred."',
    reference: `${B}/src/http.c#L314-L320`,
    variant: 'haproxy-500-internal-server-error-own-page',
    example: { status: 500, body: page(500, 'Internal Server Error', INTERNAL) },
  },
  {
    name: '429 Too Many Requests: "You have sent too many requests in a given amount of time."',
    reference: `${B}/src/http.c#L298-L304`,
    variant: 'haproxy-429-too-many-requests-own-page',
    example: { status: 429, body: page(429, 'Too Many Requests', TOO_MANY) },
  },
  ...[...Object.entries(CLIENT_PAGES), ['407', CLIENT_PAGES[401]] as const].map(([status, [reason, text]]): DocumentedError => ({
    name: `${status} ${reason}: "${text}"`,
    reference: PAGES,
    variant: 'haproxy-request-refused-own-page',
    example: { status: Number(status), body: page(Number(status), reason, text) },
  })),
  { name: '200 OK: "Service ready." (monitor-uri, not an error)', reference: `${B}/src/http.c#L184-L190` },
  // The log's termination states (first two letters), which never reach the client.
  {
    name: 'SC: connection to the server refused, failed its TLS handshake, or no server up (<NOSRV>)',
    reference: TERMINATION_STATES,
    variant: 'haproxy-503-service-unavailable-haproxys-own-page',
    logOnly: true,
  },
  { name: 'sC: timeout connect expired', reference: TERMINATION_STATES, variant: 'haproxy-503-service-unavailable-haproxys-own-page', logOnly: true },
  {
    name: 'sQ: timeout queue expired (every server at maxconn)',
    reference: TERMINATION_STATES,
    variant: 'haproxy-503-service-unavailable-haproxys-own-page',
    logOnly: true,
  },
  { name: 'SQ: server maxqueue reached', reference: TERMINATION_STATES, variant: 'haproxy-503-service-unavailable-haproxys-own-page', logOnly: true },
  {
    name: 'RC / PC: HAProxy out of local resources or sockets',
    reference: TERMINATION_STATES,
    variant: 'haproxy-503-service-unavailable-haproxys-own-page',
    logOnly: true,
  },
  {
    name: 'SH: the server aborted before sending complete headers',
    reference: TERMINATION_STATES,
    variant: 'haproxy-502-bad-gateway-haproxys-own-page',
    logOnly: true,
  },
  {
    name: 'PH: HAProxy blocked an invalid or oversized response',
    reference: TERMINATION_STATES,
    variant: 'haproxy-502-bad-gateway-haproxys-own-page',
    logOnly: true,
  },
  {
    name: 'sH: timeout server expired before the response headers',
    reference: TERMINATION_STATES,
    variant: 'haproxy-504-gateway-time-out-haproxys-own',
    logOnly: true,
  },
  { name: 'PR / PT / cR: request blocked, tarpitted or too slow', reference: TERMINATION_STATES, variant: 'haproxy-request-refused-own-page', logOnly: true },
  { name: '----: normal end, the status came from the server', reference: TERMINATION_STATES, variant: 'haproxy-error-passed-server', logOnly: true },
];

export default defineGateway({
  id: 'haproxy',
  name: 'HAProxy',
  kind: 'load-balancer',
  fingerprint: [
    { text: NO_SERVER, weight: 0.9, note: "HAProxy's built-in 503 page" },
    { text: INVALID, weight: 0.9, note: "HAProxy's built-in 502 page" },
    { text: TOO_SLOW, weight: 0.9, note: "HAProxy's built-in 504 page" },
    { text: TOO_MANY, weight: 0.6, note: "HAProxy's built-in 429 page" },
    { any: ([401, 403, 408, 421, 425] as const).map(sentence), weight: 0.8, note: "one of HAProxy's built-in 4xx pages" },
    // Its pages have no <head>: generic in shape, so it only adds to a sentence that is generic too ("The resource could not be found.").
    { markup: '<html><body><h1>', weight: 0.3, note: "HAProxy's built-in pages start with <html><body><h1> and have no head" },
    {
      any: [{ text: INTERNAL }, ...([400, 404, 405, 410, 413, 414, 422, 431, 501] as const).map(sentence)],
      weight: 0.3,
      note: "a sentence of HAProxy's built-in pages that other servers may write too",
    },
    { text: 'the application is currently not serving requests at this endpoint', weight: 0.85, note: "the OpenShift router's (HAProxy) 503 page" },
    { header: 'server', startsWith: 'haproxy', weight: 0.8, note: 'HAProxy sends no Server header by default; some operators add one naming it' },
    // Headers only: the built-in pages are fixed bytes, so their exact length and headers mark them (src/http.c#L330-L352).
    {
      status: [502, 503],
      header: 'content-length',
      equals: '107',
      body: 'unseen',
      weight: 0.45,
      note: "exactly the length of HAProxy's built-in 502 and 503 pages (107 bytes)",
    },
    { status: 504, header: 'content-length', equals: '92', body: 'unseen', weight: 0.45, note: "exactly the length of HAProxy's built-in 504 page (92 bytes)" },
    {
      status: [502, 503, 504],
      header: 'cache-control',
      equals: 'no-cache',
      body: 'unseen',
      weight: 0.2,
      note: "HAProxy's built-in error pages carry Cache-Control: no-cache and nothing else of their own",
    },
  ],
  bodyTells:
    "HAProxy's built-in page would show whether HAProxy wrote the error (its one-sentence pages) or passed on the server's; the reason itself is only in its log's termination state.",
  variants: [
    {
      id: 'haproxy-503-service-unavailable-haproxys-own-page',
      title: "503 Service Unavailable (HAProxy's own page)",
      when: [{ status: 503 }, { text: NO_SERVER }],
      meaning:
        'HAProxy could not hand the request to any server: every server in the backend is down or in maintenance, the connection was refused, failed its TLS handshake or timed out, or the request waited too long in the queue. Every one of these gives this same page.',
      causes: { 'origin-unreachable': 0.55, overloaded: 0.2, 'origin-tls': 0.15, maintenance: 0.1 },
      source: 'gateway',
      tellApart: `${STATE} "SC" with server <NOSRV>: no server was up (the health-check log lines say "Server … is DOWN"); "SC" with a server name: the connection was refused or its TLS handshake failed; "sC": timeout connect expired; "sQ": the request waited longer than timeout queue because every server was at maxconn.`,
      advice: { owner: ['Look at the backend\'s server states on the stats page, or with "show servers state" on the runtime API.'] },
      reference: SERVER_ERROR,
    },
    {
      id: 'haproxy-502-bad-gateway-haproxys-own-page',
      title: "502 Bad Gateway (HAProxy's own page)",
      when: [{ status: 502 }, { text: INVALID }],
      meaning:
        'The server closed or reset the connection before sending complete response headers, or HAProxy rejected what it sent (malformed, or headers larger than its buffer). Both give this same page.',
      causes: { 'origin-reset': 0.55, 'origin-invalid-response': 0.4, unknown: 0.05 },
      source: 'gateway',
      tellApart: `${STATE} "SH": the server aborted or crashed before sending full headers; "PH": HAProxy blocked an invalid or oversized response (capture it with "show errors" on the runtime API) or an http-response deny rule matched.`,
      reference: `${B}/src/http_ana.c#L1276-L1442`,
    },
    {
      id: 'haproxy-504-gateway-time-out-haproxys-own',
      title: "504 Gateway Time-out (HAProxy's own page)",
      when: [{ status: 504 }, { text: TOO_SLOW }],
      meaning:
        'The server accepted the request but sent no response headers within HAProxy\'s "timeout server". HAProxy sends 504 for nothing else (a connect timeout is a 503).',
      causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
      source: 'gateway',
      tellApart: `${STATE} "sH": timeout server struck while waiting for the response headers; the log's Tr timer shows how long the server had.`,
      reference: `${B}/src/http_ana.c#L1352-L1379`,
    },
    {
      id: 'haproxy-500-internal-server-error-own-page',
      title: "500 Internal Server Error (HAProxy's own page)",
      when: [{ status: 500 }, { text: INTERNAL }],
      meaning: 'HAProxy failed itself: a header rewrite ran out of buffer space (tune.maxrewrite), an internal error, or the end of a tarpit.',
      causes: { unknown: 1 },
      source: 'gateway',
      tellApart: `${STATE} "PH" or "PR": a rewrite or rule failed; "PT": the request was tarpitted.`,
      reference: `${B}/src/http.c#L314-L320`,
    },
    {
      id: 'haproxy-429-too-many-requests-own-page',
      title: "429 Too Many Requests (HAProxy's own page)",
      when: [{ status: 429 }, { text: TOO_MANY }],
      meaning: 'An HAProxy rule (http-request deny deny_status 429, usually on a stick-table rate) refused the request before any server saw it.',
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: `${B}/src/http.c#L298-L304`,
    },
    {
      id: 'haproxy-request-refused-own-page',
      title: 'Request refused by HAProxy (its own page)',
      when: [{ any: Object.values(CLIENT_PAGES).map(([, text]) => ({ text })) }],
      meaning: 'HAProxy refused the request itself (a deny or auth rule, a request too large or malformed, a client too slow): no server saw it.',
      causes: { unknown: 1 },
      source: 'gateway',
      tellApart: `${STATE} "PR": a rule or the parser refused the request; "cR": the client was too slow (timeout http-request).`,
      reference: PAGES,
    },
    {
      id: 'haproxy-openshift-router-application-not-available',
      title: 'OpenShift router: Application is not available',
      when: [{ status: 503 }, { text: 'the application is currently not serving requests at this endpoint' }],
      meaning: 'The OpenShift router (HAProxy) has no ready pod for this route, or no route matches this host and path.',
      causes: { 'origin-unreachable': 0.6, unknown: 0.25, 'origin-app-error': 0.15 },
      source: 'gateway',
      tellApart:
        'oc get route shows whether a route matches the host and path; oc get endpoints for its service lists no address when no pod passes its readiness probe.',
      reference: OPENSHIFT_503,
    },
    // Headers only. HAProxy relays a server's response untouched and adds no header, so these priors apply only where
    // its own page is marked (its exact length above, or a Server header an operator added).
    {
      id: 'haproxy-503-no-body',
      title: '503 from HAProxy (its body not seen)',
      when: [{ status: 503 }, { body: 'unseen' }],
      meaning:
        'HAProxy answers 503 itself whenever it cannot get the request to a server: no server up (health checks), a refused or failed connection (TLS included), a connect timeout, or a full queue.',
      causes: { 'origin-unreachable': 0.6, overloaded: 0.2, 'origin-tls': 0.1, maintenance: 0.1 },
      source: 'gateway',
      tellApart: `${STATE} SC, sC, sQ or SQ.`,
      reference: SERVER_ERROR,
    },
    {
      id: 'haproxy-502-no-body',
      title: '502 from HAProxy (its body not seen)',
      when: [{ status: 502 }, { body: 'unseen' }],
      meaning: 'HAProxy answers 502 itself only when the server aborted before complete headers or sent a response HAProxy rejected.',
      causes: { 'origin-reset': 0.6, 'origin-invalid-response': 0.35, unknown: 0.05 },
      source: 'gateway',
      tellApart: `${STATE} SH or PH.`,
      reference: `${B}/src/http_ana.c#L1276-L1442`,
    },
    {
      id: 'haproxy-504-no-body',
      title: '504 from HAProxy (its body not seen)',
      when: [{ status: 504 }, { body: 'unseen' }],
      meaning: 'HAProxy answers 504 itself only when timeout server expired before the response headers.',
      causes: { 'origin-timeout': 0.95, overloaded: 0.05 },
      source: 'gateway',
      tellApart: `${STATE} sH.`,
      reference: `${B}/src/http_ana.c#L1352-L1379`,
    },
    {
      id: 'haproxy-error-passed-server',
      title: 'Error passed on from the server',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning:
        "The page is not one of HAProxy's built-in pages: the server behind HAProxy wrote it and HAProxy relayed it (unless an operator replaced the pages with errorfile).",
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      tellApart: `${STATE} "----" means HAProxy ended the stream normally: the status came from the server.`,
      reference: ERRORFILES,
    },
  ],
  advice: {
    visitor: [],
    owner: ['HAProxy logs one line per request (option httplog); its termination state (SC, sC, sQ, SH, PH, sH …) is the fastest way to the cause.'],
  },
  documented,
  sources: [PAGES, SERVER_ERROR, `${B}/src/backend.c#L2371-L2404`, TERMINATION_STATES, ERRORFILES, OPENSHIFT_503],
});
