import { describe, expect, it } from 'vitest';
import { attachBody, attachBodyToList, matchingFailure, MATCH_AFTER_MS } from '../../utils/attach-body';
import type { SeenResponse } from '../../utils/devtools/port-protocol';
import { addFailure, emptyRecord, type TabRecord } from '../../utils/tab-record';
import { ENVOY_503_MESSAGE as ENVOY_503, ENVOY_CONNECT_ERROR_BODY as ENVOY_BODY } from '../support/envoy-local-reply';
import { explainFailure } from '../../utils/explain-failure';
import { failureFrom, T0 } from '../support/sample-records';

const URL = 'https://shop.example.com/api/orders';

/** The background's record of a failed Envoy call, from headers only (webRequest gives no body). */
function recordWith(...times: number[]): TabRecord {
  return times.reduce(
    (record, time, index) => addFailure(record, failureFrom(ENVOY_503, { requestId: String(100 + index), url: URL, type: 'xmlhttprequest', time })),
    emptyRecord(3),
  );
}

const seen = (overrides: Partial<SeenResponse> = {}): SeenResponse => ({
  url: URL,
  method: 'GET',
  status: 503,
  time: T0 - 40,
  bodyText: ENVOY_BODY,
  bodyTruncated: false,
  ...overrides,
});

describe('attachBody', () => {
  it('should give the stored failure its body and explain it again from it', () => {
    const record = recordWith(T0);
    expect(explainFailure(record.failures[0]!).evidence.body).toBe('unseen');
    const updated = attachBody(record, seen())!;
    expect(updated.failures[0]).toMatchObject({ bodyText: ENVOY_BODY, bodyTruncated: false, summary: { cause: 'origin-unreachable', gatewayName: 'Envoy' } });
    expect(explainFailure(updated.failures[0]!)).toMatchObject({ variant: 'Upstream connect error: connection failure', evidence: { body: 'seen' } });
  });

  it('should match the address, method and status exactly', () => {
    const record = recordWith(T0);
    expect(attachBody(record, seen({ url: `${URL}?page=2` }))).toBeUndefined();
    expect(attachBody(record, seen({ method: 'POST' }))).toBeUndefined();
    expect(attachBody(record, seen({ status: 502 }))).toBeUndefined();
    expect(attachBody(emptyRecord(3), seen())).toBeUndefined();
  });

  it('should match only within the time a gateway can take to answer', () => {
    expect(attachBody(recordWith(T0), seen({ time: T0 - MATCH_AFTER_MS - 1 }))).toBeUndefined();
    expect(attachBody(recordWith(T0), seen({ time: T0 + 10_000 }))).toBeUndefined();
    expect(attachBody(recordWith(T0), seen({ time: T0 - MATCH_AFTER_MS + 1 }))).toBeDefined();
  });

  it('should give two identical calls one body each, the nearest in time first', () => {
    const record = recordWith(T0, T0 + 2000);
    const first = attachBody(record, seen({ time: T0 + 1990, bodyText: 'second call' }))!;
    expect(first.failures.map(({ bodyText }) => bodyText)).toEqual([undefined, 'second call']);
    const both = attachBody(first, seen({ time: T0 + 1995, bodyText: 'first call' }))!;
    expect(both.failures.map(({ bodyText }) => bodyText)).toEqual(['first call', 'second call']);
    expect(matchingFailure(both.failures, seen({ time: T0 + 1995 }))?.requestId).toBe('101');
  });

  it("should keep the page's own full explanation up to date", () => {
    const page = failureFrom(ENVOY_503, { requestId: '7', url: 'https://shop.example.com/', type: 'main_frame', time: T0 });
    const record = addFailure(emptyRecord(3), { ...page, explanation: { headline: 'old' } as never });
    const updated = attachBody(record, seen({ url: 'https://shop.example.com/' }))!;
    expect(updated.page?.explanation?.causes[0]?.id).toBe('origin-unreachable');
    expect(updated.failures[0]?.explanation?.causes[0]?.id).toBe('origin-unreachable');
  });

  it('should attach to a failure not stored yet, for a burst still pending', () => {
    const pending = recordWith(T0).failures;
    expect(attachBodyToList(pending, seen())![0]).toMatchObject({ bodyText: ENVOY_BODY, summary: { cause: 'origin-unreachable' } });
    expect(attachBodyToList(pending, seen({ status: 502 }))).toBeUndefined();
  });
});
