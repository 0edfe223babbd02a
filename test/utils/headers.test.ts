import { describe, expect, it } from 'vitest';
import { cutText, isSensitiveHeader, normalizeHeaders, redactHeaders, MAX_HEADER_CHARS, MAX_HEADERS, REDACTED } from '../../utils/headers';

describe('normalizeHeaders', () => {
  it('reads webRequest arrays, tuples and plain objects, keeping order and duplicates', () => {
    expect(
      normalizeHeaders([
        { name: 'Server', value: 'nginx' },
        { name: 'Via', value: '1.1 a' },
        { name: 'Via', value: '1.1 b' },
      ]),
    ).toEqual([
      { name: 'Server', value: 'nginx' },
      { name: 'Via', value: '1.1 a' },
      { name: 'Via', value: '1.1 b' },
    ]);
    expect(normalizeHeaders([['x-cache', 'HIT']])).toEqual([{ name: 'x-cache', value: 'HIT' }]);
    expect(normalizeHeaders({ age: 5, 'set-cookie': ['a=1', 'b=2'] })).toEqual([
      { name: 'age', value: '5' },
      { name: 'set-cookie', value: 'a=1' },
      { name: 'set-cookie', value: 'b=2' },
    ]);
  });

  it('decodes webRequest binaryValue headers', () => {
    expect(normalizeHeaders([{ name: 'x-bin', binaryValue: [104, 105] } as never])).toEqual([{ name: 'x-bin', value: 'hi' }]);
  });

  it('returns an empty list for nonsense instead of throwing', () => {
    for (const junk of [
      null,
      undefined,
      42,
      'text',
      [null, 7, {}],
      {
        get boom(): string {
          throw new Error('x');
        },
      },
    ]) {
      expect(() => normalizeHeaders(junk as never)).not.toThrow();
    }
  });

  it('cuts huge values and keeps at most MAX_HEADERS headers', () => {
    const [header] = normalizeHeaders({ big: 'x'.repeat(1_000_000) });
    expect(header!.value.length).toBeLessThan(MAX_HEADER_CHARS + 100);
    expect(header!.value).toContain('more characters cut');
    expect(normalizeHeaders(Array.from({ length: 1000 }, (_, i) => ({ name: `h${i}`, value: 'v' })))).toHaveLength(MAX_HEADERS);
  });

  it('counts what an earlier cut took when a value is cut again', () => {
    const [header] = normalizeHeaders({ big: 'x'.repeat(1_000_000) });
    expect(cutText(header!.value, 100)).toBe(`${'x'.repeat(100)}… [${1_000_000 - 100} more characters cut]`);
    expect(cutText('short', 100)).toBe('short');
    expect(cutText(header!.value, MAX_HEADER_CHARS)).toBe(header!.value);
  });
});

describe('isSensitiveHeader', () => {
  it.each([
    'Cookie',
    'set-cookie',
    'Authorization',
    'Proxy-Authorization',
    'X-API-Key',
    'x-auth-token',
    'X-CSRF-Token',
    'x-amz-security-token',
    'X-Session-Id',
    'client-secret',
  ])('treats %s as sensitive', (name) => expect(isSensitiveHeader(name)).toBe(true));
  it.each(['Server', 'Via', 'cf-ray', 'x-request-id', 'retry-after', 'content-type'])('keeps %s', (name) => expect(isSensitiveHeader(name)).toBe(false));
});

describe('redactHeaders', () => {
  it('replaces sensitive values and leaves the rest', () => {
    const redacted = redactHeaders([
      { name: 'Authorization', value: 'Bearer secret-token' },
      { name: 'X-Auth-Token', value: 'secret-token' },
      { name: 'Server', value: 'nginx' },
    ]);
    expect(redacted).toEqual([
      { name: 'Authorization', value: REDACTED },
      { name: 'X-Auth-Token', value: REDACTED },
      { name: 'Server', value: 'nginx' },
    ]);
  });

  it("keeps a cookie's name (it tells which gateway set it) but never its value", () => {
    const [cookie, odd] = redactHeaders([
      { name: 'Set-Cookie', value: 'AWSALB=secret-value; Expires=Tue, 01 Dec 2026 00:00:00 GMT; Path=/' },
      { name: 'set-cookie', value: 'no-equals-sign-secret' },
    ]);
    expect(cookie!.value).toBe(`AWSALB=${REDACTED}`);
    expect(odd!.value).toBe(REDACTED);
  });
});
