// One tab's life as a pure function, step(state, event, inputs) → { state, effects }: what Gatewhy knows about the
// tab, what happened to it, and what to do about it. The background feeds it browser events, one tab at a time, and
// runs the effects it returns; every decision about a tab is made here, where a test can replay any ordering.
import { attachBody, attachBodyToList, matchingFailure, withBody, type FailureBody } from './attach-body';
import { badgeFor, idleBadge, sameBadge, type Badge } from './badge';
import { bannerView, serverAsks, whyText, type BannerState } from './banner-text';
import { explainFailure, summaryOf } from './explain-failure';
import { formatDuration, formatUtc, parseRetryAfter } from './explain/time';
import { headerValue } from './headers';
import { partyOf } from './party';
import { hostWithPort } from './query-strings';
import {
  blockReasonText,
  delayReasonText,
  finalAnswer,
  isRedirect,
  nextRetry,
  planRetry,
  retryWhenAsked,
  unscheduled,
  type BrowserTraits,
  type Outcome,
  type Random,
  type RetryLog,
  type RetryState,
} from './retry-policy';
import type { Settings } from './settings';
import { say, sayCount } from './wording';
import {
  addEvent,
  addFailure,
  emptyRecord,
  MAX_FAILURES_PER_TAB,
  isEmptyRecord,
  recordForStorage,
  startPage,
  summarize,
  updateFailure,
  type FailedRequest,
  type TabRecord,
  type TimelineKind,
} from './tab-record';
import { isGatewayFailure, isServerError } from './watch-policy';

/** Failed requests inside a page arrive in bursts: they are stored together when the page has loaded, or after this. */
export const BURST_MS = 1000;
/** A wake-up this early (the banner's countdown) leaves the retry to its own timer. */
export const EARLY_MS = 500;
/** How long a closed tab's state is kept, so late events for it are recognised and ignored. */
export const FORGET_MS = 60_000;
/** How long after Gatewhy's own reload a request for the same address counts as that reload. */
export const RELOAD_MATCH_MS = 30_000;
/** How long a body waits for its failure to be recorded (a body DevTools saw can reach a background that just woke). */
export const BODY_WAIT_MS = 5000;
/** Most bodies waiting per tab; the oldest give up first. */
export const MAX_WAITING_BODIES = 20;

/** A body whose failure is not recorded yet. */
export interface WaitingBody {
  body: FailureBody;
  /** Names the body in its body-settled effect. */
  token?: string;
  until: number;
}

/** The main-frame request under way in the tab, and whose it is. */
export interface Navigation {
  requestId: string;
  url: string;
  /** Gatewhy's own reload, not one the user (or the browser) started. */
  byGatewhy: boolean;
}

export interface TabState {
  tabId: number;
  /** What is stored as the tab's record (storage.session `tab:<id>`). */
  record: TabRecord;
  /** The retry schedule (storage.session `retry:<id>`). */
  retry?: RetryState;
  /** Failures inside the page not stored yet (the current burst), oldest first. */
  pending: readonly FailedRequest[];
  /** When the current burst is stored at the latest. */
  flushAt?: number;
  navigation?: Navigation;
  /** The page's address, to tell first from third parties. */
  pageUrl?: string;
  /** The badge as last set: only changes are sent to the browser. */
  badge: Badge;
  /** The navigation (or address) whose load-complete was handled, so a repeat does nothing twice. */
  loadedFor?: string;
  /** How the last streak ended, for the banner on the page that ended it. */
  outcome?: Outcome & { url: string };
  /** The tab closed: later events are ignored until the state is forgotten. */
  closed?: true;
  /**
   * The tab is in a private (incognito) window: nothing of it goes to storage.local or storage.sync, only to
   * storage.session, which browsers hold in memory (issue 14, part 2).
   */
  privateWindow?: true;
  /** Bodies that came before their failure, oldest first. */
  waitingBodies?: readonly WaitingBody[];
}

