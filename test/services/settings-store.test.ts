// Settings in storage.sync under WXT's fake browser: one item per setting, no lost writes, the v1 → v2 migration.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import v1Storage from '../fixtures/settings/v1-storage-sync.json';
import { loadSettings, resetSettings, saveSetting, settingsNoticeItem, updateSetting, watchSettings } from '../../services/settings-store';
import { DEFAULT_SETTINGS } from '../../utils/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the settings store', () => {
  it('should migrate a real version 1 storage once, and leave the old object for older versions', async () => {
    await browser.storage.sync.set(structuredClone(v1Storage));
    const { settings, problems } = await loadSettings();
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ maxAttempts: 7, showBanner: false, neverRetrySites: ['*://*.example.com/*', 'https://status.example.org/*'] });
    const stored = await browser.storage.sync.get(null);
    expect(stored).toMatchObject({ settingsVersion: 2, 'settings.maxAttempts': 7, 'settings.showBanner': false, settings: v1Storage.settings });

    // After the migration, the old object is no longer read: a version 1 browser writing it changes nothing here.
    await browser.storage.sync.set({ settings: { ...v1Storage.settings, maxAttempts: 2 } });
    expect((await loadSettings()).settings.maxAttempts).toBe(7);
  });

  it('should write one setting without touching the others, so two writers keep both changes', async () => {
    // Two contexts (the options page and the background) change different settings at the same moment.
    await Promise.all([saveSetting('maxAttempts', 9), saveSetting('neverRetrySites', ['*://a.example/*']), updateSetting('jitter', () => 0)]);
    const { settings } = await loadSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, maxAttempts: 9, neverRetrySites: ['*://a.example/*'], jitter: 0 });
  });

  it('should keep items another version wrote, through saves and a restore of the defaults', async () => {
    await browser.storage.sync.set({ 'settings.fromTheFuture': { on: true } });
    await saveSetting('autoRetry', false);
    await resetSettings();
    const stored = await browser.storage.sync.get(null);
    expect(stored['settings.fromTheFuture']).toEqual({ on: true });
    expect(stored).not.toHaveProperty('settings.autoRetry');
    expect((await loadSettings()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('should change a setting from its stored value, not a cached copy', async () => {
    await saveSetting('neverRetrySites', ['*://one.example/*']);
    // Written elsewhere after this context last read it.
    await browser.storage.sync.set({ 'settings.neverRetrySites': ['*://one.example/*', '*://two.example/*'] });
    await updateSetting('neverRetrySites', (rules) => [...rules, '*://three.example/*']);
    expect((await loadSettings()).settings.neverRetrySites).toEqual(['*://one.example/*', '*://two.example/*', '*://three.example/*']);
  });

  it('should fall back per setting on corrupt values and say which, in the notice', async () => {
    await browser.storage.sync.set({ settingsVersion: 2, 'settings.maxAttempts': 'lots', 'settings.jitter': 0.1 });
    const { settings, invalid } = await loadSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, jitter: 0.1 });
    expect(invalid).toEqual(['maxAttempts']);
    expect(await settingsNoticeItem.getValue()).toEqual(['"Attempts before giving up": stored value was invalid (enter a number); the default is used.']);
  });

  it('should tell watchers about a change to any setting, read fresh', async () => {
    await loadSettings();
    const seen: number[] = [];
    const stop = watchSettings(({ settings }) => seen.push(settings.maxAttempts));
    await saveSetting('maxAttempts', 4);
    await expect.poll(() => seen).toEqual([4]);
    stop();
    await saveSetting('maxAttempts', 5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([4]);
  });
});
