// Squid (reverse proxy, or your network's forward proxy): X-Squid-Error and the page's ERR_* template name the exact failure.
import { defineGateway, type Variant } from './types';

const TEMPLATES = 'https://github.com/squid-cache/squid/tree/master/errors/templates';
const ERRORPAGE_CC = 'https://github.com/squid-cache/squid/blob/master/src/errorpage.cc';
const HTTP_CC = 'https://github.com/squid-cache/squid/blob/master/src/http.cc';
const FWDSTATE_CC = 'https://github.com/squid-cache/squid/blob/master/src/FwdState.cc';

const LOG = 'Squid\'s access.log records the error code for the request (with a logformat using %err_code/%err_detail); cache.log has the matching warning, e.g. "Invalid Response" or "TCP connection to … failed".';

// One failure as Squid names it: its template id, the sentence its English page carries, and what it means.
type Meaning = Pick<Variant, 'meaning' | 'causes' | 'tellApart' | 'reference'>;

const CONNECT_FAIL: Meaning = {
  meaning: 'Squid could not open a TCP connection to the server: the errno on the page (and in X-Squid-Error) says why: 111 refused (nothing listening), 110 timed out, 113 no route to host.',
  causes: { 'origin-unreachable': 0.85, overloaded: 0.15 },
  tellApart: `"ERR_CONNECT_FAIL 111" is a refusal; "ERR_CONNECT_FAIL 110" a timeout (host down, firewall, or overloaded). ${LOG}`,
  reference: 'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_CONNECT_FAIL',
};
const DNS_FAIL: Meaning = {
  meaning: 'Squid could not resolve the server\'s host name; the page quotes the DNS server\'s answer.',
  causes: { 'origin-unreachable': 1 },
  reference: 'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_DNS_FAIL',
};
const READ_TIMEOUT: Meaning = {
  meaning: 'The server accepted the request but sent nothing within Squid\'s read_timeout (15 minutes by default).',
  causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
  reference: HTTP_CC,
};
const READ_ERROR_RESET: Meaning = {
  meaning: 'The server reset the connection while Squid was reading its response (errno 104).',
  causes: { 'origin-reset': 1 },
  reference: HTTP_CC,
};
const READ_ERROR: Meaning = {
  meaning: 'Squid got no usable answer: with errno 0 ("[No Error]") Squid usually never reached a server at all (every cache_peer is down, or the name did not resolve); with an errno, the read failed mid-connection.',
  causes: { 'origin-unreachable': 0.6, 'origin-reset': 0.25, 'origin-tls': 0.15 },
  tellApart: `X-Squid-Error "ERR_READ_ERROR 104" is a reset by the server; "ERR_READ_ERROR 0" with hierarchy HIER_NONE in access.log means no destination was available (peers marked down until a probe succeeds). ${LOG}`,
  reference: FWDSTATE_CC,
};
const ZERO_SIZE: Meaning = {
  meaning: 'The server closed the connection without sending a single byte of response.',
  causes: { 'origin-reset': 0.85, 'origin-app-error': 0.15 },
  reference: 'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_ZERO_SIZE_OBJECT',
};
const INVALID_RESP: Meaning = {
  meaning: 'The server\'s response could not be parsed as HTTP (a bad status line or header).',
  causes: { 'origin-invalid-response': 1 },
  tellApart: `cache.log says "Invalid Response: Bad header encountered" or similar. ${LOG}`,
  reference: 'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_INVALID_RESP',
};
const TOO_BIG: Meaning = {
  meaning: 'The request or the reply was larger than Squid allows (reply_header_max_size, 64 KB by default, or a reply_body_max_size rule).',
  causes: { 'origin-invalid-response': 0.7, unknown: 0.3 },
  reference: 'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_TOO_BIG',
};
const SECURE_CONNECT_FAIL: Meaning = {
  meaning: 'Squid could not set up TLS to the server: the page shows the TLS error (an untrusted or expired certificate, or a port that does not speak TLS).',
  causes: { 'origin-tls': 1 },
  reference: 'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_SECURE_CONNECT_FAIL',
};
const CANNOT_FORWARD: Meaning = {
  meaning: 'Squid found no way to forward the request: no reachable origin server or parent cache, or direct connections are not allowed.',
  causes: { 'origin-unreachable': 0.8, unknown: 0.2 },
  reference: 'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_CANNOT_FORWARD',
};
const GATEWAY_FAILURE: Meaning = {
  meaning: 'Squid hit an internal failure or a configuration problem while forwarding the request.',
  causes: { unknown: 0.7, overloaded: 0.3 },
  reference: 'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_GATEWAY_FAILURE',
};
const SOCKET_FAILURE: Meaning = {
  meaning: 'Squid itself could not create a socket towards the server, usually because the proxy is out of file descriptors or ports under heavy load.',
  causes: { overloaded: 0.85, unknown: 0.15 },
  reference: 'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_SOCKET_FAILURE',
};
const SHUTTING_DOWN: Meaning = {
  meaning: 'The Squid proxy is shutting down or restarting.',
  causes: { maintenance: 1 },
  reference: 'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_SHUTTING_DOWN',
};
const WRITE_ERROR: Meaning = {
  meaning: 'Sending the request to the server failed: the connection was closed or reset under it.',
  causes: { 'origin-reset': 0.8, unknown: 0.2 },
  reference: 'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_WRITE_ERROR',
};
const LIFETIME_EXP: Meaning = {
  meaning: 'The transfer took longer than Squid\'s client_lifetime and was cut off.',
  causes: { 'origin-timeout': 1 },
  reference: 'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_LIFETIME_EXP',
};
const ACCESS_DENIED: Meaning = {
  meaning: 'The proxy\'s access rules refused this request; nothing was sent to the site.',
  causes: { unknown: 1 },
  reference: 'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_ACCESS_DENIED',
};

