import { describe, expect, it } from 'vitest';
import { buildReport, reportFileName, reportJson, reportMarkdown } from '../../utils/report';
import { explainFailure } from '../../utils/explain-failure';
import { addFailure, emptyRecord, toFailedRequest } from '../../utils/tab-record';
import { pageFailedRecord, requestsFailedRecord, scheduledRetry, T0 } from '../support/sample-records';

const NOW = T0 + 60_000;

describe('buildReport', () => {
  it('should explain the page failure again from the stored response', () => {
    const report = buildReport(pageFailedRecord(), undefined, { explain: explainFailure, now: NOW, version: '0.1.0' });
    expect(report.generator).toBe('Gatewhy 0.1.0');
    expect(report.page).toMatchObject({
      status: 520,
      host: 'shop.example.com',
      headline: expect.stringMatching(/^520 from Cloudflare: .*the origin server sent a response the gateway could not use/),
      gateway: { name: 'Cloudflare' },
      source: 'gateway',
      statusPage: 'https://www.cloudflarestatus.com/',
    });
    expect(report.page!.causes[0]!.evidence.length).toBeGreaterThan(0);
    expect(report.page!.headers.find(({ name }) => name === 'CF-RAY')).toMatchObject({ group: 'gateway', decoded: expect.stringContaining('Amsterdam') });
  });

  it('should leave out query strings and fragments by default, everywhere', () => {
    const report = buildReport(pageFailedRecord(), scheduledRetry('https://shop.example.com/checkout?token=SECRET-TOKEN'), {
      explain: explainFailure,
      now: NOW,
    });
    const text = reportJson(report) + reportMarkdown(report);
    expect(report.queryStrings).toBe('removed');
    expect(report.page!.url).toBe('https://shop.example.com/checkout');
    expect(text).not.toContain('SECRET-TOKEN');
    expect(text).not.toContain('step2');
  });

  it('should keep query strings when asked', () => {
    const report = buildReport(pageFailedRecord(), undefined, { explain: explainFailure, now: NOW, includeQuery: true });
    expect(report.queryStrings).toBe('included');
    expect(report.page!.url).toBe('https://shop.example.com/checkout?token=SECRET-TOKEN#step2');
  });

  it('should never contain a cookie or credential value, even from a record stored without redaction', () => {
    const record = pageFailedRecord();
    // A record written by a careless older version: the value sits there in clear.
    record.page = { ...record.page!, headers: [...record.page!.headers, { name: 'Authorization', value: 'Bearer SECRET-BEARER' }] };
    const report = buildReport(record, undefined, { explain: explainFailure, now: NOW, includeQuery: true });
    const text = reportJson(report) + reportMarkdown(report);
    expect(text).not.toContain('SECRET-COOKIE');
    expect(text).not.toContain('SECRET-BEARER');
    expect(report.page!.headers.find(({ name }) => name === 'Set-Cookie')).toMatchObject({ value: '[redacted]', redacted: true });
  });

  it('should strip addresses inside header values and evidence too', () => {
    const failure = toFailedRequest({
      requestId: '1',
      url: 'https://a.example/',
      type: 'main_frame',
      statusCode: 503,
      responseHeaders: [
        { name: 'Report-To', value: '{"endpoints":[{"url":"https://a.nel.cloudflare.com/report/v4?s=SECRET-NEL"}]}' },
        { name: 'Location', value: '/login?next=SECRET-NEXT' },
      ],
    });
    const report = buildReport(addFailure(emptyRecord(1), failure), undefined, { explain: explainFailure, now: NOW });
    const text = reportJson(report);
    expect(text).not.toContain('SECRET-NEL');
    expect(text).not.toContain('SECRET-NEXT');
    expect(text).toContain('https://a.nel.cloudflare.com/report/v4');
  });

  it('should list the requests inside the page apart from the page, with their party', () => {
    const report = buildReport(requestsFailedRecord(), undefined, { explain: explainFailure, now: NOW });
    expect(report.page).toBeNull();
    expect(report.requests.map(({ host, party }) => `${party} ${host}`)).toEqual([
      'first shop.example.com',
      'first shop.example.com',
      'third widgets.example.net',
    ]);
    expect(report.requests[2]!.gateway?.name).toBe('Amazon CloudFront');
  });

  it('should include the retry state and the timeline', () => {
    const report = buildReport(pageFailedRecord(), scheduledRetry('https://shop.example.com/checkout'), { explain: explainFailure, now: NOW });
    expect(report.retry).toEqual({ attempt: 1, maxAttempts: 5, nextRetryAt: new Date(T0 + 4000).toISOString(), delayReason: 'backoff' });
    expect(report.timeline.map(({ kind }) => kind)).toEqual(['failed', 'retry-scheduled']);
  });
});

