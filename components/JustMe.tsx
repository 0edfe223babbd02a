// "Is it just me?" in words: one sentence per verdict of utils/just-me.ts, from recent errors and healthy responses
// the background already saw. The popup says it about its tab's failure; "Recent errors" about every recent one.
import { useEffect, useState } from 'preact/hooks';
import { watchHistory } from '../services/history-store';
import { watchSightings } from '../services/sightings-store';
import { failedSightings, type HistoryEntry } from '../utils/history';
import { isItJustMe, type Sighting, type Verdict } from '../utils/just-me';
import { hostWithPort } from '../utils/query-strings';
import type { FailedRequest, TabRecord } from '../utils/tab-record';

export interface LocalEvidence {
  history: HistoryEntry[];
  healthy: Sighting[];
}

/** Healthy responses seen behind known vendors, followed as they change (undefined until read). */
export function useSightings(): Sighting[] | undefined {
  const [healthy, setHealthy] = useState<Sighting[]>();
  useEffect(() => watchSightings(setHealthy), []);
  return healthy;
}

/** Recent errors and healthy sightings, followed as they change (undefined until both are read). */
export function useLocalEvidence(): LocalEvidence | undefined {
  const [history, setHistory] = useState<HistoryEntry[]>();
  const healthy = useSightings();
  useEffect(() => watchHistory(setHistory), []);
  return history && healthy ? { history, healthy } : undefined;
}

/**
 * The tab's failure as recent errors hold it (with its vendor and site): the page's own first, else the newest
 * request inside it. An entry is the failure's when it has the same time and host.
 */
export function tabFailureSighting(record: TabRecord, history: readonly HistoryEntry[]): Sighting | undefined {
  const failures = [record.page, ...[...record.failures].reverse()].filter((failure): failure is FailedRequest => failure !== undefined);
  for (const failure of failures) {
    const host = hostWithPort(failure.url);
    const entry = history.find((kept) => kept.edge && kept.time === failure.time && kept.host === host);
    if (entry?.edge) return { ...entry.edge, time: entry.time };
  }
  return undefined;
}

export function JustMeLine({ verdict }: { verdict: Verdict }) {
  return (
    <p class="callout" role="note" data-just-me={verdict.kind}>
      {verdict.text}
    </p>
  );
}

/** The popup's sentence about its tab's failure, when the evidence says something. */
export function TabJustMe({ record, now }: { record: TabRecord; now: number }) {
  const evidence = useLocalEvidence();
  const focus = evidence && tabFailureSighting(record, evidence.history);
  const verdict = evidence && focus && isItJustMe(focus, failedSightings(evidence.history), evidence.healthy, now);
  return verdict ? <JustMeLine verdict={verdict} /> : null;
}
