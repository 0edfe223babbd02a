// Vendor-neutral clues: words in an error page, cache markers, and the browser's own network error codes.
import type { CauseId, CauseWeights, Marker } from '../gateways/types';

/** Words in an error page that point to a cause whatever the gateway. Weights are small: vendor rules outrank them. */
export const BODY_CLUES: readonly { body: string; cause: CauseId; weight: number }[] = [
  { body: 'maintenance', cause: 'maintenance', weight: 0.5 },
  { body: 'scheduled downtime', cause: 'maintenance', weight: 0.5 },
  { body: 'be back soon', cause: 'maintenance', weight: 0.3 },
  { body: 'timed out', cause: 'origin-timeout', weight: 0.4 },
  { body: 'timeout', cause: 'origin-timeout', weight: 0.3 },
  { body: 'connection refused', cause: 'origin-unreachable', weight: 0.5 },
  { body: 'could not connect', cause: 'origin-unreachable', weight: 0.4 },
  { body: 'no healthy upstream', cause: 'origin-unreachable', weight: 0.5 },
  { body: 'no server is available', cause: 'origin-unreachable', weight: 0.4 },
  { body: 'name resolution', cause: 'origin-unreachable', weight: 0.3 },
  { body: 'connection reset', cause: 'origin-reset', weight: 0.5 },
  { body: 'prematurely closed', cause: 'origin-reset', weight: 0.5 },
  { body: 'certificate', cause: 'origin-tls', weight: 0.4 },
  { body: 'ssl handshake', cause: 'origin-tls', weight: 0.5 },
  { body: 'tls handshake', cause: 'origin-tls', weight: 0.5 },
  { body: 'too many requests', cause: 'overloaded', weight: 0.4 },
  { body: 'rate limit', cause: 'overloaded', weight: 0.4 },
  { body: 'over capacity', cause: 'overloaded', weight: 0.4 },
  { body: 'overloaded', cause: 'overloaded', weight: 0.4 },
  { body: 'invalid response', cause: 'origin-invalid-response', weight: 0.3 },
  // Node.js and libc error names that applications and proxies print.
  { body: 'econnrefused', cause: 'origin-unreachable', weight: 0.5 },
  { body: 'enotfound', cause: 'origin-unreachable', weight: 0.4 },
  { body: 'econnreset', cause: 'origin-reset', weight: 0.5 },
  { body: 'etimedout', cause: 'origin-timeout', weight: 0.5 },
  { body: 'exception', cause: 'origin-app-error', weight: 0.3 },
  { body: 'traceback', cause: 'origin-app-error', weight: 0.4 },
  { body: 'stack trace', cause: 'origin-app-error', weight: 0.4 },
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

/** What the browser's network error codes mean (Chromium net::ERR_*, Firefox NS_ERROR_*). */
export const NETWORK_ERRORS: readonly { includes: string; causes: CauseWeights; says: string }[] = [
  { includes: 'CONNECTION_REFUSED', causes: { 'origin-unreachable': 1 }, says: 'the server refused the connection: nothing is listening, or a firewall rejects it' },
  { includes: 'NAME_NOT_RESOLVED', causes: { 'origin-unreachable': 1 }, says: 'the site\'s name did not resolve in DNS' },
  { includes: 'UNKNOWN_HOST', causes: { 'origin-unreachable': 1 }, says: 'the site\'s name did not resolve in DNS' },
  { includes: 'ADDRESS_UNREACHABLE', causes: { 'origin-unreachable': 1 }, says: 'no route to the server\'s address' },
  { includes: 'CONNECTION_TIMED_OUT', causes: { 'origin-timeout': 0.6, 'origin-unreachable': 0.4 }, says: 'the connection attempt timed out' },
  { includes: 'TIMED_OUT', causes: { 'origin-timeout': 1 }, says: 'the server took too long to answer' },
  { includes: 'NET_TIMEOUT', causes: { 'origin-timeout': 1 }, says: 'the server took too long to answer' },
  { includes: 'CONNECTION_RESET', causes: { 'origin-reset': 1 }, says: 'the server reset the connection' },
  { includes: 'NET_RESET', causes: { 'origin-reset': 1 }, says: 'the server reset the connection' },
  { includes: 'CONNECTION_CLOSED', causes: { 'origin-reset': 1 }, says: 'the server closed the connection' },
  { includes: 'EMPTY_RESPONSE', causes: { 'origin-reset': 1 }, says: 'the server closed the connection without sending anything' },
  { includes: 'NET_INTERRUPT', causes: { 'origin-reset': 1 }, says: 'the connection was interrupted' },
  { includes: 'CONNECTION_ABORTED', causes: { 'origin-reset': 1 }, says: 'the connection was aborted' },
  { includes: 'INVALID_HTTP_RESPONSE', causes: { 'origin-invalid-response': 1 }, says: 'the server sent something that is not valid HTTP' },
  { includes: 'HEADERS_TOO_BIG', causes: { 'origin-invalid-response': 1 }, says: 'the server\'s response headers were too big' },
  { includes: 'CONTENT_LENGTH_MISMATCH', causes: { 'origin-invalid-response': 1 }, says: 'the body was shorter than its declared length' },
  { includes: 'INCOMPLETE_CHUNKED', causes: { 'origin-invalid-response': 1 }, says: 'the response ended in the middle of a chunk' },
  { includes: 'PARTIAL_TRANSFER', causes: { 'origin-invalid-response': 0.5, 'origin-reset': 0.5 }, says: 'the response ended early' },
  { includes: 'SSL', causes: { 'origin-tls': 1 }, says: 'the secure (TLS) connection failed' },
  { includes: 'CERT', causes: { 'origin-tls': 1 }, says: 'the server\'s certificate was not accepted' },
  { includes: 'SEC_ERROR', causes: { 'origin-tls': 1 }, says: 'the server\'s certificate was not accepted' },
  { includes: 'INTERNET_DISCONNECTED', causes: { unknown: 1 }, says: 'your device is offline: this is not the site\'s fault' },
  { includes: 'NETWORK_CHANGED', causes: { unknown: 1 }, says: 'your network changed during the request' },
  { includes: 'PROXY', causes: { 'origin-unreachable': 1 }, says: 'your network\'s proxy failed to connect' },
];

/** Network errors that are not failures of the site: the user or the browser stopped the request. */
export const IGNORED_NETWORK_ERRORS = ['ERR_ABORTED', 'NS_BINDING_ABORTED', 'ERR_BLOCKED_BY_CLIENT', 'NS_ERROR_ABORT', 'ERR_CACHE_MISS'];
