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
    { body: 'vercel is working correctly', weight: 0.95, note: 'Vercel\'s error page says whether Vercel itself is at fault' },
    { body: 'an error occurred with your deployment', weight: 0.85, note: 'the plain-text form of Vercel\'s error page' },
    { body: 'function_invocation_timeout', weight: 0.9, note: 'Vercel\'s error code for a function timeout' },
    { body: 'function_invocation_failed', weight: 0.9, note: 'Vercel\'s error code for a crashed function' },
  ],
  variants: [
    { title: 'Vercel internal error', when: [{ header: 'x-vercel-error', startsWith: 'INTERNAL_' }], source: 'gateway', ...INTERNAL },
    { title: 'Vercel internal error', when: [{ body: 'internal_function' }], source: 'gateway', ...INTERNAL },
    { title: 'Vercel internal error', when: [{ body: 'internal_edge_function' }], source: 'gateway', ...INTERNAL },
    { title: 'Vercel internal error', when: [{ body: 'internal_unexpected_error' }], source: 'gateway', ...INTERNAL },
    { title: 'FUNCTION_INVOCATION_TIMEOUT (function timed out)', when: [{ header: 'x-vercel-error', includes: 'INVOCATION_TIMEOUT' }], source: 'gateway', ...TIMEOUT },
    { title: 'FUNCTION_INVOCATION_TIMEOUT (function timed out)', when: [{ body: 'invocation_timeout' }], source: 'gateway', ...TIMEOUT },
    { title: 'FUNCTION_INVOCATION_FAILED (function crashed)', when: [{ header: 'x-vercel-error', includes: 'INVOCATION_FAILED' }], source: 'gateway', ...FAILED },
    { title: 'FUNCTION_INVOCATION_FAILED (function crashed)', when: [{ body: 'invocation_failed' }], source: 'gateway', ...FAILED },
    { title: 'NO_RESPONSE_FROM_FUNCTION', when: [{ body: 'no_response_from_function' }], source: 'gateway', ...BAD_RESPONSE },
    { title: 'NO_RESPONSE_FROM_FUNCTION', when: [{ header: 'x-vercel-error', equals: 'NO_RESPONSE_FROM_FUNCTION' }], source: 'gateway', ...BAD_RESPONSE },
    { title: 'BODY_NOT_A_STRING_FROM_FUNCTION', when: [{ body: 'body_not_a_string_from_function' }], source: 'gateway', ...BAD_RESPONSE },
    { title: 'FUNCTION_RESPONSE_PAYLOAD_TOO_LARGE', when: [{ body: 'function_response_payload_too_large' }], source: 'gateway', ...BAD_RESPONSE },
    {
      title: 'FUNCTION_THROTTLED',
      when: [{ body: 'function_throttled' }],
      meaning: 'Too many concurrent invocations of this function: Vercel throttled the request.',
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: `${ERRORS}/FUNCTION_THROTTLED`,
    },
    {
      title: 'DEPLOYMENT_PAUSED',
      when: [{ body: 'deployment_paused' }],
      meaning: 'The project\'s deployment is paused (by its owner, or by Vercel for plan limits), so Vercel serves this error instead.',
      causes: { maintenance: 1 },
      source: 'gateway',
      reference: `${ERRORS}/DEPLOYMENT_PAUSED`,
    },
    { title: 'DNS_HOSTNAME error (external rewrite target)', when: [{ body: 'dns_hostname_' }], source: 'gateway', ...EXTERNAL_DNS },
    { title: 'DNS_HOSTNAME error (external rewrite target)', when: [{ header: 'x-vercel-error', startsWith: 'DNS_HOSTNAME_' }], source: 'gateway', ...EXTERNAL_DNS },
    {
      title: 'ROUTER_CANNOT_MATCH',
      when: [{ body: 'router_cannot_match' }],
      meaning: 'Vercel\'s router could not match the request to any route of the deployment: a routing configuration problem.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ERRORS}/ROUTER_CANNOT_MATCH`,
    },
    {
      title: 'FALLBACK_BODY_TOO_LARGE',
      when: [{ body: 'fallback_body_too_large' }],
      meaning: 'The cached fallback (e.g. an ISR page) was too large for Vercel to serve.',
      causes: { 'origin-invalid-response': 1 },
      source: 'gateway',
      reference: `${ERRORS}/FALLBACK_BODY_TOO_LARGE`,
    },
    {
      title: 'INFINITE_LOOP_DETECTED',
      when: [{ body: 'infinite_loop_detected' }],
      meaning: 'The deployment\'s rewrites or middleware send the request round in a loop.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ERRORS}/INFINITE_LOOP_DETECTED`,
    },
    {
      title: 'DEPLOYMENT_NOT_FOUND',
      when: [{ body: 'deployment_not_found' }],
      meaning: 'No deployment exists for this host name (deleted, or the domain is not assigned).',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${ERRORS}/DEPLOYMENT_NOT_FOUND`,
    },
    {
      title: 'Vercel platform error',
      when: [{ header: 'x-vercel-error' }],
      meaning: 'Vercel generated this error itself; the x-vercel-error header names the code (see vercel.com/docs/errors).',
      causes: {},
      source: 'gateway',
      tellApart: LOGS,
      reference: ERRORS,
    },
    {
      title: 'Error passed on from the deployment',
      when: [
        { status: [500, 502, 503, 504] },
        { header: 'x-vercel-id' },
        { header: 'x-vercel-error', absent: true },
        { notBody: 'vercel is working correctly' },
        { notBody: 'an error occurred with your deployment' },
      ],
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
