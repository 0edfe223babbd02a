// Caddy's reverse_proxy: its own errors are a bare status with an empty body; the reason is only in Caddy's log.
import { defineGateway } from './types';

const C = 'https://github.com/caddyserver/caddy/blob/0cf03d32f7d99cf160d5375e8a40fbe3d910d515/';
const REVERSE_PROXY_GO = `${C}modules/caddyhttp/reverseproxy/reverseproxy.go`;
const STATUS_ERROR = `${REVERSE_PROXY_GO}#L1616-L1645`;
const SERVER_GO = `${C}modules/caddyhttp/server.go`;
const BEFORE_2_10 = 'https://github.com/caddyserver/caddy/blob/v2.9.1/modules/caddyhttp/reverseproxy/reverseproxy.go#L1035';

// With no handle_errors block Caddy answers a handler error with the status and no body, so no Content-Type (server.go#L741-L755).
const OWN_ERROR = [
  { header: 'server', equals: 'caddy' },
  { header: 'content-type', absent: true },
] as const;
// Since 2.10 Caddy replaces its Server header with "Via: 1.1 Caddy" on every response it relays (reverseproxy.go#L1250-L1256).
const RELAYED_VIA = { header: 'via', includes: 'caddy' } as const;

const LOG =
  'Caddy logs the Go error for this request at level ERROR (logger "http.log.error", with "status"): "dial tcp …: connect: connection refused", "lookup … no such host", "EOF", "read: connection reset by peer", "tls: …" or "x509: …", "malformed HTTP …", "net/http: timeout awaiting response headers", "dial tcp …: i/o timeout", "no upstreams available".';

