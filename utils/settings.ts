// The one settings schema: every option's default, bounds and label, with the Settings type derived from it.
import { sitePatternError } from './match-pattern';

/** Cloudflare's 52x and 530 are gateway errors too (shared/gateways.md, cloudflare). */
export const GATEWAY_STATUSES = [502, 503, 504, 520, 521, 522, 523, 524, 525, 526, 527, 530] as const;

export type Section = 'retry' | 'timing' | 'sites' | 'page' | 'history';

interface FieldBase {
  label: string;
  help?: string;
  section: Section;
  /** An optional permission the option needs while it is on, asked for when the user turns it on. */
  permission?: { name: 'notifications'; purpose: string };
}
export interface BooleanField extends FieldBase {
  kind: 'boolean';
  default: boolean;
}
export interface NumberField extends FieldBase {
  kind: 'integer' | 'number';
  default: number;
  min: number;
  max: number;
  unit?: string;
}
export interface StatusesField extends FieldBase {
  kind: 'statuses';
  default: number[];
}
export interface PatternsField extends FieldBase {
  kind: 'patterns';
  default: string[];
}
type AnyField = BooleanField | NumberField | StatusesField | PatternsField;

const toggle = (field: Omit<BooleanField, 'kind'>): BooleanField => ({ kind: 'boolean', ...field });
const integer = (field: Omit<NumberField, 'kind'>): NumberField => ({ kind: 'integer', ...field });
const decimal = (field: Omit<NumberField, 'kind'>): NumberField => ({ kind: 'number', ...field });
const statuses = (field: Omit<StatusesField, 'kind'>): StatusesField => ({ kind: 'statuses', ...field });
const patterns = (field: Omit<PatternsField, 'kind'>): PatternsField => ({ kind: 'patterns', ...field });

/** Every setting, in the order the options page shows them. */
export const SCHEMA = {
  autoRetry: toggle({
    default: true,
    section: 'retry',
    label: 'Retry failed pages automatically',
    help: 'Only pages loaded with GET are retried; a page that came from a form is never sent again.',
  }),
  retryStatuses: statuses({
    default: [...GATEWAY_STATUSES],
    section: 'retry',
    label: 'Statuses to retry',
    help: 'Comma-separated 5xx codes; "52x" means 520–529.',
  }),
  retryNetworkErrors: toggle({
    default: true,
    section: 'retry',
    label: 'Also retry when no response arrived',
    help: 'Firefox: when the connection was refused, reset or closed, or timed out. Chromium reloads such pages by itself, so Gatewhy leaves them to it. A mistyped address or a certificate error is never retried.',
  }),
  maxAttempts: integer({ default: 5, min: 1, max: 20, section: 'retry', label: 'Attempts before giving up' }),
  globalRetriesPerMinute: integer({
    default: 12,
    min: 1,
    max: 120,
    section: 'retry',
    label: 'Most retries per minute, all tabs together',
    help: 'Keeps many open tabs from flooding a struggling server.',
  }),
  baseDelaySeconds: decimal({ default: 2, min: 0.5, max: 600, unit: 's', section: 'timing', label: 'First delay' }),
  backoffFactor: decimal({ default: 2, min: 1, max: 10, unit: '×', section: 'timing', label: 'Each delay is this many times the previous' }),
  maxDelaySeconds: decimal({ default: 60, min: 1, max: 3600, unit: 's', section: 'timing', label: 'Longest delay' }),
  jitter: decimal({
    default: 0.3,
    min: 0,
    max: 1,
    section: 'timing',
    label: 'Jitter',
    help: 'Each delay is shortened by up to this share at random (0 = none, 1 = anywhere down to zero), never below what the server asked for.',
  }),
  honorRetryAfter: toggle({ default: true, section: 'timing', label: 'Wait at least as long as the server asks (Retry-After)' }),
  retryAfterCapSeconds: integer({
    default: 300,
    min: 1,
    max: 86_400,
    unit: 's',
    section: 'timing',
    label: 'Longest Retry-After to wait for by itself',
    help: 'When the server asks for a longer wait, Gatewhy stops and asks you: retry then, or now.',
  }),
  neverRetrySites: patterns({
    default: [],
    section: 'sites',
    label: 'Never retry on',
    help: 'One match pattern per line, e.g. *://*.example.com/* or http://localhost:8080/*',
  }),
  alwaysRetrySites: patterns({
    default: [],
    section: 'sites',
    label: 'Always retry on (even when automatic retry is off)',
    help: 'One match pattern per line.',
  }),
  showBanner: toggle({ default: true, section: 'page', label: 'Show the retry countdown on the failed page' }),
  notifyOnRecovery: toggle({
    default: false,
    section: 'page',
    label: 'Notify me when a failed page comes back',
    help: 'Asks for permission to show notifications.',
    permission: { name: 'notifications', purpose: 'show notifications' },
  }),
  watchAllRequests: toggle({
    default: false,
    section: 'page',
    label: 'Watch every request, not only pages, frames and API calls',
    help: 'Also images, scripts and styles. Costs a little page-load time.',
  }),
  historySize: integer({ default: 100, min: 0, max: 1000, section: 'history', label: 'Recent errors to keep' }),
} satisfies Record<string, AnyField>;

