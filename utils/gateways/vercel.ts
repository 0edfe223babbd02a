// Vercel: every error it writes itself names a code from its documented list (FUNCTION_INVOCATION_TIMEOUT, …) on the page and in x-vercel-error.
import { defineGateway, type DocumentedError, type Signal, type Variant } from './types';

// The documented list of error codes with their statuses (read 2026; the list's tail as transcribed, see below).
const ERRORS = 'https://vercel.com/docs/errors';
const page = (code: string) => `${ERRORS}/${code}`;
// `vercel dev` writes the same pages as production; its source shows their three forms (plain text, JSON, HTML).
const CLI = 'https://github.com/vercel/vercel/blob/17d9ebaf8e9b335d550dea1a243743a74edc772e/packages/cli/src/util/dev';
const PLAIN_TEXT_FORM = `${CLI}/server.ts#L1584-L1586`; // "<title>\n\n<CODE>\n"
const HTML_FORM = `${CLI}/templates/error.jst#L1-L19`; // "<status>: <NAME>", "Code: <CODE>", "ID: <x-vercel-id>"
const PAGE_TITLES = `${CLI}/errors.ts#L1-L46`; // the plain-text first line per status
const DEV_HEADERS = `${CLI}/server.ts#L1642-L1648`; // Server: Vercel, x-vercel-id, x-vercel-cache on every answer
const RESPONSE_HEADERS = 'https://vercel.com/docs/headers/response-headers';
const REGIONS = 'https://vercel.com/docs/regions';

const LOGS =
  'The deployment\'s Runtime Logs in the Vercel dashboard (or "vercel logs <deployment>") show this invocation under the request ID the page prints on its ID line (the x-vercel-id header).';

/** What a group of codes means; each code below takes one. */
type Meaning = Pick<Variant, 'meaning' | 'causes' | 'source' | 'tellApart' | 'advice'>;

