// Recent errors as Gatewhy stores them (services/history-store.ts, a journal of chunks), read from a dump of one
// storage area, so tests that read every area (privacy) see the list whatever its layout.
import { asJournal, historyFromJournal, type HistoryEntry } from '../../utils/history';

/** The recent errors in `storage.<area>.get(null)`, newest first: `base` is "history" (local) or "privateHistory" (session). */
export function historyInDump(dump: Record<string, unknown>, base: 'history' | 'privateHistory' = 'history'): HistoryEntry[] {
  const legacy = dump[base];
  const journal = `${base}Journal` in dump ? asJournal(dump[`${base}Journal`]) : Array.isArray(legacy) ? [{ key: base, keep: legacy.length }] : [];
  return historyFromJournal(journal, dump);
}
