// "Recent errors": the last gateway errors across tabs, by host (to spot a pattern) and one by one. Cleared with one click.
import { useEffect, useState } from 'preact/hooks';
import { clearHistory, watchHistory } from '../../services/history-store';
import { loadSettings, watchSettings } from '../../services/settings-store';
import { failedSightings, patternsByHost, type HistoryEntry } from '../../utils/history';
import { recentVerdicts } from '../../utils/just-me';
import { JustMeLine, useSightings } from '../JustMe';
import { ago, clockTime } from '../../utils/tab-view';
import { PageHeader } from '../PageHeader';
import { formatDateTime } from '../../utils/explain/time';
import { say, sayCount } from '../../utils/wording';

function useHistory() {
  const [entries, setEntries] = useState<HistoryEntry[]>();
  const [size, setSize] = useState<number>();
  useEffect(() => {
    const stopHistory = watchHistory(setEntries);
    const stopSettings = watchSettings(({ settings }) => setSize(settings.historySize));
    void loadSettings().then(({ settings }) => setSize((current) => current ?? settings.historySize));
    return () => {
      stopHistory();
      stopSettings();
    };
  }, []);
  return { entries, size, setEntries };
}

const statusLabel = (entry: HistoryEntry) => (entry.status > 0 ? String(entry.status) : 'ERR');

export function RecentErrorsPage({ now = Date.now() }: { now?: number }) {
  const { entries, size, setEntries } = useHistory();
  const [message, setMessage] = useState('');
  const patterns = entries ? patternsByHost(entries) : [];
  const healthy = useSightings();
  const verdicts = entries && healthy ? recentVerdicts(failedSightings(entries), healthy, now) : [];

  const onClear = async () => {
    await clearHistory();
    setEntries([]);
    setMessage(say('recentErrors.cleared'));
  };

  return (
    <>
      <PageHeader>
        <a href="/recent-errors.html" aria-current="page">
          {say('view.pages.recentErrors')}
        </a>
        <a href="/explain.html">{say('view.pages.explain')}</a>
      </PageHeader>
      <main class="page stack" aria-busy={entries === undefined}>
        <div class="stack">
          <h1 class="page-title">{say('recentErrors.title')}</h1>
          <p class="page-lead">{size === undefined ? say('recentErrors.lead') : sayCount('recentErrors.leadWithSize', size)}</p>
          <div class="actions">
            <button type="button" onClick={() => void onClear()} disabled={!entries || entries.length === 0}>
              {say('recentErrors.clear')}
            </button>
            <p class="notice" role="status" aria-live="polite">
              {message}
            </p>
          </div>
        </div>

        {entries && entries.length === 0 && (
          <section class="hero tone-neutral" data-state="empty">
            <h2>{say('recentErrors.empty.title')}</h2>
            <p class="muted">{say('recentErrors.empty.detail')}</p>
          </section>
        )}

        {verdicts.length > 0 && (
          <section class="stack" aria-label={say('recentErrors.justYou')}>
            {verdicts.map((verdict) => (
              <JustMeLine key={verdict.text} verdict={verdict} />
            ))}
          </section>
        )}

        {patterns.length > 0 && (
          <section class="section" aria-labelledby="by-host">
            <h2 id="by-host">{say('recentErrors.bySite.title')}</h2>
            <div class="table-wrap">
              <table class="table" data-table="patterns">
                <thead>
                  <tr>
                    <th scope="col">{say('recentErrors.bySite.host')}</th>
                    <th scope="col">{say('recentErrors.bySite.errors')}</th>
                    <th scope="col">{say('recentErrors.bySite.statuses')}</th>
                    <th scope="col">{say('recentErrors.bySite.gateway')}</th>
                    <th scope="col">{say('recentErrors.bySite.cause')}</th>
                    <th scope="col">{say('recentErrors.bySite.lastSeen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {patterns.map((pattern) => (
                    <tr key={pattern.host}>
                      <th scope="row" class="mono">
                        {pattern.host}
                      </th>
                      <td class="num">{pattern.count}</td>
                      <td class="num">{pattern.statuses.map((status) => (status > 0 ? status : say('recentErrors.bySite.noResponse'))).join(', ')}</td>
                      <td>{pattern.gatewayName ?? '—'}</td>
                      <td>{pattern.causeTitle ?? '—'}</td>
                      <td>
                        <time dateTime={new Date(pattern.last).toISOString()} title={formatDateTime(pattern.last)}>
                          {ago(pattern.last, now)}
                        </time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}

        {entries && entries.length > 0 && (
          <section class="section" aria-labelledby="all">
            <h2 id="all">{say('recentErrors.all.title', { count: entries.length })}</h2>
            <div class="table-wrap">
              <table class="table" data-table="entries">
                <thead>
                  <tr>
                    <th scope="col">{say('recentErrors.all.when')}</th>
                    <th scope="col">{say('recentErrors.all.status')}</th>
                    <th scope="col">{say('recentErrors.all.address')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry, index) => (
                    <tr key={`${entry.time}-${index}`}>
                      <td>
                        <time dateTime={new Date(entry.time).toISOString()}>{clockTime(entry.time, now)}</time>
                      </td>
                      <td>
                        <span class="pill small">{statusLabel(entry)}</span>
                      </td>
                      <td>
                        <p class="entry-url">{entry.url}</p>
                        <p class="small muted">
                          {entry.summary?.headline ?? entry.networkError ?? ''}
                          {entry.type !== 'main_frame' && ` · ${entry.type === 'xmlhttprequest' ? say('recentErrors.all.apiCall') : entry.type}`}
                        </p>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </main>
    </>
  );
}
