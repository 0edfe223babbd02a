// Kong's answers as a user meets them: its messages without headers, and its headers without a body.
import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';

const PROXIED = { via: '1.1 kong/3.9.1', 'x-kong-upstream-latency': '3', 'x-kong-proxy-latency': '0' };

describe('Kong', () => {
  it('names Kong from its HTML page alone, as a browser shows it', () => {
    const explanation = explainResponse({
      bodyText:
        '<!doctype html>\n<html>\n  <head>\n    <title>Error</title>\n  </head>\n  <body>\n    <h1>Error</h1>\n    <p>name resolution failed.</p>\n    <p>request_id: 3f9a</p>\n  </body>\n</html>\n',
    });
    expect(explanation.gateway?.id).toBe('kong');
    expect(explanation.source).toBe('gateway');
    expect(explanation.causes[0]!.id).toBe('origin-unreachable');
  });

  it("reads a proxied 502 with Kong's own Server (or nginx's \"openresty\") as Kong's error, another Server as the upstream's", () => {
    for (const server of ['kong/3.9.1', 'openresty']) {
      const own = explainResponse({ status: 502, headers: { ...PROXIED, server, 'content-length': '120' } });
      expect(own.variantId).toBe('kong-502-no-body');
      expect(own.source).toBe('gateway');
    }
    const relayed = explainResponse({ status: 502, headers: { ...PROXIED, server: 'gunicorn', 'content-length': '120' } });
    expect(relayed.gateway?.id).toBe('kong');
    expect(relayed.source).toBe('origin');
  });

  it('reads X-Kong-Response-Latency as Kong answering without proxying', () => {
    const explanation = explainResponse({ status: 503, headers: { server: 'kong/3.9.1', 'x-kong-response-latency': '1', 'content-length': '80' } });
    expect(explanation.variantId).toBe('kong-503-no-body-answered-itself');
    expect(explanation.source).toBe('gateway');
  });

  it("says the upstream wrote a proxied error whose body is none of Kong's messages", () => {
    const explanation = explainResponse({ status: 500, headers: { ...PROXIED, server: 'gunicorn' }, bodyText: '{"error":"database is down"}' });
    expect(explanation.source).toBe('origin');
    // gunicorn's Server header is on the application's own answers only, so the route ends with it as the writer.
    expect(explanation.route.map(({ id, role }) => `${id}:${role}`)).toEqual(['kong:relayed', 'gunicorn:wrote']);
  });
});
