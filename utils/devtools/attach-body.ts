// Gives a stored failure the body DevTools saw for it, so the popup explains that request from its body too.
// Pure: the background decides when to call it (entrypoints/background/devtools-port.ts).
import { explainFailure } from '../explain-failure';
import { summarize, updateFailure, type FailedRequest, type TabRecord } from '../tab-record';
import type { SeenResponse } from './port-protocol';

/**
 * How far apart DevTools' start time and webRequest's headers-received time of one request may be: the headers can
 * come up to a gateway's longest timeout after the start (Cloudflare waits 100 s by default), and the two clocks can
 * differ by a little.
 */
export const MATCH_BEFORE_MS = 5_000;
export const MATCH_AFTER_MS = 5 * 60_000;

function distance(failure: FailedRequest, seen: SeenResponse): number | undefined {
  if (failure.url !== seen.url || failure.status !== seen.status || failure.method !== seen.method) return undefined;
  const after = failure.time - seen.time;
  return after < -MATCH_BEFORE_MS || after > MATCH_AFTER_MS ? undefined : Math.abs(after);
}

/** The failure among `failures` that `seen` describes: same address, method and status, nearest in time; one without a body first. */
export function matchingFailure(failures: readonly FailedRequest[], seen: SeenResponse): FailedRequest | undefined {
  let best: { failure: FailedRequest; score: number } | undefined;
  for (const failure of failures) {
    const gap = distance(failure, seen);
    if (gap === undefined) continue;
    // A failure that already has a body is taken only when no other fits: two identical calls get one body each.
    const score = gap + (failure.bodyText === undefined ? 0 : MATCH_AFTER_MS * 2);
    if (!best || score < best.score) best = { failure, score };
  }
  return best?.failure;
}

/** The failure with the body, re-explained. The page's own failure keeps its full explanation (the popup shows it at once). */
function withBody(failure: FailedRequest, seen: SeenResponse): FailedRequest {
  const updated: FailedRequest = { ...failure, bodyText: seen.bodyText, bodyTruncated: seen.bodyTruncated };
  const explanation = explainFailure(updated);
  return { ...updated, summary: summarize(explanation), ...(failure.explanation && { explanation }) };
}

/**
 * The record with the body attached to the matching failure, re-explained; undefined when no stored failure
 * matches (not recorded, or not yet: requests inside a page are stored in bursts).
 */
export function attachBody(record: TabRecord, seen: SeenResponse): TabRecord | undefined {
  const match = matchingFailure(record.failures, seen);
  return match && updateFailure(record, match.requestId, (failure) => withBody(failure, seen));
}

/** The same for failures not stored yet (a burst still pending): the list with the body attached, or undefined. */
export function attachBodyToList(failures: readonly FailedRequest[], seen: SeenResponse): FailedRequest[] | undefined {
  const match = matchingFailure(failures, seen);
  return match && failures.map((failure) => (failure === match ? withBody(failure, seen) : failure));
}
