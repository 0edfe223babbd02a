// What Gatewhy can see in a tab: every failure, nothing until the user gives it site access, or never (browser pages).
//
// webRequest reports a response only for hosts the extension may access, so site access is what Gatewhy's sight
// depends on: "APIs that require host permissions include webRequest"
// (https://developer.chrome.com/docs/extensions/mv2/runtime_host_permissions).

export type BrowserFamily = 'chrome' | 'firefox';

/** What the browser says about Gatewhy's access, read through the permissions API. */
export interface AccessFacts {
  browser: BrowserFamily;
  /** Access to every site (`<all_urls>` granted). */
  allSites: boolean;
  /** The sites the user allowed one by one: Chrome's "On specific sites", Firefox's per-site grants. */
  someSites: readonly string[];
  /** Chrome's "Allow access to file URLs" (`extension.isAllowedFileSchemeAccess()`). */
  fileAccess: boolean;
  /** Present when asking about one tab. */
  tab?: {
    /** Undefined when the browser hides it: without the "tabs" permission, a tab's address shows only where Gatewhy has host access. */
    url: string | undefined;
    /** Host access to the tab's own site. */
    granted: boolean;
  };
}

/** Why a page is out of Gatewhy's sight whatever the user allows. */
export type UnwatchedPage =
  /** chrome://, about:, edge://, the new tab page… or a page whose address the browser hides although every site is allowed. */
  | 'browser-page'
  /** chrome-extension://, moz-extension:// (Gatewhy's own pages included). */
  | 'extension-page'
  /** The browser's add-on store and the other sites it keeps every extension away from. */
  | 'add-on-store'
  /** view-source: shows a page's source; the page itself is another load. */
  | 'source-view'
  /** file:// while Chrome's "Allow access to file URLs" is off. */
  | 'local-file'
  /** data:, blob:, javascript:… never came from a server. */
  | 'not-from-network';

export type SiteAccess =
  | { kind: 'full' }
  /** Site access withheld: nowhere, or only on the sites the user chose (which do not include the tab's). */
  | { kind: 'withheld'; allowedSites: readonly string[] }
  | { kind: 'never'; page: UnwatchedPage };

/** Every site, as Gatewhy asks for it in the manifest (host_permissions) and from the "Allow access" button. */
export const ALL_SITES = '<all_urls>';

/** A site the browser keeps every extension away from: the host and its subdomains, or only the host itself. */
interface ProtectedSite {
  host: string;
  subdomains: boolean;
  /** Only addresses whose path starts with this. */
  path?: string;
}

const PROTECTED_SITES: Record<BrowserFamily, readonly ProtectedSite[]> = {
  // Chrome hides every request to its Web Store, whatever the extension's host access (DomainIs: subdomains too):
  // https://github.com/chromium/chromium/blob/0f97ab9a245aad026a65711c9bfc865789d88b3b/extensions/browser/api/web_request/web_request_permissions.cc#L383-L390
  chrome: [
    { host: 'chromewebstore.google.com', subdomains: true },
    { host: 'chrome.google.com', subdomains: true, path: '/webstore' },
  ],
  // Firefox keeps extensions off these Mozilla hosts: the default of its pref extensions.webextensions.restrictedDomains
  // (modules/libpref/init/all.js; read from Firefox ESR 153's greprefs.js). MDN lists them under "Content scripts":
  // https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Content_scripts
  firefox: [
    'accounts-static.cdn.mozilla.net',
    'accounts.firefox.com',
    'addons.cdn.mozilla.net',
    'addons.mozilla.org',
    'api.accounts.firefox.com',
    'content.cdn.mozilla.net',
    'discovery.addons.mozilla.org',
    'oauth.accounts.firefox.com',
    'profile.accounts.firefox.com',
    'support.mozilla.org',
    'sync.services.mozilla.com',
  ].map((host) => ({ host, subdomains: false })),
};

function isProtected({ hostname, pathname }: URL, site: ProtectedSite): boolean {
  const hostMatches = hostname === site.host || (site.subdomains && hostname.endsWith(`.${site.host}`));
  return hostMatches && (site.path === undefined || pathname.startsWith(site.path));
}

// Only pages fetched over HTTP can carry a gateway error; every other scheme is named by what it is.
const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:']);
const NOT_FROM_NETWORK = new Set(['data:', 'blob:', 'javascript:']);

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * The match pattern that asks for the page's site, for `permissions.contains`: `https://example.com/*` (any port),
 * `file:///*`; undefined for addresses no host permission covers (chrome://, about:, view-source:…).
 */
export function sitePattern(url: string): string | undefined {
  const parsed = parse(url);
  if (!parsed) return undefined;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return `${parsed.protocol}//${parsed.hostname}/*`;
  if (parsed.protocol === 'file:') return 'file:///*';
  return undefined;
}

/** Why Gatewhy can never watch the page at `url`, or undefined when site access decides. */
export function unwatchedPage(url: string, facts: Pick<AccessFacts, 'browser' | 'fileAccess'>): UnwatchedPage | undefined {
  const parsed = parse(url);
  if (!parsed) return 'browser-page';
  const { protocol } = parsed;
  if (protocol === 'http:' || protocol === 'https:') {
    return PROTECTED_SITES[facts.browser].some((site) => isProtected(parsed, site)) ? 'add-on-store' : undefined;
  }
  // Chrome: "Allow access to file URLs" is off by default (https://developer.chrome.com/docs/extensions/reference/api/extension#method-isAllowedFileSchemeAccess).
  if (protocol === 'file:') return facts.browser === 'chrome' && !facts.fileAccess ? 'local-file' : undefined;
  if (protocol === 'view-source:') return 'source-view';
  if (EXTENSION_SCHEMES.has(protocol)) return 'extension-page';
  if (NOT_FROM_NETWORK.has(protocol)) return 'not-from-network';
  return 'browser-page';
}

/** What Gatewhy can see: in one tab when `facts.tab` is given, else across the sites the user visits. */
export function siteAccess(facts: AccessFacts): SiteAccess {
  const withheld: SiteAccess = { kind: 'withheld', allowedSites: facts.allSites ? [] : facts.someSites };
  const { tab } = facts;
  if (!tab) return facts.allSites ? { kind: 'full' } : withheld;
  if (tab.url === undefined) {
    // The address is hidden although every site is allowed: the browser keeps Gatewhy out of this page
    // (chrome:// and about: pages are outside every host permission; "<all_urls>" covers http, https, file… only:
    // https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
    return facts.allSites ? { kind: 'never', page: 'browser-page' } : withheld;
  }
  const page = unwatchedPage(tab.url, facts);
  if (page) return { kind: 'never', page };
  return tab.granted || facts.allSites ? { kind: 'full' } : withheld;
}
