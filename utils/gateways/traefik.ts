// Traefik (v2, v3): no Server header and a bare status-text body ("Bad Gateway", "Gateway Timeout"), so it is known only by that exact shape.
import { defineGateway } from './types';

const T = 'https://github.com/traefik/traefik/blob/fd5a576df2e8aeb0bfc8a96b6ef6e60a61f7ec0a/';
const PROXY_GO = `${T}pkg/proxy/httputil/proxy.go`;
const STATUS_CODE = `${PROXY_GO}#L222-L239`;
const WRR_GO = `${T}pkg/server/service/loadbalancer/wrr/wrr.go`;
const RATE_LIMITER_GO = `${T}pkg/middlewares/ratelimiter/rate_limiter.go`;
const CUSTOM_ERRORS_GO = `${T}pkg/middlewares/customerrors/custom_errors.go`;
const V2_PROXY_GO = 'https://github.com/traefik/traefik/blob/v2.11.53/pkg/server/service/proxy.go#L116-L148';

// The proxy's error handler writes http.StatusText(code) with no newline (proxy.go#L193-L196): exactly 11 bytes for
// "Bad Gateway", 15 for "Gateway Timeout", 21 for "Internal Server Error", and no Server header. Other servers writing a
// bare status text mostly add a newline (Go's http.Error) or a Server header, so these stay moderate signals.
const BAD_GATEWAY = [{ header: 'content-length', equals: '11' }, { text: 'bad gateway' }] as const;
const GATEWAY_TIMEOUT = [{ header: 'content-length', equals: '15' }, { text: 'gateway timeout' }] as const;
const INTERNAL_ERROR = [{ header: 'content-length', equals: '21' }, { text: 'internal server error' }] as const;

const LOG =
  'Traefik logs the proxy error at DEBUG level (ERROR for TLS configuration errors): "502 Bad Gateway" with "dial tcp …: connect: connection refused" or "EOF", "504 Gateway Timeout" with "i/o timeout", "500 Internal Server Error" with "tls: …" or "x509: …"; the access log shows the status and the server that was tried.';

