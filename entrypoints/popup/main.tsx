// Popup: why the current tab (or ?tabId=N) failed, and what to do about it.
import { render } from 'preact';
import { speakBrowserLanguage } from '../../services/browser-wording';
import { App } from './App';
import '../../components/gatewhy.css';
import './style.css';

speakBrowserLanguage();
render(<App />, document.getElementById('app')!);
