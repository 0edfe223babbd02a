// lighttpd with mod_proxy / mod_fastcgi: a bare "<status> <reason>" page; the status is the only clue (a backend that closes early gives 500).
import { defineGateway } from './types';

const GW_BACKEND_C = 'https://github.com/lighttpd/lighttpd1.4/blob/master/src/gw_backend.c';
const HEADER_GLUE_C = 'https://github.com/lighttpd/lighttpd1.4/blob/master/src/http-header-glue.c';
const RESPONSE_C = 'https://github.com/lighttpd/lighttpd1.4/blob/master/src/response.c';
const MOD_PROXY_DOC = 'https://redmine.lighttpd.net/projects/lighttpd/wiki/Docs_ModProxy';

// The built-in page is just <title> and <h1> with the status line (XHTML before 1.4.7x, HTML5 after).
const PAGE_500 = '<h1>500 internal server error</h1>';
const PAGE_502 = '<h1>502 bad gateway</h1>';
const PAGE_503 = '<h1>503 service unavailable</h1>';
const PAGE_504 = '<h1>504 gateway timeout</h1>';

const LOG = 'lighttpd\'s error log (server.errorlog) names it: "establishing connection failed … Connection refused" and "all handlers for … are down" (503), "response not received, request sent" (the backend closed: 500), "read timeout on socket" (504), "response headers too large" (502).';

export default defineGateway({
  id: 'lighttpd',
  name: 'lighttpd',
  kind: 'reverse-proxy',
  fingerprint: [
    { header: 'server', startsWith: 'lighttpd', weight: 0.85, note: 'lighttpd names itself in the Server header' },
    { markup: 'xml version="1.0" encoding="iso-8859-1"', weight: 0.35, note: 'lighttpd\'s older error pages start with this XML declaration (so do some other servers\')' },
  ],
  variants: [
    {
      id: 'lighttpd-503-service-unavailable-lighttpds-own-page', title: '503 Service Unavailable (lighttpd\'s own page)',
      when: [{ status: 503 }, { markup: PAGE_503 }],
      meaning: 'lighttpd could not hand the request to a backend: the connection was refused, so the backend is now disabled for disable-time, or every backend is disabled or busy.',
      causes: { 'origin-unreachable': 0.75, overloaded: 0.25 },
      source: 'gateway',
      tellApart: `${LOG} After a refused connection lighttpd stops trying that backend for "disable-time" (1 s by default).`,
      reference: GW_BACKEND_C,
    },
    {
      id: 'lighttpd-504-gateway-timeout-lighttpds-own-page', title: '504 Gateway Timeout (lighttpd\'s own page)',
      when: [{ status: 504 }, { markup: PAGE_504 }],
      meaning: 'The backend stopped answering: it sent nothing within the proxy\'s read-timeout (or took the request too slowly).',
      causes: { 'origin-timeout': 0.85, overloaded: 0.15 },
      source: 'gateway',
      tellApart: LOG,
      reference: GW_BACKEND_C,
    },
    {
      id: 'lighttpd-502-bad-gateway-lighttpds-own-page', title: '502 Bad Gateway (lighttpd\'s own page)',
      when: [{ status: 502 }, { markup: PAGE_502 }],
      meaning: 'The backend\'s response was not valid HTTP (or its headers were too large), so lighttpd refused to pass it on.',
      causes: { 'origin-invalid-response': 0.85, 'origin-reset': 0.15 },
      source: 'gateway',
      tellApart: LOG,
      reference: HEADER_GLUE_C,
    },
    {
      id: 'lighttpd-500-internal-server-error-lighttpds-own', title: '500 Internal Server Error (lighttpd\'s own page)',
      when: [{ status: 500 }, { markup: PAGE_500 }],
      meaning: 'lighttpd sent the request but the backend closed or reset the connection without a response; with FastCGI/CGI (PHP) it also means the script crashed.',
      causes: { 'origin-reset': 0.55, 'origin-app-error': 0.35, unknown: 0.1 },
      source: 'gateway',
      tellApart: `"response not received, request sent … closing connection" in the error log is a backend that closed or reset the connection. ${LOG}`,
      reference: GW_BACKEND_C,
    },
    {
      id: 'lighttpd-unavailable-announced-backend-retry-after', title: 'Unavailable, as announced by the backend (Retry-After)',
      when: [{ status: 503 }, { header: 'retry-after' }, { markup: PAGE_503, absent: true }],
      meaning: 'The backend itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. lighttpd relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'lighttpd-error-passed-backend', title: 'Error passed on from the backend',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: 'The page is not lighttpd\'s built-in one: the backend wrote it and lighttpd relayed it.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: MOD_PROXY_DOC,
    },
  ],
  advice: {
    visitor: [],
    owner: ['Set proxy.debug = 1 (or fastcgi.debug) to get one error-log line per backend failure naming the reason.'],
  },
  sources: [GW_BACKEND_C, HEADER_GLUE_C, RESPONSE_C, MOD_PROXY_DOC],
});
