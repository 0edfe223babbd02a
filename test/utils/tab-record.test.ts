import { describe, expect, it } from 'vitest';
import { addFailure, emptyRecord, recordForStorage, startPage, toFailedRequest, MAX_FAILURES_PER_TAB } from '../../utils/tab-record';

const failure = (requestId: string, type = 'xmlhttprequest', status = 502) =>
  toFailedRequest({ requestId, type, statusCode: status, url: `https://example.com/${requestId}`, timeStamp: 1 });

describe('toFailedRequest', () => {
  it('keeps what the popup shows and redacts credentials', () => {
    const kept = toFailedRequest({
      requestId: '7',
      url: 'https://example.com/',
      type: 'main_frame',
      method: 'get',
      statusCode: 502,
      statusLine: 'HTTP/1.1 502 Bad Gateway',
      timeStamp: 1000,
      ip: '203.0.113.5',
      responseHeaders: [
        { name: 'Server', value: 'nginx' },
        { name: 'Set-Cookie', value: 'session=abc' },
      ],
    });
    expect(kept).toEqual({
      requestId: '7',
      url: 'https://example.com/',
      type: 'main_frame',
      method: 'GET',
      status: 502,
      statusLine: 'HTTP/1.1 502 Bad Gateway',
      time: 1000,
      ip: '203.0.113.5',
      headers: [
        { name: 'Server', value: 'nginx' },
        { name: 'Set-Cookie', value: 'session=[redacted]' },
      ],
    });
    expect(JSON.stringify(kept)).not.toContain('abc');
  });

  it('survives details with missing or odd fields', () => {
    const kept = toFailedRequest({ statusCode: 'x', responseHeaders: 5, url: {} }, 42);
    expect(kept).toMatchObject({ status: 0, url: '', method: 'GET', time: 42, headers: [] });
  });
});

describe('addFailure', () => {
  it('sets the page failure for main_frame and lists every failure', () => {
    const record = addFailure(addFailure(emptyRecord(1), failure('1', 'main_frame')), failure('2'));
    expect(record.page?.requestId).toBe('1');
    expect(record.failures.map(({ requestId }) => requestId)).toEqual(['1', '2']);
  });

  it(`keeps only the newest ${MAX_FAILURES_PER_TAB} failures`, () => {
    let record = emptyRecord(1);
    for (let i = 1; i <= MAX_FAILURES_PER_TAB + 10; i++) record = addFailure(record, failure(String(i)));
    expect(record.failures).toHaveLength(MAX_FAILURES_PER_TAB);
    expect(record.failures[0]!.requestId).toBe('11');
  });

  it('does not list the same request twice', () => {
    const record = addFailure(addFailure(emptyRecord(1), failure('5')), failure('5'));
    expect(record.failures).toHaveLength(1);
  });
});

describe('startPage', () => {
  it('drops failures of earlier pages and keeps those the new page already started', () => {
    let record = addFailure(emptyRecord(1), failure('10', 'main_frame'));
    record = addFailure(record, failure('11'));
    record = addFailure(record, failure('21'));
    const fresh = startPage(record, '20', 'https://example.com/other');
    expect(fresh.page).toBeUndefined();
    expect(fresh.failures.map(({ requestId }) => requestId)).toEqual(['21']);
  });
});

describe('recordForStorage', () => {
  it("keeps no inline script text, hidden field value or query string of a body, the page's or a request's", () => {
    const body =
      '<h1>502 Bad Gateway</h1><script>document.cookie = "pc=COOKIE-SECRET"</script><input type="hidden" value="CSRF-SECRET"><a href="/x?token=QUERY-SECRET">again</a>';
    const failure = (requestId: string, type: string) => ({
      ...toFailedRequest({ requestId, url: 'https://a.example/p?token=QUERY-SECRET', type, statusCode: 502, responseHeaders: [], timeStamp: 1 }, 1),
      bodyText: body,
    });
    const stored = JSON.stringify(recordForStorage({ ...emptyRecord(1), page: failure('1', 'main_frame'), failures: [failure('2', 'xmlhttprequest')] }));
    for (const secret of ['COOKIE-SECRET', 'CSRF-SECRET', 'QUERY-SECRET']) expect(stored).not.toContain(secret);
    expect(stored).toContain('<h1>502 Bad Gateway</h1>');
  });
});
