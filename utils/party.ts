// First party or third party: does a request go to the same site (registrable domain) as the page that made it?
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
