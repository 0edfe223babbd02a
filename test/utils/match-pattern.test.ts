// The site-rule grammar: what it accepts it can match, what it refuses it names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesAny, parseSitePattern, patternMatches, siteRuleFor, sitePatternError } from '../../utils/match-pattern';

const matches = (rule: string, url: string) => {
  const { pattern, error } = parseSitePattern(rule);
  if (!pattern) throw new Error(error);
  return patternMatches(pattern, url);
};

describe('parseSitePattern', () => {
  it('should accept the rules the old checker accepted but the old matcher never matched', () => {
    expect(matches('*://example.com:8080/*', 'http://example.com:8080/a')).toBe(true);
    expect(matches('*://example.com:8080/*', 'http://example.com:8081/a')).toBe(false);
    expect(matches('*://[::1]/*', 'http://[::1]:3000/x')).toBe(true);
    expect(matches('http://[::1]:3000/*', 'http://[0:0::1]:3000/x')).toBe(true);
  });

  it('should refuse schemes Gatewhy never retries, naming the scheme', () => {
    expect(sitePatternError('ws://example.com/*')).toBe('"ws://example.com/*": the scheme "ws" is not one Gatewhy retries; use http, https or *');
    expect(sitePatternError('file:///home/*')).toContain('the scheme "file"');
  });

  it('should name the part it refuses', () => {
    expect(sitePatternError('example.org')).toBe('"example.org": no scheme (such as https:// or *://); write it like *://*.example.com/*');
    expect(sitePatternError('*://example.com')).toContain('no path');
    expect(sitePatternError('https://*example.com/*')).toContain('in the host "*example.com", * may only stand alone or start it');
    expect(sitePatternError('https://exa*mple.com/*')).toContain('in the host "exa*mple.com"');
    expect(sitePatternError('https://example.com:99999/*')).toContain('the port "99999" is not a port number');
    expect(sitePatternError('https://exa mple.com/*')).toContain('the host "exa mple.com" is not a host name');
    expect(sitePatternError('https://example.com/a b')).toContain('the character " "');
    expect(sitePatternError('https://example.com/%41%zz')).toContain('a % not followed by two hex digits');
    expect(sitePatternError('https://example.com/a/../b')).toContain('a . or .. segment');
    expect(sitePatternError('https://*.127.0.0.1/*')).toContain('*. cannot stand before an IP address');
    expect(sitePatternError(`https://example.com/${'a'.repeat(2100)}`)).toContain('longer than 2048 characters');
    expect(sitePatternError('')).toBe('A rule is empty');
  });

  it('should match hosts, subdomains, ports and paths with queries as Chrome does', () => {
    expect(matches('<all_urls>', 'https://a.example/x?y')).toBe(true);
    expect(matches('*://*.example.com/*', 'https://example.com/')).toBe(true);
    expect(matches('*://*.example.com/*', 'https://shop.example.com/cart')).toBe(true);
    expect(matches('*://*.example.com/*', 'https://badexample.com/')).toBe(false);
    expect(matches('https://example.com/*', 'http://example.com/')).toBe(false);
    expect(matches('https://example.com:443/*', 'https://example.com/')).toBe(true);
    expect(matches('*://127.0.0.1/never*', 'http://127.0.0.1:4321/never?x=1')).toBe(true);
    expect(matches('*://example.com/search?q=*', 'https://example.com/search?q=cats')).toBe(true);
    expect(matches('*://EXAMPLE.com/*', 'https://example.com/')).toBe(true);
    expect(matches('*://bücher.example/*', 'https://xn--bcher-kva.example/')).toBe(true);
  });

  it('should match nothing for an address that is not a URL, and for a rule that does not parse', () => {
    expect(matchesAny('not a url', ['<all_urls>'])).toBe(false);
    expect(matchesAny('https://example.com/', ['example.com'])).toBe(false);
  });

  it('should make a rule for the site of an address', () => {
    expect(siteRuleFor('https://shop.example.com:8443/cart?x=1')).toBe('*://shop.example.com/*');
    expect(siteRuleFor('javascript:alert(1)')).toBeUndefined();
  });
});

