import { describe, expect, it } from 'vitest';
import { explainResponse, type ExplainInput } from '../../../utils/explain/explain-response';
import { parseHttpResponse } from '../../../utils/http-message';
import { readFixture, FIXTURE_ROOT } from '../../support/fixtures';
import path from 'node:path';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

/** Explains a captured fixture, e.g. "nginx/refused.http". */
function explainFixture(name: string) {
  const response = parseHttpResponse(readFixture(path.join(FIXTURE_ROOT, name)).text);
  return explainResponse({ status: response.status, statusText: response.statusText, headers: response.headers, bodyText: response.body, now: NOW });
}
const explain = (input: Partial<ExplainInput>) => explainResponse({ status: 502, now: NOW, ...input });

describe('explainResponse on captured responses', () => {
  it('names nginx as the writer of its own 502 and says which log line tells refused from reset', () => {
    const explanation = explainFixture('nginx/refused.http');
    expect(explanation.headline).toBe('502 from nginx: the gateway could not connect to the origin server');
    expect(explanation.source).toBe('gateway');
    expect(explanation.causes.map(({ id }) => id).slice(0, 2)).toEqual(['origin-unreachable', 'origin-reset']);
    expect(explanation.tellApart).toContain('connect() failed (111: Connection refused)');
    expect(explanation.tellApart).toContain('upstream prematurely closed connection');
  });

  it('tells an application\'s own error relayed by nginx from nginx\'s page', () => {
    const explanation = explainFixture('nginx/app-502.http');
    expect(explanation.gateway?.id).toBe('nginx');
    expect(explanation.source).toBe('origin');
    expect(explanation.causes[0]!.id).toBe('origin-app-error');
  });

  it('reads Cloudflare\'s 52x codes and links its status page', () => {
    const explanation = explain({ status: 521, headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6789-SJC' } });
    expect(explanation.headline).toBe('521 from Cloudflare: the gateway could not connect to the origin server');
    expect(explanation.variant).toBe('Error 521: Web server is down');
    expect(explanation.statusPage).toBe('https://www.cloudflarestatus.com/');
    expect(explanation.gateway?.evidence.join(' ')).toContain('cf-ray: 8a1b2c3d4e5f6789-SJC');
  });

  it('claims no gateway for a plain application error', () => {
    const explanation = explainFixture('none/app-500-json.http');
    expect(explanation.gateway).toBeNull();
    expect(explanation.headline).not.toContain(' from ');
  });
});

describe('cached errors', () => {
  it('calls out a cached error and advises a cache-bypassing reload', () => {
    const explanation = explain({ status: 503, headers: { server: 'cloudflare', 'cf-ray': '1-AMS', 'cf-cache-status': 'HIT', age: '42' } });
    expect(explanation.cached).toBe(true);
    expect(explanation.cacheEvidence.join(' ')).toContain('42 s');
    expect(explanation.advice.visitor.join(' ')).toContain('bypassing the cache');
  });

  it('does not call a fresh error cached', () => {
    expect(explain({ headers: { age: '0', 'x-cache': 'Miss from cloudfront' } }).cached).toBe(false);
  });
});

describe('who wrote the error', () => {
  it('trusts Envoy\'s upstream timing header: the upstream answered', () => {
    const explanation = explain({ status: 503, headers: { server: 'envoy', 'x-envoy-upstream-service-time': '12' }, bodyText: '{"error":"db down"}' });
    expect(explanation.gateway?.id).toBe('envoy');
    expect(explanation.source).toBe('origin');
  });

  it('reads Envoy\'s local reply as Envoy\'s own', () => {
    const explanation = explain({
      status: 503,
      headers: { server: 'envoy', 'content-type': 'text/plain' },
      bodyText: 'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
    });
    expect(explanation.source).toBe('gateway');
    expect(explanation.causes[0]!.id).toBe('origin-reset');
  });
});

describe('privacy', () => {
  it('never shows a cookie or credential value, in headers or in evidence', () => {
    const explanation = explain({
      status: 502,
      headers: [
        ['Server', 'awselb/2.0'],
        ['Set-Cookie', 'AWSALB=very-secret-value; Path=/'],
        ['Authorization', 'Bearer very-secret-value'],
        ['X-Api-Key', 'very-secret-value'],
      ],
    });
    expect(JSON.stringify(explanation)).not.toContain('very-secret-value');
    expect(explanation.headers.find(({ name }) => name === 'Set-Cookie')).toMatchObject({ value: 'AWSALB=[redacted]', redacted: true });
  });
});

describe('network errors', () => {
  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'origin-unreachable'],
    ['net::ERR_NAME_NOT_RESOLVED', 'origin-unreachable'],
    ['net::ERR_CONNECTION_RESET', 'origin-reset'],
    ['net::ERR_TIMED_OUT', 'origin-timeout'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'origin-tls'],
    ['NS_ERROR_CONNECTION_REFUSED', 'origin-unreachable'],
    ['NS_ERROR_NET_TIMEOUT', 'origin-timeout'],
  ])('%s → %s', (error, cause) => {
    const explanation = explainResponse({ status: 0, networkError: error });
    expect(explanation.causes[0]!.id).toBe(cause);
    expect(explanation.gateway).toBeNull();
    expect(explanation.headline).toMatch(/^The page did not load: /);
  });
});

