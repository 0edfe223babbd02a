// Background side of DevTools → Gatewhy: takes the bodies of failed responses that DevTools saw (the background cannot
// read them) and attaches each to its stored failure. Only the extension's own DevTools pages may connect; messages are
// checked and bounded (utils/devtools/port-protocol.ts), and carry no headers, so no cookie or token reaches storage.
import { browser, type Browser } from 'wxt/browser';
import { readTabRecord, updateTabRecord, watchTabRecord } from '../../services/tab-store';
import { attachBody } from '../../utils/devtools/attach-body';
import { parseResponseSeen, tabIdOfPort, type AckMessage, type SeenResponse } from '../../utils/devtools/port-protocol';
import { guarded } from './errors';

/** Attaches a body to the tab's stored failure; resolves false when none matched. */
export type AttachBody = (tabId: number, seen: SeenResponse) => Promise<boolean>;

/** Most bodies of one port being attached at once; more are refused (acknowledged as not attached). */
export const MAX_PENDING_PER_PORT = 20;
/** How long a body waits for its failure to be stored: failures inside a page are stored a second after they fail. */
export const ATTACH_WAIT_MS = 5000;

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
export function listenToDevtools(attach: AttachBody): void {
  browser.runtime.onConnect.addListener(guarded('runtime.onConnect', (port: Port) => onDevtoolsConnect(port, attach)));
}

/**
 * Attaches through the stored tab record (services/tab-store.ts). The failure may not be stored yet: it then waits
 * for the record to change, up to ATTACH_WAIT_MS. The record is written only when a failure matches.
 */
export function attachToStoredRecord(waitMs = ATTACH_WAIT_MS): AttachBody {
  const tryNow = async (tabId: number, seen: SeenResponse): Promise<boolean> => {
    const stored = await readTabRecord(tabId);
    if (!stored || !attachBody(stored, seen)) return false;
    let attached = false;
    await updateTabRecord(tabId, (record) => {
      const updated = attachBody(record, seen);
      attached = updated !== undefined;
      return updated ?? record;
    });
    return attached;
  };
  return async (tabId, seen) => {
    if (await tryNow(tabId, seen)) return true;
    return new Promise<boolean>((resolve) => {
      let done = false;
      const finish = (attached: boolean) => {
        if (done) return;
        done = true;
        stop();
        clearTimeout(timer);
        resolve(attached);
      };
      const stop = watchTabRecord(tabId, () => void tryNow(tabId, seen).then((attached) => attached && finish(true), () => {}));
      const timer = setTimeout(() => finish(false), waitMs);
    });
  };
}
