// Which responses Gatewhy records: gateway statuses always, other 5xx only when a gateway wrote them.
import { GATEWAY_STATUSES } from './settings';
import type { Summary } from './tab-record';

/** The request types watched by default: the page, its frames and its API calls (fetch counts as xmlhttprequest). */
export const DEFAULT_WATCHED_TYPES = ['main_frame', 'sub_frame', 'xmlhttprequest'] as const;

/**
 * Every request type each browser's webRequest filter accepts, for a browser that does not list them at run time:
 * Chrome's ResourceType (https://developer.chrome.com/docs/extensions/reference/api/webRequest#type-ResourceType) and
 * Firefox's (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/webRequest/ResourceType).
 */
const DOCUMENTED_TYPES = {
  chrome: [
    'main_frame',
    'sub_frame',
    'stylesheet',
    'script',
    'image',
    'font',
    'object',
    'xmlhttprequest',
    'ping',
    'csp_report',
    'media',
    'websocket',
    'webbundle',
    'other',
  ],
  firefox: [
    'beacon',
    'csp_report',
    'font',
    'image',
    'imageset',
    'main_frame',
    'media',
    'object',
    'object_subrequest',
    'ping',
    'script',
    'speculative',
    'stylesheet',
    'sub_frame',
    'web_manifest',
    'websocket',
    'xml_dtd',
    'xmlhttprequest',
    'xslt',
    'other',
  ],
} as const;

/**
 * The types the watch-everything listener subscribes to: all but the default ones, which the first listener already
 * has. Naming them keeps each request to one event (a filter without types would deliver the default types twice).
 * `listed` is the browser's own enum (webRequest.ResourceType) where it exposes one at run time.
 */
export function typesBeyondDefaults(browser: keyof typeof DOCUMENTED_TYPES, listed?: unknown): string[] {
  const own = listed && typeof listed === 'object' ? Object.values(listed).filter((type): type is string => typeof type === 'string') : [];
  const all = own.length > 0 ? own : DOCUMENTED_TYPES[browser];
  const defaults: ReadonlySet<string> = new Set(DEFAULT_WATCHED_TYPES);
  return [...new Set(all)].filter((type) => !defaults.has(type));
}

const GATEWAY_STATUS_SET: ReadonlySet<number> = new Set(GATEWAY_STATUSES);

/** Cheap first test in the listener: anything below 500 returns before any other work. */
export function isServerError(status: unknown): status is number {
  return typeof status === 'number' && status >= 500 && status <= 599;
}

/** A 500 that the application wrote is its own bug, not a gateway failure: no badge for it (no false alarms). */
export function isGatewayFailure(status: number, summary: Pick<Summary, 'source' | 'gatewayId'>): boolean {
  return GATEWAY_STATUS_SET.has(status) || (summary.source === 'gateway' && summary.gatewayId !== null);
}
