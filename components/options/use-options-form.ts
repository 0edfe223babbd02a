// The options page's state: what each control holds and its message, saving one valid field at a time.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { serialized } from '../../services/serial';
import { loadSettings, resetSettings, saveSetting, settingsNoticeItem, watchSettings } from '../../services/settings-store';
import { readControl, toControl, toControls, type ControlValue } from '../../utils/options-form';
import { DEFAULT_SETTINGS, FIELDS, type Field, type SettingKey, type Settings } from '../../utils/settings';
// `say` here is the page's live region; the words come from sayWords.
import { currentLocale, say as sayWords, type MessageKey } from '../../utils/wording';

type Key = Field['key'];

/**
 * Options that need a permission while they are on (from the schema); it is asked for when the user turns one on.
 * `what` is a message key, said when needed: at import time the page does not speak the browser's language yet.
 */
const FIELD_PERMISSIONS: Partial<Record<Key, { permissions: Browser.runtime.ManifestPermission[]; what: MessageKey }>> = Object.fromEntries(
  FIELDS.flatMap((field) => (field.permission ? [[field.key, { permissions: [field.permission.name], what: field.permission.purpose }]] : [])),
);

export interface Status {
  message: string;
  tone: 'info' | 'error';
}

export interface OptionsForm {
  loaded: boolean;
  controls: Record<Key, ControlValue>;
  /** Why a value was not saved; shown beside the field, which is then aria-invalid. */
  errors: Partial<Record<Key, string>>;
  /** Other messages beside a field, such as a refused permission. */
  notes: Partial<Record<Key, string>>;
  /** The field saved last, marked for a moment. */
  justSaved?: Key;
  /** Problems found in stored settings, until dismissed. */
  problems: string[];
  /** What the page's live region says. */
  status?: Status;
  input(field: Field, control: ControlValue): void;
  commit(field: Field, control: ControlValue): void;
  dismissProblems(): Promise<void>;
  restoreDefaults(): Promise<void>;
  say(message: string, tone?: Status['tone']): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const without = <T extends object>(record: T, key: keyof T): T => {
  const copy = { ...record };
  delete copy[key];
  return copy;
};

export function useOptionsForm(): OptionsForm {
  const [loaded, setLoaded] = useState(false);
  const [controls, setControls] = useState(() => toControls(DEFAULT_SETTINGS));
  const [errors, setErrors] = useState<OptionsForm['errors']>({});
  const [notes, setNotes] = useState<OptionsForm['notes']>({});
  const [justSaved, setJustSaved] = useState<Key>();
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<Status>();
  // What storage holds (or is about to): fields changed elsewhere are updated only where the user is not editing.
  const saved = useRef<Settings>(DEFAULT_SETTINGS);
  // Settings whose stored value was invalid: dismissing the notice stores their defaults.
  const invalidKeys = useRef<SettingKey[]>([]);
  const pendingSaves = useRef(0);
  const timers = useRef<{ status?: ReturnType<typeof setTimeout>; mark?: ReturnType<typeof setTimeout> }>({});
  const flip = useRef(false);

  const say = (message: string, tone: Status['tone'] = 'info') => {
    // A screen reader announces a live region only when its text changes, so repeating "Saved" alternates a trailing space.
    flip.current = !flip.current;
    setStatus({ message: flip.current ? message : `${message}\u00a0`, tone });
    clearTimeout(timers.current.status);
    timers.current.status = setTimeout(() => setStatus(undefined), tone === 'info' ? 4000 : 8000);
  };

  /** Runs one storage write, saying how it went; a failed write leaves storage (and `saved`) as they were. */
  const persist = async (write: () => Promise<void>, done: string, key?: Key, next?: Settings) => {
    const previous = saved.current;
    if (next) saved.current = next;
    pendingSaves.current++;
    try {
      await serialized('options:settings', write);
      say(done);
      if (key) {
        setJustSaved(key);
        clearTimeout(timers.current.mark);
        timers.current.mark = setTimeout(() => setJustSaved(undefined), 2500);
      }
    } catch (error) {
      // Storage still holds the previous value (a sync quota, say): the field says so, and committing it again retries.
      if (next && saved.current === next) saved.current = previous;
      const message = (error as Error).message;
      // storage.sync holds at most 8 KB per item: https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
      const why = /quota/i.test(message) ? sayWords('options.status.tooLong') : sayWords('options.status.couldNotSave', { error: message });
      if (key) setErrors((current) => ({ ...current, [key]: why }));
      say(why, 'error');
    } finally {
      pendingSaves.current--;
    }
  };

  const commitValid = (field: Field, control: ControlValue) => {
    const result = readControl(field, control);
    if (result.error !== undefined) {
      setErrors((current) => ({ ...current, [field.key]: result.error }));
      // The field's own message goes mid-sentence: in English, with a small first letter.
      const error = currentLocale().startsWith('en') ? `${result.error.charAt(0).toLowerCase()}${result.error.slice(1)}` : result.error;
      say(sayWords('options.status.notSaved', { field: sayWords(field.label), error }), 'error');
      return;
    }
    const next = { ...saved.current, [field.key]: result.value };
    setErrors((current) => without(current, field.key));
    // Show the value as it was understood: "503,502" reads back "502, 503".
    setControls((current) => ({ ...current, [field.key]: toControl(field, next) }));
    const value = result.value;
    if (!same(saved.current[field.key], value))
      void persist(() => saveSetting(field.key, value), sayWords('options.status.saved', { field: sayWords(field.label) }), field.key, next);
  };

  const setControl = (key: Key, control: ControlValue) => setControls((current) => ({ ...current, [key]: control }));
  const setNote = (key: Key, note?: string) => setNotes((current) => (note ? { ...current, [key]: note } : without(current, key)));

  const commit = (field: Field, control: ControlValue) => {
    const needs = FIELD_PERMISSIONS[field.key];
    if (!needs) return commitValid(field, control);
    if (control !== true) {
      setNote(field.key);
      commitValid(field, control);
      // Nothing uses the permission while the option is off; give it back.
      void browser.permissions.remove({ permissions: needs.permissions }).catch(() => {});
      return;
    }
    setControl(field.key, true);
    setNote(field.key, sayWords('options.status.waiting'));
    // No await before this call: browsers show the prompt only while handling the user's click.
    browser.permissions.request({ permissions: needs.permissions }).then(
      (granted) => {
        if (granted) {
          setNote(field.key);
          commitValid(field, true);
        } else refuse(field, sayWords('options.status.permissionRefused', { what: sayWords(needs.what) }));
      },
      (error: Error) => refuse(field, sayWords('options.status.permissionFailed', { what: sayWords(needs.what), error: error.message })),
    );
  };

  const refuse = (field: Field, why: string) => {
    setControl(field.key, false);
    setNote(field.key, why);
    say(why, 'error');
  };

  const input = (field: Field, control: ControlValue) => {
    setControl(field.key, control);
    // Errors appear when a value is committed, and go as soon as it is fixed.
    if (errors[field.key] && readControl(field, control).error === undefined) setErrors((current) => without(current, field.key));
  };

  const dismissProblems = async () => {
    setProblems([]);
    // The invalid values go, so their defaults (which the page shows) apply and the same problems are not found again.
    const keys = invalidKeys.current;
    invalidKeys.current = [];
    await persist(async () => {
      await resetSettings(keys);
      await settingsNoticeItem.setValue([]);
    }, sayWords('options.status.noticeDismissed'));
  };

  const restoreDefaults = async () => {
    setControls(toControls(DEFAULT_SETTINGS));
    setErrors({});
    setNotes({});
    setProblems([]);
    // Only Gatewhy's own settings go; items another version wrote stay.
    await persist(() => resetSettings(), sayWords('options.status.defaultsRestored'), undefined, DEFAULT_SETTINGS);
    for (const [key, needs] of Object.entries(FIELD_PERMISSIONS)) {
      if (needs && DEFAULT_SETTINGS[key as Key] !== true) void browser.permissions.remove({ permissions: needs.permissions }).catch(() => {});
    }
  };

  useEffect(() => {
    let active = true;
    void (async () => {
      const checked = await loadSettings();
      // loadSettings records its own problems there; older ones (an unreadable read in the background) stay until dismissed.
      const notice = await settingsNoticeItem.getValue().catch(() => checked.problems);
      if (!active) return;
      saved.current = checked.settings;
      invalidKeys.current = checked.invalid;
      setControls(toControls(checked.settings));
      setProblems(Array.isArray(notice) ? [...new Set(notice.map(String))] : checked.problems);
      setLoaded(true);
      for (const [key, needs] of Object.entries(FIELD_PERMISSIONS)) {
        if (!needs || checked.settings[key as Key] !== true) continue;
        const has = await browser.permissions.contains({ permissions: needs.permissions }).catch(() => true);
        if (!has && active) setNote(key as Key, sayWords('options.status.permissionLost', { what: sayWords(needs.what) }));
      }
    })();
    // Changes made elsewhere (another window, another synced device) show up in fields the user is not editing.
    const stop = watchSettings(({ settings }) => {
      if (pendingSaves.current > 0) return;
      const before = saved.current;
      saved.current = settings;
      setControls((current) => {
        const next = { ...current };
        for (const field of FIELDS) if (same(current[field.key], toControl(field, before))) next[field.key] = toControl(field, settings);
        return next;
      });
    });
    return () => {
      active = false;
      stop();
      clearTimeout(timers.current.status);
      clearTimeout(timers.current.mark);
    };
  }, []);

  return { loaded, controls, errors, notes, justSaved, problems, status, input, commit, dismissProblems, restoreDefaults, say };
}
