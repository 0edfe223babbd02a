// Traffic Server's answers as a user meets them: its reason phrase over HTTP/1, its template's length over HTTP/2.
import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';

const OWN = { server: 'ATS/9.2.9', 'cache-control': 'no-store', 'content-type': 'text/html', 'content-language': 'en' };

describe('Apache Traffic Server', () => {
  it('reads "Malformed Server Response Status" as a connection closed before any header, "Invalid HTTP Response" as garbage', () => {
    expect(explainResponse({ status: 502, statusText: 'Malformed Server Response Status', headers: OWN }).causes[0]!.id).toBe('origin-reset');
    expect(explainResponse({ status: 502, statusText: 'Invalid HTTP Response', headers: OWN }).causes[0]!.id).toBe('origin-invalid-response');
  });

  it('names the page from its length when there is no reason phrase (HTTP/2)', () => {
    const explanation = explainResponse({ status: 503, headers: { ...OWN, 'content-length': '207' } });
    expect(explanation.variantId).toBe('trafficserver-503-no-body-congested');
    expect(explanation.causes[0]!.id).toBe('overloaded');
  });

  it("says the origin wrote an error without Traffic Server's page headers", () => {
    const explanation = explainResponse({ status: 502, headers: { server: 'ATS/9.2.9', 'content-type': 'application/json', 'content-length': '70' } });
    expect(explanation.gateway?.id).toBe('trafficserver');
    expect(explanation.source).toBe('origin');
  });
});
