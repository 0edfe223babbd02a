// Varnish's answers as a user meets them: its own replies carry Server: Varnish, whatever else it relays does not.
import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';

describe('Varnish', () => {
  it('names a failed backend fetch from the status line alone', () => {
    const explanation = explainResponse({ status: 503, statusText: 'Backend fetch failed', headers: {} });
    expect(explanation.gateway?.id).toBe('varnish');
    expect(explanation.variantId).toBe('varnish-503-backend-fetch-failed-guru-meditation');
  });

  it('tells a backend-error object (Via, Age) from a VCL synth reply (neither) with headers only', () => {
    const own = { server: 'Varnish', 'x-varnish': '32770', 'retry-after': '5', 'content-length': '278' };
    expect(explainResponse({ status: 503, headers: { ...own, age: '0', via: '1.1 varnish (Varnish/7.1)' } }).variantId).toBe(
      'varnish-503-no-body-backend-error',
    );
    expect(explainResponse({ status: 503, headers: own }).variantId).toBe('varnish-503-no-body-synthetic');
  });

  it('says the backend wrote a relayed error, though X-Varnish is on it', () => {
    const explanation = explainResponse({
      status: 502,
      headers: { 'x-varnish': '24', age: '0', via: '1.1 varnish (Varnish/7.1)', server: 'nginx', 'content-length': '70' },
    });
    expect(explanation.gateway?.id).toBe('varnish');
    expect(explanation.source).toBe('origin');
  });
});
