// nghttpx (nghttp2's reverse proxy): one page template, "<status line>" signed by the server name in a <footer>; Via marks what it relayed.
import { defineGateway, type DocumentedError, type Marker } from './types';

const NX = 'https://github.com/nghttp2/nghttp2/blob/692c8d8fce4f31ba2a9449b903877543043b0e3f/';
const HTTPS_UPSTREAM = `${NX}src/shrpx_https_upstream.cc`;
const HTTP2_UPSTREAM = `${NX}src/shrpx_http2_upstream.cc`;
const DOWNSTREAM = `${NX}src/shrpx_http_downstream_connection.cc`;
const ERROR_PAGE = `${NX}src/shrpx_http.cc#L38-L56`;
// Up to 1.21 a failed backend connection was a 503 (commit e17a6b29 "nghttpx: Use 502 as server error code"), and up to 1.7
// the footer read "nghttpx nghttp2/<version> at port <port>".
const OLD_503 = 'https://github.com/nghttp2/nghttp2/blob/v1.21.0/src/shrpx_http2_upstream.cc#L444-L467';
const OLD_503_CHANGE = 'https://github.com/nghttp2/nghttp2/commit/e17a6b29b615a62ccd7dc9b0f9e9740daebaf1b7';
const OLD_PAGE = 'https://github.com/nghttp2/nghttp2/blob/v1.0.5/src/shrpx_http.cc#L38-L51';

/**
 * nghttpx's page for one status line: `<h1>{status line}</h1><footer>{server name}</footer>` (shrpx_http.cc#L52-L55), the
 * default server name being "nghttpx" (shrpx.cc#L1678); a reader sees the status line followed by that name.
 */
const ownPage = (statusLine: string): Marker => ({ any: [{ markup: '<footer>nghttpx' }, { text: `${statusLine} nghttpx` }] });
const STATUS_LINES = [
  '502 Bad Gateway',
  '504 Gateway Timeout',
  '408 Request Timeout',
  '503 Service Unavailable',
  '500 Internal Server Error',
  '431 Request Header Fields Too Large',
  '400 Bad Request',
  '501 Not Implemented',
];
// nghttpx adds "Via: 1.1 nghttpx" (or "2 nghttpx") to every response it relays unless --no-via (shrpx_http.h#L49-L63), never to its own.
const RELAYED_VIA: Marker = { header: 'via', includes: 'nghttpx' };
const NO_VIA: Marker = { ...RELAYED_VIA, absent: true };

const LOG = 'nghttpx\'s error log (--errorlog-file) has the backend failure at WARN or INFO, e.g. "Connect time out; addr=…" for a connect timeout.';

const badGateway = {
  meaning:
    'nghttpx got no response from the backend, and not for a timeout: no backend connection could be made (refused, TLS handshake or certificate check failed, or every backend failing), the connection broke or closed before the response header, or the response header was invalid.',
  causes: { 'origin-unreachable': 0.45, 'origin-reset': 0.3, 'origin-tls': 0.15, 'origin-invalid-response': 0.1 },
  source: 'gateway',
  tellApart: `A backend TLS failure counts as a failed connection ("Could not connect … times in a row" at WARN; TLS handshake: ${DOWNSTREAM}#L1362-L1385). ${LOG}`,
  reference: `${HTTPS_UPSTREAM}#L986-L1005`,
} as const;

const gatewayTimeout = {
  meaning:
    'A backend timeout fired in nghttpx: --backend-connect-timeout (30 s) with no other backend to try, or --backend-read-timeout (1 min) after the request was sent.',
  // A backend whose workers are all busy leaves the request in its listen queue until the timeout fires (uWSGI master.c#L294-L295).
  causes: { 'origin-unreachable': 0.45, 'origin-timeout': 0.4, overloaded: 0.15 },
  source: 'gateway',
  tellApart: `"Connect time out" in the log is a connection that never opened. ${LOG}`,
  reference: `${DOWNSTREAM}#L127-L141`,
} as const;

