// h2o: every proxy failure is "502 Gateway Error" with h2o's error string as a text/plain body; FastCGI failures are "503 Internal Server Error".
import { defineGateway, type DocumentedError, type Marker } from './types';

const H = 'https://github.com/h2o/h2o/blob/edd7a120bfc4af11ac0cbebce2a43cc1f93f9af1/';
const H22 = 'https://github.com/h2o/h2o/blob/v2.2.6/';
const PROXY_C = `${H}lib/core/proxy.c`;
const HTTPCLIENT_ERRORS = `${H}lib/common/httpclient.c#L25-L40`;
const SOCKET_ERRORS = `${H}lib/common/socket.c#L200-L214`;
const HOSTINFO_ERRORS = `${H}lib/common/hostinfo.c#L52-L68`;
const HTTP1CLIENT_22 = `${H22}lib/common/http1client.c`;

// h2o_send_error_generic() writes the bare string as text/plain (request.c#L654-L679), and the proxy's 502 says
// "Gateway Error" in the status line (proxy.c#L540). The short generic strings are trusted only with one of these.
const OWN_ERROR: Marker = { any: [{ header: 'content-type', startsWith: 'text/plain' }, { reason: 'gateway error' }] };
const PROXY_FAILURE = [{ status: 502 }, OWN_ERROR] as const;

const LOG = 'h2o\'s error log has the same string for this request: "[lib/core/proxy.c] in request:<path>:<reason>".';

// The proxy's error strings, by what they mean (the constants of httpclient.c, socket.c and hostinfo.c, and h2o 2.2's own).
const COULD_NOT_CONNECT = ['connection refused', 'connection failed', 'connection failure', 'connection timed out', 'network unreachable', 'host unreachable'];
const NAME_RESOLUTION = [
  'hostname does not exist',
  'no address associated with hostname',
  'temporary failure in name resolution',
  'non-recoverable failure in name resolution',
  'name resolution failed',
  'name or service not known',
];
const TLS = ['ssl handshake failure', 'certificate', 'ssl decode error', 'picotls handshake error'];
const INVALID = [
  'failed to parse the response',
  'line folding of header fields is not supported',
  'unexpected type of transfer-encoding',
  'invalid content-length',
  'invalid response from upstream',
  'received unexpected 101 response',
  'protocol violation',
  'malformed http frame',
  'flow control error',
  'unknown alpn protocol',
];
const SOCKET_CREATE = ['socket create error', 'socket creation failed'];
const INTERNAL = ['internal error', 'too many internal delegations', 'too many internal reprocesses'];
const saysOneOf = (phrases: readonly string[]): Marker => ({ any: phrases.map((text) => ({ text })) });

/** A documented proxy error string, with the 502 h2o answers it in as its example. */
const proxyError = (text: string, reference: string, variant: string, note?: string): DocumentedError => ({
  name: note ? `${text} (${note})` : text,
  reference,
  variant,
  example: { status: 502, reason: 'Gateway Error', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text },
});

