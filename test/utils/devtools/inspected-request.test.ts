import { describe, expect, it } from 'vitest';
import { isFailedEntry, readEntry } from '../../../utils/devtools/inspected-request';

const entry = (status: number, extra: Record<string, unknown> = {}) => ({
  startedDateTime: '2026-11-27T14:05:00.000Z',
  request: { url: 'https://shop.example.com/api/orders?user=7', method: 'get' },
  response: {
    status,
    statusText: 'Service Unavailable',
    headers: [
      { name: 'server', value: 'envoy' },
      { name: 'set-cookie', value: 'session=SECRET; HttpOnly' },
    ],
  },
  _resourceType: 'fetch',
  ...extra,
});

describe('isFailedEntry', () => {
  it('should take every response of 500 or more, and nothing below', () => {
    expect([500, 502, 503, 504, 520, 530, 599].every((status) => isFailedEntry(entry(status)))).toBe(true);
    expect([200, 301, 404, 429, 499].some((status) => isFailedEntry(entry(status)))).toBe(false);
  });

  it('should take a request that got no response, unless the user or a blocker stopped it', () => {
    expect(isFailedEntry({ response: { status: 0, _error: 'net::ERR_CONNECTION_REFUSED' } })).toBe(true);
    expect(isFailedEntry({ response: { status: 0, _error: 'net::ERR_ABORTED' } })).toBe(false);
    expect(isFailedEntry({ response: { status: 0, _error: 'net::ERR_BLOCKED_BY_CLIENT' } })).toBe(false);
    expect(isFailedEntry({ response: { status: 0 } })).toBe(false);
  });

  it('should not throw on odd input', () => {
    for (const odd of [{}, { response: null }, { response: { status: '503' } }, { response: { status: 1e9 } }]) expect(isFailedEntry(odd as never)).toBe(false);
  });
});

describe('readEntry', () => {
  it('should read what the panel shows, with cookies redacted', () => {
    const request = readEntry(entry(503));
    expect(request).toMatchObject({
      key: '2026-11-27T14:05:00.000Z GET https://shop.example.com/api/orders?user=7',
      url: 'https://shop.example.com/api/orders?user=7',
      method: 'GET',
      status: 503,
      statusText: 'Service Unavailable',
      type: 'xmlhttprequest',
      time: Date.UTC(2026, 10, 27, 14, 5),
      bodyState: 'reading',
    });
    expect(request.headers).toEqual([
      { name: 'server', value: 'envoy' },
      { name: 'set-cookie', value: 'session=[redacted]' },
    ]);
    expect(JSON.stringify(request)).not.toContain('SECRET');
  });

  it("should tell the page's own document from a frame's", () => {
    const document = entry(502, { _resourceType: 'document', request: { url: 'https://shop.example.com/', method: 'GET' } });
    expect(readEntry(document, 'https://shop.example.com/').type).toBe('main_frame');
    expect(readEntry(document, 'https://other.example/').type).toBe('sub_frame');
  });

  it('should keep the network error of a request that got no response', () => {
    expect(readEntry({ request: { url: 'https://a.example/' }, response: { status: 0, _error: 'net::ERR_NAME_NOT_RESOLVED' } })).toMatchObject({
      status: 0,
      networkError: 'net::ERR_NAME_NOT_RESOLVED',
    });
  });

  it('should read hostile input as empty fields, never throwing', () => {
    const request = readEntry({ request: { url: 42, method: null }, response: { status: -1, headers: 'nope' }, startedDateTime: 'yesterday' } as never);
    expect(request).toMatchObject({ url: '', method: 'GET', status: 0, time: 0, headers: [] });
  });
});
