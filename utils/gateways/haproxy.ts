// HAProxy (and HAProxy-based routers such as OpenShift's): three fixed error pages; the log's termination state names the real reason.
import { defineGateway } from './types';

const HTTP_C = 'https://github.com/haproxy/haproxy/blob/master/src/http.c';
const HTTP_ANA_C = 'https://github.com/haproxy/haproxy/blob/master/src/http_ana.c';
const TERMINATION_STATES = 'https://docs.haproxy.org/2.8/configuration.html#8.5';

// The built-in pages (http_err_msgs[] in src/http.c); each sentence is the page's only text besides its heading.
const NO_SERVER = 'no server is available to handle this request';
const INVALID = 'the server returned an invalid or incomplete response';
const TOO_SLOW = "the server didn't respond in time";

const STATE = 'The HTTP log line for this request has a four-letter termination state after the status and byte counts: its first two letters name the reason.';

export default defineGateway({
  id: 'haproxy',
  name: 'HAProxy',
  kind: 'load-balancer',
  fingerprint: [
    { text: NO_SERVER, weight: 0.9, note: 'HAProxy\'s built-in 503 page' },
    { text: INVALID, weight: 0.9, note: 'HAProxy\'s built-in 502 page' },
    { text: TOO_SLOW, weight: 0.9, note: 'HAProxy\'s built-in 504 page' },
    { text: 'the application is currently not serving requests at this endpoint', weight: 0.85, note: 'the OpenShift router\'s (HAProxy) 503 page' },
    { text: 'request processing is taking too long', weight: 0.8, note: 'the OpenShift router\'s (HAProxy) 504 page' },
    { header: 'server', startsWith: 'haproxy', weight: 0.8, note: 'HAProxy sends no Server header by default; some operators add one naming it' },
  ],
  variants: [
    {
      id: 'haproxy-503-service-unavailable-haproxys-own-page', title: '503 Service Unavailable (HAProxy\'s own page)',
      when: [{ status: 503 }, { text: NO_SERVER }],
      meaning:
        'HAProxy could not hand the request to any server: every server in the backend is down or in maintenance, the connection attempt was refused, failed its TLS handshake or timed out, or the request waited too long in the queue.',
      causes: { 'origin-unreachable': 0.55, overloaded: 0.2, 'origin-tls': 0.15, maintenance: 0.1 },
      source: 'gateway',
      tellApart: `${STATE} "SC" with server <NOSRV>: no server was up (check the health-check log lines "Server … is DOWN"); "SC" with a server name: the connection was refused or its TLS handshake failed; "sC": timeout connect expired; "sQ": the request waited longer than timeout queue because every server was at maxconn.`,
      advice: { owner: ['Look at the backend\'s server states on the stats page or with "show servers state" on the runtime API.'] },
      reference: HTTP_ANA_C,
    },
    {
      id: 'haproxy-502-bad-gateway-haproxys-own-page', title: '502 Bad Gateway (HAProxy\'s own page)',
      when: [{ status: 502 }, { text: INVALID }],
      meaning:
        'The server closed or reset the connection before sending complete response headers, or HAProxy rejected what it sent (malformed, or headers larger than its buffer).',
      causes: { 'origin-reset': 0.5, 'origin-invalid-response': 0.4, 'origin-app-error': 0.1 },
      source: 'gateway',
      tellApart: `${STATE} "SH": the server aborted or crashed before sending full headers; "PH": HAProxy blocked an invalid or oversized response (capture it with "show errors" on the runtime API).`,
      reference: HTTP_ANA_C,
    },
    {
      id: 'haproxy-504-gateway-time-out-haproxys-own', title: '504 Gateway Time-out (HAProxy\'s own page)',
      when: [{ status: 504 }, { text: TOO_SLOW }],
      meaning: 'The server accepted the request but sent no response headers within HAProxy\'s "timeout server".',
      causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
      source: 'gateway',
      tellApart: `${STATE} "sH": timeout server struck while waiting for the response headers. The log's Tr timer shows how long the server had.`,
      reference: HTTP_ANA_C,
    },
    {
      id: 'haproxy-openshift-router-application-not-available', title: 'OpenShift router: Application is not available',
      when: [{ status: 503 }, { text: 'the application is currently not serving requests at this endpoint' }],
      meaning: 'The OpenShift router (HAProxy) has no ready pod for this route, or no route matches this host and path.',
      causes: { 'origin-unreachable': 0.6, unknown: 0.25, 'origin-app-error': 0.15 },
      source: 'gateway',
      tellApart: 'oc get route shows whether a route matches the host and path; oc get endpoints for its service lists no address when no pod passes its readiness probe.',
      reference: 'https://github.com/openshift/router/blob/master/images/router/haproxy/conf/error-page-503.http',
    },
    {
      id: 'haproxy-openshift-router-gateway-timeout', title: 'OpenShift router: Gateway timeout',
      when: [{ status: 504 }, { text: 'request processing is taking too long' }],
      meaning: 'The pod behind this OpenShift route did not answer within the router\'s server timeout (30 s unless the route\'s haproxy.router.openshift.io/timeout annotation changes it).',
      causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
      source: 'gateway',
      reference: 'https://github.com/openshift/router/blob/master/images/router/haproxy/conf/error-page-504.http',
    },
    {
      id: 'haproxy-error-passed-server', title: 'Error passed on from the server',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: 'The page is not one of HAProxy\'s built-in pages: the server behind HAProxy wrote it and HAProxy relayed it.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      tellApart: `${STATE} "----" means HAProxy ended the stream normally: the status came from the server.`,
      reference: TERMINATION_STATES,
    },
  ],
  advice: {
    visitor: [],
    owner: ['HAProxy logs one line per request (option httplog); its termination state (SC, sC, SH, PH, sH, sQ …) is the fastest way to the cause.'],
  },
  sources: [HTTP_C, HTTP_ANA_C, TERMINATION_STATES, 'https://github.com/haproxy/haproxy/blob/master/doc/configuration.txt'],
});
