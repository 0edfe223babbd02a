// AWS Elastic Load Balancing: the ALB writes short nginx-like pages with "Server: awselb/2.0"; the Classic ELB names the failure in its reason phrase.
import { defineGateway, type DocumentedError, type Marker } from './types';

// The archived user guides, at the last commit before AWS removed the repositories.
const ALB_GUIDE = 'https://github.com/awsdocs/elb-application-load-balancers-user-guide/blob/01a945e0dc61cc3ae8b50f9dc764c95502baf9f5/doc_source';
const ALB_ERRORS = `${ALB_GUIDE}/load-balancer-troubleshooting.md`;
const ALB_LOGS = `${ALB_GUIDE}/load-balancer-access-logs.md`;
const ALB_LISTENERS = `${ALB_GUIDE}/load-balancer-listeners.md#L81-L93`;
const ALB_STICKY = `${ALB_GUIDE}/sticky-sessions.md#L29-L35`;
const ALB_TIMEOUTS = `${ALB_GUIDE}/application-load-balancers.md#L111`;
const CLB_ERRORS =
  'https://github.com/awsdocs/elb-classic-load-balancers-user-guide/blob/0e6e54ed0f449399613544c40384206bcafdbfb0/doc_source/ts-elb-error-message.md';
// AWS's knowledge-centre article on the Classic Load Balancer's 503 (causes); the reason phrase itself is seen on
// responses (a public capture), not printed in the guide.
const CLB_503 = 'https://repost.aws/knowledge-center/503-error-classic';
const CLB_503_CAPTURE = 'https://serverfault.com/questions/556621/aws-elb-apache2-503-service-unavailable-back-end-server-is-at-capacity/620467';

const ALB_SERVER: Marker = { header: 'server', startsWith: 'awselb' };
// The ALB's page is nginx's layout without the "<hr><center>nginx</center>" footer: the heading runs straight into </body>.
const ALB_PAGE: Marker = { markup: '</h1></center> </body>' };
const ALB_WROTE: Marker = { any: [ALB_SERVER, ALB_PAGE] };

const WHO =
  'CloudWatch tells the two apart: HTTPCode_ELB_5XX_Count counts errors the load balancer wrote, HTTPCode_Target_5XX_Count those your targets wrote. In the access log, elb_status_code 502/504 with target_status_code "-" means the target gave no usable answer.';

const badGateway = {
  meaning:
    'The load balancer got no usable response from the target: the connection was refused or reset, the target closed a kept-alive connection with a request outstanding, the response was malformed or its headers over 32 KB, TLS to the target failed, or a Lambda target failed, timed out or answered over 1 MB.',
  causes: {
    'origin-reset': 0.35,
    'origin-unreachable': 0.3,
    'origin-invalid-response': 0.15,
    'origin-tls': 0.1,
    'origin-app-error': 0.05,
    'origin-timeout': 0.05,
  },
  source: 'gateway',
  tellApart: `Intermittent 502s under light load usually mean the target's keep-alive timeout is shorter than the ALB idle timeout (60 s by default); steady 502s with TargetConnectionErrorCount rising mean nothing accepts connections on the target port. ${WHO}`,
  advice: {
    owner: [
      "Make the target's HTTP keep-alive timeout longer than the load balancer's idle timeout, and check that the security groups let the load balancer reach the target port.",
    ],
  },
  reference: `${ALB_ERRORS}#L149-L161`,
} as const;

const noTargets = {
  meaning: 'The load balancer has no registered targets to send this request to (an empty target group, or a deployment that deregistered everything).',
  causes: { 'origin-unreachable': 0.85, maintenance: 0.15 },
  source: 'gateway',
  tellApart:
    'Run "aws elbv2 describe-target-health --target-group-arn …": an empty list means no registered targets. (When targets exist but all fail health checks, the ALB still sends them traffic.)',
  reference: `${ALB_ERRORS}#L165-L167`,
} as const;

