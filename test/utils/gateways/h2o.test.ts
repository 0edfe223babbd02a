// h2o's file against its own error strings (httpclient.c, socket.c, hostinfo.c, fastcgi.c) as h2o sends them.
import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';

const gatewayError = (body: string) =>
  explainResponse({
    status: 502,
    statusText: 'Gateway Error',
    headers: { server: 'h2o/2.3.0-DEV', 'content-type': 'text/plain; charset=utf-8' },
    bodyText: body,
  });

describe('h2o', () => {
  it.each([
    ['connection refused', 'origin-unreachable'],
    ['temporary failure in name resolution', 'origin-unreachable'],
    ['certificate has expired', 'origin-tls'],
    ['first byte timeout', 'origin-timeout'],
    ['line folding of header fields is not supported', 'origin-invalid-response'],
  ])('reads "%s" as %s', (body, cause) => {
    const explanation = gatewayError(body);
    expect(explanation.source).toBe('gateway');
    expect(explanation.causes[0]!.id).toBe(cause);
  });

  it('names h2o from its status line alone', () => {
    expect(explainResponse({ status: 502, statusText: 'Gateway Error' }).gateway?.id).toBe('h2o');
  });

  it("reads a 504 or an HTML 502 as the upstream's: h2o's own errors are plain-text 502s", () => {
    expect(explainResponse({ status: 504, headers: { server: 'h2o/2.2.6' } }).source).toBe('origin');
    expect(explainResponse({ status: 502, headers: { server: 'h2o/2.2.6', 'content-type': 'text/html' }, bodyText: '<h1>Oops</h1>' }).source).toBe('origin');
  });
});
