// Traefik: no Server header and a bare status-text body ("Bad Gateway", "Gateway Timeout"), so it is recognised only by that exact shape.
import { defineGateway } from './types';

const PROXY_GO = 'https://github.com/traefik/traefik/blob/master/pkg/proxy/httputil/proxy.go';
const WRR_GO = 'https://github.com/traefik/traefik/blob/master/pkg/server/service/loadbalancer/wrr/wrr.go';
const ERRORS_MW = 'https://github.com/traefik/traefik/blob/master/pkg/middlewares/customerrors/custom_errors.go';

// ErrorHandler writes http.StatusText(code) with no newline: exactly 11 bytes for "Bad Gateway", 15 for "Gateway Timeout".
// Other servers that write a bare status text usually add a newline (Go's http.Error) or other headers, so this stays a moderate signal.
const BAD_GATEWAY = [{ header: 'content-length', equals: '11' }, { text: 'bad gateway' }] as const;
const GATEWAY_TIMEOUT = [{ header: 'content-length', equals: '15' }, { text: 'gateway timeout' }] as const;

const LOG = 'Traefik logs the proxy error at DEBUG level (ERROR for TLS configuration errors): "502 Bad Gateway" with "dial tcp …: connect: connection refused", "EOF", "tls: …", or "504 Gateway Timeout" with "i/o timeout"; the access log shows the status and the service/server that was tried.';

export default defineGateway({
  id: 'traefik',
  name: 'Traefik',
  kind: 'reverse-proxy',
  fingerprint: [
    { header: 'content-length', equals: '11', text: 'bad gateway', weight: 0.55, note: 'Traefik\'s proxy error body is exactly "Bad Gateway" (11 bytes, no newline, no Server header)' },
    { header: 'content-length', equals: '15', text: 'gateway timeout', weight: 0.55, note: 'Traefik\'s proxy timeout body is exactly "Gateway Timeout" (15 bytes)' },
    { text: 'no available server', weight: 0.7, note: 'Traefik\'s load balancer answers 503 "no available server" when no server is healthy' },
    { header: 'server', startsWith: 'traefik', weight: 0.8, note: 'Traefik sends no Server header by default; some operators add one naming it' },
  ],
  variants: [
    {
      id: 'traefik-502-bad-gateway-proxy-error', title: '502 Bad Gateway (Traefik proxy error)',
      when: [{ status: 502 }, ...BAD_GATEWAY],
      meaning: 'Traefik could not get a response from the backend server: the connection was refused or the name did not resolve, the server closed or reset the connection (EOF), or TLS to it failed.',
      causes: { 'origin-unreachable': 0.5, 'origin-reset': 0.3, 'origin-tls': 0.15, 'origin-invalid-response': 0.05 },
      source: 'gateway',
      tellApart: LOG,
      reference: PROXY_GO,
    },
    {
      id: 'traefik-504-gateway-timeout-proxy-error', title: '504 Gateway Timeout (Traefik proxy error)',
      when: [{ status: 504 }, ...GATEWAY_TIMEOUT],
      meaning: 'A network timeout fired between Traefik and the backend server. By default only dialTimeout (30 s) is set, so the connection never opened (host down or a firewall dropping packets); with serversTransport responseHeaderTimeout set, it can also be a backend that was too slow to answer.',
      causes: { 'origin-timeout': 0.5, 'origin-unreachable': 0.5 },
      source: 'gateway',
      tellApart: LOG,
      reference: PROXY_GO,
    },
    {
      id: 'traefik-503-no-available-server', title: '503 no available server',
      when: [{ status: 503 }, { text: 'no available server' }],
      meaning: 'The Traefik service has no server to send the request to: all servers fail their health check, or the service has none (no running container or pod).',
      causes: { 'origin-unreachable': 0.8, 'origin-app-error': 0.2 },
      source: 'gateway',
      tellApart: 'The Traefik dashboard or API (/api/http/services) lists each server\'s status for the service.',
      reference: WRR_GO,
    },
    {
      id: 'traefik-errors-middleware-could-not-fetch-error', title: 'Errors middleware could not fetch its error page',
      when: [{ status: [400, 401, 403, 404, 405, 410, 429, 500, 501, 503, 504] }, ...BAD_GATEWAY],
      meaning: 'The status came from the application, but Traefik\'s errors middleware then failed to fetch the replacement error page from its error-page service and wrote "Bad Gateway" instead, keeping the original status.',
      causes: { 'origin-unreachable': 0.6, 'origin-reset': 0.25, 'origin-tls': 0.15 },
      source: 'gateway',
      tellApart: 'Check the error-page service named in the errors middleware (service and query): it is the backend that failed here.',
      reference: ERRORS_MW,
    },
  ],
  advice: {
    visitor: [],
    owner: ['Enable Traefik\'s access log and set the log level to DEBUG to see the proxy error behind a 502/504.'],
  },
  sources: [PROXY_GO, WRR_GO, ERRORS_MW, 'https://doc.traefik.io/traefik/routing/services/#serverstransport'],
});
