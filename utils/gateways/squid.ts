// Squid (reverse proxy, or your network's forward proxy): X-Squid-Error and the page's ERR_* template name the exact failure.
import { defineGateway, type DocumentedError, type Variant } from './types';

// Squid read at one commit (master, 7/8 development).
const B = 'https://github.com/squid-cache/squid/blob/7c20a8a787d1ef399c56515a847610c0f8d12147';
const T = `${B}/errors/templates`;
const X_SQUID_ERROR = `${B}/src/errorpage.cc#L1362-L1374`; // "<ERR_NAME> <errno>" on every page Squid generates
const HTTP_CC = `${B}/src/http.cc`;
const FWDSTATE_CC = `${B}/src/FwdState.cc`;
const ERROR_NAMES = `${B}/src/error/forward.h#L15-L88`;

const LOG =
  'Squid\'s access.log records the error code for the request (with a logformat using %err_code/%err_detail); cache.log has the matching warning, e.g. "Invalid Response" or "TCP connection to … failed".';

// One failure as Squid names it: its template id, the sentence its English page carries, and what it means.
type Meaning = Pick<Variant, 'meaning' | 'causes' | 'tellApart' | 'reference'>;

const CONNECT_FAIL: Meaning = {
  meaning:
    'Squid could not open a TCP connection to the server: the errno on the page (and in X-Squid-Error) says why: 111 refused (nothing listening), 110 timed out, 113 no route to host.',
  causes: { 'origin-unreachable': 0.85, overloaded: 0.15 },
  tellApart: `"ERR_CONNECT_FAIL 111" is a refusal; "ERR_CONNECT_FAIL 110" a timeout (host down, firewall, or overloaded). ${LOG}`,
  reference: `${B}/src/HappyConnOpener.cc#L476-L481`, // 503; page: ERR_CONNECT_FAIL#L24-L29
};
const DNS_FAIL: Meaning = {
  meaning: "Squid could not resolve the server's host name; the page quotes the DNS server's answer.",
  causes: { 'origin-unreachable': 1 },
  reference: `${B}/src/peer_select.cc#L547`, // 503; page: ERR_DNS_FAIL#L24-L32
};
const READ_TIMEOUT: Meaning = {
  meaning: "The server accepted the request but sent nothing within Squid's read_timeout (15 minutes by default).",
  causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
  reference: `${HTTP_CC}#L146-L153`, // 504; read_timeout default: cf.data.pre#L7378-L7382
};
const READ_ERROR_RESET: Meaning = {
  meaning: 'The server reset the connection while Squid was reading its response (errno 104).',
  causes: { 'origin-reset': 1 },
  reference: `${HTTP_CC}#L1270-L1276`,
};
const READ_ERROR: Meaning = {
  meaning:
    'Squid got no usable answer: with errno 0 ("[No Error]") Squid usually never reached a server at all (every cache_peer is down, or the name did not resolve); with an errno, the read failed mid-connection.',
  causes: { 'origin-unreachable': 0.6, 'origin-reset': 0.25, 'origin-tls': 0.15 },
  tellApart: `X-Squid-Error "ERR_READ_ERROR 104" is a reset by the server; "ERR_READ_ERROR 0" with hierarchy HIER_NONE in access.log means no destination was available (peers marked down until a probe succeeds). ${LOG}`,
  reference: `${FWDSTATE_CC}#L275-L280`, // errno 0: forwarding ended with no reply and no error (also no path at all, #L615-L628)
};
const ZERO_SIZE: Meaning = {
  meaning: 'The server closed the connection without sending a single byte of response.',
  causes: { 'origin-reset': 0.85, 'origin-app-error': 0.15 },
  reference: `${HTTP_CC}#L1365-L1378`, // 502; page: ERR_ZERO_SIZE_OBJECT#L24-L27
};
const INVALID_RESP: Meaning = {
  meaning: "The server's response could not be parsed as HTTP (a bad status line or header).",
  causes: { 'origin-invalid-response': 1 },
  tellApart: `cache.log says "Invalid Response: Bad header encountered" or similar. ${LOG}`,
  reference: `${HTTP_CC}#L1340-L1368`, // 502; page: ERR_INVALID_RESP#L21-L27
};
const TOO_BIG: Meaning = {
  meaning: 'The request or the reply was larger than Squid allows (reply_header_max_size, 64 KB by default, or a reply_body_max_size rule).',
  causes: { 'origin-invalid-response': 0.7, unknown: 0.3 },
  reference: `${HTTP_CC}#L1348-L1350`, // 502 for reply headers over reply_header_max_size; 403/413 for body and request limits
};
const SECURE_CONNECT_FAIL: Meaning = {
  meaning: 'Squid could not set up TLS to the server: the page shows the TLS error (an untrusted or expired certificate, or a port that does not speak TLS).',
  causes: { 'origin-tls': 1 },
  reference: `${B}/src/security/PeerConnector.cc#L115-L132`, // 503 (504 on a handshake timeout); TLS codes: errors/templates/error-details.txt
};
const CANNOT_FORWARD: Meaning = {
  meaning: 'Squid found no way to forward the request: no reachable origin server or parent cache, or direct connections are not allowed.',
  causes: { 'origin-unreachable': 0.8, unknown: 0.2 },
  reference: `${FWDSTATE_CC}#L651-L654`, // page: ERR_CANNOT_FORWARD#L24-L29
};
const GATEWAY_FAILURE: Meaning = {
  meaning: 'Squid hit an internal failure or a configuration problem while forwarding the request.',
  causes: { unknown: 0.7, overloaded: 0.3 },
  reference: `${FWDSTATE_CC}#L832`, // 500; page: ERR_GATEWAY_FAILURE#L24-L29
};
const SOCKET_FAILURE: Meaning = {
  meaning: 'Squid itself could not create a socket towards the server, usually because the proxy is out of file descriptors or ports under heavy load.',
  causes: { overloaded: 0.85, unknown: 0.15 },
  reference: `${B}/src/security/PeerConnector.cc#L151`, // 500; page: ERR_SOCKET_FAILURE#L24-L29
};
const SHUTTING_DOWN: Meaning = {
  meaning: 'The Squid proxy is shutting down or restarting.',
  causes: { maintenance: 1 },
  reference: `${FWDSTATE_CC}#L380`, // 503; page: ERR_SHUTTING_DOWN#L23
};
const WRITE_ERROR: Meaning = {
  meaning: 'Sending the request to the server failed: the connection was closed or reset under it.',
  causes: { 'origin-reset': 0.8, unknown: 0.2 },
  reference: `${HTTP_CC}#L1740`, // 502; page: ERR_WRITE_ERROR#L24-L29
};
const LIFETIME_EXP: Meaning = {
  meaning: "Squid ended the request because it ran past the maximum connection lifetime (its cache manager's forwarder sends this page).",
  causes: { 'origin-timeout': 1 },
  reference: `${B}/src/mgr/Forwarder.cc#L86`, // page: ERR_LIFETIME_EXP#L24-L27
};
const ACCESS_DENIED: Meaning = {
  meaning: "The proxy's access rules refused this request; nothing was sent to the site.",
  causes: { unknown: 1 },
  reference: `${B}/src/client_side_reply.cc#L745`, // 403; page: ERR_ACCESS_DENIED#L24-L27
};

