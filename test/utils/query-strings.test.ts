import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADDRESS_WITH_QUERY, hostWithPort, pathOf, stripQueryStrings, urlWithoutQuery, withoutQueryStrings } from '../../utils/query-strings';

describe('query strings', () => {
  it('should cut the query and fragment of an address', () => {
    expect(urlWithoutQuery('https://a.example/p?token=x#y')).toBe('https://a.example/p');
    expect(urlWithoutQuery('https://a.example/p#y')).toBe('https://a.example/p');
    expect(urlWithoutQuery('https://a.example/p')).toBe('https://a.example/p');
  });

  it('should cut queries of addresses and paths inside text, and leave other text alone', () => {
    expect(stripQueryStrings('see https://a.example/x?s=1 and /login?next=2, then "https://b.example/?k=3"')).toBe(
      'see https://a.example/x and /login, then "https://b.example/"',
    );
    expect(stripQueryStrings('max-age=0, no-store')).toBe('max-age=0, no-store');
    expect(stripQueryStrings('Is it up? Yes.')).toBe('Is it up? Yes.');
  });

  // How long hostile text takes (and whether twice the text takes twice as long) is a benchmark figure, measured by
  // `npm run bench` (bench/engine.ts benchQueryStrings), not a time limit here: timings flake on a loaded machine.
  it('should leave hostile text without a query as it is', () => {
    const hostile = `${'/'.repeat(16_384)} ${'a,'.repeat(8_000)}`;
    expect(stripQueryStrings(hostile)).toBe(hostile);
    expect(stripQueryStrings(`${'/a'.repeat(4096)}?x=1`)).toBe('/a'.repeat(4096));
  });

  it('should strip exactly what the regular expression it stands for strips, on any text', () => {
    // The characters the grammar turns on, so that random text hits every branch: breaks, leads, trailing punctuation.
    const alphabet = fc.constantFrom('/', '?', '#', '=', ',', ';', '.', ')', '(', ' ', '"', "'", '<', '>', 'a', 'h', 'x', ':', '1', '+', '\n');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')),
        (text) => {
          expect(stripQueryStrings(text)).toBe(text.replace(ADDRESS_WITH_QUERY, '$1$2'));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('should strip queries hidden in the text that made the regular expression backtrack', () => {
    const hostile = '=/'.repeat(50_000);
    expect(stripQueryStrings(hostile)).toBe(hostile);
    expect(stripQueryStrings(`${hostile}?token=secret`)).toBe(hostile);
    expect(stripQueryStrings('next=/login?token=secret; (https://a.example/x#frag).')).toBe('next=/login; (https://a.example/x).');
  });

  it('should read hosts and paths, and survive what is not an address', () => {
    expect(hostWithPort('http://127.0.0.1:8080/x?y')).toBe('127.0.0.1:8080');
    expect(pathOf('https://a.example/api/v1?x=1')).toBe('/api/v1');
    expect(hostWithPort('not a url')).toBe('not a url');
    expect(pathOf('not a url?x')).toBe('not a url');
  });
});

describe('withoutQueryStrings', () => {
  it('should strip the query strings of every address in a JSON-like value, keys and other values untouched', () => {
    const value = { url: 'https://a.example/x?token=1', list: ['/b?c=2', 3, null], nested: { 'https://k.example/?q': true } };
    expect(withoutQueryStrings(value)).toEqual({ url: 'https://a.example/x', list: ['/b', 3, null], nested: { 'https://k.example/?q': true } });
  });
});
