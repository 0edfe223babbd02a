// The options for looking at a URL (--method, --follow, --timeout, --watch, --max-time): defaults, parsing, help.
import { formatDuration } from '../utils/explain/time';
import { DEFAULT_SETTINGS } from '../utils/settings';
import { MAX_REDIRECTS } from './look-up';
import { MAX_BODY_BYTES, USER_AGENT } from './request';

export interface UrlOptions {
  method: 'GET' | 'HEAD';
  follow: boolean;
  /** For one request: connecting, the headers and the body together. */
  timeoutMs: number;
  watch: boolean;
  /** How long --watch keeps trying. */
  maxTimeMs: number;
}

export const DEFAULT_URL_OPTIONS: Readonly<UrlOptions> = { method: 'GET', follow: false, timeoutMs: 15_000, watch: false, maxTimeMs: 10 * 60_000 };

const { baseDelaySeconds, backoffFactor, maxDelaySeconds, jitter } = DEFAULT_SETTINGS;
const seconds = (ms: number) => formatDuration(ms / 1000);

export const URL_USAGE = `URL (http:// or https://) is requested once, and the answer explained as a file would be: one
HTTP/1.1 request with User-Agent ${USER_AGENT}, no cookies and no credentials, the body read up to ${MAX_BODY_BYTES / 1024} KB.
An answer below 400 is no error and is only reported. A failure to connect (refused, reset, DNS, TLS, timeout) is
explained in the words the extension uses.

  --method M       GET (default) or HEAD
  --follow         follow redirects (at most ${MAX_REDIRECTS}), printing each hop; without it a redirect is reported
  --timeout T      give up on a request after T (default ${seconds(DEFAULT_URL_OPTIONS.timeoutMs)}): connecting, the headers and the body together
  --watch          poll the URL until it recovers, i.e. answers below 400 (without --follow, a redirect is an
                   answer), printing one line per attempt. The delays are the extension's: ${baseDelaySeconds} s, then ${backoffFactor} times
                   the last up to ${maxDelaySeconds} s, each up to ${Math.round(jitter * 100)}% shorter at random, and never shorter than
                   the server's Retry-After. Ctrl+C stops it with a summary.
  --max-time T     with --watch, stop after T (default ${seconds(DEFAULT_URL_OPTIONS.maxTimeMs)}); a Retry-After reaching past it stops at once

T is a number of seconds or has a unit: 500ms, 30s, 10m, 1h.`;

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };
/** A day: longer time limits are surely a typo. */
const LONGEST_MS = 86_400_000;

/** Milliseconds in "15", "500ms", "90s", "10m", "1h", or undefined when the text is none of these. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,9}(?:\.\d{1,3})?)(ms|s|m|min|h)?$/i.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * UNIT_MS[(match[2] ?? 's').toLowerCase()]!;
  return ms > 0 && ms <= LONGEST_MS ? ms : undefined;
}

/** True for a command-line argument that names a URL (to request, or to refuse as not http) rather than a file to read. */
export const isUrlArgument = (arg: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(arg);

/**
 * Reads one URL option at `args[index]` into `options`. Returns how many arguments it used (0 when `args[index]` is not
 * a URL option), or a message when its value is missing or wrong. Values follow as the next argument or after "=".
 */
export function takeUrlOption(args: readonly string[], index: number, options: UrlOptions): number | string {
  const arg = args[index]!;
  const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
  if (name === '--follow' || name === '--watch') {
    if (inline !== undefined) return `${name} takes no value`;
    options[name === '--follow' ? 'follow' : 'watch'] = true;
    return 1;
  }
  if (name !== '--method' && name !== '--timeout' && name !== '--max-time') return 0;
  const value = inline ?? args[index + 1];
  if (value === undefined || value === '') return `${name} needs a value`;
  const used = inline === undefined ? 2 : 1;
  if (name === '--method') {
    const method = value.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return `--method ${value}: only GET and HEAD are sent (they change nothing on the server)`;
    options.method = method;
    return used;
  }
  const ms = parseDuration(value);
  if (ms === undefined) return `${name} ${value}: not a duration (write e.g. 15, 30s, 500ms, 10m or 1h, at most a day)`;
  options[name === '--timeout' ? 'timeoutMs' : 'maxTimeMs'] = ms;
  return used;
}
