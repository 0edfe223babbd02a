// Makes Gatewhy speak the browser's language: every extension page, the background and the banner call this first.
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { useLanguage, type Values } from '../utils/wording';

/** Plugs the browser's messages (built from locales/*.json by @wxt-dev/i18n) into utils/wording.ts. */
export function speakBrowserLanguage(): void {
  // The keys are checked against locales/en.json where they are written (utils/wording.ts' MessageKey).
  const t = i18n.t as unknown as (key: string, ...args: unknown[]) => string;
  try {
    useLanguage(browser.i18n.getUILanguage(), (key, values?: Values, count?: number) => {
      // Vendor sentences are keyed by their text's hash and English has none (utils/wording.ts): ask quietly.
      if (key.startsWith('vendor.')) return (browser.i18n.getMessage as (name: string) => string)(key.replaceAll('.', '_'));
      return count === undefined ? t(key, ...(values ? [values] : [])) : t(key, count, { count, ...values });
    });
    // Screen readers and fonts (Japanese) follow the page's language.
    if (typeof document !== 'undefined') document.documentElement.lang = browser.i18n.getUILanguage();
  } catch (error) {
    // No i18n API (a test page outside the extension): English it is.
    console.warn('Gatewhy: the browser gave no language; showing English.', error);
  }
}
