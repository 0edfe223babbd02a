import { describe, expect, it } from 'vitest';
import { parseHttpResponse, parseHttpResponses, HttpParseError } from '../../utils/http-message';

describe('parseHttpResponse', () => {
  it('reads curl -si output with CRLF, duplicate headers and a body', () => {
    const response = parseHttpResponse('HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\nVia: 1.1 a\r\nVia: 1.1 b\r\n\r\n<html>502</html>\r\n');
    expect(response).toEqual({
      httpVersion: '1.1',
      status: 502,
      statusText: 'Bad Gateway',
      headers: [
        { name: 'Server', value: 'nginx' },
        { name: 'Via', value: '1.1 a' },
        { name: 'Via', value: '1.1 b' },
      ],
      body: '<html>502</html>\r\n',
    });
  });

  it.each([
    ['HTTP/2 502\nserver: cloudflare\n', '2', 502, ''],
    ['HTTP/3 504\nserver: x\n\n', '3', 504, ''],
    ['HTTP/1.0 503 Service Unavailable\n\n', '1.0', 503, 'Service Unavailable'],
    ['HTTP/1.1 530\r\nServer: cloudflare\r\n\r\n', '1.1', 530, ''],
  ])('reads %j', (text, version, status, reason) => {
    expect(parseHttpResponse(text)).toMatchObject({ httpVersion: version, status, statusText: reason });
  });

  it("explains the last of several responses: 100 Continue, a proxy's Connection established, redirects", () => {
    const text = 'HTTP/1.1 200 Connection established\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/2 502\r\nserver: envoy\r\n\r\nupstream connect error';
    const all = parseHttpResponses(text);
    expect(all.map(({ status }) => status)).toEqual([200, 100, 502]);
    expect(parseHttpResponse(text)).toMatchObject({ status: 502, body: 'upstream connect error' });
  });

  it('skips comment lines before the response (fixtures note their source there)', () => {
    expect(parseHttpResponse('# gateway: nginx\n# cause: x\nHTTP/1.1 502 Bad Gateway\n\n').status).toBe(502);
  });

  it('joins folded header lines', () => {
    expect(parseHttpResponse('HTTP/1.1 502 X\r\nX-Long: a\r\n  b\r\n\r\n').headers).toEqual([{ name: 'X-Long', value: 'a b' }]);
  });

  it.each([
    ['', /empty/],
    ['hello world', /first line is not an HTTP status line: "hello world"/],
    ['HTTP/1.1 502 Bad Gateway\r\nno colon here\r\n\r\n', /malformed header line/],
  ])('gives a clear error for %j', (text, message) => {
    expect(() => parseHttpResponse(text)).toThrow(HttpParseError);
    expect(() => parseHttpResponse(text)).toThrow(message);
  });
});
