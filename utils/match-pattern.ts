// The one grammar of site rules: the options page validates with it and the retry policy matches with it.
//
// The syntax is Chrome's match patterns, scheme://host/path
// (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns), as Gatewhy applies them itself to
// the pages it may retry: schemes http, https or *, an optional port, and a path matched against path and query, as
// Chrome does (extensions/common/url_pattern.cc matches the path against the request's path plus query). Anything the
// parser accepts is something the matcher can match: a path must already be in the form the URL parser gives
// (https://url.spec.whatwg.org/#path-percent-encode-set), so no pattern is silently rewritten into one that never matches.
import { say } from './wording';

export interface SitePattern {
  /** Schemes it applies to. */
  schemes: readonly ('http' | 'https')[];
  /** `*` for any host, else a hostname as the URL parser writes it (lower case, punycode, IPv6 in brackets). */
  host: string;
  /** True for `*.example.com`: the host itself and every subdomain. */
  subdomains: boolean;
  /** A port as digits, or undefined for any port. */
  port?: string;
  /** The path and query, `*` matching any run of characters. */
  path: RegExp;
}

export type ParsedPattern = { pattern: SitePattern; error?: undefined } | { pattern?: undefined; error: string };

export const ALL_URLS = '<all_urls>';
export const MAX_PATTERN_LENGTH = 2048;
export const PATTERN_EXAMPLE = '*://*.example.com/*';

const SCHEMES: Record<string, SitePattern['schemes']> = { '*': ['http', 'https'], http: ['http'], https: ['https'] };
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };
const ANY_PATH = /^.*$/s;

// Characters the URL parser leaves as they are in a path and query (RFC 3986 pchar, minus the apostrophe, which is
// percent-encoded in the query of http and https addresses), plus `*` for "anything" and %XX escapes.
const PATH_TEXT = /^(?:[A-Za-z0-9\-._~!$&()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
// "." and ".." segments (also spelled %2e) are resolved away by the URL parser, so such a path could never match.
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?=\/|\?|$)/i;
const HOST_LABELS = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?$/i;

const fail = (error: string): ParsedPattern => ({ error });
const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;

/** Parses one site rule, or says which part of it Gatewhy cannot apply: `"rule": what is wrong`. Never throws. */
export function parseSitePattern(text: string): ParsedPattern {
  if (typeof text !== 'string' || text.trim() === '') return fail(say('pattern.empty'));
  const result = parse(text);
  return result.error === undefined ? result : fail(say('pattern.rule', { rule: quote(text), error: result.error }));
}

function parse(text: string): ParsedPattern {
  if (text.length > MAX_PATTERN_LENGTH) return fail(say('pattern.tooLong', { max: MAX_PATTERN_LENGTH }));
  if (text === ALL_URLS) return { pattern: { schemes: SCHEMES['*']!, host: '*', subdomains: false, path: ANY_PATH } };

  const schemeEnd = text.indexOf('://');
  if (schemeEnd < 0) return fail(say('pattern.noScheme', { example: PATTERN_EXAMPLE }));
  const scheme = text.slice(0, schemeEnd);
  const schemes = SCHEMES[scheme];
  if (!schemes) return fail(say('pattern.badScheme', { scheme: quote(scheme) }));

  const rest = text.slice(schemeEnd + 3);
  const pathStart = rest.indexOf('/');
  if (pathStart < 0) return fail(say('pattern.noPath'));
  const authority = rest.slice(0, pathStart);
  const pathText = rest.slice(pathStart);

  const { host, port, error: hostError } = parseAuthority(authority);
  if (hostError !== undefined) return fail(hostError);
  const subdomains = host.startsWith('*.');

  if (!PATH_TEXT.test(pathText)) {
    const bad = firstBadPathPart(pathText);
    return fail(
      bad === '%' ? say('pattern.badPercent', { path: quote(pathText) }) : say('pattern.badCharacter', { path: quote(pathText), character: quote(bad) }),
    );
  }
  if (DOT_SEGMENT.test(pathText)) return fail(say('pattern.dotSegment', { path: quote(pathText) }));

  return {
    pattern: {
      schemes,
      host: subdomains ? host.slice(2) : host,
      subdomains,
      ...(port !== undefined && { port }),
      path: new RegExp(`^${pathText.split('*').map(escapeRegExp).join('.*')}$`, 's'),
    },
  };
}

/** The first character of a path that PATH_TEXT refuses (a lone % included). */
function firstBadPathPart(path: string): string {
  for (let i = 0; i < path.length;) {
    const escape = /^%[0-9A-Fa-f]{2}/.test(path.slice(i, i + 3));
    if (escape) i += 3;
    else if (path[i] !== '%' && PATH_TEXT.test(path[i]!)) i += 1;
    else return String.fromCodePoint(path.codePointAt(i)!);
  }
  return '';
}

function parseAuthority(authority: string): { host: string; port?: string; error?: undefined } | { host?: undefined; port?: undefined; error: string } {
  if (authority === '') return { error: say('pattern.noHost') };
  // IPv6 literals carry colons of their own: the port, if any, follows the closing bracket.
  const portStart = authority.startsWith('[') ? authority.indexOf(':', authority.indexOf(']')) : authority.lastIndexOf(':');
  const hostText = portStart < 0 ? authority : authority.slice(0, portStart);
  const portText = portStart < 0 ? undefined : authority.slice(portStart + 1);

  let port: string | undefined;
  if (portText !== undefined && portText !== '*') {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535) return { error: say('pattern.badPort', { port: quote(portText) }) };
    port = String(Number(portText));
  }

  if (hostText === '*') return { host: '*', port };
  const wildcard = hostText.startsWith('*.');
  const name = wildcard ? hostText.slice(2) : hostText;
  if (name.includes('*')) return { error: say('pattern.wildcardPlace', { host: quote(hostText) }) };
  if (name === '') return { error: say('pattern.noSiteAfterWildcard', { host: quote(hostText) }) };
  const canonical = toAscii(name);
  if (canonical === undefined || (!name.startsWith('[') && !HOST_LABELS.test(canonical))) return { error: say('pattern.badHost', { host: quote(hostText) }) };
  if (wildcard && (canonical.startsWith('[') || /^[\d.]+$/.test(canonical))) return { error: say('pattern.wildcardIp', { host: quote(hostText) }) };
  return { host: wildcard ? `*.${canonical}` : canonical, port };
}

