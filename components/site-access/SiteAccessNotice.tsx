// Says what Gatewhy can see, plainly: a warning with an "Allow access" button when site access is withheld, or why a page is out of reach.
import type { BrowserFamily, SiteAccess, UnwatchedPage } from '../../utils/site-access';

/** Every string this notice shows, in one place for translation. */
const TEXT = {
  full: {
    title: 'Gatewhy can see every site',
    detail: 'When a page or a request inside it fails with a gateway error, its toolbar icon shows it at once.',
  },
  withheld: {
    title: {
      everySite: 'Gatewhy cannot see failures on sites',
      thisSite: 'Gatewhy cannot see failures on this site',
      someSites: 'Gatewhy sees only the sites you chose',
    },
    blind: 'Without site access the browser shows Gatewhy no responses: a 502 or 504 passes unnoticed, and nothing is explained or retried.',
    why: {
      chrome: { none: 'Its site access is set to “On click”.', some: (sites: string) => `Its site access is “On specific sites”: ${sites}.` },
      firefox: {
        none: 'Firefox has not given it access to websites: Manifest V3 extensions get it only when you agree.',
        some: (sites: string) => `You allowed it on ${sites} only.`,
      },
    },
    button: 'Allow access to all sites',
    elsewhere: {
      chrome: 'You can also set Site access to “On all sites” on Gatewhy’s details page in chrome://extensions.',
      firefox: 'You can also allow it under Permissions on Gatewhy’s page in about:addons.',
    },
    privacy: 'Gatewhy reads failed responses inside your browser. Nothing is sent anywhere.',
  },
  never: {
    'browser-page': {
      title: 'Gatewhy cannot watch browser pages like this one',
      detail:
        'Browsers keep extensions out of their own pages: settings, the new tab page, chrome:// and about: pages. Open a website in this tab and Gatewhy watches it.',
    },
    'extension-page': {
      title: 'Gatewhy cannot watch extension pages',
      detail: 'An extension’s pages, Gatewhy’s own included, load from the extension itself, never through a gateway.',
    },
    'add-on-store': {
      title: 'Gatewhy cannot watch this site',
      detail: 'The browser keeps every extension away from its add-on store and a few of its own sites.',
    },
    'source-view': {
      title: 'Gatewhy cannot watch a source view',
      detail: 'view-source: shows a page’s code. Open the page itself and Gatewhy watches it.',
    },
    'local-file': {
      title: 'Gatewhy cannot watch local files',
      detail: 'To let it, turn on “Allow access to file URLs” on Gatewhy’s details page in chrome://extensions.',
    },
    'not-from-network': {
      title: 'Gatewhy cannot watch this page',
      detail: 'It was not loaded from a server (a data: or blob: address), so no gateway was involved.',
    },
  } satisfies Record<UnwatchedPage, { title: string; detail: string }>,
};

export interface SiteAccessNoticeProps {
  access: SiteAccess;
  browser: BrowserFamily;
  /** 'tab' in the popup (about the tab it describes), 'browser' on the welcome page (about every site). */
  about: 'tab' | 'browser';
  onRequestAccess(): void;
}

const ID = 'site-access-headline';

export function SiteAccessNotice({ access, browser, about, onRequestAccess }: SiteAccessNoticeProps) {
  if (access.kind === 'full') {
    if (about === 'tab') return null;
    return (
      <section class="hero tone-ok" aria-labelledby={ID} data-site-access="full">
        <h2 id={ID}>{TEXT.full.title}</h2>
        <p>{TEXT.full.detail}</p>
      </section>
    );
  }
  if (access.kind === 'never') {
    const { title, detail } = TEXT.never[access.page];
    return (
      <section class="hero tone-neutral" aria-labelledby={ID} data-site-access="never" data-page={access.page}>
        <h2 id={ID}>{title}</h2>
        <p class="muted">{detail}</p>
      </section>
    );
  }
  const sites = access.allowedSites.join(', ');
  const chosen = access.allowedSites.length > 0;
  const title = !chosen ? TEXT.withheld.title.everySite : about === 'tab' ? TEXT.withheld.title.thisSite : TEXT.withheld.title.someSites;
  const why = TEXT.withheld.why[browser];
  return (
    <section class="hero tone-warn" aria-labelledby={ID} data-site-access="withheld">
      <h2 id={ID}>{title}</h2>
      <p>
        {chosen ? why.some(sites) : why.none} {TEXT.withheld.blind}
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={onRequestAccess}>
          {TEXT.withheld.button}
        </button>
      </div>
      <p class="small muted">
        {TEXT.withheld.elsewhere[browser]} {TEXT.withheld.privacy}
      </p>
    </section>
  );
}
