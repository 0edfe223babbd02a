// Varnish Cache: every failed backend fetch gives the same "503 Backend fetch failed" Guru Meditation page; only varnishlog's FetchError says why.
import { defineGateway, type DocumentedError, type Variant } from './types';

// Varnish read at one commit (8.0.0-107); the page text is the same since 3.0 (3.0–5.x wrapped it in XHTML 1.0).
const B = 'https://github.com/varnishcache/varnish-cache/blob/27d2ce15b20b94d0a5e452b0d5c29c3145d00b6a';
const SYNTH_PAGE = `${B}/bin/varnishd/builtin.vcl#L188-L206`; // vcl_synth: Retry-After 5, the Guru page with req.xid
const BACKEND_ERROR_PAGE = `${B}/bin/varnishd/builtin.vcl#L319-L337`; // vcl_backend_error: the same page with bereq.xid
const BACKEND_ERROR = `${B}/bin/varnishd/cache/cache_fetch.c#L1001-L1009`; // 503 "Backend fetch failed", Server: Varnish
const SYNTH_HEADERS = `${B}/bin/varnishd/cache/cache_req_fsm.c#L183-L197`; // Server: Varnish, X-Varnish; no Via, no Age
const DELIVERY_HEADERS = `${B}/bin/varnishd/cache/cache_req_fsm.c#L154-L172`; // X-Varnish, Age, Via on everything delivered
const BACKEND_C = `${B}/bin/varnishd/cache/cache_backend.c`;
const HTTP1_FETCH_C = `${B}/bin/varnishd/http1/cache_http1_fetch.c`;
const PARAMS = `${B}/include/tbl/params.h`;

const FOOTER = 'Varnish cache server';
const GURU = 'Guru Meditation:';
const FETCH_FAILED = 'Backend fetch failed';

const FETCH_ERROR =
  'Find the request with varnishlog -g request -q "RespStatus == 503" (or by the XID on the page: varnishlog -q "vxid == <XID>"); its FetchError line names the cause: "backend <name>: unhealthy" or "Director <name> returned no backend" (no healthy backend), "backend <name>: fail errno 111 (Connection refused)" (nothing listening), "first byte timeout" or "timeout" (slow backend), "backend closed" or "HTC eof" (the backend closed the connection), "http format error", "Received junk" or "overflow" (bad or oversized headers), "backend <name>: busy" (max_connections reached).';

/** Varnish's built-in error page for a status and reason, as builtin.vcl writes it (the documented example). */
const page = (status: number, reason: string) =>
  `<!DOCTYPE html>\n<html>\n  <head>\n    <title>${status} ${reason}</title>\n  </head>\n  <body>\n    <h1>Error ${status} ${reason}</h1>\n    <p>${reason}</p>\n    <h3>Guru Meditation:</h3>\n    <p>XID: 32770</p>\n    <hr>\n    <p>Varnish cache server</p>\n  </body>\n</html>\n`;

type Reply = Omit<Variant, 'id' | 'title' | 'when'>;
const FETCH_FAILURE: Reply = {
  meaning:
    'Varnish could not get usable response headers from the backend and wrote this page itself: the backend is marked sick, refused or timed out the connection, sent nothing within first_byte_timeout (60 s by default), closed the connection, or sent junk or oversized headers. The page is the same whatever went wrong.',
  causes: { 'origin-unreachable': 0.4, 'origin-timeout': 0.3, 'origin-reset': 0.15, 'origin-invalid-response': 0.1, overloaded: 0.05 },
  source: 'gateway',
  tellApart: FETCH_ERROR,
  advice: { owner: ['Quote the XID from the page when you look the request up in varnishlog; "varnishadm backend.list" shows which backends are sick.'] },
  reference: BACKEND_ERROR,
};
const SYNTHETIC: Reply = {
  meaning:
    "Varnish answered from VCL without a backend response (vcl_synth): most often the site's own VCL (a maintenance switch, a deny rule, a redirect) or a VCL failure; with the builtin VCL, a request without Host (400) or with an unknown method (501).",
  causes: { unknown: 0.5, maintenance: 0.35, 'origin-unreachable': 0.15 },
  source: 'gateway',
  tellApart: 'varnishlog shows the VCL_call / VCL_return path, the VCL_Error line if any, and which return (synth(…)) answered.',
  reference: SYNTH_PAGE,
};
const RELAYED: Reply = {
  meaning:
    "Varnish's own error pages are the Guru Meditation page with Server: Varnish; this one came from the backend and Varnish passed it on (possibly from cache: Age above 0 and a second id in X-Varnish).",
  causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
  source: 'origin',
  reference: DELIVERY_HEADERS,
};

