// Firefox only: reads the start of each failing response's body as it streams, and gives it to the tab's machine
// like a body DevTools saw. Called from the blocking headers-received listener, where the status is known and the
// response has not started streaming yet; healthy responses never get a filter (utils/body-reader.ts).
import { browser } from 'wxt/browser';
import type { FailureBody } from '../../utils/attach-body';
import { collectBody, shouldReadBody } from '../../utils/body-reader';
import { logError } from './errors';

interface StreamFilter {
  ondata: ((event: { data: ArrayBuffer }) => void) | null;
  onstop: (() => void) | null;
  onerror: (() => void) | null;
  error: string;
  write(data: ArrayBuffer): void;
  disconnect(): void;
}

interface HeadersDetails {
  requestId?: unknown;
  tabId?: unknown;
  url?: unknown;
  method?: unknown;
  statusCode?: unknown;
  timeStamp?: unknown;
  responseHeaders?: { name: string; value?: string }[];
}

/**
 * Attaches a pass-through filter to a gateway-status response and calls `read` with its body's start once the body
 * ended, failed, or MAX_BODY_BYTES were kept (the filter is then disconnected, and the rest streams untouched).
 * Every chunk is written on unchanged before anything else is done with it.
 */
export function readFailingBody(details: HeadersDetails, read: (tabId: number, body: FailureBody) => void): void {
  if (!shouldReadBody(details)) return;
  // filterResponseData needs webRequestBlocking, and in Manifest V3 webRequestFilterResponse too (MDN,
  // https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/webRequest/filterResponseData#permissions).
  const filterResponseData = (browser.webRequest as unknown as { filterResponseData?: (requestId: string) => StreamFilter }).filterResponseData;
  if (!filterResponseData) return;
  const tabId = details.tabId as number;
  const contentType = details.responseHeaders?.find(({ name }) => name.toLowerCase() === 'content-type')?.value;
  const collector = collectBody(contentType);
  const filter = filterResponseData.call(browser.webRequest, details.requestId as string);
  let done = false;
  const finish = (ended: boolean) => {
    if (done) return;
    done = true;
    try {
      filter.disconnect();
    } catch {
      // Already closed by the browser (the request failed or was cancelled).
    }
    const { text, truncated } = collector.finish(ended);
    if (text === '' && !ended) return;
    read(tabId, {
      requestId: details.requestId as string,
      url: typeof details.url === 'string' ? details.url : '',
      method: typeof details.method === 'string' ? details.method.toUpperCase() : 'GET',
      status: details.statusCode as number,
      time: typeof details.timeStamp === 'number' ? details.timeStamp : Date.now(),
      bodyText: text,
      bodyTruncated: truncated,
    });
  };
  filter.ondata = ({ data }) => {
    filter.write(data);
    try {
      if (collector.add(data)) finish(false);
    } catch (error) {
      logError('body reading', error);
      finish(false);
    }
  };
  filter.onstop = () => finish(true);
  filter.onerror = () => finish(false);
}
