import { describe, expect, it } from 'vitest';
import { explainResponse, type ExplainInput } from '../../../utils/explain/explain-response';
import { compileCatalogue } from '../../../utils/explain/detect';
import { GATEWAYS } from '../../../utils/gateways';
import { defineGateway } from '../../../utils/gateways/types';
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
    expect(explanation.headline).toMatch(
      /^502 from nginx: (probably |cannot tell the cause from this response \(likeliest: )?the gateway could not connect to the origin server\)?$/,
    );
    expect(explanation.source).toBe('gateway');
    expect(explanation.variantId).toBe('nginx-502-bad-gateway-nginxs-own-page');
    expect(explanation.causes.map(({ id }) => id).slice(0, 2)).toEqual(['origin-unreachable', 'origin-reset']);
    expect(explanation.tellApart).toContain('connect() failed (111: Connection refused)');
    expect(explanation.tellApart).toContain('upstream prematurely closed connection');
    expect(explanation.route).toEqual([expect.objectContaining({ id: 'nginx', role: 'wrote', known: true })]);
    expect(explanation.evidence).toEqual({ status: 'given', headers: 'seen', body: 'seen' });
  });

  it("tells an application's own error relayed by nginx from nginx's page", () => {
    const explanation = explainFixture('nginx/app-502.http');
    expect(explanation.gateway?.id).toBe('nginx');
    expect(explanation.source).toBe('origin');
    expect(explanation.causes[0]!.id).toBe('origin-app-error');
    expect(explanation.route.map(({ id, role }) => `${id}:${role}`)).toEqual(['nginx:relayed', 'origin:wrote']);
  });

  it("reads Cloudflare's 52x codes and links its status page", () => {
    const explanation = explain({ status: 521, headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6789-SJC' } });
    expect(explanation.headline).toMatch(/^521 from Cloudflare: (probably )?the gateway could not connect to the origin server$/);
    expect(explanation.variant).toBe('Error 521: Web server is down');
    expect(explanation.variantId).toBe('cloudflare-521-web-server-down');
    expect(explanation.statusPage).toBe('https://www.cloudflarestatus.com/');
    expect(explanation.gateway?.evidence.join(' ')).toContain('cf-ray: 8a1b2c3d4e5f6789-SJC');
  });

  it('claims no gateway for a plain application error', () => {
    const explanation = explainFixture('none/app-500-json.http');
    expect(explanation.gateway).toBeNull();
    expect(explanation.source).toBe('origin');
    expect(explanation.headline).not.toMatch(/^\d{3} from /);
    expect(explanation.route).toEqual([expect.objectContaining({ id: 'origin', kind: 'application', role: 'wrote' })]);
  });
});

describe('the route', () => {
  const GOOGLE_PAGE =
    '<html><head><title>Error 502 (Server Error)!!1</title></head><body><a href=//www.google.com/><span id=logo aria-label=Google></span></a>' +
    '<p><b>502.</b> <ins>That’s an error.</ins><p>The server encountered a temporary error and could not complete your request.<p>Please try again in 30 seconds. <ins>That’s all we know.</ins>';

  it("names the hop that wrote the error when another relayed it: Google's page passed on by CloudFront", () => {
    const explanation = explain({
      status: 502,
      headers: {
        server: 'Google Frontend',
        'x-cache': 'Error from cloudfront',
        via: '1.1 9c90b41a9e5ac2856624d29ed4da4235.cloudfront.net (CloudFront)',
        'x-amz-cf-id': 'abc==',
      },
      bodyText: GOOGLE_PAGE,
    });
    expect(explanation.gateway?.id).toBe('google-cloud');
    expect(explanation.source).toBe('gateway');
    expect(explanation.route.map(({ id, role }) => `${id}:${role}`)).toEqual(['aws-cloudfront:relayed', 'google-cloud:wrote']);
  });

  it('orders hops outermost first and ends with the application when it wrote the error', () => {
    const explanation = explain({
      status: 500,
      headers: { server: 'cloudflare', 'cf-ray': '1-AMS', 'cf-cache-status': 'DYNAMIC', 'set-cookie': 'AWSALB=x; Path=/', 'content-type': 'application/json' },
      bodyText: '{"error":"boom"}',
    });
    expect(explanation.route.map(({ id }) => id)).toEqual(['cloudflare', 'aws-elb', 'origin']);
    expect(explanation.route.at(-1)).toMatchObject({ role: 'wrote', kind: 'application' });
    expect(explanation.gateway?.id).toBe('aws-elb');
    expect(explanation.source).toBe('origin');
  });

  it('follows Via: each hop appends itself, so the last entry is the outermost', () => {
    const explanation = explain({
      status: 503,
      headers: { via: '1.1 varnish (Varnish/7.5), 1.1 tinyproxy (tinyproxy/1.11.1)', 'x-varnish': '123' },
      bodyText: '<html><body><h1>Error 503 Backend fetch failed</h1><p>Guru Meditation:</p><p>XID: 123</p><hr><p>Varnish cache server</p></body></html>',
    });
    expect(explanation.route.map(({ id, role }) => `${id}:${role}`)).toEqual(['tinyproxy:relayed', 'varnish:wrote']);
    expect(explanation.route[0]).toMatchObject({ known: true, name: 'tinyproxy' });
  });

  it('lets a platform win over the software it runs on: App Service over IIS', () => {
    const explanation = explain({
      status: 502,
      // App Service's mark here is its default host name on the page (Gatewhy reads no cookies, ARRAffinity included).
      headers: { server: 'Microsoft-IIS/10.0' },
      bodyText:
        '<html><body><h2>502 - Web server received an invalid response while acting as a gateway or proxy server.</h2><p>https://myapp.azurewebsites.net/</p></body></html>',
    });
    expect(explanation.gateway?.id).toBe('azure-app-service');
    expect(explanation.route.map(({ id }) => id)).toEqual(['azure-app-service']);
  });
});

