// Which responses Gatewhy records: gateway statuses always, other 5xx only when a gateway wrote them.
import type { Explanation } from './explain/explain-response';
import { GATEWAY_STATUSES } from './settings';

/** The request types watched by default: the page, its frames and its API calls (fetch counts as xmlhttprequest). */
export const DEFAULT_WATCHED_TYPES = ['main_frame', 'sub_frame', 'xmlhttprequest'] as const;

const GATEWAY_STATUS_SET: ReadonlySet<number> = new Set(GATEWAY_STATUSES);

/** Cheap first test in the listener: anything below 500 returns before any other work. */
export function isServerError(status: unknown): status is number {
  return typeof status === 'number' && status >= 500 && status <= 599;
}

/** A 500 that the application wrote is its own bug, not a gateway failure: no badge for it (no false alarms). */
export function isGatewayFailure(status: number, explanation: Explanation): boolean {
  return GATEWAY_STATUS_SET.has(status) || (explanation.source === 'gateway' && explanation.gateway !== null);
}
