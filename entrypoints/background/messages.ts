// Answers messages from the popup, the options page and the in-page banner, for the tab each may speak for.
import { browser } from 'wxt/browser';
import type { Request } from '../../services/messages';
import { updateSetting } from '../../services/settings-store';
import { explainFailure } from '../../utils/explain-failure';
import { siteRuleFor } from '../../utils/match-pattern';
import { bannerStateOf, type UserAction } from '../../utils/tab-machine';
import { logError } from './errors';
import { loadKnowledge } from './knowledge';
import type { TabRunner } from './tab-runner';
import { say } from '../../utils/wording';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** True for the extension's own pages (popup, options, …); a content script's sender.url is its page's address. */
const isExtensionPage = (sender: Sender, extensionOrigin: string) => typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);

const USER_ACTIONS: Partial<Record<Request['type'], UserAction>> = {
  'retry-now': 'retry-now',
  'retry-pause': 'stop',
  'retry-resume': 'resume',
  'retry-then': 'retry-then',
};

/**
 * The tab a message may act for. A content script (the banner) speaks for its own tab, `sender.tab.id`, and for no
 * other: naming another tab is refused. Only the extension's own pages may name a tab.
 */
export function tabFor(request: object, sender: Sender, extensionOrigin: string): { tabId?: number; error?: string } {
  const asked = 'tabId' in request ? request.tabId : undefined;
  const named = typeof asked === 'number' && Number.isInteger(asked) ? asked : undefined;
  if (isExtensionPage(sender, extensionOrigin)) return { tabId: named };
  const own = sender.tab?.id;
  if (named !== undefined && named !== own) return { error: 'A page may only act for its own tab' };
  return { tabId: own };
}

export function createMessageHandler(runner: TabRunner, extensionOrigin = browser.runtime.getURL('/')) {
  async function handle(request: Request, sender: Sender): Promise<unknown> {
    const { tabId, error } = tabFor(request, sender, extensionOrigin);
    if (error) return request.type === 'retry-state' ? null : { ok: false, error };
    const action = USER_ACTIONS[request.type];
    if (action) {
      if (tabId === undefined) return { ok: false, error: 'no tab' };
      await runner.dispatch(tabId, { type: 'user', action });
      return { ok: true };
    }
    switch (request.type) {
      case 'retry-due':
        if (tabId !== undefined) await runner.dispatch(tabId, { type: 'retry-due' });
        return { ok: true };
      case 'retry-state': {
        const state = tabId === undefined ? undefined : await runner.stateOf(tabId);
        return state ? bannerStateOf(state, await runner.settings()) : null;
      }
      case 'explanations': {
        const state = tabId === undefined ? undefined : await runner.stateOf(tabId);
        // A failure stored by an earlier background is explained again here, maybe before anything needed the knowledge.
        if (state?.record.failures.length) await loadKnowledge();
        return Object.fromEntries((state?.record.failures ?? []).map((failure) => [failure.requestId, explainFailure(failure)]));
      }
      case 'never-on-site': {
        const state = tabId === undefined ? undefined : await runner.stateOf(tabId);
        if (state?.privateWindow) {
          // A rule is a setting, kept in storage.sync: on disk, and nothing of a private window goes there.
          await runner.dispatch(state.tabId, { type: 'user', action: 'stop' });
          return {
            ok: false,
            error: say('siteRule.privateWindow'),
          };
        }
        // An extension page may name the address; a page's banner only ever the page's own.
        const named = isExtensionPage(sender, extensionOrigin) && typeof request.url === 'string' ? request.url : undefined;
        const address = named ?? state?.retry?.url ?? state?.record.page?.url;
        const pattern = address === undefined ? undefined : siteRuleFor(address);
        if (!pattern) return { ok: false, error: say('siteRule.notHttp') };
        await updateSetting('neverRetrySites', (rules) => (rules.includes(pattern) ? rules : [...rules, pattern]));
        if (tabId !== undefined) await runner.dispatch(tabId, { type: 'user', action: 'never-on-site' });
        return { ok: true, pattern };
      }
      case 'settings':
        return isExtensionPage(sender, extensionOrigin) ? runner.settings() : { ok: false, error: 'Only Gatewhy’s own pages may read its settings' };
      default:
        return { ok: false, error: 'unknown message' };
    }
  }

  /** runtime.onMessage listener: answers known messages, never throws, ignores what is not Gatewhy's. */
  return function onMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
    if (!message || typeof message !== 'object' || typeof (message as { type?: unknown }).type !== 'string') return undefined;
    const request = message as Request;
    return handle(request, sender ?? {}).catch((error: unknown) => {
      logError(`message ${request.type}`, error);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    });
  };
}