export default defineGateway({
  id: 'traefik',
  name: 'Traefik',
  kind: 'reverse-proxy',
  bodyTells: "Traefik's body is only the status text; what failed is in its DEBUG log.",
  fingerprint: [
    {
      header: 'content-length',
      equals: '11',
      text: 'bad gateway',
      weight: 0.55,
      note: 'Traefik\'s proxy error body is exactly "Bad Gateway" (11 bytes, no newline, no Server header)',
    },
    {
      header: 'content-length',
      equals: '15',
      text: 'gateway timeout',
      weight: 0.55,
      note: 'Traefik\'s proxy timeout body is exactly "Gateway Timeout" (15 bytes)',
    },
    {
      header: 'content-length',
      equals: '21',
      text: 'internal server error',
      weight: 0.3,
      note: 'Traefik\'s proxy body for a TLS or malformed-response error is exactly "Internal Server Error" (as some application servers\' are)',
    },
    { text: 'no available server', weight: 0.7, note: 'Traefik\'s load balancer answers 503 "no available server" when no server is healthy' },
    { header: 'x-retry-in', weight: 0.9, note: "Traefik's rate limiter tells how long to wait in X-Retry-In" },
    { text: 'no bursty traffic allowed', weight: 0.8, note: "Traefik's rate limiter with no burst allowed" },
    { header: 'server', startsWith: 'traefik', weight: 0.8, note: 'Traefik sends no Server header by default; some operators add one naming it' },
  ],
  variants: [
    {
      id: 'traefik-502-bad-gateway-proxy-error',
      title: '502 Bad Gateway (Traefik proxy error)',
      when: [{ status: 502 }, ...BAD_GATEWAY],
      meaning:
        'Traefik could not get a response from the backend server: the connection was refused, the name did not resolve, or the server closed or reset the connection (EOF). TLS failures are 500 in Traefik, timeouts 504.',
      causes: { 'origin-unreachable': 0.55, 'origin-reset': 0.45 },
      source: 'gateway',
      tellApart: LOG,
      reference: STATUS_CODE,
    },
    {
      id: 'traefik-504-gateway-timeout-proxy-error',
      title: '504 Gateway Timeout (Traefik proxy error)',
      when: [{ status: 504 }, ...GATEWAY_TIMEOUT],
      meaning:
        'A network timeout fired between Traefik and the backend server. Only dialTimeout (30 s) is set by default, so most often the connection never opened (a host that is down, a firewall dropping packets); with responseHeaderTimeout set, it can be a backend too slow to answer.',
      // A backend whose workers are all busy leaves the request in its listen queue until the timeout fires (uWSGI master.c#L294-L295).
      causes: { 'origin-unreachable': 0.5, 'origin-timeout': 0.35, overloaded: 0.15 },
      source: 'gateway',
      tellApart: LOG,
      reference: `${T}pkg/config/dynamic/http_config.go#L571-L575`,
    },
    {
      id: 'traefik-500-internal-server-error-proxy-error',
      title: '500 Internal Server Error (Traefik proxy error)',
      when: [{ status: 500 }, ...INTERNAL_ERROR, { header: 'server', absent: true }],
      meaning:
        'Traefik answers 500 for a proxy error that is not a network error: most often TLS to the backend failed (an untrusted certificate, or TLS spoken to a plain-HTTP port), or the backend\'s response was malformed. A backend\'s own bare "Internal Server Error" looks the same.',
      causes: { 'origin-tls': 0.5, 'origin-app-error': 0.3, 'origin-invalid-response': 0.2 },
      source: 'gateway',
      tellApart: `A TLS configuration error is logged at ERROR level even without DEBUG. ${LOG}`,
      reference: STATUS_CODE,
    },
    {
      id: 'traefik-503-no-available-server',
      title: '503 no available server',
      when: [{ status: 503 }, { text: 'no available server' }],
      meaning:
        'The Traefik service has no server to send the request to: every server fails its health check, or the service has none (no running container or pod, with allowEmptyServices).',
      causes: { 'origin-unreachable': 0.9, unknown: 0.1 },
      source: 'gateway',
      tellApart: "The Traefik dashboard or API (/api/http/services) lists each server's status for the service.",
      reference: `${WRR_GO}#L174-L177`,
    },
    {
      id: 'traefik-503-service-unavailable',
      title: '503 Service Unavailable (circuit breaker or failover)',
      when: [
        { status: 503 },
        {
          any: [
            { header: 'content-length', equals: '19' },
            { header: 'content-length', equals: '20' },
          ],
        },
        { text: 'service unavailable' },
      ],
      meaning:
        'A Traefik circuit breaker is open (its expression, such as NetworkErrorRatio() > 0.5, tripped), or a failover service found both its main and its fallback unhealthy.',
      causes: { 'origin-unreachable': 0.7, overloaded: 0.3 },
      source: 'gateway',
      reference: `${T}pkg/middlewares/circuitbreaker/circuit_breaker.go#L35-L41`,
    },
    {
      id: 'traefik-429-rate-limited',
      title: '429 Too Many Requests (Traefik rate limit)',
      when: [{ status: 429 }, { any: [{ header: 'x-retry-in' }, { text: 'no bursty traffic allowed' }] }],
      meaning: "Traefik's rateLimit middleware refused the request; Retry-After and X-Retry-In say when to try again.",
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: `${RATE_LIMITER_GO}#L182-L186`,
    },
    {
      id: 'traefik-errors-middleware-could-not-fetch-error',
      title: 'Errors middleware could not fetch its error page',
      when: [{ status: [400, 401, 403, 404, 405, 410, 429, 500, 501, 503, 504] }, ...BAD_GATEWAY],
      meaning:
        'The status came from the application, but Traefik\'s errors middleware then failed to fetch the replacement page from its error-page service and wrote "Bad Gateway" instead, keeping the original status.',
      causes: { 'origin-unreachable': 0.6, 'origin-reset': 0.4 },
      source: 'gateway',
      tellApart: 'Check the error-page service named in the errors middleware (service and query): it is the backend that failed here.',
      reference: `${CUSTOM_ERRORS_GO}#L164-L175`,
    },
    {
      id: 'traefik-404-no-router',
      title: '404 page not found (no Traefik router matched)',
      when: [{ status: 404 }, { text: '404 page not found' }],
      meaning:
        'No Traefik router matches this host and path, or the router was dropped because its service has no servers: Traefik answered without asking any backend.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${T}pkg/server/router/router.go#L212`,
    },
    {
      id: 'traefik-413-request-body-too-large',
      title: '413 Request body too large',
      when: [{ status: 413 }, { text: 'request body too large' }],
      meaning: 'The request body is larger than the failover or mirroring service buffers; Traefik refused it.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${T}pkg/server/service/loadbalancer/failover/failover.go#L93-L96`,
    },
  ],
  documented: [
    {
      name: 'Bad Gateway (502)',
      reference: STATUS_CODE,
      variant: 'traefik-502-bad-gateway-proxy-error',
      example: { status: 502, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': '11' }, body: 'Bad Gateway' },
    },
    {
      name: 'Gateway Timeout (504)',
      reference: STATUS_CODE,
      variant: 'traefik-504-gateway-timeout-proxy-error',
      example: { status: 504, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': '15' }, body: 'Gateway Timeout' },
    },
    { name: 'Internal Server Error (500, TLS or malformed response)', reference: STATUS_CODE, variant: 'traefik-500-internal-server-error-proxy-error' },
    { name: 'Client Closed Request (499, the client gave up)', reference: `${PROXY_GO}#L199-L204`, logOnly: true },
    {
      name: 'no available server (503)',
      reference: `${WRR_GO}#L174-L177`,
      variant: 'traefik-503-no-available-server',
      example: { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }, body: 'no available server\n' },
    },
    {
      name: 'Service Unavailable (503, circuit breaker)',
      reference: `${T}pkg/middlewares/circuitbreaker/circuit_breaker.go#L35-L41`,
      variant: 'traefik-503-service-unavailable',
    },
    {
      name: 'Service Unavailable (503, failover with no healthy service)',
      reference: `${T}pkg/server/service/loadbalancer/failover/failover.go#L117`,
      variant: 'traefik-503-service-unavailable',
    },
    {
      name: 'Too Many Requests (429, with X-Retry-In)',
      reference: `${RATE_LIMITER_GO}#L182-L186`,
      variant: 'traefik-429-rate-limited',
      example: { status: 429, headers: { 'retry-after': '1', 'x-retry-in': '750ms' }, body: 'Too Many Requests' },
    },
    {
      name: 'No bursty traffic allowed (429)',
      reference: `${RATE_LIMITER_GO}#L160`,
      variant: 'traefik-429-rate-limited',
      example: { status: 429, body: 'No bursty traffic allowed\n' },
    },
    { name: '404 page not found (no router)', reference: `${T}pkg/server/router/router.go#L212`, variant: 'traefik-404-no-router' },
    {
      name: 'Request body too large (413)',
      reference: `${T}pkg/server/service/loadbalancer/failover/failover.go#L93-L96`,
      variant: 'traefik-413-request-body-too-large',
    },
  ],
  advice: {
    visitor: [],
    owner: ["Enable Traefik's access log and set the log level to DEBUG to see the proxy error behind a 502 or 504."],
  },
  sources: [
    'https://github.com/unbit/uwsgi/blob/6cbb2177ae48af91d2799ff3135abda545cf634c/core/master.c#L294-L295',
    PROXY_GO,
    V2_PROXY_GO,
    WRR_GO,
    RATE_LIMITER_GO,
    CUSTOM_ERRORS_GO,
    `${T}pkg/middlewares/circuitbreaker/circuit_breaker.go`,
    `${T}pkg/config/dynamic/http_config.go`,
    'https://doc.traefik.io/traefik/routing/services/#serverstransport',
  ],
});
