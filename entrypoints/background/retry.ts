// The retry scheduler: plans with the pure policy, keeps the schedule in storage.session, fires through a timer,
// the in-page banner's own countdown (which wakes a stopped service worker on time) and an alarm as the backstop.
import { browser } from 'wxt/browser';
import { nextRetry, planRetry, BLOCK_REASONS, type PageFailure, type RetryState } from '../../utils/retry-policy';
import { formatDuration } from '../../utils/explain/time';
import { hostWithPort } from '../../utils/query-strings';
import { addEvent, type TimelineKind } from '../../utils/tab-record';
import { allRetryStates, changeRetryLog, readRetryLog, readRetryState, updateRetryState } from '../../services/retry-store';
import { currentSettings } from '../../services/settings-store';
import { updateTabRecord } from '../../services/tab-store';
import { serialized } from '../../services/serial';
import type { BannerState, BannerUpdate } from '../../services/messages';
import { TAB_CALL_TIME_LIMIT_MS, withTimeLimit } from '../../utils/time-limit';
import { logError } from './errors';

const ALARM_PREFIX = 'gatewhy-retry:';
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function note(tabId: number, kind: TimelineKind, text: string, time = Date.now()): Promise<unknown> {
  return updateTabRecord(tabId, (record) => (record.page || record.timeline.length ? addEvent(record, { time, kind, text }) : record));
}

function disarm(tabId: number): void {
  clearTimeout(timers.get(tabId));
  timers.delete(tabId);
  void browser.alarms.clear(`${ALARM_PREFIX}${tabId}`).catch(() => {});
}

/** Arms every way the retry can fire; whichever comes first wins, the others find nothing due. */
function arm(state: RetryState): void {
  if (state.dueAt === undefined) return;
  disarm(state.tabId);
  const delay = Math.max(0, state.dueAt - Date.now());
  timers.set(state.tabId, setTimeout(() => void fireRetry(state.tabId).catch((error) => logError('retry timer', error)), delay));
  // Chrome fires alarms no sooner than 30 s after they are set: a backstop for when the worker was stopped.
  void browser.alarms.create(`${ALARM_PREFIX}${state.tabId}`, { when: state.dueAt }).catch(() => {});
}

export async function bannerStateFor(tabId: number): Promise<BannerState | null> {
  const retry = await readRetryState(tabId);
  if (!retry) return null;
  const { settings } = await currentSettings();
  let why: string;
  if (retry.blocked) why = BLOCK_REASONS[retry.blocked];
  else if (retry.delayReason === 'global limit') why = `Waiting: at most ${settings.globalRetriesPerMinute} automatic retries a minute across all tabs, so a struggling server is not flooded.`;
  else if (retry.delayReason?.startsWith('Retry-After')) why = `The server asked to wait (${retry.delayReason}).`;
  else why = `Each retry waits longer than the last (exponential backoff), so a struggling server gets room to recover.${retry.bypassCache ? ' The error came from a cache, so the retry bypasses it.' : ''}`;
  return { retry, visible: settings.showBanner, why };
}

async function tellBanner(tabId: number): Promise<void> {
  const update: BannerUpdate = { type: 'gatewhy-banner', state: await bannerStateFor(tabId) };
  // No banner in the tab (not injected yet, or a browser error page) is normal.
  await withTimeLimit(browser.tabs.sendMessage(tabId, update), TAB_CALL_TIME_LIMIT_MS).catch(() => {});
}

/**
 * Stores a planned state, reserves its slot under the global limit, arms it, and tells the timeline and banner.
 * Plans run one at a time across tabs, so two tabs failing together cannot both take the last slot of the minute.
 */
async function apply(tabId: number, plan: (previous: RetryState | undefined, log: readonly number[], now: number) => RetryState | undefined): Promise<void> {
  const now = Date.now();
  const state = await serialized('retry-plan', async () => {
    const log = await readRetryLog(now);
    const planned = await updateRetryState(tabId, (previous) => plan(previous, log, now));
    if (planned?.dueAt !== undefined) await changeRetryLog(now, (entries) => [...entries, planned.dueAt!]);
    return planned;
  });
  if (!state) return;
  if (state.dueAt !== undefined) {
    arm(state);
    const inSeconds = formatDuration((state.dueAt - now) / 1000);
    await note(tabId, 'retry-scheduled', `Retry ${state.attempt + 1} of ${state.maxAttempts} in ${inSeconds} (${state.delayReason})`, now);
  } else if (state.blocked) {
    disarm(tabId);
    await note(tabId, state.blocked === 'gave-up' ? 'gave-up' : 'blocked', BLOCK_REASONS[state.blocked], now);
  }
  await tellBanner(tabId);
}

/** A page failed: plan its next retry, or record why there will be none. */
export async function onPageFailed(failure: PageFailure): Promise<void> {
  const { settings } = await currentSettings();
  await apply(failure.tabId, (previous, log, now) => planRetry(failure, previous, settings, log, now));
}