// Pieces of rules, valid and not, so the generated rules land on both sides of the grammar.
const PATH_CHARS = [...'abcXYZ019-._~!$&()+,;=:@/?', '%41', '%2F', ' ', '#', '"', '%', '\\', "'", '..', '%2e'];
const pathArb = fc.array(fc.oneof(fc.constantFrom(...PATH_CHARS), fc.constant('*')), { maxLength: 8 }).map((parts) => `/${parts.join('')}`);
const hostArb = fc.oneof(
  fc.constantFrom(
    '*',
    'example.com',
    '*.example.com',
    'a-b.example',
    'x_y.example',
    '127.0.0.1',
    '[::1]',
    '[2001:db8::1]',
    'bücher.example',
    'EXAMPLE.org',
    'localhost',
  ),
  fc.constantFrom('*example.com', 'exa*mple.com', '*.', '*.[::1]', '[::1', 'a b', '', 'a..b', '*.1.2.3.4'),
  fc.string({ maxLength: 12 }),
);
const portArb = fc.constantFrom('', ':80', ':443', ':8080', ':*', ':0', ':65535', ':65536', ':x', ':');
const schemeArb = fc.constantFrom('*', 'http', 'https', 'ws', 'wss', 'ftp', 'file', 'HTTP', '');
const ruleArb = fc.oneof(
  fc.tuple(schemeArb, hostArb, portArb, pathArb).map(([scheme, host, port, path]) => `${scheme}://${host}${port}${path}`),
  fc.string({ maxLength: 40 }),
  fc.constant('<all_urls>'),
);

/** An address that a rule describes: each * filled in, a port where it allows any. */
function addressFor(rule: string, fill: string, port: number, sub: string): { address: string; path: string } {
  if (rule === '<all_urls>') return { address: `https://example.com:${port}/${fill}`, path: `/${fill}` };
  const [, scheme, authority, path] = /^([^:]+):\/\/([^/]*)(\/.*)$/.exec(rule)!;
  const portStart = authority!.startsWith('[') ? authority!.indexOf(':', authority!.indexOf(']')) : authority!.lastIndexOf(':');
  let host = portStart < 0 ? authority! : authority!.slice(0, portStart);
  const portText = portStart < 0 ? undefined : authority!.slice(portStart + 1);
  if (host === '*') host = 'example.net';
  else if (host.startsWith('*.')) host = `${sub}${host.slice(2)}`;
  const portPart = portText === undefined || portText === '*' ? `:${port}` : `:${portText}`;
  const filled = path!.replaceAll('*', fill);
  return { address: `${scheme === '*' ? 'https' : scheme}://${host}${portPart}${filled}`, path: filled };
}

describe('the one grammar (property)', () => {
  it('should match, for every rule it accepts, an address built from that rule', () => {
    const fillArb = fc.array(fc.constantFrom(...'abc019-._~!$&()+,;=:@/'), { maxLength: 6 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(ruleArb, fillArb, fc.integer({ min: 1, max: 65535 }), fc.constantFrom('', 'www.', 'a.b.'), (rule, fill, port, sub) => {
        const { pattern, error } = parseSitePattern(rule);
        if (!pattern) {
          // A refusal names the rule and says what is wrong with it.
          expect(error.length).toBeGreaterThan(5);
          return;
        }
        const { address, path } = addressFor(rule, fill, port, sub);
        // Only addresses whose path the URL parser keeps as written ("/*%2e" filled with "" gives "/%2e", a dot
        // segment no address can have; filled with "x" it is fine).
        const parsed = new URL(address);
        fc.pre(`${parsed.pathname}${parsed.search || (address.endsWith('?') ? '?' : '')}` === path);
        expect(patternMatches(pattern, address), `${rule} should match ${address}`).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('should accept a good share of the generated rules, so the property is not vacuous', () => {
    const rules = fc.sample(ruleArb, { numRuns: 2000, seed: 42 });
    const accepted = rules.filter((rule) => parseSitePattern(rule).pattern).length;
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(1900);
  });
});
