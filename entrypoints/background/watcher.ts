// Turns webRequest events into per-tab records and badges.
import { addFailure, startPage, toFailedRequest, type ResponseDetails } from '../../utils/tab-record';
import { updateTabRecord, removeTabRecord, readTabRecord } from '../../services/tab-store';
import { showBadge } from './badge';

/** Statuses worth a look: every 5xx. Anything else returns before any work is done. */
export const isServerError = (status: unknown): status is number => typeof status === 'number' && status >= 500 && status < 600;

export async function onResponseCompleted(details: ResponseDetails & { tabId: number }): Promise<void> {
  const { tabId, type, statusCode } = details;
  if (tabId < 0) return;
  if (type === 'main_frame') {
    const pageRequestId = String(details.requestId ?? '');
    const record = await updateTabRecord(tabId, (current) => {
      const fresh = startPage(current, pageRequestId);
      return isServerError(statusCode) ? addFailure(fresh, toFailedRequest(details)) : fresh;
    });
    await showBadge(tabId, record);
  } else if (isServerError(statusCode)) {
    const record = await updateTabRecord(tabId, (current) => addFailure(current, toFailedRequest(details)));
    await showBadge(tabId, record);
  }
}

export async function onTabRemoved(tabId: number): Promise<void> {
  await removeTabRecord(tabId);
}

/** Chromium clears a tab's badge when it commits a navigation, which can follow onCompleted: apply it again. */
export async function onTabLoaded(tabId: number): Promise<void> {
  const record = await readTabRecord(tabId);
  if (record) await showBadge(tabId, record);
}
