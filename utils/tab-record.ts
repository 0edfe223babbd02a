// The bounded per-tab record of failed responses, and the pure rules that update it.
import { type HeaderPair, normalizeHeaders, redactHeaders, type HeaderInput } from './headers';
import type { Explanation } from './explain/explain-response';
import type { CauseId, Source } from './gateways/types';
import type { Party } from './party';
import { withoutQueryStrings } from './query-strings';
import { withoutPageSecrets } from './page-secrets';
import { keptHeaders } from './storage-budget';

/** Request types as webRequest names them; the ones Gatewhy watches by default come first. */
export type RequestType = 'main_frame' | 'sub_frame' | 'xmlhttprequest' | (string & {});

/** The engine's verdict, kept with the record so the badge, history and popup need not recompute it. */
export interface Summary {
  headline: string;
  gatewayId: string | null;
  gatewayName: string | null;
  cause: CauseId;
  causeTitle: string;
  source: Source;
  cached: boolean;
  retryAfterSeconds?: number;
}

export function summarize(explanation: Explanation): Summary {
  const top = explanation.causes[0];
  return {
    headline: explanation.headline,
    gatewayId: explanation.gateway?.id ?? null,
    gatewayName: explanation.gateway?.name ?? null,
    cause: top?.id ?? 'unknown',
    causeTitle: top?.title ?? 'Cause unclear',
    source: explanation.source,
    cached: explanation.cached,
    ...(explanation.retryAfterSeconds !== undefined && { retryAfterSeconds: explanation.retryAfterSeconds }),
  };
}

/** One failed response (or network failure) as Gatewhy keeps it: never cookies or credentials. */
export interface FailedRequest {
  /** webRequest's requestId: unique per browser session. */
  requestId: string;
  url: string;
  type: RequestType;
  method: string;
  /** HTTP status, or 0 when no response arrived (see networkError). */
  status: number;
  /** The status line as the browser reported it, e.g. "HTTP/1.1 502 Bad Gateway". */
  statusLine: string;
  /** Browser error such as "net::ERR_CONNECTION_REFUSED" when no response arrived. */
  networkError?: string;
  /** Epoch milliseconds. */
  time: number;
  /** Response headers, sensitive values already redacted. */
  headers: HeaderPair[];
  ip?: string;
  /** Same site as the page, or a third party's. */
  party?: Party;
  /** The start of the error page as the browser parsed it (pages only; read best-effort). */
  pageHtml?: string;
  /**
   * The start of the response body as it arrived (at most 16 KB), which webRequest does not give: DevTools → Gatewhy
   * passes it on while DevTools is open on the tab, and Firefox's background reads it itself (utils/attach-body.ts).
   */
  bodyText?: string;
  /** True when bodyText is only the start of a longer body. */
  bodyTruncated?: boolean;
  summary?: Summary;
  /** The engine's full explanation, kept for the page's own failure so the popup can show it at once. */
  explanation?: Explanation;
}

/** 'ended': the page answered something that is not a gateway error, such as 401, and retrying stopped. */
export type TimelineKind = 'failed' | 'retry-scheduled' | 'retried' | 'recovered' | 'ended' | 'gave-up' | 'stopped' | 'blocked';

export interface TimelineEvent {
  time: number;
  kind: TimelineKind;
  text: string;
}

/** What Gatewhy knows about one tab. Stored in storage.session so it survives the service worker stopping. */
export interface TabRecord {
  tabId: number;
  /** The page's own failure, when the top-level document failed. */
  page?: FailedRequest;
  /** Failed requests (the page's and those inside it: frames, API calls), oldest first. */
  failures: FailedRequest[];
  /** The page's story: first failure, retries, recovery. Newest last. */
  timeline: TimelineEvent[];
  /** Failures of this page no longer kept, the oldest going first: counted, so the badge and popup stay right. */
  earlierFailures?: number;
}

/** Every failure the page had, those no longer kept included. */
export const failureCount = (record: TabRecord): number => record.failures.length + (record.earlierFailures ?? 0);

/** Most failures kept per tab; the oldest go first. */
export const MAX_FAILURES_PER_TAB = 50;
export const MAX_TIMELINE_EVENTS = 30;

export function emptyRecord(tabId: number): TabRecord {
  return { tabId, failures: [], timeline: [] };
}

export function isEmptyRecord(record: TabRecord | undefined): boolean {
  return !record || (!record.page && record.failures.length === 0 && record.timeline.length === 0);
}

