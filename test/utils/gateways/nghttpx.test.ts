// nghttpx's file against its page template (shrpx_http.cc) and its Via rule, old versions included.
import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';

describe('nghttpx', () => {
  it('names nghttpx from its page copied as text', () => {
    const explanation = explainResponse({ bodyText: '504 Gateway Timeout\nnghttpx' });
    expect(explanation.gateway?.id).toBe('nghttpx');
    expect(explanation.gateway?.known).toBe(true);
    expect(explanation.variantId).toBe('nghttpx-504-gateway-timeout-own-page');
  });

  it('reads an old version\'s 503 ("… at port …" footer) as a failed backend connection', () => {
    const explanation = explainResponse({
      bodyText:
        '<!DOCTYPE html><html lang="en"><title>503 Service Unavailable</title><body><h1>503 Service Unavailable</h1><footer>nghttpx nghttp2/1.19.0 at port 443</footer></body></html>',
    });
    expect(explanation.status).toBe(503);
    expect(explanation.source).toBe('gateway');
    expect(explanation.causes[0]!.id).toBe('origin-unreachable');
  });

  it('tells its own error from a relayed one by Via when the body is not seen', () => {
    expect(explainResponse({ status: 502, headers: { server: 'nghttpx', 'content-length': '129' } }).source).toBe('gateway');
    const relayed = explainResponse({ status: 502, headers: { server: 'nghttpx', via: '1.1 nghttpx' } });
    expect(relayed.variantId).toBe('nghttpx-response-relayed-via');
    expect(relayed.source).toBe('origin');
  });
});
