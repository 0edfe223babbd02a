// Gives a recorded failure the start of its response body, which webRequest never hands the background: DevTools →
// Gatewhy sends the bodies DevTools saw, and Firefox's background reads them itself (utils/body-reader.ts). Pure: the
// tab machine (utils/tab-machine.ts) decides when to call it.
import { explainFailure, summaryOf } from './explain-failure';
import { summarize, updateFailure, type FailedRequest, type TabRecord } from './tab-record';

/** The start of one failed response's body, and enough about the request to find its failure. No headers. */
export interface FailureBody {
  /** webRequest's id, when the background read the body itself: then only that failure matches. */
  requestId?: string;
  url: string;
  method: string;
  status: number;
  /** Epoch ms the request started (DevTools) or its headers arrived (webRequest). */
  time: number;
  bodyText: string;
  /** True when bodyText is only the start of a longer body. */
  bodyTruncated: boolean;
}

/**
 * How far apart DevTools' start time and webRequest's headers-received time of one request may be: the headers can
 * come up to a gateway's longest timeout after the start (Cloudflare waits 100 s by default), and the two clocks can
 * differ by a little.
 */
export const MATCH_BEFORE_MS = 5_000;
export const MATCH_AFTER_MS = 5 * 60_000;

function distance(failure: FailedRequest, body: FailureBody): number | undefined {
  if (body.requestId !== undefined) return failure.requestId === body.requestId ? 0 : undefined;
  if (failure.url !== body.url || failure.status !== body.status || failure.method !== body.method) return undefined;
  const after = failure.time - body.time;
  return after < -MATCH_BEFORE_MS || after > MATCH_AFTER_MS ? undefined : Math.abs(after);
}

/**
 * The failure among `failures` that `body` belongs to: its request id when known, else the same address, method and
 * status, nearest in time; one without a body first.
 */
export function matchingFailure(failures: readonly FailedRequest[], body: FailureBody): FailedRequest | undefined {
  let best: { failure: FailedRequest; score: number } | undefined;
  for (const failure of failures) {
    const gap = distance(failure, body);
    if (gap === undefined) continue;
    // A failure that already has a body is taken only when no other fits: two identical calls get one body each.
    const score = gap + (failure.bodyText === undefined ? 0 : MATCH_AFTER_MS * 2);
    if (!best || score < best.score) best = { failure, score };
  }
  return best?.failure;
}

/** The failure with the body, re-explained. The page's own failure keeps its full explanation (the popup shows it at once). */
export function withBody(failure: FailedRequest, body: FailureBody): FailedRequest {
  const updated: FailedRequest = { ...failure, bodyText: body.bodyText, bodyTruncated: body.bodyTruncated };
  if (!failure.explanation) return { ...updated, summary: summaryOf(updated) };
  const explanation = explainFailure(updated);
  return { ...updated, summary: summarize(explanation), explanation };
}

/** The record with the body attached to the matching failure, re-explained; undefined when no stored failure matches. */
export function attachBody(record: TabRecord, body: FailureBody): TabRecord | undefined {
  const match = matchingFailure(record.failures, body);
  return match && updateFailure(record, match.requestId, (failure) => withBody(failure, body));
}

/** The same for failures not stored yet (a burst still pending): the list with the body attached, or undefined. */
export function attachBodyToList(failures: readonly FailedRequest[], body: FailureBody): FailedRequest[] | undefined {
  const match = matchingFailure(failures, body);
  return match && failures.map((failure) => (failure === match ? withBody(failure, body) : failure));
}
