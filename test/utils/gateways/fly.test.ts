// Fly.io's rules as a user meets them: a pasted proxy log line, the proxy's bare errors, and the app's own pages.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

const FLY = { 'fly-request-id': '01HV8Z3T6W9J5R2K4M7N0P1Q2R-ord', via: '1.1 fly.io', server: 'Fly/6e4fb8a0d (2026-01-01)' };

describe('Fly.io', () => {
  it('names the P-code of a pasted proxy log line and its cause', () => {
    const result = seen({
      bodyText: '2026-01-01T00:00:00Z proxy[e784] ord [error] [PC01] instance refused connection. is your app listening on 0.0.0.0:8080?',
    });
    expect(result.gateway).toBe('fly');
    expect(result.variant).toBe('fly-pc01-log-line');
    expect(result.causes[0]).toBe('origin-unreachable');
  });

  it('reads "no known healthy instances" as PR01', () => {
    expect(
      seen({ bodyText: 'could not find a good candidate within 90 attempts at load balancing. last error: no known healthy instances found for route tcp/443' })
        .variant,
    ).toBe('fly-pr01-log-line');
  });

  it("calls a bare 502 the proxy's own and a 502 with a page the app's", () => {
    const bare = seen({ status: 502, headers: FLY });
    expect(bare.variant).toBe('fly-502-proxy');
    expect(bare.source).toBe('gateway');
    expect(bare.explanation.bodyWouldTell).toContain('fly logs');
    const app = seen({ status: 502, headers: { ...FLY, 'content-type': 'text/html' }, bodyText: '<h1>Bad Gateway from my app</h1>' });
    expect(app.gateway).toBe('fly');
    expect(app.source).toBe('origin');
  });
});
