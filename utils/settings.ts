// The one settings schema: every option's default, bounds and label. The options page and the background both read it.

/** Cloudflare's 52x and 530 are gateway errors too (shared/gateways.md, cloudflare). */
export const GATEWAY_STATUSES = [502, 503, 504, 520, 521, 522, 523, 524, 525, 526, 527, 530] as const;

export interface Settings {
  /** Reload failed pages by themselves. */
  autoRetry: boolean;
  /** Statuses that trigger a retry. */
  retryStatuses: number[];
  /** Also retry pages that got no response at all (refused, reset, timed out). */
  retryNetworkErrors: boolean;
  maxAttempts: number;
  baseDelaySeconds: number;
  backoffFactor: number;
  maxDelaySeconds: number;
  /** 0..1: each delay is shortened by up to this share at random, so many clients do not retry in step. */
  jitter: number;
  honorRetryAfter: boolean;
  /** Longest Retry-After Gatewhy waits for. */
  retryAfterCapSeconds: number;
  /** Most automatic retries per minute across all tabs. */
  globalRetriesPerMinute: number;
  /** Match patterns of sites never retried. */
  neverRetrySites: string[];
  /** Match patterns of sites always retried, even with auto-retry off. */
  alwaysRetrySites: string[];
  /** Show the countdown banner on failed pages. */
  showBanner: boolean;
  /** Notify when a failed page comes back. */
  notifyOnRecovery: boolean;
  /** Watch every request type, not only pages, frames and API calls. */
  watchAllRequests: boolean;
  /** Entries kept in "Recent errors". */
  historySize: number;
}

type NumberKey = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];
type BooleanKey = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];
type ListKey = { [K in keyof Settings]: Settings[K] extends unknown[] ? K : never }[keyof Settings];

interface FieldBase {
  label: string;
  help?: string;
  section: 'retry' | 'timing' | 'sites' | 'page' | 'history';
  /** An optional permission the option needs while it is on, asked for when the user turns it on. */
  permission?: { name: 'notifications'; purpose: string };
}
export type Field =
  | (FieldBase & { key: BooleanKey; kind: 'boolean'; default: boolean })
  | (FieldBase & { key: NumberKey; kind: 'integer' | 'number'; default: number; min: number; max: number; unit?: string })
  | (FieldBase & { key: 'retryStatuses'; kind: 'statuses'; default: number[] })
  | (FieldBase & { key: 'neverRetrySites' | 'alwaysRetrySites'; kind: 'patterns'; default: string[] });

export const SECTIONS: Record<Field['section'], string> = {
  retry: 'Automatic retry',
  timing: 'Timing',
  sites: 'Per-site rules',
  page: 'On the page',
  history: 'Recent errors',
};

