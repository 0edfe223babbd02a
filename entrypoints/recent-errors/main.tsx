// "Recent errors" across tabs: an unlisted page, opened from the popup.
import { render } from 'preact';
import { RecentErrorsPage } from '../../components/recent-errors/RecentErrorsPage';
import '../../components/gatewhy.css';

render(<RecentErrorsPage />, document.getElementById('app')!);
