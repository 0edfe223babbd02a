// Fly.io: the Fly proxy answers with a bare status when it cannot use a Machine; its log line carries a P-code (PC01, PR04, …) saying why.
import { defineGateway, type CauseWeights, type DocumentedError, type Variant } from './types';

// Fly's docs (superfly/docs): the proxy's error codes, and the troubleshooting guide's 502 and 503.
const DOCS = 'https://github.com/superfly/docs/blob';
const ERROR_CODES = `${DOCS}/aae028fc9f316ff600c4ecfcd2f59d412fb08ba6/monitoring/error-codes.html.md`;
const codeDoc = (code: string, title: string) =>
  `https://fly.io/docs/monitoring/error-codes/#${code.toLowerCase()}-${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-$/, '')}`;
const TROUBLESHOOT_502 = `${DOCS}/5c22c8cece71e1cf83fab3189c9f7301573f4d6e/getting-started/troubleshooting.html.md#L67-L77`;
const TROUBLESHOOT_503 = `${DOCS}/5c22c8cece71e1cf83fab3189c9f7301573f4d6e/getting-started/troubleshooting.html.md#L79-L90`;
// http_options.response.pristine removes Server, Via, Fly-Request-Id and Fly-Cache-Status from the app's responses.
const PRISTINE = `${DOCS}/5c22c8cece71e1cf83fab3189c9f7301573f4d6e/reference/configuration.html.markerb#L378-L392`;
const VIA = `${DOCS}/5c22c8cece71e1cf83fab3189c9f7301573f4d6e/networking/request-headers.html.md#L51`;

// The proxy's own errors carry no body, hence no Content-Type; an application's error page always has one (seen on
// its answers: the docs describe no body).
const PROXY_ERROR = [{ header: 'fly-request-id' }, { header: 'content-type', absent: true }] as const;

const LOGS =
  'Run "fly logs": the proxy\'s [error] line for the request carries a code: PC01/PC02 refused (the app is not listening on internal_port, or only on 127.0.0.1), PC03/PC04 reset/aborted, PC05 timed out, PR01/PR03/PR04 no healthy or available Machine, PM0x a Machine that could not be started, PU02 a request that could not be completed.';

