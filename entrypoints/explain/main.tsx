// "Explain a response": an unlisted page, opened from the popup.
import { render } from 'preact';
import { ExplainPage } from '../../components/explain/ExplainPage';
import '../../components/gatewhy.css';

render(<ExplainPage />, document.getElementById('app')!);
