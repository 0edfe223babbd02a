// Counts the extension API calls Gatewhy's background makes per page load, in a separate untimed browser: the
// diagnostic behind the page-load numbers (each call is a round trip to the browser process).
import { badgeText, extensionIdOf, launch, readManifest, turnOnSetting } from './browser';
import type { BenchSite } from './site';

/** The two pages whose calls are counted: healthy, and with 10 % failing subresources. */
type Scenario = 'ok' | 'failing';

/** "storage.local.set" → calls during one load and the pause after it. */
export type CallCounts = Record<string, number>;

export interface SettingCalls {
  calls: Record<Scenario, CallCounts>;
  /** Failures the badge counted after the load: what those calls stored. */
  failures: Record<Scenario, number>;
}

export interface ApiCallsResult {
  default: SettingCalls;
  all: SettingCalls;
}

// Wraps the chrome.* functions Gatewhy's background uses; evaluated as text, since tsx would add a helper the
// worker does not have. @wxt-dev/storage and the polyfill look these functions up at call time, so they see the wraps.
const INSTRUMENT = `(() => {
  const counts = (globalThis.__benchCalls = {});
  const wrap = (owner, name, functions) => {
    for (const fn of functions) {
      const original = owner && owner[fn];
      if (typeof original !== 'function') continue;
      owner[fn] = function (...args) {
        counts[name + '.' + fn] = (counts[name + '.' + fn] || 0) + 1;
        return original.apply(this, args);
      };
    }
  };
  wrap(chrome.storage.session, 'storage.session', ['get', 'set', 'remove']);
  wrap(chrome.storage.local, 'storage.local', ['get', 'set', 'remove']);
  wrap(chrome.storage.sync, 'storage.sync', ['get', 'set']);
  wrap(chrome.action, 'action', ['setBadgeText', 'setBadgeBackgroundColor', 'setTitle', 'setIcon']);
  wrap(chrome.tabs, 'tabs', ['get', 'query', 'sendMessage', 'reload']);
  wrap(chrome.scripting, 'scripting', ['executeScript']);
  wrap(chrome.alarms, 'alarms', ['create', 'clear']);
})()`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function countApiCalls({ site, gatewhyDir }: { site: BenchSite; gatewhyDir: string }): Promise<ApiCallsResult> {
  const result = {} as ApiCallsResult;
  for (const setting of ['default', 'all'] as const) {
    const browser = await launch(gatewhyDir);
    try {
      const worker = browser.worker!;
      const page = await browser.context.newPage();
      if (setting === 'all') {
        const { options_ui } = await readManifest(gatewhyDir);
        await turnOnSetting(page, `chrome-extension://${extensionIdOf(worker)}/${options_ui?.page ?? 'options.html'}`, 'watchAllRequests');
      }
      await worker.evaluate(INSTRUMENT);
      const counts = {} as Record<Scenario, CallCounts>;
      const failures = {} as Record<Scenario, number>;
      // Each page twice, in the benchmark's alternation; the second of each is kept (the tab is then in its
      // steady state: it had failures before, as in the timed rounds).
      for (const scenario of ['failing', 'ok', 'failing', 'ok'] as const) {
        await worker.evaluate('for (const key of Object.keys(globalThis.__benchCalls)) delete globalThis.__benchCalls[key]');
        const url = site.heavyUrl(`calls-${setting}-${Math.random().toString(36).slice(2)}`, scenario);
        await page.goto(url);
        await page.evaluate(() => (window as unknown as { benchDone: Promise<unknown> }).benchDone);
        // Longer than the timed pause: every call the load causes is counted, even late ones.
        await sleep(1000);
        counts[scenario] = (await worker.evaluate('({ ...globalThis.__benchCalls })')) as CallCounts;
        failures[scenario] = Number(await badgeText(worker, url)) || 0;
      }
      result[setting] = { calls: counts, failures };
    } finally {
      await browser.close();
    }
  }
  return result;
}
