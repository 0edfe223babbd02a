// What the in-page banner says for a tab's retry, which buttons it offers, and what its live region announces.
import { formatDuration } from './explain/time';
import { BLOCK_REASONS, type Outcome, type RetryState } from './retry-policy';
import type { Settings } from './settings';

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

const WHY: BannerAction = { id: 'why', label: 'Why?' };
const RETRY_NOW: BannerAction = { id: 'retry-now', label: 'Retry now' };

/** "14:05" in the reader's locale. */
const clockOf = (epochMs: number) => new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The banner's text and buttons at `now`, or undefined when there is nothing worth showing. */
export function bannerView(
  { retry, outcome }: Pick<BannerState, 'retry' | 'outcome'>,
  now: number,
  clock: (epochMs: number) => string = clockOf,
): BannerView | undefined {
  if (!retry) {
    if (outcome?.kind === 'recovered')
      return { phase: 'back', message: `Gatewhy: ${outcome.text}.`, announcement: `The page is back. ${outcome.text}.`, actions: [] };
    if (outcome?.kind === 'ended')
      return { phase: 'ended', message: `Gatewhy stopped retrying. ${outcome.text}.`, announcement: `Gatewhy stopped retrying. ${outcome.text}.`, actions: [] };
    return undefined;
  }
  const attempt = `attempt ${Math.min(retry.attempt + 1, retry.maxAttempts)} of ${retry.maxAttempts}`;
  if (retry.waitingForNetwork) {
    return {
      phase: 'waiting-for-network',
      message: `Gatewhy: offline, retrying when the network is back (${attempt})`,
      announcement: 'Gatewhy is waiting for the network before it retries.',
      actions: [{ ...RETRY_NOW, primary: true }, { id: 'retry-pause', label: 'Stop' }, WHY],
    };
  }
  if (retry.dueAt !== undefined || (retry.reloadedAt !== undefined && !retry.blocked)) {
    const seconds = retry.dueAt === undefined ? 0 : Math.max(0, Math.ceil((retry.dueAt - now) / 1000));
    return {
      phase: 'retrying',
      message: seconds > 0 ? `Gatewhy: retrying in ${formatDuration(seconds)} (${attempt})` : `Gatewhy: retrying now (${attempt})`,
      announcement: 'Gatewhy is retrying this page.',
      actions: [{ ...RETRY_NOW, primary: true }, { id: 'retry-pause', label: 'Stop' }, WHY],
    };
  }
  switch (retry.blocked) {
    case 'not-get':
      return {
        phase: 'form',
        message: 'Gatewhy: this page came from a form, so it is not retried by itself.',
        announcement: 'This page came from a form, so Gatewhy does not retry it by itself.',
        actions: [{ id: 'retry-now', label: 'Retry (sends the form again)' }, WHY],
      };
    case 'paused':
      return {
        phase: 'stopped',
        message: 'Gatewhy: retrying is stopped for this tab.',
        announcement: 'Retrying stopped.',
        actions: [{ id: 'retry-resume', label: 'Resume', primary: true }, RETRY_NOW, WHY],
      };
    case 'gave-up':
      return {
        phase: 'gave-up',
        message: `Gatewhy: still failing after ${retry.attempt} ${retry.attempt === 1 ? 'retry' : 'retries'}.`,
        announcement: 'Gatewhy stopped retrying: the page is still failing.',
        actions: [{ ...RETRY_NOW, primary: true }, WHY],
      };
    case 'waits-too-long': {
      const message = `Gatewhy: ${serverAsks(retry, now, clock)} Retry then or now?`;
      return { phase: 'asks-to-wait', message, announcement: message, actions: [{ id: 'retry-then', label: 'Retry then', primary: true }, RETRY_NOW, WHY] };
    }
    default:
      return undefined;
  }
}

/** "The server asked to wait 1 h (until 14:05)." */
export function serverAsks(retry: RetryState, now: number, clock: (epochMs: number) => string = clockOf): string {
  const until = retry.notBefore ?? now;
  return `The server asked to wait ${formatDuration((until - now) / 1000)} (until ${clock(until)}).`;
}

/** Why the page is (not) being retried, for the banner's "Why?" and the popup. */
export function whyText(retry: RetryState | undefined, settings?: Pick<Settings, 'globalRetriesPerMinute'>): string {
  if (!retry) return 'Gatewhy retried this page until it answered.';
  if (retry.blocked) return BLOCK_REASONS[retry.blocked];
  if (retry.waitingForNetwork) return 'This device is offline: a reload now could not reach the site, so the retry waits until the network is back.';
  if (retry.delayReason === 'global limit') {
    const limit = settings ? `at most ${settings.globalRetriesPerMinute} automatic retries a minute` : 'a limit on automatic retries';
    return `Waiting for a free slot: ${limit} across all tabs, so a struggling server is not flooded.`;
  }
  const cache = retry.bypassCache ? ' The error came from a cache, so the retry bypasses it.' : '';
  if (retry.delayReason?.startsWith('Retry-After')) return `The server asked to wait (${retry.delayReason}); Gatewhy never retries sooner.${cache}`;
  return `Each retry waits longer than the last (exponential backoff), so a struggling server gets room to recover.${cache}`;
}
