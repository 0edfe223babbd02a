// Looks at a URL once: the request (and its redirects, with --follow), the answer explained by the engine, printed.
import { explainResponse, type Explanation } from '../utils/explain/explain-response';
import { ANSI, formatExplanation, PLAIN, type TextStyle } from '../utils/explain/format-text';
import { headerValue } from '../utils/headers';
import { networkErrorName } from './network-errors';
import { requestOnce, type ReceivedResponse } from './request';
import type { UrlOptions } from './url-options';

/** The Fetch standard's limit, which browsers keep: https://fetch.spec.whatwg.org/#http-redirect-fetch ("if request’s redirect count is 20, return a network error"). */
export const MAX_REDIRECTS = 20;
/** RFC 9110 §15.4: the redirects that carry a Location to follow (300 and 304 do not). */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface Redirect {
  status: number;
  statusText: string;
  from: string;
  to: string;
}

/** What one look at a URL found. */
export interface Look {
  method: string;
  /** The URL that gave the last answer. */
  url: string;
  redirects: Redirect[];
  /** It answered with a status below 400: no error. */
  ok: boolean;
  /** 0 when no response arrived. */
  status: number;
  statusText: string;
  /** One line: the explanation's headline, or what the answer was. */
  headline: string;
  /** The engine's explanation of an error answer or of a failure; none for an answer without error. */
  explanation?: Explanation;
  /** The browser's name for a failure, e.g. "net::ERR_CONNECTION_REFUSED", and Node's own words for it. */
  networkError?: string;
  error?: string;
  /** Things the reader should know: a body cut short, a redirect that cannot be followed. */
  notes: string[];
  retryAfterSeconds?: number;
  elapsedMs: number;
}

export interface LookDeps {
  /** The engine's clock (Retry-After dates, Date). */
  now: () => number;
  signal?: AbortSignal;
}

/** The URL to request, or why it cannot be requested. */
export function parseTarget(text: string): URL | { problem: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'only http:// and https:// URLs are requested' };
  if (url.username || url.password) return { problem: 'it carries a user name or password, and gatewhy-explain never sends credentials' };
  return url;
}

/** The URL as it may be shown: without a user name or password. */
function shown(text: string): string {
  try {
    const url = new URL(text);
    if (!url.username && !url.password) return text;
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return text;
  }
}

/** Where a redirect points: the URL to follow, or the Location as shown with why it cannot be followed. */
function redirectOf(response: ReceivedResponse, from: URL): { to: URL } | { shownTo: string; problem: string } | undefined {
  if (!REDIRECT_STATUSES.has(response.status)) return undefined;
  const location = headerValue(response.headers, 'location');
  if (!location) return { shownTo: 'nowhere', problem: 'it has no Location header' };
  let resolved: string;
  try {
    resolved = new URL(location, from).href;
  } catch {
    return { shownTo: location, problem: 'its Location is not a URL' };
  }
  const target = parseTarget(resolved);
  return target instanceof URL ? { to: target } : { shownTo: shown(resolved), problem: target.problem };
}

