// Background: wires browser events to the tab machines. Every listener is added synchronously, before anything is
// awaited, so the event that woke the worker reaches it; settings are applied inside the listeners.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { navigationEvent, networkErrorEvent, responseEvent, type AddressedEvent } from '../../utils/tab-events';
import { DEFAULT_WATCHED_TYPES, typesBeyondDefaults } from '../../utils/watch-policy';
import type { FailureBody } from '../../utils/attach-body';
import { listenToDevtools } from './devtools-port';
import { guarded, logError } from './errors';
import { clearPrivateHistory } from '../../services/history-store';
import { speakBrowserLanguage } from '../../services/browser-wording';
import { readFailingBody } from './firefox-bodies';
import { openWelcomeOnInstall } from './install';
import { createMessageHandler } from './messages';
import { tabOfRetryAlarm } from './retry-alarm';
import { createSightingRecorder } from './sightings';
import { createTabRunner } from './tab-runner';

const WEB = { urls: ['<all_urls>'] };
const IS_FIREFOX = import.meta.env.BROWSER === 'firefox';
const DEFAULT_TYPES: ReadonlySet<string> = new Set(DEFAULT_WATCHED_TYPES);

export default defineBackground(() => {
  // Badge tooltips, notifications and the timeline's words are written here, in the browser's language.
  speakBrowserLanguage();
  const runner = createTabRunner();
  const sightings = createSightingRecorder();
  const deliver = (addressed: AddressedEvent | undefined) => addressed && runner.dispatch(addressed.tabId, addressed.event);
  const deliverBody = (tabId: number, body: FailureBody) => void runner.dispatch(tabId, { type: 'body-read', body });

  browser.webRequest.onBeforeRequest.addListener(
    guarded('webRequest.onBeforeRequest', (details: unknown) => deliver(navigationEvent(details))),
    { ...WEB, types: ['main_frame'] },
  );
  // No 'extraHeaders': it doubles the cost and only adds Set-Cookie, which Gatewhy never keeps (shared/toolchain.md).
  // onHeadersReceived, not onCompleted: Chromium cancels many failed image and style loads before they complete
  // (measured in bench/: onCompleted saw 20–25 of 30 failed subresources, onHeadersReceived all 30), at the same cost.
  // In Firefox the listener blocks, so that a gateway-status response can get a body filter before it streams.
  browser.webRequest.onHeadersReceived.addListener(
    guarded('webRequest.onHeadersReceived', (details: Parameters<typeof readFailingBody>[0]) => {
      // Healthy responses behind a known vendor are kept (bounded) for "is it just me" (utils/just-me.ts).
      sightings.observe(details);
      const delivered = deliver(responseEvent(details));
      if (IS_FIREFOX) readFailingBody(details, deliverBody);
      // guarded() returns nothing to the browser, so Firefox's blocking listener never waits for this promise.
      return delivered;
    }),
    { ...WEB, types: [...DEFAULT_WATCHED_TYPES] },
    IS_FIREFOX ? ['responseHeaders', 'blocking'] : ['responseHeaders'],
  );
  // Every other type, for the watch-everything option: added now so an event that woke the worker is seen, and
  // removed once the settings say the option is off (each type subscribed costs an event per request). In Firefox it
  // blocks and reads failing bodies too, as the first listener does.
  const otherTypes = guarded('webRequest.onHeadersReceived (other types)', (details: Parameters<typeof readFailingBody>[0] & { type?: string }) => {
    // Only when the filter had to fall back to every type (see watchOtherTypes) do the default types arrive here.
    if (DEFAULT_TYPES.has(details?.type ?? '')) return;
    if (IS_FIREFOX) readFailingBody(details, deliverBody);
    return runner.settings().then(({ watchAllRequests }) => {
      if (!watchAllRequests) return;
      sightings.observe(details);
      return deliver(responseEvent(details));
    });
  });
  const otherTypesFilter = {
    ...WEB,
    types: typesBeyondDefaults(IS_FIREFOX ? 'firefox' : 'chrome', (browser.webRequest as { ResourceType?: unknown }).ResourceType),
  };
  const otherTypesOptions = IS_FIREFOX ? ['responseHeaders', 'blocking'] : ['responseHeaders'];
  const watchOtherTypes = (on: boolean) => {
    const { onHeadersReceived } = browser.webRequest;
    const listening = onHeadersReceived.hasListener(otherTypes as never);
    if (!on) {
      if (listening) onHeadersReceived.removeListener(otherTypes as never);
      return;
    }
    if (listening) return;
    try {
      onHeadersReceived.addListener(otherTypes as never, otherTypesFilter as never, otherTypesOptions as never);
    } catch (error) {
      // A browser that rejects one of the named types still gets every request watched, at an event more per call.
      logError('watch-everything types', error);
      onHeadersReceived.addListener(otherTypes as never, WEB, otherTypesOptions as never);
    }
  };
  watchOtherTypes(true);
  browser.webRequest.onErrorOccurred.addListener(
    guarded('webRequest.onErrorOccurred', (details: unknown) => deliver(networkErrorEvent(details))),
    { ...WEB, types: ['main_frame'] },
  );

  browser.tabs.onRemoved.addListener(guarded('tabs.onRemoved', (tabId: number) => runner.dispatch(tabId, { type: 'tab-closed' })));
  browser.tabs.onUpdated.addListener(
    guarded('tabs.onUpdated', (tabId: number, change: { status?: string }, tab: { url?: string }) => {
      if (change?.status === 'complete') return runner.dispatch(tabId, { type: 'load-complete', url: tab?.url });
    }),
  );
  browser.alarms.onAlarm.addListener(
    guarded('alarms.onAlarm', (alarm: { name: string }) => {
      const tabId = tabOfRetryAlarm(alarm?.name ?? '');
      if (tabId !== undefined) return runner.dispatch(tabId, { type: 'retry-due' });
    }),
  );
  browser.runtime.onMessage.addListener(createMessageHandler(runner) as never);
  listenToDevtools(runner);
  browser.runtime.onInstalled.addListener(guarded('runtime.onInstalled', openWelcomeOnInstall));
  // Private windows' recent errors vanish with the last of them (their tabs' records go as each tab closes).
  browser.windows.onRemoved.addListener(
    guarded('windows.onRemoved', async () => {
      if (!(await browser.windows.getAll()).some((window) => window.incognito)) await clearPrivateHistory();
    }),
  );
  for (const online of [true, false]) {
    globalThis.addEventListener?.(
      online ? 'online' : 'offline',
      guarded(`${online ? 'online' : 'offline'} event`, () => runner.broadcast({ type: 'connectivity', online })),
    );
  }

  runner
    .start(guarded('settings', (settings: { watchAllRequests: boolean }) => watchOtherTypes(settings.watchAllRequests)))
    .catch((error) => logError('start', error));
});
