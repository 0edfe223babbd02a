import { describe, expect, it } from 'vitest';
import { HttpParseError } from '../../utils/http-message';
import { parsePastedResponse } from '../../utils/pasted-response';

describe('parsePastedResponse', () => {
  it('should read curl -i output with its status line and body', () => {
    expect(parsePastedResponse('HTTP/2 522\r\nserver: cloudflare\r\ncf-ray: 8a1b-AMS\r\n\r\n<h1>522</h1>')).toEqual({
      status: 522,
      statusText: '',
      headers: [
        { name: 'server', value: 'cloudflare' },
        { name: 'cf-ray', value: '8a1b-AMS' },
      ],
      body: '<h1>522</h1>',
      format: 'http',
    });
  });

  it('should read header lines without a status, and leave the status for the person to give', () => {
    const pasted = parsePastedResponse('\n  server: nginx/1.25.3\ncontent-type: text/html\n');
    expect(pasted.status).toBeUndefined();
    expect(pasted.format).toBe('headers');
    expect(pasted.headers).toEqual([
      { name: 'server', value: 'nginx/1.25.3' },
      { name: 'content-type', value: 'text/html' },
    ]);
  });

  it('should read DevTools rows copied as a name line then a value line', () => {
    const pasted = parsePastedResponse('cf-ray\n8a1b2c3d4e5f6789-SJC\nserver:\ncloudflare\ndate\nTue, 04 Mar 2025 09:14:02 GMT');
    expect(pasted.headers).toEqual([
      { name: 'cf-ray', value: '8a1b2c3d4e5f6789-SJC' },
      { name: 'server', value: 'cloudflare' },
      { name: 'date', value: 'Tue, 04 Mar 2025 09:14:02 GMT' },
    ]);
  });

  it('should take the status and address from DevTools General lines, not as headers', () => {
    const pasted = parsePastedResponse(
      'Request URL: https://a.example/x\nRequest Method: GET\nStatus Code: 504 Gateway Timeout\nRemote Address: 203.0.113.5:443\nserver: awselb/2.0',
    );
    expect(pasted).toMatchObject({
      status: 504,
      statusText: 'Gateway Timeout',
      url: 'https://a.example/x',
      headers: [{ name: 'server', value: 'awselb/2.0' }],
    });
  });

  it('should take the status from an HTTP/2 :status pseudo-header', () => {
    expect(parsePastedResponse(':status: 503\nserver: envoy')).toMatchObject({ status: 503, headers: [{ name: 'server', value: 'envoy' }] });
  });

  it('should keep an empty header empty when the next line is a header of its own', () => {
    expect(parsePastedResponse('x-empty:\nserver: nginx').headers).toEqual([
      { name: 'x-empty', value: '' },
      { name: 'server', value: 'nginx' },
    ]);
  });

  it('should read the body after a blank line', () => {
    expect(parsePastedResponse('server: nginx\n\n<center>nginx</center>').body).toBe('<center>nginx</center>');
  });

  it("should read Firefox's Copy All JSON and a HAR response", () => {
    const firefox = JSON.stringify({
      'Response Headers (312 B)': { headers: [{ name: 'server', value: 'cloudflare' }] },
      'Request Headers (1 kB)': { headers: [{ name: 'cookie', value: 'a=b' }] },
    });
    expect(parsePastedResponse(firefox)).toEqual({ headers: [{ name: 'server', value: 'cloudflare' }], body: '', format: 'json' });
    const har = JSON.stringify({ status: 502, statusText: 'Bad Gateway', headers: [{ name: 'via', value: '1.1 varnish' }] });
    expect(parsePastedResponse(har)).toMatchObject({ status: 502, statusText: 'Bad Gateway', headers: [{ name: 'via', value: '1.1 varnish' }] });
  });

  it('should refuse what cannot be read with a message a person can act on', () => {
    expect(() => parsePastedResponse('')).toThrow(HttpParseError);
    expect(() => parsePastedResponse('server: nginx\ncontent-type: text/html\nthis line is no header')).toThrow(/line 3 is not a header line/);
    expect(() => parsePastedResponse('HTTP/1.1 502 Bad Gateway\nno colon here')).toThrow(/malformed header line/);
  });

  it('should take a pasted page, its copied text or a JSON error as a body alone', () => {
    expect(parsePastedResponse('<html><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></html>')).toEqual({
      headers: [],
      body: '<html><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></html>',
      format: 'body',
    });
    expect(
      parsePastedResponse('Error: Server Error\nThe server encountered a temporary error and could not complete your request.\nPlease try again in 30 seconds.')
        .format,
    ).toBe('body');
    expect(parsePastedResponse('{"message": "Internal server error"}')).toMatchObject({ format: 'body', body: '{"message": "Internal server error"}' });
  });
});