const documented: DocumentedError[] = [
  {
    name: `503 "${FETCH_FAILED}" (4.0 and later: every failed backend fetch)`,
    reference: BACKEND_ERROR,
    variant: 'varnish-503-backend-fetch-failed-guru-meditation',
    example: { status: 503, body: page(503, FETCH_FAILED) },
  },
  {
    name: `503 "${FETCH_FAILED}" as a status line alone`,
    reference: BACKEND_ERROR,
    variant: 'varnish-503-backend-fetch-failed-guru-meditation',
    example: { status: 503, reason: FETCH_FAILED },
  },
  {
    name: '503 "Service Unavailable" Guru page (3.x backend failures; 4.0+ a fetch that failed outright, too many restarts)',
    reference: `${B}/bin/varnishd/cache/cache_req_fsm.c#L555-L557`,
    variant: 'varnish-503-service-unavailable-guru-meditation',
    example: { status: 503, body: page(503, 'Service Unavailable') },
  },
  {
    name: '503 "VCL failed"',
    reference: `${B}/bin/varnishd/cache/cache_req_fsm.c#L297-L300`,
    variant: 'varnish-503-vcl-failed',
    example: { status: 503, body: page(503, 'VCL failed') },
  },
  ...['Invalid object for refresh', 'Unexpected 304', 'Invalid object for refresh (status)'].map((reason): DocumentedError => ({
    name: `503 "${reason}" (8.0 builtin vcl_backend_refresh)`,
    reference: `${B}/bin/varnishd/builtin.vcl#L233-L256`,
    variant: 'varnish-503-refresh-failed',
    example: { status: 503, body: page(503, reason) },
  })),
  {
    name: '400 "Bad Request" (HTTP/1.1 request without Host)',
    reference: `${B}/bin/varnishd/builtin.vcl#L72-L77`,
    variant: 'varnish-synthetic-error-guru-meditation',
    example: { status: 400, body: page(400, 'Bad Request') },
  },
  {
    name: '501 "Not Implemented" (unknown request method)',
    reference: `${B}/bin/varnishd/builtin.vcl#L80-L92`,
    variant: 'varnish-synthetic-error-guru-meditation',
    example: { status: 501, body: page(501, 'Not Implemented') },
  },
  {
    name: "<status> <reason> from the site's VCL: return (synth(…)) or return (error(…))",
    reference: SYNTH_PAGE,
    variant: 'varnish-synthetic-error-guru-meditation',
    example: { status: 503, body: page(503, 'Down for maintenance') },
  },
  {
    name: '500 "Internal Server Error" Guru page (the response could not be set up for delivery)',
    reference: `${B}/bin/varnishd/cache/cache_req_fsm.c#L224-L228`,
    variant: 'varnish-synthetic-error-guru-meditation',
    example: { status: 500, body: page(500, 'Internal Server Error') },
  },
  {
    name: '500 with Server: Varnish, Connection: close and no body (delivery failed on HTTP/1)',
    reference: `${B}/bin/varnishd/http1/cache_http1_deliver.c#L43-L49`,
    variant: 'varnish-500-delivery-failed',
    example: { status: 500, headers: { server: 'Varnish', connection: 'close' }, body: '' },
  },
  {
    name: 'a bare status line with no headers (400, 413, 414, 417, 431: request rejected before VCL)',
    reference: `${B}/bin/varnishd/http1/cache_http1_fsm.c#L185-L210`,
  },
  { name: '200 "Purged" (not an error)', reference: `${B}/bin/varnishd/builtin.vcl#L150` },
  // varnishlog's FetchError texts: never in the response, each behind the same 503 page.
  ...(
    [
      ['backend <name>: unhealthy', `${BACKEND_C}#L211-L213`],
      ['backend <name>: busy', `${BACKEND_C}#L256-L259`],
      ['backend <name>: fail errno <n> (<text>)', `${BACKEND_C}#L290-L292`],
      ['backend <name>: proxy write errno <n> (<text>)', `${BACKEND_C}#L315-L316`],
      ['out of workspace', `${BACKEND_C}#L270`],
      ['first byte timeout (reused connection)', `${BACKEND_C}#L448-L449`],
      ['No backend', `${B}/bin/varnishd/cache/cache_director.c#L115`],
      ['Director <name> returned no backend', `${B}/bin/varnishd/cache/cache_director.c#L124-L125`],
      ['first byte timeout', `${HTTP1_FETCH_C}#L245`],
      ['timeout', `${HTTP1_FETCH_C}#L237`],
      ['backend closed', `${HTTP1_FETCH_C}#L233`],
      ['HTC eof (Unexpected end of input)', `${HTTP1_FETCH_C}#L250-L251`],
      ['Received junk', `${HTTP1_FETCH_C}#L229`],
      ['overflow', `${HTTP1_FETCH_C}#L241`],
      ['http format error', `${HTTP1_FETCH_C}#L264`],
      ['backend write error: <n> (<text>)', `${HTTP1_FETCH_C}#L183-L184`],
      ['No thread available for bgfetch', `${B}/bin/varnishd/cache/cache_fetch.c#L1260-L1261`],
    ] as const
  ).map(([text, reference]): DocumentedError => ({
    name: `FetchError "${text}"`,
    reference,
    variant: 'varnish-503-backend-fetch-failed-guru-meditation',
    logOnly: true,
  })),
];

