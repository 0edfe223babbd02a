// Kestrel's file against the answers it writes itself (empty, Content-Length: 0, Server: Kestrel) and ASP.NET Core's developer exception page.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

const KESTREL_EMPTY = { server: 'Kestrel', 'content-length': '0' };

describe('Kestrel', () => {
  it('reads an empty 500 with Server: Kestrel as an unhandled exception in the application, Kestrel as the hop that wrote it', () => {
    const result = seen({ status: 500, headers: KESTREL_EMPTY, bodyText: '' });
    expect(result.gateway).toBeNull();
    expect(result.variant).toBe('kestrel-500-unhandled-exception');
    expect(result.causes[0]).toBe('origin-app-error');
    expect(result.route).toEqual(['kestrel:wrote']);
  });

  it('reads an empty 411 as a request Kestrel refused for having no Content-Length', () => {
    const result = seen({ status: 411, headers: { connection: 'close', ...KESTREL_EMPTY }, bodyText: '' });
    expect(result.variant).toBe('kestrel-411-length-required');
    expect(result.causes[0]).toBe('unknown');
    expect(result.source).toBe('origin');
  });

  it('reads an empty 413 as a body over MaxRequestBodySize', () => {
    expect(seen({ status: 413, headers: KESTREL_EMPTY, bodyText: '' }).variant).toBe('kestrel-413-request-body-too-large');
  });

  it('reads "An unhandled exception occurred while processing the request." as the application raising', () => {
    const result = seen({
      status: 500,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      bodyText:
        '<html><head><title>Internal Server Error</title></head><body><h1>An unhandled exception occurred while processing the request.</h1><div class="titleerror">NullReferenceException: Object reference not set to an instance of an object.</div></body></html>',
    });
    expect(result.variant).toBe('kestrel-500-developer-exception-page');
    expect(result.causes[0]).toBe('origin-app-error');
    expect(result.source).toBe('origin');
  });

  it("takes a 400 with a JSON body as the application's own answer, not Kestrel's", () => {
    const result = seen({
      status: 400,
      headers: { server: 'Kestrel', 'content-type': 'application/problem+json' },
      bodyText: '{"title":"One or more validation errors occurred.","status":400}',
    });
    expect(result.variant).toBe('kestrel-app-wrote-error');
    expect(result.source).toBe('origin');
  });
});
