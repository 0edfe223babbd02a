// Traefik's file against what proxy.go, wrr.go and rate_limiter.go write: bare status texts with exact lengths.
import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';

const plain = (status: number, body: string) =>
  explainResponse({ status, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(body.length) }, bodyText: body });

describe('traefik', () => {
  it('never reads its 502 as a TLS failure: Traefik answers those with 500', () => {
    const explanation = plain(502, 'Bad Gateway');
    expect(explanation.gateway?.id).toBe('traefik');
    expect(explanation.causes.map(({ id }) => id)).not.toContain('origin-tls');
  });

  it('reads a 504 first as a connection that never opened: only dialTimeout has a default', () => {
    expect(plain(504, 'Gateway Timeout').causes[0]!.id).toBe('origin-unreachable');
  });

  it('reads the load balancer\'s "no available server"', () => {
    const explanation = plain(503, 'no available server\n');
    expect(explanation.variantId).toBe('traefik-503-no-available-server');
    expect(explanation.causes[0]!.id).toBe('origin-unreachable');
  });

  it('does not name Traefik for a bare "Bad Gateway" with a newline, as Go\'s http.Error writes it', () => {
    expect(plain(502, 'Bad Gateway\n').gateway?.id).not.toBe('traefik');
  });
});
