// Envoy and the meshes and gateways built on it (Istio, Contour, Emissary, Envoy Gateway, Gloo, Kuma): its short text/plain local replies name the failure.
import { defineGateway, type DocumentedError, type Marker, type Variant } from './types';

// Envoy's repository is too large to fetch here, so its sources were read through a stored index, each file at the commit
// given, without line numbers: each rule names the function (router.cc: onUpstreamReset, sendNoHealthyUpstreamResponse …).
const E = 'https://github.com/envoyproxy/envoy/blob';
const ROUTER = `${E}/001b1c0cd4cb18d9a3658d5453c1e534b3ff864e/source/common/router/router.cc`;
const RESET_REASONS = `${E}/2d3b5057954ef56196e3ff43e411572ba463b578/source/common/http/utility.cc`; // Utility::resetReasonToString
const CONNECTION_IMPL = `${E}/b8dc414eae23308c621e52428c39e39848da0296/source/common/network/connection_impl.cc`; // "delayed connect error: …"
const CONN_MANAGER = `${E}/7f6801afa3845ff2d647bdde4f77fd7e83a3e3ac/source/common/http/conn_manager_impl.cc`;
const DOCS = 'https://www.envoyproxy.io/docs/envoy/latest';
const RESPONSE_FLAGS = `${DOCS}/configuration/observability/access_log/usage#config-access-log-format-response-flags`;
const TRANSPORT_FAILURE = `${DOCS}/configuration/observability/access_log/usage#config-access-log-format-upstream-transport-failure-reason`;
const CODE_DETAILS = `${DOCS}/configuration/http/http_conn_man/response_code_details`;
const ROUTER_FILTER = `${DOCS}/configuration/http/http_filters/router_filter`;
const ROUTE_TIMEOUT = `${DOCS}/api-v3/config/route/v3/route_components.proto`;
const LOCAL_RATE_LIMIT = `${DOCS}/configuration/http/http_filters/local_rate_limit_filter`;
const RATE_LIMIT = `${DOCS}/configuration/http/http_filters/rate_limit_filter`;
const OVERLOAD_MANAGER = `${DOCS}/configuration/operations/overload_manager/overload_manager`;
const RBAC = `${E}/7a45ea5c4962f4d344572615e7e2c3bc50aa09ed/source/extensions/filters/http/rbac/rbac_filter.cc`;
const FAULT = `${E}/e05a2af4b8e18178f5788a32a8e4a69eaa6d245c/source/extensions/filters/http/fault/fault_filter.cc`;
const DYNAMIC_FORWARD_PROXY = `${E}/735c69b8cf2238281900862dc208baa9474d1fd1/source/extensions/filters/http/dynamic_forward_proxy/proxy_filter.cc`;

// Every stream reset before the upstream's headers gets this text, then "reset reason: …" (router.cc, onUpstreamReset).
const CONNECT_ERROR = 'upstream connect error or disconnect/reset before headers';
const NO_HEALTHY = 'no healthy upstream';
const REQUEST_TIMEOUT = 'upstream request timeout';
const LOCAL_REPLY = { text: CONNECT_ERROR } as const;
const reason = (text: string): Marker => ({ text: `reset reason: ${text}` });
/** Envoy's local reply for a reset, as router.cc writes it (the documented example). */
const resetReply = (reasonText: string) => `${CONNECT_ERROR}. reset reason: ${reasonText}`;

// Headers only. With no x-envoy-upstream-service-time Envoy wrote the reply itself; its local replies are text/plain
// with a fixed text, so the Content-Length says which text it was (+23 bytes with "retried and the latest ", +54 with
// ", transport failure reason: delayed connect error: 111", +69 with "…: Connection refused").
const LOCAL_REPLY_HEADERS: readonly Marker[] = [
  { body: 'unseen' },
  { header: 'content-type', equals: 'text/plain' },
  { header: 'x-envoy-upstream-service-time', absent: true },
];
const lengths = (...values: number[]): Marker => ({ any: values.map((value) => ({ header: 'content-length', equals: String(value) })) });
const LENGTHS = {
  noHealthy: [19],
  connectFailure: [91, 114, 97, 120, 98, 121, 145, 151, 152, 160, 166, 167], // connection failure / timeout, local / remote connection failure
  termination: [95, 118],
  remoteReset: [85, 108, 100, 123], // remote reset, remote refused stream reset
  overflow: [81, 104],
  localReset: [84, 107, 99, 122], // local reset, local refused stream reset
  overloaded: [16], // "envoy overloaded", or "maintenance mode" with x-envoy-overloaded
  protocolError: [87, 110],
  timeout: [24, 36], // "upstream request timeout", "upstream max stream duration reached"
} as const;

const FLAGS =
  'The access log line for this request carries %RESPONSE_FLAGS% and %RESPONSE_CODE_DETAILS% (e.g. "UF upstream_reset_before_response_started{remote_connection_failure}"), and %UPSTREAM_TRANSPORT_FAILURE_REASON% for TLS errors.';

type Reply = Omit<Variant, 'id' | 'title' | 'when'>;

