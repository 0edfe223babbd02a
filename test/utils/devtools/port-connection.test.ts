import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initialConnection,
  MAX_UNACKED,
  reconnectDelay,
  RECONNECT_DELAYS_MS,
  step,
  type ConnectionEvent,
  type ConnectionState,
} from '../../../utils/devtools/port-connection';
import type { SeenResponse } from '../../../utils/devtools/port-protocol';

const response = (n: number): SeenResponse => ({
  url: `https://shop.example.com/api/${n}`,
  method: 'GET',
  status: 503,
  time: 1000 + n,
  bodyText: `body ${n}`,
  bodyTruncated: false,
});

/** Runs events from a state; returns the last state and every effect, as `type` or `type:detail`. */
function run(events: ConnectionEvent[], state: ConnectionState = initialConnection()) {
  const effects: string[] = [];
  for (const event of events) {
    const next = step(state, event);
    state = next.state;
    effects.push(
      ...next.effects.map((effect) =>
        effect.type === 'post' ? `post:${effect.message.id}` : effect.type === 'schedule-reconnect' ? `schedule:${effect.delayMs}` : effect.type,
      ),
    );
  }
  return { state, effects };
}

describe('the DevTools port', () => {
  it('should not connect until there is something to send, then send it', () => {
    expect(run([]).effects).toEqual([]);
    expect(run([{ type: 'seen', response: response(1) }, { type: 'connected' }]).effects).toEqual(['connect', 'post:1']);
  });

  it('should post at once while connected, and forget what was acknowledged', () => {
    const { state, effects } = run([
      { type: 'seen', response: response(1) },
      { type: 'connected' },
      { type: 'seen', response: response(2) },
      { type: 'ack', id: 1 },
    ]);
    expect(effects).toEqual(['connect', 'post:1', 'post:2']);
    expect(state.unacked.map(({ id }) => id)).toEqual([2]);
  });

  it('should wait quietly after the worker stopped with nothing in flight, and reconnect when needed', () => {
    const idle = run([{ type: 'seen', response: response(1) }, { type: 'connected' }, { type: 'ack', id: 1 }, { type: 'disconnected' }]);
    expect(idle.effects).toEqual(['connect', 'post:1']);
    expect(run([{ type: 'seen', response: response(2) }, { type: 'connected' }], idle.state).effects).toEqual(['connect', 'post:2']);
  });

  it('should reconnect at once when the worker stopped mid-way, and send again what was not acknowledged', () => {
    const { effects } = run([
      { type: 'seen', response: response(1) },
      { type: 'connected' },
      { type: 'seen', response: response(2) },
      { type: 'ack', id: 1 },
      { type: 'disconnected' },
      { type: 'reconnect-due' },
      { type: 'connected' },
    ]);
    expect(effects).toEqual(['connect', 'post:1', 'post:2', 'schedule:0', 'connect', 'post:2']);
  });

  it('should wait longer after each failure in a row, up to the last delay, and start over after an ack', () => {
    const failing: ConnectionEvent[] = [{ type: 'seen', response: response(1) }];
    for (let attempt = 0; attempt < RECONNECT_DELAYS_MS.length + 2; attempt++) failing.push({ type: 'connect-failed' }, { type: 'reconnect-due' });
    const { effects, state } = run(failing);
    expect(effects.filter((effect) => effect.startsWith('schedule'))).toEqual([...RECONNECT_DELAYS_MS, 30_000, 30_000].map((delay) => `schedule:${delay}`));
    expect(run([{ type: 'connected' }, { type: 'ack', id: 1 }], state).state.failures).toBe(0);
    expect(reconnectDelay(0)).toBe(0);
  });

  it('should keep a scheduled backoff when a new response arrives meanwhile', () => {
    const { effects } = run([
      { type: 'seen', response: response(1) },
      { type: 'connect-failed' },
      { type: 'seen', response: response(2) },
      { type: 'reconnect-due' },
      { type: 'connected' },
    ]);
    expect(effects).toEqual(['connect', 'schedule:0', 'connect', 'post:1', 'post:2']);
  });

  it('should keep at most MAX_UNACKED responses waiting, dropping the oldest', () => {
    const events: ConnectionEvent[] = Array.from({ length: MAX_UNACKED + 10 }, (_, index) => ({ type: 'seen', response: response(index) }));
    const { state } = run(events);
    expect(state.unacked.length).toBe(MAX_UNACKED);
    expect(state.unacked[0]!.id).toBe(11);
  });

  it('should deliver every response once the background stays up, however often the worker stopped with messages in flight', () => {
    // A fake background: posts wait in its inbox until it handles them (and acks); a stop loses the inbox.
    const action = fc.constantFrom('seen', 'handle', 'stop', 'tick');
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (script) => {
        let state = initialConnection();
        let up = false;
        let due = false;
        let count = 0;
        let inbox: number[] = [];
        const handled = new Set<number>();
        const queue: ConnectionEvent[] = [];
        const feed = (input: ConnectionEvent) => {
          queue.push(input);
          for (let next = queue.shift(); next; next = queue.shift()) {
            const result = step(state, next);
            state = result.state;
            for (const effect of result.effects) {
              if (effect.type === 'connect') {
                up = true;
                queue.push({ type: 'connected' });
              } else if (effect.type === 'schedule-reconnect') due = true;
              else if (up) inbox.push(effect.message.id);
            }
          }
        };
        const handle = () => {
          const id = inbox.shift();
          if (id === undefined) return;
          handled.add(id);
          feed({ type: 'ack', id });
        };
        for (const move of script) {
          if (move === 'seen') feed({ type: 'seen', response: response(++count) });
          else if (move === 'handle') handle();
          else if (move === 'stop' && up) {
            up = false;
            inbox = [];
            feed({ type: 'disconnected' });
          } else if (move === 'tick' && due) {
            due = false;
            feed({ type: 'reconnect-due' });
          }
        }
        // Afterwards the worker stays up, handles everything and timers fire.
        for (let guard = 0; guard < 100 && (inbox.length > 0 || due); guard++) {
          if (due) {
            due = false;
            feed({ type: 'reconnect-due' });
          }
          while (inbox.length > 0) handle();
        }
        // Scripts are shorter than MAX_UNACKED, so nothing is dropped: every response must have been handled.
        return state.unacked.length === 0 && Array.from({ length: count }, (_, index) => index + 1).every((id) => handled.has(id));
      }),
    );
  });
});
