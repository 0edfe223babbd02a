// DevTools' side of the port to the background as a pure state machine: step(state, event) → { state, effects }.
// The service worker can stop at any time, which closes the port: what was sent and not acknowledged is sent again on
// the next connection. The port is opened only when there is something to send, so an idle DevTools window does not
// keep waking a stopped worker.
import type { ResponseSeenMessage, SeenResponse } from './port-protocol';

/** Wait before each reconnection attempt in a row; the last one repeats. The first is at once. */
export const RECONNECT_DELAYS_MS = [0, 200, 500, 1000, 2000, 5000, 10_000, 30_000] as const;
/** Most responses waiting for an ack; the oldest are dropped first (the popup then lacks their bodies, nothing else). */
export const MAX_UNACKED = 50;

export interface ConnectionState {
  connected: boolean;
  /** A reconnection is scheduled (reconnect-due will come). */
  waiting: boolean;
  /** Connections in a row that failed or closed before anything was acknowledged. */
  failures: number;
  nextId: number;
  /** Sent or to be sent, not acknowledged yet; oldest first. */
  unacked: ResponseSeenMessage[];
}

export type ConnectionEvent =
  /** DevTools saw a failed response and read its body. */
  | { type: 'seen'; response: SeenResponse }
  /** runtime.connect() gave a port. */
  | { type: 'connected' }
  /** runtime.connect() threw (for example while the extension reloads). */
  | { type: 'connect-failed' }
  /** The port closed: the service worker stopped, or the background refused it. */
  | { type: 'disconnected' }
  | { type: 'ack'; id: number }
  | { type: 'reconnect-due' };

export type ConnectionEffect = { type: 'connect' } | { type: 'post'; message: ResponseSeenMessage } | { type: 'schedule-reconnect'; delayMs: number };

export interface Step {
  state: ConnectionState;
  effects: ConnectionEffect[];
}

export const initialConnection = (): ConnectionState => ({ connected: false, waiting: false, failures: 0, nextId: 1, unacked: [] });

export const reconnectDelay = (failures: number): number => RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)]!;

/** Connection lost or refused: try again after the backoff, if anything is left to send. */
function retryLater(state: ConnectionState, failed: boolean): Step {
  const failures = failed ? state.failures + 1 : state.failures;
  const next = { ...state, connected: false, failures };
  if (next.unacked.length === 0 || next.waiting) return { state: next, effects: [] };
  return { state: { ...next, waiting: true }, effects: [{ type: 'schedule-reconnect', delayMs: reconnectDelay(failed ? failures - 1 : failures) }] };
}

export function step(state: ConnectionState, event: ConnectionEvent): Step {
  switch (event.type) {
    case 'seen': {
      const message: ResponseSeenMessage = { type: 'response-seen', id: state.nextId, response: event.response };
      const next = { ...state, nextId: state.nextId + 1, unacked: [...state.unacked, message].slice(-MAX_UNACKED) };
      if (next.connected) return { state: next, effects: [{ type: 'post', message }] };
      // Not connected: connect now, unless a reconnection is already scheduled (its backoff stands).
      return next.waiting ? { state: next, effects: [] } : { state: { ...next, waiting: true }, effects: [{ type: 'connect' }] };
    }
    case 'connected':
      return { state: { ...state, connected: true, waiting: false }, effects: state.unacked.map((message) => ({ type: 'post', message })) };
    case 'connect-failed':
      return retryLater({ ...state, waiting: false }, true);
    case 'disconnected':
      // A port that closed with messages still unacknowledged did not hold: count it, so a background that keeps
      // refusing is asked less and less often. A port that closed idle (the worker stopped) reconnects at once when needed.
      return retryLater(state, state.unacked.length > 0);
    case 'ack':
      return { state: { ...state, failures: 0, unacked: state.unacked.filter((message) => message.id !== event.id) }, effects: [] };
    case 'reconnect-due': {
      const next = { ...state, waiting: false };
      if (next.connected || next.unacked.length === 0) return { state: next, effects: [] };
      return { state: { ...next, waiting: true }, effects: [{ type: 'connect' }] };
    }
  }
}