describe('gateways Gatewhy has no file for', () => {
  it('names a proxy by its Server product and reads its stock page as its own, with causes from the page', () => {
    const explanation = explain({
      status: 502,
      headers: { server: 'polipo/1.1.1', 'content-type': 'text/html' },
      bodyText:
        '<html><head><title>502 Unable to connect</title></head><body><h1>Bad gateway</h1><p>Unable to connect to the server: connection refused.</p><hr/><p><em>Generated by polipo version 1.1.1.</em></p></body></html>',
    });
    expect(explanation.gateway).toMatchObject({ id: 'polipo', name: 'polipo', known: false });
    expect(explanation.source).toBe('gateway');
    expect(explanation.causes[0]!.id).toBe('origin-unreachable');
  });

  it('says "a proxy that does not name itself" for a stock gateway page with no name, and never borrows a vendor\'s name', () => {
    const explanation = explain({ status: 504, headers: { 'content-type': 'text/html' }, bodyText: '<html><body><h1>504 Gateway Timeout</h1></body></html>' });
    expect(explanation.gateway).toMatchObject({ id: 'unknown', name: 'a proxy that does not name itself', known: false });
    expect(explanation.source).toBe('gateway');
    expect(explanation.causes[0]!.id).toBe('origin-timeout');
  });

  it("keeps an application's own error with a server of its own as the application's", () => {
    const explanation = explainFixture('none/500-gunicorn-flask-httpbin--published.http');
    expect(explanation.gateway).toBeNull();
    expect(explanation.source).toBe('origin');
    // Named after its server: "the application (gunicorn)", or gunicorn's own hop once a vendor file knows it.
    expect(explanation.route).toEqual([expect.objectContaining({ role: 'wrote', name: expect.stringMatching(/gunicorn/) })]);
  });
});

