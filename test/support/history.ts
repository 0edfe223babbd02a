// Recent errors as Gatewhy stores them (services/history-store.ts, a journal of chunks), read from a dump of one
// storage area, so tests that read every area (privacy) see the list whatever its layout.
import { historyFromJournal, journalKeyOf, storedJournal, type HistoryEntry } from '../../utils/history';

/** The recent errors in `storage.<area>.get(null)`, newest first: `base` is "history" (local) or "privateHistory" (session). */
export function historyInDump(dump: Record<string, unknown>, base: 'history' | 'privateHistory' = 'history'): HistoryEntry[] {
  const journal = storedJournal(base, dump[journalKeyOf(base)], dump[base]);
  return historyFromJournal(journal, dump);
}

type Area = Record<string, unknown>;

/** The addresses in a Recent errors list (a page's retries add entries of the same address). */
export const uniqueUrls = (area: Area, base?: 'privateHistory') => [...new Set(historyInDump(area, base).map(({ url }) => url))].sort();

/** Keys of what is stored besides Recent errors, whose chunks come and go as failures are recorded. */
export const otherKeys = (area: Area) =>
  Object.keys(area)
    .filter((key) => !/^history(\.\d+|Journal)?$/.test(key))
    .sort();
