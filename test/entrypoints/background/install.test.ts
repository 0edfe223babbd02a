import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { openWelcomeOnInstall } from '../../../entrypoints/background/install';

beforeEach(() => fakeBrowser.reset());

/** The addresses of the tabs `run` opens (the fake browser starts with one blank tab). */
async function opened(run: () => Promise<void>): Promise<(string | undefined)[]> {
  const before = (await browser.tabs.query({})).length;
  await run();
  return (await browser.tabs.query({})).slice(before).map((tab) => tab.url);
}

describe('openWelcomeOnInstall', () => {
  it('should open the welcome page when Gatewhy is installed', async () => {
    expect(await opened(() => openWelcomeOnInstall({ reason: 'install' }))).toEqual([browser.runtime.getURL('/welcome.html')]);
  });

  it.each(['update', 'chrome_update', 'browser_update', 'shared_module_update'])('should open nothing on %s', async (reason) => {
    expect(await opened(() => openWelcomeOnInstall({ reason }))).toEqual([]);
  });
});
