// Fitting a tab's record into its byte budget: always within it, the page's failure and the newest kept, the rest counted.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  HEADERS_BUDGET_CHARS,
  keptHeaders,
  fitRecord,
  MIN_TAB_RECORD_BYTES,
  SESSION_BUDGET_BYTES,
  STORED_HEADER_CHARS,
  storedBytes,
  TAB_RECORD_BUDGET_BYTES,
  tabBudget,
} from '../../utils/storage-budget';
import { explainFailure } from '../../utils/explain-failure';
import { failureCount, summarize, type FailedRequest, type TabRecord } from '../../utils/tab-record';

const KEY = 'tab:7';

const failure = (i: number, extra: Partial<FailedRequest> = {}): FailedRequest => ({
  requestId: String(i),
  url: `https://api.example.com/items/${i}`,
  type: 'xmlhttprequest',
  method: 'GET',
  status: 502,
  statusLine: 'HTTP/1.1 502 Bad Gateway',
  time: 1_700_000_000_000 + i,
  headers: [{ name: 'Server', value: 'nginx' }],
  ...extra,
});

const pageFailure = (): FailedRequest => {
  const page = failure(1, { type: 'main_frame', pageHtml: '<html><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>' });
  const explanation = explainFailure(page);
  return { ...page, party: 'first', summary: summarize(explanation), explanation };
};

describe('fitRecord', () => {
  it('stores a small record whole, but the page’s explanation once and not again on its list entry', () => {
    const page = pageFailure();
    const record: TabRecord = { tabId: 7, page, failures: [page, failure(2)], timeline: [{ time: 1, kind: 'failed', text: 'The page failed: 502' }] };
    const fitted = fitRecord(KEY, record, TAB_RECORD_BUDGET_BYTES);
    expect(fitted.page).toEqual(page);
    const { explanation: _once, ...listed } = page;
    expect(fitted.failures[0]).toStrictEqual(listed);
    expect(fitted.failures[1]).toEqual(failure(2));
    expect(fitted.timeline).toEqual(record.timeline);
  });

  it('cuts a megabyte header value to STORED_HEADER_CHARS, saying how much was cut', () => {
    const value = 'a'.repeat(1024 * 1024);
    const fitted = fitRecord(KEY, { tabId: 7, failures: [failure(2, { headers: [{ name: 'X-Trace', value }] })], timeline: [] }, TAB_RECORD_BUDGET_BYTES);
    const kept = fitted.failures[0]!.headers[0]!.value;
    expect(kept.startsWith('a'.repeat(STORED_HEADER_CHARS))).toBe(true);
    expect(kept).toContain(`[${1024 * 1024 - STORED_HEADER_CHARS} more characters cut]`);
  });

  it('drops the oldest failures inside the page first, and counts them', () => {
    const failures = Array.from({ length: 50 }, (_, i) => failure(i + 2, { bodyText: 'upstream connect error '.repeat(200) }));
    const fitted = fitRecord(KEY, { tabId: 7, failures, timeline: [] }, 16 * 1024);
    expect(storedBytes(KEY, fitted)).toBeLessThanOrEqual(16 * 1024);
    expect(fitted.failures.at(-1)!.requestId).toBe('51');
    expect(fitted.failures.length).toBeGreaterThan(3);
    expect(failureCount(fitted)).toBe(50);
    expect(fitted.failures.map((kept) => Number(kept.requestId))).toEqual([...fitted.failures.map((kept) => Number(kept.requestId))].sort((a, b) => a - b));
  });

  const header = fc.record({
    name: fc.string({ minLength: 1, maxLength: 40 }),
    value: fc.oneof(fc.string({ maxLength: 200 }), fc.string({ minLength: 10_000, maxLength: 40_000 }), fc.string({ unit: 'binary', maxLength: 5000 })),
  });
  const anyFailure = fc.record({
    requestId: fc.nat().map(String),
    url: fc.webUrl({ withQueryParameters: false }),
    type: fc.constantFrom('main_frame', 'xmlhttprequest', 'script', 'image'),
    method: fc.constantFrom('GET', 'POST'),
    status: fc.constantFrom(0, 502, 503, 504, 520),
    statusLine: fc.string({ maxLength: 100 }),
    time: fc.nat(),
    headers: fc.array(header, { maxLength: 30 }),
    bodyText: fc.option(fc.string({ unit: 'binary', maxLength: 16_384 }), { nil: undefined }),
    pageHtml: fc.option(fc.string({ maxLength: 16_384 }), { nil: undefined }),
  });

  it('always fits any record into any budget from the least a tab gets to a tab’s own, keeping the page and the newest', () => {
    fc.assert(
      fc.property(
        fc.array(anyFailure, { minLength: 1, maxLength: 50 }),
        fc.integer({ min: MIN_TAB_RECORD_BYTES, max: TAB_RECORD_BUDGET_BYTES }),
        fc.boolean(),
        (failures, budget, withPage) => {
          const page = withPage ? { ...failures[0]!, type: 'main_frame' } : undefined;
          const record: TabRecord = { tabId: 7, ...(page && { page }), failures, timeline: [{ time: 1, kind: 'failed', text: 'The page failed: 502' }] };
          const fitted = fitRecord(KEY, record, budget);
          expect(storedBytes(KEY, fitted)).toBeLessThanOrEqual(budget);
          expect(fitted.page?.requestId).toBe(page?.requestId);
          expect(fitted.failures.at(-1)?.requestId).toBe(failures.at(-1)!.requestId);
          expect(failureCount(fitted)).toBe(failures.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('tabBudget', () => {
  it('gives a tab its own budget while the session has room, what is left when it has less, and never under the least', () => {
    expect(tabBudget(0)).toBe(TAB_RECORD_BUDGET_BYTES);
    const left = SESSION_BUDGET_BYTES - 256 * 1024 - 1_780_000;
    expect(tabBudget(1_780_000)).toBe(Math.max(MIN_TAB_RECORD_BYTES, left));
    expect(tabBudget(SESSION_BUDGET_BYTES)).toBe(MIN_TAB_RECORD_BYTES);
  });
});

describe('storedBytes', () => {
  it('counts UTF-8 bytes of the key and the JSON value, as the quota does', () => {
    expect(storedBytes('k', 'ab')).toBe(1 + 4);
    expect(storedBytes('k', 'é')).toBe(1 + 2 + 2);
    expect(storedBytes('k', '日')).toBe(1 + 2 + 3);
    expect(storedBytes('k', '😀')).toBe(1 + 2 + 4);
    expect(storedBytes('k', { a: [1, 2] })).toBe(1 + new TextEncoder().encode(JSON.stringify({ a: [1, 2] })).length);
  });
});

describe('keptHeaders', () => {
  it('cuts each value at STORED_HEADER_CHARS, and values past the response’s budget to their start', () => {
    const headers = Array.from({ length: 200 }, (_, i) => ({ name: `X-${i}`, value: 'v'.repeat(16_384) }));
    const kept = keptHeaders(headers);
    expect(kept).toHaveLength(200);
    expect(kept[0]!.value).toBe(`${'v'.repeat(STORED_HEADER_CHARS)}… [${16_384 - STORED_HEADER_CHARS} more characters cut]`);
    const total = kept.reduce((sum, header) => sum + header.value.length, 0);
    expect(total).toBeLessThan(HEADERS_BUDGET_CHARS + 200 * 300);
    expect(keptHeaders([{ name: 'Server', value: 'nginx' }])).toEqual([{ name: 'Server', value: 'nginx' }]);
  });
});