/** The host as the URL parser writes it (lower case, punycode, IPv4 and IPv6 normalised), or undefined. */
function toAscii(host: string): string | undefined {
  // Characters that would end the host inside a URL, so the parser would read another host than the one written.
  if (/[\s/?#@\\]/.test(host) || (!host.startsWith('[') && /[:[\]]/.test(host))) return undefined;
  try {
    const parsed = new URL(`http://${host}/`);
    const onlyHost = parsed.port === '' && parsed.pathname === '/' && parsed.search === '' && parsed.hash === '' && parsed.username === '';
    return parsed.hostname !== '' && onlyHost ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the address falls under the pattern. An address that is not a URL matches nothing. */
export function patternMatches(pattern: SitePattern, address: string | URL): boolean {
  let url: URL;
  try {
    url = typeof address === 'string' ? new URL(address) : address;
  } catch {
    return false;
  }
  const scheme = url.protocol.slice(0, -1);
  if (!pattern.schemes.some((one) => one === scheme)) return false;
  if (pattern.port !== undefined && pattern.port !== (url.port || DEFAULT_PORTS[url.protocol])) return false;
  const host = url.hostname;
  const hostMatches = pattern.host === '*' || host === pattern.host || (pattern.subdomains && host.endsWith(`.${pattern.host}`));
  // An empty query ("/page?") reads back as "" from url.search; href keeps its "?".
  const query = url.search || (url.href.split('#')[0]!.endsWith('?') ? '?' : '');
  return hostMatches && pattern.path.test(`${url.pathname}${query}`);
}

/** True when the address matches one of the rules. A rule that does not parse matches nothing. */
export function matchesAny(address: string, rules: readonly string[]): boolean {
  return rules.some((rule) => {
    const { pattern } = parseSitePattern(rule);
    return pattern !== undefined && patternMatches(pattern, address);
  });
}

/** The error message for a rule, or undefined when Gatewhy can apply it. */
export function sitePatternError(rule: string): string | undefined {
  return parseSitePattern(rule).error;
}

/** A rule covering every page of the address's host, e.g. *://shop.example.com/*; undefined for non-web addresses. */
export function siteRuleFor(address: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(address);
    return protocol === 'http:' || protocol === 'https:' ? `*://${hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}
