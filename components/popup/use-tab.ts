// The popup's live view of one tab: its record and retry state, read once and then followed as they change.
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readRetryState, watchRetryState } from '../../services/retry-store';
import { readTabRecord, watchTabRecord } from '../../services/tab-store';
import type { RetryState } from '../../utils/retry-policy';
import type { TabRecord } from '../../utils/tab-record';

/** The tab the popup describes: `?tabId=N` when opened as a page (tests, the "Recent errors" links), else the active tab. */
export async function describedTabId(): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/** True when this page is the toolbar popup rather than a tab showing popup.html. */
export const isToolbarPopup = () => !new URLSearchParams(location.search).has('tabId');

export interface TabState {
  loading: boolean;
  tabId?: number;
  record?: TabRecord;
  retry?: RetryState;
}

/**
 * Follows a stored value: the watcher starts before the one read, and a change that arrives while that read is
 * under way wins over it (the read may return the older value). Resolves once the value is known.
 */
function follow<T>(
  read: () => Promise<T | undefined>,
  watch: (listener: (value: T | undefined) => void) => () => void,
  set: (value: T | undefined) => void,
): { stop: () => void; ready: Promise<void> } {
  let changed = false;
  const stop = watch((value) => {
    changed = true;
    set(value);
  });
  const ready = read().then((value) => {
    if (!changed) set(value);
  });
  return { stop, ready };
}

export function useTab(): TabState {
  const [state, setState] = useState<TabState>({ loading: true });
  // A layout effect starts the reads right after the first render, not after the first paint.
  useLayoutEffect(() => {
    let stops: (() => void)[] = [];
    let live = true;
    const update = (change: Partial<TabState>) => live && setState((current) => ({ ...current, ...change }));
    void describedTabId().then(async (tabId) => {
      if (!live) return;
      if (tabId === undefined) return setState({ loading: false });
      const followed = [
        follow(
          () => readTabRecord(tabId),
          (listener) => watchTabRecord(tabId, listener),
          (record) => update({ record }),
        ),
        follow(
          () => readRetryState(tabId),
          (listener) => watchRetryState(tabId, listener),
          (retry) => update({ retry }),
        ),
      ];
      stops = followed.map(({ stop }) => stop);
      await Promise.all(followed.map(({ ready }) => ready));
      update({ loading: false, tabId });
    });
    return () => {
      live = false;
      stops.forEach((stop) => stop());
    };
  }, []);
  return state;
}

/** The current time, ticking every `intervalMs` (for countdowns and "2 min ago"). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
