// Amazon API Gateway (REST and HTTP APIs): its own errors are one-line JSON messages; anything else came from the integration.
import { defineGateway } from './types';

const APIGW_EDGE = 'https://github.com/awsdocs/amazon-api-gateway-developer-guide/blob/6060e21e4214857f6f416c50ee2d019bc3db2206/doc_source/set-up-gateway-response-using-the-console.md#L69-L71';
const RESPONSE_TYPES = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html';
const LAMBDA_ERRORS = 'https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html';
const HTTP_API_LAMBDA = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-lambda.html';
const TIMEOUTS = 'https://repost.aws/knowledge-center/api-gateway-504-errors';
const INTERNAL_ERROR = 'https://repost.aws/knowledge-center/api-gateway-internal-server-error';

// REST APIs write {"message": "Internal server error"}; HTTP APIs {"message":"Internal Server Error"}.
const INTERNAL_SPACED = { markup: '"message": "internal server error"' } as const;
const INTERNAL_TIGHT = { markup: '"message":"internal server error"' } as const;

const functionFailed = {
  meaning: 'The Lambda function ran but failed, or returned something that is not a valid proxy response ({statusCode, headers, body}); API Gateway wrote this generic message in its place.',
  causes: { 'origin-app-error': 0.55, 'origin-invalid-response': 0.45 },
  source: 'gateway',
  tellApart: 'With execution logging on, CloudWatch says "Malformed Lambda proxy response" for a wrong response shape, or "Lambda execution failed … due to customer function error" when the function threw; the function\'s own log has the stack trace.',
  advice: { owner: ['Catch errors in the function and return {statusCode, headers, body} yourself, so clients get a real message instead of this one.'] },
  reference: LAMBDA_ERRORS,
} as const;

const gatewayInternal = {
  meaning: 'API Gateway could not call its integration: it has no permission to invoke the Lambda function, the invocation was throttled, or the API\'s mapping or configuration is invalid.',
  causes: { unknown: 0.4, overloaded: 0.3, 'origin-app-error': 0.3 },
  source: 'gateway',
  tellApart: 'CloudWatch execution logs name it: "Invalid permissions on Lambda function", "Rate exceeded" (throttling), or "Execution failed due to configuration error".',
  reference: INTERNAL_ERROR,
} as const;

