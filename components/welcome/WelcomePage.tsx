// The page a new user sees once, on install: what Gatewhy does, whether it can see sites, a live example, where the settings are.
import { SECTIONS } from '../../utils/settings';
import type { BrowserFamily } from '../../utils/site-access';
import { PageHeader } from '../PageHeader';
import { SiteAccessNotice } from '../site-access/SiteAccessNotice';
import type { SiteAccessState } from '../site-access/use-site-access';
import { ExampleExplanation } from './ExampleExplanation';

/** Every string this page shows, in one place for translation. */
const TEXT = {
  title: 'Welcome to Gatewhy',
  lead:
    'When a page fails with a gateway error (502, 503, 504, Cloudflare’s 52x…), Gatewhy tells you which gateway answered, ' +
    'whether the gateway or the application behind it wrote the error, the likely causes with the evidence for each, and what every header means. ' +
    'It retries a failed page for you, safely and with growing pauses, until it is back. Everything happens inside your browser: nothing is sent anywhere.',
  checking: 'Checking what Gatewhy may see…',
  where: {
    title: 'Where to find it',
    icon: 'Click Gatewhy’s toolbar icon on any tab: its popup explains what failed there. The icon shows a red count when the page failed, an amber one when requests inside it did.',
    settings: (sections: string) => `Settings: ${sections}.`,
    open: 'Open the settings',
    later: 'Later, the ⚙ button in the popup opens them.',
  },
  example: { title: 'What an explanation looks like' },
};

export interface WelcomePageProps {
  site: SiteAccessState;
  browser: BrowserFamily;
  onRequestAccess(): void;
  /** Absent when the build has no settings page. */
  onOpenSettings?(): void;
}

export function WelcomePage({ site, browser, onRequestAccess, onOpenSettings }: WelcomePageProps) {
  return (
    <>
      <PageHeader>
        <a href="/recent-errors.html">Recent errors</a>
        <a href="/explain.html">Explain a response</a>
      </PageHeader>
      <main class="page stack welcome">
        <div class="stack">
          <h1 class="page-title">{TEXT.title}</h1>
          <p class="page-lead">{TEXT.lead}</p>
        </div>
        {site.access ? (
          <SiteAccessNotice access={site.access} browser={browser} about="browser" onRequestAccess={onRequestAccess} />
        ) : (
          !site.checked && (
            <p class="muted" aria-busy="true">
              {TEXT.checking}
            </p>
          )
        )}
        <section class="stack" aria-labelledby="welcome-where">
          <h2 id="welcome-where" class="section-title">
            {TEXT.where.title}
          </h2>
          <p>{TEXT.where.icon}</p>
          <p>{TEXT.where.settings(Object.values(SECTIONS).join(', '))}</p>
          {onOpenSettings && (
            <div class="actions">
              <a
                class="button"
                href="/options.html"
                onClick={(event) => {
                  event.preventDefault();
                  onOpenSettings();
                }}
              >
                {TEXT.where.open}
              </a>
              <span class="small muted">{TEXT.where.later}</span>
            </div>
          )}
        </section>
        <section class="stack" aria-labelledby="welcome-example">
          <h2 id="welcome-example" class="section-title">
            {TEXT.example.title}
          </h2>
          <ExampleExplanation />
        </section>
      </main>
    </>
  );
}
