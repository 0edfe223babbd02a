// The start of a response body as DevTools gives it, decoded and bounded: the panel shows it, the background gets it.
// Chrome and Firefox differ here: getContent() answers through a callback in one and a Promise in the other.

/** Most characters of a response body Gatewhy keeps: every vendor marker it knows sits in an error page's start. */
export const MAX_BODY_CHARS = 16_384;

/** The part of a HAR entry Gatewhy reads. Every field may be missing or odd: it came from another process. */
export interface HarEntryLike {
  startedDateTime?: unknown;
  request?: { url?: unknown; method?: unknown };
  response?: {
    status?: unknown;
    statusText?: unknown;
    headers?: unknown;
    content?: { text?: unknown; encoding?: unknown; mimeType?: unknown };
    /** Chrome: the network error of a request that got no response, e.g. "net::ERR_CONNECTION_REFUSED". */
    _error?: unknown;
  };
  /** Chrome: "document", "fetch", "xhr", "script"… */
  _resourceType?: unknown;
  /** Chrome: callback (content, encoding); Firefox: a Promise of [content, mimeType] (MDN devtools.network.onRequestFinished). */
  getContent?: unknown;
}

/** The start of a response body. */
export interface ResponseBody {
  text: string;
  /** True when the body was longer than MAX_BODY_CHARS and only its start is kept. */
  truncated: boolean;
}

/** Base64 to UTF-8 text, decoding only as much as MAX_BODY_CHARS needs. Undefined when it is not base64. */
function fromBase64(encoded: string): ResponseBody | undefined {
  // Every 4 base64 characters are 3 bytes, and a UTF-8 character is at least one byte: this many are enough.
  const wanted = Math.ceil((MAX_BODY_CHARS + 1) / 3) * 4;
  // Whitespace is dropped from a prefix only, so a body of many megabytes costs no more than a small one.
  const head = encoded.slice(0, wanted * 2).replace(/\s+/g, '');
  try {
    const bytes = Uint8Array.from(atob(head.slice(0, wanted - (wanted % 4))), (char) => char.charCodeAt(0));
    return bounded(new TextDecoder('utf-8').decode(bytes), head.length > wanted || encoded.length > wanted * 2);
  } catch {
    return undefined;
  }
}

function bounded(body: string, longer = false): ResponseBody {
  return body.length > MAX_BODY_CHARS ? { text: body.slice(0, MAX_BODY_CHARS), truncated: true } : { text: body, truncated: longer };
}

/** A body as DevTools gives it: text, or base64 when `encoding` says so (Chrome, for bodies that are not text). */
export function decodeBody(content: unknown, encoding: unknown): ResponseBody | undefined {
  if (typeof content !== 'string') return undefined;
  if (encoding === 'base64') return fromBase64(content);
  return bounded(content);
}

/** Longest wait for getContent(): DevTools may never answer for a request it dropped from its log. */
export const GET_CONTENT_TIMEOUT_MS = 5000;

/**
 * The start of an entry's response body, from getContent() where the entry has it, else from the HAR's own
 * content.text (Firefox's getHAR() includes bodies). Undefined when neither gives one. Never rejects.
 */
export function readResponseBody(entry: HarEntryLike, timeoutMs = GET_CONTENT_TIMEOUT_MS): Promise<ResponseBody | undefined> {
  const inHar = () => decodeBody(entry.response?.content?.text, entry.response?.content?.encoding);
  if (typeof entry.getContent !== 'function') return Promise.resolve(inHar());
  return new Promise((resolve) => {
    let settled = false;
    const finish = (body: ResponseBody | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(body);
    };
    const timer = setTimeout(() => finish(inHar()), timeoutMs);
    try {
      // Chrome answers through the callback: (content, encoding). Firefox returns a Promise of [content, mimeType]
      // (its second value is not an encoding, so only Chrome's "base64" decodes).
      const returned = (entry.getContent as (callback: (content: unknown, encoding: unknown) => void) => unknown).call(entry, (content, encoding) =>
        finish(decodeBody(content, encoding) ?? inHar()),
      );
      if (returned && typeof (returned as Promise<unknown>).then === 'function') {
        (returned as Promise<unknown>).then(
          (result) => finish((Array.isArray(result) ? decodeBody(result[0], undefined) : decodeBody(result, undefined)) ?? inHar()),
          () => finish(inHar()),
        );
      }
    } catch {
      finish(inHar());
    }
  });
}