/** Facts from outside the tab, read when the event is applied. */
export interface StepInputs {
  now: number;
  settings: Settings;
  /** Retries scheduled or made in the last minute, all tabs together. */
  retryLog: RetryLog;
  online: boolean;
  browser: BrowserTraits;
  random?: Random;
}

export type UserAction = 'retry-now' | 'stop' | 'resume' | 'retry-then' | 'never-on-site';

export type TabEvent =
  /** A main-frame request started: the user's navigation, the browser's own reload, or Gatewhy's. */
  | { type: 'navigation-started'; requestId: string; url: string; method: string }
  /** The page's response headers arrived (redirects included). */
  | { type: 'page-response'; response: FailedRequest }
  /** The page got no response at all. */
  | { type: 'page-error'; failure: FailedRequest }
  /** A request inside the page got a 5xx; `documentUrl` is its page's address, when the browser says. */
  | { type: 'request-failed'; failure: FailedRequest; documentUrl?: string }
  | { type: 'load-complete'; url?: string }
  /** The error page's text, read after it loaded (undefined: it could not be read). */
  | { type: 'page-read'; url: string; html?: string }
  | { type: 'tab-closed' }
  /** A retry may be due: its timer, its alarm, or the banner's countdown. */
  | { type: 'retry-due' }
  | { type: 'flush-due' }
  | { type: 'forget-due' }
  /** A new background started with this stored state: its timers died with the old one. */
  | { type: 'worker-started' }
  | { type: 'user'; action: UserAction }
  | { type: 'connectivity'; online: boolean }
  /**
   * The start of a failed response's body (from DevTools, or read by Firefox's background). It joins its failure, or
   * waits up to BODY_WAIT_MS for it; `token` asks for a body-settled effect saying which.
   */
  | { type: 'body-read'; body: FailureBody; token?: string }
  | { type: 'bodies-due' };

export type TimerEvent = Extract<TabEvent, { type: 'retry-due' | 'flush-due' | 'forget-due' | 'bodies-due' }>['type'];

export type TabEffect =
  /** Write one stored part of the tab; undefined removes it. */
  | { type: 'store'; part: 'record'; record: TabRecord | undefined }
  | { type: 'store'; part: 'retry'; retry: RetryState | undefined }
  /** Add failures to "Recent errors": on disk, or for a private window's tab in memory only (`privateWindow`). */
  | { type: 'remember'; failures: readonly FailedRequest[]; privateWindow: boolean }
  | { type: 'badge'; badge: Badge; previous?: Badge }
  | { type: 'reload'; bypassCache: boolean; url?: string }
  /** Feed `event` back at `at` (a timer: it dies with the worker, so retries also get an alarm). */
  | { type: 'timer'; event: TimerEvent; at: number }
  /** The backstop alarm for the tab's retry: set at `at`, or cleared. */
  | { type: 'alarm'; at?: number }
  /** Count a retry at `at` against the global limit, or give its slot back. */
  | { type: 'take-slot'; at: number }
  | { type: 'release-slot'; at: number }
  | { type: 'banner'; state: BannerState }
  | { type: 'inject-banner' }
  | { type: 'read-page'; url: string }
  /** Ask the browser whether the page has already loaded (small error pages can finish before their failure is handled). */
  | { type: 'check-loaded' }
  | { type: 'notify'; title: string; text: string }
  /** Drop the tab's state: nothing more will come for it. */
  | { type: 'forget' }
  /** The body of a body-read event with this token joined its failure, or gave up. */
  | { type: 'body-settled'; token: string; attached: boolean };

export interface StepResult {
  state: TabState;
  effects: TabEffect[];
}

/** Where the tab is, as the browser said when Gatewhy first heard of it. */
export interface TabPlace {
  privateWindow: boolean;
}

export function newTabState(tabId: number, { privateWindow }: TabPlace = { privateWindow: false }): TabState {
  return { tabId, record: emptyRecord(tabId), pending: [], badge: idleBadge(), ...(privateWindow && { privateWindow: true as const }) };
}

