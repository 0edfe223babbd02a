// Firefox reads the start of a failing response's body as it streams (webRequest.filterResponseData), for the engine:
// which responses get a filter, and how the bytes become text. The listener that runs it is
// entrypoints/background/firefox-bodies.ts.
import { GATEWAY_STATUSES } from './settings';

/** Bytes kept for the engine: Envoy's, nginx's and the CDNs' error pages say what they know well within this. */
export const MAX_BODY_BYTES = 16_384;

const READ_STATUSES: ReadonlySet<number> = new Set(GATEWAY_STATUSES);

/**
 * Only a gateway status gets a filter (the one list in utils/settings.ts): a healthy response, and any other,
 * streams as if Gatewhy were not there. Requests outside a tab (tabId -1) are not Gatewhy's.
 */
export function shouldReadBody(details: { statusCode?: unknown; tabId?: unknown; requestId?: unknown }): boolean {
  const { statusCode, tabId, requestId } = details ?? {};
  return typeof statusCode === 'number' && READ_STATUSES.has(statusCode) && typeof tabId === 'number' && tabId >= 0 && typeof requestId === 'string';
}

/** The charset a Content-Type names, if TextDecoder knows it; UTF-8 otherwise (what the error pages Gatewhy knows use). */
export function charsetOf(contentType: string | undefined): string {
  const named = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
  if (!named) return 'utf-8';
  try {
    return new TextDecoder(named).encoding;
  } catch {
    return 'utf-8';
  }
}

export interface BodyCollector {
  /** Takes the next chunk as it streamed; true once MAX_BODY_BYTES are kept and no more are wanted. */
  add(chunk: ArrayBuffer | Uint8Array): boolean;
  /** The text kept so far; `truncated` when the body went on (or was cut short: `ended` false). */
  finish(ended: boolean): { text: string; truncated: boolean };
}

/**
 * Keeps the first `limit` bytes of a body and decodes them in the response's charset, chunk by chunk (TextDecoder's
 * stream mode, so a character split between chunks is decoded whole). It never changes the bytes it is given.
 */
export function collectBody(contentType: string | undefined, limit = MAX_BODY_BYTES): BodyCollector {
  const decoder = new TextDecoder(charsetOf(contentType));
  let text = '';
  let kept = 0;
  let cut = false;
  return {
    add(chunk) {
      const bytes = chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk);
      if (kept >= limit) {
        cut ||= bytes.byteLength > 0;
        return true;
      }
      const room = limit - kept;
      const part = bytes.byteLength > room ? bytes.subarray(0, room) : bytes;
      cut ||= bytes.byteLength > room;
      kept += part.byteLength;
      text += decoder.decode(part, { stream: true });
      return kept >= limit;
    },
    finish(ended) {
      // A body cut at the limit may end inside a character: that half is dropped, not shown as U+FFFD.
      if (!cut && ended) text += decoder.decode();
      return { text, truncated: cut || !ended };
    },
  };
}
