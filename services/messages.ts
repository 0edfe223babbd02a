// The messages that extension pages and the in-page banner send to the background, and their answers.
// A content script (the banner) speaks for its own tab only; only the extension's own pages may name another tab.
import { browser } from 'wxt/browser';
import type { BannerState } from '../utils/banner-text';
import type { Explanation } from '../utils/explain/explain-response';
import type { Settings } from '../utils/settings';

export type { BannerState } from '../utils/banner-text';

export type Request =
  /** Reload the tab now (a person asked). For a page that came from a form, this sends the form again. */
  | { type: 'retry-now'; tabId?: number }
  /** Stop retrying this tab until resumed. */
  | { type: 'retry-pause'; tabId?: number }
  | { type: 'retry-resume'; tabId?: number }
  /** Retry at the time the server asked for, although it is later than the user's cap. */
  | { type: 'retry-then'; tabId?: number }
  /** From the banner's own countdown: a retry may be due (it wakes a stopped service worker on time). */
  | { type: 'retry-due'; tabId?: number }
  /** From the banner: the state to show. */
  | { type: 'retry-state'; tabId?: number }
  /** Add a "never retry" rule for the site of the tab's page (or of `url`, from an extension page). */
  | { type: 'never-on-site'; tabId?: number; url?: string }
  /** The engine's explanation of each failure the tab's record holds, by requestId (the engine lives in the background). */
  | { type: 'explanations'; tabId?: number }
  /** The settings the background applies now (extension pages only: diagnostics, and tests waiting for a change). */
  | { type: 'settings' };

export type Response<T extends Request> = T extends { type: 'retry-state' }
  ? BannerState | null
  : T extends { type: 'explanations' }
    ? Record<string, Explanation>
    : T extends { type: 'settings' }
      ? Settings | { ok: false; error: string }
      : { ok: boolean; error?: string; pattern?: string };

/** Background → banner: the state changed. */
export interface BannerUpdate {
  type: 'gatewhy-banner';
  state: BannerState | null;
}

export function sendToBackground<T extends Request>(request: T): Promise<Response<T>> {
  return browser.runtime.sendMessage(request) as Promise<Response<T>>;
}