// Causes in the words of each code's documentation (the list's description column and the per-code pages).
const TIMED_OUT: Meaning = {
  meaning:
    'A Vercel Function (or Edge Function, or Routing Middleware) ran past its maximum duration, so Vercel stopped it and answered itself. The docs name a slow network call the function waited on, an error inside it, or its environment.',
  causes: { 'origin-timeout': 0.9, 'origin-app-error': 0.1 },
  source: 'gateway',
  tellApart: LOGS,
  advice: {
    owner: [
      "Find what the function waits on (an external API, a database query) and give it a time limit; raise maxDuration in the function's configuration if the plan allows; an Edge Function must begin its response within its limit.",
    ],
  },
};
const CRASHED: Meaning = {
  meaning:
    'The function threw an unhandled error or its process exited (out of memory, for example) while handling the request; Vercel wrote this page in its place.',
  causes: { 'origin-app-error': 1 },
  source: 'gateway',
  tellApart: LOGS,
};
const NO_RESPONSE: Meaning = {
  meaning: "The function ended without returning a valid response: it crashed before answering, returned nothing, or never called the response's end.",
  causes: { 'origin-app-error': 0.6, 'origin-invalid-response': 0.4 },
  source: 'gateway',
  tellApart: LOGS,
};
const BAD_RESPONSE: Meaning = {
  meaning:
    "The function (or the cached fallback page) produced a response Vercel will not serve: a body that is not a string or buffer, or one larger than Vercel's limit (4.5 MB for a function's response).",
  causes: { 'origin-invalid-response': 0.9, 'origin-app-error': 0.1 },
  source: 'gateway',
  tellApart: LOGS,
};
const THROTTLED: Meaning = {
  meaning: "Vercel throttled the function: too many invocations ran at once for the account's concurrency.",
  causes: { overloaded: 1 },
  source: 'gateway',
};
const SWITCHED_OFF: Meaning = {
  meaning: "The deployment is paused or disabled (by its owner, or by Vercel when the plan's limits or payment require it), so Vercel answers for it.",
  causes: { maintenance: 1 },
  source: 'gateway',
  advice: { visitor: ['The site is switched off by its owner or its plan; retrying will not help until it is resumed.'] },
};
const NO_DEPLOYMENT: Meaning = {
  meaning: 'Vercel has no usable deployment for this address: it was deleted, blocked, never assigned to this domain, or the path matches nothing in it.',
  causes: { unknown: 1 },
  source: 'gateway',
};
const EXTERNAL_UNREACHABLE: Meaning = {
  meaning:
    'A rewrite or proxy to an external origin (or a sandbox, or a remote image) could not be reached: its host name did not resolve, or nothing accepted the connection.',
  causes: { 'origin-unreachable': 1 },
  source: 'gateway',
};
const EXTERNAL_HANDSHAKE: Meaning = {
  meaning:
    'Vercel could not establish the connection to the external target of a rewrite: the TLS handshake or the connection itself did not complete in time (rewrites to external origins wait at most 120 s).',
  causes: { 'origin-tls': 0.6, 'origin-unreachable': 0.4 },
  source: 'gateway',
};
const EXTERNAL_BAD: Meaning = {
  meaning: 'The external origin behind a rewrite (or a remote image) answered with something Vercel could not use.',
  causes: { 'origin-invalid-response': 0.7, 'origin-reset': 0.3 },
  source: 'gateway',
};
const MISCONFIGURED: Meaning = {
  meaning:
    "The deployment's routing configuration cannot be followed: no route matches, rewrites or middleware loop, a private address as a target, or too many branches; Vercel stops the request itself.",
  causes: { unknown: 1 },
  source: 'gateway',
  advice: { owner: ["Check the project's rewrites, redirects and middleware (vercel.json, next.config) for the path that failed."] },
};
const REJECTED: Meaning = {
  meaning: 'Vercel rejected the request itself before any function ran: its size, method, headers, URL or Range header are outside what Vercel accepts.',
  causes: { unknown: 1 },
  source: 'gateway',
};
const PLATFORM: Meaning = {
  meaning: "An internal Vercel platform error (a code starting INTERNAL_): Vercel's docs ask to contact its support rather than change the deployment.",
  causes: { unknown: 1 },
  source: 'gateway',
  advice: { visitor: ['Check https://www.vercel-status.com/ for an incident.'] },
};
const PLATFORM_TIMEOUT: Meaning = {
  ...TIMED_OUT,
  meaning:
    "An internal Vercel error reported as a function timing out: its doc page describes it as a function running past its allowed time, as FUNCTION_INVOCATION_TIMEOUT does, though it is one of the platform's own codes.",
  causes: { 'origin-timeout': 0.6, unknown: 0.4 },
};

/**
 * Every code on Vercel's list, with its documented status. Codes marked `generic` are words other software uses too
 * (NOT_FOUND): they explain a response already known to be Vercel's but do not name Vercel on their own. `id` keeps
 * the id a variant had before this list was written. Rows from ROUTER_CANNOT_MATCH on (and the INTERNAL_ statuses)
 * come from a transcription of the page that matches every row read directly.
 */