export default defineGateway({
  id: 'h2o',
  name: 'h2o',
  kind: 'reverse-proxy',
  bodyTells: 'h2o\'s body is its one-line reason: "connection refused", "I/O timeout", "failed to parse the response", a DNS or certificate error.',
  fingerprint: [
    // The proxy drops the upstream's Server header (proxy.c#L595-L597) and h2o adds its own, so this is on relayed responses too.
    { header: 'server', startsWith: 'h2o', weight: 0.85, note: 'h2o names itself in the Server header (config.c#L179)' },
    { status: 502, reason: 'gateway error', weight: 0.6, note: 'h2o\'s proxy writes "502 Gateway Error" as its status line' },
    { status: 503, reason: 'internal server error', weight: 0.6, note: 'h2o\'s FastCGI handler answers "503 Internal Server Error"' },
    { text: 'i/o error (head)', weight: 0.75, note: "h2o 2.2's proxy error when the upstream connection broke before the response headers" },
    { text: 'i/o error (send request)', weight: 0.75, note: "h2o 2.2's proxy error when sending the request upstream failed" },
  ],
  variants: [
    {
      id: 'h2o-gateway-error-i-o-error-head',
      title: 'Gateway Error: I/O error (head)',
      when: [{ text: 'i/o error (head)' }],
      meaning:
        'The upstream connection broke before the response headers arrived: the upstream closed or reset it, often a kept-alive connection it had already closed when h2o reused it.',
      causes: { 'origin-reset': 1 },
      source: 'gateway',
      tellApart: `${LOG} If it happens only on the first request after a quiet period, the upstream's keep-alive timeout is shorter than h2o's proxy.timeout.keepalive.`,
      reference: `${HTTP1CLIENT_22}#L236`,
    },
    {
      id: 'h2o-gateway-error-i-o-error-send',
      title: 'Gateway Error: I/O error (send request)',
      when: [{ text: 'i/o error (send request)' }],
      meaning: 'Sending the request to the upstream failed: the connection was closed or reset under it.',
      causes: { 'origin-reset': 1 },
      source: 'gateway',
      reference: `${HTTP1CLIENT_22}#L372`,
    },
    {
      id: 'h2o-gateway-error-i-o-error',
      title: 'Gateway Error: I/O error',
      when: [...PROXY_FAILURE, { text: 'i/o error' }],
      meaning:
        'Reading from or writing to the upstream failed before the response headers (h2o 2.3 says only "I/O error" where 2.2 said "(head)" or "(send request)").',
      causes: { 'origin-reset': 1 },
      source: 'gateway',
      tellApart: LOG,
      reference: `${H}lib/common/http1client.c#L403-L405`,
    },
    {
      id: 'h2o-gateway-error-i-o-timeout',
      title: 'Gateway Error: I/O timeout or first byte timeout',
      when: [...PROXY_FAILURE, saysOneOf(['i/o timeout', 'first byte timeout'])],
      meaning:
        'The upstream sent nothing for longer than proxy.timeout.io (30 s by default), or did not start its response within proxy.timeout.first_byte: a slow request, or every worker of the application busy.',
      // A backend whose workers are all busy leaves the request in its listen queue until the timeout fires (uWSGI master.c#L294-L295).
      causes: { 'origin-timeout': 0.85, overloaded: 0.15 },
      source: 'gateway',
      tellApart: LOG,
      reference: HTTPCLIENT_ERRORS,
    },
    {
      id: 'h2o-gateway-error-connection-timeout',
      title: 'Gateway Error: connection timeout',
      when: [...PROXY_FAILURE, { text: 'connection timeout' }],
      meaning:
        'h2o could not open the TCP connection to the upstream within proxy.timeout.connect (the I/O timeout, 30 s, by default): a host that is down, a firewall dropping packets, or one too busy to accept.',
      causes: { 'origin-unreachable': 0.7, 'origin-timeout': 0.3 },
      source: 'gateway',
      reference: `${H}lib/common/httpclient.c#L29`,
    },
    {
      id: 'h2o-gateway-error-connection-refused',
      title: 'Gateway Error: could not connect',
      when: [...PROXY_FAILURE, saysOneOf(COULD_NOT_CONNECT)],
      meaning: 'h2o could not connect to the upstream: nothing listens on that port, or the host or network is unreachable.',
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      tellApart: LOG,
      reference: SOCKET_ERRORS,
    },
    {
      id: 'h2o-gateway-error-name-resolution',
      title: 'Gateway Error: name resolution failed',
      when: [...PROXY_FAILURE, saysOneOf(NAME_RESOLUTION)],
      meaning: "h2o could not resolve the upstream's host name (the body is the resolver's message).",
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      reference: HOSTINFO_ERRORS,
    },
    {
      id: 'h2o-gateway-error-tls',
      title: 'Gateway Error: TLS to the upstream failed',
      when: [...PROXY_FAILURE, saysOneOf(TLS)],
      meaning:
        'The TLS handshake between h2o and the upstream failed: with proxy.ssl.verify-peer (on by default) the upstream\'s certificate was rejected (self-signed, expired, wrong name), or the port does not speak TLS ("SSL decode error").',
      causes: { 'origin-tls': 1 },
      source: 'gateway',
      tellApart: `${LOG} A rejected certificate shows OpenSSL's own message, e.g. "self-signed certificate" or "certificate has expired".`,
      reference: `${H}lib/common/socket.c#L1663-L1673`,
    },
    {
      id: 'h2o-gateway-error-invalid-response',
      title: 'Gateway Error: invalid response from the upstream',
      when: [...PROXY_FAILURE, saysOneOf(INVALID)],
      meaning:
        "The upstream's response could not be parsed as HTTP: a bad status line or header, an invalid length or transfer encoding, or a broken HTTP/2 or HTTP/3 exchange.",
      causes: { 'origin-invalid-response': 1 },
      source: 'gateway',
      tellApart: LOG,
      reference: HTTPCLIENT_ERRORS,
    },
    {
      id: 'h2o-gateway-error-socket-create',
      title: 'Gateway Error: socket creation failed',
      when: [...PROXY_FAILURE, saysOneOf(SOCKET_CREATE)],
      meaning: 'h2o could not even create a socket to the upstream: the h2o host ran out of file descriptors.',
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: `${H}lib/common/socket.c#L208`,
    },
    {
      id: 'h2o-gateway-error-internal',
      title: 'Gateway Error: internal error',
      when: [...PROXY_FAILURE, saysOneOf(INTERNAL)],
      meaning: 'h2o failed internally, or its reproxy/delegation rules looped.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${H}lib/core/request.c#L447-L454`,
    },
    {
      id: 'h2o-503-fastcgi-internal-server-error',
      title: "503 Internal Server Error (h2o's FastCGI handler)",
      when: [{ status: 503 }, { any: [{ reason: 'internal server error' }, { text: 'internal server error' }] }],
      meaning:
        "h2o's FastCGI handler (php-fpm behind h2o) failed before the backend sent its headers: it could not connect, timed out, the connection closed unexpectedly, or the response was broken.",
      causes: { 'origin-unreachable': 0.4, 'origin-reset': 0.3, 'origin-timeout': 0.2, 'origin-invalid-response': 0.1 },
      source: 'gateway',
      tellApart:
        'h2o\'s error log says "connection failed:…", "I/O timeout", "fastcgi connection closed unexpectedly" or "received broken response" for this request.',
      reference: `${H}lib/handler/fastcgi.c#L476-L485`,
    },
    {
      id: 'h2o-503-please-try-again-later',
      title: '503 Service Unavailable: please try again later (h2o)',
      when: [{ status: 503 }, OWN_ERROR, { text: 'please try again later' }],
      meaning: 'h2o could not open the file to serve: the h2o host ran out of file descriptors (too many open files).',
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: `${H}lib/handler/file.c#L950`,
    },
    {
      id: 'h2o-error-passed-upstream-page',
      title: 'Error passed on from the upstream (its page)',
      when: [
        { status: [502, 503] },
        {
          any: [
            { header: 'content-type', includes: 'json' },
            { header: 'content-type', includes: 'html' },
          ],
        },
      ],
      meaning: "h2o's own errors are one short plain-text string; this HTML or JSON body is the upstream's, relayed by h2o.",
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: `${H}lib/core/request.c#L654-L679`,
    },
    {
      id: 'h2o-error-passed-upstream',
      title: 'Error passed on from the upstream',
      when: [{ status: [500, 504] }],
      meaning: "h2o's proxy answers every failure with 502, so this status was written by the upstream and relayed.",
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: `${PROXY_C}#L530-L541`,
    },
    // Headers only: the proxy's failures are all 502 text/plain; a 503 text/plain is its FastCGI or file handler, or the upstream's.
    {
      id: 'h2o-502-no-body',
      title: '502 Gateway Error from h2o (its body not seen)',
      when: [{ status: 502 }, { body: 'unseen' }, OWN_ERROR],
      meaning: 'h2o answers 502 for every proxy failure, timeouts included: most often the connection was refused or broke before the response headers.',
      causes: { 'origin-unreachable': 0.45, 'origin-reset': 0.3, 'origin-tls': 0.1, 'origin-invalid-response': 0.1, 'origin-timeout': 0.05 },
      source: 'gateway',
      tellApart: LOG,
      reference: `${PROXY_C}#L730-L735`,
    },
    {
      id: 'h2o-503-no-body',
      title: '503 through h2o (its body not seen)',
      when: [{ status: 503 }, { body: 'unseen' }, { header: 'content-type', startsWith: 'text/plain' }],
      meaning: 'A plain-text 503 through h2o is most often its FastCGI handler failing to get an answer from the backend; the upstream may have sent it too.',
      causes: { 'origin-unreachable': 0.4, 'origin-reset': 0.3, 'origin-timeout': 0.2, 'origin-invalid-response': 0.1 },
      source: 'unknown',
      reference: `${H}lib/handler/fastcgi.c#L476-L485`,
    },
    {
      id: 'h2o-error-passed-upstream-body',
      title: "Error passed on from the upstream (not one of h2o's strings)",
      when: [{ body: 'seen' }],
      fallback: true,
      meaning: "The body is not one of h2o's error strings: the upstream wrote it and h2o relayed it.",
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: `${H}lib/core/request.c#L654-L679`,
    },
  ],
  documented: [
    proxyError('I/O error (head)', `${HTTP1CLIENT_22}#L236`, 'h2o-gateway-error-i-o-error-head'),
    proxyError('I/O error (send request)', `${HTTP1CLIENT_22}#L372`, 'h2o-gateway-error-i-o-error-send'),
    proxyError('I/O error', HTTPCLIENT_ERRORS, 'h2o-gateway-error-i-o-error'),
    proxyError('I/O timeout', HTTPCLIENT_ERRORS, 'h2o-gateway-error-i-o-timeout'),
    proxyError('first byte timeout', HTTPCLIENT_ERRORS, 'h2o-gateway-error-i-o-timeout'),
    proxyError('connection timeout', HTTPCLIENT_ERRORS, 'h2o-gateway-error-connection-timeout'),
    proxyError('connection refused', SOCKET_ERRORS, 'h2o-gateway-error-connection-refused'),
    proxyError('connection failed', `${H22}lib/common/socketpool.c#L198`, 'h2o-gateway-error-connection-refused'),
    proxyError('connection failure', SOCKET_ERRORS, 'h2o-gateway-error-connection-refused'),
    proxyError('connection timed out', SOCKET_ERRORS, 'h2o-gateway-error-connection-refused'),
    proxyError('network unreachable', SOCKET_ERRORS, 'h2o-gateway-error-connection-refused'),
    proxyError('host unreachable', SOCKET_ERRORS, 'h2o-gateway-error-connection-refused'),
    proxyError('socket create error', `${HTTP1CLIENT_22}#L475`, 'h2o-gateway-error-socket-create'),
    proxyError('socket creation failed', SOCKET_ERRORS, 'h2o-gateway-error-socket-create'),
    proxyError('hostname does not exist', HOSTINFO_ERRORS, 'h2o-gateway-error-name-resolution'),
    proxyError('no address associated with hostname', HOSTINFO_ERRORS, 'h2o-gateway-error-name-resolution'),
    proxyError('temporary failure in name resolution', HOSTINFO_ERRORS, 'h2o-gateway-error-name-resolution'),
    proxyError('non-recoverable failure in name resolution', HOSTINFO_ERRORS, 'h2o-gateway-error-name-resolution'),
    proxyError('name resolution failed', HOSTINFO_ERRORS, 'h2o-gateway-error-name-resolution'),
    proxyError('Name or service not known', `${H22}lib/common/hostinfo.c#L60`, 'h2o-gateway-error-name-resolution', "h2o 2.2: the resolver's own message"),
    proxyError('ssl handshake failure', SOCKET_ERRORS, 'h2o-gateway-error-tls'),
    proxyError('certificate name mismatch', SOCKET_ERRORS, 'h2o-gateway-error-tls'),
    proxyError('invalid certificate', SOCKET_ERRORS, 'h2o-gateway-error-tls'),
    proxyError('no certificate', SOCKET_ERRORS, 'h2o-gateway-error-tls'),
    proxyError('SSL decode error', SOCKET_ERRORS, 'h2o-gateway-error-tls'),
    proxyError('self-signed certificate', `${H}lib/common/socket.c#L1668-L1671`, 'h2o-gateway-error-tls', "OpenSSL's verify message"),
    proxyError('failed to parse the response', HTTPCLIENT_ERRORS, 'h2o-gateway-error-invalid-response'),
    proxyError('line folding of header fields is not supported', HTTPCLIENT_ERRORS, 'h2o-gateway-error-invalid-response'),
    proxyError('unexpected type of transfer-encoding', HTTPCLIENT_ERRORS, 'h2o-gateway-error-invalid-response'),
    proxyError('invalid content-length', HTTPCLIENT_ERRORS, 'h2o-gateway-error-invalid-response'),
    proxyError('invalid response from upstream', `${PROXY_C}#L568-L569`, 'h2o-gateway-error-invalid-response'),
    proxyError('received unexpected 101 response', HTTPCLIENT_ERRORS, 'h2o-gateway-error-invalid-response'),
    proxyError('protocol violation', HTTPCLIENT_ERRORS, 'h2o-gateway-error-invalid-response'),
    proxyError('malformed HTTP frame', HTTPCLIENT_ERRORS, 'h2o-gateway-error-invalid-response'),
    proxyError('flow control error', HTTPCLIENT_ERRORS, 'h2o-gateway-error-invalid-response'),
    proxyError('unknown alpn protocol', HTTPCLIENT_ERRORS, 'h2o-gateway-error-invalid-response'),
    proxyError('internal error', HTTPCLIENT_ERRORS, 'h2o-gateway-error-internal'),
    proxyError('too many internal delegations', `${H}lib/core/request.c#L447`, 'h2o-gateway-error-internal'),
    proxyError('too many internal reprocesses', `${H}lib/core/request.c#L454`, 'h2o-gateway-error-internal'),
    {
      name: '503 Internal Server Error (FastCGI)',
      reference: `${H}lib/handler/fastcgi.c#L476-L485`,
      variant: 'h2o-503-fastcgi-internal-server-error',
      example: { status: 503, reason: 'Internal Server Error', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Internal Server Error' },
    },
    {
      name: '503 Service Unavailable: please try again later',
      reference: `${H}lib/handler/file.c#L950`,
      variant: 'h2o-503-please-try-again-later',
      example: {
        status: 503,
        reason: 'Service Unavailable',
        headers: { 'content-type': 'text/plain; charset=utf-8', server: 'h2o/2.2.6' },
        body: 'please try again later',
      },
    },
  ],
  advice: {
    visitor: [],
    owner: ['h2o\'s error log names the failure for each request in a "[lib/core/proxy.c] in request:…" line.'],
  },
  sources: [
    'https://github.com/unbit/uwsgi/blob/6cbb2177ae48af91d2799ff3135abda545cf634c/core/master.c#L294-L295',
    PROXY_C,
    `${H}lib/core/request.c`,
    `${H}lib/common/httpclient.c`,
    `${H}lib/common/socket.c`,
    `${H}lib/common/hostinfo.c`,
    `${H}lib/handler/fastcgi.c`,
    `${H}lib/handler/file.c`,
    HTTP1CLIENT_22,
    `${H22}lib/common/socketpool.c`,
  ],
});
