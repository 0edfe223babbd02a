// "Export failures as HAR": the failed requests as an HTTP Archive (HAR 1.2) safe to attach to a ticket.
// Sanitised as Chrome's own "Export HAR (sanitized)" is, no Cookie, Set-Cookie or Authorization value and no cookies
// arrays (https://chromium.googlesource.com/devtools/devtools-frontend/+/acd96a60464188fbf7c4476ec883ec65bba3dfdf),
// and further: no header whose value can carry a credential (isSensitiveHeader), no request body, and, unless asked,
// no query strings. Entries are rebuilt from known fields only, so nothing DevTools adds later can slip through.
import { normalizeHeaders, redactHeaders, type HeaderPair } from '../headers';
import { withoutQueryStrings } from '../query-strings';
import { MAX_BODY_CHARS, type HarEntryLike, type ResponseBody } from './response-body';

/** A HAR entry as Gatewhy exports it. */
export interface SanitizedEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: HeaderPair[];
    queryString: { name: string; value: string }[];
    cookies: [];
    headersSize: number;
    bodySize: number;
    comment?: string;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: HeaderPair[];
    cookies: [];
    content: { size: number; mimeType: string; text?: string; comment?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    _error?: string;
  };
  cache: Record<string, never>;
  timings: Record<string, number>;
  serverIPAddress?: string;
  _resourceType?: string;
}

type LooseEntry = HarEntryLike & {
  time?: unknown;
  serverIPAddress?: unknown;
  timings?: unknown;
  request?: HarEntryLike['request'] & {
    httpVersion?: unknown;
    headers?: unknown;
    queryString?: unknown;
    headersSize?: unknown;
    bodySize?: unknown;
    postData?: unknown;
  };
  response?: HarEntryLike['response'] & {
    httpVersion?: unknown;
    redirectURL?: unknown;
    headersSize?: unknown;
    bodySize?: unknown;
    content?: { size?: unknown };
  };
};

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : -1);

/** HAR's timing phases; each is milliseconds, or -1 when it does not apply. */
const TIMING_PHASES = ['blocked', 'dns', 'connect', 'ssl', 'send', 'wait', 'receive'] as const;

function timingsOf(value: unknown): Record<string, number> {
  const source = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(TIMING_PHASES.map((phase) => [phase, count(source[phase])]));
}

function queryOf(value: unknown): { name: string; value: string }[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, 200).map((pair: { name?: unknown; value?: unknown }) => ({ name: text(pair?.name), value: text(pair?.value) }));
}

/** Headers with credentials' values replaced: a cookie keeps its name, which says which gateway set it. */
const sanitizedHeaders = (value: unknown): HeaderPair[] => redactHeaders(normalizeHeaders(value as never));

/** One entry, sanitised. Its content text is left out: Gatewhy adds the body it read itself (withResponseText). */
export function sanitizeEntry(raw: HarEntryLike): SanitizedEntry {
  const entry = raw as LooseEntry;
  const hadRequestBody = entry.request?.postData !== undefined && entry.request.postData !== null;
  const content: SanitizedEntry['response']['content'] = {
    size: count(entry.response?.content?.size),
    mimeType: text(entry.response?.content?.mimeType, 'x-unknown'),
  };
  const error = text(entry.response?._error);
  const resourceType = text(entry._resourceType);
  const serverIPAddress = text(entry.serverIPAddress);
  return {
    startedDateTime: text(entry.startedDateTime),
    time: count(entry.time),
    request: {
      method: text(entry.request?.method, 'GET'),
      url: text(entry.request?.url),
      httpVersion: text(entry.request?.httpVersion),
      headers: sanitizedHeaders(entry.request?.headers),
      queryString: queryOf(entry.request?.queryString),
      cookies: [],
      headersSize: count(entry.request?.headersSize),
      bodySize: count(entry.request?.bodySize),
      ...(hadRequestBody && { comment: 'The request body is left out: it can carry passwords and tokens.' }),
    },
    response: {
      status: typeof entry.response?.status === 'number' ? entry.response.status : 0,
      statusText: text(entry.response?.statusText),
      httpVersion: text(entry.response?.httpVersion),
      headers: sanitizedHeaders(entry.response?.headers),
      cookies: [],
      content,
      redirectURL: text(entry.response?.redirectURL),
      headersSize: count(entry.response?.headersSize),
      bodySize: count(entry.response?.bodySize),
      ...(error && { _error: error }),
    },
    cache: {},
    timings: timingsOf(entry.timings),
    ...(serverIPAddress && { serverIPAddress }),
    ...(resourceType && { _resourceType: resourceType }),
  };
}

/** The entry with the start of its response body, as Gatewhy read and bounded it (Chrome's HAR carries no body). */
export function withResponseText(entry: SanitizedEntry, body: ResponseBody | undefined): SanitizedEntry {
  if (!body) return entry;
  const comment = body.truncated ? { comment: `Gatewhy kept the first ${MAX_BODY_CHARS} characters of the body.` } : {};
  return { ...entry, response: { ...entry.response, content: { ...entry.response.content, text: body.text, ...comment } } };
}

export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: [];
    entries: SanitizedEntry[];
    comment: string;
  };
}

/** The failures as a HAR log, oldest first. Query strings go (from addresses and every other value) unless asked for. */
export function failuresHar(entries: readonly SanitizedEntry[], options: { includeQuery: boolean; version?: string }): HarLog {
  const sorted = [...entries].sort((a, b) => a.startedDateTime.localeCompare(b.startedDateTime));
  const kept = options.includeQuery ? sorted : withoutQueryStrings(sorted).map((entry) => ({ ...entry, request: { ...entry.request, queryString: [] } }));
  return {
    log: {
      version: '1.2',
      creator: { name: 'Gatewhy', version: options.version ?? '' },
      pages: [],
      entries: kept,
      comment: `Failed requests only. Cookies, credentials and tokens are left out${options.includeQuery ? '' : ', and so are query strings'}.`,
    },
  };
}

/** "gatewhy-failures-2026-11-27T14-05-00Z.har" */
export function harFileName(now: number): string {
  return `gatewhy-failures-${new Date(now).toISOString().slice(0, 19).replace(/:/g, '-')}Z.har`;
}
