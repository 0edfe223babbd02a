// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupActions } from '../../../components/popup/PopupView';
import type { TabExplanations } from '../../../components/popup/use-explanations';
import { explainFailure } from '../../../utils/explain-failure';
import { addEvent, emptyRecord, type TabRecord } from '../../../utils/tab-record';
import { pageFailedRecord, requestsFailedRecord, scheduledRetry, T0 } from '../../support/sample-records';

/** What the background answers for a record: the engine's explanation of each failure. */
const explainAll = (record: TabRecord | undefined): TabExplanations => {
  const explanations = Object.fromEntries((record?.failures ?? []).map((failure) => [failure.requestId, explainFailure(failure)]));
  return { explanations, load: async () => explanations };
};
const notYet: TabExplanations = { explanations: {}, load: async () => ({}) };
afterEach(cleanup);

function actions(): PopupActions & { [K in keyof PopupActions]: ReturnType<typeof vi.fn> } {
  return {
    retryNow: vi.fn(async () => ({ ok: true })),
    pause: vi.fn(async () => ({ ok: true })),
    resume: vi.fn(async () => ({ ok: true })),
    retryThen: vi.fn(async () => ({ ok: true })),
    neverOnSite: vi.fn(async () => ({ ok: true })),
    copy: vi.fn(async () => true),
    download: vi.fn(),
    open: vi.fn(),
    requestAccess: vi.fn(),
  } as never;
}

const NOW = T0 + 1200;