const INNER_ENVOY: Reply = {
  meaning:
    "This Envoy's upstream answered (x-envoy-upstream-service-time is set), and what it sent is another Envoy's error text: the failure happened one hop further in, for example at a sidecar or an inner gateway.",
  causes: {},
  source: 'origin',
  tellApart: 'Read the access log of the next Envoy on the path (the sidecar next to the application): its response flag names the failure.',
  reference: ROUTER_FILTER,
};
const CONNECT_FAILURE: Reply = {
  meaning: 'Envoy could not connect to the upstream host: nothing listening, the host gone, or (with a TLS transport failure reason) a TLS problem.',
  causes: { 'origin-unreachable': 0.75, 'origin-tls': 0.2, overloaded: 0.05 },
  source: 'gateway',
  tellApart: `Response flag UF. ${FLAGS} Older Envoy releases wrote "connection failure" for every connect failure, refused or TLS alike.`,
  reference: RESET_REASONS,
};
const TERMINATION: Reply = {
  meaning:
    'The upstream closed the connection before sending response headers: the application crashed or restarted mid-request, or it closed an idle keep-alive connection just as Envoy reused it.',
  causes: { 'origin-reset': 0.8, 'origin-app-error': 0.1, 'origin-tls': 0.1 },
  source: 'gateway',
  tellApart: `Response flag UC. Sporadic UC under steady load usually means the application's keep-alive timeout is shorter than Envoy's idle timeout; UC on every request in Istio can be a sidecar sending plain text to a port that requires mTLS. ${FLAGS}`,
  reference: RESET_REASONS,
};
const REMOTE_RESET: Reply = {
  meaning: 'The upstream reset the HTTP/2 stream (or refused it) before sending response headers.',
  causes: { 'origin-reset': 0.75, overloaded: 0.25 },
  source: 'gateway',
  tellApart: `Response flag UR. ${FLAGS} A refused stream often means the upstream hit its own concurrent-stream limit.`,
  reference: RESET_REASONS,
};
const OVERFLOW: Reply = {
  meaning:
    'An Envoy circuit breaker for this cluster is open (too many connections, pending requests, requests or retries), so Envoy refused to send the request.',
  causes: { overloaded: 1 },
  source: 'gateway',
  tellApart: `Response flag UO; the cluster's upstream_cx_overflow / upstream_rq_pending_overflow counters name which limit. ${FLAGS}`,
  advice: { owner: ['Raise the circuit-breaker thresholds (Istio: DestinationRule connectionPool) or add capacity behind the cluster.'] },
  reference: ROUTER,
};
const LOCAL_RESET: Reply = {
  meaning: 'Envoy reset the upstream stream itself, typically when a per-try or idle timeout fired, and no retry succeeded.',
  causes: { unknown: 0.5, 'origin-timeout': 0.3, 'origin-reset': 0.2 },
  source: 'gateway',
  tellApart: `Response flag LR. ${FLAGS}`,
  reference: RESET_REASONS,
};
const PROTOCOL_ERROR: Reply = {
  meaning:
    "The upstream's response broke the HTTP protocol as Envoy parsed it: an HTTP/1 vs HTTP/2 (or gRPC) mismatch, invalid or duplicate headers, or a malformed body framing. Envoy answers 502 for this, and for nothing else.",
  causes: { 'origin-invalid-response': 0.9, 'origin-reset': 0.1 },
  source: 'gateway',
  tellApart: `Response flag UPE. ${FLAGS} Check which protocol the cluster uses towards the application (Istio: the Service port name or appProtocol).`,
  reference: ROUTER,
};
const NO_HEALTHY_UPSTREAM: Reply = {
  meaning:
    'Envoy has no healthy host to send this request to: the cluster has no endpoints (no ready pods, a wrong selector or port), or every host failed health checks or was ejected by outlier detection.',
  causes: { 'origin-unreachable': 0.8, 'origin-app-error': 0.1, overloaded: 0.1 },
  source: 'gateway',
  tellApart:
    "Response flag UH. List the cluster's endpoints and their health (Istio: istioctl proxy-config endpoints <pod>): none listed means nothing is registered; all UNHEALTHY means health checks or outlier detection removed them.",
  advice: { owner: ['Check that the Deployment has ready pods and that the Service selector and port match them.'] },
  reference: ROUTER,
};
const UPSTREAM_TIMEOUT: Reply = {
  meaning:
    "The upstream did not finish responding within the route timeout (15 s by default in Envoy; Istio and other control planes set their own) or the route's maximum stream duration.",
  causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
  source: 'gateway',
  tellApart: `Response flag UT (UMSDR for the maximum stream duration). ${FLAGS}`,
  advice: { owner: ['Find the slow request in the application, or raise the route timeout (Istio: VirtualService timeout) if the work is legitimately long.'] },
  reference: ROUTE_TIMEOUT,
};
const ENVOY_OVERLOADED: Reply = {
  meaning: "Envoy's overload manager is shedding new requests because the proxy itself is short of memory or connections.",
  causes: { overloaded: 1 },
  source: 'gateway',
  tellApart: "Response flag OM; the overload manager's stats show which resource hit its threshold.",
  reference: OVERLOAD_MANAGER,
};
const MAINTENANCE: Reply = {
  meaning: 'The cluster behind this route is in maintenance mode (the runtime key upstream.maintenance_mode.<cluster>), so Envoy rejects its traffic.',
  causes: { maintenance: 1 },
  source: 'gateway',
  reference: ROUTER,
};

