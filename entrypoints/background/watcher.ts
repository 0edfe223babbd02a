// Turns webRequest events into explained per-tab records, history entries, badges and retries.
import { browser } from 'wxt/browser';
import { isIgnoredNetworkError } from '../../utils/explain/explain-response';
import { explainFailure } from '../../utils/explain-failure';
import { toHistoryEntry } from '../../utils/history';
import { partyOf } from '../../utils/party';
import { addFailure, startPage, summarize, toFailedRequest, updateFailure, type FailedRequest, type ResponseDetails } from '../../utils/tab-record';
import { DEFAULT_WATCHED_TYPES, isGatewayFailure, isServerError } from '../../utils/watch-policy';
import { readTabRecord, removeTabRecord, tabsWithRecords, updateTabRecord } from '../../services/tab-store';
import { recordHistory } from '../../services/history-store';
import { loadSettings } from '../../services/settings-store';
import { readRetryState } from '../../services/retry-store';
import { serialized } from '../../services/serial';
import { showBadge } from './badge';
import { readPageHtml } from './page-reader';
import { cancelRetry, injectBanner, onPageFailed, onPageRecovered } from './retry';
import { guarded } from './errors';

type Details = ResponseDetails & { tabId: number; type: string };

// Tabs that have a record: a healthy page load in any other tab costs no storage access.
let tracked: Promise<Set<number>> | undefined;
const trackedTabs = () => (tracked ??= tabsWithRecords().then((ids) => new Set(ids)).catch(() => new Set<number>()));

async function store(tabId: number, change: Parameters<typeof updateTabRecord>[1]) {
  const record = await updateTabRecord(tabId, change);
  const tabs = await trackedTabs();
  if (record) tabs.add(tabId);
  else tabs.delete(tabId);
  await showBadge(tabId, record);
  return record;
}

async function remember(failure: FailedRequest): Promise<void> {
  const { settings } = await loadSettings();
  await recordHistory(toHistoryEntry(failure), settings.historySize);
}

/** The page itself answered: a failure starts or continues a streak, a healthy answer ends it. */
async function onPageResponse(details: Details): Promise<void> {
  const { tabId } = details;
  const pageUrl = typeof details.url === 'string' ? details.url : '';
  const requestId = String(details.requestId ?? '');
  if (isServerError(details.statusCode)) {
    const failure = toFailedRequest(details);
    const explanation = explainFailure(failure);
    if (isGatewayFailure(failure.status, explanation)) {
      // The page's full explanation is kept, so the popup shows it at once, without asking the background.
      const kept: FailedRequest = { ...failure, party: 'first', summary: summarize(explanation), explanation };
      await store(tabId, (record) => addFailure(startPage(record, requestId, pageUrl), kept));
      await remember(kept);
      await onPageFailed({ tabId, url: kept.url, method: kept.method, status: kept.status, retryAfterSeconds: explanation.retryAfterSeconds, cached: explanation.cached });
      await ifAlreadyLoaded(tabId);
      return;
    }
  }
  const [tabs, retry] = [await trackedTabs(), await readRetryState(tabId)];
  if (!tabs.has(tabId) && !retry) return;
  if (retry && retry.url !== pageUrl) await cancelRetry(tabId);
  await store(tabId, (record) => startPage(record, requestId, pageUrl));
  if (retry?.url === pageUrl) await onPageRecovered(tabId, pageUrl);
}

/** A frame or API call inside the page failed. */
async function onRequestFailed(details: Details): Promise<void> {
  const failure = toFailedRequest(details);
  const explanation = explainFailure(failure);
  if (!isGatewayFailure(failure.status, explanation)) return;
  const tab = await browser.tabs.get(details.tabId).catch(() => undefined);
  const kept: FailedRequest = { ...failure, party: partyOf(failure.url, tab?.url), summary: summarize(explanation) };
  await store(details.tabId, (record) => addFailure(record, kept));
  await remember(kept);
}

