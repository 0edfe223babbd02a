// Apache httpd as a reverse proxy (mod_proxy_http, mod_proxy_balancer, mod_proxy_fcgi): its error pages quote the reason after "Reason:".
import { defineGateway } from './types';

const PROTOCOL_C = 'https://github.com/apache/httpd/blob/2.4.x/modules/http/http_protocol.c';
const PROXY_UTIL_C = 'https://github.com/apache/httpd/blob/2.4.x/modules/proxy/proxy_util.c';
const PROXY_HTTP_C = 'https://github.com/apache/httpd/blob/2.4.x/modules/proxy/mod_proxy_http.c';
const MOD_PROXY_DOC = 'https://httpd.apache.org/docs/2.4/mod/mod_proxy.html';

// Canned texts from get_canned_error_string() in http_protocol.c (line breaks fall inside them; markers see folded whitespace).
const BAD_GATEWAY_TEXT = 'the proxy server received an invalid response from an upstream server';
const UNAVAILABLE_TEXT = 'the server is temporarily unable to service your request due to maintenance downtime or capacity problems';
const TIMEOUT_TEXT = 'the gateway did not receive a timely response from the upstream server or application';
const INTERNAL_TEXT = 'the server encountered an internal error or misconfiguration';
// ap_proxyerror() (proxy_util.c) adds this line and then "Reason: <strong>…</strong>".
const PROXY_ERROR = 'the proxy server could not handle the request';

const ERROR_LOG =
  'The error_log line for this request names it: AH00957 "attempt to connect to … failed" with (111) Connection refused, AH01114 "failed to make connection to backend", AH01102 "error reading status line from remote server" with (70007) timeout, (104) reset or (70014)/(20014) closed, AH01106 "bad HTTP/1.1 header", AH01170 "All workers are in error state", AH00941 "failed to acquire connection".';