/** A tab's state rebuilt from what was stored, after the background restarted. */
export function restoredTabState(tabId: number, record: TabRecord | undefined, retry: RetryState | undefined, place?: TabPlace): TabState {
  const kept = record ?? emptyRecord(tabId);
  return { ...newTabState(tabId, place), record: kept, ...(retry && { retry }), badge: badgeFor(isEmptyRecord(kept) ? undefined : kept) };
}

/** What the banner in the tab shows. */
export function bannerStateOf(state: TabState, settings: Settings): BannerState {
  return {
    ...(state.retry && { retry: state.retry }),
    ...(state.outcome && !state.retry && { outcome: { kind: state.outcome.kind, text: state.outcome.text } }),
    visible: settings.showBanner,
    why: whyText(state.retry, settings),
  };
}

/**
 * Whether stepping the event may explain a response or tell a failure's party, for which the background first reads
 * its knowledge (entrypoints/background/knowledge.ts). Healthy navigations, nearly every event, need none.
 */
export function needsKnowledge(event: TabEvent): boolean {
  switch (event.type) {
    case 'page-response':
      return isServerError(event.response.status);
    case 'page-error':
    case 'request-failed':
    case 'page-read':
    case 'body-read':
      return true;
    default:
      return false;
  }
}

/** Applies one event to one tab. Pure: the same state, event and inputs always give the same result. */
export function step(state: TabState, event: TabEvent, inputs: StepInputs): StepResult {
  const tab = new Step(state, inputs);
  if (state.closed && event.type !== 'forget-due') {
    // A body for a closed tab has nothing to join: say so at once, so its sender is not left waiting.
    const token = event.type === 'body-read' ? event.token : undefined;
    return { state, effects: token === undefined ? [] : [{ type: 'body-settled', token, attached: false }] };
  }
  tab.apply(event);
  return tab.result();
}

const withoutFragment = (url: string) => url.split('#')[0]!;

/** One step under way: a working copy of the state and the effects decided so far. */
class Step {
  private readonly effects: TabEffect[] = [];
  private state: TabState;
  private forceBadge = false;

  constructor(
    private readonly before: TabState,
    private readonly inputs: StepInputs,
  ) {
    this.state = { ...before };
  }

  apply(event: TabEvent): void {
    switch (event.type) {
      case 'navigation-started':
        return this.navigationStarted(event);
      case 'page-response':
        return this.pageResponse(event.response);
      case 'page-error':
        return this.pageError(event.failure);
      case 'request-failed':
        return this.requestFailed(event.failure, event.documentUrl);
      case 'load-complete':
        return this.loadComplete(event.url);
      case 'page-read':
        return this.pageRead(event.url, event.html);
      case 'tab-closed':
        return this.tabClosed();
      case 'retry-due':
        return this.retryDue();
      case 'flush-due':
        return this.flush();
      case 'forget-due':
        if (this.state.closed) this.effects.push({ type: 'forget' });
        return;
      case 'worker-started':
        return this.workerStarted();
      case 'user':
        return this.userAction(event.action);
      case 'connectivity':
        if (event.online && this.state.retry?.waitingForNetwork) this.fire({ manual: false });
        return;
      case 'body-read':
        return this.bodyRead(event.body, event.token);
      case 'bodies-due':
        return this.settleBodies((waiting) => waiting.until <= this.inputs.now);
    }
  }

  // --- Events ---

  private navigationStarted({ requestId, url, method }: { requestId: string; url: string; method: string }): void {
    const { retry, navigation } = this.state;
    // A redirect starts the same request again at its new address: still the same navigation, whoever started it.
    if (navigation?.requestId === requestId) {
      this.state.navigation = { ...navigation, url };
      return;
    }
    const byGatewhy = retry?.reloadedAt !== undefined && retry.url === url && method === 'GET' && this.inputs.now - retry.reloadedAt < RELOAD_MATCH_MS;
    this.flush();
    this.state.navigation = { requestId, url, byGatewhy };
    this.state.loadedFor = undefined;
    this.state.outcome = undefined;
    if (!retry) return;
    if (byGatewhy) {
      const { reloadedAt: _reloaded, ...waiting } = retry;
      this.state.retry = waiting;
    } else if (retry.url !== url) {
      // The user went elsewhere: the schedule is over, at once.
      this.cancelRetry();
    } else if (retry.dueAt !== undefined) {
      // The user reloads the page: that is the retry. Its answer decides what comes next.
      this.unschedule();
      this.state.retry = unscheduled(retry);
    }
  }