describe('PopupView', () => {
  it('should say plainly when the tab has no errors', () => {
    render(<PopupView record={undefined} retry={undefined} explained={notYet} now={NOW} actions={actions()} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('No gateway errors on this tab');
  });

  it('should say the page is back after a recovery', () => {
    const record = addEvent(emptyRecord(1), { time: T0, kind: 'recovered', text: 'shop.example.com is back after 2 retries, 9 sec' });
    render(<PopupView record={record} retry={undefined} explained={notYet} now={NOW} actions={actions()} />);
    expect(screen.getByRole('heading', { name: 'The page is back' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'The page is back' }).textContent).toContain('is back after 2 retries');
  });

  it('should wait for the engine before showing a failure', () => {
    render(<PopupView record={pageFailedRecord()} retry={undefined} explained={notYet} now={NOW} actions={actions()} />);
    expect(screen.getByText('Reading this tab…').getAttribute('aria-busy')).toBe('true');
  });

  it('should explain a failed page: headline, who wrote it, causes, advice and the status page', () => {
    render(<PopupView record={pageFailedRecord()} retry={undefined} explained={explainAll(pageFailedRecord())} now={NOW} actions={actions()} />);
    expect(screen.getByRole('heading', { level: 2, name: /^520 from Cloudflare: / }).textContent).toMatch(
      /the origin server sent a response the gateway could not use/,
    );
    expect(screen.getByText('Written by the gateway: Cloudflare')).toBeTruthy();
    expect(screen.getByText('GET https://shop.example.com/checkout')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Likely causes' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What the site owner should check' })).toBeTruthy();
    const statusPage = screen.getByRole('link', { name: /Cloudflare status page/ });
    expect(statusPage.getAttribute('href')).toBe('https://www.cloudflarestatus.com/');
    expect(statusPage.getAttribute('target')).toBe('_blank');
  });

  it('should group decoded headers by meaning, with the raw value one click away, and never show a cookie', () => {
    const { container } = render(
      <PopupView record={pageFailedRecord()} retry={undefined} explained={explainAll(pageFailedRecord())} now={NOW} actions={actions()} />,
    );
    const gateway = screen.getByRole('group', { name: 'Gateway and route' });
    expect(within(gateway).getByText(/Ray ID 4ee02a558935bdc3, Cloudflare data centre AMS \(Amsterdam/)).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Cache' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Timing' })).toBeTruthy();
    expect(within(gateway).queryByText('4ee02a558935bdc3-AMS', { exact: false })).toBeNull();

    const raw = within(gateway).getByRole('button', { name: 'Raw value of CF-RAY' });
    expect(raw.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(raw);
    expect(raw.getAttribute('aria-expanded')).toBe('true');
    expect(within(gateway).getByText('4ee02a558935bdc3-AMS', { exact: false })).toBeTruthy();

    expect(container.textContent).not.toContain('SECRET-COOKIE');
    expect(container.textContent).not.toContain('SECRET-TOKEN');
    expect(screen.getAllByText('Value withheld: it can carry cookies or credentials.').length).toBeGreaterThan(0);
  });

  it("should list failed requests by host, the site's own apart from third parties, each explained on demand", () => {
    render(<PopupView record={requestsFailedRecord()} retry={undefined} explained={explainAll(requestsFailedRecord())} now={NOW} actions={actions()} />);
    expect(screen.getByRole('heading', { level: 2, name: 'The page loaded, but 3 requests inside it failed' })).toBeTruthy();
    const own = screen.getByRole('region', { name: 'shop.example.com, 2 failed requests' });
    const other = screen.getByRole('region', { name: 'widgets.example.net, 1 failed request' });
    expect(within(own).getByText('this site')).toBeTruthy();
    expect(within(other).getByText('third party')).toBeTruthy();
    expect(own.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const toggle = within(other).getByRole('button', { expanded: false });
    expect(within(other).queryByRole('heading', { name: 'Likely causes' })).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(other).getByRole('heading', { name: 'Likely causes' })).toBeTruthy();
    expect(within(other).getByText('Written by the gateway: Amazon CloudFront')).toBeTruthy();
  });

  it('should show the retry countdown and send stop, retry now and never-on-site', async () => {
    const spies = actions();
    const retry = scheduledRetry('https://shop.example.com/checkout?token=SECRET-TOKEN#step2');
    render(<PopupView record={pageFailedRecord()} retry={retry} explained={explainAll(pageFailedRecord())} now={NOW} actions={spies} />);
    expect(screen.getByRole('timer').textContent).toBe('Retrying in 3 sec');
    expect(screen.getByText('Attempt 2 of 5')).toBeTruthy();
    // Each button waits for the background's answer before the panel takes another click.
    const click = async (name: string, spy: ReturnType<typeof vi.fn>) => {
      await vi.waitFor(() => expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(false));
      fireEvent.click(screen.getByRole('button', { name }));
      await vi.waitFor(() => expect(spy).toHaveBeenCalledOnce());
    };
    await click('Stop', spies.pause);
    await click('Retry now', spies.retryNow);
    await click('Never retry on this site', spies.neverOnSite);
    expect(spies.neverOnSite).toHaveBeenCalledWith(retry.url);
    await vi.waitFor(() => expect(screen.getByText('Gatewhy will not retry pages on shop.example.com again.')).toBeTruthy());
  });

  it('should offer resume when paused and say why', () => {
    const { dueAt: _, delayReason: __, ...rest } = scheduledRetry('https://shop.example.com/checkout');
    render(
      <PopupView record={pageFailedRecord()} retry={{ ...rest, blocked: 'paused' }} explained={explainAll(pageFailedRecord())} now={NOW} actions={actions()} />,
    );
    expect(screen.getByRole('heading', { name: /Retrying is stopped/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
  });

  it('should copy a Markdown report without query strings unless asked, and download it as JSON', async () => {
    const spies = actions();
    render(<PopupView record={pageFailedRecord()} retry={undefined} explained={explainAll(pageFailedRecord())} now={NOW} version="0.1.0" actions={spies} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await vi.waitFor(() => expect(spies.copy).toHaveBeenCalledOnce());
    const markdown = spies.copy.mock.calls[0]![0] as string;
    expect(markdown).toContain('520 from Cloudflare');
    expect(markdown).not.toContain('SECRET');
    await vi.waitFor(() => expect(screen.getByText('Report copied as Markdown: paste it into a support ticket.').getAttribute('role')).toBe('status'));

    expect(screen.queryByRole('checkbox', { name: /query strings/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    // The report waits for the background's explanations, so the download follows a moment later.
    await vi.waitFor(() => expect(spies.download).toHaveBeenCalledOnce());
    const [fileName, json] = spies.download.mock.calls[0]! as [string, string];
    expect(fileName).toMatch(/^gatewhy-shop\.example\.com-.*\.json$/);
    expect(JSON.parse(json).page.url).toBe('https://shop.example.com/checkout');
    expect(json).not.toContain('SECRET-COOKIE');
  });

  it('should say so when the browser does not start the download', async () => {
    const spies = actions();
    spies.download.mockRejectedValueOnce(new Error('blocked'));
    render(<PopupView record={pageFailedRecord()} retry={undefined} explained={explainAll(pageFailedRecord())} now={NOW} actions={spies} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('The browser did not start the download. Try Copy as Markdown instead.'));
  });

  it('should link to Recent errors and Explain a response', () => {
    const spies = actions();
    render(<PopupView record={undefined} retry={undefined} explained={notYet} now={NOW} actions={spies} />);
    fireEvent.click(screen.getByRole('link', { name: 'Recent errors' }));
    fireEvent.click(screen.getByRole('link', { name: 'Explain a response' }));
    expect(spies.open.mock.calls).toEqual([['recent-errors'], ['explain']]);
  });

  describe('site access', () => {
    const withheld = { kind: 'withheld', allowedSites: [] } as const;

    it('should say Gatewhy cannot see failures instead of "no gateway errors", and ask for access on click', () => {
      const spy = actions();
      render(<PopupView record={undefined} retry={undefined} explained={notYet} now={NOW} access={withheld} actions={spy} />);
      expect(screen.queryByText('No gateway errors on this tab')).toBeNull();
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Gatewhy cannot see failures on sites');
      fireEvent.click(screen.getByRole('button', { name: 'Allow access to all sites' }));
      expect(spy.requestAccess).toHaveBeenCalledTimes(1);
    });

    it('should say a browser page cannot be watched', () => {
      render(
        <PopupView record={undefined} retry={undefined} explained={notYet} now={NOW} access={{ kind: 'never', page: 'browser-page' }} actions={actions()} />,
      );
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Gatewhy cannot watch browser pages like this one');
      expect(screen.queryByText('No gateway errors on this tab')).toBeNull();
    });

    it('should keep what was recorded before access was withdrawn, under the warning', () => {
      const record = pageFailedRecord();
      render(<PopupView record={record} retry={undefined} explained={explainAll(record)} now={NOW} access={withheld} actions={actions()} />);
      const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
      expect(headings[0]).toBe('Gatewhy cannot see failures on sites');
      expect(headings[1]).toMatch(/^520 from Cloudflare: /);
    });

    it('should add nothing with full access', () => {
      render(<PopupView record={undefined} retry={undefined} explained={notYet} now={NOW} access={{ kind: 'full' }} actions={actions()} />);
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('No gateway errors on this tab');
      expect(screen.queryByRole('button', { name: 'Allow access to all sites' })).toBeNull();
    });
  });
});
