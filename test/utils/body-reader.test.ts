// Which responses Firefox's background reads the body of, and how the streamed bytes become the engine's text.
import { describe, expect, it } from 'vitest';
import { charsetOf, collectBody, MAX_BODY_BYTES, shouldReadBody } from '../../utils/body-reader';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('shouldReadBody', () => {
  it('should read gateway statuses only, in a tab', () => {
    const details = (statusCode: unknown, tabId: unknown = 3) => ({ statusCode, tabId, requestId: '42' });
    for (const status of [502, 503, 504, 520, 524, 530]) expect(shouldReadBody(details(status))).toBe(true);
    for (const status of [200, 204, 301, 404, 500, 501, 505, '503', undefined]) expect(shouldReadBody(details(status))).toBe(false);
    expect(shouldReadBody(details(503, -1))).toBe(false);
    expect(shouldReadBody({ statusCode: 503, tabId: 3 })).toBe(false);
    expect(shouldReadBody(null as never)).toBe(false);
  });
});

describe('charsetOf', () => {
  it("should take the Content-Type's charset when TextDecoder knows it, UTF-8 otherwise", () => {
    expect(charsetOf('text/html; charset=ISO-8859-1')).toBe('windows-1252');
    expect(charsetOf('text/plain;charset="Shift_JIS"')).toBe('shift_jis');
    expect(charsetOf('text/plain; charset=no-such-charset')).toBe('utf-8');
    expect(charsetOf('text/plain')).toBe('utf-8');
    expect(charsetOf(undefined)).toBe('utf-8');
  });
});

describe('collectBody', () => {
  it('should decode a character split between two chunks whole, and leave the chunks as they were', () => {
    const whole = bytes('Erreur 503 : le service est indisponible – réessayez');
    const split = whole.indexOf(0xe2) + 1;
    const [first, second] = [whole.slice(0, split), whole.slice(split)];
    const copies = [first.slice(), second.slice()];
    const body = collectBody('text/plain; charset=utf-8');
    expect(body.add(first.buffer)).toBe(false);
    expect(body.add(second)).toBe(false);
    expect(body.finish(true)).toEqual({ text: 'Erreur 503 : le service est indisponible – réessayez', truncated: false });
    expect([first, second]).toEqual(copies);
  });

  it("should decode in the response's charset", () => {
    const body = collectBody('text/html; charset=iso-8859-1');
    body.add(new Uint8Array([0x43, 0x61, 0x66, 0xe9]));
    expect(body.finish(true).text).toBe('Café');
  });

  it('should keep the first MAX_BODY_BYTES and say the body went on, dropping a character cut at the limit', () => {
    const body = collectBody('text/plain');
    expect(body.add(bytes('a'.repeat(MAX_BODY_BYTES - 1)))).toBe(false);
    expect(body.add(bytes('éé'))).toBe(true);
    expect(body.add(bytes('more'))).toBe(true);
    const { text, truncated } = body.finish(true);
    expect(truncated).toBe(true);
    expect(text).toBe('a'.repeat(MAX_BODY_BYTES - 1));
  });

  it('should say a body that did not end (an error, a disconnect) is only its start', () => {
    const body = collectBody(undefined);
    body.add(bytes('upstream connect error'));
    expect(body.finish(false)).toEqual({ text: 'upstream connect error', truncated: true });
  });
});
