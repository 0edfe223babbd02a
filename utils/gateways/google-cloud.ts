// Google Cloud front ends (GFE, Application Load Balancer, Cloud CDN, Cloud Run, App Engine): the robot page, "Error: Server Error", Envoy's replies.
import { defineGateway, type Marker } from './types';

const LB_LOGGING = 'https://cloud.google.com/load-balancing/docs/https/https-logging-monitoring';
const LB_DISTRIBUTION = 'https://cloud.google.com/load-balancing/docs/https/request-distribution';
const BACKEND_SERVICE = 'https://cloud.google.com/load-balancing/docs/backend-service';
const CLOUD_RUN_TIMEOUT = 'https://cloud.google.com/run/docs/configuring/request-timeout';
const CLOUD_RUN_CONTRACT = 'https://cloud.google.com/run/docs/container-contract';
const CLOUD_RUN_ISSUES = 'https://cloud.google.com/run/docs/known-issues';
// Google documents none of its error pages: their text is as captured. App Engine's 500 page, on appspot.com, in an
// issue on Google's own archived sample.
const APP_ENGINE_CAPTURE = 'https://github.com/googlearchive/appengine-modules-helloworld-python/issues/6';

/** Google's "robot" page (GFE): "502. That’s an error." … "That’s all we know." (either apostrophe matches). */
const ROBOT_PAGE: Marker = { any: [{ text: 'That’s all we know' }, { markup: 'google.com/images/errors/robot.png' }] };
// The load balancer's and App Engine's page: "Error: Server Error", then one sentence; "temporary" marks the 502.
const TEMPORARY: Marker = { text: 'encountered a temporary error and could not complete your request' };
const APP_FAILED: Marker = { text: 'The server encountered an error and could not complete your request' };
const SERVER_ERROR: Marker = { text: 'Error: Server Error' };
/** The status, given or stated by the robot page ("502. That’s an error."). */
const shows = (status: number): Marker => ({ any: [{ status }, { text: `${status}. That’s an error` }] });

const STATUS_DETAILS =
  "The load balancer's request log names the reason in jsonPayload.statusDetails: failed_to_connect_to_backend (no connection), failed_to_pick_backend (no healthy backend), backend_connection_closed_before_data_sent_to_client (the backend closed a kept-alive connection), backend_timeout (no answer within the backend service timeout, 30 s by default), an ssl_certificate_… or server_cert_… value (TLS to the backend), or response_sent_by_backend (the backend itself sent the error).";

const lbBadGateway = {
  meaning:
    "Google's front end (the load balancer) could not get a response from the backend: it could not connect, found no healthy backend, the backend closed the connection, or it did not answer in time.",
  causes: { 'origin-reset': 0.35, 'origin-unreachable': 0.35, 'origin-timeout': 0.2, 'origin-tls': 0.05, 'origin-invalid-response': 0.05 },
  source: 'gateway',
  tellApart: STATUS_DETAILS,
  advice: {
    owner: [
      "Keep the backend's HTTP keep-alive timeout above 600 s (the load balancer reuses idle connections that long), and check that health checks from 35.191.0.0/16 and 130.211.0.0/22 pass.",
    ],
  },
  reference: LB_LOGGING,
} as const;

const lbUnavailable = {
  meaning: "Google's front end had no healthy backend to send the request to, could not connect to it, or could not verify its certificate.",
  causes: { 'origin-unreachable': 0.5, overloaded: 0.3, 'origin-tls': 0.2 },
  source: 'gateway',
  tellApart: STATUS_DETAILS,
  reference: LB_LOGGING,
} as const;

const requestTimeout = {
  meaning:
    'Cloud Run (or Cloud Functions) ended the request because the service did not answer within its request timeout (5 minutes by default), container start included; the instance keeps running.',
  causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
  source: 'gateway',
  advice: { owner: ["Find the slow request in the service's logs, or raise the service's request timeout (up to 60 minutes)."] },
  reference: CLOUD_RUN_TIMEOUT,
} as const;