describe('reportMarkdown', () => {
  it('should read as a support ticket: headline, facts, causes, owner checks, headers, timeline', () => {
    const markdown = reportMarkdown(
      buildReport(pageFailedRecord(), scheduledRetry('https://shop.example.com/checkout'), { explain: explainFailure, now: NOW, version: '0.1.0' }),
    );
    expect(markdown).toContain('## Gatewhy report: shop.example.com');
    expect(markdown).toMatch(/### The page failed: 520 from Cloudflare: .*the origin server sent a response the gateway could not use/);
    expect(markdown).toContain('- **Address:** GET https://shop.example.com/checkout');
    expect(markdown).toContain('- **Status page:** https://www.cloudflarestatus.com/');
    expect(markdown).toMatch(/\*\*Likely causes\*\*\n\n1\. .+ \(\d+%\)/);
    expect(markdown).toContain('**What the site owner should check**');
    expect(markdown).toMatch(/\| CF-RAY \| `4ee02a558935bdc3-AMS` \| Ray ID 4ee02a558935bdc3, Cloudflare data centre AMS \(Amsterdam/);
    expect(markdown).toContain('**Automatic retry:** 1 of 5 retries made; next retry at 2026-11-27 14:05:04 UTC (backoff)');
    expect(markdown).toContain('### Timeline');
    expect(markdown.trimEnd().split('\n').at(-1)).toBe(
      '_Made with Gatewhy 0.1.0 on 2026-11-27 14:06:00 UTC. Cookies and credentials are redacted; query strings removed._',
    );
  });

  it('should group the requests inside the page by party and detail the first one', () => {
    const markdown = reportMarkdown(buildReport(requestsFailedRecord(), undefined, { explain: explainFailure, now: NOW }));
    expect(markdown).toContain('### Failed requests inside the page (3)');
    expect(markdown.indexOf('**Same site as the page**')).toBeLessThan(markdown.indexOf('**Third parties**'));
    expect(markdown).toContain('GET https://widgets.example.net/embed.json → HTTP/1.1 503');
    expect(markdown).toContain('#### First failure:');
  });

  it('should keep table cells on one line and code spans intact', () => {
    const failure = toFailedRequest({
      requestId: '1',
      url: 'https://a.example/',
      type: 'main_frame',
      statusCode: 502,
      responseHeaders: [{ name: 'X-Odd', value: 'a|b `c`' }],
    });
    const markdown = reportMarkdown(buildReport(addFailure(emptyRecord(1), failure), undefined, { explain: explainFailure, now: NOW }));
    expect(markdown).toContain('| X-Odd | `` a\\|b `c` `` |');
  });

  it('should say so when the tab has no errors', () => {
    expect(reportMarkdown(buildReport(emptyRecord(1), undefined, { explain: explainFailure, now: NOW }))).toContain(
      'No gateway errors were recorded on this tab.',
    );
  });
});

describe('reportFileName', () => {
  it('should name the file after the host and the time', () => {
    expect(reportFileName(buildReport(pageFailedRecord(), undefined, { explain: explainFailure, now: NOW }))).toBe(
      'gatewhy-shop.example.com-2026-11-27T14-06-00Z.json',
    );
  });
});

describe('the "For support" block', () => {
  it("should give what a vendor's support asks for: the ids, the time in UTC, the route, the status and the likely cause", () => {
    const report = buildReport(pageFailedRecord(), undefined, { explain: explainFailure, now: NOW });
    expect(report.page!.support).toEqual({
      ids: [{ label: 'Cloudflare Ray ID', from: 'CF-RAY', value: '4ee02a558935bdc3-AMS' }],
      time: '2026-11-27T14:05:00.000Z',
      route: ['Cloudflare'],
      status: 'HTTP/1.1 520 Origin Error',
      likelyCause: expect.stringMatching(/^Invalid response from origin \(\d+%\)$/),
    });
  });

  it('should open each detailed failure in Markdown, and name the ids in the list of requests', () => {
    const markdown = reportMarkdown(buildReport(pageFailedRecord(), undefined, { explain: explainFailure, now: NOW }));
    const block = markdown.slice(markdown.indexOf('**For support**'), markdown.indexOf('**Details**'));
    expect(block.split('\n').filter(Boolean)).toEqual([
      '**For support**',
      '- **Cloudflare Ray ID** (CF-RAY): `4ee02a558935bdc3-AMS`',
      '- **Address:** GET https://shop.example.com/checkout',
      '- **Time (UTC):** 2026-11-27 14:05:00 UTC',
      '- **Route:** Cloudflare',
      '- **Status:** HTTP/1.1 520 Origin Error',
      expect.stringMatching(/^- \*\*Likely cause:\*\* Invalid response from origin \(\d+%\)$/),
    ]);
    expect(markdown.indexOf('**For support**')).toBeLessThan(markdown.indexOf('**Likely causes**'));
    const requests = reportMarkdown(buildReport(requestsFailedRecord(), undefined, { explain: explainFailure, now: NOW }));
    expect(requests).toMatch(/widgets\.example\.net\/embed\.json → HTTP\/1\.1 503: .+ \(CloudFront request ID `[^`]+`\)/);
    expect(requests).toContain('- **Request ids:** none in the response');
  });

  it('should take the Akamai reference from the body DevTools passed on', () => {
    const failure = {
      ...toFailedRequest({
        requestId: '1',
        url: 'https://a.example/',
        type: 'xmlhttprequest',
        statusCode: 503,
        responseHeaders: [{ name: 'Server', value: 'AkamaiGHost' }],
      }),
      bodyText: 'An error occurred while processing your request.<p>Reference&#32;&#35;97&#46;1e2f3a&#46;1700000000&#46;4b5c6d</p>',
    };
    const report = buildReport(addFailure(emptyRecord(1), failure), undefined, { explain: explainFailure, now: NOW });
    expect(report.requests[0]!.support.ids).toEqual([{ label: 'Akamai reference', from: 'error page', value: '#97.1e2f3a.1700000000.4b5c6d' }]);
  });
});
