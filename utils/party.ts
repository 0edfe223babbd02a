// First party or third party: does a request go to the same site (registrable domain) as the page that made it?
// tldts-experimental is tldts with the Public Suffix List packed as 32-bit hashes instead of a trie: the same API and
// test suite, about a third of the bytes in background.js. A hash can collide, so a name that is not a public suffix
// could in principle be taken for one; test/utils/party.test.ts checks it against tldts on real and generated names.
// (tldts-experimental 7.4.16, README "Differences with tldts": https://www.npmjs.com/package/tldts-experimental/v/7.4.16)
import { getDomain, getHostname } from 'tldts-experimental';

export type Party = 'first' | 'third';

/** The registrable domain (eTLD+1) of a URL, per the Public Suffix List; the host itself for IPs and localhost. */
export function siteOf(url: string): string {
  return getDomain(url, { allowPrivateDomains: true }) ?? getHostname(url) ?? '';
}

export function partyOf(requestUrl: string, pageUrl: string | undefined): Party {
  if (!pageUrl) return 'first';
  return siteOf(requestUrl) === siteOf(pageUrl) ? 'first' : 'third';
}