export default defineGateway({
  id: 'varnish',
  name: 'Varnish',
  kind: 'cache',
  fingerprint: [
    { header: 'x-varnish', weight: 0.9, note: "Varnish adds the request's transaction id to everything it sends (two ids on a cache hit)" },
    { header: 'via', includes: '(varnish/', weight: 0.9, note: 'Varnish 5.0 and later name themselves and their version in Via' },
    { header: 'via', includes: 'varnish', weight: 0.7, note: 'older Varnish sends "Via: 1.1 varnish" (4.1: "varnish-v4")' },
    { header: 'server', equals: 'Varnish', weight: 0.8, note: 'the Server header Varnish puts on the responses it writes itself' },
    { text: GURU, weight: 0.85, note: 'Varnish\'s built-in error page shows a "Guru Meditation" with the XID' },
    { text: FOOTER, weight: 0.9, note: "the footer of Varnish's built-in error page" },
    { reason: FETCH_FAILED, weight: 0.8, note: 'the reason phrase Varnish gives every failed backend fetch' },
  ],
  bodyTells:
    'Varnish\'s Guru Meditation page would show whether Varnish wrote the error ("Backend fetch failed", "VCL failed" or the VCL\'s own reason) and the XID to look up; the cause itself is only in varnishlog\'s FetchError line.',
  variants: [
    {
      id: 'varnish-503-backend-fetch-failed-guru-meditation',
      title: '503 Backend fetch failed (Guru Meditation)',
      when: [{ status: 503 }, { any: [{ text: FETCH_FAILED }, { reason: FETCH_FAILED }] }],
      ...FETCH_FAILURE,
    },
    {
      id: 'varnish-503-service-unavailable-guru-meditation',
      title: '503 Service Unavailable (Guru Meditation)',
      when: [{ status: 503 }, { text: 'Error 503 Service Unavailable' }, { text: GURU }],
      meaning:
        "Varnish wrote this page itself. Varnish 3 gives it for every failed backend fetch; from 4.0 on, for a fetch that failed outright (the backend error handler gave up, retries or restarts ran out), or where the site's VCL returned synth(503).",
      causes: { 'origin-unreachable': 0.35, 'origin-timeout': 0.25, unknown: 0.25, 'origin-reset': 0.15 },
      source: 'gateway',
      tellApart: FETCH_ERROR,
      reference: `${B}/bin/varnishd/cache/cache_req_fsm.c#L555-L557`,
    },
    {
      id: 'varnish-503-vcl-failed',
      title: '503 VCL failed (Guru Meditation)',
      when: [{ status: 503 }, { text: 'VCL failed' }],
      meaning:
        "The site's VCL failed while handling this request (a runtime error, std.fail(), or a workspace overflow): Varnish answered without asking the backend.",
      causes: { unknown: 1 },
      source: 'gateway',
      tellApart: 'varnishlog has a VCL_Error line for this XID with the reason.',
      reference: `${B}/bin/varnishd/cache/cache_req_fsm.c#L297-L300`,
    },
    {
      id: 'varnish-503-refresh-failed',
      title: '503 Invalid object for refresh / Unexpected 304',
      when: [{ status: 503 }, { any: [{ text: 'Invalid object for refresh' }, { text: 'Unexpected 304' }] }],
      meaning:
        'The backend answered 304 Not Modified to a revalidation Varnish could not merge with its cached copy (the copy was invalidated, not a 200, or Varnish had not asked for a 304).',
      causes: { 'origin-invalid-response': 1 },
      source: 'gateway',
      reference: `${B}/bin/varnishd/builtin.vcl#L233-L256`,
    },
    {
      id: 'varnish-500-delivery-failed',
      title: '500 from Varnish with no body (delivery failed)',
      when: [{ status: 500 }, { header: 'server', equals: 'Varnish' }, { body: 'empty' }],
      meaning: 'Varnish failed while sending the response (on HTTP/1 it then writes a bare 500 with Server: Varnish and closes the connection).',
      causes: { unknown: 1 },
      source: 'gateway',
      tellApart: 'varnishlog has an Error line for this request.',
      reference: `${B}/bin/varnishd/http1/cache_http1_deliver.c#L43-L49`,
    },
    {
      id: 'varnish-unavailable-announced-backend-retry-after',
      title: 'Unavailable, as announced by the backend (Retry-After)',
      when: [{ status: 503 }, { header: 'x-varnish' }, { header: 'retry-after' }, { header: 'server', equals: 'Varnish', absent: true }],
      meaning:
        'The backend itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Varnish relayed it (its own replies carry Server: Varnish).',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    // Headers only: Server: Varnish is on what Varnish wrote itself; a backend error object also has Via and Age, a synth reply neither.
    {
      id: 'varnish-503-no-body-backend-error',
      title: '503 from Varnish after a failed backend fetch (its body not seen)',
      when: [{ status: 503 }, { body: 'unseen' }, { header: 'server', equals: 'Varnish' }, { header: 'via' }],
      ...FETCH_FAILURE,
    },
    {
      id: 'varnish-503-no-body-synthetic',
      title: "503 from Varnish's VCL (its body not seen)",
      when: [{ status: 503 }, { body: 'unseen' }, { header: 'server', equals: 'Varnish' }, { header: 'via', absent: true }],
      ...SYNTHETIC,
      reference: SYNTH_HEADERS,
    },
    // Catch-alls: a Guru page of another status or reason is a synthetic reply; any other page came from the backend.
    {
      id: 'varnish-synthetic-error-guru-meditation',
      title: 'Varnish synthetic error (Guru Meditation)',
      when: [{ any: [{ text: GURU }, { text: FOOTER }] }],
      fallback: true,
      ...SYNTHETIC,
    },
    {
      id: 'varnish-error-passed-backend',
      title: 'Error passed on from the backend',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }, { header: 'x-varnish' }],
      fallback: true,
      ...RELAYED,
    },
    {
      id: 'varnish-error-relayed-no-body',
      title: 'Error relayed from the backend (its body not seen)',
      when: [{ status: [500, 502, 503, 504] }, { body: 'unseen' }, { header: 'server', equals: 'Varnish', absent: true }, { header: 'x-varnish' }],
      fallback: true,
      ...RELAYED,
    },
  ],
  advice: {
    visitor: [],
    owner: [
      'varnishlog (or varnishncsa with %{Varnish:handling}x) shows the FetchError behind every 503; "varnishadm backend.list" shows which backends are sick.',
    ],
  },
  documented,
  sources: [
    SYNTH_PAGE,
    BACKEND_ERROR_PAGE,
    BACKEND_ERROR,
    SYNTH_HEADERS,
    DELIVERY_HEADERS,
    BACKEND_C,
    HTTP1_FETCH_C,
    `${PARAMS}#L240-L244`,
    `${PARAMS}#L410-L414`,
  ],
});