export default defineGateway({
  id: 'aws-api-gateway',
  name: 'Amazon API Gateway',
  kind: 'api-gateway',
  // Edge-optimized REST APIs are served through a CloudFront distribution AWS runs for them, so their responses carry
  // CloudFront's Via, X-Amz-Cf-Id and "X-Cache: Error from cloudfront" (APIGW_EDGE).
  runsOn: ['aws-cloudfront'],
  fingerprint: [
    { header: 'x-amz-apigw-id', weight: 0.95, note: 'REST API\'s extended request id' },
    { header: 'apigw-requestid', weight: 0.95, note: 'HTTP API\'s request id' },
    { header: 'x-amzn-errortype', weight: 0.75, note: 'the AWS error type API Gateway sets on its own error responses' },
    { header: 'x-amzn-requestid', weight: 0.7, note: 'AWS request id (API Gateway, also Lambda function URLs and other AWS APIs)' },
    { markup: '"endpoint request timed out"', weight: 0.9, note: 'API Gateway\'s integration timeout message' },
    { markup: '"network error communicating with endpoint"', weight: 0.9, note: 'API Gateway\'s integration failure message' },
    { markup: '"missing authentication token"', weight: 0.85, note: 'API Gateway\'s answer for an unknown path or stage' },
    { status: 502, ...INTERNAL_SPACED, weight: 0.7, note: 'API Gateway\'s generic message when a Lambda integration fails' },
    { status: 502, ...INTERNAL_TIGHT, weight: 0.7, note: 'API Gateway\'s generic message when a Lambda integration fails' },
    { status: 500, ...INTERNAL_SPACED, weight: 0.3, note: 'API Gateway\'s generic internal error message (many apps use the same words)' },
    { status: 500, ...INTERNAL_TIGHT, weight: 0.3, note: 'API Gateway\'s generic internal error message (many apps use the same words)' },
  ],
  variants: [
    {
      id: 'aws-api-gateway-504-endpoint-request-timed-out-integration', title: '504 Endpoint request timed out (INTEGRATION_TIMEOUT)',
      when: [{ markup: '"endpoint request timed out"' }],
      meaning: 'The integration (a Lambda function or HTTP backend) did not answer within API Gateway\'s integration timeout: 29 s by default for REST APIs, at most 30 s for HTTP APIs.',
      causes: { 'origin-timeout': 1 },
      source: 'gateway',
      advice: { owner: ['Make the backend answer within the integration timeout (return 202 and finish the work asynchronously), or raise the timeout where the API type allows it (Regional and private REST APIs).'] },
      reference: TIMEOUTS,
    },
    {
      id: 'aws-api-gateway-504-network-error-communicating-endpoint-integration', title: '504 Network error communicating with endpoint (INTEGRATION_FAILURE)',
      when: [{ markup: '"network error communicating with endpoint"' }],
      meaning: 'API Gateway could not complete the call to its HTTP or VPC-link backend: the connection was refused or reset, DNS failed, or TLS to the backend failed.',
      causes: { 'origin-unreachable': 0.6, 'origin-reset': 0.25, 'origin-tls': 0.15 },
      source: 'gateway',
      tellApart: 'CloudWatch execution logs say "Execution failed due to a network error communicating with endpoint" followed by the reason (for example "Connection is closed" or a certificate error).',
      reference: RESPONSE_TYPES,
    },
    { id: 'aws-api-gateway-502-internal-server-error-lambda-integration', title: '502 Internal server error (Lambda integration failed)', when: [{ status: 502 }, { any: [INTERNAL_SPACED, INTERNAL_TIGHT] }], ...functionFailed },
    { id: 'aws-api-gateway-500-internal-server-error', title: '500 Internal server error (API Gateway)', when: [{ status: 500 }, INTERNAL_SPACED, { header: 'x-amzn-errortype' }], ...gatewayInternal },
    {
      id: 'aws-api-gateway-500-internal-server-error-http-integration', title: '500 Internal Server Error (HTTP API integration failed)',
      when: [{ status: 500 }, INTERNAL_TIGHT, { header: 'apigw-requestid' }],
      meaning: 'An HTTP API could not get a valid answer from its Lambda integration: the function failed, returned an invalid response, or API Gateway may not invoke it.',
      causes: { 'origin-app-error': 0.6, 'origin-invalid-response': 0.25, unknown: 0.15 },
      source: 'gateway',
      tellApart: 'Add $context.integrationErrorMessage to the HTTP API\'s access log format: it states why the integration failed.',
      reference: HTTP_API_LAMBDA,
    },
    {
      id: 'aws-api-gateway-503-service-unavailable-http', title: '503 Service Unavailable (HTTP API)',
      when: [{ status: 503 }, { markup: '"message":"service unavailable"' }, { header: 'apigw-requestid' }],
      meaning: 'An HTTP API gave up on its integration, most often because it did not answer within the 30-second limit.',
      causes: { 'origin-timeout': 0.7, 'origin-unreachable': 0.3 },
      source: 'gateway',
      tellApart: 'The HTTP API access log\'s $context.integrationErrorMessage and integration latency show whether the backend timed out or could not be reached.',
      reference: 'https://github.com/cortexlabs/cortex/issues/1225',
    },
    {
      id: 'aws-api-gateway-429-too-many-requests-throttled-quota', title: '429 Too Many Requests (THROTTLED or QUOTA_EXCEEDED)',
      when: [{ status: 429 }, { header: 'x-amzn-errortype' }],
      meaning: 'API Gateway refused the request because a throttling limit or a usage-plan quota was reached.',
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: RESPONSE_TYPES,
    },
    {
      id: 'aws-api-gateway-403-missing-authentication-token', title: '403 Missing Authentication Token',
      when: [{ markup: '"missing authentication token"' }],
      meaning: 'API Gateway has no resource for this path and method in this stage (or the request needs IAM credentials): nothing behind it was called.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: RESPONSE_TYPES,
    },
    {
      id: 'aws-api-gateway-response-written', title: 'Gateway response written by API Gateway',
      when: [{ header: 'x-amzn-errortype' }, { status: [500, 502, 503, 504] }],
      fallback: true,
      meaning: 'API Gateway answered with one of its own gateway responses (the error type header names it); the integration\'s answer, if any, was not passed on.',
      causes: { unknown: 0.5, 'origin-app-error': 0.3, 'origin-unreachable': 0.2 },
      source: 'gateway',
      tellApart: 'A Lambda proxy function can set x-amzn-ErrorType itself; the CloudWatch execution log for this request id shows whether the integration answered.',
      reference: RESPONSE_TYPES,
    },
    {
      id: 'aws-api-gateway-error-passed-integration', title: 'Error passed on from the integration',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: 'The body is not one of API Gateway\'s own messages: the Lambda function or HTTP backend wrote this error and API Gateway passed it through.',
      causes: { 'origin-app-error': 0.7, overloaded: 0.15, maintenance: 0.15 },
      source: 'origin',
      reference: LAMBDA_ERRORS,
    },
  ],
  advice: {
    visitor: [],
    owner: [
      'Turn on CloudWatch execution logging (or access logs with $context.integrationErrorMessage for HTTP APIs) and search for this response\'s x-amzn-RequestId.',
    ],
  },
  statusPage: 'https://health.aws.amazon.com/health/status',
  sources: [APIGW_EDGE, RESPONSE_TYPES, LAMBDA_ERRORS, HTTP_API_LAMBDA, TIMEOUTS, INTERNAL_ERROR],
});
