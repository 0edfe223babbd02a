import { describe, expect, it } from 'vitest';
import {
  addRequest,
  clearLog,
  emptyLog,
  filterChoices,
  MAX_LOGGED,
  navigated,
  NO_FILTERS,
  visibleRequests,
  withBody,
  type PanelLog,
} from '../../../utils/devtools/panel-log';
import { CLOUDFRONT_503, ENVOY_503, inspected, NGINX_504, PAGE_URL, T0 } from '../../support/inspected';

const orders = inspected(ENVOY_503, { url: 'https://shop.example.com/api/orders', time: T0, body: false });
const slow = inspected(NGINX_504, { url: 'https://shop.example.com/api/slow', time: T0 + 1000 });
const widget = inspected(CLOUDFRONT_503, { url: 'https://widgets.example.net/embed.json', time: T0 + 2000 });
const unreachable = {
  ...inspected(NGINX_504, { url: 'https://api.example.org/ping', time: T0 + 3000 }),
  status: 0,
  networkError: 'net::ERR_CONNECTION_REFUSED',
};

const logOf = (...requests: (typeof orders)[]): PanelLog => requests.reduce(addRequest, emptyLog(PAGE_URL));

describe('addRequest', () => {
  it('should keep a request once, though getHAR() and onRequestFinished both report it', () => {
    expect(logOf(orders, slow, orders).requests.map(({ url }) => url)).toEqual([orders.url, slow.url]);
  });

  it('should keep the newest MAX_LOGGED', () => {
    let log = emptyLog(PAGE_URL);
    for (let index = 0; index < MAX_LOGGED + 5; index++) log = addRequest(log, { ...orders, key: `k${index}` });
    expect(log.requests.length).toBe(MAX_LOGGED);
    expect(log.requests[0]!.key).toBe('k5');
  });
});

describe('withBody', () => {
  it('should give the request its body, or mark it unavailable', () => {
    const body = { text: 'upstream connect error', truncated: false };
    expect(withBody(logOf(orders), orders.key, body).requests[0]).toMatchObject({ bodyState: 'read', body });
    expect(withBody(logOf(orders), orders.key, undefined).requests[0]).toMatchObject({ bodyState: 'unavailable' });
  });
});

describe('navigated', () => {
  it("should start afresh, as DevTools' own Network panel does", () => {
    expect(navigated(logOf(orders, slow), 'https://shop.example.com/next', false)).toEqual({ requests: [], pageUrl: 'https://shop.example.com/next' });
  });

  it("should keep the new page's own failed document and what came after it, when they were reported first", () => {
    const failedPage = inspected(ENVOY_503, { url: 'https://shop.example.com/next', time: T0 + 1500, type: 'document' });
    const log = navigated(logOf(orders, failedPage, widget), 'https://shop.example.com/next', false);
    expect(log.requests.map(({ url }) => url)).toEqual([failedPage.url, widget.url]);
  });

  it('should keep everything with "preserve log", and learn the new address', () => {
    expect(navigated(logOf(orders, slow), 'https://shop.example.com/next', true)).toEqual({
      requests: [orders, slow],
      pageUrl: 'https://shop.example.com/next',
    });
  });

  it('should be undone by nothing but a clear', () => {
    expect(clearLog(logOf(orders))).toEqual({ requests: [], pageUrl: PAGE_URL });
  });
});

describe('visibleRequests', () => {
  const log = logOf(orders, slow, widget, unreachable);

  it('should list every request newest first without filters', () => {
    expect(visibleRequests(log, NO_FILTERS).map(({ url }) => url)).toEqual([unreachable.url, widget.url, slow.url, orders.url]);
  });

  it('should filter by status, "no response", host and party', () => {
    expect(visibleRequests(log, { ...NO_FILTERS, status: 503 }).map(({ url }) => url)).toEqual([widget.url, orders.url]);
    expect(visibleRequests(log, { ...NO_FILTERS, status: 'network' }).map(({ url }) => url)).toEqual([unreachable.url]);
    expect(visibleRequests(log, { ...NO_FILTERS, host: 'widgets.example.net' }).map(({ url }) => url)).toEqual([widget.url]);
    expect(visibleRequests(log, { ...NO_FILTERS, party: 'first' }).map(({ url }) => url)).toEqual([slow.url, orders.url]);
    expect(visibleRequests(log, { ...NO_FILTERS, party: 'third' }).map(({ url }) => url)).toEqual([unreachable.url, widget.url]);
    expect(visibleRequests(log, { status: 503, host: 'shop.example.com', party: 'third' })).toEqual([]);
  });

  it('should offer the statuses and hosts the log holds', () => {
    expect(filterChoices(log)).toEqual({ statuses: [503, 504], networkErrors: true, hosts: ['api.example.org', 'shop.example.com', 'widgets.example.net'] });
  });
});