/** Page events of one tab are handled one after another: a quick second navigation must not overtake the first. */
const inPageOrder = (tabId: number, handle: () => Promise<void>) => serialized(`page:${tabId}`, handle);

export async function onResponseCompleted(details: Details): Promise<void> {
  if (details.tabId < 0) return;
  if (details.type === 'main_frame') return inPageOrder(details.tabId, () => onPageResponse(details));
  if (!isServerError(details.statusCode)) return;
  return onRequestFailed(details);
}

/** The page got no response at all: connection refused, reset, timed out, name not resolved. */
export async function onPageError(details: Details): Promise<void> {
  const error = typeof details.error === 'string' ? details.error : '';
  if (details.tabId < 0 || details.type !== 'main_frame' || !error || isIgnoredNetworkError(error)) return;
  return inPageOrder(details.tabId, () => onPageNetworkError(details));
}

async function onPageNetworkError(details: Details): Promise<void> {
  const failure = toFailedRequest(details);
  const explanation = explainFailure(failure);
  const kept: FailedRequest = { ...failure, party: 'first', summary: summarize(explanation), explanation };
  await store(details.tabId, (record) => addFailure(startPage(record, kept.requestId, kept.url), kept));
  await remember(kept);
  await onPageFailed({ tabId: details.tabId, url: kept.url, method: kept.method, status: 0, cached: false });
  await ifAlreadyLoaded(details.tabId);
}

/** Small error pages can finish loading before the failure is stored: then do the after-load work now. */
async function ifAlreadyLoaded(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (tab?.status === 'complete') await onTabLoaded(tabId, tab.url);
}

/**
 * The tab finished loading: re-apply the badge (Chromium clears it on commit), show the retry banner and read
 * the error page once. It can run twice for one load (see ifAlreadyLoaded): one after the other, the second finds it done.
 */
export async function onTabLoaded(tabId: number, url: string | undefined): Promise<void> {
  if (!(await trackedTabs()).has(tabId)) return;
  await serialized(`loaded:${tabId}`, () => afterLoad(tabId, url));
}

async function afterLoad(tabId: number, url: string | undefined): Promise<void> {
  const record = await readTabRecord(tabId);
  await showBadge(tabId, record);
  await injectBanner(tabId, url);
  const page = record?.page;
  if (!page || page.pageHtml !== undefined || page.status === 0 || page.url !== url) return;
  const read = await readPageHtml(tabId);
  // The tab may still show the previous document: try again when the failed page itself has loaded.
  if (read && read.url !== page.url) return;
  const pageHtml = read?.html ?? '';
  const explanation = explainFailure({ ...page, pageHtml });
  await store(tabId, (current) => updateFailure(current, page.requestId, (failure) => ({ ...failure, pageHtml, summary: summarize(explanation), explanation })));
}

export async function onTabRemoved(tabId: number): Promise<void> {
  (await trackedTabs()).delete(tabId);
  await cancelRetry(tabId);
  await removeTabRecord(tabId);
}

const completed = guarded('webRequest.onCompleted', onResponseCompleted);
const errored = guarded('webRequest.onErrorOccurred', onPageError);

/**
 * Subscribes to the request types needed, and no more: every type subscribed costs an event per request.
 * No 'extraHeaders': it doubles the cost and only adds Set-Cookie, which Gatewhy never keeps (shared/toolchain.md).
 */
export function watchRequests(allTypes: boolean): void {
  browser.webRequest.onCompleted.removeListener(completed);
  browser.webRequest.onCompleted.addListener(
    completed as never,
    allTypes ? { urls: ['<all_urls>'] } : { urls: ['<all_urls>'], types: [...DEFAULT_WATCHED_TYPES] },
    ['responseHeaders'],
  );
  if (!browser.webRequest.onErrorOccurred.hasListener(errored)) {
    browser.webRequest.onErrorOccurred.addListener(errored as never, { urls: ['<all_urls>'], types: ['main_frame'] });
  }
}
