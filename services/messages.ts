// The messages that extension pages and the in-page banner send to the background, and their answers.
import { browser } from 'wxt/browser';
import type { Explanation } from '../utils/explain/explain-response';
import type { RetryState } from '../utils/retry-policy';

export type Request =
  /** Reload the tab now (a person asked). For a page that came from a form, this sends the form again. */
  | { type: 'retry-now'; tabId?: number }
  /** Stop retrying this tab until resumed. */
  | { type: 'retry-pause'; tabId?: number }
  | { type: 'retry-resume'; tabId?: number }
  /** From the banner's own countdown: a retry may be due (it wakes a stopped service worker on time). */
  | { type: 'retry-due'; tabId?: number }
  /** From the banner: the state to show. */
  | { type: 'retry-state'; tabId?: number }
  /** Add a "never retry" rule for this address's site. */
  | { type: 'never-on-site'; url: string }
  /** The engine's explanation of each failure the tab's record holds, by requestId (the engine lives in the background). */
  | { type: 'explanations'; tabId: number };

export type Response<T extends Request> = T extends { type: 'retry-state' }
  ? BannerState | null
  : T extends { type: 'explanations' }
    ? Record<string, Explanation>
    : { ok: boolean; error?: string };

/** What the in-page banner shows. */
export interface BannerState {
  retry: RetryState;
  /** Whether to show the banner (the countdown runs either way). */
  visible: boolean;
  /** One sentence on why the page is (not) being retried. */
  why: string;
}

/** Background → banner: the state changed. */
export interface BannerUpdate {
  type: 'gatewhy-banner';
  state: BannerState | null;
}

export function sendToBackground<T extends Request>(request: T): Promise<Response<T>> {
  return browser.runtime.sendMessage(request) as Promise<Response<T>>;
}
