import { describe, expect, it } from 'vitest';
import { explainFailure, statusTextOf } from '../../utils/explain-failure';
import { toFailedRequest } from '../../utils/tab-record';

describe('statusTextOf', () => {
  it('should read the reason phrase of a status line, with or without the version', () => {
    expect(statusTextOf('HTTP/1.1 502 Bad Gateway')).toBe('Bad Gateway');
    expect(statusTextOf('HTTP/2 503')).toBe('');
    expect(statusTextOf('504 Gateway Time-out')).toBe('Gateway Time-out');
    expect(statusTextOf('')).toBe('');
  });
});

describe('explainFailure', () => {
  const failure = toFailedRequest({
    requestId: '1',
    url: 'https://a.example/api',
    type: 'xmlhttprequest',
    statusCode: 503,
    statusLine: 'HTTP/1.1 503 Service Unavailable',
    responseHeaders: [{ name: 'Server', value: 'envoy' }],
  });

  it('should explain from the body DevTools passed on, before the page DOM read afterwards', () => {
    const body = 'upstream connect error or disconnect/reset before headers. reset reason: connection failure';
    expect(explainFailure(failure).evidence.body).toBe('unseen');
    expect(explainFailure({ ...failure, bodyText: body })).toMatchObject({ variant: 'Upstream connect error: connection failure', evidence: { body: 'seen' } });
    expect(explainFailure({ ...failure, bodyText: body, pageHtml: '<html><body>Service Unavailable</body></html>' }).variant).toBe(
      'Upstream connect error: connection failure',
    );
  });
});
