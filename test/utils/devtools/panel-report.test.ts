import { describe, expect, it } from 'vitest';
import { addRequest, emptyLog } from '../../../utils/devtools/panel-log';
import { asFailedRequest, explainInspected, panelRecord, panelReport } from '../../../utils/devtools/panel-report';
import { reportJson, reportMarkdown } from '../../../utils/report';
import { CLOUDFRONT_503, ENVOY_503, inspected, PAGE_URL, T0 } from '../../support/inspected';

const envoy = (body: boolean) =>
  inspected(ENVOY_503, {
    url: 'https://shop.example.com/api/orders?token=SECRET-QUERY',
    extraHeaders: [
      ['X-Request-Id', 'req-42'],
      ['Set-Cookie', 'sid=SECRET-COOKIE'],
    ],
    body,
  });

describe('explainInspected', () => {
  it('should explain an Envoy 503 from its body, the variant named; from headers alone with the body not seen, less sure', () => {
    const log = emptyLog(PAGE_URL);
    const withBody = explainInspected(envoy(true), log);
    const headersOnly = explainInspected(envoy(false), log);
    expect(withBody).toMatchObject({ variant: 'Upstream connect error: connection failure', evidence: { body: 'seen' } });
    expect(withBody.causes[0]!.id).toBe('origin-unreachable');
    expect(headersOnly.evidence.body).toBe('unseen');
    expect(headersOnly.bodyWouldTell).toContain('reset reason');
    expect(withBody.causes[0]!.likelihood).toBeGreaterThan(headersOnly.causes[0]!.likelihood);
  });
});

describe('asFailedRequest', () => {
  it("should write the status line as webRequest does, from the HAR's version when it is known", () => {
    const log = emptyLog(PAGE_URL);
    const withVersion = (httpVersion: string) =>
      asFailedRequest({ ...envoy(true), har: { ...envoy(true).har, response: { ...envoy(true).har.response, httpVersion } } }, log).statusLine;
    expect(withVersion('HTTP/1.1')).toBe('HTTP/1.1 503 Service Unavailable');
    expect(withVersion('h2')).toBe('HTTP/2 503 Service Unavailable');
    expect(withVersion('http/2.0')).toBe('HTTP/2 503 Service Unavailable');
    expect(withVersion('')).toBe('503 Service Unavailable');
    expect(explainInspected(envoy(true), log).headline).toBe('503 from Envoy: probably the gateway could not connect to the origin server');
  });
});

describe('panelRecord', () => {
  it("should make the page's failed document the record's page, and keep the party of each request", () => {
    const page = inspected(ENVOY_503, { url: PAGE_URL, type: 'document', time: T0 });
    const widget = inspected(CLOUDFRONT_503, { url: 'https://widgets.example.net/embed.json', time: T0 + 10 });
    const log = [page, widget].reduce(addRequest, emptyLog(PAGE_URL));
    const record = panelRecord(log, log.requests, 9);
    expect(record.page?.url).toBe(PAGE_URL);
    expect(record.failures.map(({ type, party }) => `${type} ${party}`)).toEqual(['main_frame first', 'xmlhttprequest third']);
  });
});

describe('panelReport', () => {
  it("should report the requests as the popup does, with the body's cause and the support ids, and no secret", () => {
    const log = addRequest(emptyLog(PAGE_URL), envoy(true));
    const report = panelReport(log, log.requests, { tabId: 9, includeQuery: false, now: T0 + 60_000, version: '0.1.0' });
    const [orders] = report.requests;
    expect(orders).toMatchObject({
      url: 'https://shop.example.com/api/orders',
      gateway: { name: 'Envoy' },
      support: { ids: [{ label: 'Request ID', value: 'req-42' }] },
    });
    expect(orders!.support.likelyCause).toMatch(/^Origin unreachable \(\d+%\)$/);
    const text = reportJson(report) + reportMarkdown(report);
    expect(text).not.toContain('SECRET-QUERY');
    expect(text).not.toContain('SECRET-COOKIE');
  });
});
