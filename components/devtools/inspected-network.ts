// The inspected tab's network, as DevTools gives it to extension pages: the failed entries (those before this page
// opened from getHAR(), then each as it finishes) and navigations. Shared by the DevTools page and the panel.
import { browser } from 'wxt/browser';
import { isFailedEntry } from '../../utils/devtools/inspected-request';
import type { HarEntryLike } from '../../utils/devtools/response-body';

export type EntryListener = (entry: HarEntryLike) => void;

/**
 * Calls `listener` with every failed request of the inspected tab: first those DevTools already logged, then each
 * new one. An entry can come twice (logged and finished while getHAR() answers): callers drop repeats by key.
 * Returns the function that stops listening.
 */
export function watchFailedEntries(listener: EntryListener): () => void {
  const onFinished = (entry: HarEntryLike) => {
    try {
      if (isFailedEntry(entry)) listener(entry);
    } catch (error) {
      console.warn('Gatewhy: a network entry could not be read', error);
    }
  };
  // Subscribed first, so nothing finishing while getHAR() answers is missed.
  browser.devtools.network.onRequestFinished.addListener(onFinished as never);
  void Promise.resolve(browser.devtools.network.getHAR())
    .then((log) => {
      const entries = (log as { entries?: unknown } | undefined)?.entries;
      if (Array.isArray(entries)) for (const entry of entries) onFinished(entry as HarEntryLike);
    })
    .catch((error: unknown) => console.warn('Gatewhy: DevTools did not give its network log', error));
  return () => browser.devtools.network.onRequestFinished.removeListener(onFinished as never);
}

/** Calls `listener` with the address each time the inspected tab navigates. Returns the function that stops it. */
export function watchNavigations(listener: (url: string) => void): () => void {
  const onNavigated = (url: string) => listener(typeof url === 'string' ? url : '');
  browser.devtools.network.onNavigated.addListener(onNavigated);
  return () => browser.devtools.network.onNavigated.removeListener(onNavigated);
}

/** The inspected page's current address, or undefined when DevTools cannot tell (a page still loading, an error page). */
export async function inspectedPageUrl(): Promise<string | undefined> {
  try {
    // Firefox resolves to [result, exceptionInfo]; the polyfill in Chrome to the result alone when nothing threw.
    const answer: unknown = await browser.devtools.inspectedWindow.eval('location.href');
    const url: unknown = Array.isArray(answer) ? answer[0] : answer;
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The inspected tab's id. */
export const inspectedTabId = (): number => browser.devtools.inspectedWindow.tabId;