const timeout = {
  meaning:
    'The load balancer could not connect to the target within 10 seconds, or connected but got no response before the idle timeout (60 s by default); a network ACL blocking the return ports, or a Content-Length larger than the body, ends the same way.',
  causes: { 'origin-timeout': 0.6, 'origin-unreachable': 0.3, 'origin-invalid-response': 0.1 },
  source: 'gateway',
  tellApart: `TargetConnectionErrorCount rising means the connection itself failed (security group, network ACL on ephemeral ports 1024-65535, target down); TargetResponseTime near the idle timeout means a slow target. ${WHO}`,
  reference: `${ALB_ERRORS}#L169-L176`,
} as const;

const internal = {
  meaning: 'The load balancer failed while running the AWS WAF web ACL attached to it, or could not reach the identity provider of an authenticate rule.',
  causes: { unknown: 1 },
  source: 'gateway',
  reference: `${ALB_ERRORS}#L136-L143`,
} as const;

// Requests the load balancer refuses itself, by status: what the guide lists for each (ALB_ERRORS).
const REFUSED: readonly (readonly [number, string, string])[] = [
  [400, 'a malformed request: a request line or header over 16 KB, all headers over 64 KB, or a client that closed before sending its whole body', '#L81-L86'],
  [401, "an authenticate rule refused the user, or the identity provider's claims were too large", '#L88-L95'],
  [405, 'the TRACE method, which the load balancer does not support', '#L101-L103'],
  [408, 'the client sent no data within the idle timeout', '#L105-L107'],
  [413, 'a request body over 1 MB for a Lambda target', '#L109-L111'],
  [414, 'a URL or query string too large', '#L113-L115'],
  [501, 'a Transfer-Encoding other than chunked or identity', '#L145-L147'],
  [505, 'an HTTP version the connection does not speak', '#L178-L180'],
];

