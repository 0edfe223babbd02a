// Makes Gatewhy speak the browser's language: every extension page, the background and the banner call this first.
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { useLanguage, type Translate, type Values } from '../utils/wording';

/** How many distinct messages are kept at most (a message's values can be a URL or a time: they do not all repeat). */
const REMEMBERED = 2000;

/**
 * Each message looked up once per key and values. A lookup is a call into the browser: in the service worker it took
 * about a third of explaining a failure (a CPU profile of the worker during the failure-heavy page of bench/), and
 * the answer cannot change while the extension runs, its language being the browser's.
 */
export function remembered(translate: Translate): Translate {
  const known = new Map<string, string | undefined>();
  return (key, values, count) => {
    const id = values === undefined && count === undefined ? key : JSON.stringify([key, values, count]);
    if (known.has(id)) return known.get(id);
    const message = translate(key, values, count);
    if (known.size >= REMEMBERED) known.clear();
    known.set(id, message);
    return message;
  };
}

/** Plugs the browser's messages (built from locales/*.json by @wxt-dev/i18n) into utils/wording.ts. */
export function speakBrowserLanguage(): void {
  // The keys are checked against locales/en.json where they are written (utils/wording.ts' MessageKey).
  const t = i18n.t as unknown as (key: string, ...args: unknown[]) => string;
  try {
    useLanguage(
      browser.i18n.getUILanguage(),
      remembered((key, values?: Values, count?: number) => {
        // Vendor sentences are keyed by their text's hash and English has none (utils/wording.ts): ask quietly.
        if (key.startsWith('vendor.')) return (browser.i18n.getMessage as (name: string) => string)(key.replaceAll('.', '_'));
        return count === undefined ? t(key, ...(values ? [values] : [])) : t(key, count, { count, ...values });
      }),
    );
    // Screen readers and fonts (Japanese) follow the page's language.
    if (typeof document !== 'undefined') document.documentElement.lang = browser.i18n.getUILanguage();
  } catch (error) {
    // No i18n API (a test page outside the extension): English it is.
    console.warn('Gatewhy: the browser gave no language; showing English.', error);
  }
}
