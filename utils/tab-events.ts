// Turns webRequest details into the tab machine's events: which tab, and what happened to it. Any input, however
// odd, gives an event or undefined; nothing here throws.
import { isIgnoredNetworkError } from './explain/explain-response';
import { toFailedRequest, type ResponseDetails } from './tab-record';
import type { TabEvent } from './tab-machine';
import { isServerError } from './watch-policy';

export interface AddressedEvent {
  tabId: number;
  event: TabEvent;
}

type Details = ResponseDetails & { tabId?: unknown; documentUrl?: unknown; initiator?: unknown };

const isObject = (value: unknown): value is Details => typeof value === 'object' && value !== null;

/** The tab a request belongs to; requests outside tabs (tabId -1: the extension's own, prerendering) have none. */
function tabOf(details: unknown): number | undefined {
  if (!isObject(details)) return undefined;
  const { tabId } = details;
  return typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0 ? tabId : undefined;
}

/** webRequest.onBeforeRequest for main frames: a navigation starts in the tab. */
export function navigationEvent(details: unknown): AddressedEvent | undefined {
  const tabId = tabOf(details);
  if (tabId === undefined || !isObject(details) || details.type !== 'main_frame' || typeof details.url !== 'string') return undefined;
  const method = typeof details.method === 'string' ? details.method.toUpperCase() : 'GET';
  return { tabId, event: { type: 'navigation-started', requestId: String(details.requestId ?? ''), url: details.url, method } };
}

/**
 * webRequest.onHeadersReceived: the page's own response (whatever its status: it may end a failing streak), or a
 * failed request inside the page. Other responses inside the page return undefined before any other work.
 */
export function responseEvent(details: unknown): AddressedEvent | undefined {
  const tabId = tabOf(details);
  if (tabId === undefined || !isObject(details)) return undefined;
  if (details.type === 'main_frame') return { tabId, event: { type: 'page-response', response: toFailedRequest(details) } };
  if (!isServerError(details.statusCode)) return undefined;
  // Firefox names the page as documentUrl; Chromium gives the initiating origin, enough to tell the site.
  const documentUrl = typeof details.documentUrl === 'string' ? details.documentUrl : typeof details.initiator === 'string' ? details.initiator : undefined;
  return { tabId, event: { type: 'request-failed', failure: toFailedRequest(details), ...(documentUrl && { documentUrl }) } };
}

/** webRequest.onErrorOccurred for main frames: the page got no response. Loads the user or a blocker stopped are not failures. */
export function networkErrorEvent(details: unknown): AddressedEvent | undefined {
  const tabId = tabOf(details);
  if (tabId === undefined || !isObject(details) || details.type !== 'main_frame') return undefined;
  const error = typeof details.error === 'string' ? details.error : '';
  if (!error || isIgnoredNetworkError(error)) return undefined;
  return { tabId, event: { type: 'page-error', failure: toFailedRequest(details) } };
}
