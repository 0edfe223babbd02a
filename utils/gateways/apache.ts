// Apache httpd as a reverse proxy (mod_proxy_http, _balancer, _fcgi, _uwsgi, _scgi, _ajp): canned pages per status, and "Reason:" on Proxy Error pages.
import { defineGateway } from './types';

const A = 'https://github.com/apache/httpd/blob/f45abec1bd20396cea777a411bd5975abefad279/';
const PROTOCOL_C = `${A}modules/http/http_protocol.c`;
const PROXY_UTIL_C = `${A}modules/proxy/proxy_util.c`;
const PROXY_HTTP_C = `${A}modules/proxy/mod_proxy_http.c`;
const PROXY_FCGI_C = `${A}modules/proxy/mod_proxy_fcgi.c`;
const BALANCER_C = `${A}modules/proxy/mod_proxy_balancer.c`;

// Canned texts of get_canned_error_string() (http_protocol.c); their line breaks fold into single spaces.
const BAD_GATEWAY_TEXT = 'the proxy server received an invalid response from an upstream server';
const UNAVAILABLE_TEXT = 'the server is temporarily unable to service your request due to maintenance downtime or capacity problems';
const TIMEOUT_TEXT = 'the gateway did not receive a timely response from the upstream server or application';
const INTERNAL_TEXT = 'the server encountered an internal error or misconfiguration and was unable to complete your request';
const TOO_MANY_TEXT = 'the user has sent too many requests in a given amount of time';
const TOO_LARGE_TEXT = 'the amount of data provided in the request exceeds the capacity limit';
// Added to any canned page when the ErrorDocument configured for it failed too (http_protocol.c#L1533-L1536).
const ERROR_DOCUMENT_FAILED = 'error was encountered while trying to use an errordocument to handle the request';
// ap_proxyerror() (proxy_util.c#L412-L430) writes this line, then "Reason: <strong>…</strong>", under the status line "<code> Proxy Error".
const PROXY_ERROR = 'the proxy server could not handle the request';
const PROXY_ERROR_REASON = { reason: 'proxy error' } as const;
// The type of Apache's own pages (http_protocol.c#L1440-L1450): without the charset when suppress-error-charset is set.
const OWN_TYPE = {
  any: [
    { header: 'content-type', includes: 'iso-8859-1' },
    { header: 'content-type', equals: 'text/html' },
  ],
} as const;

const ERROR_LOG =
  'error_log names it: AH00957 "attempt to connect to … failed" and AH01114 "failed to make connection to backend" (nothing accepted the connection), AH00959 "disabling worker … for 60s", AH01102 "error reading status line from remote server" with (70007) timeout, (104) reset or (70014) end of file, AH01106 "bad HTTP/1.1 header returned by", AH01170 "All workers are in error state", AH00941 "failed to acquire connection"; through mod_proxy_fcgi AH01079 (connect), AH01067 "Failed to read FastCGI header", AH01070 "Error parsing script headers".';

const readFailure = {
  meaning:
    'Apache sent the request but read no status line back: the backend closed or reset the connection, or said nothing within ProxyTimeout (Apache 2.4 reports a backend read timeout as this 502, not as a 504).',
  causes: { 'origin-reset': 0.45, 'origin-timeout': 0.4, 'origin-invalid-response': 0.15 },
  tellApart: `The AH01102 line carries the system reason: "(70007)The timeout specified has expired" is a timeout, "(104)Connection reset by peer" a reset, "(70014)End of file found" a closed connection. ${ERROR_LOG}`,
  reference: `${PROXY_HTTP_C}#L1110-L1120`,
} as const;

