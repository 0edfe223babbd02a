// Welcome: opened once, when Gatewhy is installed (entrypoints/background/install.ts).
import { render } from 'preact';
import { hasOptionsPage, openOptions } from '../../components/browser-actions';
import { BROWSER, requestSiteAccess, useSiteAccess } from '../../components/site-access/use-site-access';
import { WelcomePage } from '../../components/welcome/WelcomePage';
import '../../components/gatewhy.css';
import { speakBrowserLanguage } from '../../services/browser-wording';
import { say } from '../../utils/wording';

function App() {
  const site = useSiteAccess();
  return (
    <WelcomePage site={site} browser={BROWSER} onRequestAccess={requestSiteAccess} onOpenSettings={hasOptionsPage() ? () => void openOptions() : undefined} />
  );
}

speakBrowserLanguage();
document.title = say('welcome.documentTitle');
render(<App />, document.getElementById('app')!);
