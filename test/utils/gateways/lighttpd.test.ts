// lighttpd's file against its own page (response.c) and its sizes, with and without the body.
import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';

const PAGE = (status: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n <head>\n  <meta charset="UTF-8" />\n  <title>${status}</title>\n </head>\n <body>\n  <h1>${status}</h1>\n </body>\n</html>\n`;

describe('lighttpd', () => {
  it('recognises its bare page from the body alone', () => {
    const explanation = explainResponse({ bodyText: PAGE('503 Service Unavailable') });
    expect(explanation.gateway?.id).toBe('lighttpd');
    expect(explanation.variantId).toBe('lighttpd-503-service-unavailable-lighttpds-own-page');
    expect(explanation.causes[0]!.id).toBe('origin-unreachable');
  });

  it("reads a 500 as the backend closing the connection, not the application's page", () => {
    const explanation = explainResponse({
      status: 500,
      headers: { server: 'lighttpd/1.4.76', 'content-type': 'text/html' },
      bodyText: PAGE('500 Internal Server Error'),
    });
    expect(explanation.source).toBe('gateway');
    expect(explanation.causes[0]!.id).toBe('origin-reset');
  });

  it("knows its own page by its size when only the headers are seen, and the backend's by its type", () => {
    const own = explainResponse({ status: 502, headers: { server: 'lighttpd/1.4.76', 'content-type': 'text/html', 'content-length': '162' } });
    expect(own.variantId).toBe('lighttpd-502-own-page-size');
    expect(own.source).toBe('gateway');
    const relayed = explainResponse({ status: 502, headers: { server: 'lighttpd/1.4.76', 'content-type': 'application/json', 'content-length': '70' } });
    expect(relayed.source).toBe('origin');
  });
});
