// AWS Elastic Load Balancing (ALB, Classic): the ALB writes short nginx-like pages with "Server: awselb/2.0" and no footer.
import { defineGateway } from './types';

const ALB_TROUBLESHOOTING = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html';
const ALB_METRICS = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html';
const ALB_LOGS = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html';
const CLB_ERRORS = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/ts-elb-error-message.html';

const ALB_SERVER = { header: 'server', startsWith: 'awselb' } as const;
// The archived ALB troubleshooting guide, at the last commit before AWS removed the repository.
const ALB_ARCHIVE = 'https://github.com/awsdocs/elb-application-load-balancers-user-guide/blob/01a945e0dc61cc3ae8b50f9dc764c95502baf9f5/doc_source/load-balancer-troubleshooting.md';
// The ALB's page is nginx's layout without the "<hr><center>nginx</center>" footer: the heading runs straight into </body>.
const ALB_PAGE = { markup: '</h1></center> </body>' } as const;

const WHO =
  'CloudWatch tells the two apart: HTTPCode_ELB_5XX_Count counts errors the load balancer wrote, HTTPCode_Target_5XX_Count those your targets wrote. In the access log, elb_status_code 502/504 with target_status_code "-" means the target gave no usable answer.';

const badGateway = {
  meaning: 'The load balancer got no usable response from the target: the connection was refused or reset, the target closed a kept-alive connection, the response was malformed, or TLS to the target failed.',
  causes: { 'origin-reset': 0.35, 'origin-unreachable': 0.3, 'origin-invalid-response': 0.2, 'origin-tls': 0.1, 'origin-timeout': 0.05 },
  source: 'gateway',
  tellApart: `Intermittent 502s under light load usually mean the target's keep-alive timeout is shorter than the ALB idle timeout (60 s by default); steady 502s with TargetConnectionErrorCount rising mean nothing accepts connections on the target port. ${WHO}`,
  advice: { owner: ['Make the target\'s HTTP keep-alive timeout longer than the load balancer\'s idle timeout, and check that the security groups let the load balancer reach the target port.'] },
  reference: `${ALB_TROUBLESHOOTING}#http-502-issues`,
} as const;

const noTargets = {
  meaning: 'The load balancer has no registered targets to send this request to (an empty target group, or a deployment that deregistered everything).',
  causes: { 'origin-unreachable': 0.85, maintenance: 0.15 },
  source: 'gateway',
  tellApart: 'Run "aws elbv2 describe-target-health --target-group-arn …": an empty list means no registered targets. (When targets exist but all fail health checks, the ALB still sends them traffic.)',
  reference: `${ALB_TROUBLESHOOTING}#http-503-issues`,
} as const;

const timeout = {
  meaning: 'The load balancer could not connect to the target within 10 seconds, or connected but got no response before the idle timeout (60 s by default).',
  causes: { 'origin-timeout': 0.6, 'origin-unreachable': 0.3, 'origin-invalid-response': 0.1 },
  source: 'gateway',
  tellApart: `TargetConnectionErrorCount rising means the connection itself failed (security group, network ACL on ephemeral ports 1024-65535, target down); TargetResponseTime near the idle timeout means a slow target. A Content-Length larger than the body also ends in 504. ${WHO}`,
  reference: `${ALB_TROUBLESHOOTING}#http-504-issues`,
} as const;

const wafError = {
  meaning: 'The load balancer failed while running the AWS WAF web ACL attached to it.',
  causes: { unknown: 1 },
  source: 'gateway',
  reference: `${ALB_TROUBLESHOOTING}#http-500-issues`,
} as const;

