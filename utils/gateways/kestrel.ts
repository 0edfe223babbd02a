// Kestrel (ASP.NET Core's own web server): the empty answers it writes itself (an unhandled exception, a request it rejected),
// always with Content-Length: 0 and, by default, Server: Kestrel; and ASP.NET Core's developer exception page, which it serves.
import { defineGateway, type Marker, type Variant } from './types';

// Kestrel's source up to 2.2 (aspnet/KestrelHttpServer, archived; it moved into dotnet/aspnetcore's src/Servers/Kestrel unchanged in these parts).
const KS = 'https://github.com/aspnet/KestrelHttpServer/blob/5c1fcd664d39db8fe5c8e38052a3cc29f90322f6/src/Kestrel.Core/';
const PROTOCOL = `${KS}Internal/Http/HttpProtocol.cs`;
const BAD_REQUEST = `${KS}BadHttpRequestException.cs`;
const SERVER_NAME = `${KS}Internal/Infrastructure/Constants.cs#L37`;
// The same Server header constant in dotnet/aspnetcore today.
const SERVER_HEADER_NOW =
  'https://github.com/dotnet/aspnetcore/blob/4468aecc5566e148efd994b2e43351de6a077103/src/Servers/Kestrel/Core/src/Internal/Http/HttpProtocol.cs#L31';
/** Every answer Kestrel writes itself: status, Date, Content-Length: 0 and Server: Kestrel (when AddServerHeader, the default), no body. */
const ERROR_HEADERS = `${PROTOCOL}#L1240-L1259`;
const PRODUCE_END = `${PROTOCOL}#L1019-L1042`;
const APP_THREW = `${PROTOCOL}#L552-L563`;
const BAD_REQUEST_STATE = `${PROTOCOL}#L1295-L1305`;
const TRACE = `${KS}Internal/Infrastructure/KestrelTrace.cs`;
const CONNECTION_LIMIT = `${KS}Internal/ConnectionLimitMiddleware.cs#L32-L39`;
const UPGRADE_LIMIT = `${KS}Internal/Http/HttpProtocol.FeatureCollection.cs#L231`;
const HTTP2_TIMEOUTS = `${KS}Internal/Http2/Http2Connection.cs#L158-L168`;
// ASP.NET Core's developer exception page (aspnet/Diagnostics, archived; now dotnet/aspnetcore src/Middleware/Diagnostics).
const DIAG = 'https://github.com/aspnet/Diagnostics/blob/f19a191d9eb8c6ba0542ae3ccd618fa9398734a6/src/Microsoft.AspNetCore.Diagnostics/';
const DEV_PAGE_TEXT = `${DIAG}Resources.resx#L160-L162`;
const DEV_PAGE_VIEW = `${DIAG}DeveloperExceptionPage/Views/ErrorPage.cshtml#L26-L32`;
const DEV_PAGE_STATUS = `${DIAG}DeveloperExceptionPage/DeveloperExceptionPageMiddleware.cs#L86-L91`;

const SERVED_BY_KESTREL: Marker = { header: 'server', equals: 'kestrel' };
/** Kestrel's own answers carry no body and say so (HttpProtocol.cs#L1253): visible from the headers alone. */
const EMPTY: Marker = { any: [{ body: 'empty' }, { header: 'content-length', equals: '0' }] };
const DEV_PAGE: Marker = { text: 'an unhandled exception occurred while processing the request.' };

const REJECTED_LOG =
  'Kestrel logs the reason at Information level as \'Connection id "…" bad request data: "…"\' (for example "Request line too long."); the response itself carries none.';

/** A request Kestrel rejected (BadHttpRequestException): it answers with the exception's status and an empty body, and closes the connection. */
const rejected = (status: number, short: string, title: string, meaning: string, lines: string): Variant => ({
  id: `kestrel-${status}-${short}`,
  title,
  when: [{ status }, SERVED_BY_KESTREL, EMPTY],
  meaning,
  causes: { unknown: 1 },
  source: 'origin',
  tellApart: REJECTED_LOG,
  reference: `${BAD_REQUEST}#${lines}`,
});

