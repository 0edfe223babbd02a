// What the in-page banner says for a retry state, and which buttons it offers.
import type { RetryState } from './retry-policy';

export interface BannerAction {
  id: 'retry-now' | 'retry-pause' | 'retry-resume' | 'why';
  label: string;
  primary?: boolean;
}

export interface BannerView {
  message: string;
  actions: BannerAction[];
}

const WHY: BannerAction = { id: 'why', label: 'Why?' };

/** The banner's text and buttons, or undefined when there is nothing worth showing (the user turned retry off). */
export function bannerText(state: { retry: RetryState }, now: number): BannerView | undefined {
  const { retry } = state;
  const attempt = `attempt ${retry.attempt + 1} of ${retry.maxAttempts}`;
  if (retry.dueAt !== undefined) {
    const seconds = Math.max(0, Math.ceil((retry.dueAt - now) / 1000));
    return {
      message: seconds > 0 ? `Gatewhy: retrying in ${seconds} s (${attempt})` : `Gatewhy: retrying now (${attempt})`,
      actions: [{ id: 'retry-now', label: 'Retry now', primary: true }, { id: 'retry-pause', label: 'Stop' }, WHY],
    };
  }
  switch (retry.blocked) {
    case 'not-get':
      return {
        message: 'Gatewhy: this page came from a form, so it is not retried by itself.',
        actions: [{ id: 'retry-now', label: 'Retry (sends the form again)' }, WHY],
      };
    case 'paused':
      return { message: 'Gatewhy: retrying is stopped for this tab.', actions: [{ id: 'retry-resume', label: 'Resume', primary: true }, { id: 'retry-now', label: 'Retry now' }, WHY] };
    case 'gave-up':
      return { message: `Gatewhy: still failing after ${retry.attempt} ${retry.attempt === 1 ? 'retry' : 'retries'}.`, actions: [{ id: 'retry-now', label: 'Retry now', primary: true }, WHY] };
    default:
      return undefined;
  }
}