type Schema = typeof SCHEMA;
export type SettingKey = keyof Schema;
/** The settings' values, one per schema entry, typed by its kind. */
export type Settings = { [K in SettingKey]: Schema[K]['default'] };
/** A schema entry with its key; narrowing on `kind` narrows `key` to the settings of that kind. */
export type Field = { [K in SettingKey]: Schema[K] & { key: K } }[SettingKey];

export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SCHEMA, key);
export const SETTING_KEYS: readonly SettingKey[] = Object.keys(SCHEMA).filter(isSettingKey);

const isField = (entry: AnyField & { key: SettingKey }): entry is Field => SCHEMA[entry.key].kind === entry.kind;
export const FIELDS: readonly Field[] = SETTING_KEYS.map((key) => ({ ...SCHEMA[key], key })).filter(isField);

export const SECTIONS: Record<Section, string> = {
  retry: 'Automatic retry',
  timing: 'Timing',
  sites: 'Per-site rules',
  page: 'On the page',
  history: 'Recent errors',
};

/** True when every setting has a value its schema entry accepts: then the object is Settings. */
const isSettings = (values: Readonly<Record<string, unknown>>): values is Settings =>
  SETTING_KEYS.every((key) => fieldError(SCHEMA[key], values[key]) === undefined);

/** Settings with each value given by `valueOf`, checked against the schema. */
function buildSettings(valueOf: (key: SettingKey) => unknown): Settings {
  const values: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) values[key] = valueOf(key);
  if (!isSettings(values)) throw new Error('A setting has a value its schema refuses');
  return values;
}

// Lists are copied, so no caller shares the schema's defaults or a stored array.
const copy = <T>(value: T): T => structuredClone(value);

export const DEFAULT_SETTINGS: Settings = buildSettings((key) => copy(SCHEMA[key].default));

/** Parses "502, 503, 52x" into sorted unique codes; throws with a message a person can act on. */
export function parseStatusList(text: string): number[] {
  const codes = new Set<number>();
  for (const raw of text.split(/[\s,]+/).filter(Boolean)) {
    const token = raw.toLowerCase();
    if (/^5\dx$/.test(token)) {
      const first = Number(token.slice(0, 2)) * 10;
      for (let code = first; code < first + 10; code++) codes.add(code);
    } else if (/^5\d\d$/.test(token)) codes.add(Number(token));
    else throw new Error(`"${raw.slice(0, 20)}" is not a 5xx status (use codes such as 502, or 52x for 520–529)`);
  }
  if (codes.size === 0) throw new Error('List at least one status, e.g. 502');
  return [...codes].sort((a, b) => a - b);
}

