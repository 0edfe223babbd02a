// Reading HTTP times (Retry-After, Date), and saying durations and times in the reader's locale.
import { currentLocale } from '../wording';

/**
 * The most seconds a delta-seconds value stands for: "a recipient ... MUST consider the value to be 2147483648
 * (2^31) or the greatest positive integer it can conveniently represent" (RFC 9111 §1.2.2,
 * https://www.rfc-editor.org/rfc/rfc9111#section-1.2.2). Longer values are clamped to it, never dropped.
 */
export const MAX_DELTA_SECONDS = 2 ** 31;

/**
 * Seconds to wait, from a Retry-After value: delay-seconds or an HTTP-date (RFC 9110 §10.2.3,
 * https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3). A date is measured against the response's own Date
 * header when it has a valid one, so a client clock out of step with the server's does not change the wait;
 * otherwise against `now`. Undefined for anything else.
 */
export function parseRetryAfter(value: string | undefined, now: number, responseDate?: string): number | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), MAX_DELTA_SECONDS);
  const at = parseHttpDate(trimmed, now);
  if (at === undefined) return undefined;
  const sentAt = responseDate === undefined ? undefined : parseHttpDate(responseDate.trim(), now);
  return Math.min(MAX_DELTA_SECONDS, Math.max(0, Math.ceil((at - (sentAt ?? now)) / 1000)));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = MONTHS.join('|');
const DAY = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const DAY_LONG = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

// The three forms of RFC 9110 §5.6.7 (https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7), case-sensitive as it says.
/** IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT", the form senders must use. */
const IMF_FIXDATE = new RegExp(`^(?:${DAY}), (\\d{2}) (${MONTH}) (\\d{4}) ${TIME} GMT$`);
/** Obsolete RFC 850 form: "Sunday, 06-Nov-94 08:49:37 GMT". */
const RFC_850 = new RegExp(`^(?:${DAY_LONG}), (\\d{2})-(${MONTH})-(\\d{2}) ${TIME} GMT$`);
/** Obsolete asctime() form: "Sun Nov  6 08:49:37 1994". */
const ASCTIME = new RegExp(`^(?:${DAY}) (${MONTH}) ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * Epoch milliseconds of an HTTP-date in one of its three forms, or undefined for anything else (no
 * Date.parse guessing: "abc 2030" is not a date). `now` places the two-digit years of the RFC 850 form.
 */
export function parseHttpDate(value: string, now = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  let parts: { day: string; month: string; year: number; hour: string; minute: string; second: string } | undefined;
  let match = IMF_FIXDATE.exec(value);
  if (match) parts = { day: match[1]!, month: match[2]!, year: Number(match[3]), hour: match[4]!, minute: match[5]!, second: match[6]! };
  else if ((match = RFC_850.exec(value))) {
    parts = { day: match[1]!, month: match[2]!, year: fullYear(Number(match[3]), now), hour: match[4]!, minute: match[5]!, second: match[6]! };
  } else if ((match = ASCTIME.exec(value))) {
    parts = { day: match[2]!.trim(), month: match[1]!, year: Number(match[6]), hour: match[3]!, minute: match[4]!, second: match[5]! };
  }
  if (!parts) return undefined;
  const [day, month, hour, minute, second] = [Number(parts.day), MONTHS.indexOf(parts.month), Number(parts.hour), Number(parts.minute), Number(parts.second)];
  // A leap second (60) is allowed by the grammar; the hour, minute and day must be real.
  if (hour > 23 || minute > 59 || second > 60 || day < 1) return undefined;
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  const date = new Date(0);
  const midnight = date.setUTCFullYear(parts.year, month, day);
  if (date.getUTCDate() !== day) return undefined;
  return midnight + ((hour * 60 + minute) * 60 + second) * 1000;
}

/**
 * RFC 9110 §5.6.7: a two-digit year "that appears to be more than 50 years in the future" is the most recent
 * past year with the same last two digits.
 */
function fullYear(twoDigits: number, now: number): number {
  const thisYear = new Date(now).getUTCFullYear();
  let year = thisYear - (thisYear % 100) + twoDigits;
  if (year > thisYear + 50) year -= 100;
  return year;
}

type DurationUnit = 'second' | 'minute' | 'hour' | 'day';

/** "45 sec", "2 min 5 sec", "3 hr 20 min", "2 days 4 hr" in English; "2 Min., 5 Sek." in German: the two largest units, in the locale's words. */
export function formatDuration(totalSeconds: number, locale = currentLocale()): string {
  const seconds = Math.max(0, Math.round(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  const parts: [number, DurationUnit][] =
    seconds < 60
      ? [[seconds, 'second']]
      : minutes < 60
        ? [
            [minutes, 'minute'],
            [seconds % 60, 'second'],
          ]
        : hours < 48
          ? [
              [hours, 'hour'],
              [minutes % 60, 'minute'],
            ]
          : [
              [days, 'day'],
              [hours % 24, 'hour'],
            ];
  const shown = parts.filter(([value], index) => index === 0 || value > 0);
  const { units, list } = formattersFor(locale);
  return list.format(shown.map(([value, name]) => units[name].format(value)));
}

// Building an Intl formatter costs far more than using one (it was a fifth of the engine's time): one set per locale.
const FORMATTERS = new Map<string, { units: Record<DurationUnit, Intl.NumberFormat>; list: Intl.ListFormat }>();

function formattersFor(locale: string) {
  let formatters = FORMATTERS.get(locale);
  if (!formatters) {
    const unit = (name: DurationUnit) => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' });
    formatters = {
      units: { second: unit('second'), minute: unit('minute'), hour: unit('hour'), day: unit('day') },
      list: new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }),
    };
    FORMATTERS.set(locale, formatters);
  }
  return formatters;
}

/** Hours and minutes only, in the reader's locale: "14:05". */
export const formatShortClock = (epochMs: number, locale = currentLocale()): string =>
  new Date(epochMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });

/** A date and time in the reader's locale, for tooltips. */
export const formatDateTime = (epochMs: number, locale = currentLocale()): string => new Date(epochMs).toLocaleString(locale);

/** "2026-11-27 14:05:00 UTC": unambiguous in a report whatever the reader's time zone. */
export function formatUtc(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
