// Caddy's reverse_proxy: its own errors are a bare status with an empty body, so only the status and its log line tell the reason.
import { defineGateway } from './types';

const REVERSE_PROXY_GO = 'https://github.com/caddyserver/caddy/blob/master/modules/caddyhttp/reverseproxy/reverseproxy.go';
const REVERSE_PROXY_DOC = 'https://caddyserver.com/docs/caddyfile/directives/reverse_proxy';

// Caddy's own proxy errors carry no body and therefore no Content-Type (unless a handle_errors block writes a page).
const OWN_ERROR = [{ header: 'server', equals: 'caddy' }, { header: 'content-type', absent: true }] as const;

const LOG = 'Caddy logs the Go error for this request at level ERROR (logger "http.log.error"): "dial tcp …: connect: connection refused", "no such host", "EOF", "connection reset by peer", "tls: …" or "x509: …", "malformed HTTP …", "timeout awaiting response headers", "no upstreams available".';

export default defineGateway({
  id: 'caddy',
  name: 'Caddy',
  kind: 'reverse-proxy',
  fingerprint: [
    { header: 'server', equals: 'caddy', weight: 0.85, note: 'Caddy names itself in the Server header' },
    { header: 'via', includes: 'caddy', weight: 0.85, note: 'Caddy 2.10+ adds "Via: 1.1 Caddy" to proxied responses' },
  ],
  relayed: [{ header: 'via', includes: 'caddy', note: 'Caddy 2.10+ replaces its Server header with Via on responses it relays from the upstream' }],
  variants: [
    {
      id: 'caddy-response-relayed-via', title: 'Response relayed by Caddy (Via: Caddy)',
      when: [{ status: [500, 502, 503, 504] }, { header: 'via', includes: 'caddy' }, { header: 'server', absent: true }],
      meaning: 'Caddy got this response from the upstream and passed it on: since Caddy 2.10 relayed responses carry "Via: … Caddy" instead of Caddy\'s own Server header.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: 'https://github.com/caddyserver/caddy/pull/6275',
    },
    {
      id: 'caddy-response-relayed-via-upstream-server-kept', title: 'Response relayed by Caddy (Via: Caddy, upstream Server kept)',
      when: [{ status: [500, 502, 503, 504] }, { header: 'via', includes: 'caddy' }, { header: 'server' }],
      meaning: 'Caddy got this response from the upstream and passed it on (Via names Caddy; the Server header is the upstream\'s).',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: 'https://github.com/caddyserver/caddy/pull/6275',
    },
    {
      id: 'caddy-502-empty-body', title: '502 from Caddy (empty body)',
      when: [{ status: 502 }, ...OWN_ERROR],
      meaning: 'Caddy\'s reverse_proxy could not get a usable response: the connection was refused or the name did not resolve, the upstream closed or reset it, TLS to it failed, or its response was malformed.',
      causes: { 'origin-unreachable': 0.45, 'origin-reset': 0.25, 'origin-tls': 0.2, 'origin-invalid-response': 0.1 },
      source: 'gateway',
      tellApart: LOG,
      reference: REVERSE_PROXY_GO,
    },
    {
      id: 'caddy-503-no-upstreams-available', title: '503 from Caddy: no upstreams available',
      when: [{ status: 503 }, ...OWN_ERROR],
      meaning: 'Caddy had no upstream to try: every one is marked unhealthy by active or passive health checks, or at its max_requests limit.',
      causes: { 'origin-unreachable': 0.75, overloaded: 0.25 },
      source: 'gateway',
      tellApart: `The log says "no upstreams available". Health-check failures are logged separately by "http.handlers.reverse_proxy.health_checker.active". ${LOG}`,
      reference: REVERSE_PROXY_GO,
    },
    {
      id: 'caddy-504-empty-body', title: '504 from Caddy (empty body)',
      when: [{ status: 504 }, ...OWN_ERROR],
      meaning: 'A timeout fired in Caddy\'s reverse_proxy: most often the upstream did not send response headers in time (response_header_timeout), sometimes the connection could not be opened in time (dial_timeout).',
      causes: { 'origin-timeout': 0.8, 'origin-unreachable': 0.2 },
      source: 'gateway',
      tellApart: `"timeout awaiting response headers" is a slow upstream; "dial tcp …: i/o timeout" is a connection that never opened. ${LOG}`,
      reference: REVERSE_PROXY_GO,
    },
    {
      id: 'caddy-unavailable-announced-upstream-retry-after', title: 'Unavailable, as announced by the upstream (Retry-After)',
      when: [{ status: 503 }, { header: 'server', equals: 'caddy' }, { header: 'retry-after' }, { header: 'content-type' }],
      meaning: 'The upstream itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Caddy relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'caddy-error-passed-upstream', title: 'Error passed on from the upstream',
      when: [{ status: [500, 502, 503, 504] }, { header: 'server', equals: 'caddy' }, { header: 'content-type' }],
      meaning: 'The response has a body of its own, which Caddy\'s proxy errors never have (without handle_errors): the upstream wrote it and Caddy (before 2.10) relayed it with its own Server header.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: REVERSE_PROXY_DOC,
    },
  ],
  advice: {
    visitor: [],
    owner: ['Caddy\'s log has one "http.log.error" entry per failed proxy request with the exact Go error; run with the log at INFO or lower to see it.'],
  },
  sources: [REVERSE_PROXY_GO, REVERSE_PROXY_DOC, 'https://github.com/caddyserver/caddy/pull/6275', 'https://github.com/beyondcode/expose/issues/392'],
});