const PAGE_HEADING = 'The requested URL could not be retrieved';
// The sentences of Squid's English templates for the errors a site's visitor meets (errors/templates/ERR_*, lines 21-35).
const TEMPLATE_SENTENCES = [
  'Unable to determine IP address from host name',
  'This means that the cache was not able to resolve the hostname presented in the URL',
  'A Timeout occurred while waiting to read data from the network',
  'An error condition occurred while reading data from the network',
  'could not be understood or was otherwise malformed',
  'Unable to forward this request at this time',
  'This request could not be forwarded to the origin server or to any parent caches',
  'Failed to establish a secure connection to',
  'failed to negotiate a mutually acceptable security settings',
  'An error condition occurred while writing to the network',
  'This cache is in the process of shutting down',
  'A non-recoverable internal failure or configuration problem prevents this request from being completed',
  'Access control configuration prevents your request from being allowed at this time',
  'until you have authenticated yourself',
  'it has exceeded the maximum connection lifetime',
  'This means that some aspect of the ICAP communication failed',
];
// Squid's refusals of the request itself (error/forward.h): the client or the proxy's rules, not the server.
const REFUSED = [
  'ERR_ACCESS_DENIED',
  'ERR_FORWARDING_DENIED',
  'ERR_NO_RELAY',
  'ERR_CACHE_MGR_ACCESS_DENIED',
  'ERR_ONLY_IF_CACHED_MISS',
  'ERR_INVALID_REQ',
  'ERR_INVALID_URL',
  'ERR_UNSUP_REQ',
  'ERR_UNSUP_HTTPVERSION',
  'ERR_CONFLICT_HOST',
  'ERR_PRECONDITION_FAILED',
  'ERR_PROTOCOL_UNKNOWN',
  'ERR_URN_RESOLVE',
];
const RELAYED: Omit<Variant, 'id' | 'title' | 'when'> = {
  meaning:
    'Squid marks every page it generates with X-Squid-Error and its own template; this one has neither, so the server behind Squid wrote it and Squid relayed it.',
  causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
  source: 'origin',
};