export default defineGateway({
  id: 'aws-elb',
  name: 'AWS Elastic Load Balancer',
  kind: 'load-balancer',
  fingerprint: [
    { ...ALB_SERVER, weight: 0.95, note: 'the Application Load Balancer names itself on responses it writes' },
    { header: 'set-cookie', includes: 'awsalb', weight: 0.8, note: 'the ALB\'s stickiness cookies (AWSALB, AWSALBCORS, AWSALBTG)' },
    { header: 'set-cookie', includes: 'awselb=', weight: 0.8, note: 'the Classic Load Balancer\'s stickiness cookie' },
    // Alone, this generic page shape must not name the ALB (other servers write it too): it only adds to other signals.
    { status: [403, 500, 502, 503, 504], ...ALB_PAGE, weight: 0.3, note: 'an nginx-style error page without nginx\'s footer, as the ALB writes them' },
    // Non-standard codes only the ALB sends, so a status line alone names it.
    { status: [460, 463, 464, 561], weight: 0.85, note: 'a status code only the Application Load Balancer sends' },
    { reason: 'Back-end server is at capacity', weight: 0.9, note: 'the Classic Load Balancer\'s reason phrase' },
    { status: 504, reason: 'GATEWAY_TIMEOUT', weight: 0.8, note: 'the Classic Load Balancer writes its 504 reason phrase in capitals with an underscore' },
  ],
  variants: [
    {
      id: 'aws-elb-503-service-unavailable-back-end-server', title: '503 Service Unavailable: Back-end server is at capacity (Classic Load Balancer)',
      when: [{ status: 503 }, { reason: 'Back-end server is at capacity' }],
      meaning: 'The Classic Load Balancer had no healthy registered instance with room for the request: instances failing health checks, none registered, or all at capacity.',
      causes: { overloaded: 0.5, 'origin-unreachable': 0.5 },
      source: 'gateway',
      tellApart: 'Check the instances\' health in the load balancer (HealthyHostCount) and SurgeQueueLength/SpilloverCount: a full surge queue means capacity, zero healthy hosts means unreachable.',
      reference: CLB_ERRORS,
    },
    {
      id: 'aws-elb-504-gateway-timeout-classic-load-balancer', title: '504 GATEWAY_TIMEOUT (Classic Load Balancer)',
      when: [{ status: 504 }, { reason: 'GATEWAY_TIMEOUT' }],
      meaning: 'The Classic Load Balancer gave up waiting for the instance: it did not answer within the idle timeout (60 s by default), or it closed the connection before answering.',
      causes: { 'origin-timeout': 0.55, 'origin-reset': 0.45 },
      source: 'gateway',
      tellApart: 'The ELB access log shows backend_processing_time -1 for both; a request that ran close to the idle timeout in the instance\'s own log was slow, one that ended early was closed by the instance (keep-alive shorter than the idle timeout).',
      reference: CLB_ERRORS,
    },
    {
      id: 'aws-elb-503-custom-response-load-balancer', title: '503 custom response from the load balancer',
      when: [{ status: 503 }, ALB_SERVER, { markup: '<h1>503 service temporarily unavailable</h1>', absent: true }],
      meaning: 'The load balancer answered with a page configured on it (a fixed-response rule), not its default page: often a maintenance page or a catch-all rule for unknown hosts or paths.',
      causes: { maintenance: 0.5, unknown: 0.5 },
      source: 'gateway',
      tellApart: 'Look at the listener rules: the fixed-response action that returned this body names the condition that matched.',
      reference: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html',
    },
    { id: 'aws-elb-502-bad-gateway-alb', title: '502 Bad Gateway (ALB)', when: [{ status: 502 }, ALB_SERVER], ...badGateway },
    { id: 'aws-elb-503-service-temporarily-unavailable-alb', title: '503 Service Temporarily Unavailable (ALB)', when: [{ status: 503 }, ALB_SERVER], ...noTargets },
    { id: 'aws-elb-504-gateway-time-out-alb', title: '504 Gateway Time-out (ALB)', when: [{ status: 504 }, ALB_SERVER], ...timeout },
    { id: 'aws-elb-500-internal-server-error-alb', title: '500 Internal Server Error (ALB)', when: [{ status: 500 }, ALB_SERVER], ...wafError },
    { id: 'aws-elb-502-bad-gateway-alb-page', title: '502 Bad Gateway (ALB page)', when: [{ status: 502 }, ALB_PAGE], ...badGateway },
    { id: 'aws-elb-503-service-temporarily-unavailable-alb-page', title: '503 Service Temporarily Unavailable (ALB page)', when: [{ status: 503 }, ALB_PAGE], ...noTargets },
    { id: 'aws-elb-504-gateway-time-out-alb-page', title: '504 Gateway Time-out (ALB page)', when: [{ status: 504 }, ALB_PAGE], ...timeout },
    { id: 'aws-elb-500-internal-server-error-alb-page', title: '500 Internal Server Error (ALB page)', when: [{ status: 500 }, ALB_PAGE], ...wafError },
    {
      id: 'aws-elb-460-client-closed',
      title: '460 (ALB): the client closed the connection',
      when: [{ status: 460 }],
      meaning: 'The client closed its connection before the load balancer\'s idle timeout ran out, so the load balancer logged 460; the client never sees it, only the access log does.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ALB_ARCHIVE}#L117-L121`,
    },
    {
      id: 'aws-elb-463-too-many-forwarded-for',
      title: '463 (ALB): X-Forwarded-For has more than 30 addresses',
      when: [{ status: 463 }],
      meaning: 'The request carried an X-Forwarded-For header with more than 30 IP addresses, which the load balancer refuses.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ALB_ARCHIVE}#L123-L125`,
    },
    {
      id: 'aws-elb-464-protocol-mismatch',
      title: '464 (ALB): request protocol does not match the target group',
      when: [{ status: 464 }],
      meaning: 'The request\'s protocol does not fit the target group\'s protocol version (for example HTTP/1.1 to a gRPC target group).',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ALB_ARCHIVE}#L127-L134`,
    },
    {
      id: 'aws-elb-561-idp-error',
      title: '561 (ALB): the identity provider returned an error',
      when: [{ status: 561 }],
      meaning: 'An authenticate rule on the load balancer asked the identity provider, which answered with an error; the access log\'s error_reason field says which.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ALB_ARCHIVE}#L182-L184`,
    },
    {
      id: 'aws-elb-403-forbidden-waf-alb', title: '403 Forbidden (AWS WAF on the ALB)',
      when: [{ status: 403 }, ALB_SERVER],
      meaning: 'An AWS WAF web ACL on the load balancer blocked this request before it reached the application.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ALB_TROUBLESHOOTING}#http-403-issues`,
    },
    {
      id: 'aws-elb-error-passed-target', title: 'Error passed on from the target',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: 'The page is not the load balancer\'s own: a target (your application or its web server) wrote this error and the load balancer forwarded it unchanged.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.25, maintenance: 0.15 },
      source: 'origin',
      tellApart: WHO,
      reference: `${ALB_TROUBLESHOOTING}#target-http-errors`,
    },
  ],
  advice: {
    visitor: [],
    owner: [
      'Compare HTTPCode_ELB_5XX_Count with HTTPCode_Target_5XX_Count in CloudWatch to see whether the load balancer or your targets wrote the errors.',
      'Classic Load Balancers write bare responses (no body, no Server header) whose reason phrase names the problem: "Service Unavailable: Back-end server is at capacity" (no healthy or registered instances, or no capacity) or "GATEWAY_TIMEOUT" (idle timeout, or an instance closing the connection early).',
    ],
  },
  statusPage: 'https://health.aws.amazon.com/health/status',
  sources: [ALB_TROUBLESHOOTING, ALB_ARCHIVE, ALB_METRICS, ALB_LOGS, CLB_ERRORS],
});