/** Requests the URL (following redirects when asked) and explains what came back. Rejects only when the signal aborts. */
export async function lookUp(url: URL, options: Pick<UrlOptions, 'method' | 'follow' | 'timeoutMs'>, deps: LookDeps): Promise<Look> {
  const started = performance.now();
  const redirects: Redirect[] = [];
  let current = url;
  for (;;) {
    const outcome = await requestOnce(current, { method: options.method, timeoutMs: options.timeoutMs, ...(deps.signal && { signal: deps.signal }) });
    const base = { method: options.method, url: current.href, redirects, notes: [] as string[] };
    const elapsedMs = () => Math.round(performance.now() - started);
    const failed = (networkError: string, error: string): Look => {
      const explanation = explainResponse({ status: 0, networkError, url: current.href, now: deps.now() });
      return { ...base, ok: false, status: 0, statusText: '', headline: explanation.headline, explanation, networkError, error, elapsedMs: elapsedMs() };
    };
    if (outcome.kind === 'failure') return failed(networkErrorName(outcome), outcome.message);
    const redirect = redirectOf(outcome, current);
    if (redirect && 'to' in redirect && options.follow) {
      if (redirects.length >= MAX_REDIRECTS)
        return failed('net::ERR_TOO_MANY_REDIRECTS', `stopped after ${MAX_REDIRECTS} redirects: the site redirects in a loop, or too often`);
      redirects.push({ status: outcome.status, statusText: outcome.statusText, from: current.href, to: redirect.to.href });
      current = redirect.to;
      continue;
    }
    const notes = outcome.cut ? [`The body is cut short: ${outcome.cut}.`] : [];
    const answered = { ...base, notes, status: outcome.status, statusText: outcome.statusText, elapsedMs: elapsedMs() };
    const label = `${outcome.status}${outcome.statusText ? ` ${outcome.statusText}` : ''}`;
    if (outcome.status < 400) {
      const headline = !redirect
        ? `${label}: answered without an error`
        : 'to' in redirect
          ? `${label}: redirects to ${redirect.to.href} (not followed; --follow follows redirects)`
          : `${label}: redirects to ${redirect.shownTo}, which cannot be followed: ${redirect.problem}`;
      return { ...answered, ok: true, headline };
    }
    const explanation = explainResponse({
      status: outcome.status,
      statusText: outcome.statusText,
      headers: outcome.headers,
      bodyText: outcome.body,
      url: current.href,
      now: deps.now(),
    });
    return {
      ...answered,
      ok: false,
      headline: explanation.headline,
      explanation,
      ...(explanation.retryAfterSeconds !== undefined && { retryAfterSeconds: explanation.retryAfterSeconds }),
    };
  }
}

/** The look as text: each redirect hop, then the explanation (or, for an answer without error, one line). */
export function formatLook(look: Look, style: TextStyle): string {
  const hops = look.redirects.map((hop) => style.dim(`${look.method} ${hop.from} → ${hop.status} ${hop.statusText} → ${hop.to}`));
  const answer = look.status > 0 ? `${look.status} ${look.statusText}`.trim() : `no response (${look.error})`;
  const title = `${look.method} ${look.url} → ${answer}, ${look.elapsedMs} ms`;
  const body = look.explanation ? formatExplanation(look.explanation, style, title) : `${style.dim(title)}\n${style.bold(look.headline)}`;
  const notes = look.notes.map((note) => style.yellow(`  ${note}`));
  return [...hops, body, ...notes].join('\n');
}

/** The look as one JSON object: the explanation's fields (as for a file) plus the URL, the method and the hops. */
export function lookJson(look: Look): Record<string, unknown> {
  const answer = look.explanation ?? { status: look.status, statusText: look.statusText, headline: look.headline };
  return {
    url: look.url,
    method: look.method,
    ok: look.ok,
    ...answer,
    ...(look.networkError && { networkError: look.networkError, error: look.error }),
    redirects: look.redirects,
    notes: look.notes,
    elapsedMs: look.elapsedMs,
  };
}

export interface LookOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  json: boolean;
  color: boolean;
  now: () => number;
}

/** The URL to request; or undefined, having said on stderr why it cannot be requested. */
export function requestableUrl(text: string, out: Pick<LookOutput, 'stderr'>): URL | undefined {
  const url = parseTarget(text);
  if (url instanceof URL) return url;
  out.stderr(`✗ ${shown(text)}: ${url.problem}\n`);
  return undefined;
}

/** `gatewhy-explain URL`: looks once and prints. Exit status 0 for an answer without error, 1 for an error or a failure, 2 for a bad URL. */
export async function explainUrl(text: string, options: UrlOptions, out: LookOutput): Promise<number> {
  const url = requestableUrl(text, out);
  if (!url) return 2;
  const look = await lookUp(url, options, { now: out.now });
  out.stdout(out.json ? `${JSON.stringify(lookJson(look))}\n` : `${formatLook(look, out.color ? ANSI : PLAIN)}\n\n`);
  return look.ok ? 0 : 1;
}
