// Netlify: its own marks are its headers and its "This function has crashed" page; a function's error object is Lambda's, read only behind Netlify's headers.
import { defineGateway, type DocumentedError } from './types';

// Netlify's edge is closed source; `netlify dev` emulates it, and its source shows the headers and pages Netlify writes.
const CLI = 'https://github.com/netlify/cli/blob/88ece2915554fbb121d69143fa4799b7559d2cdd/src';
const SERVER_HEADERS = `${CLI}/utils/proxy.ts#L594-L599`; // server: Netlify, x-nf-request-id copied onto every response
const REQUEST_ID = `${CLI}/utils/headers.ts#L54`;
const EDGE_UNCAUGHT = `${CLI}/utils/proxy.ts#L740-L755`; // x-nf-uncaught-error: an Edge Function threw
const FUNCTION_ERROR = `${CLI}/lib/functions/synchronous.ts#L150-L167`; // the crash page, or "<errorType>: <errorMessage>" as text
const FUNCTION_VALIDATION = `${CLI}/lib/functions/synchronous.ts#L170-L190`; // a function's return value that is no response
const CRASH_PAGE =
  'https://github.com/netlify/primitives/blob/e5050be1c4c3ece22a4fea2a7027887da13afbef/packages/dev-utils/src/templates/function-error.html#L180-L222';
const FUNCTIONS_OVERVIEW = 'https://docs.netlify.com/build/functions/overview/';
const FUNCTIONS_CONFIG = 'https://docs.netlify.com/build/functions/configuration/';
const PROXIES = 'https://docs.netlify.com/routing/redirects/rewrites-proxies/';

const LOGS =
  "The function's log in the Netlify dashboard (Logs → Functions, or Edge Functions) has the invocation with its duration and error; quote the x-nf-request-id header to Netlify support.";

// The crash page's sentence, the same for Functions and Edge Functions (its heading says which: "This function has
// crashed" / "This edge function has crashed").
const CRASH_SENTENCE = 'an unhandled error in the function code triggered the following message';
const CRASH_PAGE_EXAMPLE =
  '<!DOCTYPE html><html><head><title>Invocation failed</title></head><body class="netlify-function-error-page"><h1>This function has crashed</h1><p>An unhandled error in the function code triggered the following message:</p><pre>TypeError - Cannot read properties of undefined</pre></body></html>';

// What `netlify dev` answers when a function returns something that is not a response (synchronous.ts).
const INVALID_RETURN_TEXTS = [
  'your function response must have a numerical statuscode',
  'your function response must have a string or a stream body',
  'lambda response was undefined. check your function code again',
  'no lambda response. check your function code again',
];

const NETLIFY_HEADERS = { server: 'Netlify', 'x-nf-request-id': '01HV8Z3T6W9J5R2K4M7N0P1Q2R' };

const documented: DocumentedError[] = [
  {
    name: 'This function has crashed (Invocation failed page)',
    reference: CRASH_PAGE,
    variant: 'netlify-function-crashed-page',
    example: { status: 500, body: CRASH_PAGE_EXAMPLE },
  },
  {
    name: 'This edge function has crashed (Invocation failed page)',
    reference: CRASH_PAGE,
    variant: 'netlify-function-crashed-page',
    example: { status: 500, body: CRASH_PAGE_EXAMPLE.replace('This function', 'This edge function') },
  },
  {
    name: 'x-nf-uncaught-error (an Edge Function threw)',
    reference: EDGE_UNCAUGHT,
    variant: 'netlify-edge-function-uncaught-error',
    example: { status: 500, headers: { ...NETLIFY_HEADERS, 'x-nf-uncaught-error': '1' } },
  },
  ...INVALID_RETURN_TEXTS.map((text) => ({
    name: text,
    reference: FUNCTION_VALIDATION,
    variant: 'netlify-function-invalid-response',
    example: { status: 500, headers: NETLIFY_HEADERS, body: `${text[0]!.toUpperCase()}${text.slice(1)}.` },
  })),
  // Lambda's own error object, passed on by Netlify: its texts are Lambda's, so only Netlify's headers name Netlify.
  {
    name: 'Function timed out (the runtime\'s "Task timed out after N seconds")',
    reference: FUNCTIONS_CONFIG,
    variant: 'netlify-function-timed-out-task-timed-out',
    example: { status: 502, headers: NETLIFY_HEADERS, body: '{"errorMessage":"Task timed out after 10.01 seconds"}' },
  },
  {
    name: 'Function error object (errorType / errorMessage)',
    reference: FUNCTION_ERROR,
    variant: 'netlify-function-error-errortype-errormessage',
    example: { status: 502, headers: NETLIFY_HEADERS, body: '{"errorType":"Runtime.ImportModuleError","errorMessage":"Error: Cannot find module \'x\'"}' },
  },
];

