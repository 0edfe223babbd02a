// The Gatewhy panel's list of failed requests, and the pure rules that change and filter it.
import { partyOf, type Party } from '../party';
import { hostWithPort } from '../query-strings';
import type { InspectedRequest } from './inspected-request';
import type { ResponseBody } from './response-body';

/** Most failures the panel keeps; the oldest go first. */
export const MAX_LOGGED = 500;

export interface PanelLog {
  /** Oldest first. */
  requests: InspectedRequest[];
  /** The inspected page's address, to tell the site's own requests from third parties'. */
  pageUrl?: string;
}

export const emptyLog = (pageUrl?: string): PanelLog => ({ requests: [], ...(pageUrl !== undefined && { pageUrl }) });

/** Adds a failure, once: getHAR() and onRequestFinished can both report it. */
export function addRequest(log: PanelLog, request: InspectedRequest): PanelLog {
  if (log.requests.some((kept) => kept.key === request.key)) return log;
  return { ...log, requests: [...log.requests, request].slice(-MAX_LOGGED) };
}

/** The body arrived (or could not be read). */
export function withBody(log: PanelLog, key: string, body: ResponseBody | undefined): PanelLog {
  return {
    ...log,
    requests: log.requests.map((request) => (request.key === key ? { ...request, bodyState: body ? 'read' : 'unavailable', ...(body && { body }) } : request)),
  };
}

/**
 * The inspected tab navigated to `url`. Without "preserve log" the earlier pages' failures go, as DevTools' own
 * Network panel does; the new page's own document request may have been reported already, so it and what started
 * after it stay.
 */
export function navigated(log: PanelLog, url: string, preserveLog: boolean): PanelLog {
  if (preserveLog) return { ...log, pageUrl: url };
  const document = log.requests.findLast((request) => request.url === url && (request.type === 'main_frame' || request.type === 'sub_frame'));
  return { requests: document ? log.requests.filter((request) => request.time >= document.time) : [], pageUrl: url };
}

export const clearLog = (log: PanelLog): PanelLog => emptyLog(log.pageUrl);

export function partyOfRequest(request: InspectedRequest, log: PanelLog): Party {
  return partyOf(request.url, log.pageUrl);
}

/** What the list shows: every choice is "all" or one value. */
export interface Filters {
  /** An HTTP status, "network" for requests that got no response, or "all". */
  status: 'all' | 'network' | number;
  host: 'all' | string;
  party: 'all' | Party;
}

export const NO_FILTERS: Filters = { status: 'all', host: 'all', party: 'all' };

export function matchesFilters(request: InspectedRequest, filters: Filters, log: PanelLog): boolean {
  if (filters.status === 'network' ? request.status !== 0 : filters.status !== 'all' && request.status !== filters.status) return false;
  if (filters.host !== 'all' && hostWithPort(request.url) !== filters.host) return false;
  return filters.party === 'all' || partyOfRequest(request, log) === filters.party;
}

/** The log's requests that the filters let through, newest first (as a list of incidents reads). */
export function visibleRequests(log: PanelLog, filters: Filters): InspectedRequest[] {
  return log.requests.filter((request) => matchesFilters(request, filters, log)).reverse();
}

/** The values each filter can take, from what is in the log: statuses ascending, hosts by name. */
export function filterChoices(log: PanelLog): { statuses: number[]; networkErrors: boolean; hosts: string[] } {
  const statuses = new Set<number>();
  const hosts = new Set<string>();
  let networkErrors = false;
  for (const request of log.requests) {
    if (request.status === 0) networkErrors = true;
    else statuses.add(request.status);
    hosts.add(hostWithPort(request.url));
  }
  return { statuses: [...statuses].sort((a, b) => a - b), networkErrors, hosts: [...hosts].sort() };
}
