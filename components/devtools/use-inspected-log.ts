// The panel's live log of the inspected tab's failed requests: DevTools' network events fed through the pure rules of
// utils/devtools/panel-log.ts. Bodies are read as each failure arrives.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { addRequest, clearLog, emptyLog, navigated, withBody, type PanelLog } from '../../utils/devtools/panel-log';
import { readEntry } from '../../utils/devtools/inspected-request';
import { readResponseBody } from '../../utils/devtools/response-body';
import { inspectedPageUrl, watchFailedEntries, watchNavigations } from './inspected-network';

export function useInspectedLog(preserveLog: boolean): { log: PanelLog; clear(): void } {
  const [log, setLog] = useState<PanelLog>(emptyLog);
  // Read by the listeners, which are added once.
  const preserve = useRef(preserveLog);
  preserve.current = preserveLog;
  const pageUrl = useRef<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void inspectedPageUrl().then((url) => {
      if (!live || url === undefined || pageUrl.current !== undefined) return;
      pageUrl.current = url;
      setLog((current) => ({ ...current, pageUrl: url }));
    });
    const stopEntries = watchFailedEntries((entry) => {
      const request = readEntry(entry, pageUrl.current);
      setLog((current) => addRequest(current, request));
      void readResponseBody(entry).then((body) => live && setLog((current) => withBody(current, request.key, body)));
    });
    const stopNavigations = watchNavigations((url) => {
      pageUrl.current = url;
      setLog((current) => navigated(current, url, preserve.current));
    });
    return () => {
      live = false;
      stopEntries();
      stopNavigations();
    };
  }, []);

  const clear = useCallback(() => setLog(clearLog), []);
  return { log, clear };
}
