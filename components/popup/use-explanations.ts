// The engine's explanations of a tab's failures, from the background: the popup itself carries no engine, so it opens fast.
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../services/messages';
import type { Explanation } from '../../utils/explain/explain-response';
import type { TabRecord } from '../../utils/tab-record';

export type Explanations = Record<string, Explanation>;

/**
 * The page's explanation is in the record already (shown at once); the background explains the rest.
 * Asked again whenever the record changes, so a page read later, or a new failure, shows up.
 */
export function useExplanations(tabId: number | undefined, record: TabRecord | undefined): Explanations {
  const [explained, setExplained] = useState<Explanations>({});
  useEffect(() => {
    if (tabId === undefined || !record || record.failures.length === 0) return;
    let live = true;
    sendToBackground({ type: 'explanations', tabId })
      .then((answer) => live && answer && typeof answer === 'object' && setExplained(answer))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [tabId, record]);
  const stored: Explanations = {};
  for (const failure of record?.failures ?? []) if (failure.explanation) stored[failure.requestId] = failure.explanation;
  return { ...stored, ...explained };
}
