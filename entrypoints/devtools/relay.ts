// Passes the bodies of the inspected tab's failed responses to the background over a port that survives the service
// worker stopping: this file runs the effects of the pure connection machine (utils/devtools/port-connection.ts).
import { browser, type Browser } from 'wxt/browser';
import { watchFailedEntries } from '../../components/devtools/inspected-network';
import { initialConnection, step, type ConnectionEffect, type ConnectionEvent } from '../../utils/devtools/port-connection';
import { isAck, portName, type SeenResponse } from '../../utils/devtools/port-protocol';
import { readEntry } from '../../utils/devtools/inspected-request';
import { readResponseBody, type HarEntryLike } from '../../utils/devtools/response-body';

/** The port to the background for one inspected tab. `seen` queues a response; the rest happens by itself. */
export function connectToBackground(tabId: number): { seen(response: SeenResponse): void } {
  let state = initialConnection();
  let port: Browser.runtime.Port | undefined;
  // Events raised while effects run wait their turn, so each step sees the state the previous one left.
  const queue: ConnectionEvent[] = [];
  let running = false;

  const dispatch = (event: ConnectionEvent) => {
    queue.push(event);
    if (running) return;
    running = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const result = step(state, next);
        state = result.state;
        result.effects.forEach(run);
      }
    } finally {
      running = false;
    }
  };

  const connect = () => {
    try {
      const opened = browser.runtime.connect({ name: portName(tabId) });
      opened.onMessage.addListener((message: unknown) => {
        if (isAck(message)) dispatch({ type: 'ack', id: message.id });
      });
      opened.onDisconnect.addListener(() => {
        if (port === opened) port = undefined;
        dispatch({ type: 'disconnected' });
      });
      port = opened;
      dispatch({ type: 'connected' });
    } catch {
      dispatch({ type: 'connect-failed' });
    }
  };

  function run(effect: ConnectionEffect): void {
    if (effect.type === 'connect') connect();
    else if (effect.type === 'schedule-reconnect') setTimeout(() => dispatch({ type: 'reconnect-due' }), effect.delayMs);
    else {
      try {
        port?.postMessage(effect.message);
      } catch {
        // The port closed under us; its onDisconnect brings the message back on the next connection.
      }
    }
  }

  return { seen: (response) => dispatch({ type: 'seen', response }) };
}

/** Reads each failed response's body (5xx only: a network error has none) and sends it to the background. */
export function relayFailedResponses(tabId: number): void {
  const background = connectToBackground(tabId);
  // Keys already sent; forgotten in one go past a bound, so a page that fails endlessly costs bounded memory.
  const sent = new Set<string>();
  watchFailedEntries((entry: HarEntryLike) => {
    const request = readEntry(entry);
    if (request.status < 500 || sent.has(request.key)) return;
    if (sent.size >= 5000) sent.clear();
    sent.add(request.key);
    void readResponseBody(entry).then((body) => {
      if (!body) return;
      background.seen({
        url: request.url,
        method: request.method,
        status: request.status,
        time: request.time,
        bodyText: body.text,
        bodyTruncated: body.truncated,
      });
    });
  });
}
