// Runs every tab's machine (utils/tab-machine.ts): one queue per tab, the machines' states, and the effects they
// return. The global facts the machines read (settings, the per-minute retry log, being online) are kept here too;
// nothing else about a tab is.
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { loadSettings, watchSettings } from '../../services/settings-store';
import { asRetryLog, asRetryState, RETRY_LOG_KEY, RETRY_STATE_PREFIX, writeRetryLog } from '../../services/retry-store';
import { asTabRecord, TAB_RECORD_PREFIX } from '../../services/tab-store';
import { serialized } from '../../services/serial';
import { fitRecord, storedBytes, tabBudget } from '../../utils/storage-budget';
import type { FailureBody } from '../../utils/attach-body';
import { GLOBAL_WINDOW_MS, type BrowserTraits, type Random } from '../../utils/retry-policy';
import { DEFAULT_SETTINGS, type CheckedSettings, type Settings } from '../../utils/settings';
import {
  needsKnowledge,
  newTabState,
  restoredTabState,
  step,
  type StepInputs,
  type TabEffect,
  type TabEvent,
  type TabPlace,
  type TabState,
} from '../../utils/tab-machine';
import { runEffect } from './effects';
import { guarded, logError } from './errors';
import { loadKnowledge } from './knowledge';

export interface TabRunner {
  /** Applies the event to the tab, after the tab's earlier events; resolves once its effects have run. */
  dispatch(tabId: number, event: TabEvent): Promise<void>;
  /** Sends the event to every tab Gatewhy holds a state for. */
  broadcast(event: TabEvent): Promise<void>;
  /** The tab's state once its queued events are applied (undefined: Gatewhy knows nothing of it). */
  stateOf(tabId: number): Promise<TabState | undefined>;
  /**
   * Gives the tab's failure the start of its body (DevTools saw it); resolves true once it joined its failure, false
   * when none came for it in time.
   */
  attachBody(tabId: number, body: FailureBody): Promise<boolean>;
  /** Settings as the machines see them, once read. */
  settings(): Promise<Settings>;
  /**
   * Follows settings changes (at once, so none is missed), reads stored states and settings, and tells each stored
   * schedule that a new background runs it. `onSettings` hears the settings once read and after every change.
   */
  start(onSettings?: (settings: Settings) => void): Promise<void>;
}

export interface RunnerOptions {
  now: () => number;
  random: Random;
  online: () => boolean;
  browserTraits: BrowserTraits;
  /** Whether the tab is in a private window, asked once per tab. */
  placeOf(tabId: number): Promise<TabPlace>;
  /** The ids of the tabs open now (undefined: the browser would not say). */
  openTabs(): Promise<ReadonlySet<number> | undefined>;
  /** Reads what the engine explains with, before the first event that needs it (entrypoints/background/knowledge.ts). */
  loadKnowledge(): Promise<void>;
}

/**
 * A tab the browser cannot show (gone already) counts as private: nothing of it is written to disk. With the default
 * "spanning" incognito mode one background serves regular and private windows, and tells them apart by the tab's
 * `incognito` flag (https://developer.chrome.com/docs/extensions/reference/manifest/incognito; Firefox supports only
 * spanning: https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/manifest.json/incognito).
 */
async function placeOfTab(tabId: number): Promise<TabPlace> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return { privateWindow: tab?.incognito !== false };
}

const defaults = (): RunnerOptions => ({
  now: Date.now,
  random: Math.random,
  online: () => globalThis.navigator?.onLine !== false,
  // Chromium reloads pages that got no response by itself; Firefox does not (utils/retry-policy.ts, BrowserTraits).
  browserTraits: { reloadsNetworkErrors: import.meta.env.BROWSER !== 'firefox' },
  placeOf: placeOfTab,
  openTabs: async () => {
    const open = await browser.tabs.query({}).catch(() => undefined);
    return open && new Set(open.flatMap((tab) => (tab.id === undefined ? [] : [tab.id])));
  },
  loadKnowledge,
});

