// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { EXAMPLE_RESPONSE } from '../../../components/welcome/ExampleExplanation';
import { WelcomePage } from '../../../components/welcome/WelcomePage';

afterEach(cleanup);

const full = { checked: true, access: { kind: 'full' } } as const;

describe('WelcomePage', () => {
  it('should explain the bundled capture with the engine, the same headline the popup shows for it', () => {
    render(<WelcomePage site={full} browser="chrome" onRequestAccess={() => {}} />);
    const example = within(screen.getByRole('region', { name: 'What an explanation looks like' }));
    expect(
      example.getByRole('heading', {
        level: 3,
        name: /^502 from nginx: (probably |cannot tell the cause from this response \(likeliest: )?the gateway could not connect to the origin server\)?$/,
      }),
    ).toBeTruthy();
    expect(example.getByText('Written by the gateway: nginx')).toBeTruthy();
  });

  it('should bundle the captured fixture itself, not a copy', () => {
    const file = readFileSync('test/fixtures/responses/nginx/refused.http', 'utf8');
    expect(file.endsWith(EXAMPLE_RESPONSE)).toBe(true);
    expect(EXAMPLE_RESPONSE.startsWith('HTTP/1.1 502 Bad Gateway')).toBe(true);
  });

  it('should warn and offer the button while site access is withheld', () => {
    const onRequestAccess = vi.fn();
    render(<WelcomePage site={{ checked: true, access: { kind: 'withheld', allowedSites: [] } }} browser="firefox" onRequestAccess={onRequestAccess} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Gatewhy cannot see failures on sites' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Allow access to all sites' }));
    expect(onRequestAccess).toHaveBeenCalledTimes(1);
  });

  it('should link to the settings and name their sections', () => {
    const onOpenSettings = vi.fn();
    render(<WelcomePage site={full} browser="chrome" onRequestAccess={() => {}} onOpenSettings={onOpenSettings} />);
    const where = screen.getByRole('region', { name: 'Where to find it' });
    expect(where.textContent).toContain('Settings: Automatic retry, Timing, Per-site rules, On the page, Recent errors.');
    fireEvent.click(within(where).getByRole('link', { name: 'Open the settings' }));
    expect(onOpenSettings).toHaveBeenCalledTimes(1);
  });

  it('should say nothing about access while it is read, and nothing wrong when it cannot be read', () => {
    render(<WelcomePage site={{ checked: false }} browser="chrome" onRequestAccess={() => {}} />);
    expect(screen.getByText('Checking what Gatewhy may see…')).toBeTruthy();
    cleanup();
    render(<WelcomePage site={{ checked: true }} browser="chrome" onRequestAccess={() => {}} />);
    expect(screen.queryByText('Checking what Gatewhy may see…')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Allow access to all sites' })).toBeNull();
  });
});
