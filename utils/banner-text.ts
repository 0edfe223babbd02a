// What the in-page banner says for a tab's retry, which buttons it offers, and what its live region announces.
import { formatDuration, formatShortClock } from './explain/time';
import { blockReasonText, type Outcome, type RetryState } from './retry-policy';
import type { Settings } from './settings';
import { say, sayCount } from './wording';

/** What the background tells the banner. */
export interface BannerState {
  /** The tab's retry, while its page is failing. */
  retry?: RetryState;
  /** How the last streak ended, announced once on the page that ended it. */
  outcome?: Outcome;
  /** Whether to show the banner (the countdown runs either way: it wakes a stopped background on time). */
  visible: boolean;
  /** One sentence on why the page is (not) being retried. */
  why: string;
}

export type BannerActionId = 'retry-now' | 'retry-pause' | 'retry-resume' | 'retry-then' | 'why';

export interface BannerAction {
  id: BannerActionId;
  label: string;
  primary?: boolean;
}

/** The states the banner announces; the countdown within one is never announced. */
export type BannerPhase = 'retrying' | 'waiting-for-network' | 'stopped' | 'form' | 'gave-up' | 'asks-to-wait' | 'back' | 'ended';

export interface BannerView {
  phase: BannerPhase;
  /** The visible line, countdown included. */
  message: string;
  /** What the live region says when the phase changes. */
  announcement: string;
  actions: BannerAction[];
}

// Functions, not constants: the words follow the language, plugged in once the banner starts.
const why = (): BannerAction => ({ id: 'why', label: say('banner.why') });
const retryNow = (primary?: true): BannerAction => ({ id: 'retry-now', label: say('banner.retryNow'), ...(primary && { primary }) });
const stop = (): BannerAction => ({ id: 'retry-pause', label: say('banner.stop') });

/** The banner's text and buttons at `now`, or undefined when there is nothing worth showing. */
export function bannerView(
  { retry, outcome }: Pick<BannerState, 'retry' | 'outcome'>,
  now: number,
  clock: (epochMs: number) => string = formatShortClock,
): BannerView | undefined {
  if (!retry) {
    if (outcome?.kind === 'recovered')
      return {
        phase: 'back',
        message: say('banner.back.message', { outcome: outcome.text }),
        announcement: say('banner.back.announcement', { outcome: outcome.text }),
        actions: [],
      };
    if (outcome?.kind === 'ended') {
      const message = say('banner.ended', { outcome: outcome.text });
      return { phase: 'ended', message, announcement: message, actions: [] };
    }
    return undefined;
  }
  const attempt = { attempt: Math.min(retry.attempt + 1, retry.maxAttempts), maxAttempts: retry.maxAttempts };
  if (retry.waitingForNetwork) {
    return {
      phase: 'waiting-for-network',
      message: say('banner.offline.message', attempt),
      announcement: say('banner.offline.announcement'),
      actions: [retryNow(true), stop(), why()],
    };
  }
  if (retry.dueAt !== undefined || (retry.reloadedAt !== undefined && !retry.blocked)) {
    const seconds = retry.dueAt === undefined ? 0 : Math.max(0, Math.ceil((retry.dueAt - now) / 1000));
    return {
      phase: 'retrying',
      message: seconds > 0 ? say('banner.retrying.in', { ...attempt, wait: formatDuration(seconds) }) : say('banner.retrying.now', attempt),
      announcement: say('banner.retrying.announcement'),
      actions: [retryNow(true), stop(), why()],
    };
  }
  switch (retry.blocked) {
    case 'not-get':
      return {
        phase: 'form',
        message: say('banner.form.message'),
        announcement: say('banner.form.announcement'),
        actions: [{ id: 'retry-now', label: say('banner.retryForm') }, why()],
      };
    case 'paused':
      return {
        phase: 'stopped',
        message: say('banner.paused.message'),
        announcement: say('banner.paused.announcement'),
        actions: [{ id: 'retry-resume', label: say('banner.resume'), primary: true }, retryNow(), why()],
      };
    case 'gave-up':
      return {
        phase: 'gave-up',
        message: sayCount('banner.gaveUp.message', retry.attempt),
        announcement: say('banner.gaveUp.announcement'),
        actions: [retryNow(true), why()],
      };
    case 'waits-too-long': {
      const message = say('banner.asksToWait', { serverAsks: serverAsks(retry, now, clock) });
      return {
        phase: 'asks-to-wait',
        message,
        announcement: message,
        actions: [{ id: 'retry-then', label: say('banner.retryThen'), primary: true }, retryNow(), why()],
      };
    }
    default:
      return undefined;
  }
}

/** "The server asked to wait 1 h (until 14:05)." */
export function serverAsks(retry: RetryState, now: number, clock: (epochMs: number) => string = formatShortClock): string {
  const until = retry.notBefore ?? now;
  return say('retry.serverAsks', { wait: formatDuration((until - now) / 1000), time: clock(until) });
}

/** Why the page is (not) being retried, for the banner's "Why?" and the popup. */
export function whyText(retry: RetryState | undefined, settings?: Pick<Settings, 'globalRetriesPerMinute'>): string {
  if (!retry) return say('retry.why.done');
  if (retry.blocked) return blockReasonText(retry.blocked);
  if (retry.waitingForNetwork) return say('retry.why.offline');
  if (retry.delayReason === 'global limit') {
    return settings ? say('retry.why.globalLimit', { perMinute: settings.globalRetriesPerMinute }) : say('retry.why.globalLimitUnknown');
  }
  const why = retry.delayReason?.startsWith('Retry-After') ? say('retry.why.retryAfter', { reason: retry.delayReason }) : say('retry.why.backoff');
  return retry.bypassCache ? `${why} ${say('retry.why.cache')}` : why;
}
