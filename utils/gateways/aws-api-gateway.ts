// Amazon API Gateway (REST and HTTP APIs): its own errors are one-line JSON messages; AWS Lambda's error texts are the function's, relayed.
import { defineGateway, type DocumentedError, type Marker } from './types';

// The archived developer guides, at the last commits before AWS removed them.
const APIGW = 'https://github.com/awsdocs/amazon-api-gateway-developer-guide/blob/6060e21e4214857f6f416c50ee2d019bc3db2206/doc_source';
const LAMBDA = 'https://github.com/awsdocs/aws-lambda-developer-guide/blob/03f7fcb0b771f031f7cb3aa43e8b18407c00b3a8/doc_source';
const RESPONSE_TYPES = `${APIGW}/supported-gateway-response-types.md#L6-L28`;
const GATEWAY_RESPONSES = `${APIGW}/api-gateway-gatewayResponse-definition.md#L9-L19`;
const ERROR_TYPE_HEADER = `${APIGW}/set-up-gateway-response-using-the-console.md#L68-L71`;
const VALIDATION = `${APIGW}/api-gateway-request-validation-test.md`;
const HTTP_API_LAMBDA = `${APIGW}/http-api-troubleshooting-lambda.md#L5-L68`;
const HTTP_API_JWT = `${APIGW}/http-api-troubleshooting-jwt.md#L5-L27`;
const HTTP_API_ROUTES = `${APIGW}/http-api-develop-routes.md#L39`;
const LIMITS = `${APIGW}/limits.md`;
const THROTTLING = `${APIGW}/api-gateway-request-throttling.md#L7`;
const REQUEST_IDS = `${APIGW}/apigateway-test-cors.md#L15-L18`;
const LAMBDA_ERRORS = `${LAMBDA}/services-apigateway.md#L208-L229`;
const LAMBDA_TIMEOUT = `${LAMBDA}/troubleshooting-networking.md#L13`;
const LAMBDA_RUNTIME_ERRORS = `${LAMBDA}/troubleshooting-images.md#L41`;
const LAMBDA_INVOKE = `${LAMBDA}/API_Invoke.md#L100-L211`;
// AWS's knowledge-centre article on 504s: "Endpoint request timed out" is the integration timeout.
const TIMEOUTS = 'https://repost.aws/knowledge-center/api-gateway-504-errors';

const ERROR_TYPE: Marker = { header: 'x-amzn-errortype' };
// REST APIs write {"message": "Internal server error"}; HTTP APIs {"message":"Internal Server Error"}. Markup is folded
// to lower case with whitespace runs as one space, so each spelling is one test.
const message = (text: string): Marker => ({ any: [{ markup: `"message": "${text}"` }, { markup: `"message":"${text}"` }] });
const INTERNAL_ERROR = message('internal server error');
const TIMED_OUT: Marker = { markup: '"endpoint request timed out"' };
const NETWORK_ERROR: Marker = { markup: '"network error communicating with endpoint"' };
const MISSING_TOKEN: Marker = { markup: '"missing authentication token"' };

const EXECUTION_LOG =
  'With execution logging on, CloudWatch names the reason for this x-amzn-RequestId: "Malformed Lambda proxy response" (a wrong response shape), "Lambda execution failed … due to customer function error" (the function threw), "Invalid permissions on Lambda function", "Rate exceeded" (throttling), or "Execution failed due to configuration error".';

const functionFailed = {
  meaning:
    'The Lambda function ran but failed, or returned something that is not a valid proxy response ({statusCode, headers, body}); API Gateway wrote this generic message in its place.',
  causes: { 'origin-app-error': 0.55, 'origin-invalid-response': 0.45 },
  source: 'gateway',
  tellApart: EXECUTION_LOG,
  advice: { owner: ['Catch errors in the function and return {statusCode, headers, body} yourself, so clients get a real message instead of this one.'] },
  reference: LAMBDA_ERRORS,
} as const;

const invokeRejected = {
  meaning:
    "API Gateway could not call its integration: Lambda rejected the invocation (no permission to invoke, throttled, function missing), an authorizer failed, or the API's mapping or configuration is invalid.",
  causes: { unknown: 0.4, overloaded: 0.3, 'origin-app-error': 0.3 },
  source: 'gateway',
  tellApart: EXECUTION_LOG,
  reference: LAMBDA_ERRORS,
} as const;

