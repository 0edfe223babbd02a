// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TabJustMe } from '../../components/JustMe';
import { recordHistory } from '../../services/history-store';
import { sightingsItem } from '../../services/sightings-store';
import { toHistoryEntry } from '../../utils/history';
import { addFailure, emptyRecord, toFailedRequest } from '../../utils/tab-record';

const NOW = 1_800_000_000_000;
const failed = (url: string, minutesAgo: number) =>
  toFailedRequest({
    requestId: url,
    url,
    type: 'main_frame',
    statusCode: 521,
    timeStamp: NOW - minutesAgo * 60_000,
    responseHeaders: [{ name: 'CF-Ray', value: '8a1033f2b3c4d5e6-AMS' }],
  });
const site = (url: string) => new URL(url).hostname.split('.').slice(-2).join('.');

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('TabJustMe', () => {
  it('should say the data centre failed when the tab’s failure and another site’s are in recent errors', async () => {
    const mine = failed('https://shop.alpha.example/cart', 1);
    await recordHistory([toHistoryEntry(mine, site(mine.url)), toHistoryEntry(failed('https://beta.example/', 2), 'beta.example')], 100);
    render(<TabJustMe record={addFailure(emptyRecord(1), mine)} now={NOW} />);
    const note = await vi.waitFor(() => screen.getByRole('note'));
    expect(note.textContent).toMatch(/^Cloudflare's AMS data centre \(Amsterdam, NL\) failed for 2 sites you used in the last 10 minutes/);
  });

  it('should say nothing when the evidence says nothing: no other site, or the failure is not in recent errors', async () => {
    const mine = failed('https://alpha.example/', 1);
    await sightingsItem.setValue([{ vendor: 'cloudflare', site: 'alpha.example', pop: 'AMS', time: NOW - 30_000 }]);
    await recordHistory([toHistoryEntry(mine, 'alpha.example')], 100);
    const { container } = render(<TabJustMe record={addFailure(emptyRecord(1), mine)} now={NOW} />);
    const other = failed('https://gamma.example/', 1);
    render(<TabJustMe record={addFailure(emptyRecord(2), other)} now={NOW} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
    expect(screen.queryByRole('note')).toBeNull();
  });
});
