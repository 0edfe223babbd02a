// Tab records built from captured fixtures, for the popup's and the report's tests.
import { parseHttpResponse } from '../../utils/http-message';
import { addEvent, addFailure, emptyRecord, summarize, toFailedRequest, type FailedRequest, type TabRecord } from '../../utils/tab-record';
import { explainFailure } from '../../utils/explain-failure';
import type { RetryState } from '../../utils/retry-policy';
import { messageOf } from './fixtures';

export const T0 = Date.UTC(2026, 10, 27, 14, 5, 0);

/** A stored failure as the background would keep it: headers redacted, with its summary. */
export function failureFrom(
  fixture: string,
  details: { requestId: string; url: string; type?: string; party?: 'first' | 'third'; time?: number; extraHeaders?: [string, string][]; pageHtml?: boolean },
): FailedRequest {
  const response = parseHttpResponse(messageOf(fixture));
  const failure = toFailedRequest({
    requestId: details.requestId,
    url: details.url,
    type: details.type ?? 'main_frame',
    method: 'GET',
    statusCode: response.status,
    statusLine: `HTTP/1.1 ${response.status} ${response.statusText}`.trim(),
    timeStamp: details.time ?? T0,
    responseHeaders: [...response.headers, ...(details.extraHeaders ?? []).map(([name, value]) => ({ name, value }))],
  } as never);
  const kept: FailedRequest = { ...failure, party: details.party ?? 'first', ...(details.pageHtml && { pageHtml: response.body }) };
  return { ...kept, summary: summarize(explainFailure(kept)) };
}

export const CLOUDFLARE_520 = 'cloudflare/520-origin-closed-connection-444--published.http';
export const CLOUDFRONT_502 = 'aws-cloudfront/502-could-not-connect-to-origin--published.http';
export const CLOUDFRONT_503 = 'aws-cloudfront/503-lambda-execution-error--published.http';
export const NGINX_502 = 'nginx/502-proxy-connect-dns-failure--published.http';

/** The page itself failed at Cloudflare, with a session cookie and a token in the address. */
export function pageFailedRecord(): TabRecord {
  const page = failureFrom(CLOUDFLARE_520, {
    requestId: '10',
    url: 'https://shop.example.com/checkout?token=SECRET-TOKEN#step2',
    extraHeaders: [['Set-Cookie', 'session=SECRET-COOKIE; HttpOnly']],
  });
  let record = addFailure(emptyRecord(7), page);
  record = addEvent(record, { time: T0 + 1000, kind: 'retry-scheduled', text: 'Retry 1 of 5 in 2 s (backoff)' });
  return record;
}

/** The page loaded; its own API and a third party's failed. */
export function requestsFailedRecord(): TabRecord {
  let record = emptyRecord(8);
  record = addFailure(record, failureFrom(NGINX_502, { requestId: '21', url: 'https://shop.example.com/api/cart?user=42', type: 'xmlhttprequest', time: T0 }));
  record = addFailure(record, failureFrom(NGINX_502, { requestId: '22', url: 'https://shop.example.com/api/stock', type: 'xmlhttprequest', time: T0 + 500 }));
  record = addFailure(
    record,
    failureFrom(CLOUDFRONT_503, {
      requestId: '23',
      url: 'https://widgets.example.net/embed.json?key=abc',
      type: 'xmlhttprequest',
      party: 'third',
      time: T0 + 900,
    }),
  );
  return record;
}

export const scheduledRetry = (url: string): RetryState => ({
  tabId: 7,
  url,
  attempt: 1,
  maxAttempts: 5,
  since: T0,
  dueAt: T0 + 4000,
  bypassCache: false,
  delayReason: 'backoff',
});
