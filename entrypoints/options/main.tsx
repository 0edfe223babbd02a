// Options page: every setting in utils/settings.ts, saved as the user changes it.
import { render } from 'preact';
import { App } from './App';
import './style.css';

render(<App />, document.getElementById('app')!);