export default defineGateway({
  id: 'kestrel',
  name: 'Kestrel',
  kind: 'app-server',
  bodyTells:
    "Kestrel's own answers have no body at all (Content-Length: 0): the reason is only in its log. A page in the body is the application's, such as ASP.NET Core's developer exception page naming the exception.",
  fingerprint: [
    {
      ...SERVED_BY_KESTREL,
      weight: 0.9,
      note: 'Kestrel, the ASP.NET Core web server, names itself in the Server header of every response unless AddServerHeader is turned off',
    },
    {
      ...DEV_PAGE,
      weight: 0.6,
      note: "the heading of ASP.NET Core's developer exception page; the application is most often served by Kestrel, though IIS can host it in-process",
    },
  ],
  variants: [
    {
      id: 'kestrel-500-developer-exception-page',
      title: '500: An unhandled exception occurred while processing the request. (ASP.NET Core developer exception page)',
      when: [{ status: 500 }, DEV_PAGE],
      meaning:
        "The application threw an exception and ASP.NET Core's developer exception page (middleware the application turned on, usually in the Development environment) answered with it, the exception and stack trace on the page.",
      causes: { 'origin-app-error': 1 },
      source: 'origin',
      reference: DEV_PAGE_STATUS,
    },
    {
      id: 'kestrel-500-unhandled-exception',
      title: '500 Internal Server Error with an empty body (Kestrel)',
      when: [{ status: 500 }, SERVED_BY_KESTREL, EMPTY],
      meaning:
        'The application threw an exception before it started its response and nothing in it handled the exception, so Kestrel answered 500 itself with no body.',
      causes: { 'origin-app-error': 1 },
      source: 'origin',
      tellApart: 'Kestrel logs the exception as \'Connection id "…", Request id "…": An unhandled exception was thrown by the application.\'',
      reference: PRODUCE_END,
    },
    rejected(
      400,
      'bad-request',
      '400 Bad Request with an empty body (Kestrel rejected the request)',
      'Kestrel could not accept the request as HTTP (an invalid request line, header or Host, a bad chunk, a Content-Length it could not read, or the body ending early) and answered 400 before the application saw it.',
      'L56-L122',
    ),
    rejected(
      408,
      'request-timeout',
      '408 Request Timeout with an empty body (Kestrel)',
      'The client was too slow: its request headers did not arrive within RequestHeadersTimeout, or its body arrived slower than MinRequestBodyDataRate, so Kestrel gave up on the request.',
      'L95-L100',
    ),
    rejected(
      411,
      'length-required',
      '411 Length Required with an empty body (Kestrel)',
      'The request (a POST or PUT) had neither a Content-Length nor a chunked Transfer-Encoding header, so Kestrel refused it before the application saw it.',
      'L162-L164',
    ),
    rejected(
      413,
      'request-body-too-large',
      '413 Payload Too Large with an empty body (Kestrel)',
      "The request body was larger than Kestrel's MaxRequestBodySize (30,000,000 bytes unless the application changed it), so Kestrel stopped reading it.",
      'L92-L94',
    ),
    rejected(
      414,
      'request-line-too-long',
      '414 URI Too Long with an empty body (Kestrel)',
      "The request line (the method and URL) was longer than Kestrel's MaxRequestLineSize.",
      'L83-L85',
    ),
    rejected(
      431,
      'headers-too-large',
      '431 Request Header Fields Too Large with an empty body (Kestrel)',
      "The request's headers (often large cookies or tokens) were larger in total than MaxRequestHeadersTotalSize, or more than MaxRequestHeaderCount, so Kestrel refused it.",
      'L86-L91',
    ),
    rejected(
      505,
      'http-version-not-supported',
      '505 HTTP Version Not Supported with an empty body (Kestrel)',
      'The request line named an HTTP version Kestrel does not recognise.',
      'L156-L158',
    ),
    {
      id: 'kestrel-app-wrote-error',
      title: "The application's own error response (served by Kestrel)",
      when: [SERVED_BY_KESTREL, { body: 'seen' }],
      fallback: true,
      meaning:
        'The ASP.NET Core application wrote this error response itself (a page, a JSON problem description); Kestrel only carried it, since its own answers have no body.',
      causes: { 'origin-app-error': 0.6, unknown: 0.4 },
      source: 'origin',
      reference: ERROR_HEADERS,
    },
  ],
  advice: {
    visitor: [],
    owner: [
      "Read the application's log: Kestrel writes there the exception behind an empty 500, and the reason it rejected a request. The developer exception page belongs in Development only; in production, an exception handler (UseExceptionHandler) answers instead.",
    ],
  },
  documented: [
    {
      name: 'An unhandled exception occurred while processing the request. (developer exception page)',
      reference: DEV_PAGE_TEXT,
      variant: 'kestrel-500-developer-exception-page',
      example: {
        status: 500,
        headers: { 'content-type': 'text/html; charset=utf-8', server: 'Kestrel' },
        body: '<!DOCTYPE html><html><head><title>Internal Server Error</title></head><body><h1>An unhandled exception occurred while processing the request.</h1><div class="titleerror">InvalidOperationException: boom</div></body></html>',
      },
    },
    {
      name: 'Empty 500 after an unhandled exception (An unhandled exception was thrown by the application.)',
      reference: PRODUCE_END,
      variant: 'kestrel-500-unhandled-exception',
      example: { status: 500, headers: { server: 'Kestrel', 'content-length': '0' }, body: '' },
    },
    {
      name: 'Bad request (400): invalid request line, header, Host header, chunk, Content-Length; missing or repeated Host',
      reference: `${BAD_REQUEST}#L56-L122`,
      variant: 'kestrel-400-bad-request',
      example: { status: 400, headers: { server: 'Kestrel', connection: 'close', 'content-length': '0' }, body: '' },
    },
    {
      name: 'Reading the request headers timed out. (408, RequestHeadersTimeout)',
      reference: `${KS}Internal/Http/Http1Connection.cs#L516`,
      variant: 'kestrel-408-request-timeout',
      example: { status: 408, headers: { server: 'Kestrel', 'content-length': '0' }, body: '' },
    },
    {
      name: 'Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate. (408)',
      reference: `${KS}Internal/Http/Http1MessageBody.cs#L47`,
      variant: 'kestrel-408-request-timeout',
      example: { status: 408, headers: { server: 'Kestrel', 'content-length': '0' } },
    },
    {
      name: '{method} request contains no Content-Length or Transfer-Encoding header. (411)',
      reference: `${BAD_REQUEST}#L162-L164`,
      variant: 'kestrel-411-length-required',
      example: { status: 411, headers: { server: 'Kestrel', connection: 'close', 'content-length': '0' }, body: '' },
    },
    {
      name: 'Request body too large. (413, MaxRequestBodySize)',
      reference: `${KS}Internal/Http/MessageBody.cs#L239`,
      variant: 'kestrel-413-request-body-too-large',
      example: { status: 413, headers: { server: 'Kestrel', 'content-length': '0' }, body: '' },
    },
    {
      name: 'Request line too long. (414)',
      reference: `${BAD_REQUEST}#L83-L85`,
      variant: 'kestrel-414-request-line-too-long',
      example: { status: 414, headers: { server: 'Kestrel', 'content-length': '0' }, body: '' },
    },
    {
      name: 'Request headers too long. / Request contains too many headers. (431)',
      reference: `${BAD_REQUEST}#L86-L91`,
      variant: 'kestrel-431-headers-too-large',
      example: { status: 431, headers: { server: 'Kestrel', 'content-length': '0' }, body: '' },
    },
    {
      name: "Unrecognized HTTP version: '{detail}' (505)",
      reference: `${BAD_REQUEST}#L156-L158`,
      variant: 'kestrel-505-http-version-not-supported',
      example: { status: 505, headers: { server: 'Kestrel', 'content-length': '0' }, body: '' },
    },
    // 405 with an Allow header, for OPTIONS * or CONNECT requests: not a failure a person meets in a browser.
    { name: 'Method not allowed. (405, OPTIONS * and CONNECT)', reference: `${BAD_REQUEST}#L101-L106` },
    // MaxConcurrentConnections: the connection is closed with no response at all.
    {
      name: 'Connection id "…" rejected because the maximum number of concurrent connections has been reached.',
      reference: CONNECTION_LIMIT,
      logOnly: true,
    },
    // MaxConcurrentUpgradedConnections: an exception thrown into the application's upgrade call; unhandled, it is an empty 500.
    {
      name: 'Request cannot be upgraded because the server has already opened the maximum number of upgraded connections.',
      reference: UPGRADE_LIMIT,
      variant: 'kestrel-500-unhandled-exception',
      logOnly: true,
    },
    // HTTP/2: header and body timeouts abort the connection (GOAWAY), no status is sent.
    { name: 'HTTP/2 request headers or body timed out (connection aborted)', reference: HTTP2_TIMEOUTS, logOnly: true },
  ],
  sources: [
    SERVER_NAME,
    SERVER_HEADER_NOW,
    ERROR_HEADERS,
    PRODUCE_END,
    APP_THREW,
    BAD_REQUEST_STATE,
    `${BAD_REQUEST}#L51-L176`,
    `${TRACE}#L34-L40`,
    DEV_PAGE_VIEW,
  ],
});