  /** A response or error of a request that is no longer the tab's navigation (the user went on) is history. */
  private isStale(requestId: string): boolean {
    const { navigation } = this.state;
    return navigation !== undefined && navigation.requestId !== requestId;
  }

  private pageResponse(response: FailedRequest): void {
    if (this.isStale(response.requestId)) return;
    this.flush();
    if (isRedirect(response.status, headerValue(response.headers, 'location'))) return;
    this.state.pageUrl = response.url;
    if (isServerError(response.status)) {
      const explanation = explainFailure(response);
      const summary = summarize(explanation);
      if (isGatewayFailure(response.status, summary)) {
        const kept: FailedRequest = { ...response, party: 'first', summary, explanation };
        this.pageFailed(kept, { cached: explanation.cached });
        return;
      }
    }
    const { retry, navigation } = this.state;
    const inStreak = retry !== undefined && (retry.url === response.url || (navigation?.byGatewhy === true && navigation.requestId === response.requestId));
    this.setRecord(startPage(this.state.record, response.requestId, response.url, { continues: inStreak }));
    if (!retry) return;
    if (!inStreak) return this.cancelRetry();
    const answer = finalAnswer(response.status);
    this.endStreak(answer.kind === 'recovered' ? this.recoveryText(retry, response.url) : answer.text, answer.kind, response.url);
  }

  private pageError(failure: FailedRequest): void {
    if (this.isStale(failure.requestId)) return;
    this.flush();
    this.state.pageUrl = failure.url;
    const explanation = explainFailure(failure);
    this.pageFailed({ ...failure, party: 'first', summary: summarize(explanation), explanation }, { cached: false });
  }

  private requestFailed(failure: FailedRequest, documentUrl: string | undefined): void {
    const summary = summaryOf(failure);
    if (!isGatewayFailure(failure.status, summary)) return;
    const kept = this.withWaitingBody({ ...failure, party: partyOf(failure.url, this.state.pageUrl ?? documentUrl), summary });
    this.state.pending = [...this.state.pending, kept];
    // The record keeps only the newest MAX_FAILURES_PER_TAB: a burst that long is stored at once, never held longer.
    if (this.state.pending.length >= MAX_FAILURES_PER_TAB) return this.flush();
    if (this.state.flushAt === undefined) {
      this.state.flushAt = this.inputs.now + BURST_MS;
      this.effects.push({ type: 'timer', event: 'flush-due', at: this.state.flushAt });
    }
  }

  private loadComplete(url: string | undefined): void {
    this.flush();
    const { retry, record, navigation, outcome } = this.state;
    const address = url === undefined ? undefined : withoutFragment(url);
    // Chromium resets a tab's badge when a page commits: a badge that is not the idle one is set again.
    if (this.state.badge.text !== '') this.forceBadge = true;
    // A page shown without a request (back/forward cache) is a navigation too.
    if (retry && address !== undefined && address !== retry.url) this.cancelRetry();
    const key = navigation?.requestId ?? address ?? '';
    if (this.state.loadedFor === key) return;
    this.state.loadedFor = key;
    const current = this.state.retry;
    const banner = bannerView({ retry: current, outcome: outcome && outcome.url === address ? outcome : undefined }, this.inputs.now);
    if (banner && (current ? current.url === address : this.inputs.settings.showBanner)) this.effects.push({ type: 'inject-banner' });
    const page = record.page;
    if (page && page.pageHtml === undefined && page.status > 0 && page.url === address) this.effects.push({ type: 'read-page', url: page.url });
  }

