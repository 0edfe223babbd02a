// The Gatewhy panel in DevTools: the inspected tab's failed requests with their bodies, explained.
import { render } from 'preact';
import { App } from './App';
import '../../components/gatewhy.css';
import './style.css';
import { speakBrowserLanguage } from '../../services/browser-wording';

speakBrowserLanguage();
render(<App />, document.getElementById('app')!);
