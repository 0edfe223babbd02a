// Fastly's obj.response read from the reason phrase or the page; Fastly over the Varnish it runs on.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

const FASTLY = { 'x-served-by': 'cache-iad-kiad7000045-IAD', 'x-timer': 'S1762300851.1,VS0,VE15001', via: '1.1 varnish' };

describe('fastly', () => {
  it('reads the failure off the reason phrase when only the headers are known', () => {
    const result = seen({ status: 503, statusText: 'first byte timeout', headers: FASTLY });
    expect(result.route).toEqual(['fastly:wrote']);
    expect(result.causes[0]).toBe('origin-timeout');
  });

  it('reads its page pasted without a status', () => {
    const result = seen({
      bodyText:
        'Error 503 Backend.max_conn reached\nBackend.max_conn reached\nError 54113\nDetails: cache-iad2136-IAD 1429109318 3487436242\nVarnish cache server',
    });
    expect(result.gateway).toBe('fastly');
    expect(result.variant).toBe('fastly-503-backend-max-conn-reached');
    expect(result.causes[0]).toBe('overloaded');
  });

  it("reads its page on another status as the service's own VCL, not an origin failure", () => {
    const result = seen({
      status: 403,
      headers: FASTLY,
      bodyText:
        '<h1>Error 403 URL Blocked</h1><p>URL Blocked</p><h3>Error 54113</h3><p>Details: cache-dub4332-DUB 1762300851 2174292692</p><hr><p>Varnish cache server</p>',
    });
    expect(result.variant).toBe('fastly-vcl-error-page');
    expect(result.source).toBe('gateway');
  });
});