export default defineGateway({
  id: 'google-cloud',
  name: 'Google Cloud',
  kind: 'load-balancer',
  // Regional and internal Application Load Balancers are Envoy proxies (LB_DISTRIBUTION), and answer with Envoy's local
  // replies ("upstream request timeout", "no healthy upstream") behind Google's own headers.
  runsOn: ['envoy'],
  fingerprint: [
    { header: 'via', includes: '1.1 google', weight: 0.85, note: "Google's load balancer adds itself to Via" },
    { header: 'server', equals: 'Google Frontend', weight: 0.85, note: 'App Engine, Cloud Run and Cloud Functions answer as Google Frontend' },
    { header: 'server', equals: 'gws', weight: 0.7, note: "Google Web Server (Google's own services)" },
    { header: 'server', equals: 'ESF', weight: 0.7, note: "Google's API front end" },
    { header: 'x-cloud-trace-context', weight: 0.6, note: "Google's front end adds this trace header to the request; applications echo it" },
    { ...ROBOT_PAGE, weight: 0.9, note: 'Google\'s error page, with its robot and "That’s all we know."' },
    { text: 'please try again in 30 seconds', weight: 0.7, note: "Google's error pages ask to retry in 30 seconds" },
    { ...TEMPORARY, weight: 0.45, note: "the wording of Google's 502 page (some apps copy it)" },
    {
      ...SERVER_ERROR,
      any: [TEMPORARY, APP_FAILED],
      weight: 0.85,
      note: 'the load balancer\'s and App Engine\'s error page: "Error: Server Error" and its sentence',
    },
  ],
  variants: [
    // Google's own pages first: the robot page, the load balancer's, App Engine's.
    {
      id: 'google-cloud-502-server-error-front-end',
      title: '502 Server Error (Google front end)',
      when: [shows(502), ROBOT_PAGE],
      ...lbBadGateway,
      meaning:
        "Google's front end wrote this 502 itself: a load balancer could not get a response from its backend, or one of Google's own services failed behind it (the same page serves both).",
      causes: { 'origin-reset': 0.3, 'origin-unreachable': 0.3, 'origin-timeout': 0.15, unknown: 0.15, 'origin-invalid-response': 0.1 },
    },
    {
      id: 'google-cloud-502-server-error-load-balancer',
      title: '502 Server Error (Google load balancer)',
      when: [{ status: [0, 502] }, TEMPORARY],
      ...lbBadGateway,
    },
    {
      id: 'google-cloud-503-service-unavailable-load-balancer',
      title: '503 Service Unavailable (Google load balancer)',
      when: [shows(503), { any: [ROBOT_PAGE, { text: 'please try again in 30 seconds' }] }],
      ...lbUnavailable,
    },
    {
      id: 'google-cloud-500-app-failed',
      title: '500 Server Error (App Engine or Cloud Functions)',
      when: [{ status: [0, 500] }, APP_FAILED],
      meaning:
        "Google's serving front end wrote this 500 for the application (App Engine, Cloud Functions): the application failed to answer, by an exception, a crash or running past its deadline.",
      causes: { 'origin-app-error': 0.7, 'origin-timeout': 0.1, unknown: 0.2 },
      source: 'gateway',
      tellApart: "The application's request log in Cloud Logging for this time shows the exception or the deadline that ended it.",
      reference: APP_ENGINE_CAPTURE,
    },
    {
      id: 'google-cloud-429-rate-exceeded-run',
      title: '429 Too Many Requests (Cloud Run: no available instance)',
      when: [{ status: 429 }, { header: 'server', equals: 'Google Frontend' }],
      meaning: 'Cloud Run had no instance available for this request: the service reached its maximum instances, or instances could not start in time.',
      causes: { overloaded: 0.8, 'origin-app-error': 0.2 },
      source: 'gateway',
      tellApart:
        'Cloud Run\'s request log says "The request was aborted because there was no available instance" when this happens; compare the instance count with the max-instances setting.',
      reference: CLOUD_RUN_ISSUES,
    },
    // Only the headers: what the load balancer's log documents for each status (LB_LOGGING), and Cloud Run's timeout.
    {
      id: 'google-cloud-504-no-body',
      title: '504 from Cloud Run (its body not seen)',
      when: [{ status: 504 }, { header: 'server', equals: 'Google Frontend' }, { body: 'unseen' }],
      ...requestTimeout,
    },
    {
      id: 'google-cloud-502-no-body',
      title: "502 from Google's load balancer (its body not seen)",
      when: [{ status: 502 }, { body: 'unseen' }],
      ...lbBadGateway,
    },
    {
      id: 'google-cloud-503-no-body',
      title: "503 from Google's load balancer (its body not seen)",
      when: [{ status: 503 }, { body: 'unseen' }],
      ...lbUnavailable,
    },
    {
      id: 'google-cloud-504-load-balancer-no-body',
      title: "504 through Google's load balancer (its body not seen)",
      when: [{ status: 504 }, { body: 'unseen' }],
      meaning: 'The request ran out of time on the way: the backend (or Cloud Run service) did not answer within its timeout.',
      causes: { 'origin-timeout': 0.85, 'origin-unreachable': 0.15 },
      source: 'gateway',
      reference: CLOUD_RUN_CONTRACT,
    },
    // Catch-alls: Google's own page for a status not above, then a page that is not Google's, the backend's.
    {
      id: 'google-cloud-error-page-written-googles-front-end',
      title: "Error page written by Google's front end",
      when: [{ any: [ROBOT_PAGE, SERVER_ERROR] }],
      fallback: true,
      meaning: "Google's front end wrote this page itself: the request failed inside Google's serving path rather than in a page the application wrote.",
      causes: { unknown: 0.5, 'origin-unreachable': 0.3, overloaded: 0.2 },
      source: 'gateway',
      tellApart: STATUS_DETAILS,
      reference: LB_DISTRIBUTION,
    },
    {
      id: 'google-cloud-error-passed-backend',
      title: 'Error passed on from the backend',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning:
        "The page is not one of Google's own: the backend (the application on Cloud Run, App Engine, GKE or a VM) wrote this error and Google's front end passed it on.",
      causes: { 'origin-app-error': 0.6, overloaded: 0.25, maintenance: 0.15 },
      source: 'origin',
      tellApart: 'In the load balancer\'s request log, statusDetails "response_sent_by_backend" confirms the backend sent it.',
      reference: LB_LOGGING,
    },
  ],
  bodyTells:
    'Google\'s own pages are the robot page ("That’s an error. … That’s all we know.") and "Error: Server Error"; the regional load balancers answer with Envoy\'s short texts; any other page is the backend\'s.',
  advice: {
    visitor: [],
    owner: [
      'Enable logging on the backend service and read jsonPayload.statusDetails for this request: it names why the load balancer failed.',
      'The backend service timeout (30 s by default) bounds how long the load balancer waits for a response.',
    ],
  },
  documented: [
    // The load balancer's statusDetails values (LB_LOGGING) that come with a gateway status: log only.
    ...[
      'failed_to_connect_to_backend',
      'failed_to_pick_backend',
      'backend_connection_closed_before_data_sent_to_client',
      'backend_connection_closed_after_partial_response_sent',
      'backend_timeout',
      'backend_early_response_with_non_error_status',
      'backend_interim_response_not_supported',
      'backend_response_corrupted',
      'backend_response_headers_too_long',
      'error_uncompressing_gzipped_body',
      'failed_to_negotiate_alpn',
      'ssl_certificate_san_verification_failed',
      'ssl_certificate_chain_verification_failed',
      'request_loop_detected',
      'serverless_neg_routing_failed',
      'config_not_found',
      'retriable_error',
      'internal_error',
      'server_cert_chain_exceeded_limit',
      'server_cert_chain_max_name_constraints_exceeded',
      'server_cert_chain_invalid_eku',
      'server_cert_exceeded_size_limit',
      'server_cert_invalid_rsa_key_size',
      'server_cert_not_provided',
      'server_cert_pki_too_large',
      'server_cert_trust_config_not_found',
      'server_cert_unsupported_elliptic_curve_key',
      'server_cert_unsupported_key_algorithm',
      'server_cert_validation_internal_error',
      'server_cert_validation_not_performed',
      'server_cert_validation_search_limit_exceeded',
      'server_cert_validation_timed_out',
      'server_cert_validation_unavailable',
      'aborted_request_due_to_backend_early_response',
      'banned_by_security_policy',
      'throttled_by_security_policy',
      'denied_by_security_policy',
      'body_not_allowed',
      'failed_parsing_client_headers',
      'headers_too_long',
      'http_version_not_supported',
      'invalid_chunk_framing',
      'invalid_request_headers',
      'invalid_http2_client_header_format',
      'invalid_http2_client_request_path',
      'invalid_external_origin_endpoint',
      'malformed_chunked_body',
      'multiple_iap_policies',
      'required_body_but_no_content_length',
      'secure_url_rejected',
      'unsupported_method',
      'unsupported_100_continue',
      'upgrade_header_rejected',
      'request_body_too_large',
      'handled_by_identity_aware_proxy',
      'direct_response',
      'fault_filter_abort',
      'early_data_rejected',
      'service_extension_error',
      'client_timed_out',
      'client_disconnected_before_any_response',
      'client_disconnected_after_partial_response',
    ].map((name) => ({ name, reference: LB_LOGGING, logOnly: true })),
    { name: "response_sent_by_backend (the backend's own error, relayed)", reference: LB_LOGGING, variant: 'google-cloud-error-passed-backend' },
    {
      name: "502 Server Error (the load balancer's page)",
      reference: LB_LOGGING,
      variant: 'google-cloud-502-server-error-load-balancer',
      example: {
        status: 502,
        headers: { via: '1.1 google' },
        body: 'Error: Server Error The server encountered a temporary error and could not complete your request. Please try again in 30 seconds.',
      },
    },
    {
      name: 'Cloud Run request timeout (504)',
      reference: CLOUD_RUN_TIMEOUT,
      variant: 'google-cloud-504-no-body',
      example: { status: 504, headers: { server: 'Google Frontend' } },
    },
    {
      name: 'Cloud Run: The request was aborted because there was no available instance (429 or 503)',
      reference: CLOUD_RUN_ISSUES,
      variant: 'google-cloud-429-rate-exceeded-run',
      example: { status: 429, headers: { server: 'Google Frontend' } },
    },
  ],
  statusPage: 'https://status.cloud.google.com/',
  sources: [LB_LOGGING, LB_DISTRIBUTION, BACKEND_SERVICE, CLOUD_RUN_TIMEOUT, CLOUD_RUN_CONTRACT, CLOUD_RUN_ISSUES, APP_ENGINE_CAPTURE],
});
