// Header lists as Gatewhy keeps them: ordered name/value pairs, sensitive values redacted.

/** One response header, in the order the server sent it. Names keep their original spelling. */
export interface HeaderPair {
  name: string;
  value: string;
}

/** Anything a caller might hand us as headers: webRequest's array, a plain object, a Headers-like list. */
export type HeaderInput =
  readonly { name?: unknown; value?: unknown }[] | readonly (readonly [unknown, unknown])[] | Readonly<Record<string, unknown>> | null | undefined;

export const REDACTED = '[redacted]';

/** Longest header name or value we keep; longer ones are cut with a note, so hostile input stays cheap. */
export const MAX_HEADER_CHARS = 16_384;
/** Most headers we keep from one response. */
export const MAX_HEADERS = 200;

const SENSITIVE_EXACT = new Set([
  'cookie',
  'set-cookie',
  'set-cookie2',
  'authorization',
  'proxy-authorization',
  'www-authenticate',
  'proxy-authenticate',
  'authentication-info',
  'x-api-key',
  'api-key',
  'x-amz-security-token',
]);
const SENSITIVE_PARTS = ['token', 'secret', 'password', 'passwd', 'api-key', 'apikey', 'session', 'credential', 'auth'];

/** True for headers whose values can carry credentials: cookies, authorization, tokens, API keys, sessions. */
export function isSensitiveHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SENSITIVE_EXACT.has(lower) || SENSITIVE_PARTS.some((part) => lower.includes(part));
}

const latin1 = new TextDecoder('latin1');

const CUT_NOTE = /… \[(\d+) more characters cut\]$/;

/** Cuts text to `max` characters with a note of how many went, those an earlier cut took included. */
export function cutText(text: string, max: number): string {
  const earlier = CUT_NOTE.exec(text);
  const whole = earlier ? text.slice(0, earlier.index) : text;
  if (whole.length <= max) return text;
  return `${whole.slice(0, max)}… [${(earlier ? Number(earlier[1]) : 0) + whole.length - max} more characters cut]`;
}

const truncate = (text: string): string => cutText(text, MAX_HEADER_CHARS);

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asText).join(', ');
  // webRequest gives binaryValue (an array of bytes) for non-UTF-8 values.
  if (value instanceof Uint8Array) return latin1.decode(value.subarray(0, MAX_HEADER_CHARS + 1));
  return '';
}

/**
 * Turns any header input into a bounded list of pairs, never throwing.
 * Names and values keep their text, trimmed and cut at MAX_HEADER_CHARS.
 */
export function normalizeHeaders(input: HeaderInput): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  const push = (rawName: unknown, rawValue: unknown) => {
    if (pairs.length >= MAX_HEADERS) return;
    const name = truncate(asText(rawName).trim());
    if (name === '') return;
    pairs.push({ name, value: truncate(asText(rawValue).trim()) });
  };
  try {
    if (input == null || typeof input !== 'object') return pairs;
    if (Array.isArray(input)) {
      for (const entry of input as unknown[]) {
        if (pairs.length >= MAX_HEADERS) break;
        if (Array.isArray(entry)) push(entry[0], entry[1]);
        else if (entry && typeof entry === 'object') {
          const { name, value, binaryValue } = entry as { name?: unknown; value?: unknown; binaryValue?: unknown };
          push(name, value ?? (Array.isArray(binaryValue) ? Uint8Array.from(binaryValue as number[]) : binaryValue));
        }
      }
    } else {
      for (const [name, value] of Object.entries(input)) {
        if (pairs.length >= MAX_HEADERS) break;
        if (Array.isArray(value)) for (const one of value) push(name, one);
        else push(name, value);
      }
    }
  } catch {
    // A hostile object (throwing getters, proxies) yields what was read before it threw.
  }
  return pairs;
}

/**
 * A sensitive header's value as Gatewhy keeps it. A cookie keeps its name, which tells which gateway set it
 * (AWSALB, ARRAffinity…), never its value.
 */
export function redactedValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower !== 'set-cookie' && lower !== 'set-cookie2') return REDACTED;
  const equals = value.indexOf('=');
  const cookieName = equals > 0 ? value.slice(0, equals).trim() : '';
  return cookieName && cookieName.length <= 64 && !cookieName.includes(';') ? `${cookieName}=${REDACTED}` : REDACTED;
}

/** The same headers with every sensitive value replaced, so they can be stored, shown and exported. */
export function redactHeaders(headers: readonly HeaderPair[]): HeaderPair[] {
  return headers.map((header) => (isSensitiveHeader(header.name) ? { name: header.name, value: redactedValue(header.name, header.value) } : header));
}

/** First value of a header, by case-insensitive name. */
export function headerValue(headers: readonly HeaderPair[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find((header) => header.name.toLowerCase() === wanted)?.value;
}
