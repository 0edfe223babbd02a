// lighttpd with mod_proxy, mod_fastcgi, mod_scgi (gw_backend): a bare "<status line>" page; a backend that closes early gives 500.
import { defineGateway, type Marker } from './types';

const L = 'https://github.com/lighttpd/lighttpd1.4/blob/2ddc51389a139d2b08daf310596c951c1d53dc8d/';
const GW_BACKEND_C = `${L}src/gw_backend.c`;
const HEADER_GLUE_C = `${L}src/http-header-glue.c`;
const RESPONSE_C = `${L}src/response.c`;
const XHTML_PAGE = 'https://github.com/lighttpd/lighttpd1.4/blob/lighttpd-1.4.73/src/response.c#L534-L553';
const OLD_503 = 'https://github.com/lighttpd/lighttpd1.4/blob/lighttpd-1.4.55/src/http_kv.c#L111';

// The head of the built-in page: XHTML up to 1.4.73, HTML5 from 1.4.74 (response.c#L626-L649); folded as markers compare it.
const PAGE_HEAD: Marker = {
  any: [
    { markup: '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en"> <head> <title>' },
    { markup: '<!doctype html> <html lang="en"> <head> <meta charset="utf-8" /> <title>' },
  ],
};
// Then the status line as <title> and <h1>, and nothing else (http_status.c#L72-L76; 1.4.55 and older wrote "503 Service Not Available").
const pageBody = (statusLine: string): Marker => ({ markup: `<title>${statusLine}</title> </head> <body> <h1>${statusLine}</h1> </body> </html>` });
const PAGE_500 = pageBody('500 internal server error');
const PAGE_502 = pageBody('502 bad gateway');
const PAGE_503: Marker = { any: [pageBody('503 service unavailable'), pageBody('503 service not available')] };
const PAGE_504 = pageBody('504 gateway timeout');

// The page is plain "text/html" (response.c#L647-L649): headers-only readings of lighttpd's own page need it.
const OWN_TYPE: Marker = { header: 'content-type', equals: 'text/html' };
// The page has a fixed size: Content-Length names it when the body is not seen (XHTML page, then HTML5 page).
const sizeOf = (...lengths: string[]): Marker => ({ any: lengths.map((length) => ({ header: 'content-length', equals: length })) });

const LOG =
  'lighttpd\'s error log (server.errorlog) names it: "establishing connection failed … Connection refused" and "all handlers for … are down" (503), "response not received, but request sent" (the backend closed: 500), "read timeout on socket" (504), "response headers too large" or "invalid HTTP status line" (502).';

const unavailable = {
  meaning:
    'lighttpd could not hand the request to a backend: the connection was refused or timed out (connect-timeout, 8 s), after which the backend is disabled for disable-time, or every backend for this path is disabled.',
  causes: { 'origin-unreachable': 0.8, overloaded: 0.2 },
  tellApart: `${LOG} A backend whose listen backlog is full is marked overloaded rather than down.`,
  reference: `${GW_BACKEND_C}#L964-L975`,
} as const;

const closedEarly = {
  meaning:
    "lighttpd sent the request but the backend closed or reset the connection before any response; with FastCGI (PHP) that is often the script's process dying.",
  causes: { 'origin-reset': 0.6, 'origin-app-error': 0.3, unknown: 0.1 },
  tellApart: `"closing connection; response not received, but request sent" in the error log is a backend that closed or reset the connection. ${LOG}`,
  reference: `${HEADER_GLUE_C}#L694-L705`,
} as const;

const badResponse = {
  meaning:
    'The backend\'s response was not valid HTTP (a bad status line, header lines without ":") or its headers were too large, so lighttpd refused to pass it on.',
  causes: { 'origin-invalid-response': 0.9, 'origin-app-error': 0.1 },
  tellApart: LOG,
  reference: `${HEADER_GLUE_C}#L1224-L1227`,
} as const;

const timeout = {
  meaning: 'The backend sent nothing within read-timeout (or took the request too slowly, write-timeout). Both are off by default, so they were configured.',
  // A backend whose workers are all busy leaves the request in its listen queue until the timeout fires (uWSGI master.c#L294-L295).
  causes: { 'origin-timeout': 0.85, overloaded: 0.15 },
  tellApart: LOG,
  reference: `${GW_BACKEND_C}#L2879-L2900`,
} as const;

