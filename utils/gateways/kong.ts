// Kong Gateway (OpenResty): its own errors are short fixed messages ({"message": …}); anything else with Kong's headers came from the upstream.
import { defineGateway } from './types';

const ERROR_HANDLERS = 'https://github.com/Kong/kong/blob/master/kong/error_handlers.lua';
const BALANCER = 'https://github.com/Kong/kong/blob/master/kong/runloop/balancer/init.lua';
const RUNLOOP = 'https://github.com/Kong/kong/blob/master/kong/runloop/handler.lua';
const NGINX_TEMPLATE = 'https://github.com/Kong/kong/blob/master/kong/templates/nginx_kong.lua';

// The messages of kong/error_handlers.lua (nginx errors caught by Kong's error_page) and of the balancer.
const INVALID = 'an invalid response was received from the upstream server';
const TIMING_OUT = 'the upstream server is timing out';
const UNAVAILABLE = 'the upstream server is currently unavailable';
const NO_PEER = 'failure to get a peer from the';
const DNS = 'name resolution failed';
const UNEXPECTED = 'an unexpected error occurred';

const LOG =
  'Kong\'s error.log (nginx format) has the reason: "connect() failed (111: Connection refused) while connecting to upstream", "upstream prematurely closed connection" or "recv() failed (104: Connection reset by peer)", "upstream timed out (110: Connection timed out)", "upstream sent too big header", or an SSL handshake error. Search it for the request_id from the body or the X-Kong-Request-Id header.';

