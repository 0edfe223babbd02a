// Render's rules as a user meets them: who answered, told by its headers, and its suspended-service page.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

const RENDER = { 'rndr-id': '0123456789abcdef-IAD', server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6789-IAD' };

describe('Render', () => {
  it("calls a 502 with no answer from the app the edge's own, and names Render rather than Cloudflare", () => {
    const result = seen({ status: 502, headers: RENDER });
    expect(result.gateway).toBe('render');
    expect(result.route.map((hop) => hop.split(':')[0])).not.toContain('cloudflare');
    expect(result.variant).toBe('render-error-without-answer-app');
    expect(result.source).toBe('gateway');
  });

  it('says the app wrote an error that carries x-render-origin-server', () => {
    const result = seen({ status: 500, headers: { ...RENDER, 'x-render-origin-server': 'gunicorn' }, bodyText: '<h1>Server Error (500)</h1>' });
    expect(result.source).toBe('origin');
  });

  it('reads a suspended service as switched off', () => {
    const result = seen({
      status: 503,
      headers: { ...RENDER, 'x-render-routing': 'suspend-by-user' },
      bodyText: 'This service has been suspended by its owner.',
    });
    expect(result.variant).toBe('render-service-suspended-x-routing-suspend');
    expect(result.causes[0]).toBe('maintenance');
  });
});
