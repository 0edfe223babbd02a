// Vercel: platform errors name themselves with a code (x-vercel-error header, "Code:" on the page) such as FUNCTION_INVOCATION_TIMEOUT.
import { defineGateway, type Variant } from './types';

const ERRORS = 'https://vercel.com/docs/errors';

type Meaning = Pick<Variant, 'meaning' | 'causes' | 'tellApart' | 'advice' | 'reference'>;

const LOGS = 'The project\'s Runtime Logs in the Vercel dashboard (or "vercel logs <deployment>") show the invocation with the same request ID as the page\'s ID line / the x-vercel-id header.';

const TIMEOUT: Meaning = {
  meaning: 'A Vercel Function (or Edge Function / Middleware) did not finish within its maximum duration, so Vercel ended it and answered 504 itself. Most often the function was waiting on a slow API or database.',
  causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
  tellApart: LOGS,
  advice: { owner: ['Find what the function waits on (an external API, a database query) and time-limit it; raise maxDuration in the function config if the plan allows; Edge Functions must start responding within a short limit.'] },
  reference: `${ERRORS}/FUNCTION_INVOCATION_TIMEOUT`,
};
const FAILED: Meaning = {
  meaning: 'The Vercel Function threw an unhandled error or crashed (e.g. out of memory) while handling the request; Vercel wrote this page.',
  causes: { 'origin-app-error': 1 },
  tellApart: LOGS,
  reference: `${ERRORS}/FUNCTION_INVOCATION_FAILED`,
};
const BAD_RESPONSE: Meaning = {
  meaning: 'The function finished without a valid response: it returned nothing, a body that is not a string or buffer, or a response larger than Vercel allows.',
  causes: { 'origin-invalid-response': 0.7, 'origin-app-error': 0.3 },
  tellApart: LOGS,
  reference: `${ERRORS}/NO_RESPONSE_FROM_FUNCTION`,
};
const INTERNAL: Meaning = {
  meaning: 'An internal Vercel platform error (the code starts with INTERNAL_), not a fault in the deployment.',
  causes: { unknown: 1 },
  advice: { visitor: ['Check https://www.vercel-status.com/ for an incident.'] },
  reference: ERRORS,
};
const EXTERNAL_DNS: Meaning = {
  meaning: 'A rewrite or proxy to an external origin failed because that origin\'s host name did not resolve (or resolved to a private address).',
  causes: { 'origin-unreachable': 0.9, unknown: 0.1 },
  reference: `${ERRORS}/DNS_HOSTNAME_NOT_FOUND`,
};

