// Envoy and the meshes and gateways built on it (Istio, Contour, Emissary, Gloo, Kuma, Consul): its short text/plain local replies name the failure.
import { defineGateway } from './types';

const ROUTER = 'https://github.com/envoyproxy/envoy/blob/main/source/common/router/router.cc';
// The router read at a fixed commit (the repository is too large to fetch, so no line numbers: see onUpstreamReset / onResponseTimeout).
const ENVOY_ROUTER_AT = 'https://github.com/envoyproxy/envoy/blob/001b1c0cd4cb18d9a3658d5453c1e534b3ff864e/source/common/router/router.cc';
const RESET_REASONS = 'https://github.com/envoyproxy/envoy/blob/main/source/common/http/utility.cc';
const RESPONSE_FLAGS = 'https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage#config-access-log-format-response-flags';
const ROUTER_FILTER = 'https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/router_filter';

// Every connect/reset failure before the upstream's headers arrive gets this text, then ". reset reason: …".
const CONNECT_ERROR = 'upstream connect error or disconnect/reset before headers';
const LOCAL_REPLY = [{ text: CONNECT_ERROR }] as const;

const FLAGS =
  'The access log line for this request carries %RESPONSE_FLAGS% and %RESPONSE_CODE_DETAILS% (e.g. "UF upstream_reset_before_response_started{remote_connection_failure}"), and %UPSTREAM_TRANSPORT_FAILURE_REASON% for TLS errors.';

const relayedInner = {
  meaning:
    'This Envoy\'s upstream answered (x-envoy-upstream-service-time is set), and what it sent is another Envoy\'s error text: the failure happened one hop further in, for example at a sidecar or an inner gateway.',
  causes: {},
  source: 'origin',
  tellApart: 'Read the access log of the next Envoy on the path (the sidecar next to the application): its response flag names the failure.',
  reference: ROUTER_FILTER,
} as const;

const remoteReset = {
  meaning: 'The upstream reset the HTTP/2 stream (or refused it) before sending response headers.',
  causes: { 'origin-reset': 0.8, overloaded: 0.2 },
  source: 'gateway',
  tellApart: `Response flag UR. ${FLAGS} A refused stream often means the upstream hit its own concurrent-stream limit.`,
  reference: RESET_REASONS,
} as const;

const connectFailure = {
  meaning: 'Envoy could not connect to the upstream host: nothing listening, the host gone, or (with a TLS transport failure reason) a TLS problem.',
  causes: { 'origin-unreachable': 0.75, 'origin-tls': 0.15, overloaded: 0.1 },
  source: 'gateway',
  tellApart: `Response flag UF. ${FLAGS} Envoy before 1.27 wrote "connection failure" for every connect failure, refused or TLS alike.`,
  reference: RESET_REASONS,
} as const;

