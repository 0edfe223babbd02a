// Apache httpd's file against its own texts (http_protocol.c, proxy_util.c, mod_proxy_http.c): status lines, pages and headers.
import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';

describe('apache', () => {
  it('names Apache from the status line "502 Proxy Error" alone', () => {
    const explanation = explainResponse({ status: 502, statusText: 'Proxy Error' });
    expect(explanation.gateway?.id).toBe('apache');
    expect(explanation.variantId).toBe('apache-502-proxy-error-no-body');
    expect(explanation.causes.slice(0, 2).map(({ id }) => id)).toEqual(['origin-reset', 'origin-timeout']);
  });

  it('reads the reason quoted on a Proxy Error page copied as text', () => {
    const explanation = explainResponse({
      bodyText: 'Proxy Error\nThe proxy server could not handle the request\nReason: DNS lookup failure for: backend.internal',
    });
    expect(explanation.gateway?.id).toBe('apache');
    expect(explanation.variantId).toBe('apache-proxy-error-dns-lookup-failure');
    expect(explanation.causes[0]!.id).toBe('origin-unreachable');
  });

  it("tells its own 503 from the backend's by the Content-Type when the body is not seen", () => {
    const own = explainResponse({ status: 503, headers: { server: 'Apache/2.4.62 (Debian)', 'content-type': 'text/html; charset=iso-8859-1' } });
    expect(own.source).toBe('gateway');
    expect(own.causes[0]!.id).toBe('origin-unreachable');
    const relayed = explainResponse({ status: 503, headers: { server: 'Apache/2.4.62 (Debian)', 'content-type': 'text/html; charset=utf-8' } });
    expect(relayed.variantId).toBe('apache-error-passed-backend-content-type');
    expect(relayed.source).toBe('origin');
  });

  it('places Apache on the route from its Via entry on a relayed response', () => {
    const explanation = explainResponse({
      status: 500,
      headers: { via: '1.1 www.example.org (Apache/2.4.62)', server: 'gunicorn' },
      bodyText: '<h1>Internal Server Error</h1>',
    });
    expect(explanation.gateway?.id).toBe('apache');
    expect(explanation.source).toBe('origin');
  });
});
