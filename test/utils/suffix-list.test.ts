import fc from 'fast-check';
import tldtsLookup from 'tldts/dist/es6/src/suffix-trie.js';
import { getEmptyResult, parseImpl } from 'tldts-core';
import { describe, expect, it } from 'vitest';
import { suffixListOfTldts } from '../../scripts/knowledge-files';
import { suffixLookup } from '../../utils/suffix-list';

// The list the background reads (scripts/knowledge-files.ts writes it from tldts's trie) must give every address the
// registrable domain tldts gives: the pages use tldts, and a failure's party must not depend on who asks. Both lookups
// run in the same tldts-core, as in the extension's builds (Node's CommonJS tldts carries an older copy of it).
const list = suffixListOfTldts();
const domainWith = (lookup: Parameters<typeof parseImpl>[2]) => (url: string) =>
  parseImpl(url, 3 /* FLAG.DOMAIN */, lookup, { allowPrivateDomains: true }, getEmptyResult()).domain;
const fromList = domainWith(suffixLookup(list));
const fromTldts = domainWith(tldtsLookup);

/** Names at and under a rule: the rule itself (a `*` filled in), then one and two labels more. */
const namesAt = (rule: string) => {
  const filled = rule.replace(/\*/g, 'wild');
  return [filled, `shop.${filled}`, `www.shop.${filled}`];
};

describe('the public suffix list the background reads', () => {
  it('holds all of tldts’s rules: thousands of them, the ICANN and the private sections', () => {
    expect(list.rules.length).toBeGreaterThan(9000);
    expect(list.rules).toEqual(expect.arrayContaining(['com', 'co.uk', '*.ck', 'github.io', 'vercel.app', 'herokuapp.com']));
    expect(list.exceptions).toEqual(expect.arrayContaining(['www.ck', 'city.kawasaki.jp']));
  });

  it('gives the registrable domain tldts gives, at and under every rule and exception', () => {
    const disagreements = [...list.rules, ...list.exceptions]
      .flatMap(namesAt)
      .map((host) => `https://${host}/`)
      .filter((url) => fromList(url) !== fromTldts(url))
      .map((url) => `${url}: ${fromList(url)} ≠ ${fromTldts(url)}`);
    expect(disagreements).toEqual([]);
  });

  it('agrees with tldts on addresses nothing above was written for: unknown suffixes, IPs, ports, odd input', () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    const suffix = fc.constantFrom(...list.rules.slice(0, 400), ...list.rules.slice(-400), 'unknowntld', 'localhost');
    const host = fc.oneof(
      fc.tuple(fc.array(label, { maxLength: 3 }), suffix).map(([labels, end]) => [...labels, end.replace(/\*/g, 'x')].join('.')),
      fc.ipV4(),
      fc.string(),
    );
    fc.assert(
      fc.property(host, fc.constantFrom('https://', 'http://', ''), fc.constantFrom('', '.', ':8443', '/a?b=c'), (name, scheme, tail) => {
        const url = `${scheme}${name}${tail}`;
        expect(fromList(url)).toBe(fromTldts(url));
      }),
      { numRuns: 5000 },
    );
  });
});
