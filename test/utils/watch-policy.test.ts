import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../utils/explain/explain-response';
import { isGatewayFailure, isServerError } from '../../utils/watch-policy';

describe('watch policy', () => {
  it('looks further only at 5xx', () => {
    expect([200, 404, 499, 500, 502, 599, 600, '502', undefined].map(isServerError)).toEqual([false, false, false, true, true, true, false, false, false]);
  });

  it('always records gateway statuses, and other 5xx only when a gateway wrote them', () => {
    const appError = explainResponse({ status: 500, headers: { 'content-type': 'application/json' }, bodyText: '{"error":"boom"}' });
    expect(isGatewayFailure(500, appError)).toBe(false);
    const apiGateway = explainResponse({
      status: 500,
      headers: { 'x-amzn-errortype': 'InternalServerErrorException', 'x-amzn-requestid': 'abc' },
      bodyText: '{"message": "Internal server error"}',
    });
    expect(isGatewayFailure(500, apiGateway)).toBe(true);
    for (const status of [502, 503, 504, 520, 522, 530]) expect(isGatewayFailure(status, explainResponse({ status }))).toBe(true);
  });
});
