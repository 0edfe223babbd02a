// "Explain a response": an unlisted page, opened from the popup.
import { render } from 'preact';
import { ExplainPage } from '../../components/explain/ExplainPage';
import '../../components/gatewhy.css';
import { speakBrowserLanguage } from '../../services/browser-wording';
import { say } from '../../utils/wording';

speakBrowserLanguage();
document.title = say('explainPage.documentTitle');
render(<ExplainPage />, document.getElementById('app')!);
