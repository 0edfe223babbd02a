// nginx's file against its own page texts (ngx_http_special_response.c, docs/html/50x.html), as a user would paste them.
import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';

describe('nginx', () => {
  it('names nginx as the writer of a 502 copied as text from the browser', () => {
    const explanation = explainResponse({ bodyText: '502 Bad Gateway\nnginx/1.24.0' });
    expect(explanation.status).toBe(502);
    expect(explanation.gateway?.id).toBe('nginx');
    expect(explanation.source).toBe('gateway');
    expect(explanation.variantId).toBe('nginx-502-bad-gateway-nginxs-own-page');
  });

  it("reads OpenResty's footer as nginx's page", () => {
    const explanation = explainResponse({
      status: 504,
      bodyText:
        '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center><hr><center>openresty/1.21.4.1</center></body></html>',
    });
    expect(explanation.variantId).toBe('nginx-504-gateway-time-out-nginxs-own');
    expect(explanation.causes[0]!.id).toBe('origin-timeout');
  });

  it('says nginx wrote its sample 50x.html page even when the status is not known', () => {
    const explanation = explainResponse({
      bodyText: 'An error occurred.\nSorry, the page you are looking for is currently unavailable.\nPlease try again later.\nFaithfully yours, nginx.',
    });
    expect(explanation.gateway?.id).toBe('nginx');
    expect(explanation.source).toBe('gateway');
    expect(explanation.variantId).toBe('nginx-50x-sample-page-status-not-stated');
  });

  it("passes on an application's page, and a headers-only 503, without claiming them", () => {
    const relayed = explainResponse({
      status: 502,
      headers: { server: 'nginx/1.24.0', 'content-type': 'text/html; charset=utf-8' },
      bodyText: '<h1>Payment service is down</h1>',
    });
    expect(relayed.gateway?.id).toBe('nginx');
    expect(relayed.source).toBe('origin');
    const headersOnly = explainResponse({ status: 503, headers: { server: 'nginx' } });
    expect(headersOnly.variantId).toBe('nginx-503-no-body');
    expect(headersOnly.source).toBe('unknown');
  });
});
