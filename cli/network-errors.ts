// Names Node's network failures as the browser names them, so the engine explains them in the extension's words.

/** What went wrong with a request, as Node reported it, and how far the request had got. */
export interface RequestFailure {
  /** Node's `error.code`: "ECONNREFUSED", "CERT_HAS_EXPIRED", "HPE_INVALID_CONSTANT"…; absent for our own timeout. */
  code?: string;
  message: string;
  /** Where the request was when it failed. */
  phase: 'connect' | 'response';
  /** The time limit ran out (our own --timeout, not the system's ETIMEDOUT). */
  timedOut?: boolean;
  /** The server closed the connection before sending a whole status line and headers. */
  closedEarly?: boolean;
  /** Bytes of the response that arrived before the failure. */
  bytesReceived: number;
}

/**
 * Node error code → the Chromium net error the same failure gives in the browser; the engine's NETWORK_ERRORS knows
 * these names. Sources:
 * - Node's system errors: https://nodejs.org/docs/latest-v22.x/api/errors.html#common-system-errors, mapped as
 *   Chromium maps the same errno: MapSystemError in
 *   https://github.com/chromium/chromium/blob/4c58b9eda9c169c507a3bfb1b5bf9b1fa4e5d18a/net/base/net_errors_posix.cc#L33-L49
 *   and, for connect(), MapConnectError (ETIMEDOUT is a connection timeout) in
 *   https://github.com/chromium/chromium/blob/157bd5a7ee394a3435560e02a7f416da8180532d/net/socket/socket_posix.cc#L54-L68
 * - DNS: https://nodejs.org/docs/latest-v22.x/api/dns.html#error-codes. Chromium calls a missing name
 *   ERR_NAME_NOT_RESOLVED and any other getaddrinfo failure (EAI_AGAIN…) ERR_NAME_RESOLUTION_FAILED
 *   (https://github.com/chromium/chromium/blob/054fa63c8ed00cbfe1f9b997352957badaef4dba/net/dns/address_info.cc#L68-L84);
 *   the engine knows only the first name, and both mean the name did not resolve, so both get it.
 * - TLS: OpenSSL's certificate codes as Node reports them (https://nodejs.org/docs/latest-v22.x/api/tls.html#x509-certificate-error-codes)
 *   and Node's host name check (https://nodejs.org/docs/latest-v22.x/api/errors.html#err_tls_cert_altname_invalid),
 *   given the ERR_CERT_ names of Chromium's net/base/net_error_list.h.
 * - HTTP: llhttp's parse errors (HPE_*, https://nodejs.org/docs/latest-v22.x/api/errors.html#hpe_header_overflow).
 */
export const NODE_ERROR_NAMES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  ENETRESET: 'net::ERR_CONNECTION_RESET',
  EPIPE: 'net::ERR_CONNECTION_RESET',
  ECONNABORTED: 'net::ERR_CONNECTION_ABORTED',
  ETIMEDOUT: 'net::ERR_CONNECTION_TIMED_OUT',
  EHOSTUNREACH: 'net::ERR_ADDRESS_UNREACHABLE',
  EHOSTDOWN: 'net::ERR_ADDRESS_UNREACHABLE',
  ENETUNREACH: 'net::ERR_ADDRESS_UNREACHABLE',
  ENETDOWN: 'net::ERR_INTERNET_DISCONNECTED',
  ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'net::ERR_NAME_NOT_RESOLVED',
  EAI_FAIL: 'net::ERR_NAME_NOT_RESOLVED',
  EAI_NODATA: 'net::ERR_NAME_NOT_RESOLVED',
  EAI_NONAME: 'net::ERR_NAME_NOT_RESOLVED',
  ERR_TLS_CERT_ALTNAME_INVALID: 'net::ERR_CERT_COMMON_NAME_INVALID',
  HOSTNAME_MISMATCH: 'net::ERR_CERT_COMMON_NAME_INVALID',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'net::ERR_CERT_AUTHORITY_INVALID',
  SELF_SIGNED_CERT_IN_CHAIN: 'net::ERR_CERT_AUTHORITY_INVALID',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'net::ERR_CERT_AUTHORITY_INVALID',
  UNABLE_TO_GET_ISSUER_CERT: 'net::ERR_CERT_AUTHORITY_INVALID',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'net::ERR_CERT_AUTHORITY_INVALID',
  CERT_UNTRUSTED: 'net::ERR_CERT_AUTHORITY_INVALID',
  INVALID_CA: 'net::ERR_CERT_AUTHORITY_INVALID',
  CERT_HAS_EXPIRED: 'net::ERR_CERT_DATE_INVALID',
  CERT_NOT_YET_VALID: 'net::ERR_CERT_DATE_INVALID',
  CERT_REVOKED: 'net::ERR_CERT_REVOKED',
  EPROTO: 'net::ERR_SSL_PROTOCOL_ERROR',
  HPE_HEADER_OVERFLOW: 'net::ERR_RESPONSE_HEADERS_TOO_BIG',
};

/** Families of codes named by their prefix: OpenSSL's ERR_SSL_*, llhttp's HPE_*, the rest of OpenSSL's X509 list. */
export const NODE_ERROR_PREFIXES: readonly { prefix: string; name: string }[] = [
  { prefix: 'ERR_SSL_', name: 'net::ERR_SSL_PROTOCOL_ERROR' },
  { prefix: 'ERR_TLS_', name: 'net::ERR_SSL_PROTOCOL_ERROR' },
  { prefix: 'HPE_', name: 'net::ERR_INVALID_HTTP_RESPONSE' },
  { prefix: 'CERT_', name: 'net::ERR_CERT_INVALID' },
  { prefix: 'UNABLE_TO_', name: 'net::ERR_CERT_INVALID' },
];

/**
 * The browser's name for this failure, e.g. "net::ERR_CONNECTION_REFUSED"; for a code nobody maps, Node's own
 * code and message, which the engine then shows as they are.
 */
export function networkErrorName(failure: RequestFailure): string {
  // Our own time limit: Chromium says ERR_CONNECTION_TIMED_OUT while connecting and ERR_TIMED_OUT afterwards.
  if (failure.timedOut) return failure.phase === 'connect' ? 'net::ERR_CONNECTION_TIMED_OUT' : 'net::ERR_TIMED_OUT';
  // Closed without a word is Chromium's ERR_EMPTY_RESPONSE; closed in the middle of the headers, ERR_CONNECTION_CLOSED.
  if (failure.closedEarly) return failure.bytesReceived === 0 ? 'net::ERR_EMPTY_RESPONSE' : 'net::ERR_CONNECTION_CLOSED';
  const code = failure.code ?? '';
  const named = NODE_ERROR_NAMES[code] ?? NODE_ERROR_PREFIXES.find(({ prefix }) => code.startsWith(prefix))?.name;
  return named ?? (code ? `${code}: ${failure.message}` : failure.message);
}
