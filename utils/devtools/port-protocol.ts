// What DevTools → Gatewhy tells the background over its port, and how the background checks it.
//
// One port per inspected tab, named "gatewhy-devtools:<tabId>". DevTools sends each failed response it saw, with the
// start of its body (the background never sees bodies of requests inside a page); the background answers each with an
// ack once it has been attached to the stored failure, or given up on. Unacknowledged responses are sent again after a
// reconnect, so a service worker that stops mid-way loses nothing.
//
//   devtools → background  { type: 'response-seen', id, response: { url, method, status, time, bodyText, bodyTruncated } }
//   background → devtools  { type: 'ack', id, attached }
import type { FailureBody } from '../attach-body';
import { MAX_BODY_CHARS } from './response-body';

export const PORT_PREFIX = 'gatewhy-devtools:';

export const portName = (tabId: number) => `${PORT_PREFIX}${tabId}`;

/** The inspected tab a port speaks for, or undefined when the name is not a DevTools → Gatewhy port's. */
export function tabIdOfPort(name: unknown): number | undefined {
  if (typeof name !== 'string' || !name.startsWith(PORT_PREFIX)) return undefined;
  const digits = name.slice(PORT_PREFIX.length);
  if (!/^\d{1,10}$/.test(digits)) return undefined;
  const tabId = Number(digits);
  return Number.isSafeInteger(tabId) ? tabId : undefined;
}

/** A failed response as DevTools saw it: enough to find it among the recorded failures, and its body. No headers. */
export type SeenResponse = Omit<FailureBody, 'requestId'>;

export interface ResponseSeenMessage {
  type: 'response-seen';
  /** Counts up per port; the ack names it. */
  id: number;
  response: SeenResponse;
}

export interface AckMessage {
  type: 'ack';
  id: number;
  /** False when no stored failure matched (the background did not record it, or the tab moved on). */
  attached: boolean;
}

/** Longest address accepted: longer ones are not a request Gatewhy stored (webRequest gives the same address). */
export const MAX_URL_CHARS = 8192;

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/**
 * Checks a message from a DevTools port. Anything else than a well-formed response-seen message is refused with the
 * reason; a body over MAX_BODY_CHARS is cut there and marked truncated, never kept whole.
 */
export function parseResponseSeen(message: unknown): Checked<ResponseSeenMessage> {
  if (!message || typeof message !== 'object') return fail('not an object');
  const { type, id, response } = message as Partial<Record<keyof ResponseSeenMessage, unknown>>;
  if (type !== 'response-seen') return fail('unknown message type');
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return fail('no message id');
  if (!response || typeof response !== 'object') return fail('no response');
  const { url, method, status, time, bodyText, bodyTruncated } = response as Partial<Record<keyof SeenResponse, unknown>>;
  if (typeof url !== 'string' || url.length > MAX_URL_CHARS || !/^https?:\/\//i.test(url)) return fail('not an http(s) address');
  if (typeof method !== 'string' || !/^[A-Z]{1,16}$/.test(method)) return fail('not a request method');
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 500 || status > 599) return fail('not a server error status');
  if (typeof time !== 'number' || !Number.isFinite(time) || time <= 0) return fail('no time');
  if (typeof bodyText !== 'string') return fail('no body');
  const cut = bodyText.length > MAX_BODY_CHARS;
  return {
    ok: true,
    value: {
      type,
      id,
      response: { url, method, status, time, bodyText: cut ? bodyText.slice(0, MAX_BODY_CHARS) : bodyText, bodyTruncated: cut || bodyTruncated === true },
    },
  };
}

/** True for the background's answer to a response-seen message. */
export function isAck(message: unknown): message is AckMessage {
  const { type, id, attached } = (message ?? {}) as Partial<Record<keyof AckMessage, unknown>>;
  return type === 'ack' && typeof id === 'number' && typeof attached === 'boolean';
}