interface Code {
  code: string;
  status: number;
  means: Meaning;
  generic?: true;
  id?: string;
  reference?: string;
}
const CODES: readonly Code[] = [
  {
    code: 'FUNCTION_INVOCATION_TIMEOUT',
    status: 504,
    means: TIMED_OUT,
    id: 'function-invocation-timeout-function-timed-out',
    reference: page('FUNCTION_INVOCATION_TIMEOUT'),
  },
  { code: 'EDGE_FUNCTION_INVOCATION_TIMEOUT', status: 504, means: TIMED_OUT },
  { code: 'MIDDLEWARE_INVOCATION_TIMEOUT', status: 504, means: TIMED_OUT },
  { code: 'FUNCTION_INVOCATION_FAILED', status: 500, means: CRASHED, id: 'function-invocation-failed-function-crashed' },
  { code: 'EDGE_FUNCTION_INVOCATION_FAILED', status: 500, means: CRASHED },
  { code: 'MIDDLEWARE_INVOCATION_FAILED', status: 500, means: CRASHED },
  { code: 'MICROFRONTENDS_MIDDLEWARE_ERROR', status: 500, means: CRASHED },
  { code: 'NO_RESPONSE_FROM_FUNCTION', status: 502, means: NO_RESPONSE, id: 'no-response-function' },
  { code: 'BODY_NOT_A_STRING_FROM_FUNCTION', status: 502, means: BAD_RESPONSE, id: 'body-not-string-function' },
  {
    code: 'FUNCTION_RESPONSE_PAYLOAD_TOO_LARGE',
    status: 500,
    means: BAD_RESPONSE,
    id: 'function-response-payload-too-large',
    reference: page('FUNCTION_RESPONSE_PAYLOAD_TOO_LARGE'),
  },
  { code: 'FALLBACK_BODY_TOO_LARGE', status: 502, means: BAD_RESPONSE, id: 'fallback-body-too-large' },
  { code: 'FUNCTION_THROTTLED', status: 503, means: THROTTLED, id: 'function-throttled' },
  { code: 'DEPLOYMENT_PAUSED', status: 503, means: SWITCHED_OFF, id: 'deployment-paused' },
  { code: 'DEPLOYMENT_DISABLED', status: 402, means: SWITCHED_OFF },
  { code: 'DEPLOYMENT_BLOCKED', status: 403, means: NO_DEPLOYMENT },
  { code: 'DEPLOYMENT_DELETED', status: 410, means: NO_DEPLOYMENT },
  { code: 'DEPLOYMENT_NOT_FOUND', status: 404, means: NO_DEPLOYMENT, id: 'deployment-not-found' },
  { code: 'NOT_FOUND', status: 404, means: NO_DEPLOYMENT, generic: true },
  { code: 'RESOURCE_NOT_FOUND', status: 404, means: NO_DEPLOYMENT, generic: true },
  { code: 'SANDBOX_NOT_FOUND', status: 404, means: NO_DEPLOYMENT },
  { code: 'SANDBOX_STOPPED', status: 410, means: SWITCHED_OFF },
  { code: 'DNS_HOSTNAME_NOT_FOUND', status: 502, means: EXTERNAL_UNREACHABLE, id: 'dns-hostname-error-external-rewrite-target' },
  { code: 'DNS_HOSTNAME_EMPTY', status: 502, means: EXTERNAL_UNREACHABLE },
  { code: 'DNS_HOSTNAME_RESOLVE_FAILED', status: 502, means: EXTERNAL_UNREACHABLE },
  { code: 'DNS_HOSTNAME_SERVER_ERROR', status: 502, means: EXTERNAL_UNREACHABLE },
  { code: 'ROUTER_EXTERNAL_TARGET_CONNECTION_ERROR', status: 502, means: EXTERNAL_UNREACHABLE },
  { code: 'SANDBOX_NOT_LISTENING', status: 502, means: EXTERNAL_UNREACHABLE },
  { code: 'OPTIMIZED_EXTERNAL_IMAGE_REQUEST_FAILED', status: 502, means: EXTERNAL_UNREACHABLE },
  { code: 'ROUTER_EXTERNAL_TARGET_HANDSHAKE_ERROR', status: 502, means: EXTERNAL_HANDSHAKE, reference: page('ROUTER_EXTERNAL_TARGET_HANDSHAKE_ERROR') },
  { code: 'ROUTER_EXTERNAL_TARGET_ERROR', status: 502, means: EXTERNAL_BAD },
  { code: 'OPTIMIZED_EXTERNAL_IMAGE_REQUEST_INVALID', status: 502, means: EXTERNAL_BAD },
  { code: 'OPTIMIZED_EXTERNAL_IMAGE_TOO_MANY_REDIRECTS', status: 502, means: EXTERNAL_BAD },
  { code: 'OPTIMIZED_EXTERNAL_IMAGE_REQUEST_UNAUTHORIZED', status: 502, means: REJECTED },
  { code: 'ROUTER_CANNOT_MATCH', status: 502, means: MISCONFIGURED, id: 'router-cannot-match' },
  { code: 'ROUTER_TOO_MANY_HAS_SELECTIONS', status: 502, means: MISCONFIGURED },
  { code: 'TOO_MANY_FILESYSTEM_CHECKS', status: 502, means: MISCONFIGURED },
  { code: 'TOO_MANY_FORKS', status: 502, means: MISCONFIGURED },
  { code: 'INFINITE_LOOP_DETECTED', status: 508, means: MISCONFIGURED, id: 'infinite-loop-detected' },
  { code: 'MIDDLEWARE_RUNTIME_DEPRECATED', status: 503, means: MISCONFIGURED },
  { code: 'MICROFRONTENDS_MISSING_FALLBACK_ERROR', status: 400, means: MISCONFIGURED },
  { code: 'DNS_HOSTNAME_RESOLVED_PRIVATE', status: 404, means: MISCONFIGURED },
  { code: 'FUNCTION_PAYLOAD_TOO_LARGE', status: 413, means: REJECTED, reference: page('FUNCTION_PAYLOAD_TOO_LARGE') },
  { code: 'INVALID_IMAGE_OPTIMIZE_REQUEST', status: 400, means: REJECTED },
  { code: 'INVALID_REQUEST_METHOD', status: 405, means: REJECTED, generic: true },
  { code: 'MALFORMED_REQUEST_HEADER', status: 400, means: REJECTED, generic: true },
  { code: 'REQUEST_HEADER_TOO_LARGE', status: 431, means: REJECTED, generic: true, reference: page('REQUEST_HEADER_TOO_LARGE') },
  { code: 'URL_TOO_LONG', status: 414, means: REJECTED, generic: true },
  { code: 'TOO_MANY_RANGES', status: 416, means: REJECTED, generic: true, reference: page('TOO_MANY_RANGES') },
  { code: 'RANGE_END_NOT_VALID', status: 416, means: REJECTED, generic: true },
  { code: 'RANGE_GROUP_NOT_VALID', status: 416, means: REJECTED, generic: true },
  { code: 'RANGE_MISSING_UNIT', status: 416, means: REJECTED, generic: true },
  { code: 'RANGE_START_NOT_VALID', status: 416, means: REJECTED, generic: true },
  { code: 'RANGE_UNIT_NOT_SUPPORTED', status: 416, means: REJECTED, generic: true },
  { code: 'INTERNAL_FUNCTION_INVOCATION_TIMEOUT', status: 504, means: PLATFORM_TIMEOUT, reference: page('INTERNAL_FUNCTION_INVOCATION_TIMEOUT') },
  { code: 'INTERNAL_EDGE_FUNCTION_INVOCATION_TIMEOUT', status: 500, means: PLATFORM_TIMEOUT },
  ...[
    'INTERNAL_CACHE_ERROR',
    'INTERNAL_CACHE_KEY_TOO_LONG',
    'INTERNAL_CACHE_LOCK_FULL',
    'INTERNAL_CACHE_LOCK_TIMEOUT',
    'INTERNAL_DEPLOYMENT_FETCH_FAILED',
    'INTERNAL_EDGE_FUNCTION_INVOCATION_FAILED',
    'INTERNAL_FUNCTION_INVOCATION_FAILED',
    'INTERNAL_FUNCTION_NOT_FOUND',
    'INTERNAL_FUNCTION_NOT_READY',
    'INTERNAL_FUNCTION_SERVICE_UNAVAILABLE',
    'INTERNAL_MICROFRONTENDS_BUILD_ERROR',
    'INTERNAL_MICROFRONTENDS_INVALID_CONFIGURATION_ERROR',
    'INTERNAL_MICROFRONTENDS_UNEXPECTED_ERROR',
    'INTERNAL_MISSING_RESPONSE_FROM_CACHE',
    'INTERNAL_OPTIMIZED_IMAGE_REQUEST_FAILED',
    'INTERNAL_ROUTER_CANNOT_PARSE_PATH',
    'INTERNAL_STATIC_REQUEST_FAILED',
    'INTERNAL_UNARCHIVE_FAILED',
    'INTERNAL_UNEXPECTED_ERROR',
  ].map((code) => ({ code, status: 500, means: PLATFORM })),
];

