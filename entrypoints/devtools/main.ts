// DevTools page (loaded whenever DevTools opens on a tab): adds the Gatewhy panel, and passes the bodies of the tab's
// failed responses on to the background, so the popup can explain those requests from their bodies too.
import { browser } from 'wxt/browser';
import { relayFailedResponses } from './relay';

void browser.devtools.panels.create('Gatewhy', '/icon/32.png', '/devtools-panel.html');
relayFailedResponses(browser.devtools.inspectedWindow.tabId);
