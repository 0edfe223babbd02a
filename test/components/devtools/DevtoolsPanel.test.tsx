// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DevtoolsPanel, type DevtoolsPanelProps } from '../../../components/devtools/DevtoolsPanel';
import { addRequest, emptyLog, NO_FILTERS, type PanelLog } from '../../../utils/devtools/panel-log';
import { CLOUDFRONT_503, ENVOY_503, inspected, NGINX_504, PAGE_URL, T0 } from '../../support/inspected';

afterEach(cleanup);

const orders = inspected(ENVOY_503, {
  url: 'https://shop.example.com/api/orders?token=SECRET-QUERY',
  time: T0,
  extraHeaders: [['Set-Cookie', 'sid=SECRET-COOKIE']],
});
const slow = inspected(NGINX_504, { url: 'https://shop.example.com/api/slow', time: T0 + 1000, body: false });
const widget = inspected(CLOUDFRONT_503, { url: 'https://widgets.example.net/embed.json', time: T0 + 2000 });
const logOf = (...requests: (typeof orders)[]): PanelLog => requests.reduce(addRequest, emptyLog(PAGE_URL));

function props(
  overrides: Partial<DevtoolsPanelProps> = {},
): DevtoolsPanelProps & { actions: { copy: ReturnType<typeof vi.fn>; download: ReturnType<typeof vi.fn> } } {
  return {
    log: logOf(orders, slow, widget),
    filters: NO_FILTERS,
    onFilters: vi.fn(),
    preserveLog: false,
    onPreserveLog: vi.fn(),
    onClear: vi.fn(),
    selected: undefined,
    onSelect: vi.fn(),
    now: T0 + 5000,
    tabId: 4,
    version: '0.1.0',
    actions: { copy: vi.fn(async () => true), download: vi.fn(async () => {}) },
    ...overrides,
  } as never;
}

const list = () => within(screen.getByRole('list', { name: 'Failed requests' }));

describe('DevtoolsPanel', () => {
  it('should say what it lists when nothing failed', () => {
    render(<DevtoolsPanel {...props({ log: emptyLog(PAGE_URL) })} />);
    expect(screen.getByRole('heading', { name: 'No failed requests on this tab' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Export failures as HAR' })).toBeNull();
  });

  it("should list every failure newest first with the engine's headline, and detail the newest", () => {
    render(<DevtoolsPanel {...props()} />);
    const rows = list().getAllByRole('button');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('GET /embed.json'),
      expect.stringContaining('GET /api/slow'),
      expect.stringContaining('GET /api/orders'),
    ]);
    expect(rows[2]!.textContent).toContain('503 from Envoy: probably the gateway could not connect to the origin server');
    expect(rows[0]!.getAttribute('aria-current')).toBe('true');
    expect(within(screen.getByRole('article', { name: 'Selected request' })).getByText('GET https://widgets.example.net/embed.json')).toBeTruthy();
  });

  it("should show the selected request's full evidence: who wrote it, causes, headers and the body", () => {
    render(<DevtoolsPanel {...props({ selected: orders.key })} />);
    const detail = within(screen.getByRole('article', { name: 'Selected request' }));
    expect(detail.getByRole('heading', { level: 3, name: /^503 from Envoy/ })).toBeTruthy();
    expect(detail.getByText('Written by the gateway: Envoy')).toBeTruthy();
    expect(detail.getAllByRole('listitem').find((item) => item.classList.contains('cause'))!.textContent).toMatch(/^Origin unreachable/);
    expect(detail.getByRole('group', { name: 'Gateway and route' })).toBeTruthy();
    const body = within(screen.getByRole('region', { name: 'Response body' }));
    expect(body.getByText('upstream connect error or disconnect/reset before headers. reset reason: connection failure')).toBeTruthy();
    expect(detail.getByText('GET https://shop.example.com/api/orders')).toBeTruthy();
    expect(document.body.textContent).not.toContain('SECRET-COOKIE');
  });

  it('should say when DevTools gave no body', () => {
    render(<DevtoolsPanel {...props({ log: logOf({ ...slow, bodyState: 'unavailable' }) })} />);
    expect(screen.getByText(/DevTools did not give this response's body/)).toBeTruthy();
  });

  it('should select a request on click', () => {
    const onSelect = vi.fn();
    render(<DevtoolsPanel {...props({ onSelect })} />);
    fireEvent.click(list().getAllByRole('button')[2]!);
    expect(onSelect).toHaveBeenCalledWith(orders.key);
  });

  it('should apply the filters it is given, and report changes to them', () => {
    const onFilters = vi.fn();
    render(<DevtoolsPanel {...props({ filters: { ...NO_FILTERS, party: 'third' }, onFilters })} />);
    expect(list().getAllByRole('button').length).toBe(1);
    expect(screen.getByRole('heading', { name: /Failed requests\s+1 of 3/ })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '504' } });
    expect(onFilters).toHaveBeenCalledWith({ status: 504, host: 'all', party: 'third' });
    fireEvent.change(screen.getByLabelText('Host'), { target: { value: 'widgets.example.net' } });
    expect(onFilters).toHaveBeenCalledWith({ status: 'all', host: 'widgets.example.net', party: 'third' });
  });

  it('should offer "Preserve log" and "Clear"', () => {
    const onPreserveLog = vi.fn();
    const onClear = vi.fn();
    render(<DevtoolsPanel {...props({ onPreserveLog, onClear })} />);
    fireEvent.click(screen.getByLabelText('Preserve log'));
    expect(onPreserveLog).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onClear).toHaveBeenCalled();
  });

  it('should copy a Markdown report of the listed requests, without secrets or query strings', async () => {
    const all = props();
    render(<DevtoolsPanel {...all} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await vi.waitFor(() => expect(all.actions.copy).toHaveBeenCalled());
    const markdown = all.actions.copy.mock.calls[0]![0] as string;
    expect(markdown).toContain('### Failed requests inside the page (3)');
    expect(markdown).toContain('**For support**');
    expect(markdown).not.toContain('SECRET');
    await screen.findByText('Report copied as Markdown: paste it into a support ticket.');
  });

  it('should export the listed failures as a sanitised HAR with their bodies', async () => {
    const all = props();
    render(<DevtoolsPanel {...all} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export failures as HAR' }));
    await vi.waitFor(() => expect(all.actions.download).toHaveBeenCalled());
    const [fileName, text] = all.actions.download.mock.calls[0]! as [string, string];
    expect(fileName).toMatch(/^gatewhy-failures-.+\.har$/);
    const har = JSON.parse(text) as { log: { entries: { request: { url: string }; response: { content: { text?: string } } }[] } };
    expect(har.log.entries.map(({ request }) => request.url)).toEqual([
      'https://shop.example.com/api/orders',
      'https://shop.example.com/api/slow',
      'https://widgets.example.net/embed.json',
    ]);
    expect(har.log.entries[0]!.response.content.text).toContain('reset reason: connection failure');
    expect(text).not.toContain('SECRET');
    await screen.findByText(/Saved gatewhy-failures-.+\.har: 3 failed requests, without cookies or credentials\./);
  });

  it('should copy the report as JSON too', async () => {
    const all = props();
    render(<DevtoolsPanel {...all} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as JSON' }));
    await vi.waitFor(() => expect(all.actions.copy).toHaveBeenCalled());
    expect(JSON.parse(all.actions.copy.mock.calls[0]![0] as string).requests.length).toBe(3);
  });
});
