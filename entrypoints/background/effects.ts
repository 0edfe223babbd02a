// Performs what a tab machine decided: storage writes, the badge, reloads, timers and alarms, the banner, notifications.
import { browser } from 'wxt/browser';
import { recordHistory } from '../../services/history-store';
import { writeRetryState } from '../../services/retry-store';
import { writeTabRecord } from '../../services/tab-store';
import type { BannerUpdate } from '../../services/messages';
import { toHistoryEntry } from '../../utils/history';
import { siteOf } from '../../utils/party';
import type { Settings } from '../../utils/settings';
import type { TabEffect, TabEvent } from '../../utils/tab-machine';
import { TAB_CALL_TIME_LIMIT_MS, withTimeLimit } from '../../utils/time-limit';
import { showBadge } from './badge';
import { logError } from './errors';
import { readPageHtml } from './page-reader';
import { retryAlarmName } from './retry-alarm';

export interface EffectContext {
  settings(): Settings;
  now(): number;
  /** Feeds an event back to the tab's machine (a timer firing, what a tab call found). */
  dispatch(tabId: number, event: TabEvent): Promise<void>;
}

/** Work that waits on the page (which may be gone or navigating) runs beside the tab's queue, never blocking it. */
function beside(what: string, work: () => Promise<unknown>): void {
  void work().catch((error: unknown) => logError(what, error));
}

export async function runEffect(tabId: number, effect: TabEffect, context: EffectContext): Promise<void> {
  switch (effect.type) {
    case 'store':
      if (effect.part === 'record') await writeTabRecord(tabId, effect.record);
      else await writeRetryState(tabId, effect.retry);
      return;
    case 'remember':
      await recordHistory(
        effect.failures.map((failure) => toHistoryEntry(failure, siteOf(failure.url))),
        context.settings().historySize,
        { privateWindow: effect.privateWindow },
      );
      return;
    case 'badge':
      await showBadge(tabId, effect.badge, effect.previous);
      return;
    case 'reload': {
      // Chromium shows a navigation under way as pendingUrl: never reload over it. (Firefox has none; the machine
      // already cancelled the schedule when the navigation started.)
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (!tab) return;
      const heading = (tab as { pendingUrl?: string }).pendingUrl;
      if (effect.url !== undefined && heading !== undefined && heading.split('#')[0] !== effect.url) return;
      await browser.tabs.reload(tabId, { bypassCache: effect.bypassCache });
      return;
    }
    case 'timer': {
      const event: TabEvent = { type: effect.event };
      setTimeout(() => void context.dispatch(tabId, event), Math.max(0, effect.at - context.now()));
      return;
    }
    case 'alarm':
      if (effect.at === undefined) await browser.alarms.clear(retryAlarmName(tabId));
      else await browser.alarms.create(retryAlarmName(tabId), { when: effect.at });
      return;
    case 'take-slot':
    case 'release-slot':
    case 'forget':
    case 'body-settled':
      // The runner applies these itself, in the step's own turn.
      return;
    case 'banner': {
      const update: BannerUpdate = { type: 'gatewhy-banner', state: effect.state };
      // No banner in the tab (not injected yet, or a browser error page) is normal.
      beside('banner update', () => withTimeLimit(browser.tabs.sendMessage(tabId, update), TAB_CALL_TIME_LIMIT_MS).catch(() => undefined));
      return;
    }
    case 'inject-banner':
      // The browser's own error pages cannot be scripted: there the timer and the alarm fire the retry.
      beside('banner injection', () =>
        withTimeLimit(browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/banner.js'] }), TAB_CALL_TIME_LIMIT_MS).catch(
          () => undefined,
        ),
      );
      return;
    case 'read-page':
      beside('page reading', async () => {
        const read = await readPageHtml(tabId);
        // The tab may still show the previous document: then the failed page's own load reads it again.
        if (read && read.url.split('#')[0] !== effect.url) return;
        await context.dispatch(tabId, { type: 'page-read', url: effect.url, ...(read && { html: read.html }) });
      });
      return;
    case 'check-loaded':
      beside('load check', async () => {
        const tab = await browser.tabs.get(tabId).catch(() => undefined);
        if (tab?.status === 'complete') await context.dispatch(tabId, { type: 'load-complete', url: tab.url });
      });
      return;
    case 'notify': {
      // The options page gives the permission back when the option is turned off; check it is still held.
      const allowed = await browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false);
      if (allowed)
        await browser.notifications.create(`gatewhy-recovered-${tabId}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: effect.title,
          message: effect.text,
        });
      return;
    }
  }
}
