// Firefox's body filter with a stand-in StreamFilter: every chunk written on unchanged and in order, the filter let go
// at the end, the body given to the machine; no filter at all for a healthy response.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { readFailingBody } from '../../../entrypoints/background/firefox-bodies';
import { MAX_BODY_BYTES } from '../../../utils/body-reader';

function fakeFilter() {
  return {
    ondata: null as ((event: { data: ArrayBuffer }) => void) | null,
    onstop: null as (() => void) | null,
    onerror: null as (() => void) | null,
    error: '',
    written: [] as Uint8Array[],
    disconnected: 0,
    write(data: ArrayBuffer) {
      this.written.push(new Uint8Array(data));
    },
    disconnect() {
      this.disconnected += 1;
    },
  };
}

let filters: ReturnType<typeof fakeFilter>[];
const filterResponseData = vi.fn(() => filters[filters.push(fakeFilter()) - 1]);
beforeEach(() => {
  filters = [];
  filterResponseData.mockClear();
  // Firefox's own API: not in WXT's fake browser, nor in Chrome's types.
  Object.assign(browser.webRequest, { filterResponseData });
});

const details = (statusCode: number) => ({
  requestId: '77',
  tabId: 4,
  url: 'https://shop.example.com/api/orders',
  method: 'get',
  statusCode,
  timeStamp: 1_800_000_000_000,
  responseHeaders: [
    { name: 'Content-Type', value: 'text/plain; charset=utf-8' },
    { name: 'server', value: 'envoy' },
  ],
});
const chunk = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('readFailingBody', () => {
  it("should never filter a healthy response, nor an application's 500", () => {
    const read = vi.fn();
    readFailingBody(details(200), read);
    readFailingBody(details(500), read);
    expect(filterResponseData).not.toHaveBeenCalled();
  });

  it('should pass every byte through in order, then let go and give the body with its request id', () => {
    const read = vi.fn();
    readFailingBody(details(503), read);
    const [filter] = filters;
    const parts = ['upstream connect error or disconnect/reset before headers. ', 'reset reason: connection failure'];
    for (const part of parts) filter!.ondata!({ data: chunk(part) });
    expect(read).not.toHaveBeenCalled();
    filter!.onstop!();
    expect(new TextDecoder().decode(Buffer.concat(filter!.written))).toBe(parts.join(''));
    expect(filter!.disconnected).toBe(1);
    expect(read).toHaveBeenCalledWith(4, {
      requestId: '77',
      url: 'https://shop.example.com/api/orders',
      method: 'GET',
      status: 503,
      time: 1_800_000_000_000,
      bodyText: parts.join(''),
      bodyTruncated: false,
    });
  });

  it('should let go once 16 KB are kept, the rest streaming without it', () => {
    const read = vi.fn();
    readFailingBody(details(502), read);
    const [filter] = filters;
    filter!.ondata!({ data: chunk('x'.repeat(MAX_BODY_BYTES + 10)) });
    expect(filter!.written[0]!.byteLength).toBe(MAX_BODY_BYTES + 10);
    expect(filter!.disconnected).toBe(1);
    expect(read.mock.calls[0]![1]).toMatchObject({ bodyTruncated: true, bodyText: 'x'.repeat(MAX_BODY_BYTES) });
    filter!.onstop!();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('should give what arrived before an error as the start of the body, and nothing when nothing did', () => {
    const read = vi.fn();
    readFailingBody(details(504), read);
    readFailingBody(details(504), read);
    filters[0]!.ondata!({ data: chunk('upstream request timeout') });
    filters[0]!.onerror!();
    filters[1]!.onerror!();
    expect(read).toHaveBeenCalledTimes(1);
    expect(read.mock.calls[0]![1]).toMatchObject({ bodyText: 'upstream request timeout', bodyTruncated: true });
  });
});