const integrationTimeout = {
  meaning:
    "The integration (a Lambda function or HTTP backend) did not answer within API Gateway's integration timeout: at most 29 s by default for REST APIs, 30 s for HTTP APIs.",
  causes: { 'origin-timeout': 1 },
  source: 'gateway',
  advice: {
    owner: [
      'Make the backend answer within the integration timeout (return 202 and finish the work asynchronously), or raise the timeout where the API type allows it (Regional and private REST APIs).',
    ],
  },
  reference: TIMEOUTS,
} as const;

const refused = {
  causes: { unknown: 1 },
  source: 'gateway',
  reference: RESPONSE_TYPES,
} as const;

/** What API Gateway's default message says for each gateway response type it documents (RESPONSE_TYPES). */
const RESPONSE_TYPE_LIST: readonly (readonly [string, number | null, string])[] = [
  ['ACCESS_DENIED', 403, 'aws-api-gateway-4xx-request-refused'],
  ['API_CONFIGURATION_ERROR', 500, 'aws-api-gateway-500-internal-server-error'],
  ['AUTHORIZER_CONFIGURATION_ERROR', 500, 'aws-api-gateway-500-internal-server-error'],
  ['AUTHORIZER_FAILURE', 500, 'aws-api-gateway-500-internal-server-error'],
  ['BAD_REQUEST_PARAMETERS', 400, 'aws-api-gateway-400-request-validation-failed'],
  ['BAD_REQUEST_BODY', 400, 'aws-api-gateway-400-request-validation-failed'],
  ['DEFAULT_4XX', null, 'aws-api-gateway-4xx-request-refused'],
  ['DEFAULT_5XX', null, 'aws-api-gateway-response-written'],
  ['EXPIRED_TOKEN', 403, 'aws-api-gateway-4xx-request-refused'],
  ['INTEGRATION_FAILURE', 504, 'aws-api-gateway-504-network-error-communicating-endpoint-integration'],
  ['INTEGRATION_TIMEOUT', 504, 'aws-api-gateway-504-endpoint-request-timed-out-integration'],
  ['INVALID_API_KEY', 403, 'aws-api-gateway-4xx-request-refused'],
  ['INVALID_SIGNATURE', 403, 'aws-api-gateway-4xx-request-refused'],
  ['MISSING_AUTHENTICATION_TOKEN', 403, 'aws-api-gateway-403-missing-authentication-token'],
  ['QUOTA_EXCEEDED', 429, 'aws-api-gateway-429-too-many-requests-throttled-quota'],
  ['REQUEST_TOO_LARGE', 413, 'aws-api-gateway-4xx-request-refused'],
  ['RESOURCE_NOT_FOUND', 404, 'aws-api-gateway-4xx-request-refused'],
  ['THROTTLED', 429, 'aws-api-gateway-429-too-many-requests-throttled-quota'],
  ['UNAUTHORIZED', 401, 'aws-api-gateway-401-unauthorized'],
  ['UNSUPPORTED_MEDIA_TYPE', 415, 'aws-api-gateway-4xx-request-refused'],
  ['WAF_FILTERED', 403, 'aws-api-gateway-4xx-request-refused'],
];

