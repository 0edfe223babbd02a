// Reading HTTP times (Retry-After, Date) and saying durations in words.

/** Seconds to wait, from a Retry-After value: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed);
  const at = parseHttpDate(trimmed);
  return at === undefined ? undefined : Math.max(0, Math.round((at - now) / 1000));
}

/** Epoch milliseconds of an HTTP-date, or undefined. Long values are refused before parsing. */
export function parseHttpDate(value: string): number | undefined {
  if (value.length > 64 || !/^[A-Za-z]{3}/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isFinite(at) ? at : undefined;
}

/** "45 s", "2 min 5 s", "3 h 20 min", "2 days 4 h". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} days ${hours % 24} h` : `${days} days`;
}

/** "2026-11-27 14:05:00 UTC": unambiguous in a report whatever the reader's time zone. */
export function formatUtc(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
