// Re-explains a stored failure from what was kept of it: the engine is fast, and it may know more than when it was stored.
import { explainResponse, type Explanation } from './explain/explain-response';
import type { FailedRequest } from './tab-record';

/**
 * "HTTP/1.1 502 Bad Gateway" → "Bad Gateway"; webRequest's status line is all there is of the reason phrase.
 * A line without the version ("502 Bad Gateway", from a HAR whose version is not known) reads the same.
 */
export function statusTextOf(statusLine: string): string {
  return statusLine.replace(/^(?:HTTP\/\S+\s+)?\d{3}(?:\s+|$)/, '');
}

/**
 * The explanation of a stored failure, with its body when DevTools passed it on, or else the error page's text when
 * it was read (the raw body is the better evidence: the DOM is the page after the browser parsed it).
 * The clock is the failure's own time, so Retry-After and Date read as they did when the response arrived.
 */
export function explainFailure(failure: FailedRequest): Explanation {
  return explainResponse({
    status: failure.status,
    statusText: statusTextOf(failure.statusLine),
    headers: failure.headers,
    bodyText: failure.bodyText ?? failure.pageHtml,
    networkError: failure.networkError,
    url: failure.url,
    now: failure.time,
  });
}
