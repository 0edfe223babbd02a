// The panel's root: wires DevTools' network log, the user's filters and the browser's copy and save to the view.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { copyText, downloadText } from '../../components/browser-actions';
import { DevtoolsPanel } from '../../components/devtools/DevtoolsPanel';
import { inspectedTabId } from '../../components/devtools/inspected-network';
import { useInspectedLog } from '../../components/devtools/use-inspected-log';
import { NO_FILTERS, type Filters } from '../../utils/devtools/panel-log';

export function App() {
  const [preserveLog, setPreserveLog] = useState(false);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selected, setSelected] = useState<string>();
  const { log, clear } = useInspectedLog(preserveLog);
  return (
    <DevtoolsPanel
      log={log}
      filters={filters}
      onFilters={setFilters}
      preserveLog={preserveLog}
      onPreserveLog={setPreserveLog}
      onClear={clear}
      selected={selected}
      onSelect={setSelected}
      now={Date.now()}
      tabId={inspectedTabId()}
      version={browser.runtime.getManifest().version}
      actions={{ copy: copyText, download: downloadText }}
    />
  );
}
