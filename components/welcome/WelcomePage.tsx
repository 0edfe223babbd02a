// The page a new user sees once, on install: what Gatewhy does, whether it can see sites, a live example, where the settings are.
import { SECTIONS } from '../../utils/settings';
import type { BrowserFamily } from '../../utils/site-access';
import { currentLocale, say } from '../../utils/wording';
import { PageHeader } from '../PageHeader';
import { SiteAccessNotice } from '../site-access/SiteAccessNotice';
import type { SiteAccessState } from '../site-access/use-site-access';
import { ExampleExplanation } from './ExampleExplanation';

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
        <a href="/recent-errors.html">{say('view.pages.recentErrors')}</a>
        <a href="/explain.html">{say('view.pages.explain')}</a>
      </PageHeader>
      <main class="page stack welcome">
        <div class="stack">
          <h1 class="page-title">{say('welcome.title')}</h1>
          <p class="page-lead">{say('welcome.lead')}</p>
        </div>
        {site.access ? (
          <SiteAccessNotice access={site.access} browser={browser} about="browser" onRequestAccess={onRequestAccess} />
        ) : (
          !site.checked && (
            <p class="muted" aria-busy="true">
              {say('welcome.checking')}
            </p>
          )
        )}
        <section class="stack" aria-labelledby="welcome-where">
          <h2 id="welcome-where" class="section-title">
            {say('welcome.where.title')}
          </h2>
          <p>{say('welcome.where.icon')}</p>
          <p>
            {say('welcome.where.settings', {
              sections: new Intl.ListFormat(currentLocale(), { type: 'unit', style: 'short' }).format(Object.values(SECTIONS).map((title) => say(title))),
            })}
          </p>
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
                {say('welcome.where.open')}
              </a>
              <span class="small muted">{say('welcome.where.later')}</span>
            </div>
          )}
        </section>
        <section class="stack" aria-labelledby="welcome-example">
          <h2 id="welcome-example" class="section-title">
            {say('welcome.example.title')}
          </h2>
          <ExampleExplanation />
        </section>
      </main>
    </>
  );
}