export default defineGateway({
  id: 'caddy',
  name: 'Caddy',
  kind: 'reverse-proxy',
  bodyTells: "Caddy's own errors have no body at all: the reason is only in its log.",
  fingerprint: [
    { header: 'server', equals: 'caddy', weight: 0.85, note: 'Caddy sets "Server: Caddy" on every response it writes (server.go#L548)' },
    { ...RELAYED_VIA, weight: 0.85, note: 'Caddy 2.10 and later add "Via: 1.1 Caddy" to responses they relay' },
  ],
  relayed: [{ ...RELAYED_VIA, note: 'Caddy 2.10+ replaces its Server header with Via on responses it relays from the upstream' }],
  variants: [
    {
      id: 'caddy-response-relayed-via',
      title: 'Response relayed by Caddy (Via: Caddy)',
      when: [RELAYED_VIA],
      meaning:
        'Caddy got this response from the upstream and passed it on: since Caddy 2.10 relayed responses carry "Via: … Caddy" in place of Caddy\'s Server header, and Caddy\'s own errors never do.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: `${REVERSE_PROXY_GO}#L1250-L1256`,
    },
    {
      id: 'caddy-502-empty-body',
      title: '502 from Caddy (empty body)',
      when: [{ status: 502 }, ...OWN_ERROR],
      meaning:
        "Caddy's reverse_proxy got no usable response, and it was not a timeout: the connection was refused or the name did not resolve, the upstream closed or reset it, TLS to it failed, or its response was malformed.",
      causes: { 'origin-unreachable': 0.55, 'origin-reset': 0.2, 'origin-tls': 0.15, 'origin-invalid-response': 0.1 },
      source: 'gateway',
      tellApart: LOG,
      reference: STATUS_ERROR,
    },
    {
      id: 'caddy-504-empty-body',
      title: '504 from Caddy (empty body)',
      when: [{ status: 504 }, ...OWN_ERROR],
      meaning:
        "A timeout fired in Caddy's reverse_proxy. Only dial_timeout (3 s) is set by default, so most often the connection never opened (a host that is down, a firewall dropping packets); with response_header_timeout or read_timeout set, it can be a slow upstream.",
      // A backend whose workers are all busy leaves the request in its listen queue until the timeout fires (uWSGI master.c#L294-L295).
      causes: { 'origin-unreachable': 0.5, 'origin-timeout': 0.35, overloaded: 0.15 },
      source: 'gateway',
      tellApart: `"dial tcp …: i/o timeout" is a connection that never opened; "timeout awaiting response headers" a slow upstream. ${LOG}`,
      reference: `${C}modules/caddyhttp/reverseproxy/httptransport.go#L222-L226`,
    },
    {
      id: 'caddy-503-no-upstreams-available',
      title: '503 from Caddy: no upstreams available',
      when: [{ status: 503 }, ...OWN_ERROR],
      meaning: 'Caddy had no upstream to try: active or passive health checks mark every one unhealthy, or all are at their max_requests limit.',
      causes: { 'origin-unreachable': 0.75, overloaded: 0.25 },
      source: 'gateway',
      tellApart: `The log says "no upstreams available"; health-check failures are logged by "http.handlers.reverse_proxy.health_checker.active". ${LOG}`,
      reference: `${REVERSE_PROXY_GO}#L636-L645`,
    },
    {
      id: 'caddy-error-passed-upstream',
      title: 'Error passed on from the upstream',
      when: [{ status: [500, 502, 503, 504] }, { header: 'server', equals: 'caddy' }, { header: 'content-type' }],
      meaning:
        "The response has a body of its own, which Caddy's proxy errors never have (without handle_errors): the upstream wrote it and Caddy (before 2.10, which kept its own Server header and added the upstream's) relayed it.",
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: BEFORE_2_10,
    },
  ],
  documented: [
    {
      name: '502 Bad Gateway (empty body): every proxy error that is not a timeout',
      reference: STATUS_ERROR,
      variant: 'caddy-502-empty-body',
      example: { status: 502, headers: { server: 'Caddy', 'content-length': '0' }, body: '' },
    },
    {
      name: '504 Gateway Timeout (empty body): a net.Error timeout',
      reference: STATUS_ERROR,
      variant: 'caddy-504-empty-body',
      example: { status: 504, headers: { server: 'Caddy', 'content-length': '0' }, body: '' },
    },
    {
      name: '503 Service Unavailable (empty body): no upstreams available',
      reference: `${REVERSE_PROXY_GO}#L1887`,
      variant: 'caddy-503-no-upstreams-available',
      example: { status: 503, headers: { server: 'Caddy', 'content-length': '0' }, body: '' },
    },
    { name: '499: the client canceled (never reaches the client)', reference: STATUS_ERROR, logOnly: true },
    { name: 'dial tcp …: connect: connection refused', reference: STATUS_ERROR, variant: 'caddy-502-empty-body', logOnly: true },
    { name: 'dial tcp: lookup …: no such host', reference: STATUS_ERROR, variant: 'caddy-502-empty-body', logOnly: true },
    { name: 'read: connection reset by peer / EOF', reference: STATUS_ERROR, variant: 'caddy-502-empty-body', logOnly: true },
    { name: 'tls: failed to verify certificate / x509: …', reference: STATUS_ERROR, variant: 'caddy-502-empty-body', logOnly: true },
    {
      name: 'net/http: HTTP/1.x transport connection broken: malformed HTTP response',
      reference: STATUS_ERROR,
      variant: 'caddy-502-empty-body',
      logOnly: true,
    },
    {
      name: 'dial tcp …: i/o timeout',
      reference: `${C}modules/caddyhttp/reverseproxy/httptransport.go#L222-L226`,
      variant: 'caddy-504-empty-body',
      logOnly: true,
    },
    {
      name: 'net/http: timeout awaiting response headers',
      reference: `${C}modules/caddyhttp/reverseproxy/httptransport.go#L412`,
      variant: 'caddy-504-empty-body',
      logOnly: true,
    },
    { name: 'no upstreams available', reference: `${REVERSE_PROXY_GO}#L1887`, variant: 'caddy-503-no-upstreams-available', logOnly: true },
  ],
  advice: {
    visitor: [],
    owner: ['Caddy\'s log has one "http.log.error" entry per failed proxy request with the exact Go error; run with the log at INFO or lower to see it.'],
  },
  sources: [
    'https://github.com/unbit/uwsgi/blob/6cbb2177ae48af91d2799ff3135abda545cf634c/core/master.c#L294-L295',
    REVERSE_PROXY_GO,
    SERVER_GO,
    `${C}modules/caddyhttp/reverseproxy/httptransport.go`,
    `${C}modules/caddyhttp/reverseproxy/hosts.go`,
    BEFORE_2_10,
    'https://caddyserver.com/docs/caddyfile/directives/reverse_proxy',
  ],
});
