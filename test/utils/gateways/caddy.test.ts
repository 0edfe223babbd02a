// Caddy's file against what reverseproxy.go and server.go send: an empty error, or a relayed response marked by Via.
import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';

describe('caddy', () => {
  it('reads an empty 504 as a connection that never opened first: only dial_timeout has a default', () => {
    const explanation = explainResponse({ status: 504, headers: { server: 'Caddy', 'content-length': '0' }, bodyText: '' });
    expect(explanation.source).toBe('gateway');
    expect(explanation.causes.map(({ id }) => id).slice(0, 2)).toEqual(['origin-unreachable', 'origin-timeout']);
    expect(explanation.bodyWouldTell).toBeUndefined();
  });

  it('reads "Via: 1.1 Caddy" as a response relayed from the upstream (Caddy 2.10+)', () => {
    const explanation = explainResponse({
      status: 502,
      headers: { via: '1.1 Caddy', server: 'gunicorn', 'content-type': 'text/html' },
      bodyText: '<h1>Bad Gateway</h1>',
    });
    expect(explanation.gateway?.id).toBe('caddy');
    expect(explanation.source).toBe('origin');
  });

  it("reads a body under Caddy's own Server header as the upstream's (before 2.10)", () => {
    const explanation = explainResponse({ status: 503, headers: { server: 'Caddy', 'content-type': 'application/json' }, bodyText: '{"error":"down"}' });
    expect(explanation.variantId).toBe('caddy-error-passed-upstream');
    expect(explanation.source).toBe('origin');
  });
});
