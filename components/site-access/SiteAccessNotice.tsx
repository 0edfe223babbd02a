// Says what Gatewhy can see, plainly: a warning with an "Allow access" button when site access is withheld, or why a page is out of reach.
import type { BrowserFamily, SiteAccess, UnwatchedPage } from '../../utils/site-access';
import { say, type MessageKey } from '../../utils/wording';

const NEVER: Record<UnwatchedPage, { title: MessageKey; detail: MessageKey }> = {
  'browser-page': { title: 'siteAccess.never.browserPage.title', detail: 'siteAccess.never.browserPage.detail' },
  'extension-page': { title: 'siteAccess.never.extensionPage.title', detail: 'siteAccess.never.extensionPage.detail' },
  'add-on-store': { title: 'siteAccess.never.addOnStore.title', detail: 'siteAccess.never.addOnStore.detail' },
  'source-view': { title: 'siteAccess.never.sourceView.title', detail: 'siteAccess.never.sourceView.detail' },
  'local-file': { title: 'siteAccess.never.localFile.title', detail: 'siteAccess.never.localFile.detail' },
  'not-from-network': { title: 'siteAccess.never.notFromNetwork.title', detail: 'siteAccess.never.notFromNetwork.detail' },
};

/** Why the browser withholds access, and where else to grant it, in each browser's own words for its settings. */
const WITHHELD: Record<BrowserFamily, { none: MessageKey; some: MessageKey; elsewhere: MessageKey }> = {
  chrome: { none: 'siteAccess.withheld.chromeNone', some: 'siteAccess.withheld.chromeSome', elsewhere: 'siteAccess.withheld.chromeElsewhere' },
  firefox: { none: 'siteAccess.withheld.firefoxNone', some: 'siteAccess.withheld.firefoxSome', elsewhere: 'siteAccess.withheld.firefoxElsewhere' },
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
        <h2 id={ID}>{say('siteAccess.full.title')}</h2>
        <p>{say('siteAccess.full.detail')}</p>
      </section>
    );
  }
  if (access.kind === 'never') {
    const { title, detail } = NEVER[access.page];
    return (
      <section class="hero tone-neutral" aria-labelledby={ID} data-site-access="never" data-page={access.page}>
        <h2 id={ID}>{say(title)}</h2>
        <p class="muted">{say(detail)}</p>
      </section>
    );
  }
  const sites = access.allowedSites.join(', ');
  const chosen = access.allowedSites.length > 0;
  const title = !chosen ? say('siteAccess.withheld.everySite') : about === 'tab' ? say('siteAccess.withheld.thisSite') : say('siteAccess.withheld.someSites');
  const words = WITHHELD[browser];
  return (
    <section class="hero tone-warn" aria-labelledby={ID} data-site-access="withheld">
      <h2 id={ID}>{title}</h2>
      <p>
        {chosen ? say(words.some, { sites }) : say(words.none)} {say('siteAccess.withheld.blind')}
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={onRequestAccess}>
          {say('siteAccess.withheld.button')}
        </button>
      </div>
      <p class="small muted">
        {say(words.elsewhere)} {say('siteAccess.withheld.privacy')}
      </p>
    </section>
  );
}
