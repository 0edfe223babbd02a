// Failed requests as the DevTools panel reads them, built from HAR entries like DevTools gives, for the panel's tests.
import { readEntry, type InspectedRequest } from '../../utils/devtools/inspected-request';
import type { ResponseBody } from '../../utils/devtools/response-body';
import { headerValue } from '../../utils/headers';
import { parseHttpResponse } from '../../utils/http-message';
import { unchunked } from '../e2e/support/http-server';
import { messageOf } from './fixtures';

export const PAGE_URL = 'https://shop.example.com/checkout';
export const T0 = Date.UTC(2026, 10, 27, 14, 5, 0);

/** A HAR entry as Chrome's DevTools gives it, with the fixture's status and headers and optional request details. */
export function harEntry(
  fixture: string,
  details: { url: string; time?: number; type?: string; requestHeaders?: [string, string][]; extraHeaders?: [string, string][] },
) {
  const response = parseHttpResponse(messageOf(fixture));
  // The browser gives the body without its chunked framing, which some captures kept.
  const body = headerValue(response.headers, 'transfer-encoding') === 'chunked' ? unchunked(response.body) : response.body;
  return {
    startedDateTime: new Date(details.time ?? T0).toISOString(),
    time: 120,
    request: {
      method: 'GET',
      url: details.url,
      httpVersion: 'HTTP/1.1',
      headers: (details.requestHeaders ?? []).map(([name, value]) => ({ name, value })),
      queryString: [...new URL(details.url).searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: response.status,
      statusText: response.statusText,
      httpVersion: 'HTTP/1.1',
      headers: [...response.headers, ...(details.extraHeaders ?? []).map(([name, value]) => ({ name, value }))],
      cookies: [],
      content: { size: body.length, mimeType: 'text/plain' },
      redirectURL: '',
      headersSize: -1,
      bodySize: body.length,
    },
    cache: {},
    timings: { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 100, receive: 1 },
    _resourceType: details.type ?? 'fetch',
    fixtureBody: body,
  };
}

/** The panel's request for a fixture, its body read (or not, with `body: false`). */
export function inspected(fixture: string, details: Parameters<typeof harEntry>[1] & { body?: boolean }): InspectedRequest {
  const entry = harEntry(fixture, details);
  const request = readEntry(entry, PAGE_URL);
  if (details.body === false) return request;
  const body: ResponseBody = { text: entry.fixtureBody, truncated: false };
  return { ...request, bodyState: 'read', body };
}

export { ENVOY_503_MESSAGE as ENVOY_503 } from './envoy-local-reply';
export const NGINX_504 = 'nginx/hang.http';
export const CLOUDFRONT_503 = 'aws-cloudfront/503-lambda-execution-error--published.http';
