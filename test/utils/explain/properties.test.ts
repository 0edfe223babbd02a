// Property tests: the engine and the HTTP parser are total on arbitrary and hostile input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainResponse, isUnexplained } from '../../../utils/explain/explain-response';
import { parseHttpResponses, HttpParseError } from '../../../utils/http-message';
import { MAX_HEADER_CHARS } from '../../../utils/headers';

const anyText = fc.string({ unit: 'binary', maxLength: 300 });
// Bodies as they arrive: any text, markup fragments (cut off anywhere), JSON-wrapped and HTML-escaped pages.
const markupPiece = fc.constantFrom(
  '<html>',
  '<head>',
  '<title>',
  '</title>',
  '<script>',
  '</script>',
  '<style>',
  '<!--',
  '-->',
  '<center>',
  '</center>',
  '<h1>',
  '<a href="',
  '">',
  '&lt;',
  '&gt;',
  '&#',
  '&amp;',
  '\\"',
  '\\u003c',
  '{"data":"',
  '"}',
  '502 Bad Gateway',
  'Error 522',
  'nginx',
  'cloudflare',
  '\r\n',
  ' ',
);
const body = fc.oneof(
  anyText,
  fc.array(fc.oneof(markupPiece, anyText), { maxLength: 40 }).map((pieces) => pieces.join('')),
  fc.array(fc.oneof(markupPiece, anyText), { maxLength: 20 }).map((pieces) => JSON.stringify({ data: pieces.join('') })),
);
const headerName = fc.oneof(
  fc.constantFrom(
    'server',
    'via',
    'cf-ray',
    'x-cache',
    'age',
    'retry-after',
    'date',
    'set-cookie',
    'x-vercel-id',
    'traceparent',
    'x-served-by',
    'x-timer',
    'server-timing',
    'report-to',
    'x-squid-error',
  ),
  anyText,
);
const headers = fc.oneof(
  fc.array(fc.record({ name: headerName, value: anyText }), { maxLength: 30 }),
  fc.array(fc.tuple(headerName, anyText), { maxLength: 30 }),
  fc.dictionary(headerName, fc.oneof(anyText, fc.array(anyText, { maxLength: 3 }))),
  fc.anything(),
);

describe('explainResponse is total', () => {
  it('returns an explanation for any status, headers and body', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double(), fc.anything()),
        headers,
        fc.option(body),
        fc.option(anyText),
        (status, headerInput, bodyText, statusText) => {
          const explanation = explainResponse({
            status: status as number,
            headers: headerInput as never,
            bodyText: bodyText ?? undefined,
            statusText: statusText ?? undefined,
          });
          // The engine's own crash answer is not an explanation: no input may end there.
          expect(isUnexplained(explanation), explanation.headline).toBe(false);
          expect(explanation.causes.length).toBeGreaterThan(0);
          expect(typeof explanation.headline).toBe('string');
          JSON.stringify(explanation);
        },
      ),
      { numRuns: 2000 },
    );
    // A generous budget, not a speed test: on a busy shared machine 2000 runs can take a while.
  }, 60_000);

  it('handles 1 MB header values, 200 headers of 16 kB and a 1 MB body without throwing, and keeps output bounded', () => {
    const mega = 'a'.repeat(1_000_000);
    const hostile = [
      {
        status: 502,
        headers: { server: mega, via: `${'1.1 x, '.repeat(150_000)}`, 'cf-ray': `${'f'.repeat(1_000_000)}-SJC`, 'retry-after': mega, date: mega },
      },
      { status: 503, headers: Array.from({ length: 200 }, (_, i) => ({ name: `x-h${i}`, value: 'v'.repeat(16_384) })) },
      { status: 504, headers: { 'report-to': `${'https://a.example/'.repeat(60_000)}` }, bodyText: '<center>nginx'.repeat(80_000) },
      {
        status: 502,
        headers: { 'server-timing': `${'db;dur=1;desc="x",'.repeat(50_000)}`, traceparent: '-'.repeat(1_000_000) },
        bodyText: ' '.repeat(1_000_000),
      },
      // Markup cut off everywhere, nested JSON, and escapes with nothing after them.
      { status: 502, bodyText: `<!--${'<'.repeat(1_000_000)}` },
      { status: 502, bodyText: `<script>${'a<b '.repeat(300_000)}` },
      { status: 502, bodyText: `${'['.repeat(100_000)}"<html>"` },
      { status: 502, bodyText: `{"data":"${'\\u003c'.repeat(100_000)}` },
      { status: 0, bodyText: '&#'.repeat(500_000) },
    ];
    for (const input of hostile) {
      const explanation = explainResponse(input);
      expect(isUnexplained(explanation), explanation.headline).toBe(false);
      expect(explanation.status).toBe(input.status);
      for (const header of explanation.headers) expect(header.value.length).toBeLessThan(MAX_HEADER_CHARS + 100);
      expect(JSON.stringify(explanation).length).toBeLessThan(5_000_000);
    }
  }, 60_000);
});

describe('parseHttpResponses is total', () => {
  it('either parses or throws HttpParseError with a message, never anything else', () => {
    const responseLike = fc
      .tuple(
        fc.constantFrom('HTTP/1.1 502 Bad Gateway', 'HTTP/2 503', 'HTTP/1.0 504 Gateway Time-out', 'HTTP/3 500', 'junk', ''),
        fc.array(anyText, { maxLength: 20 }),
        fc.constantFrom('\r\n', '\n'),
        anyText,
      )
      .map(([status, lines, eol, body]) => [status, ...lines].join(eol) + eol + eol + body);
    fc.assert(
      fc.property(fc.oneof(responseLike, anyText), (text) => {
        try {
          const responses = parseHttpResponses(text);
          expect(responses.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(HttpParseError);
          expect((error as Error).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a response with a 1 MB header line', () => {
    const [response] = parseHttpResponses(`HTTP/1.1 502 Bad Gateway\r\nX-Big: ${'b'.repeat(1_000_000)}\r\n\r\nbody`);
    expect(response!.headers[0]!.value.length).toBe(1_000_000);
    expect(response!.body).toBe('body');
  });
});
