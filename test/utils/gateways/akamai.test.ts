// Akamai's Reference number, on word boundaries, and pages without one as the origin's.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

describe('akamai', () => {
  it('reads the reference code on its boundary: #30 is not #3', () => {
    const result = seen({
      status: 503,
      bodyText:
        '<HTML><HEAD><TITLE>Error</TITLE></HEAD><BODY>An error occurred while processing your request.<p>Reference&#32;&#35;30&#46;3598c0ba&#46;1521745157&#46;87201fff</BODY></HTML>',
    });
    expect(result.variant).toBe('akamai-reference-30-tls-handshake-origin-failed');
    expect(result.causes[0]).toBe('origin-tls');
  });

  it('names Akamai for its Access Denied text pasted alone', () => {
    const result = seen({
      bodyText: 'You don\'t have permission to access "http://www.example.com/" on this server.\nReference #18.c6a50517.1514639126.176b29a',
    });
    expect(result.gateway).toBe('akamai');
    expect(result.source).toBe('gateway');
  });

  it("says a 502 through Akamai without a reference is the origin's", () => {
    const result = seen({ status: 502, headers: { 'akamai-grn': '0.1234', server: 'nginx' }, bodyText: '<h1>Bad Gateway</h1>' });
    expect(result.source).toBe('origin');
  });
});
