// Background: wires browser events to Gatewhy's handlers. Listeners are added synchronously so no event is lost.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { guarded } from './errors';
import { onResponseCompleted, onTabLoaded, onTabRemoved } from './watcher';

export default defineBackground(() => {
  browser.webRequest.onCompleted.addListener(
    guarded('onCompleted', onResponseCompleted),
    { urls: ['<all_urls>'], types: ['main_frame'] },
    ['responseHeaders'],
  );
  browser.tabs.onRemoved.addListener(guarded('tabs.onRemoved', onTabRemoved));
  browser.tabs.onUpdated.addListener(
    guarded('tabs.onUpdated', (tabId: number, change: { status?: string }) => change.status === 'complete' && onTabLoaded(tabId)),
  );
});
