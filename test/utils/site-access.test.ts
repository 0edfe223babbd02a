import { describe, expect, it } from 'vitest';
import { siteAccess, sitePattern, unwatchedPage, type AccessFacts, type SiteAccess } from '../../utils/site-access';

const everywhere: AccessFacts = { browser: 'chrome', allSites: true, someSites: [], fileAccess: false };
const nowhere: AccessFacts = { ...everywhere, allSites: false };
const onTab = (facts: AccessFacts, url: string | undefined, granted = facts.allSites): AccessFacts => ({ ...facts, tab: { url, granted } });

/** One row: the facts, then what Gatewhy can see. */
const _ = (facts: AccessFacts, expected: SiteAccess) => () => expect(siteAccess(facts)).toEqual(expected);

describe('siteAccess', () => {
  describe('across sites (the welcome page)', () => {
    it('should be full with every site allowed', _(everywhere, { kind: 'full' }));
    it('should be withheld with no site allowed (Chrome "On click", Firefox MV3 not granted)', _(nowhere, { kind: 'withheld', allowedSites: [] }));
    it(
      'should name the sites chosen one by one',
      _({ ...nowhere, someSites: ['http://127.0.0.1/*'] }, { kind: 'withheld', allowedSites: ['http://127.0.0.1/*'] }),
    );
  });

  describe('in one tab (the popup)', () => {
    it('should be full on a website with every site allowed', _(onTab(everywhere, 'https://shop.example/cart'), { kind: 'full' }));
    it(
      'should be full on a site the user chose',
      _(onTab({ ...nowhere, someSites: ['https://shop.example/*'] }, 'https://shop.example/', true), { kind: 'full' }),
    );
    it(
      'should be withheld on a site the user did not choose',
      _(onTab({ ...nowhere, someSites: ['https://other.example/*'] }, 'https://shop.example/', false), {
        kind: 'withheld',
        allowedSites: ['https://other.example/*'],
      }),
    );
    it('should be withheld when access is withheld and the browser hides the address', _(onTab(nowhere, undefined), { kind: 'withheld', allowedSites: [] }));
    it(
      'should name a browser page when every site is allowed but the address is hidden (chrome://, about:)',
      _(onTab(everywhere, undefined), { kind: 'never', page: 'browser-page' }),
    );
    it(
      'should put a page Gatewhy can never watch before withheld access',
      _(onTab(nowhere, 'chrome-extension://abc/welcome.html'), { kind: 'never', page: 'extension-page' }),
    );
  });
});

describe('unwatchedPage', () => {
  const chrome = { browser: 'chrome', fileAccess: false } as const;
  const firefox = { browser: 'firefox', fileAccess: false } as const;
  it.each([
    ['chrome://settings/', chrome, 'browser-page'],
    ['edge://extensions/', chrome, 'browser-page'],
    ['about:addons', firefox, 'browser-page'],
    ['about:blank', chrome, 'browser-page'],
    ['moz-extension://2f6b8a3e/popup.html', firefox, 'extension-page'],
    ['view-source:https://shop.example/', chrome, 'source-view'],
    ['data:text/html,hi', chrome, 'not-from-network'],
    ['https://chromewebstore.google.com/detail/x', chrome, 'add-on-store'],
    ['https://chrome.google.com/webstore/category/extensions', chrome, 'add-on-store'],
    ['https://addons.mozilla.org/en-US/firefox/', firefox, 'add-on-store'],
    ['file:///home/me/report.html', chrome, 'local-file'],
    ['not a url', chrome, 'browser-page'],
  ] as const)('%s (%o) → %s', (url, facts, page) => expect(unwatchedPage(url, facts)).toBe(page));

  it.each([
    ['https://shop.example/', chrome],
    // Each browser protects its own store only.
    ['https://addons.mozilla.org/', chrome],
    ['https://chromewebstore.google.com/', firefox],
    ['https://chrome.google.com/search', chrome],
    ['file:///home/me/report.html', { browser: 'chrome', fileAccess: true }],
    ['file:///home/me/report.html', firefox],
  ] as const)('%s (%o) depends on site access', (url, facts) => expect(unwatchedPage(url, facts)).toBeUndefined());
});

describe('sitePattern', () => {
  it('should ask for the host on any port', () => expect(sitePattern('http://127.0.0.1:8080/a?b')).toBe('http://127.0.0.1/*'));
  it('should ask for every file', () => expect(sitePattern('file:///tmp/a.html')).toBe('file:///*'));
  it('should have no pattern for addresses outside host permissions', () => {
    for (const url of ['chrome://settings', 'about:blank', 'view-source:https://a.example/', 'nonsense']) expect(sitePattern(url)).toBeUndefined();
  });
});
