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
import { currentSettings } from '../../services/settings-store';
import { readRetryState } from '../../services/retry-store';
import { serialized } from '../../services/serial';
import { forgetBadge, showBadge } from './badge';
import { readPageHtml } from './page-reader';
import { cancelRetry, injectBanner, onPageFailed, onPageRecovered } from './retry';
import { guarded } from './errors';

type Details = ResponseDetails & { tabId: number; type: string };

// Tabs that have a record: a healthy page load in any other tab costs no storage access.
let tracked: Promise<Set<number>> | undefined;
const trackedTabs = () => (tracked ??= tabsWithRecords().then((ids) => new Set(ids)).catch(() => new Set<number>()));

// Each tab's page address, from its main_frame events, so a failed request inside it needs no tabs.get.
const pageUrls = new Map<number, string>();

async function store(tabId: number, change: Parameters<typeof updateTabRecord>[1], { force = false } = {}) {
  const record = await updateTabRecord(tabId, change);
  const tabs = await trackedTabs();
  if (record) tabs.add(tabId);
  else tabs.delete(tabId);
  await showBadge(tabId, record, { force });
  return record;
}

async function remember(failures: readonly FailedRequest[]): Promise<void> {
  const { settings } = await currentSettings();
  await recordHistory(failures.map(toHistoryEntry), settings.historySize);
}

// Failed requests inside a page arrive in bursts (a dozen images behind a failing CDN): they are stored together,
// one record write, one history write and one badge update per burst rather than per failure. A burst ends when
// the page has loaded, or a second after its first failure.
const BURST_MS = 1000;
const pending = new Map<number, FailedRequest[]>();
const flushTimers = new Map<number, ReturnType<typeof setTimeout>>();

function queue(tabId: number, failure: FailedRequest): void {
  pending.set(tabId, [...(pending.get(tabId) ?? []), failure]);
  if (!flushTimers.has(tabId)) flushTimers.set(tabId, setTimeout(() => void inPageOrder(tabId, () => flush(tabId)).catch(() => {}), BURST_MS));
}

/** Stores the tab's queued failures. Runs in the tab's page order, so a page event never overtakes them. */
async function flush(tabId: number): Promise<void> {
  clearTimeout(flushTimers.get(tabId));
  flushTimers.delete(tabId);
  const failures = pending.get(tabId);
  pending.delete(tabId);
  if (!failures?.length) return;
  await store(tabId, (record) => failures.reduce(addFailure, record));
  await remember(failures);
}

/** The page itself answered: a failure starts or continues a streak, a healthy answer ends it. */
async function onPageResponse(details: Details): Promise<void> {
  const { tabId } = details;
  const pageUrl = typeof details.url === 'string' ? details.url : '';
  const requestId = String(details.requestId ?? '');
  pageUrls.set(tabId, pageUrl);
  await flush(tabId);
  if (isServerError(details.statusCode)) {
    const failure = toFailedRequest(details);
    const explanation = explainFailure(failure);
    if (isGatewayFailure(failure.status, explanation)) {
      // The page's full explanation is kept, so the popup shows it at once, without asking the background.
      const kept: FailedRequest = { ...failure, party: 'first', summary: summarize(explanation), explanation };
      await store(tabId, (record) => addFailure(startPage(record, requestId, pageUrl), kept));
      await remember([kept]);
      await onPageFailed({ tabId, url: kept.url, method: kept.method, status: kept.status, retryAfterSeconds: explanation.retryAfterSeconds, cached: explanation.cached });
      await ifAlreadyLoaded(tabId);
      return;
    }
  }
  // A retry is only ever planned for a tab with a record, so an untracked tab needs no storage read at all.
  if (!(await trackedTabs()).has(tabId)) return;
  const retry = await readRetryState(tabId);
  if (retry && retry.url !== pageUrl) await cancelRetry(tabId);
  await store(tabId, (record) => startPage(record, requestId, pageUrl));
  if (retry?.url === pageUrl) await onPageRecovered(tabId, pageUrl);
}

/** A frame or API call inside the page failed. */
async function onRequestFailed(details: Details): Promise<void> {
  const failure = toFailedRequest(details);
  const explanation = explainFailure(failure);
  if (!isGatewayFailure(failure.status, explanation)) return;
  const pageUrl = pageUrls.get(details.tabId) ?? (await browser.tabs.get(details.tabId).catch(() => undefined))?.url;
  queue(details.tabId, { ...failure, party: partyOf(failure.url, pageUrl), summary: summarize(explanation) });
}

/** Page events of one tab are handled one after another: a quick second navigation must not overtake the first. */
const inPageOrder = (tabId: number, handle: () => Promise<void>) => serialized(`page:${tabId}`, handle);

export async function onResponseHeaders(details: Details): Promise<void> {
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
  await flush(details.tabId);
  const failure = toFailedRequest(details);
  const explanation = explainFailure(failure);
  const kept: FailedRequest = { ...failure, party: 'first', summary: summarize(explanation), explanation };
  await store(details.tabId, (record) => addFailure(startPage(record, kept.requestId, kept.url), kept));
  await remember([kept]);
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
  if (!(await trackedTabs()).has(tabId) && !pending.has(tabId)) return;
  await serialized(`loaded:${tabId}`, () => afterLoad(tabId, url));
}

async function afterLoad(tabId: number, url: string | undefined): Promise<void> {
  // The page has loaded: store its queued failures now. Not awaited: this can run inside the page order itself.
  if (pending.has(tabId)) void inPageOrder(tabId, () => flush(tabId)).catch(() => {});
  const record = await readTabRecord(tabId);
  await showBadge(tabId, record, { force: true });
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
  clearTimeout(flushTimers.get(tabId));
  flushTimers.delete(tabId);
  pending.delete(tabId);
  pageUrls.delete(tabId);
  forgetBadge(tabId);
  await cancelRetry(tabId);
  await removeTabRecord(tabId);
}

const responded = guarded('webRequest.onHeadersReceived', onResponseHeaders);
const errored = guarded('webRequest.onErrorOccurred', onPageError);

/**
 * Subscribes to the request types needed, and no more: every type subscribed costs an event per request.
 * No 'extraHeaders': it doubles the cost and only adds Set-Cookie, which Gatewhy never keeps (shared/toolchain.md).
 * onHeadersReceived, not onCompleted: Chromium cancels many failed image and style loads before they complete
 * (measured in bench/: onCompleted saw 20–25 of 30 failed subresources, onHeadersReceived all 30), at the same cost.
 */
export function watchRequests(allTypes: boolean): void {
  browser.webRequest.onHeadersReceived.removeListener(responded as never);
  browser.webRequest.onHeadersReceived.addListener(
    responded as never,
    allTypes ? { urls: ['<all_urls>'] } : { urls: ['<all_urls>'], types: [...DEFAULT_WATCHED_TYPES] },
    ['responseHeaders'],
  );
  if (!browser.webRequest.onErrorOccurred.hasListener(errored)) {
    browser.webRequest.onErrorOccurred.addListener(errored as never, { urls: ['<all_urls>'], types: ['main_frame'] });
  }
}
