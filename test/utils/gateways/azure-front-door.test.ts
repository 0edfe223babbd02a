// Azure Front Door's rules as a user meets them: the ErrorInfo its page names, its headers alone, and the origin's own errors.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

const REF = { 'x-azure-ref': '20260101T000000Z-abcdef0123456789' };

describe('Azure Front Door', () => {
  it('reads the ErrorInfo value on its pasted page', () => {
    const result = seen({ bodyText: "The service behind this page isn't responding to Azure Front Door.\nGateway Timeout\nError Info:SSLHandshakeError" });
    expect(result.gateway).toBe('azure-front-door');
    expect(result.variant).toBe('azure-front-door-error-info-sslhandshakeerror');
    expect(result.causes[0]).toBe('origin-tls');
  });

  it('reads the value as the docs and logs write it too', () => {
    expect(seen({ status: 503, bodyText: 'Error Info:OriginConnectionAborted', headers: REF }).causes[0]).toBe('origin-reset');
    expect(seen({ status: 504, bodyText: 'ErrorInfo: OriginTimeout', headers: REF }).variant).toBe('azure-front-door-error-info-origintimeout-doors-own-page');
  });

  it('with headers only, calls a 504 a timeout without claiming who wrote it', () => {
    const result = seen({ status: 504, headers: REF });
    expect(result.causes[0]).toBe('origin-timeout');
    expect(result.explanation.bodyWouldTell).toContain('Error Info');
  });

  it("says the origin wrote a page that is not Front Door's", () => {
    const result = seen({ status: 502, headers: REF, bodyText: '<html><body><h1>Upstream app error</h1></body></html>' });
    expect(result.gateway).toBe('azure-front-door');
    expect(result.source).toBe('origin');
  });

  it('names a host with no Front Door configuration a configuration problem', () => {
    const result = seen({ status: 404, bodyText: "Oops! We weren't able to find your Azure Front Door Service configuration." });
    expect(result.variant).toBe('azure-front-door-configuration-not-found');
  });
});