export default defineGateway({
  id: 'vercel',
  name: 'Vercel',
  kind: 'platform',
  fingerprint: [
    { header: 'x-vercel-id', weight: 0.95, note: 'Vercel\'s request id (edge region :: function region :: id)' },
    { header: 'x-vercel-error', weight: 0.95, note: 'Vercel names its platform error codes in this header' },
    { header: 'x-vercel-cache', weight: 0.9, note: 'Vercel\'s cache status header' },
    { header: 'server', equals: 'vercel', weight: 0.85, note: 'Vercel names itself in the Server header' },
    { text: 'vercel is working correctly', weight: 0.95, note: 'Vercel\'s error page says whether Vercel itself is at fault' },
    { text: 'an error occurred with your deployment', weight: 0.85, note: 'the plain-text form of Vercel\'s error page' },
    { markup: 'function_invocation_timeout', weight: 0.9, note: 'Vercel\'s error code for a function timeout' },
    { markup: 'function_invocation_failed', weight: 0.9, note: 'Vercel\'s error code for a crashed function' },
  ],
  variants: [
    { id: 'vercel-internal-error', title: 'Vercel internal error', when: [{ any: [{ header: 'x-vercel-error', startsWith: 'INTERNAL_' }, { markup: 'internal_function' }, { markup: 'internal_edge_function' }, { markup: 'internal_unexpected_error' }] }], source: 'gateway', ...INTERNAL },
    { id: 'vercel-function-invocation-timeout-function-timed-out', title: 'FUNCTION_INVOCATION_TIMEOUT (function timed out)', when: [{ any: [{ header: 'x-vercel-error', includes: 'INVOCATION_TIMEOUT' }, { markup: 'invocation_timeout' }] }], source: 'gateway', ...TIMEOUT },
    { id: 'vercel-function-invocation-failed-function-crashed', title: 'FUNCTION_INVOCATION_FAILED (function crashed)', when: [{ any: [{ header: 'x-vercel-error', includes: 'INVOCATION_FAILED' }, { markup: 'invocation_failed' }] }], source: 'gateway', ...FAILED },
    { id: 'vercel-no-response-function', title: 'NO_RESPONSE_FROM_FUNCTION', when: [{ any: [{ markup: 'no_response_from_function' }, { header: 'x-vercel-error', equals: 'NO_RESPONSE_FROM_FUNCTION' }] }], source: 'gateway', ...BAD_RESPONSE },
    { id: 'vercel-body-not-string-function', title: 'BODY_NOT_A_STRING_FROM_FUNCTION', when: [{ markup: 'body_not_a_string_from_function' }], source: 'gateway', ...BAD_RESPONSE },
    { id: 'vercel-function-response-payload-too-large', title: 'FUNCTION_RESPONSE_PAYLOAD_TOO_LARGE', when: [{ markup: 'function_response_payload_too_large' }], source: 'gateway', ...BAD_RESPONSE },
    {
      id: 'vercel-function-throttled', title: 'FUNCTION_THROTTLED',
      when: [{ markup: 'function_throttled' }],
      meaning: 'Too many concurrent invocations of this function: Vercel throttled the request.',
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: `${ERRORS}/FUNCTION_THROTTLED`,
    },
    {
      id: 'vercel-deployment-paused', title: 'DEPLOYMENT_PAUSED',
      when: [{ markup: 'deployment_paused' }],
      meaning: 'The project\'s deployment is paused (by its owner, or by Vercel for plan limits), so Vercel serves this error instead.',
      causes: { maintenance: 1 },
      source: 'gateway',
      reference: `${ERRORS}/DEPLOYMENT_PAUSED`,
    },
    { id: 'vercel-dns-hostname-error-external-rewrite-target', title: 'DNS_HOSTNAME error (external rewrite target)', when: [{ any: [{ markup: 'dns_hostname_' }, { header: 'x-vercel-error', startsWith: 'DNS_HOSTNAME_' }] }], source: 'gateway', ...EXTERNAL_DNS },
    {
      id: 'vercel-router-cannot-match', title: 'ROUTER_CANNOT_MATCH',
      when: [{ markup: 'router_cannot_match' }],
      meaning: 'Vercel\'s router could not match the request to any route of the deployment: a routing configuration problem.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ERRORS}/ROUTER_CANNOT_MATCH`,
    },
    {
      id: 'vercel-fallback-body-too-large', title: 'FALLBACK_BODY_TOO_LARGE',
      when: [{ markup: 'fallback_body_too_large' }],
      meaning: 'The cached fallback (e.g. an ISR page) was too large for Vercel to serve.',
      causes: { 'origin-invalid-response': 1 },
      source: 'gateway',
      reference: `${ERRORS}/FALLBACK_BODY_TOO_LARGE`,
    },
    {
      id: 'vercel-infinite-loop-detected', title: 'INFINITE_LOOP_DETECTED',
      when: [{ markup: 'infinite_loop_detected' }],
      meaning: 'The deployment\'s rewrites or middleware send the request round in a loop.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ERRORS}/INFINITE_LOOP_DETECTED`,
    },
    {
      id: 'vercel-deployment-not-found', title: 'DEPLOYMENT_NOT_FOUND',
      when: [{ markup: 'deployment_not_found' }],
      meaning: 'No deployment exists for this host name (deleted, or the domain is not assigned).',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ERRORS}/DEPLOYMENT_NOT_FOUND`,
    },
    {
      id: 'vercel-platform-error', title: 'Vercel platform error',
      when: [{ header: 'x-vercel-error' }],
      meaning: 'Vercel generated this error itself; the x-vercel-error header names the code (see vercel.com/docs/errors).',
      causes: {},
      source: 'gateway',
      tellApart: LOGS,
      reference: ERRORS,
    },
    {
      id: 'vercel-error-passed-deployment', title: 'Error passed on from the deployment',
      when: [{ status: [500, 502, 503, 504] }, { header: 'x-vercel-id' }, { body: 'seen' }],
      fallback: true,
      meaning: 'No Vercel error code: the deployment\'s own code (or an external origin behind a rewrite) answered with this error, and Vercel passed it on.',
      causes: { 'origin-app-error': 0.7, overloaded: 0.15, maintenance: 0.15 },
      source: 'origin',
      tellApart: LOGS,
      reference: ERRORS,
    },
  ],
  advice: {
    visitor: ['The page says whether Vercel itself is working; if it is, only the site\'s owner can fix this.'],
    owner: ['Open Runtime Logs for the deployment and filter by the request ID shown on the page (the x-vercel-id header).'],
  },
  statusPage: 'https://www.vercel-status.com/',
  sources: [ERRORS, `${ERRORS}/FUNCTION_INVOCATION_TIMEOUT`, `${ERRORS}/FUNCTION_INVOCATION_FAILED`, `${ERRORS}/ROUTER_CANNOT_MATCH`, 'https://github.com/vercel/community/discussions/1813'],
});