  private pageRead(url: string, html: string | undefined): void {
    const page = this.state.record.page;
    if (!page || page.url !== url || page.pageHtml !== undefined) return;
    const pageHtml = html ?? '';
    const explanation = explainFailure({ ...page, pageHtml });
    this.setRecord(updateFailure(this.state.record, page.requestId, (failure) => ({ ...failure, pageHtml, summary: summarize(explanation), explanation })));
  }

  /** A body joins its failure: one in the pending burst, else one recorded; or waits for it. */
  private bodyRead(body: FailureBody, token: string | undefined): void {
    const pending = attachBodyToList(this.state.pending, body);
    const record = pending ? undefined : attachBody(this.state.record, body);
    if (pending) this.state.pending = pending;
    if (record) this.setRecord(record);
    if (pending || record) {
      if (token !== undefined) this.effects.push({ type: 'body-settled', token, attached: true });
      return;
    }
    const until = this.inputs.now + BODY_WAIT_MS;
    this.state.waitingBodies = [...(this.state.waitingBodies ?? []), { body, ...(token !== undefined && { token }), until }];
    this.effects.push({ type: 'timer', event: 'bodies-due', at: until });
    const overflow = this.state.waitingBodies.length - MAX_WAITING_BODIES;
    if (overflow > 0) this.settleBodies((_, index) => index < overflow);
  }

  /** A failure just seen takes the body that came before it, if one is waiting. */
  private withWaitingBody(failure: FailedRequest): FailedRequest {
    const waiting = this.state.waitingBodies ?? [];
    const found = waiting.find(({ body }) => matchingFailure([failure], body));
    if (!found) return failure;
    this.state.waitingBodies = waiting.filter((one) => one !== found);
    if (found.token !== undefined) this.effects.push({ type: 'body-settled', token: found.token, attached: true });
    return withBody(failure, found.body);
  }

  /** Gives up on the waiting bodies `which` picks. */
  private settleBodies(which: (waiting: WaitingBody, index: number) => boolean): void {
    const waiting = this.state.waitingBodies ?? [];
    const settled = waiting.filter(which);
    if (settled.length === 0) return;
    this.state.waitingBodies = waiting.filter((one) => !settled.includes(one));
    for (const { token } of settled) if (token !== undefined) this.effects.push({ type: 'body-settled', token, attached: false });
  }

  private tabClosed(): void {
    this.settleBodies(() => true);
    this.cancelRetry();
    this.state.closed = true;
    this.state.pending = [];
    this.state.flushAt = undefined;
    this.setRecord(emptyRecord(this.state.tabId));
    this.effects.push({ type: 'timer', event: 'forget-due', at: this.inputs.now + FORGET_MS });
  }

  private retryDue(): void {
    const { retry } = this.state;
    if (retry?.dueAt === undefined) return;
    if (retry.dueAt - this.inputs.now > EARLY_MS) {
      // Woken early (or by a new background whose timers are gone): the timer fires it on time.
      this.effects.push({ type: 'timer', event: 'retry-due', at: retry.dueAt });
      return;
    }
    if (!this.inputs.online) {
      if (!retry.waitingForNetwork) {
        this.state.retry = { ...retry, waitingForNetwork: true };
        this.note('stopped', say('retry.event.offline'));
      }
      return;
    }
    this.fire({ manual: false });
  }

  private workerStarted(): void {
    const { retry } = this.state;
    if (retry?.waitingForNetwork && this.inputs.online) return this.fire({ manual: false });
    if (retry?.dueAt === undefined) return;
    this.effects.push({ type: 'timer', event: 'retry-due', at: Math.max(retry.dueAt, this.inputs.now) }, { type: 'alarm', at: retry.dueAt });
  }

