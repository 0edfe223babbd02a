// Every sentence Gatewhy shows a person, looked up by key: English from locales/en.json (the command line, the tests),
// or the browser's messages once the extension plugs them in (services/browser-wording.ts). The engine stays free of
// browser.*.
import english from '../locales/en.json';
import { fnv1a } from './hash';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : T[K] extends { n: string } ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of locales/en.json, dot-separated: "cause.originUnreachable.title". */
export type MessageKey = Leaves<typeof english>;
/** Named substitutions: "{name}" in a message is replaced by values.name. */
export type Values = Readonly<Record<string, string | number>>;

/** Looks a message up in some language; '' or undefined when that language lacks it. */
export type Translate = (key: string, values?: Values, count?: number) => string | undefined;

interface Language {
  /** A BCP 47 tag for Intl: "de", "en-US". */
  locale: string;
  translate: Translate;
}

const NAMED = /\{([A-Za-z0-9_]+)\}/g;

/** Fills "{name}" placeholders, as @wxt-dev/i18n does after the browser's lookup. */
export function fill(message: string, values?: Values): string {
  if (!values || !message.includes('{')) return message;
  return message.replace(NAMED, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** The plural form for a count, in @wxt-dev/i18n's forms: { 0?, 1, n }. */
function pluralForm(forms: Record<string, string>, count: number): string | undefined {
  return forms[String(count)] ?? (count === 1 ? forms['1'] : undefined) ?? forms.n;
}

function lookUp(tree: unknown, key: string): unknown {
  let node = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * Looks messages up in a message file's tree, as the browser does in its built _locales: English from
 * locales/en.json for the command line and as every page's fallback; tests use it for the other languages.
 */
export function messagesFrom(tree: unknown): Translate {
  // The engine asks for the same few keys on every explanation: walk the tree once per key.
  const found = new Map<string, unknown>();
  return (key, values, count) => {
    let node = found.get(key);
    if (node === undefined && !found.has(key)) found.set(key, (node = lookUp(tree, key)));
    return messageOf(node, values, count);
  };
}

/** A looked-up node as a message: the string, or the plural form for `count`, with placeholders filled. */
function messageOf(found: unknown, values: Values | undefined, count: number | undefined): string | undefined {
  const message =
    typeof found === 'string'
      ? found
      : found && typeof found === 'object' && count !== undefined
        ? pluralForm(found as Record<string, string>, count)
        : undefined;
  if (message === undefined) return undefined;
  // Messages escape "$" as "$$" for the browser's i18n (Chrome reads "$1" and "$name$" as placeholders).
  return fill(message.includes('$$') ? message.replaceAll('$$', '$') : message, count === undefined ? values : { count, ...values });
}

/** True only in the extension's build (wxt.config.ts): there the browser's messages, its _locales/en included, say everything. */
declare const __SPEAKS_BROWSER_LANGUAGE__: boolean | undefined;
const speaksBrowserLanguage = typeof __SPEAKS_BROWSER_LANGUAGE__ !== 'undefined' && __SPEAKS_BROWSER_LANGUAGE__;

/** English from locales/en.json: the command line's and the tests' language, and none in the extension's bundles. */
export const englishMessages: Translate = speaksBrowserLanguage ? () => undefined : messagesFrom(english);

let language: Language = { locale: 'en', translate: englishMessages };

/** Speak another language from now on (an extension page, at start). Messages it lacks stay English. */
export function useLanguage(locale: string, translate: Translate): void {
  language = { locale, translate };
}

/** The language the words are in, for Intl formatting. */
export const currentLocale = (): string => language.locale;

/** The message for this key, with "{name}" placeholders filled. */
export function say(key: MessageKey, values?: Values): string {
  return language.translate(key, values) || englishMessages(key, values) || key;
}

/** The message for this key in the plural form for `count`, which also fills "{count}". */
export function sayCount(key: MessageKey, count: number, values?: Values): string {
  return language.translate(key, values, count) || englishMessages(key, values, count) || key;
}

/**
 * The key of a sentence of Gatewhy's knowledge (a vendor file's meanings, advice and notes, a header's meaning): its
 * English text's hash, so that a changed sentence loses its translations instead of keeping a stale one. English has
 * no such keys (the sentence is its own English); scripts/vendor-messages.ts lists them for translators.
 */
export function vendorMessageKey(text: string): string {
  let key = VENDOR_KEYS.get(text);
  if (key === undefined) VENDOR_KEYS.set(text, (key = `vendor.${fnv1a(text)}`));
  return key;
}

// The same few hundred sentences are asked for again and again; V8 keeps each constant string's own hash, so a Map
// finds one faster than FNV-1a walks it. Bounded: only the knowledge's own sentences come here.
const VENDOR_KEYS = new Map<string, string>();

/** A sentence of Gatewhy's knowledge in the current language, or as written when no translation exists. */
export function sayVendor(text: string): string {
  return language.translate(vendorMessageKey(text)) || text;
}
