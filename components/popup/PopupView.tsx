// The popup: what went wrong on this tab, who wrote the error, why, what to do, and the tab's retry, all live.
import type { RetryState } from '../../utils/retry-policy';
import type { BrowserFamily, SiteAccess } from '../../utils/site-access';
import { SiteAccessNotice } from '../site-access/SiteAccessNotice';
import type { TabRecord } from '../../utils/tab-record';
import { ago, clockTime, outcome } from '../../utils/tab-view';
import { TabDetails, type TabDetailsProps } from './TabDetails';
import type { TabExplanations } from './use-explanations';
import { Timeline } from './Timeline';
import { say } from '../../utils/wording';

export type PageLink = 'recent-errors' | 'explain' | 'options';

export type PopupActions = TabDetailsProps['actions'] & {
  open(page: PageLink): void;
  /** Asks the browser for access to every site; must run inside the click. */
  requestAccess(): void;
};

export interface PopupViewProps {
  loading?: boolean;
  record: TabRecord | undefined;
  retry: RetryState | undefined;
  /** The engine's explanations, from the background. */
  explained: TabExplanations;
  now: number;
  version?: string;
  showOptions?: boolean;
  /** What Gatewhy can see in this tab; when it is not everything, the popup says so instead of "no gateway errors". */
  access?: SiteAccess;
  browser?: BrowserFamily;
  actions: PopupActions;
}

/** True when the tab has failures to show: the page or a request inside it failed. */
export const hasFailures = (record: TabRecord | undefined) => Boolean(record && (record.page || record.failures.length > 0));

function TopBar({ actions, showOptions }: { actions: PopupActions; showOptions?: boolean }) {
  const link = (page: PageLink, href: string, label: string, icon?: string) => (
    <a
      href={href}
      class={icon ? 'icon' : undefined}
      aria-label={icon ? label : undefined}
      title={icon ? label : undefined}
      onClick={(event) => {
        event.preventDefault();
        actions.open(page);
      }}
    >
      {icon ?? label}
    </a>
  );
  return (
    <header class="topbar">
      <h1 class="brand">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        Gatewhy
      </h1>
      <nav aria-label={say('popup.nav.label')}>
        {link('recent-errors', '/recent-errors.html', say('popup.nav.recentErrors'))}
        {link('explain', '/explain.html', say('popup.nav.explain'))}
        {showOptions && link('options', '/options.html', say('popup.nav.settings'), '⚙')}
      </nav>
    </header>
  );
}

function ClearState({ record, now }: { record: TabRecord | undefined; now: number }) {
  const back = outcome(record);
  if (back) {
    const recovered = back.kind === 'recovered';
    return (
      <section class={`hero ${recovered ? 'tone-ok' : 'tone-warn'}`} aria-labelledby="headline" data-state={recovered ? 'recovered' : 'ended'}>
        <div class="hero-head">
          <span class="pill" aria-hidden="true">
            {recovered ? say('popup.outcome.okPill') : '!'}
          </span>
          <h2 id="headline">{recovered ? say('popup.outcome.recovered') : say('popup.outcome.ended')}</h2>
        </div>
        <p>{say('popup.outcome.sentence', { outcome: back.text })}</p>
        <p class="meta">
          <time dateTime={new Date(back.time).toISOString()}>{clockTime(back.time, now)}</time>
          <span>{ago(back.time, now)}</span>
        </p>
      </section>
    );
  }
  return (
    <section class="hero tone-neutral" aria-labelledby="headline" data-state="clear">
      <h2 id="headline">{say('popup.clear.title')}</h2>
      <p class="muted">{say('popup.clear.detail')}</p>
    </section>
  );
}

export function PopupView({ loading, record, retry, explained, now, version, showOptions, access, browser = 'chrome', actions }: PopupViewProps) {
  const blind = !loading && access !== undefined && access.kind !== 'full';
  let body;
  if (loading) {
    body = (
      <p class="muted" aria-busy="true">
        {say('popup.loading')}
      </p>
    );
  } else if (record && hasFailures(record)) {
    body = <TabDetails record={record} explained={explained} retry={retry} now={now} version={version} actions={actions} />;
  } else {
    body = (
      <>
        {!blind && <ClearState record={record} now={now} />}
        {record && record.timeline.length > 0 && <Timeline events={record.timeline} now={now} />}
      </>
    );
  }
  return (
    <>
      <TopBar actions={actions} showOptions={showOptions} />
      <main class="stack popup-main">
        {blind && <SiteAccessNotice access={access} browser={browser} about="tab" onRequestAccess={actions.requestAccess} />}
        {body}
      </main>
    </>
  );
}
