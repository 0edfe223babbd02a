// A request as DevTools reports it (a HAR 1.2 entry from devtools.network), read into what the Gatewhy panel shows.
import { normalizeHeaders, redactHeaders, type HeaderPair } from '../headers';
// The list, not explain-response's isIgnoredNetworkError: the DevTools page that reads entries carries no engine.
import { IGNORED_NETWORK_ERRORS } from '../explain/generic';
import type { RequestType } from '../tab-record';
import { sanitizeEntry, type SanitizedEntry } from './har-export';
import type { HarEntryLike, ResponseBody } from './response-body';

export type BodyState = 'reading' | 'read' | 'unavailable';

/** One failed request of the inspected tab. */
export interface InspectedRequest {
  /** Stable across getHAR() and onRequestFinished, which can both report the same request. */
  key: string;
  url: string;
  method: string;
  /** 0 when no response arrived (see networkError). */
  status: number;
  statusText: string;
  networkError?: string;
  type: RequestType;
  /** Epoch ms the request started. */
  time: number;
  /** Response headers, sensitive values redacted. */
  headers: HeaderPair[];
  bodyState: BodyState;
  body?: ResponseBody;
  /** The entry as "Export failures as HAR" writes it, sanitised as soon as it is read: no raw entry is kept. */
  har: SanitizedEntry;
}

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/** HAR resource types as webRequest names them, so the report and the engine read them as they read the background's. */
const TYPE_NAMES: Record<string, RequestType> = {
  fetch: 'xmlhttprequest',
  xhr: 'xmlhttprequest',
  script: 'script',
  stylesheet: 'stylesheet',
  image: 'image',
  font: 'font',
  media: 'media',
};

function requestType(entry: HarEntryLike, pageUrl: string | undefined): RequestType {
  const type = text(entry._resourceType).toLowerCase();
  if (type === 'document') return pageUrl !== undefined && text(entry.request?.url) === pageUrl ? 'main_frame' : 'sub_frame';
  return TYPE_NAMES[type] ?? (type || 'other');
}

function statusOf(entry: HarEntryLike): number {
  const status = entry.response?.status;
  return typeof status === 'number' && Number.isInteger(status) && status >= 0 && status <= 999 ? status : 0;
}

/** The browser's error for a request that got no response; Chrome writes it into the HAR as response._error. */
function networkErrorOf(entry: HarEntryLike): string | undefined {
  const error = text(entry.response?._error).trim();
  return error === '' ? undefined : error.slice(0, 200);
}

/**
 * True for what the panel lists: a response with status 500 or more, or no response at all because of a network
 * error (not one the user or a blocker caused: see isIgnoredNetworkError).
 */
export function isFailedEntry(entry: HarEntryLike): boolean {
  const status = statusOf(entry);
  if (status >= 500) return true;
  const error = networkErrorOf(entry);
  return status === 0 && error !== undefined && !IGNORED_NETWORK_ERRORS.some((ignored) => error.includes(ignored));
}

/** Reads a HAR entry. Never throws; odd fields become empty ones. `pageUrl` tells the page's own document from frames. */
export function readEntry(entry: HarEntryLike, pageUrl?: string): InspectedRequest {
  const url = text(entry.request?.url);
  const method = text(entry.request?.method, 'GET').toUpperCase().slice(0, 16);
  const started = Date.parse(text(entry.startedDateTime));
  const status = statusOf(entry);
  const networkError = status === 0 ? networkErrorOf(entry) : undefined;
  return {
    key: `${text(entry.startedDateTime)} ${method} ${url}`,
    url,
    method,
    status,
    statusText: text(entry.response?.statusText).slice(0, 200),
    ...(networkError && { networkError }),
    type: requestType(entry, pageUrl),
    time: Number.isFinite(started) ? started : 0,
    headers: redactHeaders(normalizeHeaders(entry.response?.headers as never)),
    bodyState: 'reading',
    har: sanitizeEntry(entry),
  };
}