export default defineGateway({
  id: 'aws-api-gateway',
  name: 'Amazon API Gateway',
  kind: 'api-gateway',
  // Edge-optimized REST APIs are served through a CloudFront distribution AWS runs for them, so their responses carry
  // CloudFront's Via, X-Amz-Cf-Id and "X-Cache: Error from cloudfront" (ERROR_TYPE_HEADER).
  runsOn: ['aws-cloudfront'],
  fingerprint: [
    { header: 'x-amz-apigw-id', weight: 0.95, note: "a REST API's extended request id (REQUEST_IDS)" },
    { header: 'apigw-requestid', weight: 0.95, note: "an HTTP API's request id (HTTP_API_JWT)" },
    // A Lambda proxy function may set x-amzn-ErrorType itself (LAMBDA_ERRORS), so it names API Gateway less surely.
    { ...ERROR_TYPE, weight: 0.75, note: 'the error type API Gateway sets on its own gateway responses' },
    // Lambda function URLs and other AWS services send it too: alone it does not name API Gateway.
    { header: 'x-amzn-requestid', weight: 0.45, note: 'an AWS request id (API Gateway, also Lambda function URLs and other AWS APIs)' },
    { ...TIMED_OUT, weight: 0.9, note: "API Gateway's integration timeout message" },
    { ...NETWORK_ERROR, weight: 0.9, note: "API Gateway's integration failure message" },
    { ...MISSING_TOKEN, weight: 0.85, note: "API Gateway's answer for an unknown path, method or stage" },
    { status: 502, ...INTERNAL_ERROR, weight: 0.7, note: "API Gateway's generic message when a Lambda integration fails" },
    { status: 500, ...INTERNAL_ERROR, weight: 0.3, note: "API Gateway's generic internal error message (many apps use the same words)" },
  ],
  variants: [
    {
      id: 'aws-api-gateway-504-endpoint-request-timed-out-integration',
      title: '504 Endpoint request timed out (INTEGRATION_TIMEOUT)',
      when: [TIMED_OUT],
      ...integrationTimeout,
    },
    {
      id: 'aws-api-gateway-504-network-error-communicating-endpoint-integration',
      title: '504 Network error communicating with endpoint (INTEGRATION_FAILURE)',
      when: [NETWORK_ERROR],
      meaning:
        'API Gateway could not complete the call to its HTTP or VPC-link backend: the connection was refused or reset, DNS failed, or TLS to the backend failed.',
      causes: { 'origin-unreachable': 0.6, 'origin-reset': 0.25, 'origin-tls': 0.15 },
      source: 'gateway',
      tellApart:
        'CloudWatch execution logs say "Execution failed due to a network error communicating with endpoint" followed by the reason (for example "Connection is closed" or a certificate error).',
      reference: RESPONSE_TYPES,
    },
    // AWS Lambda's own texts: the function's runtime wrote them, API Gateway only passed them on (a non-proxy
    // integration mapping the error, or a proxy function returning it). They name Lambda, not any gateway.
    {
      id: 'aws-api-gateway-lambda-task-timed-out',
      title: "Lambda: Task timed out (the function's own timeout)",
      when: [{ text: 'Task timed out after' }],
      meaning:
        'The Lambda function ran past its own configured timeout, so Lambda stopped it and answered with its timeout message ("Task timed out after N seconds"); API Gateway passed that on.',
      causes: { 'origin-timeout': 1 },
      source: 'origin',
      tellApart:
        'The function\'s CloudWatch log shows the same "Task timed out" line and its REPORT line the duration; a call waiting on a slow network resource (a database, an API, no NAT for a VPC function) is the usual reason.',
      advice: {
        owner: [
          "Raise the function's timeout, or find what it waits on (a VPC function needs a NAT gateway or VPC endpoints to reach AWS services and the internet).",
        ],
      },
      reference: LAMBDA_TIMEOUT,
    },
    {
      id: 'aws-api-gateway-lambda-runtime-error',
      title: "Lambda: the function's runtime error object",
      when: [{ any: [{ markup: '"errortype"' }, { markup: '"errormessage"' }] }],
      meaning:
        'The body is AWS Lambda\'s error object ({"errorType", "errorMessage"}): the function threw, or could not even load (Runtime.ImportModuleError, Runtime.HandlerNotFound, Runtime.InvalidEntrypoint, Runtime.ExitError); API Gateway passed it on.',
      causes: { 'origin-app-error': 1 },
      source: 'origin',
      tellApart:
        'An errorType starting with "Runtime." means the function never ran (missing module, wrong handler name, the process exited or ran out of memory); any other errorType is an exception the function\'s code threw.',
      reference: LAMBDA_RUNTIME_ERRORS,
    },
    // API Gateway's own messages (its default gateway responses; owners can change them: GATEWAY_RESPONSES).
    {
      id: 'aws-api-gateway-502-internal-server-error-lambda-integration',
      title: '502 Internal server error (Lambda integration failed)',
      when: [{ status: 502 }, INTERNAL_ERROR],
      ...functionFailed,
    },
    {
      id: 'aws-api-gateway-500-internal-server-error',
      title: '500 Internal server error (API Gateway)',
      when: [{ status: 500 }, INTERNAL_ERROR, { any: [ERROR_TYPE, { header: 'x-amz-apigw-id' }] }],
      ...invokeRejected,
    },
    {
      id: 'aws-api-gateway-500-internal-server-error-http-integration',
      title: '500 Internal Server Error (HTTP API integration failed)',
      when: [{ status: 500 }, INTERNAL_ERROR, { header: 'apigw-requestid' }],
      meaning:
        'An HTTP API could not get a valid answer from its Lambda integration: the function failed, returned an invalid response, or API Gateway may not invoke it.',
      causes: { 'origin-app-error': 0.6, 'origin-invalid-response': 0.25, unknown: 0.15 },
      source: 'gateway',
      tellApart: "Add $context.integrationErrorMessage to the HTTP API's access log format: it states why the integration failed.",
      reference: HTTP_API_LAMBDA,
    },
    {
      id: 'aws-api-gateway-429-too-many-requests-throttled-quota',
      title: '429 Too Many Requests (THROTTLED or QUOTA_EXCEEDED)',
      when: [{ status: 429 }, { any: [ERROR_TYPE, message('too many requests'), message('limit exceeded')] }],
      meaning:
        "API Gateway refused the request because a throttling limit (the method's, the stage's, the usage plan's or the account's) or a usage-plan quota was reached.",
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: THROTTLING,
    },
    {
      id: 'aws-api-gateway-403-missing-authentication-token',
      title: '403 Missing Authentication Token',
      when: [MISSING_TOKEN],
      meaning: 'API Gateway has no resource for this path and method in this stage (or the request needs IAM credentials): nothing behind it was called.',
      ...refused,
      reference: `${APIGW}/api-gateway-gatewayResponse-definition.md#L13`,
    },
    {
      id: 'aws-api-gateway-400-request-validation-failed',
      title: '400 Bad Request (request validation failed)',
      when: [{ status: 400 }, { any: [{ markup: '"missing required request parameters' }, message('invalid request body')] }],
      meaning:
        'A request validator on this method rejected the request (a required parameter missing, or a body that does not fit its model) before the integration was called.',
      ...refused,
      reference: `${VALIDATION}#L70-L158`,
    },
    {
      id: 'aws-api-gateway-401-unauthorized',
      title: '401 Unauthorized',
      when: [{ status: 401 }, { any: [ERROR_TYPE, message('unauthorized'), { header: 'www-authenticate', includes: 'invalid_token' }] }],
      meaning: "The API's authorizer (a JWT, Lambda or Cognito authorizer) did not accept the request's credentials.",
      ...refused,
      reference: HTTP_API_JWT,
    },
    {
      id: 'aws-api-gateway-4xx-request-refused',
      title: 'Request refused by API Gateway',
      when: [{ status: [400, 403, 404, 413, 415] }, { any: [ERROR_TYPE, message('forbidden'), message('not found')] }],
      meaning:
        'API Gateway refused the request itself (access denied by an authorizer or AWS WAF, an invalid API key or signature, an expired token, no matching route, a request over 10 MB, an unsupported media type): the integration was not called.',
      ...refused,
      reference: RESPONSE_TYPES,
    },
    // Only the headers: an x-amzn-ErrorType marks API Gateway's own response; without it the integration answered.
    {
      id: 'aws-api-gateway-502-no-body',
      title: '502 from API Gateway (its body not seen)',
      when: [{ status: 502 }, ERROR_TYPE, { body: 'unseen' }],
      ...functionFailed,
    },
    {
      id: 'aws-api-gateway-500-no-body',
      title: '500 from API Gateway (its body not seen)',
      when: [{ status: 500 }, ERROR_TYPE, { body: 'unseen' }],
      ...invokeRejected,
    },
    {
      id: 'aws-api-gateway-504-no-body',
      title: '504 from API Gateway (its body not seen)',
      when: [{ status: 504 }, ERROR_TYPE, { body: 'unseen' }],
      meaning:
        'API Gateway answered 504 itself: its integration timed out (INTEGRATION_TIMEOUT) or failed (INTEGRATION_FAILURE), the two gateway responses that default to 504.',
      causes: { 'origin-timeout': 0.7, 'origin-unreachable': 0.2, 'origin-reset': 0.1 },
      source: 'gateway',
      reference: RESPONSE_TYPES,
    },
    {
      id: 'aws-api-gateway-error-relayed-no-body',
      title: 'Error passed on from the integration (its body not seen)',
      when: [{ status: [500, 502, 503, 504] }, { ...ERROR_TYPE, absent: true }, { body: 'unseen' }],
      meaning:
        'No x-amzn-ErrorType header: API Gateway did not write this error itself, so the Lambda function or HTTP backend answered with it and API Gateway passed it through.',
      causes: { 'origin-app-error': 0.7, overloaded: 0.15, 'origin-timeout': 0.15 },
      source: 'origin',
      reference: LAMBDA_ERRORS,
    },
    // Catch-alls: a gateway response with an unknown body (customised), then the integration's own page.
    {
      id: 'aws-api-gateway-response-written',
      title: 'Gateway response written by API Gateway',
      when: [ERROR_TYPE, { status: [500, 502, 503, 504] }],
      fallback: true,
      meaning:
        "API Gateway answered with one of its own gateway responses (the error type header names it; owners can change their bodies); the integration's answer, if any, was not passed on.",
      causes: { unknown: 0.5, 'origin-app-error': 0.3, 'origin-unreachable': 0.2 },
      source: 'gateway',
      tellApart: `A Lambda proxy function can set x-amzn-ErrorType itself. ${EXECUTION_LOG}`,
      reference: GATEWAY_RESPONSES,
    },
    {
      id: 'aws-api-gateway-error-passed-integration',
      title: 'Error passed on from the integration',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: "The body is not one of API Gateway's own messages: the Lambda function or HTTP backend wrote this error and API Gateway passed it through.",
      causes: { 'origin-app-error': 0.7, overloaded: 0.15, maintenance: 0.15 },
      source: 'origin',
      reference: LAMBDA_ERRORS,
    },
  ],
  bodyTells:
    'API Gateway\'s own answers are one-line JSON messages ("Endpoint request timed out", "Internal server error", "Missing Authentication Token"); a Lambda error object or any other body came from the integration.',
  advice: {
    visitor: [],
    owner: [
      "Turn on CloudWatch execution logging (or access logs with $context.integrationErrorMessage for HTTP APIs) and search for this response's x-amzn-RequestId.",
    ],
  },
  documented: [
    ...RESPONSE_TYPE_LIST.map(([name, status, variant]): DocumentedError => ({
      name: `${name}${status ? ` (${status})` : ''}`,
      reference: RESPONSE_TYPES,
      variant,
    })),
    {
      name: 'REST API: {"message": "Internal server error"} with 502 (function error or malformed proxy response)',
      reference: LAMBDA_ERRORS,
      variant: 'aws-api-gateway-502-internal-server-error-lambda-integration',
      example: { status: 502, body: '{"message": "Internal server error"}' },
    },
    {
      name: 'REST API: {"message": "Internal server error"} with 500 (Lambda rejected the invocation)',
      reference: LAMBDA_ERRORS,
      variant: 'aws-api-gateway-500-internal-server-error',
      example: { status: 500, headers: { 'x-amzn-errortype': 'InternalServerErrorException' }, body: '{"message": "Internal server error"}' },
    },
    {
      name: 'HTTP API: {"message":"Internal Server Error"} (Lambda integration failed)',
      reference: HTTP_API_LAMBDA,
      variant: 'aws-api-gateway-500-internal-server-error-http-integration',
      example: { status: 500, headers: { 'apigw-requestid': 'Mc7UVioPPHcEKPA=' }, body: '{"message":"Internal Server Error"}' },
    },
    {
      name: 'HTTP API: {"message":"Unauthorized"} (JWT authorizer)',
      reference: HTTP_API_JWT,
      variant: 'aws-api-gateway-401-unauthorized',
      example: { status: 401, headers: { 'apigw-requestid': 'Mc7UVioPPHcEKPA=' }, body: '{"message":"Unauthorized"}' },
    },
    {
      name: 'HTTP API: {"message":"Not Found"} (no route)',
      reference: HTTP_API_ROUTES,
      variant: 'aws-api-gateway-4xx-request-refused',
      example: { status: 404, headers: { 'apigw-requestid': 'Mc7UVioPPHcEKPA=' }, body: '{"message":"Not Found"}' },
    },
    {
      name: 'Missing Authentication Token (MissingAuthenticationTokenException)',
      reference: ERROR_TYPE_HEADER,
      variant: 'aws-api-gateway-403-missing-authentication-token',
      example: { status: 403, headers: { 'x-amzn-errortype': 'MissingAuthenticationTokenException' }, body: '{"message":"Missing Authentication Token"}' },
    },
    {
      name: 'Missing required request parameters: [q1]',
      reference: `${VALIDATION}#L70`,
      variant: 'aws-api-gateway-400-request-validation-failed',
      example: {
        status: 400,
        headers: { 'x-amzn-requestid': '6ac2b8b1-0000-4000-8000-000000000000', 'x-amz-apigw-id': 'Abcd=' },
        body: '{"message": "Missing required request parameters: [q1]"}',
      },
    },
    {
      name: 'Invalid request body',
      reference: `${VALIDATION}#L158`,
      variant: 'aws-api-gateway-400-request-validation-failed',
      example: { status: 400, headers: { 'x-amz-apigw-id': 'Abcd=' }, body: '{"message": "Invalid request body"}' },
    },
    {
      name: 'Endpoint request timed out (integration timeout: REST 29 s, HTTP API 30 s)',
      reference: `${LIMITS}#L42-L110`,
      variant: 'aws-api-gateway-504-endpoint-request-timed-out-integration',
      example: { status: 504, body: '{"message": "Endpoint request timed out"}' },
    },
    {
      name: '429 Too Many Requests (throttling)',
      reference: THROTTLING,
      variant: 'aws-api-gateway-429-too-many-requests-throttled-quota',
      example: { status: 429, headers: { 'x-amzn-errortype': 'TooManyRequestsException' } },
    },
    // AWS Lambda's own texts, passed on by API Gateway (or by any platform that runs Lambda functions).
    {
      name: 'Lambda: Task timed out after 10.00 seconds',
      reference: LAMBDA_TIMEOUT,
      variant: 'aws-api-gateway-lambda-task-timed-out',
      example: { status: 502, headers: { 'x-amz-apigw-id': 'Abcd=' }, body: '{"errorMessage": "Task timed out after 10.00 seconds"}' },
    },
    {
      name: 'Lambda: "errorType": "Runtime.InvalidEntrypoint" (the runtime\'s error object)',
      reference: LAMBDA_RUNTIME_ERRORS,
      variant: 'aws-api-gateway-lambda-runtime-error',
      example: { status: 502, headers: { 'x-amz-apigw-id': 'Abcd=' }, body: '{"errorType": "Runtime.InvalidEntrypoint"}' },
    },
    // Lambda's Invoke errors: behind API Gateway each becomes its 500 "Internal server error" (LAMBDA_ERRORS), so no
    // response shows which one it was.
    ...[
      'EC2AccessDeniedException',
      'EC2ThrottledException',
      'EC2UnexpectedException',
      'ENILimitReachedException',
      'InvalidRuntimeException',
      'InvalidSecurityGroupIDException',
      'InvalidSubnetIDException',
      'InvalidZipFileException',
      'KMSAccessDeniedException',
      'KMSDisabledException',
      'KMSInvalidStateException',
      'KMSNotFoundException',
      'ResourceNotReadyException',
      'SubnetIPAddressLimitReachedException',
      'EFSIOException',
      'EFSMountConnectivityException',
      'EFSMountTimeoutException',
      'EFSMountFailureException',
      'InvalidParameterValueException',
      'InvalidRequestContentException',
      'RequestTooLargeException',
      'ResourceConflictException',
      'ResourceNotFoundException',
      'ServiceException',
      'TooManyRequestsException',
      'UnsupportedMediaTypeException',
    ].map((name): DocumentedError => ({ name: `Lambda Invoke: ${name}`, reference: LAMBDA_INVOKE, logOnly: true })),
  ],
  statusPage: 'https://health.aws.amazon.com/health/status',
  sources: [
    RESPONSE_TYPES,
    GATEWAY_RESPONSES,
    ERROR_TYPE_HEADER,
    VALIDATION,
    HTTP_API_LAMBDA,
    HTTP_API_JWT,
    HTTP_API_ROUTES,
    LIMITS,
    THROTTLING,
    REQUEST_IDS,
    LAMBDA_ERRORS,
    LAMBDA_TIMEOUT,
    LAMBDA_RUNTIME_ERRORS,
    LAMBDA_INVOKE,
    TIMEOUTS,
  ],
});
