// The tab's automatic retry: countdown, attempt n of m, why it is blocked; stop, resume, retry then or now, never on this site.
import { useState } from 'preact/hooks';
import type { RetryState } from '../../utils/retry-policy';
import { retryView } from '../../utils/tab-view';
import { hostWithPort } from '../../utils/query-strings';
import { say } from '../../utils/wording';

export interface RetryActions {
  retryNow(): Promise<unknown>;
  pause(): Promise<unknown>;
  resume(): Promise<unknown>;
  /** Retry at the time the server asked for, later than the user's cap. */
  retryThen(): Promise<unknown>;
  neverOnSite(url: string): Promise<{ ok: boolean; error?: string }>;
}

export function RetryPanel({ retry, now, actions }: { retry: RetryState; now: number; actions: RetryActions }) {
  const view = retryView(retry, now);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      const answer = (await action()) as { ok?: boolean; error?: string } | undefined;
      if (answer && answer.ok === false) setMessage({ text: answer.error ?? say('popup.retry.failed'), error: true });
      else if (done) setMessage({ text: done });
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
    }
  };
  const host = hostWithPort(retry.url);

  return (
    <section class="card retry" aria-labelledby="retry-title" data-section="retry">
      <div class="retry-head">
        <h2 id="retry-title" class="retry-title">
          <span class="visually-hidden">{`${say('popup.retry.label')} `}</span>
          {view.secondsLeft !== undefined ? (
            <span class="countdown" role="timer">
              {view.title}
            </span>
          ) : (
            view.title
          )}
        </h2>
        <span class="retry-attempt">{view.attempt}</span>
      </div>
      <p class="small muted">{view.detail}</p>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void run(actions.retryNow)}>
          {retry.blocked === 'not-get' ? say('popup.retry.retryForm') : say('popup.retry.retryNow')}
        </button>
        {view.canRetryThen && (
          <button type="button" disabled={busy} onClick={() => void run(actions.retryThen, say('popup.retry.retryThenDone'))}>
            {say('popup.retry.retryThen')}
          </button>
        )}
        {view.canPause && (
          <button type="button" disabled={busy} onClick={() => void run(actions.pause, say('popup.retry.stopDone'))}>
            {say('popup.retry.stop')}
          </button>
        )}
        {view.canResume && (
          <button type="button" disabled={busy} onClick={() => void run(actions.resume, say('popup.retry.resumeDone'))}>
            {say('popup.retry.resume')}
          </button>
        )}
        {retry.blocked !== 'never-site' && (
          <button
            type="button"
            class="link"
            disabled={busy}
            onClick={() => void run(() => actions.neverOnSite(retry.url), say('popup.retry.neverDone', { host }))}
          >
            {say('popup.retry.never')}
          </button>
        )}
      </div>
      <p class={`notice${message?.error ? ' error' : ''}`} role="status" aria-live="polite">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
