// Google's own pages read as pasted, and Google's load balancer over the Envoy it runs on.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

describe('google-cloud', () => {
  it('reads the robot page pasted without its status', () => {
    const result = seen({
      bodyText:
        '502. That’s an error.\nThe server encountered a temporary error and could not complete your request.\nPlease try again in 30 seconds. That’s all we know.',
    });
    expect(result.gateway).toBe('google-cloud');
    expect(result.source).toBe('gateway');
    expect(result.variant).toBe('google-cloud-502-server-error-front-end');
  });

  it("names Google's load balancer, not Envoy, for an Envoy reply behind Google's headers", () => {
    const result = seen({ status: 504, headers: { server: 'Google Frontend', via: '1.1 google' }, bodyText: 'upstream request timeout' });
    expect(result.route).toEqual(['google-cloud:wrote']);
    expect(result.causes[0]).toBe('origin-timeout');
  });

  it("says a page that is not Google's own came from the backend", () => {
    const result = seen({
      status: 502,
      headers: { via: '1.1 google' },
      bodyText: '<html><body><h1>Bad Gateway</h1><p>nginx could not reach the app</p></body></html>',
    });
    expect(result.source).toBe('origin');
  });
});
