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

/**
 * Recent errors are stored as a journal: each burst of failures is one chunk (its entries newest first), and a small
 * index lists the chunks oldest first. Recording a burst writes only that chunk and the index, instead of reading and
 * rewriting the whole list (issue 14: every burst used to rewrite it).
 */
export interface HistoryChunk {
  /** Storage key of the chunk's entries. */
  key: string;
  /** How many of its entries, from the newest, are still recent errors; the rest were trimmed off the list. */
  keep: number;
}

/** A stored journal index, only its well-formed chunks (storage may hold anything). */
export function asJournal(value: unknown): HistoryChunk[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (chunk): chunk is HistoryChunk =>
      typeof chunk === 'object' && chunk !== null && typeof chunk.key === 'string' && Number.isInteger(chunk.keep) && chunk.keep > 0,
  );
}

/** The key of a journal's index: `<base>Journal`, its chunks being `<base>.<n>`. */
export const journalKeyOf = (base: string) => `${base}Journal`;

/**
 * The journal as stored: its index when there is one, else a list stored before the journal existed (the whole list,
 * one array under `<base>` itself) as its oldest chunk.
 */
export function storedJournal(base: string, index: unknown, legacy: unknown): HistoryChunk[] {
  if (index !== undefined && index !== null) return asJournal(index);
  return Array.isArray(legacy) && legacy.length > 0 ? [{ key: base, keep: legacy.length }] : [];
}

/** The key for the next chunk after the journal's newest: `<base>.<n>`, one past the highest number in use. */
export function nextChunkKey(base: string, journal: readonly HistoryChunk[]): string {
  const numbers = journal.map(({ key }) => Number(key.slice(base.length + 1))).filter(Number.isInteger);
  return `${base}.${Math.max(0, ...numbers) + 1}`;
}

/**
 * The journal after a burst of `count` entries is added under `key`, keeping the newest `size` entries: the oldest
 * chunks go whole (`dropped`, to be removed from storage), and the oldest one kept may keep only its newest entries.
 */
export function appendChunk(journal: readonly HistoryChunk[], key: string, count: number, size: number): { journal: HistoryChunk[]; dropped: string[] } {
  if (size <= 0) return { journal: [], dropped: journal.map((chunk) => chunk.key) };
  const chunks = count > 0 ? [...journal, { key, keep: count }] : [...journal];
  let total = chunks.reduce((sum, chunk) => sum + chunk.keep, 0);
  const dropped: string[] = [];
  while (chunks.length > 0 && total - chunks[0]!.keep >= size) {
    const oldest = chunks.shift()!;
    total -= oldest.keep;
    dropped.push(oldest.key);
  }
  if (total > size) chunks[0] = { ...chunks[0]!, keep: chunks[0]!.keep - (total - size) };
  return { journal: chunks, dropped };
}

/** The recent errors, newest first, from the journal and its chunks' stored values by key (a missing chunk adds none). */
export function historyFromJournal(journal: readonly HistoryChunk[], stored: Readonly<Record<string, unknown>>): HistoryEntry[] {
  return [...journal].reverse().flatMap(({ key, keep }) => {
    const entries = stored[key];
    return Array.isArray(entries) ? (entries as HistoryEntry[]).slice(0, keep) : [];
  });
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