export default defineGateway({
  id: 'kong',
  name: 'Kong Gateway',
  kind: 'api-gateway',
  // Kong runs on OpenResty, and some releases send "Server: openresty" on Kong's own errors (Kong/kong#7183).
  runsOn: ['nginx'],
  fingerprint: [
    { header: 'via', includes: 'kong/', weight: 0.9, note: 'Kong adds its name and version to Via on proxied responses' },
    { header: 'server', startsWith: 'kong/', weight: 0.9, note: 'Kong names itself in the Server header of its own responses' },
    { header: 'x-kong-upstream-latency', weight: 0.95, note: 'Kong reports the time spent waiting for the upstream' },
    { header: 'x-kong-proxy-latency', weight: 0.95, note: 'Kong reports its own processing time' },
    { header: 'x-kong-response-latency', weight: 0.95, note: 'Kong sets this on responses it answered itself' },
    { header: 'x-kong-request-id', weight: 0.95, note: 'Kong\'s request id (3.x)' },
    { header: 'x-kong-upstream-status', weight: 0.95, note: 'Kong reports the upstream\'s status (when enabled)' },
    { text: INVALID, weight: 0.85, note: 'Kong\'s 502 message' },
    { text: TIMING_OUT, weight: 0.85, note: 'Kong\'s 504 message' },
    { text: UNAVAILABLE, weight: 0.7, note: 'Kong\'s 503 message' },
    { text: NO_PEER, weight: 0.9, note: 'Kong\'s load balancer message when no target is available' },
    { text: 'no route matched with those values', weight: 0.9, note: 'Kong\'s 404 when no route matches' },
  ],
  variants: [
    {
      id: 'kong-502-invalid-response-received-upstream-server', title: '502: An invalid response was received from the upstream server',
      when: [{ text: INVALID }],
      meaning:
        'Kong (nginx underneath) got no usable response from the upstream. Despite the wording, Kong uses this message for every 502: a refused connection, a closed or reset connection, an invalid response, a TLS failure.',
      causes: { 'origin-unreachable': 0.45, 'origin-reset': 0.3, 'origin-invalid-response': 0.15, 'origin-tls': 0.1 },
      source: 'gateway',
      tellApart: `${LOG} Kong adds X-Kong-Upstream-Latency even to this error, so that header does not prove the upstream answered.`,
      reference: ERROR_HANDLERS,
    },
    {
      id: 'kong-504-upstream-server-timing-out', title: '504: The upstream server is timing out',
      when: [{ text: TIMING_OUT }],
      meaning: 'The upstream did not answer within the Service\'s read_timeout (60 s by default), or the connection did not open within connect_timeout.',
      causes: { 'origin-timeout': 0.85, 'origin-unreachable': 0.15 },
      source: 'gateway',
      tellApart: `"upstream timed out … while reading response header" is a slow upstream; "… while connecting to upstream" a connection that never opened. ${LOG}`,
      advice: { owner: ['Raise the Service\'s read_timeout only if the upstream legitimately needs longer.'] },
      reference: ERROR_HANDLERS,
    },
    {
      id: 'kong-503-failure-get-peer-ring-balancer', title: '503: failure to get a peer from the ring-balancer',
      when: [{ text: NO_PEER }],
      meaning: 'Kong\'s load balancer found no target to use in the Upstream: every target is marked unhealthy by health checks, or the Upstream has no targets.',
      causes: { 'origin-unreachable': 0.85, overloaded: 0.15 },
      source: 'gateway',
      tellApart: 'GET /upstreams/<name>/health on the Admin API lists each target\'s health.',
      reference: BALANCER,
    },
    {
      id: 'kong-503-name-resolution-failed', title: '503: name resolution failed',
      when: [{ text: DNS }],
      meaning: 'Kong could not resolve the host name of the Service or of the Upstream\'s targets.',
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      reference: BALANCER,
    },
    {
      id: 'kong-503-upstream-server-currently-unavailable', title: '503: The upstream server is currently unavailable',
      when: [{ text: UNAVAILABLE }],
      meaning: 'nginx inside Kong answered 503 for the upstream, which Kong rewrote to its own message: typically no live upstream left to try.',
      causes: { 'origin-unreachable': 0.6, overloaded: 0.3, maintenance: 0.1 },
      source: 'gateway',
      tellApart: LOG,
      reference: ERROR_HANDLERS,
    },
    {
      id: 'kong-503-no-service-found-those-values', title: '503: no Service found with those values',
      when: [{ text: 'no service found with those values' }],
      meaning: 'The matched route points to no Service: a configuration problem in Kong.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: 'https://github.com/Kong/kong/blob/master/kong/init.lua',
    },
    {
      id: 'kong-500-unexpected-error-occurred', title: '500: An unexpected error occurred',
      when: [{ status: 500 }, { text: UNEXPECTED }],
      meaning: 'Kong itself failed while handling the request, usually an error in a plugin (Lua) or in reaching its own database.',
      causes: { unknown: 0.7, 'origin-app-error': 0.3 },
      source: 'gateway',
      tellApart: 'Kong\'s error.log has the Lua error and stack trace for this request.',
      reference: ERROR_HANDLERS,
    },
    {
      id: 'kong-429-api-rate-limit-exceeded', title: '429: API rate limit exceeded',
      when: [{ status: 429 }, { text: 'rate limit exceeded' }],
      meaning: 'Kong\'s rate-limiting plugin rejected the request.',
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: 'https://docs.konghq.com/hub/kong-inc/rate-limiting/',
    },
    {
      id: 'kong-unavailable-announced-upstream-retry-after', title: 'Unavailable, as announced by the upstream (Retry-After)',
      when: [{ status: 503 }, { header: 'retry-after' }, { header: 'via', includes: 'kong/' }, { text: 'upstream server', absent: true }, { text: NO_PEER, absent: true }],
      meaning: 'The upstream itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Kong relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'kong-error-passed-upstream', title: 'Error passed on from the upstream',
      when: [{ status: [500, 502, 503, 504] }, { header: 'x-kong-upstream-latency' }, { text: 'upstream server', absent: true }, { text: NO_PEER, absent: true }, { text: DNS, absent: true }, { text: UNEXPECTED, absent: true }],
      meaning: 'The body is not one of Kong\'s own messages, and Kong proxied the request (X-Kong-Upstream-Latency): the upstream wrote this error and Kong relayed it.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: RUNLOOP,
    },
  ],
  advice: {
    visitor: [],
    owner: ['Quote the request_id from the error body (or X-Kong-Request-Id) and search Kong\'s error.log and access log for it.'],
  },
  sources: [ERROR_HANDLERS, BALANCER, RUNLOOP, NGINX_TEMPLATE, 'https://github.com/Kong/kong/issues/7165'],
});