export default defineGateway({
  id: 'netlify',
  name: 'Netlify',
  kind: 'platform',
  fingerprint: [
    { header: 'x-nf-request-id', weight: 0.95, note: "Netlify's request id, on every response, the one Netlify support asks for" }, // SERVER_HEADERS
    { header: 'server', equals: 'netlify', weight: 0.85, note: 'Netlify names itself in the Server header' },
    {
      header: 'cache-status',
      includes: 'netlify',
      weight: 0.9,
      note: 'Netlify\'s cache layers name themselves in Cache-Status ("Netlify Edge", "Netlify Durable")',
    },
    { header: 'x-nf-uncaught-error', weight: 0.95, note: 'Netlify marks a response whose Edge Function threw' },
    { markup: 'netlify-function-error-page', weight: 0.95, note: "the class of Netlify's function crash page" },
    { text: CRASH_SENTENCE, weight: 0.85, note: "the sentence of Netlify's function crash page" },
    ...INVALID_RETURN_TEXTS.map((text) => ({ text, weight: 0.6, note: "Netlify's message for a function that returned no valid response" })),
  ],
  variants: [
    {
      id: 'netlify-function-crashed-page',
      title: 'This function has crashed',
      when: [{ any: [{ markup: 'netlify-function-error-page' }, { text: CRASH_SENTENCE }] }],
      meaning: "A Netlify Function (or Edge Function) threw an unhandled error; Netlify wrote this page with the error's type, message and stack trace.",
      causes: { 'origin-app-error': 1 },
      source: 'gateway',
      tellApart: LOGS,
      reference: CRASH_PAGE,
    },
    {
      id: 'netlify-edge-function-uncaught-error',
      title: 'Edge Function crashed (x-nf-uncaught-error)',
      when: [{ header: 'x-nf-uncaught-error' }],
      meaning: 'An Edge Function threw an unhandled error, and Netlify answered in its place.',
      causes: { 'origin-app-error': 1 },
      source: 'gateway',
      tellApart: LOGS,
      reference: EDGE_UNCAUGHT,
    },
    {
      id: 'netlify-function-invalid-response',
      title: 'Function returned no valid response',
      when: [{ any: INVALID_RETURN_TEXTS.map((text) => ({ text })) }],
      meaning:
        'The function finished without returning a usable response (no numeric statusCode, a body that is not a string or stream, or nothing at all), so Netlify answered 500 itself.',
      causes: { 'origin-invalid-response': 0.7, 'origin-app-error': 0.3 },
      source: 'gateway',
      tellApart: LOGS,
      reference: FUNCTION_VALIDATION,
    },
    // Netlify's classic Functions run on AWS Lambda and pass on the runtime's error object. Its texts are Lambda's
    // (aws-api-gateway.ts reads them behind API Gateway), so they count only with Netlify's own header.
    {
      id: 'netlify-function-timed-out-task-timed-out',
      title: 'Function timed out (Task timed out after … seconds)',
      when: [{ header: 'x-nf-request-id' }, { text: 'task timed out after' }],
      meaning:
        "A Netlify Function ran past its execution limit (60 s for synchronous functions today; 10 s on older sites), the runtime stopped it, and Netlify passed on the runtime's error object. The function was usually waiting on a slow API or database.",
      causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
      source: 'gateway',
      tellApart: LOGS,
      advice: { owner: ['Find what the function waits on and time-limit it, or move the work to a background function (15 min limit).'] },
      reference: FUNCTIONS_CONFIG,
    },
    {
      id: 'netlify-function-error-errortype-errormessage',
      title: 'Function error (errorType / errorMessage)',
      when: [{ header: 'x-nf-request-id' }, { any: [{ markup: '"errortype"' }, { markup: '"errormessage"' }] }],
      meaning:
        "A Netlify Function failed to load or threw an unhandled error, and Netlify passed on the runtime's error object (errorType names it: Runtime.ImportModuleError is a missing module, Runtime.UserCodeSyntaxError a syntax error).",
      causes: { 'origin-app-error': 1 },
      source: 'gateway',
      tellApart: LOGS,
      reference: FUNCTION_ERROR,
    },
    {
      id: 'netlify-unavailable-announced-site-retry-after',
      title: 'Unavailable, as announced by the site (Retry-After)',
      when: [{ status: 503 }, { header: 'x-nf-request-id' }, { header: 'retry-after' }],
      meaning:
        'The function or the proxied origin answered 503 with Retry-After, which a server sends when it knows it is down for a while. Netlify passed it on.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    // Headers only: a function's failure reaches the browser as 502 (a timeout or a load error) or 500 (a crash); a
    // 503 or 504 is a proxied origin's or the function's own status.
    {
      id: 'netlify-502-no-body',
      title: '502 from Netlify (its body not seen)',
      when: [{ status: 502 }, { body: 'unseen' }],
      meaning:
        'A 502 from Netlify is most often a function that timed out or failed to load; less often an external origin behind a proxy rewrite that could not be reached.',
      causes: { 'origin-timeout': 0.45, 'origin-app-error': 0.4, 'origin-unreachable': 0.15 },
      source: 'gateway',
      tellApart: LOGS,
      reference: FUNCTIONS_OVERVIEW,
    },
    {
      id: 'netlify-500-no-body',
      title: '500 through Netlify (its body not seen)',
      when: [{ status: 500 }, { body: 'unseen' }],
      meaning: "A 500 through Netlify is a function or Edge Function that crashed (Netlify's crash page), or the function's own 500 answer.",
      causes: { 'origin-app-error': 0.9, 'origin-invalid-response': 0.1 },
      source: 'unknown',
      tellApart: LOGS,
      reference: FUNCTION_ERROR,
    },
    {
      id: 'netlify-504-no-body',
      title: '504 through Netlify (its body not seen)',
      when: [{ status: 504 }, { body: 'unseen' }],
      meaning:
        "Netlify's own function failures are 500s and 502s; a 504 is most often a proxied origin (a redirect rule with status 200 to another host) that did not answer in time, or a function that chose the status.",
      causes: { 'origin-timeout': 0.8, 'origin-unreachable': 0.2 },
      source: 'unknown',
      tellApart: LOGS,
      reference: PROXIES,
    },
    {
      id: 'netlify-error-passed-function-proxied-origin',
      title: 'Error passed on from a function or proxied origin',
      when: [{ status: [500, 502, 503, 504] }, { header: 'x-nf-request-id' }, { body: 'seen' }],
      fallback: true,
      meaning:
        "No Netlify page or function error object: a function returned this status itself, or a proxy rewrite (a redirect rule with status 200 to another host) relayed the origin's error.",
      causes: { 'origin-app-error': 0.6, 'origin-unreachable': 0.2, 'origin-timeout': 0.2 },
      source: 'origin',
      tellApart: LOGS,
      reference: PROXIES,
    },
  ],
  advice: {
    visitor: [],
    owner: ["Function errors and durations are in the Netlify dashboard's function logs; the x-nf-request-id header identifies the request."],
  },
  bodyTells:
    'Netlify\'s body says whether a function crashed ("This function has crashed" with the error message) or timed out (the runtime\'s "Task timed out after N seconds"), or is the function\'s or origin\'s own page.',
  documented,
  statusPage: 'https://www.netlifystatus.com/',
  sources: [SERVER_HEADERS, REQUEST_ID, EDGE_UNCAUGHT, FUNCTION_ERROR, FUNCTION_VALIDATION, CRASH_PAGE, FUNCTIONS_OVERVIEW, FUNCTIONS_CONFIG, PROXIES],
});