/**
 * Reloads the tab if its retry is due. Safe to call from every trigger: only one of them finds it due.
 * A manual retry (the person asked) reloads at once, counts as an attempt, and works with no schedule too.
 */
export async function fireRetry(tabId: number, { manual = false } = {}): Promise<void> {
  const now = Date.now();
  let reload: { bypassCache: boolean } | undefined;
  let attempt = 0;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab) return cancelRetry(tabId);
  // Chromium reports a navigation under way as pendingUrl: the person is going elsewhere, never reload over it.
  const heading = (tab as { pendingUrl?: string }).pendingUrl ?? tab.url;
  await updateRetryState(tabId, (state) => {
    if (!state) return state;
    // The tab went (or is going) elsewhere: forget the schedule.
    if (heading && heading !== state.url) return undefined;
    if (!manual && (state.blocked || state.dueAt === undefined)) return state;
    // Woken a little early (the banner's countdown): let the timer fire at the due time.
    if (!manual && state.dueAt !== undefined && state.dueAt - now > 500) return state;
    reload = { bypassCache: state.bypassCache };
    attempt = state.attempt + 1;
    const { dueAt: _due, delayReason: _reason, ...rest } = state;
    return { ...rest, attempt, blocked: manual && state.blocked === 'gave-up' ? undefined : state.blocked };
  });
  if (!reload && manual) reload = { bypassCache: false };
  if (!reload) {
    const state = await readRetryState(tabId);
    if (state?.dueAt !== undefined && !timers.has(tabId)) arm(state);
    return;
  }
  disarm(tabId);
  await note(tabId, 'retried', manual ? 'Retried by hand' : `Retry ${attempt}`, now);
  await browser.tabs.reload(tabId, reload);
}

/** The failed page loaded fine: forget the schedule, and say how long it took. */
export async function onPageRecovered(tabId: number, url: string): Promise<void> {
  const state = await readRetryState(tabId);
  if (!state) return;
  disarm(tabId);
  await updateRetryState(tabId, () => undefined);
  if (state.url !== url) return;
  const took = formatDuration((Date.now() - state.since) / 1000);
  const text = `${hostWithPort(url)} is back after ${state.attempt} ${state.attempt === 1 ? 'retry' : 'retries'}, ${took}`;
  await note(tabId, 'recovered', text);
  const { settings } = await currentSettings();
  // The options page gives the permission back when the option is turned off; check it is still held.
  const allowed = await browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false);
  if (settings.notifyOnRecovery && state.attempt > 0 && allowed) {
    await browser.notifications.create(`gatewhy-recovered-${tabId}`, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: 'Gatewhy: page is back', message: text });
  }
}

/** The tab closed or went to another address: the schedule no longer applies. */
export async function cancelRetry(tabId: number, reason?: string): Promise<void> {
  const state = await readRetryState(tabId);
  if (!state) return;
  disarm(tabId);
  await updateRetryState(tabId, () => undefined);
  if (state.dueAt !== undefined) await changeRetryLog(Date.now(), (log) => log.filter((at) => at !== state.dueAt));
  if (reason) await note(tabId, 'stopped', reason);
}

export async function pauseRetry(tabId: number): Promise<void> {
  disarm(tabId);
  const before = await readRetryState(tabId);
  if (before?.dueAt !== undefined) await changeRetryLog(Date.now(), (log) => log.filter((at) => at !== before.dueAt));
  const state = await updateRetryState(tabId, (current) => {
    if (!current) return current;
    const { dueAt: _due, delayReason: _reason, ...rest } = current;
    return { ...rest, blocked: 'paused' };
  });
  if (state) await note(tabId, 'stopped', 'Retrying paused');
  await tellBanner(tabId);
}

export async function resumeRetry(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab) return cancelRetry(tabId);
  const { settings } = await currentSettings();
  await apply(tabId, (state, log, now) => (state?.blocked === 'paused' ? nextRetry(state, settings, log, now) : state));
}

/**
 * Puts the banner (and its countdown) into the failed page once it has loaded. The browser's own error pages
 * cannot be scripted: there the timer and the alarm fire the retry.
 */
export async function injectBanner(tabId: number, url: string | undefined): Promise<void> {
  const state = await readRetryState(tabId);
  if (!state || state.url !== url) return;
  // The tab's page order waits on this call: Firefox kept it pending for good when the page navigated mid-injection.
  await withTimeLimit(browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/banner.js'] }), TAB_CALL_TIME_LIMIT_MS).catch(() => {});
}

/** After the worker starts: timers died with the old worker, so arm them again from storage. */
export async function resumeSchedules(): Promise<void> {
  for (const state of await allRetryStates()) {
    if (state.dueAt !== undefined) arm(state);
  }
}

export function isRetryAlarm(name: string): number | undefined {
  return name.startsWith(ALARM_PREFIX) ? Number(name.slice(ALARM_PREFIX.length)) : undefined;
}