describe('header catalogue', () => {
  const decoded = (name: string, value: string, status = 502) =>
    explainResponse({ status, headers: { [name]: value }, now: NOW }).headers.find((header) => header.name === name)!;

  it.each([
    ['cf-ray', '8a1b2c3d4e5f6789-SJC', 'Ray ID 8a1b2c3d4e5f6789, Cloudflare data centre SJC (San Jose, US)'],
    ['x-amz-cf-pop', 'FRA56-P5', 'CloudFront edge FRA56-P5 in FRA (Frankfurt, DE)'],
    ['retry-after', '120', 'Try again in 2 min (at 2026-11-27 12:02:00 UTC)'],
    ['retry-after', 'Fri, 27 Nov 2026 12:00:30 GMT', 'Try again in 30 s (at 2026-11-27 12:00:30 UTC)'],
    ['via', '1.1 varnish (Varnish/7.5), 1.1 abc.cloudfront.net (CloudFront)', '2 proxies, nearest the origin first: 1.1 varnish (Varnish/7.5) → 1.1 abc.cloudfront.net (CloudFront)'],
    ['x-vercel-id', 'cdg1::iad1::abc12-1679151302268-044a719e1f27', 'Vercel edge region CDG (Paris, FR), function region IAD (Ashburn (Washington DC), US)'],
    ['traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', 'Trace 4bf92f3577b34da6a3ce929d0e0e4736, span 00f067aa0ba902b7, sampled (look for it in your tracing tool)'],
    ['x-squid-error', 'ERR_CONNECT_FAIL 111', 'Squid could not connect to the server (connection refused)'],
    ['age', '3700', 'This copy has been in a cache for 1 h 1 min'],
    ['x-served-by', 'cache-jfk1026-JFK, cache-lcy19221-LCY', 'Fastly cache nodes in JFK (New York, US), then LCY (London, GB)'],
    ['fly-request-id', '01H8ZQ7KZ6K2G3T9R8Y1X2W3V4-iad', 'Fly.io edge region iad'],
    ['date', 'Fri, 27 Nov 2026 11:50:00 GMT', '2026-11-27 11:50:00 UTC; 10 min before your clock (an old cached response, or a clock out of step)'],
  ])('%s: %s', (name, value, expected) => {
    expect(decoded(name, value).decoded).toBe(expected);
  });

  it('shows unknown headers with a plain note', () => {
    expect(decoded('x-something-odd', '1')).toMatchObject({ value: '1', group: 'other', meaning: 'Not a header Gatewhy knows; shown as the server sent it.' });
  });

  it('says when Retry-After cannot be read', () => {
    expect(decoded('retry-after', 'later please').decoded).toContain('Not a valid Retry-After value');
  });
});

describe('bad input', () => {
  it.each([
    ['nothing', undefined],
    ['a number', 42],
    ['an empty object', {}],
    ['odd fields', { status: 'x', headers: 'y', bodyText: 7, statusText: {} }],
    ['a getter that throws', { get status(): number { throw new Error('boom'); } }],
  ])('returns an explanation for %s', (_what, input) => {
    const explanation = explainResponse(input as never);
    expect(typeof explanation.headline).toBe('string');
    expect(explanation.causes.length).toBeGreaterThan(0);
  });
});
