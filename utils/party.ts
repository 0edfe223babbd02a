// First party or third party: does a request go to the same site (registrable domain) as the page that made it?
// tldts, the Public Suffix List as a trie. Not tldts-experimental, which packs the list as 32-bit hashes (19 kB
// smaller): its hashes collide, and test/utils/party.test.ts caught one, "7i.com" taken for a public suffix, so that
// a.7i.com and b.7i.com were called different sites.
import { getDomain, getHostname } from 'tldts';

export type Party = 'first' | 'third';

/** The registrable domain (eTLD+1) of a URL, per the Public Suffix List; the host itself for IPs and localhost. */
export function siteOf(url: string): string {
  return getDomain(url, { allowPrivateDomains: true }) ?? getHostname(url) ?? '';
}

export function partyOf(requestUrl: string, pageUrl: string | undefined): Party {
  if (!pageUrl) return 'first';
  return siteOf(requestUrl) === siteOf(pageUrl) ? 'first' : 'third';
}