export default defineGateway({
  id: 'squid',
  name: 'Squid',
  kind: 'forward-proxy',
  fingerprint: [
    { header: 'x-squid-error', weight: 0.95, note: 'Squid names the error template of a page it generated' },
    { header: 'server', startsWith: 'squid', weight: 0.85, note: 'Squid names itself in the Server header of its own pages' },
    { header: 'via', includes: '(squid', weight: 0.85, note: 'Squid adds "Via: 1.1 <host> (squid/<version>)"' },
    { header: 'x-cache-lookup', weight: 0.7, note: 'Squid 5 and earlier report their cache lookup' },
    { text: 'the requested url could not be retrieved', weight: 0.85, note: 'the heading of Squid\'s English error pages' },
    { text: '(squid/', weight: 0.75, note: 'Squid\'s error pages end with "Generated <date> by <host> (squid/<version>)"' },
    { text: 'squid is unable to create a tcp socket', weight: 0.9, note: 'Squid\'s socket-failure page' },
    { text: 'squid did not receive any data for this request', weight: 0.9, note: 'Squid\'s zero-sized-reply page' },
  ],
  variants: [
    // Each failure shows three ways: the X-Squid-Error header, the template id in the page (body id and closing comment, any language), the English sentence.
    { id: 'squid-err-connect-fail-connection-failed', title: 'ERR_CONNECT_FAIL: connection failed', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_CONNECT_FAIL' }, { markup: 'err_connect_fail' }, { text: 'the remote host or network may be down' }] }], source: 'gateway', ...CONNECT_FAIL },
    { id: 'squid-err-dns-fail-unable-resolve-host', title: 'ERR_DNS_FAIL: unable to resolve the host name', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_DNS_FAIL' }, { markup: 'err_dns_fail' }, { text: 'unable to determine ip address from host name' }] }], source: 'gateway', ...DNS_FAIL },
    { id: 'squid-err-read-timeout-read-timeout', title: 'ERR_READ_TIMEOUT: read timeout', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_READ_TIMEOUT' }, { markup: 'err_read_timeout' }, { text: 'a timeout occurred while waiting to read data from the network' }] }], source: 'gateway', ...READ_TIMEOUT },
    { id: 'squid-err-read-104-connection-reset', title: 'ERR_READ_ERROR 104: connection reset', when: [{ header: 'x-squid-error', equals: 'ERR_READ_ERROR 104' }], source: 'gateway', ...READ_ERROR_RESET },
    { id: 'squid-err-read-error-read-error', title: 'ERR_READ_ERROR: read error', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_READ_ERROR' }, { markup: 'err_read_error' }, { text: 'an error condition occurred while reading data from the network' }] }], source: 'gateway', ...READ_ERROR },
    { id: 'squid-err-zero-size-object-zero-sized', title: 'ERR_ZERO_SIZE_OBJECT: zero sized reply', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_ZERO_SIZE_OBJECT' }, { markup: 'err_zero_size_object' }, { text: 'squid did not receive any data for this request' }] }], source: 'gateway', ...ZERO_SIZE },
    { id: 'squid-err-invalid-resp-invalid-response', title: 'ERR_INVALID_RESP: invalid response', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_INVALID_RESP' }, { markup: 'err_invalid_resp' }, { text: 'could not be understood or was otherwise malformed' }] }], source: 'gateway', ...INVALID_RESP },
    { id: 'squid-err-too-big-request-reply-too', title: 'ERR_TOO_BIG: request or reply too large', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_TOO_BIG' }, { markup: 'err_too_big' }] }], source: 'gateway', ...TOO_BIG },
    { id: 'squid-err-secure-connect-fail-tls-server', title: 'ERR_SECURE_CONNECT_FAIL: TLS to the server failed', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_SECURE_CONNECT_FAIL' }, { markup: 'err_secure_connect_fail' }, { text: 'failed to establish a secure connection to' }] }], source: 'gateway', ...SECURE_CONNECT_FAIL },
    { id: 'squid-err-cannot-forward-unable-forward', title: 'ERR_CANNOT_FORWARD: unable to forward', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_CANNOT_FORWARD' }, { markup: 'err_cannot_forward' }, { text: 'unable to forward this request at this time' }] }], source: 'gateway', ...CANNOT_FORWARD },
    { id: 'squid-err-socket-failure-socket-failure', title: 'ERR_SOCKET_FAILURE: socket failure', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_SOCKET_FAILURE' }, { markup: 'err_socket_failure' }, { text: 'squid is unable to create a tcp socket' }] }], source: 'gateway', ...SOCKET_FAILURE },
    { id: 'squid-err-gateway-failure-gateway-proxy-failure', title: 'ERR_GATEWAY_FAILURE: gateway proxy failure', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_GATEWAY_FAILURE' }, { markup: 'err_gateway_failure' }] }], source: 'gateway', ...GATEWAY_FAILURE },
    { id: 'squid-err-shutting-down-proxy-shutting-down', title: 'ERR_SHUTTING_DOWN: proxy shutting down', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_SHUTTING_DOWN' }, { markup: 'err_shutting_down' }] }], source: 'gateway', ...SHUTTING_DOWN },
    { id: 'squid-err-write-error-write-error', title: 'ERR_WRITE_ERROR: write error', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_WRITE_ERROR' }, { markup: 'err_write_error' }] }], source: 'gateway', ...WRITE_ERROR },
    { id: 'squid-err-lifetime-exp-connection-lifetime-expired', title: 'ERR_LIFETIME_EXP: connection lifetime expired', when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_LIFETIME_EXP' }, { markup: 'err_lifetime_exp' }] }], source: 'gateway', ...LIFETIME_EXP },
    { id: 'squid-err-access-denied-blocked-proxy', title: 'ERR_ACCESS_DENIED: blocked by the proxy', when: [{ header: 'x-squid-error', startsWith: 'ERR_ACCESS_DENIED' }], source: 'gateway', ...ACCESS_DENIED },
    {
      id: 'squid-error-page', title: 'Squid error page',
      when: [{ header: 'x-squid-error' }],
      meaning: 'Squid generated this page itself; the X-Squid-Error header names its error template.',
      causes: {},
      source: 'gateway',
      tellApart: LOG,
      reference: ERRORPAGE_CC,
    },
    {
      id: 'squid-unavailable-announced-server-retry-after', title: 'Unavailable, as announced by the server (Retry-After)',
      when: [{ status: 503 }, { header: 'retry-after' }, { header: 'x-squid-error', absent: true }, { text: 'could not be retrieved', absent: true }],
      meaning: 'The server itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Squid relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'squid-error-passed-server', title: 'Error passed on from the server',
      when: [{ status: [500, 502, 503, 504] }, { header: 'x-squid-error', absent: true }, { text: 'could not be retrieved', absent: true }, { text: '(squid', absent: true }],
      meaning: 'Squid marks every page it generates with X-Squid-Error; this one has none, so the server behind Squid wrote it and Squid relayed it.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: ERRORPAGE_CC,
    },
  ],
  advice: {
    visitor: ['Squid is often your company\'s or school\'s proxy rather than the site\'s: if other sites fail the same way, the problem is on your network\'s side.'],
    owner: ['X-Squid-Error and the error template name the failure; access.log (with %err_code/%err_detail in the logformat) and cache.log have the details.'],
  },
  sources: [TEMPLATES, ERRORPAGE_CC, HTTP_CC, FWDSTATE_CC, 'https://www.squid-cache.org/Doc/config/'],
});
