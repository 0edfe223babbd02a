// What the options page's Diagnostics shows: the background's recent problems and what Gatewhy keeps in storage.
import { stripQueryStrings } from './query-strings';
import { SESSION_BUDGET_BYTES, storedBytes } from './storage-budget';
import { currentLocale } from './wording';

/** One problem the background met (a storage write over quota, an effect that failed); repeats are counted. */
export interface Problem {
  /** When it last happened, epoch milliseconds. */
  time: number;
  /** What the background was doing, e.g. "effect store". */
  where: string;
  message: string;
  count: number;
}

export const MAX_PROBLEMS = 20;
const MAX_MESSAGE_CHARS = 300;

/** Problems as stored, or none when the stored value is not a list of them. */
export function asProblems(stored: unknown): Problem[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (one): one is Problem =>
      typeof one === 'object' && one !== null && typeof one.time === 'number' && typeof one.where === 'string' && typeof one.message === 'string',
  );
}

/** An error as a problem's message: no query string (they carry tokens), and short. */
export function problemMessage(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const clean = stripQueryStrings(text);
  return clean.length <= MAX_MESSAGE_CHARS ? clean : `${clean.slice(0, MAX_MESSAGE_CHARS)}…`;
}

/** Adds a problem, newest last: the same one again moves to the end with its count raised; the oldest go past MAX_PROBLEMS. */
export function addProblem(list: readonly Problem[], where: string, message: string, time: number): Problem[] {
  const same = list.find((one) => one.where === where && one.message === message);
  const others = list.filter((one) => one !== same);
  return [...others, { time, where, message, count: (same?.count ?? 0) + 1 }].slice(-MAX_PROBLEMS);
}

export interface StorageUse {
  /** Everything Gatewhy keeps in storage.session, in bytes, counted as the quota counts it. */
  sessionBytes: number;
  sessionBudget: number;
  /** Tabs with a stored record, and the largest record's size. */
  tabRecords: number;
  largestTabRecord: number;
  /** Everything in storage.local (recent errors, on disk). */
  localBytes: number;
}

/** What the areas hold, from snapshots of them (key to value). */
export function storageUse(session: Record<string, unknown>, local: Record<string, unknown>, tabRecordPrefix: string): StorageUse {
  let sessionBytes = 0;
  let tabRecords = 0;
  let largestTabRecord = 0;
  for (const [key, value] of Object.entries(session)) {
    const bytes = storedBytes(key, value);
    sessionBytes += bytes;
    if (!key.startsWith(tabRecordPrefix)) continue;
    tabRecords++;
    largestTabRecord = Math.max(largestTabRecord, bytes);
  }
  const localBytes = Object.entries(local).reduce((sum, [key, value]) => sum + storedBytes(key, value), 0);
  return { sessionBytes, sessionBudget: SESSION_BUDGET_BYTES, tabRecords, largestTabRecord, localBytes };
}

const byteFormats = new Map<string, Intl.NumberFormat[]>();

/** "512 byte", "12.5 kB", "2 MB" in the reader's language (kilo meaning 1024, as the budgets are set). */
export function formatBytes(bytes: number, locale = currentLocale()): string {
  let formats = byteFormats.get(locale);
  if (!formats) {
    formats = (['byte', 'kilobyte', 'megabyte'] as const).map((unit) => new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }));
    byteFormats.set(locale, formats);
  }
  const [byte, kilobyte, megabyte] = formats as [Intl.NumberFormat, Intl.NumberFormat, Intl.NumberFormat];
  if (bytes < 1024) return byte.format(bytes);
  if (bytes < 1024 * 1024) return kilobyte.format(bytes / 1024);
  return megabyte.format(bytes / (1024 * 1024));
}

export interface DebugInfoParts {
  version: string;
  browser: string;
  language: string;
  settings: unknown;
  storage: StorageUse;
  problems: readonly Problem[];
}

/**
 * The text "Copy debug info" puts on the clipboard, for a bug report. It holds no address and nothing from a page:
 * the settings (the user's own choices), storage sizes and the problems' messages, already without query strings.
 */
export function debugInfo(parts: DebugInfoParts): string {
  const problems = parts.problems.map(({ time, ...problem }) => ({ ...problem, time: new Date(time).toISOString() }));
  return JSON.stringify(
    { gatewhy: parts.version, browser: parts.browser, language: parts.language, settings: parts.settings, storage: parts.storage, problems },
    null,
    2,
  );
}