const requestTimeout = {
  meaning:
    'A backend timeout fired before nghttpx had even sent the request header to the backend, which nghttpx reports as 408 (not 504); a client slow to send its request gives the same.',
  causes: { 'origin-timeout': 0.6, unknown: 0.4 },
  source: 'gateway',
  tellApart: LOG,
  reference: `${HTTPS_UPSTREAM}#L994-L999`,
} as const;

const oldUnavailable = {
  meaning: 'nghttpx before 1.22 answered 503 when it could not get a connection to the backend, or could not send it the request.',
  causes: { 'origin-unreachable': 0.85, 'origin-reset': 0.15 },
  source: 'gateway',
  tellApart: LOG,
  reference: OLD_503,
} as const;

/** One of the statuses nghttpx writes its page for, with the page as its example. */
const page = (statusLine: string, reference: string, variant: string): DocumentedError => ({
  name: statusLine,
  reference,
  variant,
  example: {
    status: Number(statusLine.slice(0, 3)),
    body: `<!DOCTYPE html><html lang="en"><title>${statusLine}</title><body><h1>${statusLine}</h1><footer>nghttpx</footer></body></html>`,
  },
});

export default defineGateway({
  id: 'nghttpx',
  name: 'nghttpx',
  kind: 'reverse-proxy',
  bodyTells: "nghttpx's page only repeats the status line and signs it; whether it wrote the error or relayed it shows in Via, and the reason only in its log.",
  fingerprint: [
    // nghttpx replaces the backend's Server with its own (shrpx_https_upstream.cc#L1324-L1335), so this is on relayed responses too.
    { header: 'server', startsWith: 'nghttpx', weight: 0.9, note: 'nghttpx names itself in the Server header (default --server-name)' },
    { ...RELAYED_VIA, weight: 0.9, note: 'nghttpx adds itself to Via on the responses it relays' },
    { markup: '<footer>nghttpx', weight: 0.95, note: "the footer of nghttpx's error page" },
    {
      any: STATUS_LINES.map((line) => ({ text: `${line} nghttpx` })),
      weight: 0.9,
      note: "the text of nghttpx's error page: its status line, then the footer naming nghttpx",
    },
  ],
  relayed: [{ ...RELAYED_VIA, note: 'nghttpx adds Via only to responses it got from the backend, never to its own errors' }],
  variants: [
    {
      id: 'nghttpx-502-bad-gateway-own-page',
      title: "502 Bad Gateway (nghttpx's own page)",
      when: [{ status: 502 }, ownPage('502 Bad Gateway')],
      ...badGateway,
    },
    {
      id: 'nghttpx-504-gateway-timeout-own-page',
      title: "504 Gateway Timeout (nghttpx's own page)",
      when: [{ status: 504 }, ownPage('504 Gateway Timeout')],
      ...gatewayTimeout,
    },
    {
      id: 'nghttpx-408-request-timeout-own-page',
      title: "408 Request Timeout (nghttpx's own page)",
      when: [{ status: 408 }, ownPage('408 Request Timeout')],
      ...requestTimeout,
    },
    {
      id: 'nghttpx-503-service-unavailable-own-page',
      title: '503 Service Unavailable (nghttpx before 1.22)',
      when: [{ status: 503 }, ownPage('503 Service Unavailable')],
      ...oldUnavailable,
    },
    {
      id: 'nghttpx-response-relayed-via',
      title: 'Response relayed by nghttpx (Via names it)',
      when: [RELAYED_VIA],
      meaning: 'The backend wrote this response and nghttpx passed it on: nghttpx adds Via to every response it relays, never to its own errors.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: `${HTTPS_UPSTREAM}#L1353-L1370`,
    },
    // Headers only: with the Server header nghttpx writes on everything and no Via, the error is its own.
    { id: 'nghttpx-502-no-body', title: '502 from nghttpx (its page not seen)', when: [{ status: 502 }, { body: 'unseen' }, NO_VIA], ...badGateway },
    { id: 'nghttpx-504-no-body', title: '504 from nghttpx (its page not seen)', when: [{ status: 504 }, { body: 'unseen' }, NO_VIA], ...gatewayTimeout },
    { id: 'nghttpx-408-no-body', title: '408 from nghttpx (its page not seen)', when: [{ status: 408 }, { body: 'unseen' }, NO_VIA], ...requestTimeout },
    { id: 'nghttpx-503-no-body', title: '503 from nghttpx (its page not seen)', when: [{ status: 503 }, { body: 'unseen' }, NO_VIA], ...oldUnavailable },
    // Catch-alls: another of its own pages (500 when an mruby hook failed, 431, 400, 501), else a page it relayed.
    {
      id: 'nghttpx-own-page-other-status',
      title: "nghttpx's own page",
      when: [{ markup: '<footer>nghttpx' }],
      fallback: true,
      meaning:
        'nghttpx wrote this page itself (its footer names it): an mruby script failed (500), or the request was malformed, too large or used an unknown method.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: ERROR_PAGE,
    },
    {
      id: 'nghttpx-error-passed-backend',
      title: 'Error passed on from the backend',
      when: [{ body: 'seen' }],
      fallback: true,
      meaning: "The page is not nghttpx's own: the backend wrote it and nghttpx relayed it.",
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: ERROR_PAGE,
    },
  ],
  documented: [
    page('502 Bad Gateway', `${HTTP2_UPSTREAM}#L451-L466`, 'nghttpx-502-bad-gateway-own-page'),
    page('504 Gateway Timeout', `${DOWNSTREAM}#L127-L141`, 'nghttpx-504-gateway-timeout-own-page'),
    page('408 Request Timeout', `${HTTPS_UPSTREAM}#L994-L999`, 'nghttpx-408-request-timeout-own-page'),
    page('500 Internal Server Error', `${HTTPS_UPSTREAM}#L1190-L1203`, 'nghttpx-own-page-other-status'),
    page('431 Request Header Fields Too Large', `${HTTPS_UPSTREAM}#L747-L760`, 'nghttpx-own-page-other-status'),
    page('400 Bad Request', `${HTTPS_UPSTREAM}#L747-L760`, 'nghttpx-own-page-other-status'),
    page('501 Not Implemented', `${HTTP2_UPSTREAM}#L342-L350`, 'nghttpx-own-page-other-status'),
    {
      name: '503 Service Unavailable (before 1.22: no backend connection)',
      reference: OLD_503_CHANGE,
      variant: 'nghttpx-503-service-unavailable-own-page',
      example: {
        status: 503,
        body: '<!DOCTYPE html><html lang="en"><title>503 Service Unavailable</title><body><h1>503 Service Unavailable</h1><footer>nghttpx nghttp2/1.0.5 at port 3000</footer></body></html>',
      },
    },
    {
      name: 'Connect time out; addr=… (the log line behind a connect-timeout 504)',
      reference: `${DOWNSTREAM}#L127-L141`,
      variant: 'nghttpx-504-gateway-timeout-own-page',
      logOnly: true,
    },
  ],
  advice: {
    visitor: [],
    owner: [LOG],
  },
  sources: [
    'https://github.com/unbit/uwsgi/blob/6cbb2177ae48af91d2799ff3135abda545cf634c/core/master.c#L294-L295',
    `${NX}src/shrpx_http.cc`,
    `${NX}src/shrpx_http.h`,
    HTTPS_UPSTREAM,
    HTTP2_UPSTREAM,
    DOWNSTREAM,
    `${NX}src/shrpx.cc`,
    OLD_503,
    OLD_503_CHANGE,
    OLD_PAGE,
    'https://nghttp2.org/documentation/nghttpx.1.html',
  ],
});
