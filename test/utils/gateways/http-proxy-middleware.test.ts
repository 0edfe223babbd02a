// http-proxy-middleware's file against its error text (error-response-plugin.ts) and its status map (status-code.ts).
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

describe('http-proxy-middleware', () => {
  it('reads its 504 as a target it could not reach, not as a slow one', () => {
    const result = seen({
      status: 504,
      headers: { 'x-powered-by': 'Express', 'transfer-encoding': 'chunked' },
      bodyText: 'Error occurred while trying to proxy: localhost:3000/api/users',
    });
    expect(result.gateway).toBe('http-proxy-middleware');
    expect(result.source).toBe('gateway');
    expect(result.causes[0]).toBe('origin-unreachable');
    expect(result.route).toEqual(['http-proxy-middleware:wrote']);
  });

  it('reads its 502 as a response Node could not parse', () => {
    expect(seen({ status: 502, bodyText: 'Error occurred while trying to proxy: localhost:3000/api/users' }).causes[0]).toBe('origin-invalid-response');
  });

  it('takes a pasted text without its status, in the old spelling, for its 504', () => {
    const { explanation } = seen({ bodyText: 'Error occured while trying to proxy to: localhost:8080/api' });
    expect(explanation.gateway?.id).toBe('http-proxy-middleware');
    expect(explanation.status).toBe(504);
    expect(explanation.evidence.status).toBe('inferred');
  });

  it("leaves an application's own 504 alone", () => {
    const result = seen({
      status: 504,
      headers: { 'x-powered-by': 'Express', 'content-type': 'application/json' },
      bodyText: '{"error":"upstream timed out while trying to reach the payments service"}',
    });
    expect(result.gateway).not.toBe('http-proxy-middleware');
  });
});