  private userAction(action: UserAction): void {
    const { retry } = this.state;
    const { settings, retryLog, now } = this.inputs;
    switch (action) {
      case 'retry-now':
        return this.fire({ manual: true });
      case 'stop':
        return this.stop('paused', say('retry.event.stoppedByYou'));
      case 'never-on-site':
        return this.stop('never-site', say('retry.event.neverOnSite'));
      case 'resume':
        if (retry?.blocked === 'paused') this.schedule(nextRetry(retry, settings, retryLog, now, this.inputs.random));
        return;
      case 'retry-then':
        if (retry?.blocked === 'waits-too-long') this.schedule(retryWhenAsked(retry, settings, retryLog, now));
        return;
    }
  }

  // --- What events have in common ---

  /** The page itself failed: record it, then plan its next retry or say why there is none. */
  private pageFailed(failure: FailedRequest, { cached }: { cached: boolean }): void {
    const { settings, retryLog, now, browser, random } = this.inputs;
    this.setRecord(addFailure(startPage(this.state.record, failure.requestId, failure.url), failure));
    this.effects.push(this.remember([failure]), { type: 'check-loaded' });
    const retryAfterSeconds = parseRetryAfter(headerValue(failure.headers, 'retry-after'), failure.time, headerValue(failure.headers, 'date'));
    const pageFailure = {
      tabId: this.state.tabId,
      url: failure.url,
      method: failure.method,
      status: failure.status,
      networkError: failure.networkError,
      retryAfterSeconds,
      cached,
    };
    this.schedule(planRetry(pageFailure, this.state.retry, settings, retryLog, now, browser, random));
  }

  /** Makes `planned` the tab's retry: arms it, or notes why it will not run (once per reason). */
  private schedule(planned: RetryState): void {
    const previous = this.state.retry;
    this.unschedule();
    this.state.retry = planned;
    if (planned.dueAt !== undefined) {
      this.effects.push(
        { type: 'take-slot', at: planned.dueAt },
        { type: 'timer', event: 'retry-due', at: planned.dueAt },
        { type: 'alarm', at: planned.dueAt },
      );
      const wait = formatDuration((planned.dueAt - this.inputs.now) / 1000);
      this.note(
        'retry-scheduled',
        say('retry.event.scheduled', {
          attempt: planned.attempt + 1,
          maxAttempts: planned.maxAttempts,
          wait,
          reason: delayReasonText(planned.delayReason ?? 'backoff'),
        }),
      );
    } else if (planned.blocked && planned.blocked !== previous?.blocked) {
      const words =
        planned.blocked === 'waits-too-long'
          ? say('retry.event.asksBeforeRetry', { serverAsks: serverAsks(planned, this.inputs.now, formatUtc) })
          : blockReasonText(planned.blocked);
      this.note(planned.blocked === 'gave-up' ? 'gave-up' : 'blocked', words);
    }
  }

  /** Reloads the tab now. A manual retry (the person asked) works with no schedule too, and lifts "gave up". */
  private fire({ manual }: { manual: boolean }): void {
    const { now, settings } = this.inputs;
    const retry = this.state.retry ?? this.retryForManualReload();
    // An automatic retry made now keeps its slot under the global limit: it is one of the minute's retries.
    // A person's retry is not counted, so a slot it pre-empts goes back.
    if (manual) this.unschedule();
    else if (retry?.dueAt !== undefined || retry?.waitingForNetwork) this.effects.push({ type: 'alarm' });
    if (!retry) {
      // No failed page to speak of: the reload is all there is to do.
      if (manual) this.effects.push({ type: 'reload', bypassCache: false });
      return;
    }
    const attempt = retry.attempt + 1;
    const { blocked, ...rest } = unscheduled(retry);
    // Stopped or asked-to-wait stays so; "gave up" is lifted by a person's retry.
    const stillBlocked = blocked !== undefined && !(manual && blocked === 'gave-up');
    this.state.retry = { ...rest, ...(stillBlocked && { blocked }), maxAttempts: settings.maxAttempts, attempt, reloadedAt: now };
    this.note('retried', manual ? say('retry.event.retriedByHand') : say('retry.event.retried', { attempt }));
    this.effects.push({ type: 'reload', bypassCache: retry.bypassCache, url: retry.url });
  }

