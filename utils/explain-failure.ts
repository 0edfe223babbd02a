// Re-explains a stored failure from what was kept of it: the engine is fast, and it may know more than when it was stored.
import { explainResponse, type Explanation } from './explain/explain-response';
import type { FailedRequest } from './tab-record';

/** "HTTP/1.1 502 Bad Gateway" → "Bad Gateway"; webRequest's status line is all there is of the reason phrase. */
export function statusTextOf(statusLine: string): string {
  return statusLine.replace(/^HTTP\/\S+\s+\d+\s*/, '');
}

/**
 * The explanation of a stored failure, with the error page's text when it was read.
 * The clock is the failure's own time, so Retry-After and Date read as they did when the response arrived.
 */
export function explainFailure(failure: FailedRequest): Explanation {
  return explainResponse({
    status: failure.status,
    statusText: statusTextOf(failure.statusLine),
    headers: failure.headers,
    bodyText: failure.pageHtml,
    networkError: failure.networkError,
    url: failure.url,
    now: failure.time,
  });
}