/** "502, 503, 504, 52x": ranges that are complete are written back in short form. */
export function formatStatusList(codes: readonly number[]): string {
  const set = new Set(codes);
  const parts: string[] = [];
  for (const code of [...set].sort((a, b) => a - b)) {
    const decade = Math.floor(code / 10) * 10;
    const full = Array.from({ length: 10 }, (_, i) => decade + i).every((one) => set.has(one));
    if (full) {
      if (code === decade) parts.push(`${decade / 10}x`);
    } else parts.push(String(code));
  }
  return parts.join(', ');
}

/** An error message for one field's value, or undefined when it is valid. */
export function fieldError(field: AnyField, value: unknown): string | undefined {
  switch (field.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'Must be on or off';
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Enter a number';
      if (field.kind === 'integer' && !Number.isInteger(value)) return 'Enter a whole number';
      if (value < field.min || value > field.max) return `Enter a value from ${field.min} to ${field.max}`;
      return undefined;
    }
    case 'statuses':
      if (!Array.isArray(value) || value.length === 0) return 'List at least one status';
      return value.every((code) => Number.isInteger(code) && code >= 500 && code <= 599) ? undefined : 'Only 5xx statuses can be retried';
    case 'patterns':
      if (!Array.isArray(value)) return 'Must be a list of match patterns';
      return value.map((pattern) => (typeof pattern === 'string' ? sitePatternError(pattern) : 'A rule is not text')).find(Boolean);
  }
}

export interface CheckedSettings {
  settings: Settings;
  /** One line per stored value that was invalid and replaced by its default. */
  problems: string[];
  /** The settings whose stored value was invalid. */
  invalid: SettingKey[];
}

/**
 * Reads stored values by setting key. Each invalid or missing value falls back to its default on its own, so one
 * corrupt value loses nothing else. Keys it does not know are left alone: a newer version may have written them.
 * Never throws.
 */
export function checkSettings(stored: Readonly<Record<string, unknown>>): CheckedSettings {
  const problems: string[] = [];
  const invalid: SettingKey[] = [];
  const settings = buildSettings((key) => {
    const value = Object.hasOwn(stored, key) ? stored[key] : undefined;
    if (value === undefined || value === null) return copy(SCHEMA[key].default);
    const error = fieldError(SCHEMA[key], value);
    if (error === undefined) return copy(value);
    problems.push(`"${SCHEMA[key].label}": stored value was invalid (${error.charAt(0).toLowerCase()}${error.slice(1)}); the default is used.`);
    invalid.push(key);
    return copy(SCHEMA[key].default);
  });
  return { settings, problems, invalid };
}

/**
 * Storage layout. Version 1 kept every setting in one storage.sync item, `settings`, written whole from a cached
 * copy, so two writers lost each other's change. Version 2 keeps one item per setting, `settings.<key>`: a write
 * touches its own setting only, and items this version does not know stay as another version wrote them.
 */
export const SETTINGS_VERSION = 2;
export const LEGACY_SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION_KEY = 'settingsVersion';
export const SETTING_ITEM_PREFIX = 'settings.';
export const settingItemKey = (key: string) => `${SETTING_ITEM_PREFIX}${key}`;

/**
 * The version 2 items made from a version 1 `settings` object: every key it holds, known or not, becomes its own
 * item, unchanged (values are checked when read, like any stored value). Items already written win over it.
 */
export function migrateV1ToV2(legacy: unknown, existing: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (!legacy || typeof legacy !== 'object' || Array.isArray(legacy)) return {};
  const items: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(legacy)) {
    const item = settingItemKey(key);
    if (!Object.hasOwn(existing, item) && value !== undefined) items[item] = value;
  }
  return items;
}

/** The stored values by setting key, from storage.sync's items (keys `settings.<key>`). */
export function valuesFromItems(items: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [item, value] of Object.entries(items)) if (item.startsWith(SETTING_ITEM_PREFIX)) values[item.slice(SETTING_ITEM_PREFIX.length)] = value;
  return values;
}
