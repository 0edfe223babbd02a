// Heroku's rules as a user meets them: the stock page, a pasted router log line, headers alone, and the app's own errors.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

const ROUTER_HEADERS = { server: 'Cowboy', 'report-to': '{"group":"heroku-nel","endpoints":[{"url":"https://nel.heroku.com/reports"}]}' };

describe('Heroku', () => {
  it('names the H-code of a pasted router log line and its cause', () => {
    const result = seen({
      bodyText:
        'heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="/" host=myapp.herokuapp.com dyno=web.1 connect=6ms service=30001ms status=503 bytes=0',
    });
    expect(result.gateway).toBe('heroku');
    expect(result.variant).toBe('heroku-h12-log-line');
    expect(result.causes[0]).toBe('origin-timeout');
  });

  it('reads the oldest log format too, and tells H13 from H12: codes match as whole words', () => {
    expect(seen({ bodyText: 'heroku[router]: Error H13 (Connection closed without response) -> GET myapp.heroku.com/' }).variant).toBe('heroku-h13-log-line');
    expect(seen({ bodyText: 'heroku[router]: at=error code=H14 desc="No web dynos running"' }).causes[0]).toBe('origin-unreachable');
  });

  it("calls the stock page the router's own, with the H-codes as the causes it cannot tell apart", () => {
    const result = seen({ status: 503, headers: ROUTER_HEADERS, bodyText: '<iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe>' });
    expect(result.variant).toBe('heroku-application-error');
    expect(result.source).toBe('gateway');
    expect(result.explanation.tellApart).toContain('heroku logs');
  });

  it("with headers only, calls a 503 the router's and a 500 the app's", () => {
    const unavailable = seen({ status: 503, headers: ROUTER_HEADERS });
    expect(unavailable.variant).toBe('heroku-503-no-body');
    expect(unavailable.source).toBe('gateway');
    expect(unavailable.explanation.bodyWouldTell).toContain('H-code');
    const crashed = seen({ status: 500, headers: { ...ROUTER_HEADERS, via: '1.1 vegur' } });
    expect(crashed.variant).toBe('heroku-5xx-no-body-app');
    expect(crashed.source).toBe('origin');
    expect(seen({ status: 504, headers: { ...ROUTER_HEADERS, via: '1.1 vegur' } }).causes[0]).toBe('origin-timeout');
  });

  it('says the app wrote a 503 it announced with Retry-After', () => {
    const result = seen({ status: 503, headers: { ...ROUTER_HEADERS, via: '1.1 vegur', 'retry-after': '120' }, bodyText: '<h1>Down for maintenance</h1>' });
    expect(result.variant).toBe('heroku-unavailable-announced-app-retry-after');
    expect(result.source).toBe('origin');
  });

  it("says the app wrote an error page that is not Heroku's", () => {
    const result = seen({ status: 500, headers: { via: '1.1 vegur' }, bodyText: "<h1>We're sorry, but something went wrong.</h1>" });
    expect(result.gateway).toBe('heroku');
    expect(result.source).toBe('origin');
  });
});