/** X-Squid-Error as errorpage.cc writes it, with the status its call site gives (the documented example). */
const sent = (status: number, name: string, errno = 0) => ({ status, headers: { 'x-squid-error': `${name} ${errno}` } });
const documented: DocumentedError[] = [
  {
    name: 'ERR_CONNECT_FAIL (503)',
    reference: `${T}/ERR_CONNECT_FAIL#L24-L29`,
    variant: 'squid-err-connect-fail-connection-failed',
    example: sent(503, 'ERR_CONNECT_FAIL', 111),
  },
  { name: 'ERR_DNS_FAIL (503)', reference: `${T}/ERR_DNS_FAIL#L24-L32`, variant: 'squid-err-dns-fail-unable-resolve-host', example: sent(503, 'ERR_DNS_FAIL') },
  {
    name: 'ERR_READ_TIMEOUT (504)',
    reference: `${T}/ERR_READ_TIMEOUT#L24-L29`,
    variant: 'squid-err-read-timeout-read-timeout',
    example: sent(504, 'ERR_READ_TIMEOUT'),
  },
  {
    name: 'ERR_READ_ERROR 104 (502, connection reset)',
    reference: `${HTTP_CC}#L1270-L1276`,
    variant: 'squid-err-read-104-connection-reset',
    example: sent(502, 'ERR_READ_ERROR', 104),
  },
  {
    name: 'ERR_READ_ERROR 0 (502, no reply and no error)',
    reference: `${FWDSTATE_CC}#L275-L280`,
    variant: 'squid-err-read-error-0-no-path',
    example: sent(502, 'ERR_READ_ERROR'),
  },
  {
    name: 'ERR_READ_ERROR page: "An error condition occurred while reading data from the network."',
    reference: `${T}/ERR_READ_ERROR#L24-L29`,
    variant: 'squid-err-read-error-read-error',
    example: {
      status: 502,
      body: `<title>ERROR: ${PAGE_HEADING}</title></head><body id=ERR_READ_ERROR>\n<p>An error condition occurred while reading data from the network. Please retry your request.</p>`,
    },
  },
  {
    name: 'ERR_ZERO_SIZE_OBJECT (502)',
    reference: `${T}/ERR_ZERO_SIZE_OBJECT#L24-L27`,
    variant: 'squid-err-zero-size-object-zero-sized',
    example: sent(502, 'ERR_ZERO_SIZE_OBJECT'),
  },
  {
    name: 'ERR_INVALID_RESP (502)',
    reference: `${T}/ERR_INVALID_RESP#L21-L27`,
    variant: 'squid-err-invalid-resp-invalid-response',
    example: sent(502, 'ERR_INVALID_RESP'),
  },
  {
    name: 'ERR_TOO_BIG (502 reply headers too large; 403/413 body or request too large)',
    reference: `${T}/ERR_TOO_BIG#L24-L29`,
    variant: 'squid-err-too-big-request-reply-too',
    example: sent(502, 'ERR_TOO_BIG'),
  },
  {
    name: 'ERR_SECURE_CONNECT_FAIL (503)',
    reference: `${T}/ERR_SECURE_CONNECT_FAIL#L24-L35`,
    variant: 'squid-err-secure-connect-fail-tls-server',
    example: sent(503, 'ERR_SECURE_CONNECT_FAIL', 71),
  },
  {
    name: 'ERR_CANNOT_FORWARD (503)',
    reference: `${T}/ERR_CANNOT_FORWARD#L24-L29`,
    variant: 'squid-err-cannot-forward-unable-forward',
    example: sent(503, 'ERR_CANNOT_FORWARD'),
  },
  {
    name: 'ERR_SOCKET_FAILURE (500)',
    reference: `${T}/ERR_SOCKET_FAILURE#L24-L29`,
    variant: 'squid-err-socket-failure-socket-failure',
    example: sent(500, 'ERR_SOCKET_FAILURE'),
  },
  {
    name: 'ERR_GATEWAY_FAILURE (500)',
    reference: `${T}/ERR_GATEWAY_FAILURE#L24-L29`,
    variant: 'squid-err-gateway-failure-gateway-proxy-failure',
    example: sent(500, 'ERR_GATEWAY_FAILURE'),
  },
  {
    name: 'ERR_SHUTTING_DOWN (503)',
    reference: `${T}/ERR_SHUTTING_DOWN#L23`,
    variant: 'squid-err-shutting-down-proxy-shutting-down',
    example: sent(503, 'ERR_SHUTTING_DOWN'),
  },
  {
    name: 'ERR_WRITE_ERROR (502)',
    reference: `${T}/ERR_WRITE_ERROR#L24-L29`,
    variant: 'squid-err-write-error-write-error',
    example: sent(502, 'ERR_WRITE_ERROR', 32),
  },
  {
    name: 'ERR_LIFETIME_EXP (408)',
    reference: `${T}/ERR_LIFETIME_EXP#L24-L27`,
    variant: 'squid-err-lifetime-exp-connection-lifetime-expired',
    example: sent(408, 'ERR_LIFETIME_EXP'),
  },
  {
    name: 'ERR_ICAP_FAILURE (500)',
    reference: `${T}/ERR_ICAP_FAILURE#L24-L29`,
    variant: 'squid-err-icap-failure-adaptation-failed',
    example: sent(500, 'ERR_ICAP_FAILURE'),
  },
  {
    name: 'ERR_CACHE_ACCESS_DENIED (407)',
    reference: `${T}/ERR_CACHE_ACCESS_DENIED#L24-L27`,
    variant: 'squid-err-cache-access-denied-proxy-authentication',
    example: sent(407, 'ERR_CACHE_ACCESS_DENIED'),
  },
  {
    name: 'ERR_ACCESS_DENIED (403)',
    reference: `${T}/ERR_ACCESS_DENIED#L24-L27`,
    variant: 'squid-err-access-denied-blocked-proxy',
    example: sent(403, 'ERR_ACCESS_DENIED'),
  },
  ...REFUSED.filter((name) => name !== 'ERR_ACCESS_DENIED').map((name): DocumentedError => ({
    name,
    reference: `${T}/${name}`,
    variant: 'squid-request-refused',
    example: sent(400, name),
  })),
  {
    name: 'deny_info redirect: X-Squid-Error "<status> Access Denied"',
    reference: X_SQUID_ERROR,
    variant: 'squid-error-page',
    example: { status: 302, headers: { 'x-squid-error': '403 Access Denied' } },
  },
  // FTP gateway and other pages that never concern an HTTP site's server.
  ...[
    'ERR_FTP_DISABLED',
    'ERR_FTP_UNAVAILABLE',
    'ERR_FTP_FAILURE',
    'ERR_FTP_PUT_ERROR',
    'ERR_FTP_NOT_FOUND',
    'ERR_FTP_FORBIDDEN',
    'ERR_FTP_PUT_CREATED',
    'ERR_FTP_PUT_MODIFIED',
    'ERR_ESI',
    'ERR_DIR_LISTING',
    'ERR_AGENT_CONFIGURE',
    'ERR_AGENT_WPAD',
  ].map((name): DocumentedError => ({ name, reference: `${T}/${name}`, variant: 'squid-error-page', example: sent(503, name) })),
];