const documented: DocumentedError[] = [
  ...(
    [
      ['connection failure', 'envoy-upstream-connect-error-connection-failure'],
      ['local connection failure', 'envoy-upstream-connect-error-local-connection-failure'],
      ['remote connection failure', 'envoy-upstream-connect-error-remote-connection-failure'],
      ['connection timeout', 'envoy-upstream-connect-error-connection-timeout'],
      ['connection termination', 'envoy-upstream-connect-error-connection-termination'],
      ['local reset', 'envoy-upstream-connect-error-local-reset'],
      ['local refused stream reset', 'envoy-upstream-connect-error-local-reset'],
      ['overflow', 'envoy-upstream-connect-error-overflow-circuit-breaker'],
      ['remote reset', 'envoy-upstream-connect-error-remote-reset'],
      ['remote refused stream reset', 'envoy-upstream-connect-error-remote-refused-stream'],
      ['overload manager reset', 'envoy-upstream-connect-error-overload-manager-reset'],
      ['remote error with CONNECT request', 'envoy-upstream-connect-error-connect-request-failed'],
    ] as const
  ).map(([text, variant]): DocumentedError => ({
    name: `503 "${resetReply(text)}"`,
    reference: RESET_REASONS,
    variant,
    example: { status: 503, body: resetReply(text) },
  })),
  {
    name: `502 "${resetReply('protocol error')}"`,
    reference: ROUTER,
    variant: 'envoy-upstream-connect-error-protocol-error',
    example: { status: 502, body: resetReply('protocol error') },
  },
  {
    name: `503 "… retried and the latest reset reason: …"`,
    reference: ROUTER,
    variant: 'envoy-upstream-connect-error-connection-failure',
    example: { status: 503, body: `${CONNECT_ERROR}. retried and the latest reset reason: connection failure` },
  },
  {
    name: '", transport failure reason: delayed connect error: <errno>"',
    reference: CONNECTION_IMPL,
    variant: 'envoy-upstream-connect-error-connection-refused',
    example: { status: 503, body: `${resetReply('connection failure')}, transport failure reason: delayed connect error: 111` },
  },
  {
    name: '", transport failure reason: TLS_error: …"',
    reference: TRANSPORT_FAILURE,
    variant: 'envoy-upstream-connect-error-tls-failure',
    example: {
      status: 503,
      body: `${resetReply('connection failure')}, transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end`,
    },
  },
  {
    name: `503 "${CONNECT_ERROR}" (no reason given: old Envoy releases)`,
    reference: ROUTER,
    variant: 'envoy-upstream-connect-error-no-reason-given',
    example: { status: 503, body: CONNECT_ERROR },
  },
  { name: `503 "${NO_HEALTHY}"`, reference: ROUTER, variant: 'envoy-no-healthy-upstream', example: { status: 503, body: NO_HEALTHY } },
  { name: `504 "${REQUEST_TIMEOUT}"`, reference: ROUTER, variant: 'envoy-upstream-request-timeout', example: { status: 504, body: REQUEST_TIMEOUT } },
  {
    name: '504 "upstream max stream duration reached"',
    reference: ROUTER,
    variant: 'envoy-upstream-max-stream-duration-reached',
    example: { status: 504, body: 'upstream max stream duration reached' },
  },
  {
    name: '503 "maintenance mode" (x-envoy-overloaded: true)',
    reference: ROUTER,
    variant: 'envoy-cluster-maintenance-mode',
    example: { status: 503, headers: { 'x-envoy-overloaded': 'true' }, body: 'maintenance mode' },
  },
  {
    name: '503 "drop overload" (x-envoy-drop-overload: true)',
    reference: ROUTER,
    variant: 'envoy-drop-overload',
    example: { status: 503, headers: { 'x-envoy-drop-overload': 'true' }, body: 'drop overload' },
  },
  { name: '503 "envoy overloaded"', reference: CONN_MANAGER, variant: 'envoy-overloaded', example: { status: 503, body: 'envoy overloaded' } },
  {
    name: '404 with an empty body (no route matched)',
    reference: ROUTER,
    variant: 'envoy-404-no-route',
    example: { status: 404, headers: { server: 'envoy', 'content-length': '0' } },
  },
  {
    name: "503 with an empty body (the route's cluster does not exist)",
    reference: ROUTER,
    variant: 'envoy-503-cluster-not-found',
    example: { status: 503, headers: { server: 'envoy', 'content-length': '0' } },
  },
  {
    name: "400 \"invalid header '<name>' with value '<value>'\" (strict_check_headers)",
    reference: ROUTER,
    variant: 'envoy-invalid-request-header',
    example: { status: 400, headers: { server: 'envoy' }, body: "invalid header 'x-envoy-max-retries' with value 'many'" },
  },
  {
    name: '507 "exceeded request buffer limit while retrying upstream"',
    reference: ROUTER,
    variant: 'envoy-exceeded-retry-buffer',
    example: { status: 507, body: 'exceeded request buffer limit while retrying upstream' },
  },
  {
    name: '408 "stream timeout" (stream_idle_timeout)',
    reference: CONN_MANAGER,
    variant: 'envoy-stream-idle-timeout',
    example: { status: 408, headers: { server: 'envoy' }, body: 'stream timeout' },
  },
  {
    name: '408 "request timeout" (request_timeout)',
    reference: CONN_MANAGER,
    variant: 'envoy-request-timeout',
    example: { status: 408, headers: { server: 'envoy' }, body: 'request timeout' },
  },
  {
    name: '429 "local_rate_limited" (x-envoy-ratelimited: true)',
    reference: LOCAL_RATE_LIMIT,
    variant: 'envoy-local-rate-limit',
    example: { status: 429, body: 'local_rate_limited' },
  },
  {
    name: '429 with an empty body (x-envoy-ratelimited: true, global rate limit service)',
    reference: RATE_LIMIT,
    variant: 'envoy-rate-limited',
    example: { status: 429, headers: { 'x-envoy-ratelimited': 'true' } },
  },
  { name: '500 with an empty body (rate limit service error, failure_mode_deny)', reference: RATE_LIMIT },
  { name: '403 with an empty body (ext_authz denied or failed)', reference: `${DOCS}/api-v3/service/auth/v3/external_auth.proto` },
  { name: '403 "RBAC: access denied"', reference: RBAC, variant: 'envoy-rbac-access-denied', example: { status: 403, body: 'RBAC: access denied' } },
  {
    name: '"fault filter abort" (fault injection)',
    reference: FAULT,
    variant: 'envoy-fault-filter-abort',
    example: { status: 503, body: 'fault filter abort' },
  },
  {
    name: '503 "DNS resolution failure" (dynamic forward proxy)',
    reference: DYNAMIC_FORWARD_PROXY,
    variant: 'envoy-dns-resolution-failure',
    example: { status: 503, headers: { server: 'envoy' }, body: 'DNS resolution failure' },
  },
  ...['DNS cache overflow', 'Dynamic forward proxy pending request overflow', 'Sub cluster overflow'].map((text): DocumentedError => ({
    name: `503 "${text}" (dynamic forward proxy)`,
    reference: DYNAMIC_FORWARD_PROXY,
    variant: 'envoy-dynamic-forward-proxy-overflow',
    example: { status: 503, headers: { server: 'envoy' }, body: text },
  })),
  {
    name: '503 "Sub cluster warming timeout" (dynamic forward proxy)',
    reference: DYNAMIC_FORWARD_PROXY,
    variant: 'envoy-dns-resolution-failure',
    example: { status: 503, headers: { server: 'envoy' }, body: 'Sub cluster warming timeout' },
  },
  { name: '503 "Dynamic forward proxy cluster is gone"', reference: DYNAMIC_FORWARD_PROXY },
  // Response flags: only in the access log, never in the response; the variant is the local reply each goes with.
  ...(
    [
      ['UH NoHealthyUpstream', 'envoy-no-healthy-upstream'],
      ['UF UpstreamConnectionFailure', 'envoy-upstream-connect-error-connection-failure'],
      ['UO UpstreamOverflow', 'envoy-request-dropped-x-overloaded'],
      ['NR NoRouteFound', 'envoy-404-no-route'],
      ['URX UpstreamRetryLimitExceeded', undefined],
      ['NC NoClusterFound', 'envoy-503-cluster-not-found'],
      ['DT DurationTimeout', undefined],
      ['DC DownstreamConnectionTermination', undefined],
      ['LH FailedLocalHealthCheck', undefined],
      ['UT UpstreamRequestTimeout', 'envoy-upstream-request-timeout'],
      ['LR LocalReset', 'envoy-upstream-connect-error-local-reset'],
      ['UR UpstreamRemoteReset', 'envoy-upstream-connect-error-remote-reset'],
      ['UC UpstreamConnectionTermination', 'envoy-upstream-connect-error-connection-termination'],
      ['DI DelayInjected', undefined],
      ['FI FaultInjected', 'envoy-fault-filter-abort'],
      ['RL RateLimited', 'envoy-rate-limited'],
      ['UAEX UnauthorizedExternalService', undefined],
      ['RLSE RateLimitServiceError', undefined],
      ['IH InvalidEnvoyRequestHeaders', 'envoy-invalid-request-header'],
      ['SI StreamIdleTimeout', 'envoy-stream-idle-timeout'],
      ['DPE DownstreamProtocolError', undefined],
      ['UPE UpstreamProtocolError', 'envoy-upstream-connect-error-protocol-error'],
      ['UMSDR UpstreamMaxStreamDurationReached', 'envoy-upstream-max-stream-duration-reached'],
      ['RFCF ResponseFromCacheFilter', undefined],
      ['NFCF NoFilterConfigFound', undefined],
      ['OM OverloadManager', 'envoy-overloaded'],
      ['DF DnsResolutionFailure', 'envoy-dns-resolution-failure'],
      ['DO DropOverLoad', 'envoy-drop-overload'],
      ['DR DownstreamRemoteReset', undefined],
    ] as const
  ).map(([name, variant]): DocumentedError => ({ name: `response flag ${name}`, reference: RESPONSE_FLAGS, ...(variant && { variant }), logOnly: true })),
];