  /** A "retry now" on a failed page that has no schedule (retrying off, say) starts one, so its answer is followed. */
  private retryForManualReload(): RetryState | undefined {
    const { page } = this.state.record;
    if (!page) return undefined;
    return { tabId: this.state.tabId, url: page.url, attempt: 0, maxAttempts: this.inputs.settings.maxAttempts, since: page.time, bypassCache: false };
  }

  /** Stops the armed retry, if any: its slot under the global limit goes back, its alarm is cleared. */
  private unschedule(): void {
    const { retry } = this.state;
    if (retry?.dueAt !== undefined) this.effects.push({ type: 'release-slot', at: retry.dueAt });
    if (retry?.dueAt !== undefined || retry?.waitingForNetwork) this.effects.push({ type: 'alarm' });
  }

  /** The user stopped the retry: it stays, blocked, so the popup and banner say why and can resume it. */
  private stop(blocked: 'paused' | 'never-site', text: string): void {
    const { retry } = this.state;
    if (!retry) return;
    this.unschedule();
    this.state.retry = { ...unscheduled(retry), blocked };
    this.note('stopped', text);
  }

  private cancelRetry(): void {
    this.unschedule();
    this.state.retry = undefined;
  }

  private endStreak(text: string, kind: Outcome['kind'], url: string): void {
    const { retry } = this.state;
    const { settings } = this.inputs;
    this.cancelRetry();
    this.note(kind, text);
    this.state.outcome = { kind, text, url };
    if (kind === 'recovered' && settings.notifyOnRecovery && (retry?.attempt ?? 0) > 0)
      this.effects.push({ type: 'notify', title: say('notification.recoveredTitle'), text });
  }

  private recoveryText(retry: RetryState, url: string): string {
    const values = { host: hostWithPort(url), duration: formatDuration((this.inputs.now - retry.since) / 1000) };
    return retry.attempt > 0 ? sayCount('retry.event.backAfterRetries', retry.attempt, values) : say('retry.event.backAfter', values);
  }

  /** Stores the burst of failures inside the page. */
  private flush(): void {
    const { pending } = this.state;
    this.state.flushAt = undefined;
    if (pending.length === 0) return;
    this.state.pending = [];
    this.setRecord(pending.reduce(addFailure, this.state.record));
    this.effects.push(this.remember(pending));
  }

  private remember(failures: readonly FailedRequest[]): TabEffect {
    return { type: 'remember', failures, privateWindow: this.state.privateWindow === true };
  }

  /** Adds to the timeline of a page Gatewhy is following (one with a failure or a story already). */
  private note(kind: TimelineKind, text: string): void {
    const { record } = this.state;
    if (!record.page && record.timeline.length === 0) return;
    this.setRecord(addEvent(record, { time: this.inputs.now, kind, text }));
  }

  private setRecord(record: TabRecord): void {
    this.state.record = record;
  }

  // --- The effects every change implies ---

  result(): StepResult {
    const { before, state } = this;
    const derived: TabEffect[] = [];
    if (state.record !== before.record && !(isEmptyRecord(state.record) && isEmptyRecord(before.record))) {
      derived.push({ type: 'store', part: 'record', record: isEmptyRecord(state.record) ? undefined : recordForStorage(state.record) });
    }
    if (state.retry !== before.retry) derived.push({ type: 'store', part: 'retry', retry: state.retry });
    if (!state.closed) {
      const badge = badgeFor(isEmptyRecord(state.record) ? undefined : state.record);
      if (this.forceBadge || !sameBadge(badge, state.badge)) derived.push({ type: 'badge', badge, ...(!this.forceBadge && { previous: state.badge }) });
      state.badge = badge;
      if (state.retry !== before.retry || state.outcome !== before.outcome) derived.push({ type: 'banner', state: bannerStateOf(state, this.inputs.settings) });
    }
    return { state, effects: [...derived, ...this.effects] };
  }
}
