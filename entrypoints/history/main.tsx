// "Recent errors" across tabs: an unlisted page, opened from the popup.
import { render } from 'preact';
import { HistoryPage } from '../../components/history/HistoryPage';
import '../../components/gatewhy.css';

render(<HistoryPage />, document.getElementById('app')!);
