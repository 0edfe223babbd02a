// Reads a response a person pasted: `curl -i` output, header lines copied from browser DevTools, or a page's body or text alone.
import type { HeaderPair } from './headers';
import { HttpParseError, parseHttpResponse } from './http-message';
import { statusFromPage } from './explain/infer-status';
import { unwrapBody, visibleText } from './explain/page-text';
import { say } from './wording';

export interface PastedResponse {
  /** Absent when the text had no status line: ask the person for it, or (a body) let the engine read it off the page. */
  status?: number;
  statusText?: string;
  headers: HeaderPair[];
  body: string;
  /** The request's address, when DevTools' "General" lines were pasted too. */
  url?: string;
  /** What was recognised: a whole response, header lines, DevTools' JSON, or a page's body or copied text alone. */
  format: 'http' | 'headers' | 'json' | 'body';
}

/** Most characters read from a paste: gateway error pages are short; a huge paste stays cheap. */
export const MAX_PASTE_CHARS = 256 * 1024;

// RFC 9110 §5.6.2 token, plus a leading ":" for HTTP/2 pseudo-headers such as ":status".
const NAME = /^:?[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_LINE = /^:?[!#$%&'*+.^_`|~0-9A-Za-z-]+: /;
const STARTS_AS_STATUS_LINE = /^HTTP\/\d/;

/** DevTools' "General" section, pasted along with the headers: these lines describe the request, not the response. */
const GENERAL: Record<string, 'url' | 'status' | 'skip'> = {
  'request url': 'url',
  'status code': 'status',
  ':status': 'status',
  'request method': 'skip',
  'remote address': 'skip',
  'referrer policy': 'skip',
};

/** "502", "502 Bad Gateway", "502 Bad Gateway (from disk cache)". */
function readStatus(value: string): { status: number; statusText: string } | undefined {
  const match = /^(\d{3})\b\s*(.*)$/.exec(value.trim());
  return match ? { status: Number(match[1]), statusText: match[2]!.replace(/\s*\(from [^)]*\)$/, '').trim() } : undefined;
}

function fromJson(text: string): PastedResponse | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Firefox's "Copy All" on the Headers panel: {"Response Headers (1.2 kB)": {"headers": [{name, value}]}};
  // a HAR entry's response: {status, statusText, headers: [{name, value}]}. Found wherever they sit.
  let found: { headers: HeaderPair[]; status?: number; statusText?: string } | undefined;
  const visit = (node: unknown, depth: number, key: string): void => {
    if (found || depth > 6 || !node || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    const list = object.headers;
    const isResponse = !/request/i.test(key);
    if (Array.isArray(list) && isResponse && list.every((item) => item && typeof item === 'object' && typeof (item as HeaderPair).name === 'string')) {
      found = {
        headers: list.map((item: HeaderPair) => ({ name: item.name.trim(), value: String(item.value ?? '').trim() })),
        ...(typeof object.status === 'number' && { status: object.status }),
        ...(typeof object.statusText === 'string' && { statusText: object.statusText }),
      };
      return;
    }
    for (const [childKey, child] of Object.entries(object)) visit(child, depth + 1, childKey);
  };
  visit(data, 0, '');
  if (!found) return undefined;
  const status = found.status !== undefined && found.status >= 100 && found.status <= 999 ? found.status : undefined;
  return { ...(status !== undefined && { status, statusText: found.statusText ?? '' }), headers: found.headers, body: '', format: 'json' };
}

/**
 * Header lines without a status line. Accepts "name: value" lines, DevTools' copy of its table
 * (a "name" or "name:" line, then the value on the next line), HTTP/2 pseudo-headers and DevTools' "General" lines.
 * A blank line ends the headers; what follows is the body.
 */
function fromHeaderLines(text: string): PastedResponse {
  const lines = text.split(/\r?\n/);
  const headers: HeaderPair[] = [];
  const result: PastedResponse = { headers, body: '', format: 'headers' };
  let pendingName: string | undefined;
  let seenHeader = false;

  const take = (name: string, value: string) => {
    const general = GENERAL[name.toLowerCase()];
    if (general === 'url') result.url = value;
    else if (general === 'status') Object.assign(result, readStatus(value));
    else if (general !== 'skip') headers.push({ name, value });
    seenHeader = true;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (pendingName !== undefined) {
      const name = pendingName;
      pendingName = undefined;
      // "x-empty:" followed by another "name: value" line: that header was empty, and this line is the next one.
      if (!HEADER_LINE.test(line)) {
        take(name, line);
        continue;
      }
      take(name, '');
    }
    if (line === '') {
      if (!seenHeader) continue;
      result.body = lines.slice(index + 1).join('\n');
      break;
    }
    // "name: value", where the name may be a pseudo-header (":status: 502").
    const colon = line.indexOf(':', line.startsWith(':') ? 1 : 0);
    const name = colon > 0 ? line.slice(0, colon).trim() : line.replace(/:$/, '');
    const value = colon > 0 ? line.slice(colon + 1).trim() : '';
    const isNameOnly = colon < 0 || (colon === line.length - 1 && value === '');
    if (isNameOnly && (NAME.test(name) || GENERAL[name.toLowerCase()])) {
      pendingName = name;
      continue;
    }
    if (colon > 0 && (NAME.test(name) || GENERAL[name.toLowerCase()])) {
      take(name, value);
      continue;
    }
    throw new HttpParseError(say('parse.notHeaderLine', { line: index + 1, text: line.length > 60 ? `${line.slice(0, 60)}…` : line }));
  }
  if (pendingName !== undefined) headers.push({ name: pendingName, value: '' });
  if (headers.length === 0 && result.status === undefined) throw new HttpParseError(say('parse.noHeaders'));
  return result;
}

/**
 * True when the lines before the first blank line read mostly as headers ("name: value", or DevTools' name-then-value
 * rows): then a line that does not is a mistake worth naming. Otherwise the paste is a page's body or text.
 */
function looksLikeHeaderLines(text: string): boolean {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      if (lines.length > 0) break;
      continue;
    }
    lines.push(line.trim());
  }
  const headerish = lines.filter(
    (line) => HEADER_LINE.test(line) || (NAME.test(line.replace(/:$/, '')) && !line.includes(' ')) || GENERAL[line.split(':')[0]!.toLowerCase()] !== undefined,
  ).length;
  return lines.length > 0 && headerish * 3 >= lines.length * 2;
}