describe('partial evidence', () => {
  const NGINX_PAGE = readFixture(path.join(FIXTURE_ROOT, 'nginx/refused.http'))
    .text.split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n');

  it('explains a pasted page alone, reading its status off the page', () => {
    const explanation = explainResponse({ bodyText: NGINX_PAGE, now: NOW });
    expect(explanation.status).toBe(502);
    expect(explanation.evidence.status).toBe('inferred');
    expect(explanation.gateway?.id).toBe('nginx');
    expect(explanation.source).toBe('gateway');
  });

  it('explains copied text with no markup at all', () => {
    const explanation = explainResponse({
      bodyText: 'Error 522\nRay ID: 8a1b2c3d4e5f6789 • 2025-08-08 10:25:25 UTC\nConnection timed out\nCloudflare Ray ID: 8a1b2c3d4e5f6789',
      now: NOW,
    });
    expect(explanation.status).toBe(522);
    expect(explanation.gateway?.id).toBe('cloudflare');
    expect(explanation.causes[0]!.id).toBe('origin-unreachable');
  });

  it('unwraps a page inside JSON and an HTML-escaped page', () => {
    const json = explainResponse({
      status: 504,
      bodyText: JSON.stringify({
        data: '<html><body><center><h1>504 Gateway Time-out</h1></center><hr><center>nginx/1.9.2</center></body></html>',
        status: 504,
      }),
    });
    expect(json.gateway?.id).toBe('nginx');
    expect(json.source).toBe('gateway');
    const escaped = explainResponse({
      status: 504,
      bodyText: '&lt;html&gt;&lt;body&gt;&lt;center&gt;&lt;h1&gt;504 Gateway Time-out&lt;/h1&gt;&lt;/center&gt;&lt;hr&gt;&lt;center&gt;nginx&lt;/center&gt;',
    });
    expect(escaped.gateway?.id).toBe('nginx');
    expect(escaped.source).toBe('gateway');
  });

  it("reads a status line alone: Cloudflare's 52x, the ALB's own codes, the Classic ELB's reason phrase", () => {
    expect(explain({ status: 522 }).gateway?.id).toBe('cloudflare');
    expect(explain({ status: 463 }).gateway?.id).toBe('aws-elb');
    const classic = explain({ status: 503, statusText: 'Service Unavailable: Back-end server is at capacity' });
    expect(classic.gateway?.id).toBe('aws-elb');
    expect(classic.variant).toContain('Back-end server is at capacity');
  });

  it('says when the body was not seen, and what it would have told', () => {
    const explanation = explain({ status: 503, headers: { server: 'envoy', 'content-type': 'text/plain', 'content-length': '91' } });
    expect(explanation.evidence.body).toBe('unseen');
    expect(explanation.variantId).toBe('envoy-503-no-body-connection-failure');
    expect(explanation.causes[0]!.id).toBe('origin-unreachable');
    expect(explanation.bodyWouldTell).toContain('reset reason');
    expect(explain({ status: 503, headers: { server: 'envoy' }, bodyText: 'no healthy upstream' }).bodyWouldTell).toBeUndefined();
  });

  it('says when only the start of the body was seen', () => {
    const explanation = explain({
      status: 502,
      headers: { server: 'nginx', 'content-length': '559' },
      bodyText: '<html>\n<head><title>502 Bad Gateway</title></head>',
    });
    expect(explanation.evidence.body).toBe('truncated');
    expect(explanation.bodyWouldTell).toBeDefined();
  });

  it('ignores words in scripts: a page that calls setTimeout does not say "timeout"', () => {
    const explanation = explain({
      status: 500,
      headers: { 'content-type': 'text/html' },
      bodyText: '<html><script>setTimeout(() => location.reload(), 5000)</script><p>Something broke.</p></html>',
    });
    expect(explanation.causes.flatMap(({ evidence }) => evidence).join(' ')).not.toContain('timeout');
  });
});

describe('confidence in words', () => {
  it('hedges a cause the response cannot pin down', () => {
    // A bare 503 through an unknown proxy: the status alone cannot say which failure it was.
    const explanation = explain({ status: 503, headers: { via: '1.1 some-proxy' } });
    expect(explanation.confidence.cause).toBeLessThan(0.75);
    expect(explanation.headline).toMatch(/probably|cannot tell/);
  });

  it("is surer of what a vendor's own code says than of a status every gateway sends", () => {
    const own = explain({ status: 521, headers: { server: 'cloudflare', 'cf-ray': '1-AMS' } });
    const generic = explain({ status: 502, headers: { server: 'cloudflare', 'cf-ray': '1-AMS' } });
    expect(own.confidence.cause).toBeGreaterThan(generic.confidence.cause);
    expect(own.headline).not.toMatch(/cannot tell/);
  });
});

describe('cached errors', () => {
  it('calls out a cached error and advises a cache-bypassing reload', () => {
    const explanation = explain({ status: 503, headers: { server: 'cloudflare', 'cf-ray': '1-AMS', 'cf-cache-status': 'HIT', age: '42' } });
    expect(explanation.cached).toBe(true);
    expect(explanation.cacheEvidence.join(' ')).toContain('42 sec');
    expect(explanation.advice.visitor.join(' ')).toContain('bypassing the cache');
  });

  it('does not call a fresh error cached', () => {
    expect(explain({ headers: { age: '0', 'x-cache': 'Miss from cloudfront' } }).cached).toBe(false);
  });
});