// The first line of the plain-text page per status, as `vercel dev` writes it (errors.ts): what an example body shows.
const PLAIN_TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  402: 'Payment required',
  403: "You don't have the required permissions",
  404: 'The page could not be found.',
  405: 'Method not allowed',
  410: 'The deployment has been removed',
  413: 'Request Entity Too Large',
  500: 'A server error has occurred',
  502: 'An error occurred with this application.',
  503: 'The deployment is currently unavailable',
  504: 'An error occurred with your deployment',
  508: 'Infinite loop detected',
};
const EXAMPLE_ID = 'iad1::abcde-1700000000000-0123456789ab';

const variantId = ({ code, id }: Code) => `vercel-${id ?? code.toLowerCase().replaceAll('_', '-')}`;

// One variant per code: the page names it ("Code: FUNCTION_INVOCATION_TIMEOUT", or the code alone in the plain-text
// form) and the x-vercel-error header carries it.
const codeVariants: Variant[] = CODES.map((entry) => ({
  id: variantId(entry),
  title: `${entry.code} (${entry.status})`,
  when: [{ any: [{ header: 'x-vercel-error', equals: entry.code }, { text: entry.code }] }],
  ...entry.means,
  reference: entry.reference ?? ERRORS,
}));

const documented: DocumentedError[] = [
  ...CODES.map((entry) => ({
    name: `${entry.code} (${entry.status})`,
    reference: entry.reference ?? ERRORS,
    variant: variantId(entry),
    example: {
      status: entry.status,
      body: `${PLAIN_TITLES[entry.status] ?? 'Error occurred'}\n\n${entry.code}\n`,
      // A generic code names no vendor: the example carries the header every Vercel answer has.
      ...(entry.generic && { headers: { 'x-vercel-id': EXAMPLE_ID } }),
    },
  })),
  { name: 'DEPLOYMENT_NOT_READY_REDIRECTING (303)', reference: ERRORS },
];

