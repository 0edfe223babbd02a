// Reads raw HTTP responses as `curl -si` or `curl -i` prints them: HTTP/1.0 to HTTP/3, CRLF or LF, with or without a body.
import type { HeaderPair } from './headers';
import { say } from './wording';

export interface HttpResponse {
  /** "1.1", "2", "3"… */
  httpVersion: string;
  status: number;
  statusText: string;
  headers: HeaderPair[];
  body: string;
}

export class HttpParseError extends Error {
  override name = 'HttpParseError';
}

// "HTTP/1.1 502 Bad Gateway", "HTTP/2 502", "HTTP/1.1 530" (no reason). Anchored and without nested repetition: linear.
const STATUS_LINE = /^HTTP\/(\d(?:\.\d)?) +(\d{3})(?: (.*))?$/;
/** Longest line taken as a status line; longer lines are not one. */
const MAX_STATUS_LINE = 1024;

function statusLineOf(line: string): RegExpExecArray | null {
  return line.length <= MAX_STATUS_LINE ? STATUS_LINE.exec(line.trimEnd()) : null;
}

/** A line iterator that keeps offsets, so the body can be cut from the original text without copying lines. */
function nextLine(text: string, from: number): { line: string; next: number } {
  const end = text.indexOf('\n', from);
  const stop = end < 0 ? text.length : end;
  const line = text.slice(from, stop > from && text[stop - 1] === '\r' ? stop - 1 : stop);
  return { line, next: end < 0 ? text.length : end + 1 };
}

/**
 * Every response in the text, in order: an interim `100 Continue`, a proxy's `Connection established`
 * or a redirect followed by the final response. Leading lines starting with `#` are comments.
 * Throws HttpParseError when no status line starts the text.
 */
export function parseHttpResponses(text: string): HttpResponse[] {
  if (typeof text !== 'string') throw new HttpParseError(say('parse.notText'));
  let offset = 0;
  // Skip comment lines (fixtures note their source there) and blank lines before the first status line.
  for (;;) {
    if (offset >= text.length) throw new HttpParseError(say('parse.empty'));
    const { line, next } = nextLine(text, offset);
    if (line.trim() === '' || line.startsWith('#')) offset = next;
    else break;
  }
  const responses: HttpResponse[] = [];
  for (;;) {
    const { line, next } = nextLine(text, offset);
    const match = statusLineOf(line);
    if (!match) {
      const shown = line.length > 60 ? `${line.slice(0, 60)}…` : line;
      throw new HttpParseError(responses.length === 0 ? say('parse.notStatusLine', { text: shown }) : say('parse.unexpectedLine', { text: shown }));
    }
    offset = next;
    const headers: HeaderPair[] = [];
    while (offset < text.length) {
      const { line: headerLine, next: after } = nextLine(text, offset);
      offset = after;
      if (headerLine === '') break;
      if ((headerLine.startsWith(' ') || headerLine.startsWith('\t')) && headers.length > 0) {
        // Obsolete line folding (RFC 9112 §5.2): the line continues the previous value.
        headers[headers.length - 1]!.value += ` ${headerLine.trim()}`;
        continue;
      }
      const colon = headerLine.indexOf(':');
      if (colon <= 0) throw new HttpParseError(say('parse.malformedHeader', { text: headerLine.slice(0, 60) }));
      headers.push({ name: headerLine.slice(0, colon).trim(), value: headerLine.slice(colon + 1).trim() });
    }
    let rest = offset;
    while (rest < text.length) {
      const { line: blank, next: afterBlank } = nextLine(text, rest);
      if (blank.trim() !== '') break;
      rest = afterBlank;
    }
    const follows = rest < text.length && statusLineOf(nextLine(text, rest).line) !== null;
    responses.push({
      httpVersion: match[1]!,
      status: Number(match[2]),
      statusText: (match[3] ?? '').trim(),
      headers,
      body: follows ? '' : text.slice(offset),
    });
    if (!follows) return responses;
    offset = rest;
  }
}

/** The response that counts: the last of those in the text. */
export function parseHttpResponse(text: string): HttpResponse {
  return parseHttpResponses(text).at(-1)!;
}
