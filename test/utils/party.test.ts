import fc from 'fast-check';
import { getDomain, getHostname, getPublicSuffix } from 'tldts';
import { describe, expect, it } from 'vitest';
import { partyOf, siteOf } from '../../utils/party';

// The reference: tldts's getDomain with private domains, the registrable domain as the Public Suffix List defines it;
// partyOf must agree with it on every pair of names.
const exactSite = (url: string) => getDomain(url, { allowPrivateDomains: true }) ?? getHostname(url) ?? '';

// Real names people browse, and the hosting platforms whose gateways Gatewhy explains: most of them are in the
// list's private section, where two customers of one platform are two sites.
const REAL_HOSTS = [
  'www.google.com',
  'mail.google.com',
  'www.youtube.com',
  'i.ytimg.com',
  'www.bbc.co.uk',
  'news.bbc.co.uk',
  'www.amazon.co.jp',
  'images-eu.ssl-images-amazon.com',
  'www.gov.uk',
  'assets.publishing.service.gov.uk',
  'www.abc.net.au',
  'www.canada.ca',
  'www.zeit.de',
  'www.lemonde.fr',
  'www.rakuten.co.jp',
  'www.city.kawasaki.jp',
  'www.nic.ck',
  'www.ck',
  'en.wikipedia.org',
  'upload.wikimedia.org',
  'github.com',
  'raw.githubusercontent.com',
  'alice.github.io',
  'bob.github.io',
  'my-app.herokuapp.com',
  'other-app.herokuapp.com',
  'project.vercel.app',
  'shop.netlify.app',
  'demo.fly.dev',
  'api.onrender.com',
  'site.pages.dev',
  'worker.example.workers.dev',
  'd111111abcdef8.cloudfront.net',
  'myapp.azurewebsites.net',
  'myapp.scm.azurewebsites.net',
  'endpoint.azurefd.net',
  'app.appspot.com',
  'bucket.s3.amazonaws.com',
  'bucket.s3.eu-west-1.amazonaws.com',
  'ec2-203-0-113-25.compute-1.amazonaws.com',
  'lb-123.eu-west-1.elb.amazonaws.com',
  'abc123.execute-api.us-east-1.amazonaws.com',
  'blog.blogspot.com',
  'user.blogspot.co.uk',
  'cdn.jsdelivr.net',
  'unpkg.com',
  'fonts.gstatic.com',
  'static.cloudflareinsights.com',
  'example.co.uk',
  'example.com.au',
  'example.com.br',
  'example.co.za',
  'example.org.uk',
  'sub.example.ac.jp',
  'münchen.de',
  'xn--mnchen-3ya.de',
  'пример.рф',
  'example.xn--p1ai',
  '例え.テスト',
  'localhost',
  '127.0.0.1',
  '[::1]',
  '10.0.0.8',
];

const urlOf = (host: string) => `https://${host}/path?q=1`;

/**
 * The one known difference: a name that is exactly the base of a wildcard rule (`compute-1.amazonaws.com` under
 * `*.compute-1.amazonaws.com`) is a public suffix to the packed hashes and not to the trie. Nobody browses such a
 * name: the sites are the names under it, where both agree.
 */
const isWildcardBase = (host: string) => getPublicSuffix(`x.${host}`, { allowPrivateDomains: true }) === `x.${host}`;

describe('partyOf', () => {
  it.each([
    ['https://api.shop.example.com/x', 'https://www.shop.example.com/', 'first'],
    ['https://cdn.example.co.uk/a.js', 'https://www.example.co.uk/', 'first'],
    ['https://other.co.uk/a.js', 'https://www.example.co.uk/', 'third'],
    ['https://api.stripe.com/v1', 'https://shop.example.com/', 'third'],
    ['http://localhost:4000/api', 'http://127.0.0.1:4000/', 'third'],
    ['https://bob.github.io/x.js', 'https://alice.github.io/', 'third'],
    ['https://other-app.herokuapp.com/api', 'https://my-app.herokuapp.com/', 'third'],
    ['https://x.example/', undefined, 'first'],
  ])('%s from %s is %s-party', (request, page, party) => {
    expect(partyOf(request, page)).toBe(party);
  });

  it('uses the Public Suffix List, private domains included', () => {
    expect(siteOf('https://alice.github.io/x')).toBe('alice.github.io');
    expect(siteOf('https://a.b.example.com/')).toBe('example.com');
    // A wildcard rule (*.ck) and its exception (!www.ck).
    expect(siteOf('https://shop.example.ck/')).toBe('shop.example.ck');
    expect(siteOf('https://www.ck/')).toBe('www.ck');
  });

  it('keeps the host itself for IP addresses and single names', () => {
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(siteOf('http://localhost:3000/')).toBe('localhost');
    expect(siteOf('not a url')).toBe(siteOf('not a url'));
  });

  it('takes a wildcard rule’s names as sites of their own, and its bare base as the list does', () => {
    expect(isWildcardBase('compute-1.amazonaws.com')).toBe(true);
    expect(siteOf(urlOf('ec2-203-0-113-25.compute-1.amazonaws.com'))).toBe('ec2-203-0-113-25.compute-1.amazonaws.com');
    expect(siteOf(urlOf('compute-1.amazonaws.com'))).toBe('amazonaws.com');
  });

  it('finds the same site as exact Public Suffix List lookups for real hosts', () => {
    for (const host of REAL_HOSTS) expect(siteOf(urlOf(host)), host).toBe(exactSite(urlOf(host)));
  });

  it('finds the same site as exact lookups for generated names under real suffixes', () => {
    const suffixes = REAL_HOSTS.map((host) => host.split('.').slice(1).join('.')).filter(Boolean);
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/);
    const host = fc
      .tuple(fc.array(label, { minLength: 0, maxLength: 3 }), fc.constantFrom(...suffixes, 'com', 'net', 'org', 'io', 'dev', 'app', 'jp', 'uk'))
      .map(([labels, suffix]) => [...labels, suffix].join('.'));
    fc.assert(
      fc.property(host, host, (a, b) => {
        fc.pre(!isWildcardBase(a) && !isWildcardBase(b));
        expect(siteOf(urlOf(a))).toBe(exactSite(urlOf(a)));
        expect(partyOf(urlOf(a), urlOf(b))).toBe(exactSite(urlOf(a)) === exactSite(urlOf(b)) ? 'first' : 'third');
      }),
      { numRuns: 2000 },
    );
  });
});
