// Reads a HAR file (HTTP Archive, as DevTools exports it) and picks the entries worth explaining.
import type { ExplainInput } from './explain/explain-response';

export class HarParseError extends Error {
  override name = 'HarParseError';
}

interface HarEntry {
  request?: { url?: unknown; method?: unknown };
  response?: {
    status?: unknown;
    statusText?: unknown;
    headers?: unknown;
    content?: { text?: unknown; encoding?: unknown; size?: unknown };
  };
}

function bodyOf(content: NonNullable<HarEntry['response']>['content']): string | undefined {
  if (!content || typeof content.text !== 'string') return undefined;
  if (content.encoding !== 'base64') return content.text;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(content.text), (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** Every entry whose response status is 500 or more, in file order, ready for explainResponse. */
export function harServerErrors(text: string): (ExplainInput & { url: string })[] {
  let har: { log?: { entries?: unknown } };
  try {
    har = JSON.parse(text) as typeof har;
  } catch (error) {
    throw new HarParseError(`not valid JSON (${(error as Error).message})`);
  }
  const entries = har?.log?.entries;
  if (!Array.isArray(entries)) throw new HarParseError('no "log.entries" array: this is not a HAR file');
  return (entries as HarEntry[]).flatMap((entry) => {
    const status = entry?.response?.status;
    if (typeof status !== 'number' || status < 500) return [];
    const bodyText = bodyOf(entry.response?.content);
    const size = entry.response?.content?.size;
    return [
      {
        status,
        statusText: typeof entry.response?.statusText === 'string' ? entry.response.statusText : '',
        headers: Array.isArray(entry.response?.headers) ? (entry.response.headers as { name: string; value: string }[]) : [],
        bodyText,
        // content.size is the whole body's length; a shorter text was cut (exporters cap what they keep).
        ...(bodyText !== undefined && typeof size === 'number' && new TextEncoder().encode(bodyText).length < size && { bodyTruncated: true }),
        url: typeof entry.request?.url === 'string' ? entry.request.url : '',
      },
    ];
  });
}
