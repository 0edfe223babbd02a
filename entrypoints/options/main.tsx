// Options page: every setting in utils/settings.ts, saved as the user changes it.
import { render } from 'preact';
import { speakBrowserLanguage } from '../../services/browser-wording';
import { say } from '../../utils/wording';
import { App } from './App';
import './style.css';

speakBrowserLanguage();
document.title = say('options.title');
render(<App />, document.getElementById('app')!);