export default defineGateway({
  id: 'envoy',
  name: 'Envoy',
  kind: 'reverse-proxy',
  fingerprint: [
    { header: 'server', equals: 'envoy', weight: 0.85, note: "Envoy names itself in the Server header by default (and overwrites the upstream's)" },
    { header: 'server', equals: 'istio-envoy', weight: 0.9, note: "Istio's gateways and sidecars name themselves istio-envoy" },
    { header: 'x-envoy-upstream-service-time', weight: 0.9, note: 'Envoy reports how long the upstream took' },
    { header: 'x-envoy-overloaded', weight: 0.9, note: 'Envoy sets this when a circuit breaker or maintenance mode dropped the request' },
    { header: 'x-envoy-drop-overload', weight: 0.9, note: "Envoy sets this when its control plane's drop-overload policy dropped the request" },
    { header: 'x-envoy-ratelimited', weight: 0.9, note: "Envoy's rate-limit header" },
    { header: 'x-envoy-decorator-operation', weight: 0.9, note: "Envoy's tracing decorator header (Istio sets it)" },
    { header: 'x-envoy-degraded', weight: 0.9, note: "Envoy's degraded-host header" },
    { header: 'x-envoy-attempt-count', weight: 0.9, note: 'Envoy reports how many tries it made' },
    { text: CONNECT_ERROR, weight: 0.9, note: "Envoy's local reply when it could not get response headers from the upstream" },
    { text: NO_HEALTHY, weight: 0.8, note: "Envoy's local reply when the cluster has no healthy host" },
    { text: REQUEST_TIMEOUT, weight: 0.65, note: "Envoy's local reply when the route timeout expired" },
    { text: 'envoy overloaded', weight: 0.9, note: "Envoy's local reply when its overload manager sheds requests" },
    { text: 'upstream max stream duration reached', weight: 0.8, note: "Envoy's local reply when a stream ran past its maximum duration" },
    {
      text: 'exceeded request buffer limit while retrying upstream',
      weight: 0.9,
      note: "Envoy's local reply when a retried request's body overflowed its buffer",
    },
    {
      any: [{ text: 'rbac: access denied' }, { text: 'fault filter abort' }, { text: 'local_rate_limited' }],
      weight: 0.8,
      note: "the local reply of one of Envoy's HTTP filters (RBAC, fault injection, local rate limit)",
    },
    // Headers only: a 5xx that is text/plain and exactly as long as one of Envoy's local replies (the lengths above).
    {
      status: [502, 503, 504],
      body: 'unseen',
      header: 'content-type',
      equals: 'text/plain',
      weight: 0.3,
      note: "Envoy's local replies are text/plain with no charset",
    },
    {
      status: 503,
      body: 'unseen',
      ...lengths(...LENGTHS.connectFailure, ...LENGTHS.termination, ...LENGTHS.remoteReset, ...LENGTHS.overflow, ...LENGTHS.localReset),
      weight: 0.45,
      note: 'exactly the length of one of Envoy\'s "upstream connect error … reset reason: …" replies',
    },
    { status: 504, body: 'unseen', ...lengths(...LENGTHS.timeout), weight: 0.45, note: 'exactly the length of Envoy\'s "upstream request timeout" reply' },
    {
      status: 502,
      body: 'unseen',
      ...lengths(...LENGTHS.protocolError),
      weight: 0.45,
      note: 'exactly the length of Envoy\'s "… reset reason: protocol error" reply',
    },
  ],
  bodyTells:
    'Envoy\'s reply names the failure: "no healthy upstream", "upstream request timeout", or "upstream connect error … reset reason: connection failure / connection termination / overflow", with the TLS or connect error after "transport failure reason".',
  relayed: [
    { header: 'x-envoy-upstream-service-time', note: 'Envoy got response headers from the upstream and relayed them: the status came from the upstream' },
  ],
  variants: [
    // An inner hop's local reply relayed by an outer Envoy: these decide the source; the local-reply variant below adds the causes.
    {
      id: 'envoy-another-envoys-upstream-connect-error-relayed',
      title: 'Another Envoy\'s "upstream connect error", relayed',
      when: [{ header: 'x-envoy-upstream-service-time' }, LOCAL_REPLY],
      ...INNER_ENVOY,
    },
    {
      id: 'envoy-another-envoys-no-healthy-upstream-relayed',
      title: 'Another Envoy\'s "no healthy upstream", relayed',
      when: [{ header: 'x-envoy-upstream-service-time' }, { text: NO_HEALTHY }],
      ...INNER_ENVOY,
    },
    {
      id: 'envoy-another-envoys-upstream-request-timeout-relayed',
      title: 'Another Envoy\'s "upstream request timeout", relayed',
      when: [{ header: 'x-envoy-upstream-service-time' }, { text: REQUEST_TIMEOUT }],
      ...INNER_ENVOY,
    },
    // The local reply for a reset, by its reason (Utility::resetReasonToString) and transport failure reason.
    {
      id: 'envoy-upstream-connect-error-tls-failure',
      title: 'Upstream connect error: TLS failure',
      when: [
        LOCAL_REPLY,
        { any: [{ text: 'transport failure reason: tls_error' }, { text: 'transport failure reason: tls error' }, { text: 'ssl routines' }] },
      ],
      meaning: 'Envoy could not set up TLS (or mutual TLS) to the upstream; the text after "transport failure reason" names the OpenSSL/BoringSSL error.',
      causes: { 'origin-tls': 1 },
      source: 'gateway',
      tellApart:
        "CERTIFICATE_VERIFY_FAILED: the upstream's certificate is not trusted, expired or for another name; WRONG_VERSION_NUMBER: Envoy speaks TLS to a plain-HTTP port; an alert such as SSLV3_ALERT_CERTIFICATE_UNKNOWN: the upstream rejected Envoy's client certificate (in Istio, a DestinationRule/PeerAuthentication mTLS mismatch).",
      reference: TRANSPORT_FAILURE,
    },
    {
      id: 'envoy-upstream-connect-error-connection-refused',
      title: 'Upstream connect error: connection refused',
      when: [LOCAL_REPLY, { text: 'delayed connect error' }],
      meaning:
        'Envoy\'s TCP connection to the upstream host failed: "111" or "Connection refused" means nothing listens on that port, "113" or "No route to host" means the host is gone.',
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      tellApart: `Response flag UF. ${FLAGS}`,
      advice: {
        owner: ['Check that the application listens on the port the Service/cluster points at, on 0.0.0.0 rather than 127.0.0.1, and that the pod is running.'],
      },
      reference: CONNECTION_IMPL,
    },
    {
      id: 'envoy-upstream-connect-error-connection-timeout',
      title: 'Upstream connect error: connection timeout',
      when: [LOCAL_REPLY, reason('connection timeout')],
      meaning: "Envoy could not establish a TCP connection to the upstream within the cluster's connect_timeout (5 s by default in many control planes).",
      causes: { 'origin-unreachable': 0.6, overloaded: 0.3, 'origin-timeout': 0.1 },
      source: 'gateway',
      tellApart: `Response flag UF with details "connection_timeout". A firewall or network policy dropping packets looks the same as a host too busy to accept connections. ${FLAGS}`,
      reference: RESET_REASONS,
    },
    {
      id: 'envoy-upstream-connect-error-overflow-circuit-breaker',
      title: 'Upstream connect error: overflow (circuit breaker)',
      when: [LOCAL_REPLY, reason('overflow')],
      ...OVERFLOW,
    },
    {
      id: 'envoy-upstream-connect-error-overload-manager-reset',
      title: 'Upstream connect error: overload manager reset',
      when: [LOCAL_REPLY, reason('overload manager reset')],
      ...ENVOY_OVERLOADED,
      meaning: 'Envoy itself is short of resources (memory, connections) and its overload manager reset the request.',
      reference: RESET_REASONS,
    },
    {
      id: 'envoy-upstream-connect-error-protocol-error',
      title: 'Upstream connect error: protocol error',
      when: [LOCAL_REPLY, reason('protocol error')],
      ...PROTOCOL_ERROR,
    },
    {
      id: 'envoy-upstream-connect-error-remote-reset',
      title: 'Upstream connect error: remote reset',
      when: [LOCAL_REPLY, reason('remote reset')],
      ...REMOTE_RESET,
    },
    {
      id: 'envoy-upstream-connect-error-remote-refused-stream',
      title: 'Upstream connect error: remote refused stream reset',
      when: [LOCAL_REPLY, reason('remote refused stream reset')],
      ...REMOTE_RESET,
    },
    {
      id: 'envoy-upstream-connect-error-connection-termination',
      title: 'Upstream connect error: connection termination',
      when: [LOCAL_REPLY, reason('connection termination')],
      ...TERMINATION,
    },
    {
      id: 'envoy-upstream-connect-error-local-reset',
      title: 'Upstream connect error: local reset',
      when: [LOCAL_REPLY, { any: [reason('local reset'), reason('local refused stream reset')] }],
      ...LOCAL_RESET,
    },
    {
      id: 'envoy-upstream-connect-error-remote-connection-failure',
      title: 'Upstream connect error: remote connection failure (no transport reason)',
      when: [LOCAL_REPLY, reason('remote connection failure'), { text: 'transport failure reason', absent: true }],
      meaning:
        'The upstream\'s side broke the connection while Envoy was still setting it up. A refused TCP connection carries a "delayed connect error" transport reason, so without one the connection opened and then failed its transport handshake: most often TLS (an mTLS or certificate problem), sometimes a host that closed it at once.',
      causes: { 'origin-tls': 0.5, 'origin-unreachable': 0.4, 'origin-reset': 0.1 },
      source: 'gateway',
      tellApart: `Response flag UF; %UPSTREAM_TRANSPORT_FAILURE_REASON%, or a debug log of the upstream TLS handshake, shows whether a certificate was rejected. ${FLAGS}`,
      reference: CONNECTION_IMPL,
    },
    {
      id: 'envoy-upstream-connect-error-connection-failure',
      title: 'Upstream connect error: connection failure',
      when: [LOCAL_REPLY, reason('connection failure')],
      ...CONNECT_FAILURE,
    },
    {
      id: 'envoy-upstream-connect-error-remote-connection-failure-with-reason',
      title: 'Upstream connect error: remote connection failure',
      when: [LOCAL_REPLY, reason('remote connection failure'), { text: 'transport failure reason' }],
      ...CONNECT_FAILURE,
    },
    {
      id: 'envoy-upstream-connect-error-local-connection-failure',
      title: 'Upstream connect error: local connection failure',
      when: [LOCAL_REPLY, reason('local connection failure')],
      ...CONNECT_FAILURE,
    },
    {
      id: 'envoy-upstream-connect-error-connect-request-failed',
      title: 'Upstream connect error: remote error with CONNECT request',
      when: [LOCAL_REPLY, reason('remote error with connect request')],
      meaning: 'Envoy tunnels this request through an upstream proxy with CONNECT, and that proxy refused or failed to open the tunnel.',
      causes: { 'origin-unreachable': 0.8, unknown: 0.2 },
      source: 'gateway',
      tellApart: FLAGS,
      reference: RESET_REASONS,
    },
    {
      id: 'envoy-upstream-connect-error-no-reason-given',
      title: 'Upstream connect error (no reason given)',
      when: [LOCAL_REPLY, { text: 'reset reason', absent: true }],
      meaning: 'An old Envoy release reporting that it got no response headers from the upstream, without saying why.',
      causes: { 'origin-unreachable': 0.5, 'origin-reset': 0.35, 'origin-tls': 0.15 },
      source: 'gateway',
      tellApart: FLAGS,
      reference: ROUTER,
    },
    // Its other local replies, each a fixed text.
    { id: 'envoy-no-healthy-upstream', title: 'No healthy upstream', when: [{ text: NO_HEALTHY }], ...NO_HEALTHY_UPSTREAM },
    { id: 'envoy-upstream-request-timeout', title: 'Upstream request timeout', when: [{ text: REQUEST_TIMEOUT }], ...UPSTREAM_TIMEOUT },
    {
      id: 'envoy-upstream-max-stream-duration-reached',
      title: 'Upstream max stream duration reached',
      when: [{ text: 'upstream max stream duration reached' }],
      ...UPSTREAM_TIMEOUT,
      reference: ROUTER,
    },
    { id: 'envoy-cluster-maintenance-mode', title: 'Cluster in maintenance mode', when: [{ status: 503 }, { text: 'maintenance mode' }], ...MAINTENANCE },
    { id: 'envoy-overloaded', title: 'Envoy overloaded', when: [{ status: 503 }, { text: 'envoy overloaded' }], ...ENVOY_OVERLOADED },
    {
      id: 'envoy-drop-overload',
      title: 'Request dropped (drop overload)',
      when: [{ status: 503 }, { any: [{ header: 'x-envoy-drop-overload' }, { text: 'drop overload' }] }],
      meaning: "Envoy's control plane told it to drop this share of the cluster's traffic (a drop-overload policy), and this request was one of them.",
      causes: { overloaded: 1 },
      source: 'gateway',
      tellApart: "Response flag DO; the control plane's drop_overloads setting for the cluster says how much is dropped.",
      reference: ROUTER,
    },
    {
      id: 'envoy-local-rate-limit',
      title: 'Local rate limit',
      when: [{ status: 429 }, { text: 'local_rate_limited' }],
      meaning: "Envoy's local rate limit filter rejected the request: its token bucket for this route or listener was empty.",
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: LOCAL_RATE_LIMIT,
    },
    {
      id: 'envoy-rate-limited',
      title: 'Rate limited (x-envoy-ratelimited)',
      when: [{ status: 429 }, { header: 'x-envoy-ratelimited' }],
      meaning: "Envoy's rate limit filter rejected the request because the rate limit service said it is over its limit.",
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: RATE_LIMIT,
    },
    {
      id: 'envoy-rbac-access-denied',
      title: 'RBAC: access denied',
      when: [{ status: 403 }, { text: 'rbac: access denied' }],
      meaning: "Envoy's RBAC filter (in Istio, an AuthorizationPolicy) denied the request; it never reached the application.",
      causes: { unknown: 1 },
      source: 'gateway',
      tellApart: "The access log's response code details read rbac_access_denied_matched_policy[<policy>].",
      reference: RBAC,
    },
    {
      id: 'envoy-fault-filter-abort',
      title: 'Fault filter abort (fault injection)',
      when: [{ text: 'fault filter abort' }],
      meaning: 'A fault-injection rule (Istio: a VirtualService fault.abort) answered this request with an error on purpose.',
      causes: { unknown: 1 },
      source: 'gateway',
      tellApart: 'Response flag FI.',
      reference: FAULT,
    },
    {
      id: 'envoy-dns-resolution-failure',
      title: 'DNS resolution failure (dynamic forward proxy)',
      when: [{ status: 503 }, { any: [{ text: 'dns resolution failure' }, { text: 'sub cluster warming timeout' }] }],
      meaning: "Envoy's dynamic forward proxy could not resolve the upstream host name (or its cluster for it did not come up in time).",
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      tellApart: 'Response flag DF.',
      reference: DYNAMIC_FORWARD_PROXY,
    },
    {
      id: 'envoy-dynamic-forward-proxy-overflow',
      title: 'Dynamic forward proxy overflow',
      when: [
        { status: 503 },
        { any: [{ text: 'dns cache overflow' }, { text: 'dynamic forward proxy pending request overflow' }, { text: 'sub cluster overflow' }] },
      ],
      meaning: "Envoy's dynamic forward proxy hit one of its limits (DNS cache size, pending requests, sub-clusters).",
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: DYNAMIC_FORWARD_PROXY,
    },
    {
      id: 'envoy-exceeded-retry-buffer',
      title: 'Exceeded request buffer limit while retrying upstream',
      when: [{ text: 'exceeded request buffer limit while retrying upstream' }],
      meaning: 'The first try failed, and the request body was too large for Envoy to keep for a retry.',
      causes: { 'origin-reset': 0.6, unknown: 0.4 },
      source: 'gateway',
      reference: ROUTER,
    },
    {
      id: 'envoy-invalid-request-header',
      title: 'Invalid x-envoy request header',
      when: [{ status: 400 }, { text: 'invalid header' }],
      meaning: 'The request carried an x-envoy-* header with a value Envoy rejects (strict_check_headers).',
      causes: { unknown: 1 },
      source: 'gateway',
      tellApart: 'Response flag IH.',
      reference: ROUTER,
    },
    {
      id: 'envoy-stream-idle-timeout',
      title: 'Stream idle timeout',
      when: [{ status: 408 }, { text: 'stream timeout' }],
      meaning:
        "Nothing moved on this stream for the connection manager's stream_idle_timeout (5 minutes by default) before the response began: a very slow upstream or client.",
      causes: { 'origin-timeout': 0.6, unknown: 0.4 },
      source: 'gateway',
      tellApart: 'Response flag SI.',
      reference: CONN_MANAGER,
    },
    {
      id: 'envoy-request-timeout',
      title: 'Request timeout',
      when: [{ status: 408 }, { text: 'request timeout' }],
      meaning: "The whole request was not received within the connection manager's request_timeout: the client sent it too slowly.",
      causes: { unknown: 1 },
      source: 'gateway',
      reference: CONN_MANAGER,
    },
    // Headers only, with the length of its local reply: Content-Length says which fixed text it was.
    {
      id: 'envoy-503-no-body-no-healthy-upstream',
      title: '503 from Envoy, 19 bytes: "no healthy upstream" (its body not seen)',
      when: [{ status: 503 }, ...LOCAL_REPLY_HEADERS, lengths(...LENGTHS.noHealthy)],
      ...NO_HEALTHY_UPSTREAM,
    },
    {
      id: 'envoy-503-no-body-connection-failure',
      title: '503 from Envoy, as long as "… reset reason: connection failure" (its body not seen)',
      when: [{ status: 503 }, ...LOCAL_REPLY_HEADERS, lengths(...LENGTHS.connectFailure)],
      ...CONNECT_FAILURE,
    },
    {
      id: 'envoy-503-no-body-connection-termination',
      title: '503 from Envoy, as long as "… reset reason: connection termination" (its body not seen)',
      when: [{ status: 503 }, ...LOCAL_REPLY_HEADERS, lengths(...LENGTHS.termination)],
      ...TERMINATION,
    },
    {
      id: 'envoy-503-no-body-remote-reset',
      title: '503 from Envoy, as long as "… reset reason: remote reset" (its body not seen)',
      when: [{ status: 503 }, ...LOCAL_REPLY_HEADERS, lengths(...LENGTHS.remoteReset)],
      ...REMOTE_RESET,
    },
    {
      id: 'envoy-503-no-body-overflow',
      title: '503 from Envoy, as long as "… reset reason: overflow" (its body not seen)',
      when: [{ status: 503 }, ...LOCAL_REPLY_HEADERS, lengths(...LENGTHS.overflow)],
      ...OVERFLOW,
    },
    {
      id: 'envoy-503-no-body-local-reset',
      title: '503 from Envoy, as long as "… reset reason: local reset" (its body not seen)',
      when: [{ status: 503 }, ...LOCAL_REPLY_HEADERS, lengths(...LENGTHS.localReset)],
      ...LOCAL_RESET,
    },
    {
      id: 'envoy-503-no-body-maintenance-mode',
      title: '503 from Envoy, 16 bytes with x-envoy-overloaded: "maintenance mode" (its body not seen)',
      when: [{ status: 503 }, ...LOCAL_REPLY_HEADERS, lengths(...LENGTHS.overloaded), { header: 'x-envoy-overloaded' }],
      ...MAINTENANCE,
    },
    {
      id: 'envoy-503-no-body-envoy-overloaded',
      title: '503 from Envoy, 16 bytes: "envoy overloaded" (its body not seen)',
      when: [{ status: 503 }, ...LOCAL_REPLY_HEADERS, lengths(...LENGTHS.overloaded), { header: 'x-envoy-overloaded', absent: true }],
      ...ENVOY_OVERLOADED,
    },
    {
      id: 'envoy-502-no-body-protocol-error',
      title: '502 from Envoy, as long as "… reset reason: protocol error" (its body not seen)',
      when: [{ status: 502 }, ...LOCAL_REPLY_HEADERS, lengths(...LENGTHS.protocolError)],
      ...PROTOCOL_ERROR,
    },
    {
      id: 'envoy-504-no-body-upstream-request-timeout',
      title: '504 from Envoy, 24 bytes: "upstream request timeout" (its body not seen)',
      when: [{ status: 504 }, ...LOCAL_REPLY_HEADERS, lengths(...LENGTHS.timeout)],
      ...UPSTREAM_TIMEOUT,
    },
    // Any length: x-envoy-overloaded is set only by a circuit breaker's overflow and by maintenance mode.
    {
      id: 'envoy-request-dropped-x-overloaded',
      title: 'Request dropped (x-envoy-overloaded)',
      when: [{ status: 503 }, { header: 'x-envoy-overloaded' }],
      meaning: 'Envoy dropped the request on purpose because a circuit breaker or maintenance mode applies to this cluster.',
      causes: { overloaded: 0.85, maintenance: 0.15 },
      source: 'gateway',
      tellApart: `Response flag UO; the body says "maintenance mode" for maintenance. ${FLAGS}`,
      reference: ROUTER,
    },
    // Empty local replies: no route (404) or no such cluster (503), sent with Content-Length: 0.
    {
      id: 'envoy-404-no-route',
      title: '404 from Envoy with an empty body: no route matched',
      when: [{ status: 404 }, { body: 'empty' }, { header: 'x-envoy-upstream-service-time', absent: true }],
      meaning: "No route of Envoy's configuration matches this host and path, so Envoy answered 404 itself with an empty body.",
      causes: { unknown: 1 },
      source: 'gateway',
      tellApart: 'Response flag NR; in Istio, check the Gateway and VirtualService hosts.',
      reference: ROUTER,
    },
    {
      id: 'envoy-503-cluster-not-found',
      title: "503 from Envoy with an empty body: the route's cluster does not exist",
      when: [{ status: 503 }, { body: 'empty' }, { header: 'x-envoy-upstream-service-time', absent: true }],
      meaning:
        'The matched route sends traffic to a cluster Envoy does not have (a configuration not yet pushed, or a backend that does not exist), so it answered 503 with an empty body.',
      causes: { unknown: 0.6, 'origin-unreachable': 0.4 },
      source: 'gateway',
      tellApart: 'Response flag NC.',
      reference: ROUTER,
    },
    // Headers only, any length: its router maps every upstream reset but a protocol error to 503, that to 502, a timeout to 504.
    {
      id: 'envoy-503-no-body',
      title: '503 from Envoy (its body not seen)',
      when: [{ status: 503 }, { body: 'unseen' }, { header: 'x-envoy-upstream-service-time', absent: true }],
      meaning:
        'Envoy answered 503 itself (the upstream never sent headers): most often it could not connect to the upstream or had no healthy host, less often the upstream reset the stream or a circuit breaker shed the request.',
      causes: { 'origin-unreachable': 0.6, 'origin-reset': 0.2, overloaded: 0.15, maintenance: 0.05 },
      source: 'gateway',
      tellApart: `The body names the reason ("reset reason: connection failure", "no healthy upstream"); so does the access log. ${FLAGS}`,
      reference: ROUTER,
    },
    {
      id: 'envoy-502-no-body',
      title: '502 from Envoy (its body not seen)',
      when: [{ status: 502 }, { body: 'unseen' }, { header: 'x-envoy-upstream-service-time', absent: true }],
      meaning: 'Envoy answers 502 itself only when the upstream broke the HTTP protocol.',
      causes: { 'origin-invalid-response': 0.9, 'origin-reset': 0.1 },
      source: 'gateway',
      tellApart: FLAGS,
      reference: ROUTER,
    },
    {
      id: 'envoy-504-no-body',
      title: '504 from Envoy (its body not seen)',
      when: [{ status: 504 }, { body: 'unseen' }, { header: 'x-envoy-upstream-service-time', absent: true }],
      meaning: 'Envoy answers 504 itself when the route timeout (or the maximum stream duration) ran out before the upstream answered.',
      causes: { 'origin-timeout': 0.95, overloaded: 0.05 },
      source: 'gateway',
      tellApart: `Response flag UT. ${FLAGS}`,
      reference: ROUTER,
    },
    {
      id: 'envoy-error-passed-upstream',
      title: 'Error passed on from the upstream',
      when: [{ status: [500, 502, 503, 504] }, { header: 'x-envoy-upstream-service-time' }],
      meaning: 'The upstream answered with this status (x-envoy-upstream-service-time is only set when it did) and Envoy relayed it.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.25, maintenance: 0.15 },
      source: 'origin',
      reference: ROUTER_FILTER,
    },
  ],
  advice: {
    visitor: [],
    owner: [
      "Envoy's access log has one line per request; its response flag (UF, UC, UH, UT, UO, UPE, …) names the failure. Turn the access log on if it is off (Istio: meshConfig.accessLogFile).",
    ],
  },
  documented,
  sources: [
    ROUTER,
    RESET_REASONS,
    CONNECTION_IMPL,
    CONN_MANAGER,
    RESPONSE_FLAGS,
    CODE_DETAILS,
    ROUTER_FILTER,
    `${DOCS}/configuration/http/http_conn_man/headers`,
  ],
});
