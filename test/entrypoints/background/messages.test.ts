// The background's messages: who may speak for which tab, and what each answer says.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createMessageHandler, tabFor, type Sender } from '../../../entrypoints/background/messages';
import { createTabRunner } from '../../../entrypoints/background/tab-runner';
import { loadSettings } from '../../../services/settings-store';
import { responseEvent } from '../../../utils/tab-events';

const ORIGIN = 'chrome-extension://gatewhy-id/';
const popup: Sender = { id: 'gatewhy-id', url: `${ORIGIN}popup.html` };
/** Tab 9 is in a private window. */
const PRIVATE_TAB = 9;
const bannerIn = (tabId: number, url = `https://shop${tabId}.example.com/`): Sender => ({ id: 'gatewhy-id', url, tab: { id: tabId } });

let reloads: number[];

beforeEach(() => {
  fakeBrowser.reset();
  reloads = [];
  Object.assign(browser.action, { setIcon: vi.fn(async () => {}) });
  Object.assign(browser, { scripting: { executeScript: vi.fn(async () => []) }, permissions: { contains: vi.fn(async () => false) } });
  Object.assign(browser.tabs, {
    get: vi.fn(async (tabId: number) => ({ id: tabId, url: `https://shop${tabId}.example.com/`, status: 'loading', incognito: tabId === PRIVATE_TAB })),
    reload: vi.fn(async (tabId: number) => void reloads.push(tabId)),
    sendMessage: vi.fn(async () => {}),
  });
  Object.assign(browser.alarms, { create: vi.fn(async () => {}), clear: vi.fn(async () => true) });
});

async function withFailingTabs(...tabIds: number[]) {
  const runner = createTabRunner({ browserTraits: { reloadsNetworkErrors: false } });
  for (const tabId of tabIds) {
    const addressed = responseEvent({
      tabId,
      requestId: '1',
      type: 'main_frame',
      method: 'GET',
      url: `https://shop${tabId}.example.com/`,
      statusCode: 502,
      responseHeaders: [{ name: 'Server', value: 'nginx' }],
    });
    await runner.dispatch(addressed!.tabId, addressed!.event);
  }
  return { runner, onMessage: createMessageHandler(runner, ORIGIN) };
}

describe('tabFor', () => {
  it('lets a content script speak for its own tab only', () => {
    expect(tabFor({}, bannerIn(4), ORIGIN)).toEqual({ tabId: 4 });
    expect(tabFor({ tabId: 4 }, bannerIn(4), ORIGIN)).toEqual({ tabId: 4 });
    expect(tabFor({ tabId: 5 }, bannerIn(4), ORIGIN)).toEqual({ error: 'A page may only act for its own tab' });
    // A page pretending to be an extension page by its path is still a page.
    expect(tabFor({ tabId: 5 }, bannerIn(4, `https://evil.example/${ORIGIN}`), ORIGIN).error).toBeDefined();
  });

  it('lets the extension’s own pages name a tab', () => {
    expect(tabFor({ tabId: 5 }, popup, ORIGIN)).toEqual({ tabId: 5 });
    expect(tabFor({ tabId: 5 }, { ...popup, tab: { id: 9 } }, ORIGIN)).toEqual({ tabId: 5 });
    expect(tabFor({}, popup, ORIGIN)).toEqual({ tabId: undefined });
  });
});

describe('the message handler', () => {
  it('gives the banner its own tab’s state, and refuses another tab’s', async () => {
    const { onMessage } = await withFailingTabs(4, 5);
    const own = (await onMessage({ type: 'retry-state' }, bannerIn(4))) as { retry: { url: string }; visible: boolean; why: string };
    expect(own).toMatchObject({ retry: { url: 'https://shop4.example.com/', attempt: 0 }, visible: true });
    expect(own.why).toContain('exponential backoff');
    expect(await onMessage({ type: 'retry-state', tabId: 5 }, bannerIn(4))).toBeNull();
    expect(await onMessage({ type: 'explanations', tabId: 5 }, bannerIn(4))).toEqual({ ok: false, error: 'A page may only act for its own tab' });
    expect(await onMessage({ type: 'retry-now', tabId: 5 }, bannerIn(4))).toEqual({ ok: false, error: 'A page may only act for its own tab' });
    expect(reloads).toEqual([]);
  });

  it('lets the popup act for the tab it names', async () => {
    const { runner, onMessage } = await withFailingTabs(5);
    expect(await onMessage({ type: 'retry-pause', tabId: 5 }, popup)).toEqual({ ok: true });
    expect((await runner.stateOf(5))?.retry).toMatchObject({ blocked: 'paused' });
    expect(await onMessage({ type: 'retry-now', tabId: 5 }, popup)).toEqual({ ok: true });
    expect(reloads).toEqual([5]);
    const explained = (await onMessage({ type: 'explanations', tabId: 5 }, popup)) as Record<string, { gateway: { id: string } }>;
    expect(explained['1']?.gateway.id).toBe('nginx');
  });

  it('adds a "never retry" rule for the banner’s own page, whatever address it names', async () => {
    const { runner, onMessage } = await withFailingTabs(4);
    expect(await onMessage({ type: 'never-on-site', url: 'https://victim.example/' }, bannerIn(4))).toEqual({ ok: true, pattern: '*://shop4.example.com/*' });
    expect((await loadSettings()).settings.neverRetrySites).toEqual(['*://shop4.example.com/*']);
    expect((await runner.stateOf(4))?.retry).toMatchObject({ blocked: 'never-site' });
    expect(await onMessage({ type: 'never-on-site', url: 'javascript:alert(1)' }, popup)).toEqual({
      ok: false,
      error: 'Only http and https sites can have rules',
    });
  });

  it('adds no rule from a private window’s tab (settings are on disk), and stops its retrying instead', async () => {
    const { runner, onMessage } = await withFailingTabs(PRIVATE_TAB);
    const answer = (await onMessage({ type: 'never-on-site' }, bannerIn(PRIVATE_TAB))) as { ok: boolean; error: string };
    expect(answer).toMatchObject({ ok: false });
    expect(answer.error).toContain('private window');
    expect((await loadSettings()).settings.neverRetrySites).toEqual([]);
    expect(await browser.storage.sync.get(null)).not.toHaveProperty('settings.neverRetrySites');
    expect((await runner.stateOf(PRIVATE_TAB))?.retry).toMatchObject({ blocked: 'paused' });
  });

  it.each([undefined, null, 'text', 42, {}, { type: 7 }])('ignores %j, which is not a Gatewhy message', async (message) => {
    const { onMessage } = await withFailingTabs();
    expect(onMessage(message, popup)).toBeUndefined();
  });

  it('answers an unknown message and a message without a tab with what went wrong', async () => {
    const { onMessage } = await withFailingTabs();
    expect(await onMessage({ type: 'unknown' }, popup)).toEqual({ ok: false, error: 'unknown message' });
    expect(await onMessage({ type: 'retry-now' }, popup)).toEqual({ ok: false, error: 'no tab' });
  });
});
