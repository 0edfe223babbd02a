// The popup's root: finds the tab it describes and renders its record, live.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readTabRecord, watchTabRecord } from '../../services/tab-store';
import type { TabRecord } from '../../utils/tab-record';
import { FailureList } from '../../components/FailureList';

async function describedTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery >= 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

export function App() {
  const [state, setState] = useState<{ loading: boolean; record?: TabRecord }>({ loading: true });

  useEffect(() => {
    let stop = () => {};
    void describedTabId().then(async (tabId) => {
      if (tabId === undefined) return setState({ loading: false });
      stop = watchTabRecord(tabId, (record) => setState({ loading: false, record }));
      setState({ loading: false, record: await readTabRecord(tabId) });
    });
    return () => stop();
  }, []);

  if (state.loading) return <main aria-busy="true" />;
  return (
    <main>
      <h1 class="title">Gatewhy</h1>
      {state.record ? (
        <FailureList record={state.record} />
      ) : (
        <p class="empty" role="status">
          No gateway errors on this tab.
        </p>
      )}
    </main>
  );
}
