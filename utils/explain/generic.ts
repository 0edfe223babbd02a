// Vendor-neutral clues: words in an error page, cache markers, and the browser's own network error codes.
import type { CauseId, CauseWeights, Marker } from '../gateways/types';
import type { MessageKey } from '../wording';

/**
 * Words in an error page's visible text that point to a cause whatever the gateway, matched on word boundaries
 * ("timeout" is not "setTimeout("). Weights are small: vendor rules outrank them.
 */
export const BODY_CLUES: readonly { text: string; cause: CauseId; weight: number }[] = [
  { text: 'maintenance', cause: 'maintenance', weight: 0.5 },
  { text: 'scheduled downtime', cause: 'maintenance', weight: 0.5 },
  { text: 'be back soon', cause: 'maintenance', weight: 0.3 },
  { text: 'timed out', cause: 'origin-timeout', weight: 0.4 },
  // AWS Lambda's runtime message, which API Gateway, Netlify, Vercel and function URLs pass on as the function's answer.
  { text: 'task timed out after', cause: 'origin-timeout', weight: 0.8 },
  { text: 'timeout', cause: 'origin-timeout', weight: 0.3 },
  { text: 'connection refused', cause: 'origin-unreachable', weight: 0.5 },
  { text: 'could not connect', cause: 'origin-unreachable', weight: 0.4 },
  { text: 'unable to connect', cause: 'origin-unreachable', weight: 0.4 },
  { text: 'failed to connect', cause: 'origin-unreachable', weight: 0.4 },
  { text: 'no healthy upstream', cause: 'origin-unreachable', weight: 0.5 },
  { text: 'no server is available', cause: 'origin-unreachable', weight: 0.4 },
  { text: 'name resolution', cause: 'origin-unreachable', weight: 0.3 },
  { text: 'connection reset', cause: 'origin-reset', weight: 0.5 },
  { text: 'prematurely closed', cause: 'origin-reset', weight: 0.5 },
  { text: 'certificate', cause: 'origin-tls', weight: 0.4 },
  { text: 'ssl handshake', cause: 'origin-tls', weight: 0.5 },
  { text: 'tls handshake', cause: 'origin-tls', weight: 0.5 },
  { text: 'too many requests', cause: 'overloaded', weight: 0.4 },
  { text: 'rate limit', cause: 'overloaded', weight: 0.4 },
  { text: 'over capacity', cause: 'overloaded', weight: 0.4 },
  { text: 'overloaded', cause: 'overloaded', weight: 0.4 },
  { text: 'at capacity', cause: 'overloaded', weight: 0.4 },
  { text: 'too many connections', cause: 'overloaded', weight: 0.4 },
  { text: 'handshake', cause: 'origin-tls', weight: 0.3 },
  { text: 'invalid response', cause: 'origin-invalid-response', weight: 0.3 },
  // Node.js and libc error names that applications and proxies print.
  { text: 'econnrefused', cause: 'origin-unreachable', weight: 0.5 },
  { text: 'enotfound', cause: 'origin-unreachable', weight: 0.4 },
  { text: 'econnreset', cause: 'origin-reset', weight: 0.5 },
  { text: 'etimedout', cause: 'origin-timeout', weight: 0.5 },
  { text: 'exception', cause: 'origin-app-error', weight: 0.3 },
  { text: 'traceback', cause: 'origin-app-error', weight: 0.4 },
  { text: 'stack trace', cause: 'origin-app-error', weight: 0.4 },
];

/**
 * Sentences and shapes of pages that applications and their frameworks write, never a gateway: a page showing one
 * was written by the application (or its app server), whatever passed it on.
 */