export default defineGateway({
  id: 'apache',
  name: 'Apache httpd',
  kind: 'reverse-proxy',
  fingerprint: [
    { header: 'server', startsWith: 'apache/', weight: 0.85, note: 'Apache httpd names itself and its version in the Server header' },
    { header: 'server', equals: 'apache', weight: 0.8, note: 'Apache httpd with ServerTokens Prod' },
    { markup: '<address>apache', weight: 0.9, note: 'the server signature at the foot of Apache\'s error pages' },
    { text: BAD_GATEWAY_TEXT, weight: 0.85, note: 'Apache\'s built-in 502 page' },
    { text: PROXY_ERROR, weight: 0.85, note: 'Apache mod_proxy\'s error page' },
    { text: UNAVAILABLE_TEXT, weight: 0.7, note: 'Apache\'s built-in 503 page (others copy its wording)' },
    { text: TIMEOUT_TEXT, weight: 0.7, note: 'Apache\'s built-in 504 page' },
  ],
  variants: [
    {
      id: 'apache-proxy-error-error-during-ssl-handshake', title: 'Proxy Error: Error during SSL Handshake with remote server',
      when: [{ text: 'error during ssl handshake with remote server' }],
      meaning: 'Apache could not complete the TLS handshake with the backend: a certificate it does not trust (with SSLProxyVerify require), or TLS spoken to a plain-HTTP port.',
      causes: { 'origin-tls': 1 },
      source: 'gateway',
      tellApart: 'With LogLevel ssl:info the error_log shows the OpenSSL reason, e.g. "certificate verify failed" or "wrong version number" (plain HTTP on the backend port).',
      reference: PROXY_UTIL_C,
    },
    {
      id: 'apache-proxy-error-dns-lookup-failure', title: 'Proxy Error: DNS lookup failure',
      when: [{ text: 'dns lookup failure for' }],
      meaning: 'Apache could not resolve the backend\'s host name from the ProxyPass target.',
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      advice: { owner: ['Check the host name in ProxyPass/BalancerMember and that it resolves from the Apache server.'] },
      reference: PROXY_UTIL_C,
    },
    {
      id: 'apache-proxy-error-error-reading-remote-server', title: 'Proxy Error: Error reading from remote server',
      when: [{ text: 'error reading from remote server' }],
      meaning: 'Apache sent the request but got no status line back: the backend reset or closed the connection, or said nothing within ProxyTimeout (Apache 2.4 reports a backend read timeout as this 502 too).',
      causes: { 'origin-reset': 0.4, 'origin-timeout': 0.35, overloaded: 0.2, 'origin-invalid-response': 0.05 },
      source: 'gateway',
      tellApart: `The AH01102 line in error_log carries the system reason: "(70007)The timeout specified has expired" is a timeout, "(104)Connection reset by peer" a reset, "(70014)End of file found" or "(20014)Internal error" a closed connection. ${ERROR_LOG}`,
      reference: PROXY_HTTP_C,
    },
    {
      id: 'apache-proxy-error-corrupt-status-line', title: 'Proxy Error: corrupt status line',
      when: [{ text: 'corrupt status line returned by remote server' }],
      meaning: 'The backend answered with something that is not a valid HTTP/1 status line.',
      causes: { 'origin-invalid-response': 1 },
      source: 'gateway',
      reference: PROXY_HTTP_C,
    },
    {
      id: 'apache-proxy-error-other-reason', title: 'Proxy Error (other reason)',
      when: [{ text: PROXY_ERROR }],
      fallback: true,
      meaning: 'Apache\'s proxy module failed for the reason quoted after "Reason:" on the page.',
      causes: { 'origin-invalid-response': 0.4, 'origin-unreachable': 0.3, unknown: 0.3 },
      source: 'gateway',
      tellApart: ERROR_LOG,
      reference: PROXY_UTIL_C,
    },
    {
      id: 'apache-502-bad-gateway-apaches-own-page', title: '502 Bad Gateway (Apache\'s own page)',
      when: [{ status: 502 }, { text: BAD_GATEWAY_TEXT }, { text: PROXY_ERROR, absent: true }],
      meaning: 'The backend\'s response could not be used: a malformed header line, headers over ResponseFieldSize (8 KB per line), or a connection that broke mid-response.',
      causes: { 'origin-invalid-response': 0.7, 'origin-reset': 0.25, unknown: 0.05 },
      source: 'gateway',
      tellApart: `AH01106 "bad HTTP/1.1 header returned by …" (often with AH10124 "header size is over the limit") means the backend sent an invalid or oversized header. ${ERROR_LOG}`,
      reference: PROTOCOL_C,
    },
    {
      id: 'apache-503-service-unavailable-apaches-own-page', title: '503 Service Unavailable (Apache\'s own page)',
      when: [{ status: 503 }, { text: UNAVAILABLE_TEXT }],
      meaning:
        'Apache answered 503 itself: the connection to the backend failed (after which the worker is put in an error state for 60 s), every balancer member is in error state, or the connection pool was full.',
      causes: { 'origin-unreachable': 0.6, overloaded: 0.3, maintenance: 0.1 },
      source: 'gateway',
      tellApart: `${ERROR_LOG} After one failure Apache keeps answering 503 without trying the backend until the worker's retry time (60 s) passes.`,
      advice: { owner: ['Make sure the backend listens on the ProxyPass address; lower retry= on the worker if a brief backend restart keeps Apache answering 503 for a minute.'] },
      reference: MOD_PROXY_DOC,
    },
    {
      id: 'apache-504-gateway-timeout-apaches-own-page', title: '504 Gateway Timeout (Apache\'s own page)',
      when: [{ status: 504 }, { text: TIMEOUT_TEXT }],
      meaning: 'The backend did not answer within ProxyTimeout (which defaults to Timeout, 60 s).',
      causes: { 'origin-timeout': 0.85, 'origin-unreachable': 0.15 },
      source: 'gateway',
      tellApart: ERROR_LOG,
      reference: PROXY_UTIL_C,
    },
    {
      id: 'apache-500-internal-server-error-apaches-own', title: '500 Internal Server Error (Apache\'s own page)',
      when: [{ status: 500 }, { text: INTERNAL_TEXT }],
      meaning: 'Apache failed while handling the request itself: a CGI or FastCGI script that crashed or sent bad headers, or a configuration (.htaccess) error.',
      causes: { 'origin-app-error': 0.6, unknown: 0.4 },
      source: 'gateway',
      tellApart: 'error_log names it, e.g. "End of script output before headers" (the script crashed) or "Invalid command … perhaps misspelled" (.htaccess).',
      reference: PROTOCOL_C,
    },
    {
      id: 'apache-unavailable-announced-backend-retry-after', title: 'Unavailable, as announced by the backend (Retry-After)',
      when: [{ status: 503 }, { header: 'retry-after' }, { text: UNAVAILABLE_TEXT, absent: true }],
      meaning: 'The backend itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Apache relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'apache-error-passed-backend', title: 'Error passed on from the backend',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: 'The page is not one of Apache\'s built-in pages: the backend wrote it and Apache relayed it (ProxyErrorOverride is off by default).',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: MOD_PROXY_DOC,
    },
  ],
  advice: {
    visitor: [],
    owner: ['Apache\'s error_log (often /var/log/apache2/error.log) has the AH-numbered line that names the exact failure; "LogLevel proxy:info" adds the connect details.'],
  },
  sources: [PROTOCOL_C, PROXY_UTIL_C, PROXY_HTTP_C, MOD_PROXY_DOC],
});
