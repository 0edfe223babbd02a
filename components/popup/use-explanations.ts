// The engine's explanations of a tab's failures, from the background: the popup itself carries no engine, so it opens fast.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../services/messages';
import type { Explanation } from '../../utils/explain/explain-response';
import type { TabRecord } from '../../utils/tab-record';

export type Explanations = Record<string, Explanation>;

export interface TabExplanations {
  /** By requestId. The page's own is stored with it and there at once; the others once `load` was called. */
  explanations: Explanations;
  /** Asks the background for every failure's explanation (a request was opened, or a report is wanted). */
  load(): Promise<Explanations>;
}

/**
 * The page's explanation is in the record already (unless the record had to shrink to fit its budget). The rest are asked for only when needed, and asked again
 * whenever the record changes once they were, so a new failure or a page read later shows up.
 */
export function useExplanations(tabId: number | undefined, record: TabRecord | undefined): TabExplanations {
  const [explained, setExplained] = useState<Explanations>({});
  const [wanted, setWanted] = useState(false);
  const latest = useRef<Promise<Explanations>>(Promise.resolve({}));

  const fetchAll = useCallback(() => {
    if (tabId === undefined) return Promise.resolve({});
    latest.current = sendToBackground({ type: 'explanations', tabId })
      .then((answer) => (answer && typeof answer === 'object' ? answer : {}))
      .catch(() => ({}));
    void latest.current.then(setExplained);
    return latest.current;
  }, [tabId]);

  useEffect(() => {
    if (wanted && record && record.failures.length > 0) void fetchAll();
  }, [wanted, record, fetchAll]);

  const stored: Explanations = {};
  // Stored once, with the page (utils/storage-budget.ts); a record that had to shrink has none and is asked for.
  if (record?.page?.explanation) stored[record.page.requestId] = record.page.explanation;
  const load = useCallback(() => {
    setWanted(true);
    return fetchAll();
  }, [fetchAll]);
  return { explanations: { ...stored, ...explained }, load };
}