export default defineGateway({
  id: 'lighttpd',
  name: 'lighttpd',
  kind: 'reverse-proxy',
  bodyTells: "lighttpd's page only repeats the status line; its error log names the reason.",
  fingerprint: [
    // lighttpd adds its Server only when the backend sent none, so a relayed response mostly shows the backend's.
    { header: 'server', startsWith: 'lighttpd', weight: 0.85, note: 'lighttpd names itself in the Server header (server.c#L29-L31)' },
    { ...PAGE_HEAD, weight: 0.35, note: "the head of lighttpd's built-in error page (a shape other servers may share)" },
    {
      any: [PAGE_500, PAGE_502, PAGE_503, PAGE_504],
      weight: 0.4,
      note: "lighttpd's built-in error page: the status line as title and heading, and nothing else",
    },
    { text: '503 service not available', weight: 0.6, note: 'the 503 status line of lighttpd 1.4.55 and older' },
  ],
  variants: [
    {
      id: 'lighttpd-503-service-unavailable-lighttpds-own-page',
      title: "503 Service Unavailable (lighttpd's own page)",
      when: [{ status: 503 }, PAGE_503],
      source: 'gateway',
      ...unavailable,
    },
    {
      id: 'lighttpd-504-gateway-timeout-lighttpds-own-page',
      title: "504 Gateway Timeout (lighttpd's own page)",
      when: [{ status: 504 }, PAGE_504],
      source: 'gateway',
      ...timeout,
    },
    {
      id: 'lighttpd-502-bad-gateway-lighttpds-own-page',
      title: "502 Bad Gateway (lighttpd's own page)",
      when: [{ status: 502 }, PAGE_502],
      source: 'gateway',
      ...badResponse,
    },
    {
      id: 'lighttpd-500-internal-server-error-lighttpds-own',
      title: "500 Internal Server Error (lighttpd's own page)",
      when: [{ status: 500 }, PAGE_500],
      source: 'gateway',
      ...closedEarly,
    },
    // Headers only: lighttpd's page is "text/html" with no charset (response.c#L647-L649); any other type is the backend's.
    {
      id: 'lighttpd-error-passed-backend-content-type',
      title: 'Error passed on from the backend (its Content-Type)',
      when: [{ status: [500, 502, 503, 504] }, { body: 'unseen' }, { ...OWN_TYPE, absent: true }],
      meaning: 'lighttpd writes its own error pages as plain "text/html"; this response carries another type, so the backend wrote it and lighttpd relayed it.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: `${RESPONSE_C}#L647-L649`,
    },
    // The built-in page's exact size (XHTML, HTML5) marks it as lighttpd's own.
    {
      id: 'lighttpd-503-own-page-size',
      title: "503 Service Unavailable (lighttpd's own page, by its size)",
      when: [{ status: 503 }, { body: 'unseen' }, OWN_TYPE, sizeOf('361', '178', '365', '182')],
      source: 'gateway',
      ...unavailable,
    },
    {
      id: 'lighttpd-504-own-page-size',
      title: "504 Gateway Timeout (lighttpd's own page, by its size)",
      when: [{ status: 504 }, { body: 'unseen' }, OWN_TYPE, sizeOf('353', '170')],
      source: 'gateway',
      ...timeout,
    },
    {
      id: 'lighttpd-502-own-page-size',
      title: "502 Bad Gateway (lighttpd's own page, by its size)",
      when: [{ status: 502 }, { body: 'unseen' }, OWN_TYPE, sizeOf('345', '162')],
      source: 'gateway',
      ...badResponse,
    },
    {
      id: 'lighttpd-500-own-page-size',
      title: "500 Internal Server Error (lighttpd's own page, by its size)",
      when: [{ status: 500 }, { body: 'unseen' }, OWN_TYPE, sizeOf('365', '182')],
      source: 'gateway',
      ...closedEarly,
    },
    // Without the size, the same statuses may be the backend's own (a FastCGI response has no Server header of its own).
    {
      id: 'lighttpd-503-no-body',
      title: '503 through lighttpd (its page not seen)',
      when: [{ status: 503 }, { body: 'unseen' }, OWN_TYPE],
      source: 'unknown',
      ...unavailable,
    },
    {
      id: 'lighttpd-500-no-body',
      title: '500 through lighttpd (its page not seen)',
      when: [{ status: 500 }, { body: 'unseen' }, OWN_TYPE],
      source: 'unknown',
      ...closedEarly,
    },
    {
      id: 'lighttpd-502-no-body',
      title: '502 through lighttpd (its page not seen)',
      when: [{ status: 502 }, { body: 'unseen' }, OWN_TYPE],
      source: 'unknown',
      ...badResponse,
    },
    {
      id: 'lighttpd-504-no-body',
      title: '504 through lighttpd (its page not seen)',
      when: [{ status: 504 }, { body: 'unseen' }, OWN_TYPE],
      source: 'unknown',
      ...timeout,
    },
    {
      id: 'lighttpd-error-passed-backend',
      title: 'Error passed on from the backend',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: "The page is not lighttpd's built-in one: the backend wrote it and lighttpd relayed it (server.error-intercept is off by default).",
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: `${RESPONSE_C}#L598-L624`,
    },
  ],
  documented: [
    {
      name: '503 Service Unavailable',
      reference: `${L}src/http_status.c#L75`,
      variant: 'lighttpd-503-service-unavailable-lighttpds-own-page',
      example: {
        status: 503,
        body: '<!DOCTYPE html>\n<html lang="en">\n <head>\n  <meta charset="UTF-8" />\n  <title>503 Service Unavailable</title>\n </head>\n <body>\n  <h1>503 Service Unavailable</h1>\n </body>\n</html>\n',
      },
    },
    {
      name: '503 Service Not Available (1.4.55 and older)',
      reference: OLD_503,
      variant: 'lighttpd-503-service-unavailable-lighttpds-own-page',
      example: {
        status: 503,
        body: '<?xml version="1.0" encoding="iso-8859-1"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n         "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n <head>\n  <title>503 Service Not Available</title>\n </head>\n <body>\n  <h1>503 Service Not Available</h1>\n </body>\n</html>\n',
      },
    },
    {
      name: '502 Bad Gateway',
      reference: `${L}src/http_status.c#L74`,
      variant: 'lighttpd-502-bad-gateway-lighttpds-own-page',
      example: {
        status: 502,
        body: '<!DOCTYPE html>\n<html lang="en">\n <head>\n  <meta charset="UTF-8" />\n  <title>502 Bad Gateway</title>\n </head>\n <body>\n  <h1>502 Bad Gateway</h1>\n </body>\n</html>\n',
      },
    },
    {
      name: '504 Gateway Timeout',
      reference: `${L}src/http_status.c#L76`,
      variant: 'lighttpd-504-gateway-timeout-lighttpds-own-page',
      example: {
        status: 504,
        body: '<!DOCTYPE html>\n<html lang="en">\n <head>\n  <meta charset="UTF-8" />\n  <title>504 Gateway Timeout</title>\n </head>\n <body>\n  <h1>504 Gateway Timeout</h1>\n </body>\n</html>\n',
      },
    },
    {
      name: '500 Internal Server Error',
      reference: `${L}src/http_status.c#L72`,
      variant: 'lighttpd-500-internal-server-error-lighttpds-own',
      example: {
        status: 500,
        body: '<!DOCTYPE html>\n<html lang="en">\n <head>\n  <meta charset="UTF-8" />\n  <title>500 Internal Server Error</title>\n </head>\n <body>\n  <h1>500 Internal Server Error</h1>\n </body>\n</html>\n',
      },
    },
    {
      name: 'XHTML page of 1.4.73 and older',
      reference: XHTML_PAGE,
      variant: 'lighttpd-502-bad-gateway-lighttpds-own-page',
      example: {
        status: 502,
        headers: { server: 'lighttpd/1.4.69' },
        body: '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n <head>\n  <title>502 Bad Gateway</title>\n </head>\n <body>\n  <h1>502 Bad Gateway</h1>\n </body>\n</html>\n',
      },
    },
    {
      name: 'establishing connection failed: socket: …',
      reference: `${GW_BACKEND_C}#L280-L300`,
      variant: 'lighttpd-503-service-unavailable-lighttpds-own-page',
      logOnly: true,
    },
    {
      name: 'all handlers for … on … are down.',
      reference: `${GW_BACKEND_C}#L964-L975`,
      variant: 'lighttpd-503-service-unavailable-lighttpds-own-page',
      logOnly: true,
    },
    {
      name: 'read timeout on socket / write timeout on socket',
      reference: `${GW_BACKEND_C}#L2879-L2900`,
      variant: 'lighttpd-504-gateway-timeout-lighttpds-own-page',
      logOnly: true,
    },
    {
      name: 'closing connection; response not received, but request sent',
      reference: `${GW_BACKEND_C}#L2474-L2486`,
      variant: 'lighttpd-500-internal-server-error-lighttpds-own',
      logOnly: true,
    },
    {
      name: 'closing connection; response not received, but too many retries',
      reference: `${GW_BACKEND_C}#L2478-L2481`,
      variant: 'lighttpd-500-internal-server-error-lighttpds-own',
      logOnly: true,
    },
    {
      name: 'response headers too large for …',
      reference: `${HEADER_GLUE_C}#L1224-L1227`,
      variant: 'lighttpd-502-bad-gateway-lighttpds-own-page',
      logOnly: true,
    },
    {
      name: 'invalid HTTP status line / HTTP backend response missing CR before LF',
      reference: `${HEADER_GLUE_C}#L944-L954`,
      variant: 'lighttpd-502-bad-gateway-lighttpds-own-page',
      logOnly: true,
    },
    { name: 'terminating connection; response already sent out, but backend returned error', reference: `${GW_BACKEND_C}#L2483-L2485`, logOnly: true },
  ],
  advice: {
    visitor: [],
    owner: ['Set proxy.debug = 1 (or fastcgi.debug) to get one error-log line per backend failure naming the reason.'],
  },
  sources: [
    'https://github.com/unbit/uwsgi/blob/6cbb2177ae48af91d2799ff3135abda545cf634c/core/master.c#L294-L295',
    GW_BACKEND_C,
    HEADER_GLUE_C,
    RESPONSE_C,
    `${L}src/http_status.c`,
    XHTML_PAGE,
    OLD_503,
    'https://redmine.lighttpd.net/projects/lighttpd/wiki/Docs_ModProxy',
  ],
});
