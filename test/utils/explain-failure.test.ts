import { describe, expect, it } from 'vitest';
import { explainFailure, statusTextOf, summaryOf } from '../../utils/explain-failure';
import { summarize, toFailedRequest, type FailedRequest } from '../../utils/tab-record';
import { fixtureResponse, loadAllFixtures, type Fixture } from '../support/fixtures';

describe('statusTextOf', () => {
  it('should read the reason phrase of a status line, with or without the version', () => {
    expect(statusTextOf('HTTP/1.1 502 Bad Gateway')).toBe('Bad Gateway');
    expect(statusTextOf('HTTP/2 503')).toBe('');
    expect(statusTextOf('504 Gateway Time-out')).toBe('Gateway Time-out');
    expect(statusTextOf('')).toBe('');
  });
});

describe('explainFailure', () => {
  const failure = toFailedRequest({
    requestId: '1',
    url: 'https://a.example/api',
    type: 'xmlhttprequest',
    statusCode: 503,
    statusLine: 'HTTP/1.1 503 Service Unavailable',
    responseHeaders: [{ name: 'Server', value: 'envoy' }],
  });

  it('should explain from the body DevTools passed on, before the page DOM read afterwards', () => {
    const body = 'upstream connect error or disconnect/reset before headers. reset reason: connection failure';
    expect(explainFailure(failure).evidence.body).toBe('unseen');
    expect(explainFailure({ ...failure, bodyText: body })).toMatchObject({ variant: 'Upstream connect error: connection failure', evidence: { body: 'seen' } });
    expect(explainFailure({ ...failure, bodyText: body, pageHtml: '<html><body>Service Unavailable</body></html>' }).variant).toBe(
      'Upstream connect error: connection failure',
    );
  });
});

describe('summaryOf', () => {
  const failureOf = (fixture: Fixture, index: number): FailedRequest => {
    const response = fixtureResponse(fixture);
    const status = response.status ?? 502;
    return {
      ...toFailedRequest({
        requestId: String(index),
        url: `https://shop.example/${index}`,
        type: 'xmlhttprequest',
        statusCode: status,
        statusLine: `HTTP/1.1 ${status} ${response.statusText}`,
        responseHeaders: response.headers,
        timeStamp: Date.UTC(2026, 11, 2, 12),
      }),
      bodyText: response.body,
    };
  };
  const parsed = loadAllFixtures().flatMap((fixture, index) => {
    try {
      return [failureOf(fixture, index)];
    } catch {
      return []; // a garbage reply kept as an example has no failure to summarise
    }
  });

  it("gives every fixture its own explanation's summary, on first sight and when it is seen again", () => {
    expect(parsed.length).toBeGreaterThan(400);
    for (const failure of parsed) {
      const fresh = summarize(explainFailure(failure));
      expect(summaryOf(failure)).toEqual(fresh);
      // The same response again, for another address at another time: the summary it reuses is still its own.
      expect(summaryOf({ ...failure, requestId: 'again', url: 'https://other.example/x', time: failure.time + 60_000 })).toEqual(fresh);
    }
  });

  it('tells apart responses that differ in any part the engine reads', () => {
    const [failure] = parsed.filter(({ headers }) => headers.some(({ name }) => name === 'server'));
    const base = summaryOf(failure!);
    const envoyBody = 'upstream connect error or disconnect/reset before headers. reset reason: connection failure';
    const changed = [
      { ...failure!, status: 504, statusLine: 'HTTP/1.1 504 Gateway Timeout' },
      { ...failure!, bodyText: envoyBody, headers: [{ name: 'server', value: 'envoy' }] },
      {
        ...failure!,
        headers: [
          { name: 'server', value: 'cloudflare' },
          { name: 'cf-ray', value: '8f1e2d3c4b5a6978-AMS' },
        ],
      },
    ];
    for (const other of changed) expect(summaryOf(other)).toEqual(summarize(explainFailure(other)));
    expect(changed.map((other) => summaryOf(other).headline)).not.toContain(base.headline);
  });

  it('reads an HTTP-date Retry-After against each response’s own clock', () => {
    const time = Date.UTC(2026, 11, 2, 12);
    const failure: FailedRequest = {
      ...toFailedRequest({
        requestId: '1',
        url: 'https://a.example/',
        type: 'xmlhttprequest',
        statusCode: 503,
        statusLine: 'HTTP/1.1 503 Service Unavailable',
      }),
      headers: [{ name: 'retry-after', value: new Date(time + 120_000).toUTCString() }],
      time,
    };
    expect(summaryOf(failure).retryAfterSeconds).toBe(120);
    expect(summaryOf({ ...failure, time: time + 60_000 }).retryAfterSeconds).toBe(60);
  });
});