export default defineGateway({
  id: 'envoy',
  name: 'Envoy',
  kind: 'reverse-proxy',
  fingerprint: [
    { header: 'server', equals: 'envoy', weight: 0.85, note: 'Envoy names itself in the Server header by default' },
    { header: 'server', equals: 'istio-envoy', weight: 0.9, note: 'Istio\'s gateways and sidecars name themselves istio-envoy' },
    { header: 'x-envoy-upstream-service-time', weight: 0.9, note: 'Envoy reports how long the upstream took' },
    { header: 'x-envoy-overloaded', weight: 0.9, note: 'Envoy sets this when a circuit breaker or overload rule dropped the request' },
    { header: 'x-envoy-ratelimited', weight: 0.9, note: 'Envoy\'s rate-limit header' },
    { header: 'x-envoy-decorator-operation', weight: 0.9, note: 'Envoy\'s tracing decorator header (Istio sets it)' },
    { header: 'x-envoy-degraded', weight: 0.9, note: 'Envoy\'s degraded-host header' },
    { text: CONNECT_ERROR, weight: 0.9, note: 'Envoy\'s local reply when it could not get response headers from the upstream' },
    { text: 'no healthy upstream', weight: 0.8, note: 'Envoy\'s local reply when the cluster has no healthy host' },
    { text: 'upstream request timeout', weight: 0.65, note: 'Envoy\'s local reply when the route timeout expired' },
    { text: 'envoy overloaded', weight: 0.9, note: 'Envoy\'s local reply when its overload manager sheds requests' },
    { text: 'upstream max stream duration reached', weight: 0.8, note: 'Envoy\'s local reply when a stream ran past its maximum duration' },
  ],
  bodyTells: 'Envoy\'s reply names the failure: "no healthy upstream", "upstream request timeout", or "upstream connect error … reset reason: connection failure / connection termination / TLS error".',
  relayed: [{ header: 'x-envoy-upstream-service-time', note: 'Envoy got response headers from the upstream and relayed them: the status came from the upstream' }],
  variants: [
    // An inner hop's error text relayed by an outer Envoy: only the source is decided here; the matching local-reply variant below adds the causes.
    { id: 'envoy-another-envoys-upstream-connect-error-relayed', title: 'Another Envoy\'s "upstream connect error", relayed', when: [{ header: 'x-envoy-upstream-service-time' }, ...LOCAL_REPLY], ...relayedInner },
    { id: 'envoy-another-envoys-no-healthy-upstream-relayed', title: 'Another Envoy\'s "no healthy upstream", relayed', when: [{ header: 'x-envoy-upstream-service-time' }, { text: 'no healthy upstream' }], ...relayedInner },
    { id: 'envoy-another-envoys-upstream-request-timeout-relayed', title: 'Another Envoy\'s "upstream request timeout", relayed', when: [{ header: 'x-envoy-upstream-service-time' }, { text: 'upstream request timeout' }], ...relayedInner },
    {
      id: 'envoy-upstream-connect-error-tls-failure', title: 'Upstream connect error: TLS failure',
      when: [...LOCAL_REPLY, { text: 'transport failure reason: tls' }],
      meaning: 'Envoy could not set up TLS (or mutual TLS) to the upstream; the text after "transport failure reason" names the OpenSSL/BoringSSL error.',
      causes: { 'origin-tls': 1 },
      source: 'gateway',
      tellApart:
        'CERTIFICATE_VERIFY_FAILED: the upstream\'s certificate is not trusted, expired or for another name; WRONG_VERSION_NUMBER: Envoy speaks TLS to a plain-HTTP port; an alert such as SSLV3_ALERT_CERTIFICATE_UNKNOWN: the upstream rejected Envoy\'s client certificate (in Istio, a DestinationRule/PeerAuthentication mTLS mismatch).',
      reference: 'https://github.com/envoyproxy/envoy/pull/12321',
    },
    {
      id: 'envoy-upstream-connect-error-connection-refused', title: 'Upstream connect error: connection refused',
      when: [...LOCAL_REPLY, { text: 'delayed connect error' }],
      meaning: 'Envoy\'s TCP connection to the upstream host failed: "Connection refused" (111) means nothing listens on that port, "No route to host" (113) means the host is gone.',
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      tellApart: `Response flag UF. ${FLAGS}`,
      advice: { owner: ['Check that the application listens on the port the Service/cluster points at, on 0.0.0.0 rather than 127.0.0.1, and that the pod is running.'] },
      reference: RESET_REASONS,
    },
    {
      id: 'envoy-upstream-connect-error-connection-timeout', title: 'Upstream connect error: connection timeout',
      when: [...LOCAL_REPLY, { text: 'reset reason: connection timeout' }],
      meaning: 'Envoy could not establish a TCP connection to the upstream within the cluster\'s connect_timeout (5 s by default in many control planes).',
      causes: { 'origin-unreachable': 0.6, overloaded: 0.3, 'origin-timeout': 0.1 },
      source: 'gateway',
      tellApart: `Response flag UF with details "connection_timeout". A firewall or network policy dropping packets looks the same as a host too busy to accept connections. ${FLAGS}`,
      reference: RESET_REASONS,
    },
    {
      id: 'envoy-upstream-connect-error-overflow-circuit-breaker', title: 'Upstream connect error: overflow (circuit breaker)',
      when: [...LOCAL_REPLY, { text: 'reset reason: overflow' }],
      meaning: 'An Envoy circuit breaker for this cluster is open (too many connections, pending requests, requests or retries), so Envoy refused to send the request.',
      causes: { overloaded: 1 },
      source: 'gateway',
      tellApart: `Response flag UO; the cluster's upstream_cx_overflow / upstream_rq_pending_overflow counters name which limit. ${FLAGS}`,
      advice: { owner: ['Raise the circuit-breaker thresholds (Istio: DestinationRule connectionPool) or add capacity behind the cluster.'] },
      reference: ROUTER,
    },
    {
      id: 'envoy-upstream-connect-error-overload-manager-reset', title: 'Upstream connect error: overload manager reset',
      when: [...LOCAL_REPLY, { text: 'overload manager' }],
      meaning: 'Envoy itself is short of resources (memory, connections) and its overload manager reset the request.',
      causes: { overloaded: 1 },
      source: 'gateway',
      tellApart: `Response flag OM. ${FLAGS}`,
      reference: RESET_REASONS,
    },
    {
      id: 'envoy-upstream-connect-error-protocol-error', title: 'Upstream connect error: protocol error',
      when: [...LOCAL_REPLY, { text: 'reset reason: protocol error' }],
      meaning: 'The upstream\'s response broke the HTTP protocol as Envoy parsed it: an HTTP/1 vs HTTP/2 (or gRPC) mismatch, invalid or duplicate headers, or a malformed body framing. Newer Envoy answers 502 for this, older 503.',
      causes: { 'origin-invalid-response': 1 },
      source: 'gateway',
      tellApart: `Response flag UPE. ${FLAGS} Check which protocol the cluster uses towards the application (Istio: the Service port name or appProtocol).`,
      reference: ROUTER,
    },
    { id: 'envoy-upstream-connect-error-remote-reset', title: 'Upstream connect error: remote reset', when: [...LOCAL_REPLY, { text: 'reset reason: remote reset' }], ...remoteReset },
    { id: 'envoy-upstream-connect-error-remote-refused-stream', title: 'Upstream connect error: remote refused stream reset', when: [...LOCAL_REPLY, { text: 'reset reason: remote refused stream reset' }], ...remoteReset },
    {
      id: 'envoy-upstream-connect-error-connection-termination', title: 'Upstream connect error: connection termination',
      when: [...LOCAL_REPLY, { text: 'reset reason: connection termination' }],
      meaning: 'The upstream closed the connection before sending response headers: the application crashed or restarted mid-request, or it closed an idle keep-alive connection just as Envoy reused it.',
      causes: { 'origin-reset': 0.8, 'origin-app-error': 0.1, 'origin-tls': 0.1 },
      source: 'gateway',
      tellApart: `Response flag UC. Sporadic UC under steady load usually means the application's keep-alive timeout is shorter than Envoy's idle timeout; UC on every request in Istio can be a sidecar sending plain text to a port that requires mTLS. ${FLAGS}`,
      reference: RESET_REASONS,
    },
    {
      id: 'envoy-upstream-connect-error-local-reset', title: 'Upstream connect error: local reset',
      when: [...LOCAL_REPLY, { text: 'reset reason: local reset' }],
      meaning: 'Envoy reset the upstream stream itself, typically when a per-try or idle timeout fired, and no retry succeeded.',
      causes: { unknown: 0.5, 'origin-timeout': 0.3, 'origin-reset': 0.2 },
      source: 'gateway',
      tellApart: `Response flag LR. ${FLAGS}`,
      reference: RESET_REASONS,
    },
    {
      id: 'envoy-upstream-connect-error-remote-connection-failure', title: 'Upstream connect error: remote connection failure (no transport reason)',
      when: [...LOCAL_REPLY, { text: 'remote connection failure' }, { text: 'transport failure reason', absent: true }],
      meaning:
        'The upstream\'s side broke the connection while Envoy was still setting it up. Plain refusals normally add a "delayed connect error" reason, so without one this is most often a failed TLS handshake (recent Envoy drops the TLS detail, see envoyproxy/envoy#45011).',
      causes: { 'origin-tls': 0.55, 'origin-unreachable': 0.35, 'origin-reset': 0.1 },
      source: 'gateway',
      tellApart: `Response flag UF; %UPSTREAM_TRANSPORT_FAILURE_REASON% or a debug log of the TLS handshake shows whether a certificate was rejected. ${FLAGS}`,
      reference: 'https://github.com/envoyproxy/envoy/issues/45011',
    },
    { id: 'envoy-upstream-connect-error-connection-failure', title: 'Upstream connect error: connection failure', when: [...LOCAL_REPLY, { text: 'reset reason: connection failure' }], ...connectFailure },
    { id: 'envoy-upstream-connect-error-remote-connection-failure-with-reason', title: 'Upstream connect error: remote connection failure', when: [...LOCAL_REPLY, { text: 'remote connection failure' }, { text: 'transport failure reason' }], ...connectFailure },
    { id: 'envoy-upstream-connect-error-local-connection-failure', title: 'Upstream connect error: local connection failure', when: [...LOCAL_REPLY, { text: 'local connection failure' }], ...connectFailure },
    {
      id: 'envoy-upstream-connect-error-no-reason-given', title: 'Upstream connect error (no reason given)',
      when: [...LOCAL_REPLY, { text: 'reset reason', absent: true }],
      meaning: 'An old Envoy (before about 1.10) reporting that it got no response headers from the upstream, without saying why.',
      causes: { 'origin-unreachable': 0.5, 'origin-reset': 0.35, 'origin-tls': 0.15 },
      source: 'gateway',
      tellApart: FLAGS,
      reference: ROUTER,
    },
    {
      id: 'envoy-no-healthy-upstream', title: 'No healthy upstream',
      when: [{ text: 'no healthy upstream' }],
      meaning: 'Envoy has no healthy host to send this request to: the cluster has no endpoints (no ready pods, a wrong selector or port), or every host failed health checks or was ejected by outlier detection.',
      causes: { 'origin-unreachable': 0.75, 'origin-app-error': 0.15, overloaded: 0.1 },
      source: 'gateway',
      tellApart: 'Response flag UH. List the cluster\'s endpoints and their health (Istio: istioctl proxy-config endpoints <pod>): none listed means nothing is registered; all UNHEALTHY means health checks or outlier detection removed them.',
      advice: { owner: ['Check that the Deployment has ready pods and that the Service selector and port match them.'] },
      reference: ROUTER,
    },
    {
      id: 'envoy-upstream-request-timeout', title: 'Upstream request timeout',
      when: [{ text: 'upstream request timeout' }],
      meaning: 'The upstream did not finish responding within the route timeout (15 s by default in Envoy; Istio and other control planes set their own).',
      causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
      source: 'gateway',
      tellApart: `Response flag UT. ${FLAGS}`,
      advice: { owner: ['Find the slow request in the application, or raise the route timeout (Istio: VirtualService timeout) if the work is legitimately long.'] },
      reference: 'https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/route/v3/route_components.proto',
    },
    {
      id: 'envoy-upstream-max-stream-duration-reached', title: 'Upstream max stream duration reached',
      when: [{ text: 'upstream max stream duration reached' }],
      meaning: 'The request ran longer than the route\'s max_stream_duration and Envoy cut it off.',
      causes: { 'origin-timeout': 1 },
      source: 'gateway',
      reference: ROUTER,
    },
    {
      id: 'envoy-cluster-maintenance-mode', title: 'Cluster in maintenance mode',
      when: [{ status: 503 }, { text: 'maintenance mode' }],
      meaning: 'The cluster behind this route is in maintenance mode (a runtime setting), so Envoy rejects its traffic.',
      causes: { maintenance: 1 },
      source: 'gateway',
      reference: ROUTER,
    },
    {
      id: 'envoy-overloaded', title: 'Envoy overloaded',
      when: [{ status: 503 }, { text: 'envoy overloaded' }],
      meaning: 'Envoy\'s overload manager is shedding new requests because the proxy itself is short of memory or connections.',
      causes: { overloaded: 1 },
      source: 'gateway',
      tellApart: 'Response flag OM; the overload manager\'s stats show which resource hit its threshold.',
      reference: 'https://www.envoyproxy.io/docs/envoy/latest/configuration/operations/overload_manager/overload_manager',
    },
    {
      id: 'envoy-request-dropped-x-overloaded', title: 'Request dropped (x-envoy-overloaded)',
      when: [{ status: 503 }, { header: 'x-envoy-overloaded' }],
      meaning: 'Envoy dropped the request on purpose because a circuit breaker, a drop-overload policy or maintenance mode applies to this cluster.',
      causes: { overloaded: 0.85, maintenance: 0.15 },
      source: 'gateway',
      reference: ROUTER,
    },
    {
      id: 'envoy-local-rate-limit', title: 'Local rate limit',
      when: [{ status: 429 }, { markup: 'local_rate_limited' }],
      meaning: 'Envoy\'s local rate limit filter rejected the request.',
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: 'https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/local_rate_limit_filter',
    },
    // Headers only: with no x-envoy-upstream-service-time Envoy wrote the reply itself, and its router maps every
    // upstream reset but a protocol error to 503, a protocol error to 502 and a timeout to 504 (router.cc).
    {
      id: 'envoy-503-no-body',
      title: '503 from Envoy (its body not seen)',
      when: [{ status: 503 }, { body: 'unseen' }, { header: 'x-envoy-upstream-service-time', absent: true }],
      meaning: 'Envoy answered 503 itself (the upstream never sent headers): most often it could not connect to the upstream or had no healthy host, less often the upstream reset the stream or a circuit breaker shed the request.',
      causes: { 'origin-unreachable': 0.6, 'origin-reset': 0.2, overloaded: 0.15, maintenance: 0.05 },
      source: 'gateway',
      tellApart: `The body names the reason ("reset reason: connection failure", "no healthy upstream"); so does the access log. ${FLAGS}`,
      reference: ENVOY_ROUTER_AT,
    },
    {
      id: 'envoy-502-no-body',
      title: '502 from Envoy (its body not seen)',
      when: [{ status: 502 }, { body: 'unseen' }, { header: 'x-envoy-upstream-service-time', absent: true }],
      meaning: 'Envoy answers 502 itself only when the upstream broke the HTTP protocol.',
      causes: { 'origin-invalid-response': 0.9, 'origin-reset': 0.1 },
      source: 'gateway',
      tellApart: FLAGS,
      reference: ENVOY_ROUTER_AT,
    },
    {
      id: 'envoy-504-no-body',
      title: '504 from Envoy (its body not seen)',
      when: [{ status: 504 }, { body: 'unseen' }, { header: 'x-envoy-upstream-service-time', absent: true }],
      meaning: 'Envoy answers 504 itself when the route timeout (or the maximum stream duration) ran out before the upstream answered.',
      causes: { 'origin-timeout': 0.95, overloaded: 0.05 },
      source: 'gateway',
      tellApart: `Response flag UT. ${FLAGS}`,
      reference: ENVOY_ROUTER_AT,
    },
    {
      id: 'envoy-error-passed-upstream', title: 'Error passed on from the upstream',
      when: [{ status: [500, 502, 503, 504] }, { header: 'x-envoy-upstream-service-time' }],
      meaning: 'The upstream answered with this status (x-envoy-upstream-service-time is only set when it did) and Envoy relayed it.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.25, maintenance: 0.15 },
      source: 'origin',
      reference: ROUTER_FILTER,
    },
  ],
  advice: {
    visitor: [],
    owner: ['Envoy\'s access log has one line per request; its response flag (UF, UC, UH, UT, UO, UPE, …) names the failure. Turn the access log on if it is off (Istio: meshConfig.accessLogFile).'],
  },
  sources: [ROUTER, RESET_REASONS, RESPONSE_FLAGS, ROUTER_FILTER, 'https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_conn_man/response_code_details'],
});
