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

/** "https://example.com/a?token=x#y" → "https://example.com/a": query strings can carry tokens. */
export function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

export function hostOf(url: string): string {
  return getHostname(url) ?? '';
}
