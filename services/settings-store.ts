// Settings in storage.sync, checked on every read: corrupt values fall back to defaults with a notice.
import { storage } from '@wxt-dev/storage';
import { checkSettings, DEFAULT_SETTINGS, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type CheckedSettings, type Settings } from '../utils/settings';

export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/** Problems found in stored settings, kept until the options page has shown them. */
export const settingsNoticeItem = storage.defineItem<string[]>('local:settingsNotice', { fallback: [] });

export async function loadSettings(): Promise<CheckedSettings> {
  let stored: unknown;
  try {
    stored = await settingsItem.getValue();
  } catch (error) {
    // A failed migration or unreadable storage: defaults, and say so.
    stored = undefined;
    return record({ settings: DEFAULT_SETTINGS, problems: [`Stored settings could not be read (${(error as Error).message}); defaults are used.`] });
  }
  return record(checkSettings(stored));
}

async function record(checked: CheckedSettings): Promise<CheckedSettings> {
  if (checked.problems.length > 0) await settingsNoticeItem.setValue(checked.problems);
  return checked;
}

/** Saves settings that passed validation on the options page. */
export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settings);
  await settingsNoticeItem.setValue([]);
}

export function watchSettings(listener: (checked: CheckedSettings) => void): () => void {
  return settingsItem.watch((value) => listener(checkSettings(value)));
}

let current: Promise<CheckedSettings> | undefined;

/**
 * Settings for the background: read once, then kept current by storage change events, so a burst of failures
 * costs no storage reads.
 */
export function currentSettings(): Promise<CheckedSettings> {
  if (!current) {
    current = loadSettings();
    watchSettings((checked) => {
      current = Promise.resolve(checked);
    });
  }
  return current;
}
