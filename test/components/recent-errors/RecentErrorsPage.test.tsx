// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RecentErrorsPage } from '../../../components/recent-errors/RecentErrorsPage';
import { readHistory, recordHistory } from '../../../services/history-store';
import { sightingsItem } from '../../../services/sightings-store';
import type { HistoryEntry } from '../../../utils/history';

const T0 = Date.UTC(2026, 10, 27, 14, 5, 0);
const entry = (host: string, status: number, minutes: number, gatewayName: string | null = 'Cloudflare'): HistoryEntry => ({
  time: T0 - minutes * 60_000,
  url: `https://${host}/path`,
  host,
  type: 'main_frame',
  status,
  summary: {
    headline: `${status} from ${gatewayName}: the gateway could not connect to the origin server`,
    gatewayId: null,
    gatewayName,
    cause: 'origin-unreachable',
    causeTitle: 'Origin unreachable',
    source: 'gateway',
    cached: false,
  },
});

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('RecentErrorsPage', () => {
  it('should show the pattern by host and every entry', async () => {
    await recordHistory([entry('shop.example.com', 502, 1), entry('api.example.net', 504, 2), entry('shop.example.com', 522, 3)], 100);
    render(<RecentErrorsPage now={T0} />);
    const byHost = await vi.waitFor(() => screen.getByRole('region', { name: 'By site' }));
    const rows = within(byHost).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^shop\.example\.com2502, 522CloudflareOrigin unreachable1 minute ago$/),
      expect.stringMatching(/^api\.example\.net1504/),
    ]);
    expect(within(screen.getByRole('region', { name: 'All (3)' })).getAllByRole('row')).toHaveLength(4);
    expect(screen.getByText(/keeps the last 100/)).toBeTruthy();
  });

  it('should clear the list with one click', async () => {
    await recordHistory([entry('shop.example.com', 502, 1)], 100);
    render(<RecentErrorsPage now={T0} />);
    const clear = await vi.waitFor(() => {
      const button = screen.getByRole('button', { name: 'Clear recent errors' }) as HTMLButtonElement;
      expect(button.disabled).toBe(false);
      return button;
    });
    fireEvent.click(clear);
    await vi.waitFor(() => expect(screen.getByRole('heading', { name: 'No gateway errors recorded' })).toBeTruthy());
    expect(await readHistory()).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('Recent errors cleared.');
  });

  it('should say above the list when several sites behind one data centre failed, and when one site is alone', async () => {
    const behind = (item: HistoryEntry, site: string, pop: string): HistoryEntry => ({ ...item, edge: { vendor: 'cloudflare', site, pop } });
    await recordHistory(
      [
        behind(entry('a.example.com', 521, 1), 'example.com', 'AMS'),
        behind(entry('b.example.org', 502, 2), 'example.org', 'AMS'),
        behind(entry('solo.example.net', 502, 2), 'example.net', 'SIN'),
      ],
      100,
    );
    await sightingsItem.setValue([{ vendor: 'cloudflare', site: 'healthy.example', pop: 'SIN', time: T0 - 60_000 }]);
    render(<RecentErrorsPage now={T0} />);
    const lines = await vi.waitFor(() => within(screen.getByRole('region', { name: 'Is it just you?' })).getAllByRole('note'));
    expect(lines.map((line) => line.textContent)).toEqual([
      "Cloudflare's AMS data centre (Amsterdam, NL) failed for 2 sites you used in the last 10 minutes, so the trouble is likely at Cloudflare, not at each site.",
      "Other sites behind Cloudflare's SIN data centre (Singapore) loaded fine in the last 10 minutes, so the trouble is likely example.net's own server, not Cloudflare.",
    ]);
  });
});
