import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHttpResponse } from '../../utils/http-message';
import { supportIds } from '../../utils/support-ids';
import { FIXTURE_ROOT } from '../support/fixtures';

const fixture = (name: string) => parseHttpResponse(readFileSync(path.join(FIXTURE_ROOT, name), 'latin1'));

describe('supportIds', () => {
  it('should read the ids vendors ask for, edge first, under their own names', () => {
    const headers = [
      { name: 'traceparent', value: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
      { name: 'X-Request-Id', value: 'req-42' },
      { name: 'x-vercel-id', value: 'cdg1::iad1::abc12-1679151302268-044a719e1f27' },
      { name: 'X-Amz-Cf-Id', value: 'Aq3vUnLxL-oAq7pY8w3l0F6FyKdd8hKl8YtU5cuZq0H1O0r6QGS8Vw==' },
      { name: 'CF-RAY', value: '8a1b2c3d4e5f6789-SJC' },
      { name: 'Server', value: 'cloudflare' },
    ];
    expect(supportIds(headers)).toEqual([
      { label: 'Cloudflare Ray ID', from: 'CF-RAY', value: '8a1b2c3d4e5f6789-SJC' },
      { label: 'CloudFront request ID', from: 'X-Amz-Cf-Id', value: 'Aq3vUnLxL-oAq7pY8w3l0F6FyKdd8hKl8YtU5cuZq0H1O0r6QGS8Vw==' },
      { label: 'Vercel request ID', from: 'x-vercel-id', value: 'cdg1::iad1::abc12-1679151302268-044a719e1f27' },
      { label: 'Request ID', from: 'X-Request-Id', value: 'req-42' },
      { label: 'Trace ID (W3C traceparent)', from: 'traceparent', value: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
    ]);
  });

  it("should read Akamai's Reference # from its error page, also entity-encoded as its HTML writes it", () => {
    const page = fixture('akamai/503-reference-30-origin-tls-vendor-doc--published.http');
    const [reference] = supportIds(page.headers, page.body).filter(({ label }) => label === 'Akamai reference');
    expect(reference?.value).toBe('#30.3598c0ba.1521745157.87201fff');
    expect(supportIds([], 'Reference&#32;&#35;30&#46;1f2e3d4c&#46;1700000000&#46;5a6b7c8d')).toEqual([
      { label: 'Akamai reference', from: 'error page', value: '#30.1f2e3d4c.1700000000.5a6b7c8d' },
    ]);
  });

  it('should read the Ray ID of a captured Cloudflare error', () => {
    const response = fixture('cloudflare/520-origin-closed-connection-444--published.http');
    expect(supportIds(response.headers).map(({ label }) => label)).toEqual(['Cloudflare Ray ID']);
  });

  it('should find nothing in a response without ids, and bound what it keeps', () => {
    expect(supportIds([{ name: 'Server', value: 'nginx' }], '<h1>502 Bad Gateway</h1>')).toEqual([]);
    expect(supportIds([{ name: 'x-request-id', value: 'x'.repeat(5000) }])[0]!.value.length).toBe(200);
    expect(supportIds([{ name: 'x-request-id', value: '   ' }])).toEqual([]);
  });
});
