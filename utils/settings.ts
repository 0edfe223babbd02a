// The one settings schema: every option's default, bounds and label, with the Settings type derived from it.
import { sitePatternError } from './match-pattern';
import { currentLocale, say, type MessageKey } from './wording';

/** Cloudflare's 52x and 530 are gateway errors too (shared/gateways.md, cloudflare). */
export const GATEWAY_STATUSES = [502, 503, 504, 520, 521, 522, 523, 524, 525, 526, 527, 530] as const;

export type Section = 'retry' | 'timing' | 'sites' | 'page' | 'history';

// Labels, help and purposes are message keys (locales/en.json, "settings.<key>.…"): say(field.label) shows them.
interface FieldBase {
  label: MessageKey;
  help?: MessageKey;
  section: Section;
  /** An optional permission the option needs while it is on, asked for when the user turns it on. */
  permission?: { name: 'notifications'; purpose: MessageKey };
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
    label: 'settings.autoRetry.label',
    help: 'settings.autoRetry.help',
  }),
  retryStatuses: statuses({
    default: [...GATEWAY_STATUSES],
    section: 'retry',
    label: 'settings.retryStatuses.label',
    help: 'settings.retryStatuses.help',
  }),
  retryNetworkErrors: toggle({
    default: true,
    section: 'retry',
    label: 'settings.retryNetworkErrors.label',
    help: 'settings.retryNetworkErrors.help',
  }),
  maxAttempts: integer({ default: 5, min: 1, max: 20, section: 'retry', label: 'settings.maxAttempts.label' }),
  globalRetriesPerMinute: integer({
    default: 12,
    min: 1,
    max: 120,
    section: 'retry',
    label: 'settings.globalRetriesPerMinute.label',
    help: 'settings.globalRetriesPerMinute.help',
  }),
  baseDelaySeconds: decimal({ default: 2, min: 0.5, max: 600, unit: 's', section: 'timing', label: 'settings.baseDelaySeconds.label' }),
  backoffFactor: decimal({ default: 2, min: 1, max: 10, unit: '×', section: 'timing', label: 'settings.backoffFactor.label' }),
  maxDelaySeconds: decimal({ default: 60, min: 1, max: 3600, unit: 's', section: 'timing', label: 'settings.maxDelaySeconds.label' }),
  jitter: decimal({
    default: 0.3,
    min: 0,
    max: 1,
    section: 'timing',
    label: 'settings.jitter.label',
    help: 'settings.jitter.help',
  }),
  honorRetryAfter: toggle({ default: true, section: 'timing', label: 'settings.honorRetryAfter.label' }),
  retryAfterCapSeconds: integer({
    default: 300,
    min: 1,
    max: 86_400,
    unit: 's',
    section: 'timing',
    label: 'settings.retryAfterCapSeconds.label',
    help: 'settings.retryAfterCapSeconds.help',
  }),
  neverRetrySites: patterns({
    default: [],
    section: 'sites',
    label: 'settings.neverRetrySites.label',
    help: 'settings.neverRetrySites.help',
  }),
  alwaysRetrySites: patterns({
    default: [],
    section: 'sites',
    label: 'settings.alwaysRetrySites.label',
    help: 'settings.alwaysRetrySites.help',
  }),
  showBanner: toggle({ default: true, section: 'page', label: 'settings.showBanner.label' }),
  notifyOnRecovery: toggle({
    default: false,
    section: 'page',
    label: 'settings.notifyOnRecovery.label',
    help: 'settings.notifyOnRecovery.help',
    permission: { name: 'notifications', purpose: 'settings.notifyOnRecovery.purpose' },
  }),
  watchAllRequests: toggle({
    default: false,
    section: 'page',
    label: 'settings.watchAllRequests.label',
    help: 'settings.watchAllRequests.help',
  }),
  historySize: integer({ default: 100, min: 0, max: 1000, section: 'history', label: 'settings.historySize.label' }),
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

/** Each section's title, as a message key. */
export const SECTIONS: Record<Section, MessageKey> = {
  retry: 'settings.section.retry',
  timing: 'settings.section.timing',
  sites: 'settings.section.sites',
  page: 'settings.section.page',
  history: 'settings.section.history',
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
    else throw new Error(say('settings.error.notStatus', { text: raw.slice(0, 20) }));
  }
  if (codes.size === 0) throw new Error(say('settings.error.noStatusExample'));
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
      return typeof value === 'boolean' ? undefined : say('settings.error.onOrOff');
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return say('settings.error.number');
      if (field.kind === 'integer' && !Number.isInteger(value)) return say('settings.error.wholeNumber');
      if (value < field.min || value > field.max) return say('settings.error.range', { min: field.min, max: field.max });
      return undefined;
    }
    case 'statuses':
      if (!Array.isArray(value) || value.length === 0) return say('settings.error.noStatus');
      return value.every((code) => Number.isInteger(code) && code >= 500 && code <= 599) ? undefined : say('settings.error.only5xx');
    case 'patterns':
      if (!Array.isArray(value)) return say('settings.error.patternList');
      return value.map((pattern) => (typeof pattern === 'string' ? sitePatternError(pattern) : say('settings.error.ruleNotText'))).find(Boolean);
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
    problems.push(
      say('settings.error.storedInvalid', {
        field: say(SCHEMA[key].label),
        error: currentLocale().startsWith('en') ? `${error.charAt(0).toLowerCase()}${error.slice(1)}` : error,
      }),
    );
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