describe('who wrote the error', () => {
  it("trusts Envoy's upstream timing header: the upstream answered", () => {
    const explanation = explain({ status: 503, headers: { server: 'envoy', 'x-envoy-upstream-service-time': '12' }, bodyText: '{"error":"db down"}' });
    expect(explanation.gateway?.id).toBe('envoy');
    expect(explanation.source).toBe('origin');
  });

  it("reads Envoy's local reply as Envoy's own", () => {
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
    ['retry-after', 'Fri, 27 Nov 2026 12:00:30 GMT', 'Try again in 30 sec (at 2026-11-27 12:00:30 UTC)'],
    [
      'via',
      '1.1 varnish (Varnish/7.5), 1.1 abc.cloudfront.net (CloudFront)',
      '2 proxies, nearest the origin first: 1.1 varnish (Varnish/7.5) → 1.1 abc.cloudfront.net (CloudFront)',
    ],
    ['x-vercel-id', 'cdg1::iad1::abc12-1679151302268-044a719e1f27', 'Vercel edge region CDG (Paris, FR), function region IAD (Ashburn (Washington DC), US)'],
    [
      'traceparent',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      'Trace 4bf92f3577b34da6a3ce929d0e0e4736, span 00f067aa0ba902b7, sampled (look for it in your tracing tool)',
    ],
    ['x-squid-error', 'ERR_CONNECT_FAIL 111', 'Squid could not connect to the server (connection refused)'],
    ['age', '3700', 'This copy has been in a cache for 1 hr 1 min'],
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
    [
      'a getter that throws',
      {
        get status(): number {
          throw new Error('boom');
        },
      },
    ],
  ])('returns an explanation for %s', (_what, input) => {
    const explanation = explainResponse(input as never);
    expect(typeof explanation.headline).toBe('string');
    expect(explanation.causes.length).toBeGreaterThan(0);
  });
});

describe('app servers', () => {
  // A made-up app server, to test the mechanism apart from any real vendor file.
  const appServer = defineGateway({
    id: 'test-app-server',
    name: 'Test App Server',
    kind: 'app-server',
    fingerprint: [{ header: 'server', startsWith: 'testappserver', weight: 0.9, note: 'the app server names itself' }],
    variants: [
      {
        id: 'test-app-server-worker-timeout',
        title: "Worker timeout (Test App Server's own page)",
        when: [{ status: 500 }, { text: 'worker timed out' }],
        meaning: 'The app server killed a worker that ran past its timeout.',
        causes: { 'origin-timeout': 0.8, overloaded: 0.2 },
        source: 'origin',
      },
    ],
    advice: { visitor: [], owner: [] },
    sources: ['https://example.com/test-app-server'],
  });
  const catalogue = compileCatalogue([...GATEWAYS, appServer]);
  const page = '<html><body><h1>Internal Server Error</h1><p>Worker timed out.</p></body></html>';

  it("never names an app server as the gateway: its own page is the application's", () => {
    const explanation = explainResponse({ status: 500, headers: { server: 'TestAppServer/1.0' }, bodyText: page, now: NOW }, catalogue);
    expect(explanation.gateway).toBeNull();
    expect(explanation.source).toBe('origin');
    expect(explanation.route).toEqual([expect.objectContaining({ id: 'test-app-server', kind: 'app-server', role: 'wrote' })]);
    expect(explanation.causes[0]!.id).toBe('origin-timeout');
  });

  it('ends the route with the app server behind the gateway that relayed its page, whose causes it gives', () => {
    const explanation = explainResponse(
      { status: 500, headers: { server: 'TestAppServer/1.0', via: '1.1 varnish (Varnish/7.5)', 'x-varnish': '12' }, bodyText: page, now: NOW },
      catalogue,
    );
    expect(explanation.gateway?.id).toBe('varnish');
    expect(explanation.route.map(({ id, role }) => `${id}:${role}`)).toEqual(['varnish:relayed', 'test-app-server:wrote']);
    expect(explanation.variantId).toBe('test-app-server-worker-timeout');
    expect(explanation.causes[0]!.id).toBe('origin-timeout');
  });
});