export const APPLICATION_PAGE_CLUES: readonly { text: string; reference: string }[] = [
  {
    text: 'the server encountered an internal error and was unable to complete your request',
    reference: 'https://github.com/pallets/werkzeug/blob/3.0.x/src/werkzeug/exceptions.py',
  },
  { text: 'server error (500)', reference: 'https://github.com/django/django/blob/stable/5.0.x/django/views/defaults.py' },
  {
    text: "we're sorry, but something went wrong",
    reference: 'https://github.com/rails/rails/blob/v7.0.8/railties/lib/rails/generators/rails/app/templates/public/500.html',
  },
  { text: 'type exception report', reference: 'https://github.com/apache/tomcat/blob/10.1.x/java/org/apache/catalina/valves/ErrorReportValve.java' },
  { text: 'type status report', reference: 'https://github.com/apache/tomcat/blob/10.1.x/java/org/apache/catalina/valves/ErrorReportValve.java' },
  {
    text: 'whitelabel error page',
    reference:
      'https://github.com/spring-projects/spring-boot/blob/v3.2.0/spring-boot-project/spring-boot-autoconfigure/src/main/java/org/springframework/boot/autoconfigure/web/servlet/error/ErrorMvcAutoConfiguration.java',
  },
  { text: 'traceback (most recent call last)', reference: 'https://github.com/python/cpython/blob/3.12/Lib/traceback.py' },
  { text: 'puma caught this error', reference: 'https://github.com/puma/puma/blob/v6.4.0/lib/puma/server.rb' },
  { text: 'fatal error: uncaught', reference: 'https://github.com/php/php-src/blob/PHP-8.3/main/main.c' },
  { text: 'java.lang.', reference: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/package-summary.html' },
];

/** Markers that say a cache served this response rather than a fresh fetch. */
export const CACHE_HIT_MARKERS: readonly (Marker & { note: string })[] = [
  { header: 'cf-cache-status', equals: 'HIT', note: 'Cloudflare served it from cache' },
  { header: 'cf-cache-status', equals: 'STALE', note: 'Cloudflare served a stale cached copy' },
  { header: 'cf-cache-status', equals: 'UPDATING', note: 'Cloudflare served a cached copy while refreshing it' },
  { header: 'x-cache', startsWith: 'Hit from cloudfront', note: 'CloudFront served it from cache' },
  { header: 'x-cache', startsWith: 'TCP_HIT', note: 'the CDN served it from cache' },
  { header: 'x-cache', startsWith: 'TCP_MEM_HIT', note: 'the CDN served it from memory cache' },
  { header: 'x-cache', startsWith: 'TCP_REMOTE_HIT', note: 'the CDN served it from a parent cache' },
  { header: 'x-cache', startsWith: 'HIT from', note: 'Squid served it from cache' },
  { header: 'x-vercel-cache', equals: 'HIT', note: 'Vercel served it from cache' },
  { header: 'x-vercel-cache', equals: 'STALE', note: 'Vercel served a stale cached copy' },
  { header: 'x-cache-status', equals: 'HIT', note: 'the proxy cache served it' },
  { header: 'x-cache-status', equals: 'STALE', note: 'the proxy cache served a stale copy' },
  { header: 'cache-status', includes: ';hit', note: 'a cache on the path reports a hit (RFC 9211)' },
];

/** What the browser's network error codes mean (Chromium net::ERR_*, Firefox NS_ERROR_*); `says` is a message key. */
export const NETWORK_ERRORS: readonly { includes: string; causes: CauseWeights; says: MessageKey }[] = [
  {
    includes: 'CONNECTION_REFUSED',
    causes: { 'origin-unreachable': 1 },
    says: 'network.connectionRefused',
  },
  { includes: 'NAME_NOT_RESOLVED', causes: { 'origin-unreachable': 1 }, says: 'network.nameNotResolved' },
  // Chromium's other DNS failure (net/base/net_error_list.h: "An error occurred when trying to do a name resolution").
  { includes: 'NAME_RESOLUTION_FAILED', causes: { 'origin-unreachable': 1 }, says: 'network.nameNotResolved' },
  { includes: 'UNKNOWN_HOST', causes: { 'origin-unreachable': 1 }, says: 'network.nameNotResolved' },
  { includes: 'ADDRESS_UNREACHABLE', causes: { 'origin-unreachable': 1 }, says: 'network.addressUnreachable' },
  { includes: 'CONNECTION_TIMED_OUT', causes: { 'origin-timeout': 0.6, 'origin-unreachable': 0.4 }, says: 'network.connectionTimedOut' },
  { includes: 'TIMED_OUT', causes: { 'origin-timeout': 1 }, says: 'network.timedOut' },
  { includes: 'NET_TIMEOUT', causes: { 'origin-timeout': 1 }, says: 'network.timedOut' },
  { includes: 'CONNECTION_RESET', causes: { 'origin-reset': 1 }, says: 'network.reset' },
  { includes: 'NET_RESET', causes: { 'origin-reset': 1 }, says: 'network.reset' },
  { includes: 'CONNECTION_CLOSED', causes: { 'origin-reset': 1 }, says: 'network.closed' },
  { includes: 'EMPTY_RESPONSE', causes: { 'origin-reset': 1 }, says: 'network.emptyResponse' },
  { includes: 'NET_INTERRUPT', causes: { 'origin-reset': 1 }, says: 'network.interrupted' },
  { includes: 'CONNECTION_ABORTED', causes: { 'origin-reset': 1 }, says: 'network.aborted' },
  { includes: 'INVALID_HTTP_RESPONSE', causes: { 'origin-invalid-response': 1 }, says: 'network.invalidHttp' },
  { includes: 'HEADERS_TOO_BIG', causes: { 'origin-invalid-response': 1 }, says: 'network.headersTooBig' },
  { includes: 'CONTENT_LENGTH_MISMATCH', causes: { 'origin-invalid-response': 1 }, says: 'network.contentLengthMismatch' },
  { includes: 'INCOMPLETE_CHUNKED', causes: { 'origin-invalid-response': 1 }, says: 'network.incompleteChunked' },
  { includes: 'PARTIAL_TRANSFER', causes: { 'origin-invalid-response': 0.5, 'origin-reset': 0.5 }, says: 'network.partialTransfer' },
  { includes: 'SSL', causes: { 'origin-tls': 1 }, says: 'network.tls' },
  { includes: 'CERT', causes: { 'origin-tls': 1 }, says: 'network.certificate' },
  { includes: 'SEC_ERROR', causes: { 'origin-tls': 1 }, says: 'network.certificate' },
  // net_error_list.h: "Attempting to load an URL resulted in too many redirects"; Firefox: NS_ERROR_REDIRECT_LOOP.
  { includes: 'TOO_MANY_REDIRECTS', causes: { 'origin-app-error': 1 }, says: 'network.tooManyRedirects' },
  { includes: 'REDIRECT_LOOP', causes: { 'origin-app-error': 1 }, says: 'network.tooManyRedirects' },
  { includes: 'INTERNET_DISCONNECTED', causes: { unknown: 1 }, says: 'network.offline' },
  { includes: 'NETWORK_CHANGED', causes: { unknown: 1 }, says: 'network.networkChanged' },
  { includes: 'PROXY', causes: { 'origin-unreachable': 1 }, says: 'network.proxy' },
];

/** Network errors that are not failures of the site: the user or the browser stopped the request. */
export const IGNORED_NETWORK_ERRORS = ['ERR_ABORTED', 'NS_BINDING_ABORTED', 'ERR_BLOCKED_BY_CLIENT', 'NS_ERROR_ABORT', 'ERR_CACHE_MISS'];
