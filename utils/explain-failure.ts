// Re-explains a stored failure from what was kept of it: the engine is fast, and it may know more than when it was stored.
import { defaultCatalogue, type Catalogue } from './explain/detect';
import { explainResponse, type Explanation } from './explain/explain-response';
import { headerValue } from './headers';
import { summarize, type FailedRequest, type Summary } from './tab-record';
import { currentLocale } from './wording';

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

/** Summaries kept for reuse, and the longest response (as its key) worth keeping one for. */
const REUSED_SUMMARIES = 32;
const REUSABLE_KEY_CHARS = 20_000;
let reused: { catalogue: Catalogue; summaries: Map<string, Summary> } | undefined;

/**
 * What the record keeps of a failure: its explanation's summary. A gateway whose upstream is down answers every
 * request of a page with the same error, so identical responses are explained once: the summary depends only on
 * the status line, headers and body (and the clock only through an HTTP-date Retry-After), never on the address.
 */
export function summaryOf(failure: FailedRequest): Summary {
  const catalogue = defaultCatalogue();
  if (reused?.catalogue !== catalogue) reused = { catalogue, summaries: new Map() };
  const clock = headerValue(failure.headers, 'retry-after') === undefined ? null : failure.time;
  const key = JSON.stringify([
    currentLocale(),
    failure.status,
    failure.statusLine,
    failure.networkError ?? null,
    clock,
    failure.headers,
    failure.bodyText ?? failure.pageHtml ?? null,
  ]);
  const known = reused.summaries.get(key);
  if (known) return known;
  const summary = summarize(explainFailure(failure));
  if (key.length > REUSABLE_KEY_CHARS) return summary;
  if (reused.summaries.size >= REUSED_SUMMARIES) reused.summaries.delete(reused.summaries.keys().next().value!);
  reused.summaries.set(key, summary);
  return summary;
}
