import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../utils/explain/explain-response';
import { summarize } from '../../utils/tab-record';
import { DEFAULT_WATCHED_TYPES, isGatewayFailure, isServerError, typesBeyondDefaults } from '../../utils/watch-policy';

describe('watch policy', () => {
  it('looks further only at 5xx', () => {
    expect([200, 404, 499, 500, 502, 599, 600, '502', undefined].map(isServerError)).toEqual([false, false, false, true, true, true, false, false, false]);
  });

  it('always records gateway statuses, and other 5xx only when a gateway wrote them', () => {
    const appError = explainResponse({ status: 500, headers: { 'content-type': 'application/json' }, bodyText: '{"error":"boom"}' });
    expect(isGatewayFailure(500, summarize(appError))).toBe(false);
    const apiGateway = explainResponse({
      status: 500,
      headers: { 'x-amzn-errortype': 'InternalServerErrorException', 'x-amzn-requestid': 'abc' },
      bodyText: '{"message": "Internal server error"}',
    });
    expect(isGatewayFailure(500, summarize(apiGateway))).toBe(true);
    for (const status of [502, 503, 504, 520, 522, 530]) expect(isGatewayFailure(status, summarize(explainResponse({ status })))).toBe(true);
  });

  it("names every other type for the watch-everything listener, from the browser's own enum where it has one", () => {
    // Chromium exposes webRequest.ResourceType as an object of constants: those values win over the documented list.
    const chromiums = { MAIN_FRAME: 'main_frame', SUB_FRAME: 'sub_frame', XMLHTTPREQUEST: 'xmlhttprequest', IMAGE: 'image', SCRIPT: 'script', OTHER: 'other' };
    expect(typesBeyondDefaults('chrome', chromiums)).toEqual(['image', 'script', 'other']);
    for (const browser of ['chrome', 'firefox'] as const) {
      for (const listed of [undefined, {}, 'image', { A: 1 }]) {
        const types = typesBeyondDefaults(browser, listed);
        expect(types).toContain('image');
        expect(types).toContain('script');
        expect(types.filter((type) => (DEFAULT_WATCHED_TYPES as readonly string[]).includes(type))).toEqual([]);
      }
    }
    expect(typesBeyondDefaults('firefox')).toContain('imageset');
    expect(typesBeyondDefaults('chrome')).not.toContain('imageset');
  });
});
