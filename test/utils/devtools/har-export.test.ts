import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failuresHar, harFileName, sanitizeEntry, withResponseText } from '../../../utils/devtools/har-export';
import { isSensitiveHeader } from '../../../utils/headers';
import { ENVOY_503, harEntry, T0 } from '../../support/inspected';

const SECRET = 'SECRET-VALUE';
const raw = () => {
  const entry = harEntry(ENVOY_503, {
    url: `https://shop.example.com/api/orders?token=${SECRET}`,
    requestHeaders: [
      ['Cookie', `session=${SECRET}`],
      ['Authorization', `Bearer ${SECRET}`],
      ['X-CSRF-Token', SECRET],
      ['Referer', `https://shop.example.com/cart?coupon=${SECRET}`],
      ['Accept', 'application/json'],
    ],
    extraHeaders: [
      ['Set-Cookie', `sid=${SECRET}; HttpOnly`],
      ['X-Request-Id', 'req-42'],
    ],
  });
  return {
    ...entry,
    request: { ...entry.request, cookies: [{ name: 'session', value: SECRET }], postData: { mimeType: 'application/json', text: `{"password":"${SECRET}"}` } },
    response: { ...entry.response, cookies: [{ name: 'sid', value: SECRET }] },
    _initiator: { type: 'script', url: `https://shop.example.com/app.js?key=${SECRET}` },
    _webSocketMessages: [{ data: SECRET }],
    connection: '1234',
  };
};

describe('sanitizeEntry', () => {
  it("should leave out every cookie, credential and token as Chrome's sanitised export does, and more", () => {
    const entry = sanitizeEntry(raw());
    expect(entry.request.cookies).toEqual([]);
    expect(entry.response.cookies).toEqual([]);
    expect(entry.request.headers).toContainEqual({ name: 'Authorization', value: '[redacted]' });
    expect(entry.request.headers).toContainEqual({ name: 'Cookie', value: '[redacted]' });
    expect(entry.request.headers).toContainEqual({ name: 'X-CSRF-Token', value: '[redacted]' });
    expect(entry.request.headers).toContainEqual({ name: 'Accept', value: 'application/json' });
    expect(entry.response.headers).toContainEqual({ name: 'Set-Cookie', value: 'sid=[redacted]' });
    expect(entry.response.headers).toContainEqual({ name: 'X-Request-Id', value: 'req-42' });
    expect(entry.request.comment).toMatch(/request body is left out/);
    expect(entry.request).not.toHaveProperty('postData');
    const text = JSON.stringify(entry);
    expect(text).not.toContain('_initiator');
    expect(text).not.toContain('_webSocketMessages');
  });

  it('should keep what a HAR viewer needs: times, status, sizes, timings', () => {
    const entry = sanitizeEntry(raw());
    expect(entry).toMatchObject({
      startedDateTime: new Date(T0).toISOString(),
      time: 120,
      request: { method: 'GET', httpVersion: 'HTTP/1.1' },
      response: { status: 503, statusText: 'Service Unavailable', content: { mimeType: 'text/plain' } },
      timings: { blocked: 1, dns: -1, wait: 100, receive: 1 },
      _resourceType: 'fetch',
    });
  });

  it('should redact every header whose name says it can carry a credential, whatever the name', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,30}$/), fc.stringMatching(/^[A-Za-z0-9]{8,40}$/), (name, value) => {
        const sensitive = isSensitiveHeader(name);
        const entry = sanitizeEntry({
          request: { url: 'https://a.example/', headers: [{ name, value: `v-${value}` }] } as never,
          response: { status: 502, headers: [{ name, value: `v-${value}` }] },
        } as never);
        return !sensitive || !JSON.stringify(entry).includes(`v-${value}`);
      }),
    );
  });

  it('should not throw on hostile input', () => {
    for (const odd of [{}, { request: null, response: 'x' }, { timings: 'x', request: { headers: 7, queryString: 'q' } }])
      expect(() => sanitizeEntry(odd as never)).not.toThrow();
  });
});

describe('failuresHar', () => {
  const entries = [withResponseText(sanitizeEntry(raw()), { text: 'upstream connect error', truncated: true })];

  it('should be a HAR 1.2 log with the body Gatewhy read, saying when it was cut', () => {
    const har = failuresHar(entries, { includeQuery: true, version: '0.1.0' });
    expect(har.log).toMatchObject({ version: '1.2', creator: { name: 'Gatewhy', version: '0.1.0' }, pages: [] });
    expect(har.log.entries[0]!.response.content).toMatchObject({ text: 'upstream connect error', comment: expect.stringContaining('first 16384 characters') });
  });

  it('should strip query strings everywhere unless asked', () => {
    const stripped = JSON.stringify(failuresHar(entries, { includeQuery: false }));
    expect(stripped).not.toContain(SECRET);
    expect(stripped).toContain('"url": "https://shop.example.com/api/orders"'.replace(': ', ':'));
    expect(JSON.stringify(failuresHar(entries, { includeQuery: true }))).toContain(`token=${SECRET}`);
  });

  it('should name the file after the time', () => {
    expect(harFileName(T0)).toBe('gatewhy-failures-2026-11-27T14-05-00Z.har');
  });
});