const unavailable = {
  meaning:
    'Apache answered 503 itself: it could not connect to the backend (refused, unreachable, or connectiontimeout), the worker is still in its error state after such a failure (retry=, 60 s), every balancer member is in error state or busy, or a FastCGI/uWSGI/SCGI backend failed before answering.',
  causes: { 'origin-unreachable': 0.7, overloaded: 0.2, maintenance: 0.1 },
  tellApart: `${ERROR_LOG} After one failed connect Apache keeps answering 503 without trying the backend until the worker's retry time (60 s) passes.`,
  advice: {
    owner: [
      'Make sure the backend listens on the ProxyPass address; lower retry= on the worker if a brief backend restart keeps Apache answering 503 for a minute.',
    ],
  },
  reference: `${PROXY_HTTP_C}#L2050-L2058`,
} as const;

const timeout = {
  meaning:
    'A backend did not answer in time: mod_proxy_fcgi, mod_proxy_ajp or a tunnel hit ProxyTimeout (Timeout, 60 s by default), or sending the request body to the backend timed out.',
  // A backend whose workers are all busy leaves the request in its listen queue until the timeout fires (uWSGI master.c#L294-L295).
  causes: { 'origin-timeout': 0.8, overloaded: 0.15, unknown: 0.05 },
  tellApart: ERROR_LOG,
  reference: `${PROXY_FCGI_C}#L1043-L1044`,
} as const;

const dnsOrTls = {
  causes: { 'origin-unreachable': 0.6, 'origin-tls': 0.4 },
  tellApart:
    'Apache answers "500 Proxy Error" only when the backend\'s name did not resolve ("Reason: DNS lookup failure for: …", Apache 2.4.59 and later) or the TLS handshake with it failed ("Reason: Error during SSL Handshake with remote server").',
  reference: `${PROXY_UTIL_C}#L2891-L2897`,
} as const;

