// Cloudflare's rules on the responses issue 11 names: codes as the page shows them, and origin pages kept as the origin's.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

const CF = { server: 'cloudflare', 'cf-ray': '8a1033f2b3c4d5e6-AMS' };

describe('cloudflare', () => {
  it('reads the 1xxx code on the page, not a Ray ID that happens to contain another code', () => {
    const page =
      '<h1><span class="cf-error-type">Error</span> <span class="cf-error-code">1016</span></h1><small>Ray ID: 8a1033f2b3c4d5e6 &bull; 2026-01-01 UTC</small><h2>Origin DNS error</h2>';
    const result = seen({ status: 530, headers: CF, bodyText: page });
    expect(result.variant).toBe('cloudflare-1016-origin-dns-error');
    expect(result.causes[0]).toBe('origin-unreachable');
    expect(result.route).toEqual(['cloudflare:wrote']);
  });

  it("keeps an origin's own 503 page that mentions Cloudflare as the origin's", () => {
    const page = '<html><body><h1>Service Unavailable</h1><p>This site is behind Cloudflare and is down for maintenance.</p></body></html>';
    const result = seen({ status: 503, headers: { ...CF, 'cf-cache-status': 'DYNAMIC' }, bodyText: page });
    expect(result.gateway).toBe('cloudflare');
    expect(result.source).toBe('origin');
    expect(result.route).toEqual(['cloudflare:relayed', 'origin:wrote']);
  });

  it('names Cloudflare for its stock page signed "cloudflare", copied as two lines', () => {
    const result = seen({ bodyText: '502 Bad Gateway\ncloudflare' });
    expect(result.gateway).toBe('cloudflare');
    expect(result.source).toBe('gateway');
    expect(result.variant).toBe('cloudflare-502-504-generated');
  });

  it('reads a 52x page pasted without its status from its "What happened?" sentence', () => {
    const result = seen({
      bodyText:
        "What happened?\nThe initial connection between Cloudflare's network and the origin web server timed out. As a result, the web page can not be displayed.",
    });
    expect(result.gateway).toBe('cloudflare');
    expect(result.variant).toBe('cloudflare-522-connection-timed-out-page');
    expect(result.causes[0]).toBe('origin-unreachable');
  });

  it("treats the branded 502 page as the origin's failure, the structured one as Cloudflare's", () => {
    expect(
      seen({ status: 502, headers: CF, bodyText: '<div id="cf-wrapper"><div id="cf-error-details">The web server reported a bad gateway error.</div></div>' })
        .source,
    ).toBe('origin');
    const structured = seen({ status: 502, bodyText: '{"title": "Error 502: Bad gateway", "error_code": 502, "cloudflare_error": true}' });
    expect(structured.gateway).toBe('cloudflare');
    expect(structured.source).toBe('gateway');
  });

  it("explains a Worker's exception from its one-line heading alone", () => {
    const result = seen({ bodyText: 'Error 1101 Worker threw exception' });
    expect(result.gateway).toBe('cloudflare');
    expect(result.causes[0]).toBe('origin-app-error');
  });
});