/** Every proxy error code of Fly's list, with the causes its section names. Which status each produces is not documented. */
interface PCode {
  code: string;
  title: string;
  causes: CauseWeights;
  /** Fly's own platform, not the app: the section calls it internal. */
  internal?: true;
}
const UNKNOWN = { unknown: 1 };
const P_CODES: readonly PCode[] = [
  { code: 'PP01', title: 'Failed to set TCP socket options', causes: UNKNOWN, internal: true },
  { code: 'PU01', title: 'Failed HTTP/2 handshake', causes: { 'origin-invalid-response': 1 } },
  { code: 'PU02', title: 'Failed to complete HTTP request to instance', causes: { 'origin-reset': 0.7, 'origin-app-error': 0.3 } },
  { code: 'PU03', title: 'Unreachable worker host', causes: UNKNOWN, internal: true },
  { code: 'PU04', title: 'Could not build HTTP request', causes: UNKNOWN },
  { code: 'PC01', title: 'Machine refused connection on port', causes: { 'origin-unreachable': 1 } },
  { code: 'PC02', title: 'Connection refused', causes: { 'origin-unreachable': 1 } },
  { code: 'PC03', title: 'Connection reset', causes: { 'origin-reset': 1 } },
  { code: 'PC04', title: 'Connection aborted', causes: { 'origin-reset': 1 } },
  { code: 'PC05', title: 'Connection timed out', causes: { 'origin-timeout': 0.7, overloaded: 0.3 } },
  { code: 'PC06', title: 'Unidentified I/O error', causes: UNKNOWN },
  { code: 'PC07', title: 'Connection retries exhausted', causes: { 'origin-unreachable': 1 } },
  { code: 'PC08', title: "TCP timeout couldn't be set", causes: UNKNOWN, internal: true },
  { code: 'PT01', title: 'Exceeded TLS handshake rate limit', causes: UNKNOWN },
  { code: 'PT02', title: 'Exceeded rate limit for SNI', causes: UNKNOWN },
  { code: 'PT03', title: 'TLS handshake canceled', causes: UNKNOWN },
  { code: 'PT04', title: 'TLS handshake failed', causes: UNKNOWN },
  { code: 'PT05', title: 'No valid TLS certificate for SNI', causes: UNKNOWN },
  { code: 'PT06', title: 'No valid TLS certificate', causes: UNKNOWN },
  { code: 'PT07', title: 'TLS handshake I/O error', causes: UNKNOWN },
  { code: 'PT08', title: 'TLS handshake timed out', causes: UNKNOWN },
  { code: 'PT09', title: 'Internal TLS error', causes: UNKNOWN, internal: true },
  { code: 'PM01', title: 'Machines API error', causes: UNKNOWN },
  { code: 'PM02', title: 'Machine wake internal error', causes: UNKNOWN, internal: true },
  { code: 'PM03', title: 'Machine wake timeout', causes: { 'origin-unreachable': 0.6, 'origin-timeout': 0.4 } },
  { code: 'PM04', title: 'Machine wake parsing error', causes: UNKNOWN },
  { code: 'PM05', title: 'Machine connection failed', causes: { 'origin-unreachable': 1 } },
  { code: 'PM06', title: 'Missing app name', causes: UNKNOWN },
  { code: 'PM07', title: 'Machine state change failed', causes: { 'origin-unreachable': 0.5, unknown: 0.5 } },
  { code: 'PM08', title: 'Non-startable machine state', causes: { maintenance: 0.6, 'origin-unreachable': 0.4 } },
  { code: 'PM09', title: 'Unknown machine state', causes: UNKNOWN },
  { code: 'PM10', title: 'Machine start canceled', causes: UNKNOWN, internal: true },
  { code: 'PM11', title: 'Machine recently stopped', causes: { 'origin-unreachable': 1 } },
  { code: 'PA01', title: 'Replay/retry buffer exceeded', causes: UNKNOWN },
  { code: 'PA02', title: 'Excess fly-replay headers', causes: { 'origin-invalid-response': 1 } },
  { code: 'PA03', title: 'Malformed fly-replay header', causes: { 'origin-invalid-response': 1 } },
  { code: 'PA04', title: 'Replay target app not found', causes: UNKNOWN },
  { code: 'PA05', title: 'Unauthorized replay target app', causes: UNKNOWN },
  { code: 'PE01', title: 'Replay source app not found', causes: UNKNOWN, internal: true },
  { code: 'PE02', title: 'Replay source organization not found', causes: UNKNOWN, internal: true },
  { code: 'PR01', title: 'No healthy machines', causes: { 'origin-unreachable': 0.6, 'origin-app-error': 0.25, overloaded: 0.15 } },
  { code: 'PR02', title: 'Machine not found', causes: { 'origin-unreachable': 1 } },
  { code: 'PR03', title: 'No candidate machines found after retries', causes: { 'origin-unreachable': 0.8, overloaded: 0.2 } },
  { code: 'PR04', title: 'No candidate machines found after retries', causes: { 'origin-unreachable': 0.8, overloaded: 0.2 } },
  { code: 'PR05', title: 'Statics retrieval failed', causes: UNKNOWN },
  { code: 'PL01', title: 'Bypassed connection concurrency limit', causes: { overloaded: 1 } },
  { code: 'PL02', title: 'Bypassed request concurrency limit', causes: { overloaded: 1 } },
];

// What each category means, by the second letter of its code (the doc's section introductions).
const CATEGORY: Readonly<Record<string, string>> = {
  P: 'an error internal to the Fly proxy, unrelated to the app',
  U: "the proxy failed to send or complete a request to one of the app's Machines",
  C: "a connection from the proxy to one of the app's Machines failed",
  T: "Fly's TLS termination failed before the request reached the app",
  M: 'the proxy could not start, stop or reach a Machine it wakes on demand',
  A: "the app's fly-replay answer, or a request too large to replay, could not be followed",
  E: "an internal error on Fly's edge proxies",
  R: 'the proxy found no Machine to route the request to',
  L: "a Machine's concurrency limit (set in fly.toml) was exceeded",
};

const pVariantId = ({ code }: PCode) => `fly-${code.toLowerCase()}-log-line`;
// The proxy's log line shows the code in brackets ("[error] [PC01] …"); PR01's line says "no known healthy instances".
const namesCode = ({ code }: PCode) => (code === 'PR01' ? { any: [{ text: `[${code}]` }, { text: 'no known healthy instances' }] } : { text: `[${code}]` });

const pCodeVariants: Variant[] = P_CODES.map((entry) => ({
  id: pVariantId(entry),
  title: `${entry.code}: ${entry.title}`,
  when: [namesCode(entry)],
  meaning: `The Fly proxy logged ${entry.code} (${entry.title}): ${CATEGORY[entry.code[1]!]}${entry.internal && entry.code[1] !== 'P' ? '; Fly calls this one internal, unrelated to the app' : ''}.`,
  causes: entry.causes,
  source: 'gateway',
  tellApart: LOGS,
  reference: codeDoc(entry.code, entry.title),
}));

const FLY_ID = { 'fly-request-id': '01HV8Z3T6W9J5R2K4M7N0P1Q2R-ord', via: '1.1 fly.io' };