export default defineGateway({
  id: 'apache',
  name: 'Apache httpd',
  kind: 'reverse-proxy',
  bodyTells:
    'Apache\'s Proxy Error page would quote the reason after "Reason:" (error reading from the backend, DNS, TLS); its other pages only say the status, and the error_log has the rest.',
  fingerprint: [
    // Apache keeps the backend's Server header on relayed responses, so its own is mostly on its own errors.
    {
      header: 'server',
      startsWith: 'apache/',
      weight: 0.85,
      note: 'Apache httpd names itself and its version in the Server header (http_filters.c#L1110-L1127)',
    },
    { header: 'server', equals: 'apache', weight: 0.8, note: 'Apache httpd with ServerTokens Prod' },
    { header: 'via', includes: '(apache/', weight: 0.8, note: 'with ProxyVia Full, Apache adds "Via: 1.1 host (Apache/2.4…)" to responses it relays' },
    { reason: 'proxy error', weight: 0.7, note: 'the status line "Proxy Error" that Apache\'s mod_proxy writes for its own errors' },
    { markup: '<address>apache', weight: 0.9, note: "the server signature at the foot of Apache's error pages" },
    { text: BAD_GATEWAY_TEXT, weight: 0.85, note: "Apache's built-in 502 page" },
    { text: PROXY_ERROR, weight: 0.85, note: "Apache mod_proxy's error page" },
    { text: ERROR_DOCUMENT_FAILED, weight: 0.9, note: "Apache's note that its ErrorDocument failed too" },
    { text: UNAVAILABLE_TEXT, weight: 0.7, note: "Apache's built-in 503 page (others copy its wording)" },
    { text: TIMEOUT_TEXT, weight: 0.7, note: "Apache's built-in 504 page" },
    { text: INTERNAL_TEXT, weight: 0.7, note: "Apache's built-in 500 page" },
    { text: TOO_MANY_TEXT, weight: 0.6, note: "Apache's built-in 429 page" },
    { text: TOO_LARGE_TEXT, weight: 0.6, note: "Apache's built-in 413 page" },
  ],
  relayed: [
    {
      header: 'via',
      includes: '(apache/',
      note: 'Apache adds Via only to responses it got from the backend, never to its own errors (mod_proxy_http.c#L1348-L1368)',
    },
  ],
  variants: [
    {
      id: 'apache-proxy-error-error-during-ssl-handshake',
      title: 'Proxy Error: Error during SSL Handshake with remote server',
      when: [{ text: 'error during ssl handshake with remote server' }],
      meaning:
        'Apache could not complete the TLS handshake with the backend: a certificate it does not trust (SSLProxyVerify require), a name that does not match, or TLS spoken to a plain-HTTP port.',
      causes: { 'origin-tls': 1 },
      source: 'gateway',
      tellApart:
        'With LogLevel ssl:info the error_log shows the OpenSSL reason, e.g. "certificate verify failed" or "wrong version number" (plain HTTP on the backend port).',
      reference: `${PROXY_UTIL_C}#L5102-L5112`,
    },
    {
      id: 'apache-proxy-error-dns-lookup-failure',
      title: 'Proxy Error: DNS lookup failure',
      when: [{ text: 'dns lookup failure for' }],
      meaning: "Apache could not resolve the backend's host name from the ProxyPass or BalancerMember target (a 500 since Apache 2.4.59, a 502 before).",
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      advice: { owner: ['Check the host name in ProxyPass/BalancerMember and that it resolves from the Apache server.'] },
      reference: `${PROXY_UTIL_C}#L2891-L2897`,
    },
    {
      id: 'apache-proxy-error-error-reading-remote-server',
      title: 'Proxy Error: Error reading from remote server',
      when: [{ text: 'error reading from remote server' }],
      source: 'gateway',
      ...readFailure,
    },
    {
      id: 'apache-proxy-error-corrupt-status-line',
      title: 'Proxy Error: corrupt status line',
      when: [{ text: 'corrupt status line returned by remote server' }],
      meaning: 'The backend answered with something that is not an HTTP/1 status line (or one longer than 8 KB).',
      causes: { 'origin-invalid-response': 1 },
      source: 'gateway',
      reference: `${PROXY_HTTP_C}#L1204-L1212`,
    },
    {
      id: 'apache-proxy-error-backend-protocol-violation',
      title: 'Proxy Error: the backend broke the protocol',
      when: [{ any: [{ text: 'unexpected upgrade' }, { text: 'malformed connection header' }, { text: 'interim responses from origin server' }] }],
      meaning: "The backend's response broke HTTP: an Upgrade nobody asked for, a malformed Connection header, or too many 1xx interim responses.",
      causes: { 'origin-invalid-response': 1 },
      source: 'gateway',
      reference: `${PROXY_HTTP_C}#L1312-L1330`,
    },
    {
      id: 'apache-proxy-error-request-refused',
      title: 'Proxy Error: the proxy refused the request',
      when: [
        {
          any: [
            { text: 'max-forwards has reached zero' },
            { text: 'max-forwards request header could not be parsed' },
            { text: 'uri cannot be parsed' },
            { text: 'uri has no hostname' },
            { text: 'connect to remote machine blocked' },
          ],
        },
      ],
      meaning:
        "Apache's proxy refused the request itself before any backend was asked: a proxy loop (Max-Forwards reached zero), a URL it cannot parse, or a blocked destination (ProxyBlock).",
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${PROXY_UTIL_C}#L3245-L3253`,
    },
    {
      id: 'apache-proxy-error-other-reason',
      title: 'Proxy Error (other reason)',
      when: [{ text: PROXY_ERROR }],
      fallback: true,
      meaning: 'Apache\'s proxy module failed for the reason quoted after "Reason:" on the page.',
      causes: { 'origin-invalid-response': 0.4, 'origin-unreachable': 0.3, unknown: 0.3 },
      source: 'gateway',
      tellApart: ERROR_LOG,
      reference: `${PROXY_UTIL_C}#L412-L430`,
    },
    {
      id: 'apache-503-proxy-error-timeout-100-continue',
      title: '503 Proxy Error: Timeout on 100-Continue',
      when: [{ status: 503 }, PROXY_ERROR_REASON],
      meaning:
        'Apache asked the backend for "100 Continue" before sending the request body (the ping= worker parameter) and got no answer in time. The 503 page does not show the reason, but this is the only 503 Apache titles "Proxy Error".',
      causes: { 'origin-timeout': 1 },
      source: 'gateway',
      reference: `${PROXY_HTTP_C}#L1116-L1119`,
    },
    {
      id: 'apache-502-bad-gateway-apaches-own-page',
      title: "502 Bad Gateway (Apache's own page)",
      when: [{ status: 502 }, { text: BAD_GATEWAY_TEXT }, { text: PROXY_ERROR, absent: true }],
      meaning: "The backend's response headers could not be used (a malformed line, or one over ResponseFieldSize, 8 KB), or sending the request body failed.",
      causes: { 'origin-invalid-response': 0.85, 'origin-reset': 0.15 },
      source: 'gateway',
      tellApart: `AH01106 "bad HTTP/1.1 header returned by …" means the backend sent an invalid or oversized header. ${ERROR_LOG}`,
      reference: `${PROXY_HTTP_C}#L1254-L1268`,
    },
    {
      id: 'apache-503-service-unavailable-apaches-own-page',
      title: "503 Service Unavailable (Apache's own page)",
      when: [{ status: 503 }, { text: UNAVAILABLE_TEXT }],
      source: 'gateway',
      ...unavailable,
    },
    {
      id: 'apache-504-gateway-timeout-apaches-own-page',
      title: "504 Gateway Timeout (Apache's own page)",
      when: [{ status: 504 }, { text: TIMEOUT_TEXT }],
      source: 'gateway',
      ...timeout,
    },
    {
      id: 'apache-500-internal-server-error-apaches-own',
      title: "500 Internal Server Error (Apache's own page)",
      when: [{ status: 500 }, { text: INTERNAL_TEXT }],
      meaning: 'Apache failed while handling the request itself: a CGI script that crashed or sent bad headers, or a configuration (.htaccess) error.',
      causes: { 'origin-app-error': 0.6, unknown: 0.4 },
      source: 'gateway',
      tellApart: 'error_log names it, e.g. "End of script output before headers" (the script crashed) or "Invalid command … perhaps misspelled" (.htaccess).',
      reference: `${PROTOCOL_C}#L1317-L1346`,
    },
    {
      id: 'apache-429-too-many-requests-own-page',
      title: "429 Too Many Requests (Apache's own page)",
      when: [{ status: 429 }, { text: TOO_MANY_TEXT }],
      meaning: 'A module limiting request rates refused this request before any backend was asked.',
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: `${PROTOCOL_C}#L1280-L1282`,
    },
    {
      id: 'apache-413-request-entity-too-large-own-page',
      title: "413 Request Entity Too Large (Apache's own page)",
      when: [{ status: 413 }, { text: TOO_LARGE_TEXT }],
      meaning: 'The request body is larger than LimitRequestBody allows; Apache refused it without asking the backend.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${PROTOCOL_C}#L1228-L1234`,
    },
    {
      id: 'apache-response-relayed-via',
      title: 'Response relayed by Apache (Via names it)',
      when: [{ header: 'via', includes: '(apache/' }],
      meaning: 'Apache got this response from the backend and passed it on: it adds Via (ProxyVia Full) only to relayed responses, never to its own errors.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: `${PROXY_HTTP_C}#L1348-L1368`,
    },
    // Status line only: the reason phrase "Proxy Error" marks an ap_proxyerror() page, the plain one a canned page.
    {
      id: 'apache-502-proxy-error-no-body',
      title: '502 Proxy Error (page not seen)',
      when: [{ status: 502 }, PROXY_ERROR_REASON, { body: 'unseen' }],
      source: 'gateway',
      ...readFailure,
    },
    {
      id: 'apache-502-bad-gateway-no-body',
      title: '502 Bad Gateway from Apache (page not seen)',
      when: [{ status: 502 }, { reason: 'bad gateway' }, { body: 'unseen' }, OWN_TYPE],
      meaning: 'Apache\'s plain "502 Bad Gateway" (not "Proxy Error") comes from a backend response it could not parse, or a request body it could not send.',
      causes: { 'origin-invalid-response': 0.85, 'origin-reset': 0.15 },
      source: 'gateway',
      reference: `${PROXY_HTTP_C}#L1254-L1268`,
    },
    {
      id: 'apache-500-proxy-error-no-body',
      title: '500 Proxy Error (page not seen)',
      when: [{ status: 500 }, PROXY_ERROR_REASON, { body: 'unseen' }],
      meaning: "Apache's proxy could not resolve the backend's name or complete TLS with it.",
      source: 'gateway',
      ...dnsOrTls,
    },
    // Headers only: Apache's own pages are text/html; charset=iso-8859-1 (http_protocol.c#L1449); a relayed page keeps the backend's type.
    {
      id: 'apache-error-passed-backend-content-type',
      title: 'Error passed on from the backend (its Content-Type)',
      when: [
        { status: [500, 502, 503, 504] },
        { body: 'unseen' },
        {
          any: [
            { header: 'content-type', includes: 'json' },
            { header: 'content-type', includes: 'charset=' },
          ],
        },
        { header: 'content-type', includes: 'iso-8859-1', absent: true },
      ],
      meaning:
        'Apache writes its own error pages as "text/html; charset=iso-8859-1"; this response carries another type, so the backend wrote it and Apache relayed it.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: `${PROTOCOL_C}#L1440-L1450`,
    },
    {
      id: 'apache-503-no-body',
      title: '503 from Apache (its page not seen)',
      when: [{ status: 503 }, { body: 'unseen' }, OWN_TYPE, { ...PROXY_ERROR_REASON, absent: true }],
      meaning:
        "Most often Apache's own 503: it could not connect to the backend, the worker is still in its error state after such a failure, every balancer member is in error state or busy, or a FastCGI backend failed before answering.",
      causes: unavailable.causes,
      source: 'gateway',
      tellApart: unavailable.tellApart,
      reference: unavailable.reference,
    },
    {
      id: 'apache-502-no-body',
      title: '502 from Apache (its page not seen)',
      when: [{ status: 502 }, { body: 'unseen' }, OWN_TYPE, { ...PROXY_ERROR_REASON, absent: true }],
      meaning:
        'Apache answers 502 when it read no usable response from the backend: the backend closed or reset the connection, said nothing within ProxyTimeout, or sent a malformed response.',
      causes: { 'origin-reset': 0.35, 'origin-timeout': 0.3, 'origin-invalid-response': 0.3, 'origin-unreachable': 0.05 },
      source: 'gateway',
      tellApart: ERROR_LOG,
      reference: `${PROXY_HTTP_C}#L1193-L1194`,
    },
    {
      id: 'apache-504-no-body',
      title: '504 from Apache (its page not seen)',
      when: [{ status: 504 }, { body: 'unseen' }, OWN_TYPE],
      source: 'gateway',
      ...timeout,
    },
    {
      id: 'apache-500-no-body',
      title: '500 through Apache (its page not seen)',
      when: [{ status: 500 }, { body: 'unseen' }, OWN_TYPE, { ...PROXY_ERROR_REASON, absent: true }],
      meaning:
        "A 500 through Apache is most often the backend's or a script's own error; Apache's proxy writes a 500 only for a DNS or TLS failure (then its reason phrase is \"Proxy Error\").",
      causes: { 'origin-app-error': 0.6, 'origin-unreachable': 0.2, 'origin-tls': 0.1, unknown: 0.1 },
      source: 'unknown',
      reference: `${PROXY_UTIL_C}#L2891-L2897`,
    },
    {
      id: 'apache-error-passed-backend',
      title: 'Error passed on from the backend',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: "The page is not one of Apache's built-in pages: the backend wrote it and Apache relayed it (ProxyErrorOverride is off by default).",
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: 'https://httpd.apache.org/docs/2.4/mod/mod_proxy.html#proxyerroroverride',
    },
  ],
  documented: [
    {
      name: '502 Bad Gateway: "The proxy server received an invalid response from an upstream server."',
      reference: `${PROTOCOL_C}#L1213-L1216`,
      variant: 'apache-502-bad-gateway-apaches-own-page',
      example: {
        status: 502,
        reason: 'Bad Gateway',
        body: '<h1>Bad Gateway</h1>\n<p>The proxy server received an invalid\r\nresponse from an upstream server.<br />\r\n</p>',
      },
    },
    {
      name: '503 Service Unavailable: "The server is temporarily unable to service your request due to maintenance downtime or capacity problems."',
      reference: `${PROTOCOL_C}#L1292-L1295`,
      variant: 'apache-503-service-unavailable-apaches-own-page',
      example: {
        status: 503,
        body: '<h1>Service Unavailable</h1>\n<p>The server is temporarily unable to service your\nrequest due to maintenance downtime or capacity\nproblems. Please try again later.</p>',
      },
    },
    {
      name: '504 Gateway Timeout: "The gateway did not receive a timely response from the upstream server or application."',
      reference: `${PROTOCOL_C}#L1296-L1298`,
      variant: 'apache-504-gateway-timeout-apaches-own-page',
      example: {
        status: 504,
        body: '<h1>Gateway Timeout</h1>\n<p>The gateway did not receive a timely response\nfrom the upstream server or application.</p>',
      },
    },
    {
      name: '500 Internal Server Error: "The server encountered an internal error or misconfiguration …"',
      reference: `${PROTOCOL_C}#L1317-L1346`,
      variant: 'apache-500-internal-server-error-apaches-own',
      example: {
        status: 500,
        body: '<h1>Internal Server Error</h1>\n<p>The server encountered an internal error or\nmisconfiguration and was unable to complete\nyour request.</p>',
      },
    },
    {
      name: '429 Too Many Requests: "The user has sent too many requests in a given amount of time."',
      reference: `${PROTOCOL_C}#L1280-L1282`,
      variant: 'apache-429-too-many-requests-own-page',
      example: { status: 429, body: '<h1>Too Many Requests</h1>\n<p>The user has sent too many requests\nin a given amount of time.</p>' },
    },
    {
      name: '413 Request Entity Too Large: "… the amount of data provided in the request exceeds the capacity limit."',
      reference: `${PROTOCOL_C}#L1228-L1234`,
      variant: 'apache-413-request-entity-too-large-own-page',
      example: {
        status: 413,
        body: '<h1>Request Entity Too Large</h1>\nThe requested resource does not allow request data with POST requests, or the amount of data provided in\nthe request exceeds the capacity limit.',
      },
    },
    {
      name: 'Reason: Error reading from remote server',
      reference: `${PROXY_HTTP_C}#L1193-L1194`,
      variant: 'apache-proxy-error-error-reading-remote-server',
      example: {
        status: 502,
        reason: 'Proxy Error',
        body: '<h1>Proxy Error</h1>\nThe proxy server could not handle the request<p>Reason: <strong>Error reading from remote server</strong></p>',
      },
    },
    {
      name: 'Reason: Corrupt status line returned by remote server',
      reference: `${PROXY_HTTP_C}#L1210-L1212`,
      variant: 'apache-proxy-error-corrupt-status-line',
      example: {
        status: 502,
        body: 'The proxy server could not handle the request<p>Reason: <strong>Corrupt status line returned by remote server: HELLO</strong></p>',
      },
    },
    {
      name: 'Reason: Unexpected Upgrade',
      reference: `${PROXY_HTTP_C}#L1312-L1314`,
      variant: 'apache-proxy-error-backend-protocol-violation',
      example: { status: 502, body: 'The proxy server could not handle the request<p>Reason: <strong>Unexpected Upgrade: websocket</strong></p>' },
    },
    {
      name: 'Reason: Malformed connection header',
      reference: `${PROXY_HTTP_C}#L1328-L1329`,
      variant: 'apache-proxy-error-backend-protocol-violation',
      example: { status: 502, body: 'The proxy server could not handle the request<p>Reason: <strong>Malformed connection header</strong></p>' },
    },
    {
      name: 'Reason: Too many (N) interim responses from origin server',
      reference: `${PROXY_HTTP_C}#L1839-L1841`,
      variant: 'apache-proxy-error-backend-protocol-violation',
      example: {
        status: 502,
        body: 'The proxy server could not handle the request<p>Reason: <strong>Too many (11) interim responses from origin server</strong></p>',
      },
    },
    {
      name: 'Timeout on 100-Continue (503 Proxy Error; the page does not show it)',
      reference: `${PROXY_HTTP_C}#L1118-L1119`,
      variant: 'apache-503-proxy-error-timeout-100-continue',
      example: { status: 503, reason: 'Proxy Error' },
    },
    {
      name: 'Reason: DNS lookup failure for: …',
      reference: `${PROXY_UTIL_C}#L2893-L2897`,
      variant: 'apache-proxy-error-dns-lookup-failure',
      example: {
        status: 500,
        reason: 'Proxy Error',
        body: 'The proxy server could not handle the request<p>Reason: <strong>DNS lookup failure for: backend</strong></p><p />',
      },
    },
    {
      name: 'Reason: Error during SSL Handshake with remote server',
      reference: `${PROXY_UTIL_C}#L5108-L5110`,
      variant: 'apache-proxy-error-error-during-ssl-handshake',
      example: {
        status: 500,
        reason: 'Proxy Error',
        body: 'The proxy server could not handle the request<p>Reason: <strong>Error during SSL Handshake with remote server</strong></p><p />',
      },
    },
    {
      name: 'Reason: URI cannot be parsed / URI has no hostname',
      reference: `${PROXY_UTIL_C}#L3245-L3253`,
      variant: 'apache-proxy-error-request-refused',
      example: { status: 400, body: 'The proxy server could not handle the request<p>Reason: <strong>URI cannot be parsed: http://</strong></p>' },
    },
    {
      name: 'Reason: Connect to remote machine blocked',
      reference: `${PROXY_UTIL_C}#L3427-L3428`,
      variant: 'apache-proxy-error-request-refused',
      example: { status: 403, body: 'The proxy server could not handle the request<p>Reason: <strong>Connect to remote machine blocked</strong></p>' },
    },
    {
      name: 'Reason: Max-Forwards request header could not be parsed / Max-Forwards has reached zero - proxy loop?',
      reference: `${A}modules/proxy/mod_proxy.c#L1274-L1295`,
      variant: 'apache-proxy-error-request-refused',
      example: {
        status: 400,
        body: 'The proxy server could not handle the request<p>Reason: <strong>Max-Forwards has reached zero - proxy loop?</strong></p>',
      },
    },
    {
      name: 'mod_proxy_ftp reasons (Unable to set transfer type, Failed to read PWD on ftp server)',
      reference: `${A}modules/proxy/mod_proxy_ftp.c#L871-L905`,
      variant: 'apache-proxy-error-other-reason',
      example: { status: 502, body: 'The proxy server could not handle the request<p>Reason: <strong>Unable to set transfer type</strong></p>' },
    },
    {
      name: '"Additionally, a … error was encountered while trying to use an ErrorDocument to handle the request."',
      reference: `${PROTOCOL_C}#L1533-L1536`,
      variant: 'apache-503-service-unavailable-apaches-own-page',
      example: {
        status: 503,
        body: 'Service Unavailable\nThe server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.\nAdditionally, a 503 Service Unavailable error was encountered while trying to use an ErrorDocument to handle the request.',
      },
    },
    {
      name: 'AH00957 HTTP: attempt to connect to … failed',
      reference: `${PROXY_UTIL_C}#L3935-L3944`,
      variant: 'apache-503-service-unavailable-apaches-own-page',
      logOnly: true,
    },
    {
      name: 'AH01114 HTTP: failed to make connection to backend',
      reference: `${PROXY_HTTP_C}#L2050-L2058`,
      variant: 'apache-503-service-unavailable-apaches-own-page',
      logOnly: true,
    },
    {
      name: 'AH00959 ap_proxy_connect_backend disabling worker for … for 60s',
      reference: `${PROXY_UTIL_C}#L4025-L4037`,
      variant: 'apache-503-service-unavailable-apaches-own-page',
      logOnly: true,
    },
    {
      name: 'AH00940 HTTP: disabled connection for …',
      reference: `${PROXY_UTIL_C}#L2780-L2814`,
      variant: 'apache-503-service-unavailable-apaches-own-page',
      logOnly: true,
    },
    {
      name: 'AH00941 HTTP: failed to acquire connection for …',
      reference: `${PROXY_UTIL_C}#L2780-L2814`,
      variant: 'apache-503-service-unavailable-apaches-own-page',
      logOnly: true,
    },
    {
      name: 'AH01167/AH01170 All workers are in error state',
      reference: `${BALANCER_C}#L550-L584`,
      variant: 'apache-503-service-unavailable-apaches-own-page',
      logOnly: true,
    },
    {
      name: 'AH00934 all workers are busy.  Unable to serve …',
      reference: `${PROXY_UTIL_C}#L2657-L2662`,
      variant: 'apache-503-service-unavailable-apaches-own-page',
      logOnly: true,
    },
    {
      name: 'AH01079 failed to make connection to backend (mod_proxy_fcgi)',
      reference: `${PROXY_FCGI_C}#L995-L1046`,
      variant: 'apache-503-service-unavailable-apaches-own-page',
      logOnly: true,
    },
    {
      name: 'AH01067 Failed to read FastCGI header / AH01068 Got bogus version / AH01070 Error parsing script headers',
      reference: `${PROXY_FCGI_C}#L717-L738`,
      variant: 'apache-503-service-unavailable-apaches-own-page',
      logOnly: true,
    },
    {
      name: 'AH01102 error reading status line from remote server',
      reference: `${PROXY_HTTP_C}#L1110-L1113`,
      variant: 'apache-proxy-error-error-reading-remote-server',
      logOnly: true,
    },
    {
      name: 'AH01106 bad HTTP/1.1 header returned by …',
      reference: `${PROXY_HTTP_C}#L1254-L1268`,
      variant: 'apache-502-bad-gateway-apaches-own-page',
      logOnly: true,
    },
    {
      name: 'AH01084 pass request body failed to …',
      reference: `${PROXY_UTIL_C}#L5098-L5112`,
      variant: 'apache-504-gateway-timeout-apaches-own-page',
      logOnly: true,
    },
  ],
  advice: {
    visitor: [],
    owner: [
      'Apache\'s error_log (often /var/log/apache2/error.log) has the AH-numbered line that names the exact failure; "LogLevel proxy:info" adds the connect details.',
    ],
  },
  sources: [
    PROTOCOL_C,
    PROXY_UTIL_C,
    PROXY_HTTP_C,
    PROXY_FCGI_C,
    BALANCER_C,
    `${A}modules/proxy/mod_proxy_uwsgi.c`,
    `${A}modules/proxy/mod_proxy_scgi.c`,
    `${A}modules/http/http_filters.c`,
    'https://httpd.apache.org/docs/2.4/mod/mod_proxy.html',
    'https://github.com/unbit/uwsgi/blob/6cbb2177ae48af91d2799ff3135abda545cf634c/core/master.c#L294-L295',
  ],
});
