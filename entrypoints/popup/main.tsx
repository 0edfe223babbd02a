// Popup: shows why the current tab (or ?tabId=N) failed.
import { render } from 'preact';
import { App } from './App';
import './style.css';

render(<App />, document.getElementById('app')!);