const documented: DocumentedError[] = [
  ...P_CODES.map((entry) => ({
    name: `${entry.code}: ${entry.title}`,
    reference: codeDoc(entry.code, entry.title),
    variant: pVariantId(entry),
    logOnly: true as const,
    example: { body: `proxy [error] [${entry.code}] ${entry.title}` },
  })),
  {
    name: '502 Bad Gateway: the proxy reached the Machine but the app did not answer correctly',
    reference: TROUBLESHOOT_502,
    variant: 'fly-502-proxy',
    example: { status: 502, headers: FLY_ID },
  },
  {
    name: '503 Service Unavailable: no healthy Machines are available',
    reference: TROUBLESHOOT_503,
    variant: 'fly-503-proxy',
    example: { status: 503, headers: FLY_ID },
  },
];

export default defineGateway({
  id: 'fly',
  name: 'Fly.io',
  kind: 'platform',
  // With http_options.response.pristine the app's responses carry none of these headers.
  fingerprint: [
    { header: 'fly-request-id', weight: 0.95, note: "the Fly proxy's request id, suffixed with the edge region (e.g. -ord)" },
    { header: 'server', startsWith: 'fly/', weight: 0.9, note: 'the Fly proxy names itself and its build in the Server header' },
    { header: 'via', includes: 'fly.io', weight: 0.9, note: 'the Fly proxy adds "Via: 1.1 fly.io" (or "2 fly.io")' }, // VIA
    { header: 'fly-cache-status', weight: 0.9, note: "the Fly proxy's cache status header" },
    ...P_CODES.map(({ code }) => ({ text: `[${code}]`, weight: 0.7, note: `the Fly proxy's error code ${code} in its log line` })),
    { text: 'no known healthy instances', weight: 0.7, note: "the Fly proxy's log line for PR01/PR03 (its wording, as logged)" },
  ],
  variants: [
    ...pCodeVariants,
    {
      id: 'fly-502-proxy',
      title: '502 from the Fly proxy',
      when: [{ status: 502 }, ...PROXY_ERROR],
      meaning:
        "The Fly proxy reached the app's Machine but the app did not answer correctly: it crashed mid-request (an out-of-memory kill looks the same), listens on the wrong port or only on 127.0.0.1, or the Machine was being deployed.",
      causes: { 'origin-unreachable': 0.5, 'origin-reset': 0.35, 'origin-app-error': 0.15 },
      source: 'gateway',
      tellApart: LOGS,
      advice: { owner: ['Make the app listen on 0.0.0.0 (or ::) at the internal_port set in fly.toml.'] },
      reference: TROUBLESHOOT_502,
    },
    {
      id: 'fly-503-proxy',
      title: '503 from the Fly proxy',
      when: [{ status: 503 }, ...PROXY_ERROR],
      meaning:
        'The Fly proxy had no healthy Machine to send the request to: all are stopped (and not started on demand), failing health checks, or far over their hard concurrency limit, or there is a regional issue.',
      causes: { 'origin-unreachable': 0.55, overloaded: 0.25, maintenance: 0.1, 'origin-app-error': 0.1 },
      source: 'gateway',
      tellApart: `${LOGS} "fly status" and "fly machine list" show whether the Machines are started and passing checks.`,
      reference: TROUBLESHOOT_503,
    },
    {
      id: 'fly-504-proxy',
      title: '504 from the Fly proxy',
      when: [{ status: 504 }, ...PROXY_ERROR],
      meaning:
        "The app's Machine did not answer the Fly proxy in time (its log code would be PC05, Connection timed out; the status it sends for it is not documented).",
      causes: { 'origin-timeout': 0.8, 'origin-unreachable': 0.2 },
      source: 'gateway',
      tellApart: LOGS,
      reference: codeDoc('PC05', 'Connection timed out'),
    },
    {
      id: 'fly-unavailable-announced-app-retry-after',
      title: 'Unavailable, as announced by the app (Retry-After)',
      when: [{ status: 503 }, { header: 'fly-request-id' }, { header: 'retry-after' }, { header: 'content-type' }],
      meaning:
        'The app itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. The Fly proxy relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'fly-error-passed-app',
      title: 'Error passed on from the app',
      when: [{ status: [500, 502, 503, 504] }, { header: 'fly-request-id' }, { header: 'content-type' }],
      fallback: true,
      meaning: "The response has a body of its own, which the Fly proxy's errors do not: the app wrote this error and the proxy relayed it.",
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: TROUBLESHOOT_502,
    },
  ],
  advice: {
    visitor: [],
    owner: ['"fly logs" shows the proxy\'s error code for each failed request next to the app\'s own output.'],
  },
  bodyTells:
    'The Fly proxy\'s own errors have no body; the P-code that names the failure is only in "fly logs". A response with a body of its own is the app\'s.',
  documented,
  statusPage: 'https://status.flyio.net/',
  sources: [ERROR_CODES, 'https://fly.io/docs/monitoring/error-codes/', TROUBLESHOOT_502, TROUBLESHOOT_503, PRISTINE, VIA],
});
