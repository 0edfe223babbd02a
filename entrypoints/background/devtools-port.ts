// Background side of DevTools → Gatewhy: takes the bodies of failed responses that DevTools saw (webRequest does not
// give them) and hands each to its tab's machine, which attaches it to the failure. Only the extension's own DevTools
// pages may connect; messages are checked and bounded (utils/devtools/port-protocol.ts), and carry no headers, so no
// cookie or token reaches storage.
import { browser, type Browser } from 'wxt/browser';
import { parseResponseSeen, tabIdOfPort, type AckMessage, type SeenResponse } from '../../utils/devtools/port-protocol';
import { guarded } from './errors';
import type { TabRunner } from './tab-runner';

/** Attaches a body to the tab's failure; resolves false when none came for it (TabRunner.attachBody). */
export type AttachBody = (tabId: number, seen: SeenResponse) => Promise<boolean>;

/** Most bodies of one port being attached at once; more are refused (acknowledged as not attached). */
export const MAX_PENDING_PER_PORT = 20;

type Port = Browser.runtime.Port;

/** The pages of this extension that DevTools loads: the devtools_page and the panel. */
function isOwnDevtoolsPage(sender: Port['sender']): boolean {
  if (!sender || sender.id !== browser.runtime.id || sender.tab !== undefined || typeof sender.url !== 'string') return false;
  const page = sender.url.split(/[?#]/)[0];
  return page === browser.runtime.getURL('/devtools.html') || page === browser.runtime.getURL('/devtools-panel.html');
}

function post(port: Port, message: AckMessage): void {
  try {
    port.postMessage(message);
  } catch {
    // The port closed meanwhile: DevTools sends the message again on its next connection.
  }
}

/** runtime.onConnect listener: serves DevTools → Gatewhy ports, leaves any other port alone. */
export function onDevtoolsConnect(port: Port, attach: AttachBody): void {
  const tabId = tabIdOfPort(port.name);
  if (tabId === undefined) return;
  if (!isOwnDevtoolsPage(port.sender)) {
    port.disconnect();
    return;
  }
  let pending = 0;
  port.onMessage.addListener(
    guarded('devtools port', async (message: unknown) => {
      const parsed = parseResponseSeen(message);
      const id = (message as { id?: unknown } | null)?.id;
      if (!parsed.ok) {
        // A message that cannot be used is acknowledged all the same, so it is not sent again after a reconnect.
        if (typeof id === 'number') post(port, { type: 'ack', id, attached: false });
        return;
      }
      if (pending >= MAX_PENDING_PER_PORT) return post(port, { type: 'ack', id: parsed.value.id, attached: false });
      pending += 1;
      try {
        post(port, { type: 'ack', id: parsed.value.id, attached: await attach(tabId, parsed.value.response) });
      } finally {
        pending -= 1;
      }
    }),
  );
}

/** Listens for DevTools → Gatewhy ports. Call once, synchronously, in the background's main(). */
export function listenToDevtools(runner: Pick<TabRunner, 'attachBody'>): void {
  browser.runtime.onConnect.addListener(guarded('runtime.onConnect', (port: Port) => onDevtoolsConnect(port, (tabId, seen) => runner.attachBody(tabId, seen))));
}
