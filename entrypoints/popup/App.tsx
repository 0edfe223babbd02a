// The popup's root: wires the tab's live state, the background's explanations and its actions to the view.
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../services/messages';
import { copyText, downloadText, hasOptionsPage, openOptions, openPage } from '../../components/browser-actions';
import { PopupView, type PopupActions } from '../../components/popup/PopupView';
import { useExplanations } from '../../components/popup/use-explanations';
import { isToolbarPopup, useNow, useTab } from '../../components/popup/use-tab';
import { BROWSER, requestSiteAccess, useSiteAccess } from '../../components/site-access/use-site-access';

export function App() {
  const { loading, tabId, record, retry } = useTab();
  const explained = useExplanations(tabId, record);
  const site = useSiteAccess(tabId, !loading);
  // Every second while a retry counts down; otherwise enough for "2 min ago".
  const now = useNow(retry?.dueAt !== undefined ? 1000 : 15_000);

  const actions: PopupActions = {
    retryNow: () => sendToBackground({ type: 'retry-now', tabId }),
    pause: () => sendToBackground({ type: 'retry-pause', tabId }),
    resume: () => sendToBackground({ type: 'retry-resume', tabId }),
    retryThen: () => sendToBackground({ type: 'retry-then', tabId }),
    neverOnSite: (url) => sendToBackground({ type: 'never-on-site', url }),
    requestAccess: requestSiteAccess,
    copy: copyText,
    download: (fileName, text) => downloadText(fileName, text),
    open(page) {
      void (page === 'options' ? openOptions() : openPage(page)).then(() => isToolbarPopup() && window.close());
    },
  };

  return (
    <PopupView
      // Until site access is known, so a page Gatewhy cannot see never reads "no gateway errors" first.
      loading={loading || !site.checked}
      access={site.access}
      browser={BROWSER}
      record={record}
      retry={retry}
      explained={explained}
      now={now}
      version={browser.runtime.getManifest().version}
      showOptions={hasOptionsPage()}
      actions={actions}
    />
  );
}
