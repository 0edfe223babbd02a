// "Recent errors" across tabs: an unlisted page, opened from the popup.
import { render } from 'preact';
import { RecentErrorsPage } from '../../components/recent-errors/RecentErrorsPage';
import '../../components/gatewhy.css';
import { speakBrowserLanguage } from '../../services/browser-wording';
import { say } from '../../utils/wording';

speakBrowserLanguage();
document.title = say('recentErrors.documentTitle');
render(<RecentErrorsPage />, document.getElementById('app')!);
