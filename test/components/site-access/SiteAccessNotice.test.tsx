// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteAccessNotice } from '../../../components/site-access/SiteAccessNotice';

afterEach(cleanup);

describe('SiteAccessNotice', () => {
  it('should say plainly that Gatewhy is blind with access withheld, and ask for access from the click', () => {
    const onRequestAccess = vi.fn();
    render(<SiteAccessNotice access={{ kind: 'withheld', allowedSites: [] }} browser="chrome" about="browser" onRequestAccess={onRequestAccess} />);
    expect(screen.getByRole('heading').textContent).toBe('Gatewhy cannot see failures on sites');
    expect(screen.getByRole('region').textContent).toContain('“On click”');
    fireEvent.click(screen.getByRole('button', { name: 'Allow access to all sites' }));
    expect(onRequestAccess).toHaveBeenCalledTimes(1);
  });

  it("should explain Firefox's own reason", () => {
    render(<SiteAccessNotice access={{ kind: 'withheld', allowedSites: [] }} browser="firefox" about="tab" onRequestAccess={() => {}} />);
    expect(screen.getByRole('region').textContent).toContain('Firefox has not given it access to websites');
    expect(screen.getByRole('region').textContent).toContain('about:addons');
  });

  it('should name the chosen sites, and say in a tab that this one is not among them', () => {
    const access = { kind: 'withheld', allowedSites: ['http://127.0.0.1/*'] } as const;
    const { unmount } = render(<SiteAccessNotice access={access} browser="chrome" about="tab" onRequestAccess={() => {}} />);
    expect(screen.getByRole('heading').textContent).toBe('Gatewhy cannot see failures on this site');
    expect(screen.getByRole('region').textContent).toContain('“On specific sites”: http://127.0.0.1/*');
    unmount();
    render(<SiteAccessNotice access={access} browser="chrome" about="browser" onRequestAccess={() => {}} />);
    expect(screen.getByRole('heading').textContent).toBe('Gatewhy sees only the sites you chose');
  });

  it('should say a browser page cannot be watched, with no button to press', () => {
    render(<SiteAccessNotice access={{ kind: 'never', page: 'browser-page' }} browser="chrome" about="tab" onRequestAccess={() => {}} />);
    expect(screen.getByRole('heading').textContent).toBe('Gatewhy cannot watch browser pages like this one');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('should show nothing in a tab with full access, and say so on the welcome page', () => {
    const { container } = render(<SiteAccessNotice access={{ kind: 'full' }} browser="chrome" about="tab" onRequestAccess={() => {}} />);
    expect(container.textContent).toBe('');
    cleanup();
    render(<SiteAccessNotice access={{ kind: 'full' }} browser="chrome" about="browser" onRequestAccess={() => {}} />);
    expect(screen.getByRole('heading').textContent).toBe('Gatewhy can see every site');
  });
});
