// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { Diagnostics } from '../../../components/options/Diagnostics';
import { recordProblem } from '../../../services/diagnostics-store';
import { problemMessage } from '../../../utils/diagnostics';

let copied: string[];

beforeEach(() => {
  fakeBrowser.reset();
  copied = [];
  vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
});
afterEach(cleanup);

describe('Diagnostics', () => {
  it('says there were no problems, and how much of the budget Gatewhy uses', async () => {
    await browser.storage.session.set({ 'tab:3': { tabId: 3, failures: [{ requestId: '1' }], timeline: [] } });
    render(<Diagnostics announce={() => {}} />);
    await vi.waitFor(() => expect(screen.getByText(/No problems in the background/)).toBeTruthy());
    await vi.waitFor(() =>
      expect(document.querySelector('[data-diagnostic="storage"]')?.textContent).toMatch(/^Gatewhy keeps \d+ byte .* of its 2 MB budget, for 1 tab\./),
    );
  });

  it('lists the background’s problems, newest first with their count, and copies them in the debug info', async () => {
    await recordProblem('effect store', problemMessage(new Error('Session storage quota bytes exceeded')), Date.UTC(2026, 11, 2, 6));
    await recordProblem('effect badge', problemMessage(new Error('fetch https://a.example/?token=s3cret')), Date.UTC(2026, 11, 2, 7));
    await recordProblem('effect store', problemMessage(new Error('Session storage quota bytes exceeded')), Date.UTC(2026, 11, 2, 8));
    const announced: string[] = [];
    render(<Diagnostics announce={(message) => announced.push(message)} />);
    const list = await vi.waitFor(() => screen.getByRole('list', { name: 'Recent problems in the background' }));
    const items = [...list.querySelectorAll('li')].map((item) => item.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/effect store: Error: Session storage quota bytes exceeded \(2 times\)$/);
    expect(items[1]).toMatch(/effect badge: Error: fetch https:\/\/a\.example\/$/);

    fireEvent.click(screen.getByRole('button', { name: 'Copy debug info' }));
    await vi.waitFor(() => expect(announced).toEqual(['Debug info copied.']));
    const info = JSON.parse(copied[0]!);
    expect(info.problems.map((problem: { where: string }) => problem.where)).toEqual(['effect badge', 'effect store']);
    expect(info.settings).toMatchObject({ maxAttempts: expect.any(Number) });
    expect(copied[0]).not.toContain('s3cret');
  });
});
