import { describe, expect, it } from 'vitest';
import { describeMarker, fold, markerHolds, prepare } from '../../../utils/explain/match';

const response = prepare(
  502,
  [
    { name: 'Server', value: 'nginx/1.22.1' },
    { name: 'Set-Cookie', value: 'AWSALB=secret; Path=/' },
  ],
  '<html>\r\n<center><h1>502   Bad Gateway</h1></center>\n<hr><center>nginx</center>',
  'Bad Gateway',
);

describe('markers', () => {
  it('fold case and runs of whitespace once', () => {
    expect(fold('  A\r\n\tB  c ')).toBe('a b c');
  });

  it.each([
    [{ status: 502 }, true],
    [{ status: [503, 504] }, false],
    [{ header: 'server' }, true],
    [{ header: 'SERVER', startsWith: 'NGINX' }, true],
    [{ header: 'server', equals: 'nginx' }, false],
    [{ header: 'via', absent: true }, true],
    [{ header: 'server', absent: true }, false],
    [{ body: '<h1>502 bad gateway</h1>' }, true],
    [{ notBody: 'cloudflare' }, true],
    [{ notBody: 'nginx' }, false],
    [{ reason: 'bad gateway' }, true],
    [{ any: [{ header: 'via' }, { body: '<center>nginx' }] }, true],
    [{ any: [{ header: 'via' }, { body: 'varnish' }] }, false],
    [{ status: 502, header: 'server', body: 'nginx' }, true],
  ])('%j holds: %s', (marker, holds) => {
    expect(markerHolds(marker, response)).toBe(holds);
  });

  it('notBody does not hold when there is no body to look at', () => {
    expect(markerHolds({ notBody: 'nginx' }, prepare(502, [], undefined))).toBe(false);
  });

  it('describes what a marker saw, never a cookie value', () => {
    expect(describeMarker({ header: 'server' }, response)).toBe('Server: nginx/1.22.1');
    expect(describeMarker({ header: 'set-cookie', includes: 'awsalb' }, response)).toBe('Set-Cookie: AWSALB=[redacted]');
  });
});
