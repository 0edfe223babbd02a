// Reads the status code off an error page that arrived without its status line (a pasted page, copied text).

// Reason phrases as RFC 9110 §15 and the vendors write them, for pages that name their status in words.
const REASONS: readonly (readonly [number, readonly string[]])[] = [
  [400, ['bad request']],
  [401, ['unauthorized']],
  [403, ['forbidden']],
  [404, ['not found']],
  [405, ['method not allowed']],
  [408, ['request timeout', 'request time-out']],
  [413, ['payload too large', 'request entity too large']],
  [429, ['too many requests']],
  [500, ['internal server error']],
  [501, ['not implemented']],
  [502, ['bad gateway', 'proxy error']],
  [503, ['service unavailable', 'service temporarily unavailable']],
  [504, ['gateway timeout', 'gateway time-out']],
  // Cloudflare's own codes (https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/).
  [520, ['web server is returning an unknown error']],
  [521, ['web server is down']],
  [522, ['connection timed out']],
  [523, ['origin is unreachable']],
  [524, ['a timeout occurred']],
  [525, ['ssl handshake failed']],
  [526, ['invalid ssl certificate']],
];
const REASONS_BY_STATUS = new Map(REASONS);

/** The reason phrases a status is written with, folded: [] for a status without one here. */
export const reasonPhrases = (status: number): readonly string[] => REASONS_BY_STATUS.get(status) ?? [];

// A status code is a three-digit number between 400 and 599 standing alone.
const NUMBER = /(?:^|[^0-9a-z.])([45][0-9]{2})(?![0-9a-z])/g;
// Words before a number that say it is a status: "Error 502", "HTTP Error 503", "Error code: 404", "Status 504".
const LEADS = ['error', 'error code', 'http error', 'status', 'status code', 'http', 'error reference number', 'reference number'];

/** How far into the text a status is looked for: pages state it in the title or their first lines. */
const LOOK_CHARS = 2000;

function statusIn(text: string): number | undefined {
  const head = text.slice(0, LOOK_CHARS);
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(head); match; match = NUMBER.exec(head)) {
    const status = Number(match[1]);
    const end = match.index + match[0].length;
    const before = head.slice(Math.max(0, end - 3 - 20), end - 3).replace(/[:#\s]+$/, '');
    const after = head.slice(end, end + 60).replace(/^[\s:–—-]+/, '');
    if (LEADS.some((lead) => before.endsWith(lead))) return status;
    // "502 ERROR" (CloudFront), "500 error".
    if (after.startsWith('error')) return status;
    if (REASONS_BY_STATUS.get(status)?.some((reason) => after.startsWith(reason))) return status;
  }
  return undefined;
}

// Reason phrases distinctive enough to name their status alone: the standard 5xx ones and Cloudflare's that no other
// text says ("connection timed out" and "a timeout occurred" are everyday words, so 522 and 524 need their number).
const TELLING_REASONS = new Set([500, 501, 502, 503, 504, 520, 521, 523]);

/** A telling reason phrase alone near the top ("Bad Gateway: fetch failed"), when no number is given. */
function statusFromReason(text: string): number | undefined {
  const head = text.slice(0, 200);
  let best: { status: number; at: number } | undefined;
  for (const [status, reasons] of REASONS) {
    if (!TELLING_REASONS.has(status)) continue;
    for (const reason of reasons) {
      const at = head.indexOf(reason);
      if (at >= 0 && (best === undefined || at < best.at)) best = { status, at };
    }
  }
  return best?.status;
}

/**
 * The status an error page states, from its folded title and visible text: "502 Bad Gateway", "Error 522",
 * "HTTP Error 503. The service is unavailable.", or a 5xx reason phrase alone. Undefined when the page does not say.
 */
export function statusFromPage(title: string, text: string): number | undefined {
  return statusIn(title) ?? statusIn(text) ?? statusFromReason(title) ?? statusFromReason(text);
}