export default defineGateway({
  id: 'squid',
  name: 'Squid',
  kind: 'forward-proxy',
  fingerprint: [
    { header: 'x-squid-error', weight: 0.95, note: 'Squid names the error template of a page it generated' },
    { header: 'server', startsWith: 'squid', weight: 0.85, note: 'Squid names itself in the Server header of its own pages' },
    { header: 'via', includes: '(squid', weight: 0.85, note: 'Squid adds "Via: 1.1 <host> (squid/<version>)"' },
    { header: 'x-cache-lookup', weight: 0.7, note: 'Squid 5 and earlier report their cache lookup' },
    { text: 'the requested url could not be retrieved', weight: 0.85, note: "the heading of Squid's English error pages" },
    {
      text: 'The following error was encountered while trying to retrieve the URL',
      weight: 0.8,
      note: 'the opening sentence of every Squid error page (errors/templates, line 21)',
    },
    { any: TEMPLATE_SENTENCES.map((text) => ({ text })), weight: 0.85, note: "a sentence of one of Squid's English error templates" },
    { markup: '<body id=ERR_', weight: 0.8, note: "Squid's pages carry their template name as the body id, in every language" },
    { text: '(squid/', weight: 0.75, note: 'Squid\'s error pages end with "Generated <date> by <host> (squid/<version>)"' },
    { text: 'squid is unable to create a tcp socket', weight: 0.9, note: "Squid's socket-failure page" },
    { text: 'squid did not receive any data for this request', weight: 0.9, note: "Squid's zero-sized-reply page" },
  ],
  variants: [
    // Each failure shows three ways: the X-Squid-Error header, the template id in the page (body id and closing comment, any language), the English sentence.
    {
      id: 'squid-err-connect-fail-connection-failed',
      title: 'ERR_CONNECT_FAIL: connection failed',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_CONNECT_FAIL' },
            { markup: 'err_connect_fail' },
            { text: 'the remote host or network may be down' },
          ],
        },
      ],
      source: 'gateway',
      ...CONNECT_FAIL,
    },
    {
      id: 'squid-err-dns-fail-unable-resolve-host',
      title: 'ERR_DNS_FAIL: unable to resolve the host name',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_DNS_FAIL' },
            { markup: 'err_dns_fail' },
            { text: 'unable to determine ip address from host name' },
            { text: 'This means that the cache was not able to resolve the hostname presented in the URL' },
          ],
        },
      ],
      source: 'gateway',
      ...DNS_FAIL,
    },
    {
      id: 'squid-err-read-timeout-read-timeout',
      title: 'ERR_READ_TIMEOUT: read timeout',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_READ_TIMEOUT' },
            { markup: 'err_read_timeout' },
            { text: 'a timeout occurred while waiting to read data from the network' },
          ],
        },
      ],
      source: 'gateway',
      ...READ_TIMEOUT,
    },
    {
      id: 'squid-err-read-104-connection-reset',
      title: 'ERR_READ_ERROR 104: connection reset',
      when: [{ header: 'x-squid-error', equals: 'ERR_READ_ERROR 104' }],
      source: 'gateway',
      ...READ_ERROR_RESET,
    },
    {
      id: 'squid-err-read-error-0-no-path',
      title: 'ERR_READ_ERROR 0: no reply and no error (often no path to any server)',
      when: [{ header: 'x-squid-error', equals: 'ERR_READ_ERROR 0' }],
      meaning:
        'Squid ended forwarding with no reply and no recorded error: most often it found no usable path at all (every cache_peer down, direct connections not allowed), otherwise the connection closed before anything arrived.',
      causes: { 'origin-unreachable': 0.65, 'origin-reset': 0.35 },
      source: 'gateway',
      tellApart: `access.log shows hierarchy HIER_NONE when no destination was tried. ${LOG}`,
      reference: `${FWDSTATE_CC}#L615-L628`,
    },
    {
      id: 'squid-err-read-error-read-error',
      title: 'ERR_READ_ERROR: read error',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_READ_ERROR' },
            { markup: 'err_read_error' },
            { text: 'an error condition occurred while reading data from the network' },
          ],
        },
      ],
      source: 'gateway',
      ...READ_ERROR,
    },
    {
      id: 'squid-err-zero-size-object-zero-sized',
      title: 'ERR_ZERO_SIZE_OBJECT: zero sized reply',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_ZERO_SIZE_OBJECT' },
            { markup: 'err_zero_size_object' },
            { text: 'squid did not receive any data for this request' },
          ],
        },
      ],
      source: 'gateway',
      ...ZERO_SIZE,
    },
    {
      id: 'squid-err-invalid-resp-invalid-response',
      title: 'ERR_INVALID_RESP: invalid response',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_INVALID_RESP' },
            { markup: 'err_invalid_resp' },
            { text: 'could not be understood or was otherwise malformed' },
          ],
        },
      ],
      source: 'gateway',
      ...INVALID_RESP,
    },
    {
      id: 'squid-err-too-big-request-reply-too',
      title: 'ERR_TOO_BIG: request or reply too large',
      when: [{ any: [{ header: 'x-squid-error', startsWith: 'ERR_TOO_BIG' }, { markup: 'err_too_big' }, { text: 'The request or reply is too large.' }] }],
      source: 'gateway',
      ...TOO_BIG,
    },
    {
      id: 'squid-err-secure-connect-fail-tls-server',
      title: 'ERR_SECURE_CONNECT_FAIL: TLS to the server failed',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_SECURE_CONNECT_FAIL' },
            { markup: 'err_secure_connect_fail' },
            { text: 'failed to establish a secure connection to' },
            { text: 'failed to negotiate a mutually acceptable security settings' },
          ],
        },
      ],
      source: 'gateway',
      ...SECURE_CONNECT_FAIL,
    },
    {
      id: 'squid-err-cannot-forward-unable-forward',
      title: 'ERR_CANNOT_FORWARD: unable to forward',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_CANNOT_FORWARD' },
            { markup: 'err_cannot_forward' },
            { text: 'unable to forward this request at this time' },
            { text: 'This request could not be forwarded to the origin server or to any parent caches' },
          ],
        },
      ],
      source: 'gateway',
      ...CANNOT_FORWARD,
    },
    {
      id: 'squid-err-socket-failure-socket-failure',
      title: 'ERR_SOCKET_FAILURE: socket failure',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_SOCKET_FAILURE' },
            { markup: 'err_socket_failure' },
            { text: 'squid is unable to create a tcp socket' },
          ],
        },
      ],
      source: 'gateway',
      ...SOCKET_FAILURE,
    },
    {
      id: 'squid-err-gateway-failure-gateway-proxy-failure',
      title: 'ERR_GATEWAY_FAILURE: gateway proxy failure',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_GATEWAY_FAILURE' },
            { markup: 'err_gateway_failure' },
            { text: 'A non-recoverable internal failure or configuration problem prevents this request from being completed' },
          ],
        },
      ],
      source: 'gateway',
      ...GATEWAY_FAILURE,
    },
    {
      id: 'squid-err-shutting-down-proxy-shutting-down',
      title: 'ERR_SHUTTING_DOWN: proxy shutting down',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_SHUTTING_DOWN' },
            { markup: 'err_shutting_down' },
            { text: 'This cache is in the process of shutting down' },
          ],
        },
      ],
      source: 'gateway',
      ...SHUTTING_DOWN,
    },
    {
      id: 'squid-err-write-error-write-error',
      title: 'ERR_WRITE_ERROR: write error',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_WRITE_ERROR' },
            { markup: 'err_write_error' },
            { text: 'An error condition occurred while writing to the network' },
          ],
        },
      ],
      source: 'gateway',
      ...WRITE_ERROR,
    },
    {
      id: 'squid-err-lifetime-exp-connection-lifetime-expired',
      title: 'ERR_LIFETIME_EXP: connection lifetime expired',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_LIFETIME_EXP' },
            { markup: 'err_lifetime_exp' },
            { text: 'it has exceeded the maximum connection lifetime' },
          ],
        },
      ],
      source: 'gateway',
      ...LIFETIME_EXP,
    },
    {
      id: 'squid-err-access-denied-blocked-proxy',
      title: 'ERR_ACCESS_DENIED: blocked by the proxy',
      when: [{ header: 'x-squid-error', startsWith: 'ERR_ACCESS_DENIED' }],
      source: 'gateway',
      ...ACCESS_DENIED,
    },
    {
      id: 'squid-err-icap-failure-adaptation-failed',
      title: 'ERR_ICAP_FAILURE: ICAP protocol error',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_ICAP_FAILURE' },
            { markup: 'err_icap_failure' },
            { text: 'This means that some aspect of the ICAP communication failed.' },
          ],
        },
      ],
      meaning: 'An ICAP or eCAP adaptation service Squid passes traffic through (a virus scanner, a content filter) failed, so Squid answered 500.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${B}/src/clients/Client.cc#L917`,
    },
    {
      id: 'squid-err-cache-access-denied-proxy-authentication',
      title: 'ERR_CACHE_ACCESS_DENIED: proxy authentication required',
      when: [
        {
          any: [
            { header: 'x-squid-error', startsWith: 'ERR_CACHE_ACCESS_DENIED' },
            { markup: 'err_cache_access_denied' },
            { text: 'until you have authenticated yourself' },
          ],
        },
      ],
      meaning: 'The proxy requires you to log in (407) before it forwards anything.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${B}/src/client_side_request.cc#L638`,
    },
    {
      id: 'squid-request-refused',
      title: 'Request refused by Squid',
      when: [
        {
          any: [
            ...REFUSED.map((name) => ({ header: 'x-squid-error', startsWith: name })),
            ...REFUSED.map((name) => ({ markup: name.toLowerCase() })),
            { text: 'Access control configuration prevents your request from being allowed at this time.' },
          ],
        },
      ],
      meaning:
        'Squid refused the request itself (its access rules, a malformed or unsupported request, an only-if-cached miss, a host check): nothing was sent to the server.',
      causes: { unknown: 1 },
      source: 'gateway',
      tellApart: LOG,
      reference: ERROR_NAMES,
    },
    {
      id: 'squid-unavailable-announced-server-retry-after',
      title: 'Unavailable, as announced by the server (Retry-After)',
      when: [{ status: 503 }, { header: 'retry-after' }, { header: 'x-squid-error', absent: true }],
      meaning:
        'The server itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Squid relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    // Catch-alls: a page of Squid's whose template is not one of the above; else the server behind Squid wrote it.
    {
      id: 'squid-error-page',
      title: 'Squid error page',
      when: [{ any: [{ header: 'x-squid-error' }, { text: PAGE_HEADING }] }],
      fallback: true,
      meaning: "Squid generated this page itself; the X-Squid-Error header and the page's body id name its error template.",
      causes: {},
      source: 'gateway',
      tellApart: LOG,
      reference: X_SQUID_ERROR,
    },
    {
      id: 'squid-error-passed-server',
      title: 'Error passed on from the server',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      ...RELAYED,
      reference: X_SQUID_ERROR,
    },
    {
      id: 'squid-error-relayed-no-body',
      title: 'Error relayed from the server (its body not seen)',
      when: [{ status: [500, 502, 503, 504] }, { body: 'unseen' }, { header: 'x-squid-error', absent: true }],
      fallback: true,
      ...RELAYED,
      reference: X_SQUID_ERROR,
    },
  ],
  advice: {
    visitor: [
      "Squid is often your company's or school's proxy rather than the site's: if other sites fail the same way, the problem is on your network's side.",
    ],
    owner: ['X-Squid-Error and the error template name the failure; access.log (with %err_code/%err_detail in the logformat) and cache.log have the details.'],
  },
  bodyTells:
    "X-Squid-Error already names Squid's error template and errno; the page adds the server address, the system error text and, for TLS, the certificate error.",
  documented,
  sources: [X_SQUID_ERROR, ERROR_NAMES, T, HTTP_CC, FWDSTATE_CC, `${B}/src/HttpReply.cc#L170-L177`, `${B}/src/HttpHeader.cc#L1076-L1095`],
});
