import { describe, expect, it } from 'vitest';
import { isAck, MAX_URL_CHARS, parseResponseSeen, portName, tabIdOfPort } from '../../../utils/devtools/port-protocol';
import { MAX_BODY_CHARS } from '../../../utils/devtools/response-body';

const seen = {
  url: 'https://shop.example.com/api/orders',
  method: 'GET',
  status: 503,
  time: 1_764_252_300_000,
  bodyText: 'upstream connect error',
  bodyTruncated: false,
};
const message = (response: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  type: 'response-seen',
  id: 1,
  response: { ...seen, ...response },
  ...extra,
});

describe('port names', () => {
  it('should name one port per inspected tab, and read the tab back', () => {
    expect(portName(42)).toBe('gatewhy-devtools:42');
    expect(tabIdOfPort(portName(42))).toBe(42);
  });

  it("should not take any other port's name for one", () => {
    for (const name of [
      'gatewhy-devtools:',
      'gatewhy-devtools:-1',
      'gatewhy-devtools:4.2',
      'gatewhy-devtools:1e3',
      'other:42',
      'gatewhy-devtools:99999999999',
      42,
      undefined,
    ])
      expect(tabIdOfPort(name)).toBeUndefined();
  });
});

describe('parseResponseSeen', () => {
  it('should take a well-formed message', () => {
    expect(parseResponseSeen(message())).toEqual({ ok: true, value: message() });
  });

  it('should cut a body over the limit and mark it truncated', () => {
    const parsed = parseResponseSeen(message({ bodyText: 'x'.repeat(MAX_BODY_CHARS * 4) }));
    expect(parsed.ok && parsed.value.response).toMatchObject({ bodyText: 'x'.repeat(MAX_BODY_CHARS), bodyTruncated: true });
  });

  it.each([
    ['not an object', 'nope'],
    ['unknown message type', { ...message(), type: 'store-everything' }],
    ['no message id', message({}, { id: -1 })],
    ['no response', { type: 'response-seen', id: 1 }],
    ['not an http(s) address', message({ url: 'javascript:alert(1)' })],
    ['not an http(s) address', message({ url: `https://a.example/${'x'.repeat(MAX_URL_CHARS)}` })],
    ['not a request method', message({ method: 'get; drop' })],
    ['not a server error status', message({ status: 200 })],
    ['not a server error status', message({ status: 503.5 })],
    ['no time', message({ time: Number.NaN })],
    ['no body', message({ bodyText: { text: 'x' } })],
  ])('should refuse a message with %s', (error, input) => {
    expect(parseResponseSeen(input)).toEqual({ ok: false, error });
  });

  it('should carry no headers even when sent some', () => {
    const parsed = parseResponseSeen(message({ headers: [{ name: 'Cookie', value: 'SECRET' }] }));
    expect(JSON.stringify(parsed)).not.toContain('SECRET');
  });
});

describe('isAck', () => {
  it("should know the background's answer", () => {
    expect(isAck({ type: 'ack', id: 3, attached: true })).toBe(true);
    expect(isAck({ type: 'ack', id: '3', attached: true })).toBe(false);
    expect(isAck(null)).toBe(false);
  });
});
