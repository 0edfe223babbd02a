// Answers messages from the popup, the options page and the in-page banner.
import type { Request } from '../../services/messages';
import { readTabRecord } from '../../services/tab-store';
import { explainFailure } from '../../utils/explain-failure';
import { currentSettings, saveSettings } from '../../services/settings-store';
import { bannerStateFor, fireRetry, pauseRetry, resumeRetry } from './retry';
import { logError } from './errors';

interface Sender {
  tab?: { id?: number };
}

/** A pattern that matches every page of the address's host, e.g. *://shop.example.com/* */
export function sitePattern(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `*://${hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}

async function handle(request: Request, sender: Sender): Promise<unknown> {
  // The banner speaks for its own tab; extension pages name the tab.
  const tabId = ('tabId' in request && typeof request.tabId === 'number' ? request.tabId : undefined) ?? sender.tab?.id;
  switch (request.type) {
    case 'retry-state':
      return tabId === undefined ? null : bannerStateFor(tabId);
    case 'retry-due':
      if (tabId !== undefined) await fireRetry(tabId);
      return { ok: true };
    case 'retry-now':
      if (tabId === undefined) return { ok: false, error: 'no tab' };
      await fireRetry(tabId, { manual: true });
      return { ok: true };
    case 'retry-pause':
      if (tabId !== undefined) await pauseRetry(tabId);
      return { ok: true };
    case 'retry-resume':
      if (tabId !== undefined) await resumeRetry(tabId);
      return { ok: true };
    case 'explanations': {
      const record = await readTabRecord(request.tabId);
      return Object.fromEntries((record?.failures ?? []).map((failure) => [failure.requestId, explainFailure(failure)]));
    }
    case 'never-on-site': {
      const pattern = sitePattern(request.url);
      if (!pattern) return { ok: false, error: 'Only http and https sites can have rules' };
      const { settings } = await currentSettings();
      if (!settings.neverRetrySites.includes(pattern)) await saveSettings({ ...settings, neverRetrySites: [...settings.neverRetrySites, pattern] });
      if (tabId !== undefined) await pauseRetry(tabId);
      return { ok: true, pattern };
    }
    default:
      return { ok: false, error: 'unknown message' };
  }
}

/** runtime.onMessage listener: answers known messages, never throws, ignores what is not Gatewhy's. */
export function onMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
  if (!message || typeof message !== 'object' || typeof (message as { type?: unknown }).type !== 'string') return undefined;
  return handle(message as Request, sender).catch((error: unknown) => {
    logError(`message ${(message as Request).type}`, error);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  });
}

