// "Recent errors": the last gateway errors across tabs, by host (to spot a pattern) and one by one. Cleared with one click.
import { useEffect, useState } from 'preact/hooks';
import { clearHistory, watchHistory } from '../../services/history-store';
import { loadSettings, watchSettings } from '../../services/settings-store';
import { failedSightings, patternsByHost, type HistoryEntry } from '../../utils/history';
import { recentVerdicts } from '../../utils/just-me';
import { JustMeLine, useSightings } from '../JustMe';
import { ago, clockTime } from '../../utils/tab-view';
import { PageHeader } from '../PageHeader';

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
    setMessage('Recent errors cleared.');
  };

  return (
    <>
      <PageHeader>
        <a href="/recent-errors.html" aria-current="page">
          Recent errors
        </a>
        <a href="/explain.html">Explain a response</a>
      </PageHeader>
      <main class="page stack" aria-busy={entries === undefined}>
        <div class="stack">
          <h1 class="page-title">Recent errors</h1>
          <p class="page-lead">
            Gateway errors Gatewhy saw across all tabs, newest first, without query strings or cookies.
            {size !== undefined && ` It keeps the last ${size} (change this in the settings).`}
          </p>
          <div class="actions">
            <button type="button" onClick={() => void onClear()} disabled={!entries || entries.length === 0}>
              Clear recent errors
            </button>
            <p class="notice" role="status" aria-live="polite">
              {message}
            </p>
          </div>
        </div>

        {entries && entries.length === 0 && (
          <section class="hero tone-neutral" data-state="empty">
            <h2>No gateway errors recorded</h2>
            <p class="muted">When a page or a request inside it fails with a gateway error, it is listed here.</p>
          </section>
        )}

        {verdicts.length > 0 && (
          <section class="stack" aria-label="Is it just you?">
            {verdicts.map((verdict) => (
              <JustMeLine key={verdict.text} verdict={verdict} />
            ))}
          </section>
        )}

        {patterns.length > 0 && (
          <section class="section" aria-labelledby="by-host">
            <h2 id="by-host">By site</h2>
            <div class="table-wrap">
              <table class="table" data-table="patterns">
                <thead>
                  <tr>
                    <th scope="col">Host</th>
                    <th scope="col">Errors</th>
                    <th scope="col">Statuses</th>
                    <th scope="col">Gateway</th>
                    <th scope="col">Most common cause</th>
                    <th scope="col">Last seen</th>
                  </tr>
                </thead>
                <tbody>
                  {patterns.map((pattern) => (
                    <tr key={pattern.host}>
                      <th scope="row" class="mono">
                        {pattern.host}
                      </th>
                      <td class="num">{pattern.count}</td>
                      <td class="num">{pattern.statuses.map((status) => (status > 0 ? status : 'no response')).join(', ')}</td>
                      <td>{pattern.gatewayName ?? '—'}</td>
                      <td>{pattern.causeTitle ?? '—'}</td>
                      <td>
                        <time dateTime={new Date(pattern.last).toISOString()} title={new Date(pattern.last).toLocaleString()}>
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
            <h2 id="all">All ({entries.length})</h2>
            <div class="table-wrap">
              <table class="table" data-table="entries">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Status</th>
                    <th scope="col">Address and explanation</th>
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
                          {entry.type !== 'main_frame' && ` · ${entry.type === 'xmlhttprequest' ? 'API call' : entry.type}`}
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
