import { describe, expect, it } from 'vitest';
import { harServerErrors, HarParseError } from '../../utils/har';

const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });
const entry = (status: number, url: string, extra: Record<string, unknown> = {}) => ({
  request: { method: 'GET', url },
  response: {
    status,
    statusText: 'X',
    headers: [{ name: 'server', value: 'nginx' }],
    content: { mimeType: 'text/html', text: '<center>nginx</center>', ...extra },
  },
});

describe('harServerErrors', () => {
  it('picks the entries with status 500 or more, in order', () => {
    const picked = harServerErrors(har([entry(200, 'https://a/'), entry(502, 'https://a/api'), entry(404, 'https://a/x'), entry(504, 'https://b/')]));
    expect(picked.map(({ status, url }) => [status, url])).toEqual([
      [502, 'https://a/api'],
      [504, 'https://b/'],
    ]);
    expect(picked[0]).toMatchObject({ headers: [{ name: 'server', value: 'nginx' }], bodyText: '<center>nginx</center>' });
  });

  it('decodes base64 bodies', () => {
    const [picked] = harServerErrors(har([entry(502, 'https://a/', { text: btoa('upstream connect error'), encoding: 'base64' })]));
    expect(picked!.bodyText).toBe('upstream connect error');
  });

  it('says when the exported body is only the start of the response', () => {
    const [cut, whole] = harServerErrors(har([entry(502, 'https://a/', { size: 5000 }), entry(502, 'https://b/', { size: 22 })]));
    expect(cut!.bodyTruncated).toBe(true);
    expect(whole!.bodyTruncated).toBeUndefined();
  });

  it.each([
    ['not JSON', 'nope', /not valid JSON/],
    ['JSON without entries', '{"log":{}}', /no "log.entries" array/],
  ])('rejects %s clearly', (_what, text, message) => {
    expect(() => harServerErrors(text)).toThrow(HarParseError);
    expect(() => harServerErrors(text)).toThrow(message);
  });
});