// Words an error page says in some form: without any of them, markup or a status, a paste is not one.
const ERROR_WORDS = /error|fail|unavailable|time-?out|timed out|refused|reset|gateway|upstream|proxy|exception|denied|unreachable/i;

/** True for text that reads as an error page or its copied text: markup, JSON, a stated status, or error words. */
function looksLikeErrorPage(text: string): boolean {
  if (/<[a-z!/]/i.test(text) || /^\s*[{[]/.test(text)) return true;
  const { text: visible, title } = visibleText(unwrapBody(text.slice(0, 8192)));
  return statusFromPage(title, visible) !== undefined || ERROR_WORDS.test(visible);
}

/**
 * Reads a pasted response: a whole one as `curl -i` prints it (status line, headers, body), DevTools' raw headers
 * (Firefox's start with the status line), header lines alone, Firefox's "Copy All" JSON, or a page's body or its
 * copied text alone (HTML, plain text, a JSON error). Without a status line, `status` is absent: the caller asks for it,
 * or for a body lets the engine read it off the page. Throws HttpParseError with a message a person can act on.
 *
 * @example
 * parsePastedResponse('server: cloudflare\ncf-ray: 8a1b2c3d4e5f6789-SJC').status // undefined: ask for it
 * parsePastedResponse('<h1>502 Bad Gateway</h1><hr><center>nginx</center>').format // 'body'
 */
export function parsePastedResponse(input: string): PastedResponse {
  const text = String(input ?? '').slice(0, MAX_PASTE_CHARS);
  const firstLine =
    text
      .split('\n')
      .find((line) => line.trim() !== '' && !line.startsWith('#'))
      ?.trim() ?? '';
  if (firstLine === '') throw new HttpParseError(say('parse.nothing'));
  if (STARTS_AS_STATUS_LINE.test(firstLine)) {
    const response = parseHttpResponse(text);
    return { status: response.status, statusText: response.statusText, headers: response.headers, body: response.body, format: 'http' };
  }
  if (firstLine.startsWith('{') || firstLine.startsWith('[')) {
    const json = fromJson(text.trim());
    return json ?? { headers: [], body: text.trim(), format: 'body' };
  }
  if (!looksLikeHeaderLines(text)) {
    // Leading "#" lines are notes, as the response parser reads them (fixtures start so).
    const page = text.replace(/^(?:[ \t]*(?:#[^\n]*)?\r?\n)+/, '').trim();
    if (looksLikeErrorPage(page)) return { headers: [], body: page, format: 'body' };
    // Neither headers nor a page: say what was expected, as the response parser words it.
    parseHttpResponse(text);
  }
  return fromHeaderLines(text);
}