export default defineGateway({
  id: 'aws-elb',
  name: 'AWS Elastic Load Balancer',
  kind: 'load-balancer',
  fingerprint: [
    { ...ALB_SERVER, weight: 0.95, note: 'the Application Load Balancer names itself on responses it writes' },
    { header: 'set-cookie', includes: 'awsalb', weight: 0.8, note: "the ALB's stickiness cookies (AWSALB, AWSALBCORS, AWSALBAPP, AWSALBTG)" },
    {
      header: 'set-cookie',
      includes: 'awselb',
      weight: 0.8,
      note: "the Classic Load Balancer's stickiness cookie (AWSELB), or the ALB's authentication session cookie",
    },
    // Alone, this generic page shape must not name the ALB (other servers write it too): it only adds to other signals.
    { status: [400, 403, 500, 502, 503, 504], ...ALB_PAGE, weight: 0.3, note: "an nginx-style error page without nginx's footer, as the ALB writes them" },
    // Non-standard codes only the ALB sends (ALB_ERRORS #L117-L134, #L182-L184), so a status line alone names it.
    { status: [460, 463, 464, 561], weight: 0.85, note: 'a status code only the Application Load Balancer sends' },
    // The Classic Load Balancer writes bare responses whose reason phrase names the problem: "Back-end server is at
    // capacity" as captured (CLB_503_CAPTURE), the others in capitals as its guide writes them (CLB_ERRORS).
    { status: 503, reason: 'Back-end server is at capacity', weight: 0.9, note: "the Classic Load Balancer's reason phrase" },
    { status: 504, reason: 'GATEWAY_TIMEOUT', weight: 0.8, note: 'the Classic Load Balancer writes its 504 reason phrase in capitals with an underscore' },
    {
      status: [400, 405],
      any: [{ reason: 'BAD_REQUEST' }, { reason: 'METHOD_NOT_ALLOWED' }],
      weight: 0.8,
      note: "the Classic Load Balancer's reason phrases for a request it refuses",
    },
  ],
  variants: [
    // Classic Load Balancer: the reason phrase says what failed.
    {
      id: 'aws-elb-503-service-unavailable-back-end-server',
      title: '503 Service Unavailable: Back-end server is at capacity (Classic Load Balancer)',
      when: [{ status: 503 }, { reason: 'Back-end server is at capacity' }],
      meaning:
        'The Classic Load Balancer had no healthy registered instance with room for the request: none registered, all failing health checks, its surge queue full, or (briefly) not enough load balancer capacity.',
      causes: { 'origin-unreachable': 0.5, overloaded: 0.5 },
      source: 'gateway',
      tellApart:
        'HealthyHostCount at zero means no healthy instance (unreachable); SurgeQueueLength near 1,024 or a SpilloverCount above zero means the instances cannot keep up (capacity).',
      reference: `${CLB_ERRORS}#L59-L77`,
    },
    {
      id: 'aws-elb-504-gateway-timeout-classic-load-balancer',
      title: '504 GATEWAY_TIMEOUT (Classic Load Balancer)',
      when: [{ status: 504 }, { reason: 'GATEWAY_TIMEOUT' }],
      meaning:
        'The Classic Load Balancer gave up waiting for the instance: it did not answer within the idle timeout (60 s by default), or it closed the connection before answering (its keep-alive timeout shorter than the idle timeout).',
      causes: { 'origin-timeout': 0.55, 'origin-reset': 0.45 },
      source: 'gateway',
      tellApart:
        "The ELB access log shows backend_processing_time -1 for both; a request that ran close to the idle timeout in the instance's own log was slow, one that ended early was closed by the instance.",
      reference: `${CLB_ERRORS}#L79-L89`,
    },
    {
      id: 'aws-elb-4xx-classic-refused',
      title: 'Request refused by the Classic Load Balancer',
      when: [{ status: [400, 405] }, { any: [{ reason: 'BAD_REQUEST' }, { reason: 'METHOD_NOT_ALLOWED' }] }],
      meaning: 'The Classic Load Balancer refused the request itself: malformed (spaces in the URL, an HTTP CONNECT), or a method name over 127 characters.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${CLB_ERRORS}#L21-L37`,
    },
    // Application Load Balancer: its own pages carry Server: awselb/2.0 (ALB_ERRORS #L60: "generated by the load balancer").
    {
      id: 'aws-elb-503-custom-response-load-balancer',
      title: '503 custom response from the load balancer',
      when: [{ status: 503 }, ALB_SERVER, { markup: '<h1>503 service temporarily unavailable</h1>', absent: true }],
      meaning:
        'The load balancer answered with a page configured on it (a fixed-response rule), not its default page: often a maintenance page or a catch-all rule for unknown hosts or paths.',
      causes: { maintenance: 0.5, unknown: 0.5 },
      source: 'gateway',
      tellApart:
        "Look at the listener rules: the fixed-response action that returned this body names the condition that matched (the access log's actions_executed says fixed-response).",
      reference: ALB_LISTENERS,
    },
    { id: 'aws-elb-502-bad-gateway-alb', title: '502 Bad Gateway (ALB)', when: [{ status: 502 }, ALB_SERVER], ...badGateway },
    {
      id: 'aws-elb-503-service-temporarily-unavailable-alb',
      title: '503 Service Temporarily Unavailable (ALB)',
      when: [{ status: 503 }, ALB_SERVER],
      ...noTargets,
    },
    { id: 'aws-elb-504-gateway-time-out-alb', title: '504 Gateway Time-out (ALB)', when: [{ status: 504 }, ALB_SERVER], ...timeout },
    { id: 'aws-elb-500-internal-server-error-alb', title: '500 Internal Server Error (ALB)', when: [{ status: 500 }, ALB_SERVER], ...internal },
    {
      id: 'aws-elb-403-forbidden-waf-alb',
      title: '403 Forbidden (AWS WAF on the ALB)',
      when: [{ status: 403 }, ALB_WROTE],
      meaning: 'An AWS WAF web ACL on the load balancer blocked this request before it reached the application.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ALB_ERRORS}#L97-L99`,
    },
    ...REFUSED.map(([status, what, lines]) => ({
      id: `aws-elb-${status}-refused-alb`,
      title: `${status} from the ALB: it refused the request`,
      when: [{ status }, ALB_SERVER],
      meaning: `The load balancer refused the request itself, before any target saw it: ${what}.`,
      causes: { unknown: 1 },
      source: 'gateway' as const,
      reference: `${ALB_ERRORS}${lines}`,
    })),
    // The ALB's page seen without its headers (a body shown with a status).
    { id: 'aws-elb-502-bad-gateway-alb-page', title: '502 Bad Gateway (ALB page)', when: [{ status: 502 }, ALB_PAGE], ...badGateway },
    {
      id: 'aws-elb-503-service-temporarily-unavailable-alb-page',
      title: '503 Service Temporarily Unavailable (ALB page)',
      when: [{ status: 503 }, ALB_PAGE],
      ...noTargets,
    },
    { id: 'aws-elb-504-gateway-time-out-alb-page', title: '504 Gateway Time-out (ALB page)', when: [{ status: 504 }, ALB_PAGE], ...timeout },
    { id: 'aws-elb-500-internal-server-error-alb-page', title: '500 Internal Server Error (ALB page)', when: [{ status: 500 }, ALB_PAGE], ...internal },
    // The ALB's own codes, which a status line alone shows.
    {
      id: 'aws-elb-460-client-closed',
      title: '460 (ALB): the client closed the connection',
      when: [{ status: 460 }],
      meaning:
        "The client closed its connection before the load balancer's idle timeout ran out, so the load balancer logged 460; the client never sees it, only the access log does.",
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ALB_ERRORS}#L117-L121`,
    },
    {
      id: 'aws-elb-463-too-many-forwarded-for',
      title: '463 (ALB): X-Forwarded-For has more than 30 addresses',
      when: [{ status: 463 }],
      meaning: 'The request carried an X-Forwarded-For header with more than 30 IP addresses, which the load balancer refuses.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ALB_ERRORS}#L123-L125`,
    },
    {
      id: 'aws-elb-464-protocol-mismatch',
      title: '464 (ALB): request protocol does not match the target group',
      when: [{ status: 464 }],
      meaning: "The request's protocol does not fit the target group's protocol version (HTTP/1.1 to a gRPC or HTTP/2 target group, gRPC to an HTTP/1.1 one).",
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ALB_ERRORS}#L127-L134`,
    },
    {
      id: 'aws-elb-561-idp-error',
      title: '561 (ALB): the identity provider returned an error',
      when: [{ status: 561 }],
      meaning:
        "An authenticate rule on the load balancer asked the identity provider, which answered with an error; the access log's error_reason field says which.",
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ALB_ERRORS}#L182-L184`,
    },
    // The load balancer forwards targets' responses unchanged, errors included (ALB_ERRORS #L186-L188): without
    // awselb in Server, a target wrote it.
    {
      id: 'aws-elb-error-passed-target',
      title: 'Error passed on from the target',
      when: [{ status: [500, 502, 503, 504] }, { ...ALB_SERVER, absent: true }],
      fallback: true,
      meaning:
        "The response is not the load balancer's own (its Server header is not awselb): a target (your application or its web server) wrote this error and the load balancer forwarded it unchanged.",
      causes: { 'origin-app-error': 0.6, overloaded: 0.25, maintenance: 0.15 },
      source: 'origin',
      tellApart: WHO,
      reference: `${ALB_ERRORS}#L186-L188`,
    },
  ],
  bodyTells: 'The ALB\'s own page is only its status ("502 Bad Gateway"); what it writes is told by Server: awselb/2.0, and any other page came from a target.',
  advice: {
    visitor: [],
    owner: [
      'Compare HTTPCode_ELB_5XX_Count with HTTPCode_Target_5XX_Count in CloudWatch to see whether the load balancer or your targets wrote the errors.',
      'Classic Load Balancers write bare responses whose reason phrase names the problem: "Service Unavailable: Back-end server is at capacity" (no healthy or registered instances, or no capacity) or "GATEWAY_TIMEOUT" (idle timeout, or an instance closing the connection early).',
    ],
  },
  documented: [
    {
      name: 'ALB 502 Bad Gateway',
      reference: `${ALB_ERRORS}#L149-L161`,
      variant: 'aws-elb-502-bad-gateway-alb',
      example: { status: 502, headers: { server: 'awselb/2.0' } },
    },
    {
      name: 'ALB 503 Service Unavailable (no registered targets)',
      reference: `${ALB_ERRORS}#L165-L167`,
      variant: 'aws-elb-503-service-temporarily-unavailable-alb',
      example: { status: 503, headers: { server: 'awselb/2.0' } },
    },
    {
      name: 'ALB 504 Gateway Timeout',
      reference: `${ALB_ERRORS}#L169-L176`,
      variant: 'aws-elb-504-gateway-time-out-alb',
      example: { status: 504, headers: { server: 'awselb/2.0' } },
    },
    {
      name: 'ALB 500 Internal Server Error (WAF rules, identity provider)',
      reference: `${ALB_ERRORS}#L136-L143`,
      variant: 'aws-elb-500-internal-server-error-alb',
      example: { status: 500, headers: { server: 'awselb/2.0' } },
    },
    {
      name: 'ALB 403 Forbidden (AWS WAF)',
      reference: `${ALB_ERRORS}#L97-L99`,
      variant: 'aws-elb-403-forbidden-waf-alb',
      example: { status: 403, headers: { server: 'awselb/2.0' } },
    },
    ...REFUSED.map(([status, , lines]): DocumentedError => ({
      name: `ALB ${status}`,
      reference: `${ALB_ERRORS}${lines}`,
      variant: `aws-elb-${status}-refused-alb`,
      example: { status, headers: { server: 'awselb/2.0' } },
    })),
    { name: 'ALB 460 (client closed the connection)', reference: `${ALB_ERRORS}#L117-L121`, variant: 'aws-elb-460-client-closed', example: { status: 460 } },
    {
      name: 'ALB 463 (X-Forwarded-For over 30 addresses)',
      reference: `${ALB_ERRORS}#L123-L125`,
      variant: 'aws-elb-463-too-many-forwarded-for',
      example: { status: 463 },
    },
    {
      name: 'ALB 464 (protocol does not match the target group)',
      reference: `${ALB_ERRORS}#L127-L134`,
      variant: 'aws-elb-464-protocol-mismatch',
      example: { status: 464 },
    },
    { name: 'ALB 561 (identity provider error)', reference: `${ALB_ERRORS}#L182-L184`, variant: 'aws-elb-561-idp-error', example: { status: 561 } },
    {
      name: 'ALB fixed-response action',
      reference: ALB_LISTENERS,
      variant: 'aws-elb-503-custom-response-load-balancer',
      example: { status: 503, headers: { server: 'awselb/2.0' }, body: 'Down for maintenance' },
    },
    {
      name: 'ALB target errors forwarded unchanged (HTTPCode_Target_5XX_Count)',
      reference: `${ALB_ERRORS}#L186-L188`,
      variant: 'aws-elb-error-passed-target',
      example: { status: 502, headers: { 'set-cookie': 'AWSALB=abc; Path=/' } },
    },
    { name: 'ALB 000 (HTTP/2 connection closed: header over 8 KB or 10,000 requests)', reference: `${ALB_ERRORS}#L54-L56`, logOnly: true },
    {
      name: 'CLB HTTP 400: BAD_REQUEST',
      reference: `${CLB_ERRORS}#L21-L29`,
      variant: 'aws-elb-4xx-classic-refused',
      example: { status: 400, reason: 'BAD_REQUEST' },
    },
    {
      name: 'CLB HTTP 405: METHOD_NOT_ALLOWED',
      reference: `${CLB_ERRORS}#L31-L37`,
      variant: 'aws-elb-4xx-classic-refused',
      example: { status: 405, reason: 'METHOD_NOT_ALLOWED' },
    },
    { name: 'CLB HTTP 408: Request timeout', reference: `${CLB_ERRORS}#L39-L49` },
    { name: 'CLB HTTP 502: Bad gateway', reference: `${CLB_ERRORS}#L51-L57` },
    {
      name: 'CLB HTTP 503: Service unavailable (Back-end server is at capacity)',
      reference: CLB_503,
      variant: 'aws-elb-503-service-unavailable-back-end-server',
      example: { status: 503, reason: 'Service Unavailable: Back-end server is at capacity' },
    },
    {
      name: 'CLB HTTP 504: Gateway timeout',
      reference: `${CLB_ERRORS}#L79-L89`,
      variant: 'aws-elb-504-gateway-timeout-classic-load-balancer',
      example: { status: 504, reason: 'GATEWAY_TIMEOUT' },
    },
    // The access log's error_reason values (ALB_LOGS): they never reach a response.
    ...[
      'AuthInvalidCookie',
      'AuthInvalidGrantError',
      'AuthInvalidIdToken',
      'AuthInvalidStateParam',
      'AuthInvalidTokenResponse',
      'AuthInvalidUserinfoResponse',
      'AuthMissingCodeParam',
      'AuthMissingHostHeader',
      'AuthMissingStateParam',
      'AuthTokenEpRequestFailed',
      'AuthTokenEpRequestTimeout',
      'AuthUnhandledException',
      'AuthUserinfoEpRequestFailed',
      'AuthUserinfoEpRequestTimeout',
      'AuthUserinfoResponseSizeExceeded',
      'AWSALBTGCookieInvalid',
      'WeightedTargetGroupsUnhandledException',
      'LambdaAccessDenied',
      'LambdaBadRequest',
      'LambdaConnectionError',
      'LambdaConnectionTimeout',
      'LambdaEC2AccessDeniedException',
      'LambdaEC2ThrottledException',
      'LambdaEC2UnexpectedException',
      'LambdaENILimitReachedException',
      'LambdaInvalidResponse',
      'LambdaInvalidRuntimeException',
      'LambdaInvalidSecurityGroupIDException',
      'LambdaInvalidSubnetIDException',
      'LambdaInvalidZipFileException',
      'LambdaKMSAccessDeniedException',
      'LambdaKMSDisabledException',
      'LambdaKMSInvalidStateException',
      'LambdaKMSNotFoundException',
      'LambdaRequestTooLarge',
      'LambdaResourceNotFound',
      'LambdaResponseTooLarge',
      'LambdaServiceException',
      'LambdaSubnetIPAddressLimitReachedException',
      'LambdaThrottling',
      'LambdaUnhandled',
      'LambdaUnhandledException',
      'LambdaWebsocketNotSupported',
      'WAFConnectionError',
      'WAFConnectionTimeout',
      'WAFResponseReadTimeout',
      'WAFServiceError',
      'WAFUnhandledException',
    ].map((name): DocumentedError => ({ name, reference: `${ALB_LOGS}#L153-L222`, logOnly: true })),
    // The access log's desync classification reasons (ALB_LOGS).
    ...[
      'AmbiguousUri',
      'BadContentLength',
      'BadHeader',
      'BadTransferEncoding',
      'BadUri',
      'BadMethod',
      'BadVersion',
      'BothTeClPresent',
      'DuplicateContentLength',
      'EmptyHeader',
      'GetHeadZeroContentLength',
      'MultipleContentLength',
      'MultipleTransferEncodingChunked',
      'NonCompliantHeader',
      'NonCompliantVersion',
      'SpaceInUri',
      'SuspiciousHeader',
      'UndefinedContentLengthSemantics',
      'UndefinedTransferEncodingSemantics',
    ].map((name): DocumentedError => ({ name, reference: `${ALB_LOGS}#L124-L149`, logOnly: true })),
  ],
  statusPage: 'https://health.aws.amazon.com/health/status',
  sources: [ALB_ERRORS, ALB_LOGS, ALB_LISTENERS, ALB_STICKY, ALB_TIMEOUTS, CLB_ERRORS, CLB_503, CLB_503_CAPTURE],
});
