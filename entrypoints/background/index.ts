// Background: wires browser events to Gatewhy's handlers. Listeners are added synchronously so no event is lost.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { currentSettings, watchSettings } from '../../services/settings-store';
import { attachToStoredRecord, listenToDevtools } from './devtools-port';
import { guarded, logError } from './errors';
import { openWelcomeOnInstall } from './install';
import { onMessage } from './messages';
import { fireRetry, isRetryAlarm, resumeSchedules } from './retry';
import { onTabLoaded, onTabRemoved, watchRequests } from './watcher';

export default defineBackground(() => {
  watchRequests(false);
  browser.tabs.onRemoved.addListener(guarded('tabs.onRemoved', onTabRemoved));
  browser.tabs.onUpdated.addListener(
    guarded('tabs.onUpdated', (tabId: number, change: { status?: string }, tab: { url?: string }) => change.status === 'complete' && onTabLoaded(tabId, tab.url)),
  );
  browser.alarms.onAlarm.addListener(
    guarded('alarms.onAlarm', (alarm: { name: string }) => {
      const tabId = isRetryAlarm(alarm.name);
      return tabId === undefined ? undefined : fireRetry(tabId);
    }),
  );
  browser.runtime.onMessage.addListener(onMessage as never);
  listenToDevtools(attachToStoredRecord());
  browser.runtime.onInstalled.addListener(guarded('runtime.onInstalled', openWelcomeOnInstall));

  // Timers died with the previous worker; the watch-everything option widens the filter once settings are read.
  resumeSchedules().catch((error) => logError('resumeSchedules', error));
  currentSettings()
    .then(({ settings }) => settings.watchAllRequests && watchRequests(true))
    .catch((error) => logError('loadSettings', error));
  watchSettings(({ settings }) => watchRequests(settings.watchAllRequests));
});
