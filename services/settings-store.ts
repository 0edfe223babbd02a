// Settings in storage.sync, one item per setting, checked on every read: corrupt values fall back to their defaults.
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import {
  checkSettings,
  LEGACY_SETTINGS_KEY,
  migrateV1ToV2,
  SETTING_ITEM_PREFIX,
  SETTING_KEYS,
  settingItemKey,
  SETTINGS_VERSION,
  SETTINGS_VERSION_KEY,
  valuesFromItems,
  type CheckedSettings,
  type SettingKey,
  type Settings,
} from '../utils/settings';
import { say } from '../utils/wording';

/** One storage item per setting (utils/settings.ts says why). Values are unknown until checked. */
const settingItems = Object.fromEntries(SETTING_KEYS.map((key) => [key, storage.defineItem<unknown>(`sync:${settingItemKey(key)}`)]));
const itemOf = (key: SettingKey) => settingItems[key]!;
const versionItem = storage.defineItem<number>(`sync:${SETTINGS_VERSION_KEY}`);

/** Problems found in stored settings, kept until the options page has shown them. */
export const settingsNoticeItem = storage.defineItem<string[]>('local:settingsNotice', { fallback: [] });

let migration: Promise<void> | undefined;

/** Moves a version 1 `settings` object into one item per setting, once. The old object stays for older versions. */
function migrate(): Promise<void> {
  migration ??= (async () => {
    const version = await versionItem.getValue();
    if (typeof version === 'number' && version >= SETTINGS_VERSION) return;
    const all = await browser.storage.sync.get(null);
    const items = migrateV1ToV2(all[LEGACY_SETTINGS_KEY], all);
    await browser.storage.sync.set({ ...items, [SETTINGS_VERSION_KEY]: SETTINGS_VERSION });
  })().catch((error: unknown) => {
    migration = undefined;
    throw error;
  });
  return migration;
}

/** The stored values by setting key, unchecked (after migrating a version 1 object). */
async function loadStoredValues(): Promise<Record<string, unknown>> {
  await migrate();
  const values = await storage.getItems(SETTING_KEYS.map(itemOf));
  return valuesFromItems(Object.fromEntries(values.map(({ key, value }) => [key.replace(/^sync:/, ''), value])));
}

/** The settings as stored now, read fresh. Problems go to the notice the options page shows. */
export async function loadSettings(): Promise<CheckedSettings> {
  let checked: CheckedSettings;
  try {
    checked = checkSettings(await loadStoredValues());
  } catch (error) {
    // Unreadable storage: defaults, and say so.
    checked = {
      ...checkSettings({}),
      problems: [say('settings.error.unreadable', { error: error instanceof Error ? error.message : String(error) })],
    };
  }
  if (checked.problems.length > 0) await settingsNoticeItem.setValue(checked.problems).catch(() => {});
  return checked;
}

/** Stores the given settings, each in its own item: settings not named are not touched. */
export async function saveSettings(changes: Partial<Settings>): Promise<void> {
  const entries = SETTING_KEYS.filter((key) => changes[key] !== undefined).map((key) => ({ item: itemOf(key), value: changes[key] }));
  if (entries.length > 0) await storage.setItems(entries);
}

/** Stores one setting in its own item. */
export async function saveSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
  await itemOf(key).setValue(value);
}

/** Changes one setting from its value as stored now (not a cached copy), so a change made elsewhere is not lost. */
export async function updateSetting<K extends SettingKey>(key: K, change: (value: Settings[K]) => Settings[K]): Promise<Settings[K]> {
  const stored = await itemOf(key).getValue();
  const { settings } = checkSettings({ [key]: stored });
  const next = change(settings[key]);
  await itemOf(key).setValue(next);
  return next;
}

/** Removes the stored values of these settings, so their defaults apply; other items stay as they are. */
export async function resetSettings(keys: readonly SettingKey[] = SETTING_KEYS): Promise<void> {
  if (keys.length > 0) await storage.removeItems(keys.map(itemOf));
}

/**
 * Calls `listener` with the settings whenever any of them changes, here or on another synced device. The first call
 * reads them all; after that each change is applied from the change event itself, with no read, so it takes effect
 * at once.
 */
export function watchSettings(listener: (checked: CheckedSettings) => void): () => void {
  // Undefined until the first read is done; changes heard before it wait in `early`.
  let values: Record<string, unknown> | undefined;
  let early: Record<string, unknown> = {};
  const report = () => {
    try {
      listener(checkSettings(values ?? early));
    } catch (error) {
      console.warn('Gatewhy settings watcher:', error);
    }
  };
  const reading = loadStoredValues().then(
    (read) => void (values = { ...read, ...early }),
    () => void (values = { ...early }),
  );
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const ours = Object.entries(changes).filter(([key]) => key.startsWith(SETTING_ITEM_PREFIX));
    if (area !== 'sync' || ours.length === 0) return;
    const changed = valuesFromItems(Object.fromEntries(ours.map(([key, change]) => [key, change.newValue])));
    if (values) {
      values = { ...values, ...changed };
      report();
    } else {
      early = { ...early, ...changed };
      void reading.then(report);
    }
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
