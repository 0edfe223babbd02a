// On install, and only then, opens the welcome page: it shows what Gatewhy does and whether it may see sites.
import { browser } from 'wxt/browser';

export const WELCOME_PAGE = '/welcome.html';

/** runtime.onInstalled: "install" is a new user; "update", "chrome_update" and "shared_module_update" are not. */
export async function openWelcomeOnInstall({ reason }: { reason: string }): Promise<void> {
  if (reason !== 'install') return;
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}