// Vercel's compute regions (the docs' list): the request ID on the page and in x-vercel-id starts "<region>::"
// (or "<edge region>:<function region>::").
const REGION_CODES = [
  'arn1',
  'bom1',
  'cdg1',
  'cle1',
  'cpt1',
  'dub1',
  'fra1',
  'gru1',
  'hkg1',
  'hnd1',
  'iad1',
  'icn1',
  'kix1',
  'lhr1',
  'pdx1',
  'sfo1',
  'sin1',
  'syd1',
  'yul1',
];

const fingerprint: Signal[] = [
  { header: 'x-vercel-id', weight: 0.95, note: "Vercel's request ID (edge region, function region, id), on every response" },
  { header: 'x-vercel-cache', weight: 0.9, note: "Vercel's cache status header" },
  { header: 'server', equals: 'vercel', weight: 0.85, note: 'Vercel names itself in the Server header' },
  // Seen on Vercel's own errors; the response-headers doc does not list it.
  { header: 'x-vercel-error', weight: 0.95, note: 'Vercel names the error code of an error it wrote itself' },
  ...CODES.filter((entry) => !entry.generic).map((entry) => ({ text: entry.code, weight: 0.9, note: `Vercel's error code ${entry.code}` })),
  { text: 'this serverless function has crashed', weight: 0.85, note: "Vercel's page for a crashed function" },
  { text: 'this edge function has crashed', weight: 0.85, note: "Vercel's page for a crashed Edge Function" },
  { text: 'an error occurred with your deployment', weight: 0.7, note: "the first line of Vercel's plain-text 504 page" },
  { text: 'the deployment is currently unavailable', weight: 0.6, note: "the first line of Vercel's plain-text 503 page" },
  { text: 'an error occurred with this application', weight: 0.45, note: "the first line of Vercel's plain-text 502 page (the wording is not Vercel's alone)" },
  ...REGION_CODES.map((region) => ({ text: `${region}::`, weight: 0.8, note: `a Vercel request ID from region ${region}, as its error page prints it` })),
];

