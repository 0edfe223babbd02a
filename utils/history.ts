// "Recent errors" across tabs: a bounded list of what failed where, without query strings or credentials.
import { failureEdge, type Sighting } from './just-me';
import { hostWithPort, urlWithoutQuery } from './query-strings';
import type { FailedRequest, Summary } from './tab-record';

export interface HistoryEntry {
  time: number;
  /** Address without its query string or fragment. */
  url: string;
  host: string;
  type: string;
  status: number;
  networkError?: string;
  summary?: Summary;
  /** The vendor in front of the site, its data centre code and the site (registrable domain), for "is it just me". */
  edge?: Omit<Sighting, 'time'>;
}

/** `site`: the failure's registrable domain (utils/party.ts), given when the vendor in front of it is to be kept. */
export function toHistoryEntry(failure: FailedRequest, site?: string): HistoryEntry {
  const edge = site ? failureEdge(failure.headers, failure.summary?.gatewayId) : undefined;
  return {
    time: failure.time,
    url: urlWithoutQuery(failure.url),
    host: hostWithPort(failure.url),
    type: failure.type,
    status: failure.status,
    ...(failure.networkError && { networkError: failure.networkError }),
    ...(failure.summary && { summary: failure.summary }),
    ...(edge && site && { edge: { ...edge, site } }),
  };
}

/** Recent errors that came through a known vendor, as sightings of failures. */
export function failedSightings(history: readonly HistoryEntry[]): Sighting[] {
  return history.flatMap(({ edge, time }) => (edge ? [{ ...edge, time }] : []));
}

/** Newest first, at most `size` entries. */
export function addToHistory(history: readonly HistoryEntry[], entry: HistoryEntry, size: number): HistoryEntry[] {
  return size <= 0 ? [] : [entry, ...history].slice(0, size);
}

/** Two lists of recent errors (on disk, and a private window's in memory) as one, newest first. */
export function mergedHistory(a: readonly HistoryEntry[], b: readonly HistoryEntry[]): HistoryEntry[] {
  return [...a, ...b].sort((x, y) => y.time - x.time);
}

export interface HostPattern {
  host: string;
  count: number;
  statuses: number[];
  first: number;
  last: number;
  /** Most common gateway and cause, when known. */
  gatewayName: string | null;
  causeTitle: string | null;
}

function mostCommon(values: (string | null | undefined)[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Groups entries by host, most failures first: a pattern of intermittent failures shows at a glance. */
export function patternsByHost(history: readonly HistoryEntry[]): HostPattern[] {
  const groups = new Map<string, HistoryEntry[]>();
  for (const entry of history) groups.set(entry.host, [...(groups.get(entry.host) ?? []), entry]);
  return [...groups.entries()]
    .map(([host, entries]) => ({
      host,
      count: entries.length,
      statuses: [...new Set(entries.map(({ status }) => status))].sort(),
      first: Math.min(...entries.map(({ time }) => time)),
      last: Math.max(...entries.map(({ time }) => time)),
      gatewayName: mostCommon(entries.map(({ summary }) => summary?.gatewayName)),
      causeTitle: mostCommon(entries.map(({ summary }) => summary?.causeTitle)),
    }))
    .sort((a, b) => b.count - a.count || b.last - a.last);
}
