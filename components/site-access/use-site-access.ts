// Reads what Gatewhy may see (for one tab, or in general) and reads it again whenever the user grants or withdraws access.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_SITES, siteAccess, sitePattern, type AccessFacts, type SiteAccess } from '../../utils/site-access';

/** The browser family this build runs in (Edge and other Chromium browsers run the Chrome build). */
export const BROWSER: AccessFacts['browser'] = import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';

/**
 * The browser's answers about Gatewhy's access; `tabId` adds the tab's own address and site. A tab that is gone
 * (a "Recent errors" link to a closed tab) tells nothing about a page: only access in general is read then.
 */
export async function readAccessFacts(tabId?: number): Promise<AccessFacts> {
  const tab = tabId === undefined ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
  const url = tab?.url || undefined;
  const pattern = url === undefined ? undefined : sitePattern(url);
  const [allSites, granted, fileAccess, tabGranted] = await Promise.all([
    browser.permissions.contains({ origins: [ALL_SITES] }),
    browser.permissions.getAll(),
    browser.extension.isAllowedFileSchemeAccess(),
    pattern === undefined ? false : browser.permissions.contains({ origins: [pattern] }),
  ]);
  return {
    browser: BROWSER,
    allSites,
    someSites: (granted.origins ?? []).filter((origin) => origin !== ALL_SITES),
    fileAccess,
    ...(tab !== undefined && { tab: { url, granted: tabGranted } }),
  };
}

/**
 * Asks for access to every site. Call it straight from a click: browsers grant permissions only while handling the
 * user's input ("Requests may only be made in the handler for a user action",
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/permissions).
 */
export function requestSiteAccess(): void {
  // The answer arrives through permissions.onAdded, which every page that shows access listens to.
  browser.permissions.request({ origins: [ALL_SITES] }).catch(() => {});
}

export interface SiteAccessState {
  /** False until the first answer. */
  checked: boolean;
  /** Undefined when the browser would not say: views then show what they show with full access, not a warning that may be wrong. */
  access?: SiteAccess;
}

/**
 * What Gatewhy can see, kept current: read again when a permission is added or removed (the site access setting, the
 * "Allow access" button) and when the tab loads another page. `enabled` waits for the caller to know its tab.
 */
export function useSiteAccess(tabId?: number, enabled = true): SiteAccessState {
  const [state, setState] = useState<SiteAccessState>({ checked: false });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    let reads = 0;
    const read = () => {
      // Only the latest read may answer: an older one can finish after a newer grant.
      const ticket = ++reads;
      const answer = (access: SiteAccess | undefined) => live && ticket === reads && setState({ checked: true, access });
      readAccessFacts(tabId).then(
        (facts) => answer(siteAccess(facts)),
        () => answer(undefined),
      );
    };
    const onTabUpdated = (updatedId: number, change: { status?: string; url?: string }) => {
      if (updatedId === tabId && (change.status === 'complete' || change.url !== undefined)) read();
    };
    read();
    browser.permissions.onAdded.addListener(read);
    browser.permissions.onRemoved.addListener(read);
    if (tabId !== undefined) browser.tabs.onUpdated.addListener(onTabUpdated);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(read);
      browser.permissions.onRemoved.removeListener(read);
      if (tabId !== undefined) browser.tabs.onUpdated.removeListener(onTabUpdated);
    };
  }, [tabId, enabled]);
  return state;
}