export const FIELDS: readonly Field[] = [
  { key: 'autoRetry', kind: 'boolean', default: true, section: 'retry', label: 'Retry failed pages automatically', help: 'Only pages loaded with GET are retried; a page that came from a form is never sent again.' },
  { key: 'retryStatuses', kind: 'statuses', default: [...GATEWAY_STATUSES], section: 'retry', label: 'Statuses to retry', help: 'Comma-separated 5xx codes; "52x" means 520–529.' },
  { key: 'retryNetworkErrors', kind: 'boolean', default: true, section: 'retry', label: 'Also retry when no response arrived', help: 'Connection refused or reset, timeouts.' },
  { key: 'maxAttempts', kind: 'integer', default: 5, min: 1, max: 20, section: 'retry', label: 'Attempts before giving up' },
  { key: 'globalRetriesPerMinute', kind: 'integer', default: 12, min: 1, max: 120, section: 'retry', label: 'Most retries per minute, all tabs together', help: 'Keeps many open tabs from flooding a struggling server.' },
  { key: 'baseDelaySeconds', kind: 'number', default: 2, min: 0.5, max: 600, unit: 's', section: 'timing', label: 'First delay' },
  { key: 'backoffFactor', kind: 'number', default: 2, min: 1, max: 10, unit: '×', section: 'timing', label: 'Each delay is this many times the previous' },
  { key: 'maxDelaySeconds', kind: 'number', default: 60, min: 1, max: 3600, unit: 's', section: 'timing', label: 'Longest delay' },
  { key: 'jitter', kind: 'number', default: 0.3, min: 0, max: 1, section: 'timing', label: 'Jitter', help: 'Each delay is shortened by up to this share at random (0 = none, 1 = anywhere down to zero).' },
  { key: 'honorRetryAfter', kind: 'boolean', default: true, section: 'timing', label: 'Wait as long as the server asks (Retry-After)' },
  { key: 'retryAfterCapSeconds', kind: 'integer', default: 300, min: 1, max: 86_400, unit: 's', section: 'timing', label: 'Longest Retry-After to wait for' },
  { key: 'neverRetrySites', kind: 'patterns', default: [], section: 'sites', label: 'Never retry on', help: 'One match pattern per line, e.g. *://*.example.com/*' },
  { key: 'alwaysRetrySites', kind: 'patterns', default: [], section: 'sites', label: 'Always retry on (even when automatic retry is off)', help: 'One match pattern per line.' },
  { key: 'showBanner', kind: 'boolean', default: true, section: 'page', label: 'Show the retry countdown on the failed page' },
  { key: 'notifyOnRecovery', kind: 'boolean', default: false, section: 'page', label: 'Notify me when a failed page comes back', help: 'Asks for permission to show notifications.', permission: { name: 'notifications', purpose: 'show notifications' } },
  { key: 'watchAllRequests', kind: 'boolean', default: false, section: 'page', label: 'Watch every request, not only pages, frames and API calls', help: 'Also images, scripts and styles. Costs a little page-load time.' },
  { key: 'historySize', kind: 'integer', default: 100, min: 0, max: 1000, section: 'history', label: 'Recent errors to keep' },
];

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(FIELDS.map((field) => [field.key, field.default])) as unknown as Settings;

export const SETTINGS_VERSION = 1;

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

// scheme://host/path, per https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
const MATCH_PATTERN = /^(\*|https?|wss?|ftp|file):\/\/(\*|\*\.[^/*]+|[^/*]+)?(\/.*)$/;

/** An error message for an invalid match pattern, or undefined. */
export function matchPatternError(pattern: string): string | undefined {
  if (pattern === '<all_urls>') return undefined;
  if (pattern.length > 2048) return 'Pattern is too long';
  return MATCH_PATTERN.test(pattern) ? undefined : `"${pattern.slice(0, 60)}" is not a match pattern; write e.g. *://*.example.com/*`;
}

/** An error message for one field's value, or undefined when it is valid. */
export function fieldError(field: Field, value: unknown): string | undefined {
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
      return value.map((pattern) => (typeof pattern === 'string' ? matchPatternError(pattern) : 'Not text')).find(Boolean);
  }
}

export interface CheckedSettings {
  settings: Settings;
  /** One line per stored value that was invalid and replaced by its default. */
  problems: string[];
}

/**
 * Reads whatever storage returned. Each invalid or missing value falls back to its default on its own,
 * so one corrupt field loses nothing else. Never throws.
 */
export function checkSettings(stored: unknown): CheckedSettings {
  const source = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const problems: string[] = [];
  if (stored !== undefined && stored !== null && source !== stored) problems.push('Stored settings were not an object; all defaults used.');
  const settings = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const field of FIELDS) {
    if (!(field.key in source)) continue;
    const value = source[field.key];
    const error = fieldError(field, value);
    if (error) problems.push(`"${field.label}": stored value was invalid (${error.toLowerCase()}); the default is used.`);
    else settings[field.key] = Array.isArray(value) ? [...value] : value;
  }
  return { settings: settings as unknown as Settings, problems };
}

/** Migrations from older stored shapes, by the version they produce (WXT storage `migrations`). */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {};