interface TabSlot {
  /** The tab's events, one after another: a quick second navigation must not overtake the first. */
  queue: Promise<void>;
  state?: TabState;
  /** What the tab's stored record takes in storage.session, in bytes (utils/storage-budget.ts). */
  storedBytes: number;
}

export function createTabRunner(options: Partial<RunnerOptions> = {}): TabRunner {
  const { now, random, online, browserTraits, placeOf, openTabs, loadKnowledge } = { ...defaults(), ...options };
  const tabs = new Map<number, TabSlot>();
  let settings: Settings = DEFAULT_SETTINGS;
  let retryLog: number[] = [];
  let started: Promise<void> | undefined;
  /** attachBody calls waiting for their body-settled effect, by token. */
  const settling = new Map<string, (attached: boolean) => void>();
  let lastToken = 0;

  const ready = () => (started ??= hydrate());

  /** Everything the machines read comes from storage once; afterwards change events keep it current. */
  async function hydrate(): Promise<void> {
    const [checked, session] = await Promise.all([loadSettings(), storage.snapshot('session')]);
    settings = checked.settings;
    retryLog = asRetryLog(session[RETRY_LOG_KEY], now());
    const records = new Map<number, unknown>();
    const retries = new Map<number, unknown>();
    for (const [key, value] of Object.entries(session)) {
      const tabId = Number(key.slice(key.indexOf(':') + 1));
      if (!Number.isInteger(tabId) || key.endsWith('$')) continue;
      if (key.startsWith(TAB_RECORD_PREFIX)) records.set(tabId, value);
      else if (key.startsWith(RETRY_STATE_PREFIX)) retries.set(tabId, value);
    }
    const stored = [...new Set([...records.keys(), ...retries.keys()])];
    const places = await Promise.all(stored.map(placeOf));
    stored.forEach((tabId, index) => {
      const slot = slotOf(tabId);
      slot.state ??= restoredTabState(tabId, asTabRecord(records.get(tabId)), asRetryState(retries.get(tabId)), places[index]);
      if (records.has(tabId)) slot.storedBytes = storedBytes(`${TAB_RECORD_PREFIX}${tabId}`, records.get(tabId));
    });
  }

  /** The record effect as it fits the tab's share of the session budget, given what the other tabs' records take. */
  function withinBudget(tabId: number, slot: TabSlot, effect: TabEffect): TabEffect {
    if (effect.type !== 'store' || effect.part !== 'record') return effect;
    if (!effect.record) {
      slot.storedBytes = 0;
      return effect;
    }
    let others = 0;
    for (const [id, other] of tabs) if (id !== tabId) others += other.storedBytes;
    const key = `${TAB_RECORD_PREFIX}${tabId}`;
    const record = fitRecord(key, effect.record, tabBudget(others));
    slot.storedBytes = storedBytes(key, record);
    return { ...effect, record };
  }

  function slotOf(tabId: number): TabSlot {
    let slot = tabs.get(tabId);
    if (!slot) tabs.set(tabId, (slot = { queue: Promise.resolve(), storedBytes: 0 }));
    return slot;
  }

  const inputs = (): StepInputs => ({
    now: now(),
    settings,
    retryLog: retryLog.filter((at) => at > now() - GLOBAL_WINDOW_MS),
    online: online(),
    browser: browserTraits,
    random,
  });

  /**
   * The retry log changes in the same synchronous turn as the step that decided it, so two tabs stepping one after
   * the other can never both take the last slot of the minute.
   */
  function changeRetryLog(effects: readonly TabEffect[]): void {
    let changed = false;
    for (const effect of effects) {
      if (effect.type === 'take-slot') {
        retryLog = [...retryLog, effect.at];
        changed = true;
      } else if (effect.type === 'release-slot') {
        const index = retryLog.indexOf(effect.at);
        if (index >= 0) retryLog = retryLog.filter((_, i) => i !== index);
        changed = index >= 0 || changed;
      }
    }
    if (!changed) return;
    retryLog = retryLog.filter((at) => at > now() - GLOBAL_WINDOW_MS);
    const snapshot = retryLog;
    written.add(JSON.stringify(snapshot));
    // A write that changes nothing fires no change event: keep only the last few.
    if (written.size > 20) written.delete(written.values().next().value!);
    void serialized('retry-log', () => writeRetryLog(snapshot)).catch((error) => logError('retry log', error));
  }

  // The log as this runner wrote it; a stored log that is none of these was changed elsewhere (cleared), and wins.
  const written = new Set<string>();
  function adoptStoredLog(changes: Record<string, { newValue?: unknown }>, area: string): void {
    if (area !== 'session' || !(RETRY_LOG_KEY in changes)) return;
    const stored = changes[RETRY_LOG_KEY]?.newValue;
    if (written.delete(JSON.stringify(stored))) return;
    retryLog = asRetryLog(stored, now());
  }

  async function apply(tabId: number, event: TabEvent): Promise<void> {
    await ready();
    const slot = slotOf(tabId);
    // A tab first heard of: where it is decides what may be written to disk (nothing, for a private window).
    slot.state ??= newTabState(tabId, await placeOf(tabId));
    if (needsKnowledge(event)) await loadKnowledge();
    const { state, effects } = step(slot.state, event, inputs());
    slot.state = state;
    changeRetryLog(effects);
    for (const effect of effects) {
      if (effect.type === 'forget') {
        if (tabs.get(tabId) === slot) tabs.delete(tabId);
        continue;
      }
      if (effect.type === 'body-settled') {
        settling.get(effect.token)?.(effect.attached);
        settling.delete(effect.token);
        continue;
      }
      try {
        await runEffect(tabId, withinBudget(tabId, slot, effect), { settings: () => settings, now, dispatch });
      } catch (error) {
        logError(`effect ${effect.type}`, error);
      }
    }
  }

  function dispatch(tabId: number, event: TabEvent): Promise<void> {
    const slot = slotOf(tabId);
    const run = slot.queue.then(() => apply(tabId, event));
    slot.queue = run.catch((error: unknown) => logError(`tab event ${event.type}`, error));
    return slot.queue;
  }

  return {
    dispatch,
    async broadcast(event) {
      await ready();
      await Promise.all([...tabs.keys()].map((tabId) => dispatch(tabId, event)));
    },
    attachBody(tabId, body) {
      const token = String(++lastToken);
      return new Promise<boolean>((resolve) => {
        settling.set(token, resolve);
        void dispatch(tabId, { type: 'body-read', body, token }).then(() => {
          // The step failed, or the body is neither attached nor waiting: nothing will settle it later.
          const waiting = tabs.get(tabId)?.state?.waitingBodies?.some((one) => one.token === token);
          if (!waiting && settling.delete(token)) resolve(false);
        });
      });
    },
    async stateOf(tabId) {
      await ready();
      await tabs.get(tabId)?.queue;
      return tabs.get(tabId)?.state;
    },
    async settings() {
      await ready();
      return settings;
    },
    async start(onSettings) {
      browser.storage.onChanged.addListener(guarded('retry log watcher', adoptStoredLog));
      watchSettings(
        guarded('settings watcher', (checked: CheckedSettings) => {
          settings = checked.settings;
          onSettings?.(settings);
        }),
      );
      await ready();
      onSettings?.(settings);
      // Tabs that closed while no background ran: their records and schedules go now, as if it had seen them close.
      const open = await openTabs();
      const closed = open ? [...tabs.keys()].filter((tabId) => !open.has(tabId)) : [];
      await Promise.all(closed.map((tabId) => dispatch(tabId, { type: 'tab-closed' })));
      await Promise.all(
        [...tabs.entries()]
          .filter(([tabId, slot]) => slot.state?.retry && !closed.includes(tabId))
          .map(([tabId]) => dispatch(tabId, { type: 'worker-started' })),
      );
    },
  };
}
