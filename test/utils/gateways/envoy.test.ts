// Envoy's answers as a user meets them: the reset reason names the failure; service time says an inner hop wrote it.
import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';

const RESET = 'upstream connect error or disconnect/reset before headers. reset reason: ';

describe('Envoy', () => {
  it('reads the transport failure reason: a TLS error is TLS, a delayed connect error is nothing listening', () => {
    const tls = explainResponse({
      status: 503,
      headers: { server: 'envoy' },
      bodyText: `${RESET}remote connection failure, transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end`,
    });
    expect(tls.causes[0]!.id).toBe('origin-tls');
    const refused = explainResponse({
      status: 503,
      headers: { server: 'envoy' },
      bodyText: `${RESET}remote connection failure, transport failure reason: delayed connect error: Connection refused`,
    });
    expect(refused.causes[0]!.id).toBe('origin-unreachable');
  });

  it('says an inner hop wrote an Envoy reply that an outer Envoy relayed (x-envoy-upstream-service-time)', () => {
    const explanation = explainResponse({
      status: 503,
      headers: { server: 'istio-envoy', 'x-envoy-upstream-service-time': '2' },
      bodyText: 'no healthy upstream',
    });
    expect(explanation.gateway?.id).toBe('envoy');
    expect(explanation.source).toBe('origin');
  });

  it('names the reply from its length when only headers are seen', () => {
    const explanation = explainResponse({ status: 503, headers: { server: 'envoy', 'content-type': 'text/plain', 'content-length': '19' } });
    expect(explanation.variantId).toBe('envoy-503-no-body-no-healthy-upstream');
  });
});