// What Vercel's own errors of each status are, by its list, when only the status and headers are known.
const headersOnly = (status: number, meaning: string, causes: Variant['causes'], source: Variant['source']): Variant => ({
  id: `vercel-${status}-no-body`,
  title: `${status} from Vercel (its body not seen)`,
  when: [{ status }, { body: 'unseen' }, { header: 'x-vercel-error', absent: true }],
  meaning,
  causes,
  source,
  tellApart: `${LOGS} The x-vercel-error header, when present, names the code.`,
  reference: ERRORS,
});

export default defineGateway({
  id: 'vercel',
  name: 'Vercel',
  kind: 'platform',
  fingerprint,
  variants: [
    ...codeVariants,
    {
      id: 'vercel-platform-error',
      title: 'Vercel platform error',
      when: [{ header: 'x-vercel-error' }],
      meaning: 'Vercel generated this error itself; the x-vercel-error header names a code Gatewhy does not know yet (see vercel.com/docs/errors).',
      causes: {},
      source: 'gateway',
      tellApart: LOGS,
      reference: ERRORS,
    },
    // Every 504 code on the list is a timeout; the other statuses mix the function's own failures, external origins
    // behind rewrites, and the deployment's own error pages that Vercel relays.
    headersOnly(
      504,
      "Vercel's 504 codes all mean a timeout: a function, Edge Function or middleware ran past its maximum duration (or the deployment itself answered 504).",
      { 'origin-timeout': 0.85, 'origin-app-error': 0.15 },
      'gateway',
    ),
    headersOnly(
      502,
      "Vercel's 502 codes mean a function that ended without a valid response, an external origin behind a rewrite that could not be reached or answered badly, or a routing configuration that cannot be followed.",
      { 'origin-unreachable': 0.35, 'origin-app-error': 0.3, 'origin-invalid-response': 0.25, 'origin-tls': 0.1 },
      'gateway',
    ),
    headersOnly(
      500,
      "A 500 through Vercel is a crashed function (FUNCTION_INVOCATION_FAILED and its kin), an internal Vercel error, or the deployment's own error page: all but the second are the application's fault.",
      { 'origin-app-error': 0.85, unknown: 0.15 },
      'unknown',
    ),
    headersOnly(
      503,
      'Vercel answers 503 for a throttled function (FUNCTION_THROTTLED) or a paused deployment (DEPLOYMENT_PAUSED); the deployment may also have answered 503 itself.',
      { overloaded: 0.45, maintenance: 0.4, unknown: 0.15 },
      'unknown',
    ),
    {
      id: 'vercel-error-passed-deployment',
      title: 'Error passed on from the deployment',
      when: [{ status: [500, 502, 503, 504] }, { header: 'x-vercel-id' }, { body: 'seen' }],
      fallback: true,
      meaning:
        "The page names no Vercel error code: the deployment's own code (or an external origin behind a rewrite) answered with this error, and Vercel passed it on.",
      causes: { 'origin-app-error': 0.7, overloaded: 0.15, maintenance: 0.15 },
      source: 'origin',
      tellApart: LOGS,
      reference: ERRORS,
    },
  ],
  advice: {
    visitor: ["Vercel's own error pages name a code; if it is not an INTERNAL_ one, only the site's owner can fix it."],
    owner: ['Open Runtime Logs for the deployment and filter by the request ID shown on the page (the x-vercel-id header).'],
  },
  bodyTells:
    'Vercel\'s error page names its code ("Code: FUNCTION_INVOCATION_TIMEOUT", NO_RESPONSE_FROM_FUNCTION, DEPLOYMENT_PAUSED…), which says exactly what failed; a page without one is the deployment\'s own.',
  documented,
  statusPage: 'https://www.vercel-status.com/',
  sources: [ERRORS, PLAIN_TEXT_FORM, HTML_FORM, PAGE_TITLES, DEV_HEADERS, RESPONSE_HEADERS, REGIONS],
});
