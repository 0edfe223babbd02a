// Byte budgets for what the background keeps in storage.session, and the pure rule that fits a tab's record into one.
import { cutText, type HeaderPair } from './headers';
import type { FailedRequest, TabRecord } from './tab-record';

/**
 * Chrome gives storage.session 10 MB for everything an extension keeps there
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#property-session); Gatewhy keeps itself to a
 * fifth of that, and a tab to a thirty-second of its share, so thirty busy tabs fit whole.
 */
export const SESSION_BUDGET_BYTES = 2 * 1024 * 1024;
export const TAB_RECORD_BUDGET_BYTES = 64 * 1024;
/** Kept for everything else in storage.session: retry schedules, the retry log, sightings, private recent errors. */
export const SESSION_RESERVE_BYTES = 256 * 1024;
/** The least a tab gets however full the session is: its page's failure (or its newest) and verdict, with short headers. */
export const MIN_TAB_RECORD_BYTES = 4 * 1024;

/** Longest header value stored. Engine rules read short values; a megabyte-long one is cut, with a note. */
export const STORED_HEADER_CHARS = 2048;
/** What all of one response's header values may take; past it, each further value keeps only its start. */
export const HEADERS_BUDGET_CHARS = 32 * 1024;
/** Longest body or page text kept when a record has to shrink (the engine reads 16 KB while the worker holds it). */
const SHRUNK_BODY_CHARS = 2048;
const SHRUNK_PAGE_BODY_CHARS = 4096;
const SHRUNK_HEADER_CHARS = 256;
const SHRUNK_TIMELINE_EVENTS = 5;
const SHRUNK_URL_CHARS = 1024;

/** UTF-8 length of a string, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      bytes += 4; // a surrogate pair: one character of four bytes
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** What an item costs in storage: its key and its value as JSON, in bytes (how Chrome counts against the quota). */
export function storedBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value) ?? '');
}

const cutHeaders = (headers: readonly HeaderPair[], max: number): HeaderPair[] =>
  headers.map((header) => (header.value.length <= max ? header : { name: header.name, value: cutText(header.value, max) }));

/**
 * A response's headers as the background keeps them, in memory as in storage: each value at most STORED_HEADER_CHARS,
 * and once the values together pass HEADERS_BUDGET_CHARS, the rest only their start. Hostile headers stay cheap.
 */
export function keptHeaders(headers: readonly HeaderPair[]): HeaderPair[] {
  let used = 0;
  return headers.map((header) => {
    const value = cutText(header.value, used >= HEADERS_BUDGET_CHARS ? SHRUNK_HEADER_CHARS : STORED_HEADER_CHARS);
    used += value.length;
    return value === header.value ? header : { name: header.name, value };
  });
}

function cutBodies(failure: FailedRequest, max: number): FailedRequest {
  const { bodyText, pageHtml } = failure;
  const bodyCut = bodyText !== undefined && bodyText.length > max;
  if (!bodyCut && !(pageHtml !== undefined && pageHtml.length > max)) return failure;
  return {
    ...failure,
    ...(bodyText !== undefined && { bodyText: bodyText.slice(0, max) }),
    ...(bodyCut && { bodyTruncated: true }),
    ...(pageHtml !== undefined && { pageHtml: pageHtml.slice(0, max) }),
  };
}

/** The page's failure is also the last of its kind in the list: stored once in full, there as the same entry. */
function withoutExplanation({ explanation: _dropped, ...failure }: FailedRequest): FailedRequest {
  return failure;
}

/**
 * The record as it fits in `budget` bytes under `key`. Every stored record loses what is stored twice (the page's
 * explanation on its list entry) and header values past STORED_HEADER_CHARS. Then, only while it is still too big:
 * the page's full explanation goes (the popup asks the background for it), bodies shrink, the oldest failures inside
 * the page go, and last the page's own failure keeps only its verdict and short headers. Never throws.
 */
export function fitRecord(key: string, record: TabRecord, budget: number): TabRecord {
  const tidy = (failure: FailedRequest) => ({ ...withoutExplanation(failure), headers: cutHeaders(failure.headers, STORED_HEADER_CHARS) });
  const page = record.page && { ...record.page, headers: cutHeaders(record.page.headers, STORED_HEADER_CHARS) };
  let fitted: TabRecord = { ...record, ...(page && { page }), failures: record.failures.map(tidy) };
  const fits = () => storedBytes(key, fitted) <= budget;
  if (fits()) return fitted;

  if (fitted.page?.explanation) fitted = { ...fitted, page: withoutExplanation(fitted.page) };
  if (fits()) return fitted;

  fitted = {
    ...fitted,
    ...(fitted.page && { page: cutBodies(fitted.page, SHRUNK_PAGE_BODY_CHARS) }),
    failures: fitted.failures.map((failure) => cutBodies(failure, failure.requestId === fitted.page?.requestId ? SHRUNK_PAGE_BODY_CHARS : SHRUNK_BODY_CHARS)),
  };
  if (fits()) return fitted;

  // The oldest failures go first, each measured once; the page's own stays, and so does the newest.
  const sizes = fitted.failures.map((failure) => storedBytes('', failure) + 1);
  let total = storedBytes(key, fitted);
  const keep = fitted.failures.map(() => true);
  for (let index = 0; index < fitted.failures.length - 1 && total > budget; index++) {
    if (fitted.failures[index]!.requestId === fitted.page?.requestId) continue;
    keep[index] = false;
    total -= sizes[index]!;
  }
  const dropped = keep.filter((kept) => !kept).length;
  fitted = {
    ...fitted,
    failures: fitted.failures.filter((_, index) => keep[index]),
    ...(dropped > 0 && { earlierFailures: (fitted.earlierFailures ?? 0) + dropped }),
  };
  if (fits()) return fitted;

  // Only the page's verdict is left to shrink.
  const bare = (failure: FailedRequest): FailedRequest => {
    const { bodyText: _body, bodyTruncated: _truncated, pageHtml: _html, ...rest } = failure;
    return {
      ...rest,
      url: cutText(rest.url, SHRUNK_URL_CHARS),
      statusLine: cutText(rest.statusLine, SHRUNK_HEADER_CHARS),
      headers: cutHeaders(rest.headers, SHRUNK_HEADER_CHARS),
    };
  };
  fitted = {
    ...fitted,
    ...(fitted.page && { page: bare(fitted.page) }),
    failures: fitted.failures.map(bare),
    timeline: fitted.timeline.slice(-SHRUNK_TIMELINE_EVENTS),
  };
  if (fits()) return fitted;
  fitted = {
    ...fitted,
    ...(fitted.page && { page: { ...fitted.page, headers: [] } }),
    failures: fitted.failures.map((failure) => ({ ...failure, headers: [] })),
  };
  return fitted;
}

/**
 * How many bytes a tab's record may take, given what the other tabs' records take now: its own budget while the
 * session has room, less when it has not, and never under MIN_TAB_RECORD_BYTES.
 */
export function tabBudget(othersBytes: number): number {
  const left = SESSION_BUDGET_BYTES - SESSION_RESERVE_BYTES - othersBytes;
  return Math.max(MIN_TAB_RECORD_BYTES, Math.min(TAB_RECORD_BUDGET_BYTES, left));
}