/** The subset of a webRequest details object that Gatewhy reads. Every field may be missing or odd. */
export interface ResponseDetails {
  requestId?: unknown;
  url?: unknown;
  type?: unknown;
  method?: unknown;
  statusCode?: unknown;
  statusLine?: unknown;
  timeStamp?: unknown;
  ip?: unknown;
  error?: unknown;
  responseHeaders?: unknown;
}

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/** Builds a FailedRequest from webRequest details, redacting sensitive headers and cutting long ones. Never throws. */
export function toFailedRequest(details: ResponseDetails, now = Date.now()): FailedRequest {
  const status = typeof details.statusCode === 'number' && Number.isFinite(details.statusCode) ? details.statusCode : 0;
  const time = typeof details.timeStamp === 'number' && Number.isFinite(details.timeStamp) ? details.timeStamp : now;
  const failure: FailedRequest = {
    requestId: String(details.requestId ?? ''),
    url: text(details.url),
    type: text(details.type, 'other'),
    method: text(details.method, 'GET').toUpperCase(),
    status,
    statusLine: text(details.statusLine),
    time,
    headers: keptHeaders(redactHeaders(normalizeHeaders(details.responseHeaders as HeaderInput))),
  };
  if (typeof details.error === 'string') failure.networkError = details.error;
  if (typeof details.ip === 'string') failure.ip = details.ip;
  return failure;
}

/** Appends to the timeline, keeping the newest MAX_TIMELINE_EVENTS. */
export function addEvent(record: TabRecord, event: TimelineEvent): TabRecord {
  return { ...record, timeline: [...record.timeline, event].slice(-MAX_TIMELINE_EVENTS) };
}

/**
 * Adds a failure to the record. A failure of the page itself becomes the record's page failure
 * and also joins the list; the list keeps the newest MAX_FAILURES_PER_TAB.
 */
export function addFailure(record: TabRecord, failure: FailedRequest): TabRecord {
  const failures = [...record.failures.filter((kept) => kept.requestId !== failure.requestId), failure];
  const dropped = Math.max(0, failures.length - MAX_FAILURES_PER_TAB);
  const updated = {
    ...record,
    page: failure.type === 'main_frame' ? failure : record.page,
    failures: failures.slice(dropped),
    ...(dropped > 0 && { earlierFailures: (record.earlierFailures ?? 0) + dropped }),
  };
  if (failure.type !== 'main_frame') return updated;
  const what = failure.status > 0 ? `${failure.status}` : (failure.networkError ?? 'network error');
  return addEvent(updated, {
    time: failure.time,
    kind: 'failed',
    text: `The page failed: ${what}${failure.summary ? ` (${failure.summary.causeTitle.toLowerCase()})` : ''}`,
  });
}

/** Replaces a stored failure (found by requestId) with an updated copy, e.g. once its page text was read. */
export function updateFailure(record: TabRecord, requestId: string, change: (failure: FailedRequest) => FailedRequest): TabRecord {
  const failures = record.failures.map((failure) => (failure.requestId === requestId ? change(failure) : failure));
  const page = record.page?.requestId === requestId ? change(record.page) : record.page;
  return { ...record, page, failures };
}

/** Request ids count up in Chromium and Firefox, so a lower id was started earlier. */
function startedBefore(a: string, b: string): boolean {
  const [x, y] = [Number(a), Number(b)];
  return Number.isFinite(x) && Number.isFinite(y) ? x < y : false;
}

/**
 * A new document loaded in the tab. Failures of earlier pages are dropped; requests that started
 * after the new document's own request already belong to it and are kept. The timeline goes on
 * while the same address is being retried (or `continues`: a retry redirected elsewhere), and starts afresh otherwise.
 */
export function startPage(record: TabRecord, pageRequestId: string, pageUrl: string, { continues = false } = {}): TabRecord {
  const sameAddress = record.page !== undefined && record.page.url === pageUrl;
  return {
    tabId: record.tabId,
    failures: record.failures.filter((kept) => !startedBefore(kept.requestId, pageRequestId) && kept.requestId !== pageRequestId),
    timeline: sameAddress || continues ? record.timeline : [],
  };
}

/**
 * The record as it is stored: no query string or fragment anywhere in it (addresses, header values such as Location,
 * the page's text, the explanation). Only the retry schedule keeps the exact address, in storage.session, because
 * telling Gatewhy's own reload from the user's navigation needs it (issue 14, part 3). Bodies read in the background or
 * by DevTools lose their inline scripts and hidden fields' values, as the page read from the tab does.
 */
export function recordForStorage(record: TabRecord): TabRecord {
  const cut = (failure: FailedRequest): FailedRequest =>
    failure.bodyText === undefined ? failure : { ...failure, bodyText: withoutPageSecrets(failure.bodyText) };
  return withoutQueryStrings({ ...record, ...(record.page && { page: cut(record.page) }), failures: record.failures.map(cut) });
}
