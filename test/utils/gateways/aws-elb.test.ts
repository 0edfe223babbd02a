// The load balancer's own errors by Server: awselb, its own status codes, and the Classic's reason phrases.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

describe('aws-elb', () => {
  it('does not name the ALB for a bare nginx-like page without its Server header', () => {
    const result = seen({
      status: 502,
      bodyText: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
    });
    expect(result.gateway).not.toBe('aws-elb');
  });

  it("reads the Classic Load Balancer's reason phrase with nothing else", () => {
    const result = seen({ status: 503, statusText: 'Service Unavailable: Back-end server is at capacity' });
    expect(result.gateway).toBe('aws-elb');
    expect(result.source).toBe('gateway');
  });

  it('says a target wrote a 502 the ALB relayed (its Server is not awselb)', () => {
    const result = seen({ status: 502, headers: { server: 'gunicorn', 'set-cookie': 'AWSALB=abc; Path=/' }, bodyText: '<h1>Bad Gateway</h1>' });
    expect(result.gateway).toBe('aws-elb');
    expect(result.source).toBe('origin');
  });
});
