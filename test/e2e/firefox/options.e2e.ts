// The options page in Firefox (MV2 and MV3 builds): defaults shown, invalid values refused and not stored, valid ones kept,
// corrupt storage survived, and the notifications permission asked for from the click.
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toControl, toControls } from '../../../utils/options-form';
import { say } from '../../../utils/wording';
import { DEFAULT_SETTINGS, FIELDS, type Settings } from '../../../utils/settings';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import { waitFor } from '../support/wait';

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Firefox (%s): the options page', (build) => {
  let firefox: FirefoxWithExtension;
  let page: Page | undefined;

  const on = () => page!;
  /** The settings stored, one item each (`settings.<key>`), or undefined when none is. */
  const stored = () =>
    on().evaluate(async () => {
      const items = Object.entries(await (globalThis as any).browser.storage.sync.get(null)).filter(([key]) => key.startsWith('settings.'));
      return items.length ? (Object.fromEntries(items.map(([key, value]) => [key.slice('settings.'.length), value])) as Partial<Settings>) : undefined;
    });
  const text = (selector: string) => on().evaluate((wanted) => document.querySelector(wanted)?.textContent ?? null, selector);
  const attribute = (selector: string, name: string) => on().$eval(selector, (element, wanted) => element.getAttribute(wanted), name);
  const control = (key: string) =>
    on().$eval(`#field-${key}`, (element) =>
      element instanceof HTMLInputElement && element.type === 'checkbox' ? element.checked : (element as HTMLInputElement).value,
    );
  const toast = () => text('[role="status"]');
  /** Types like a user: select what is there, replace it, and leave the field with Tab. */
  const fill = async (key: string, value: string) => {
    await on().focus(`#field-${key}`);
    await on().keyboard.down('Control');
    await on().keyboard.press('KeyA');
    await on().keyboard.up('Control');
    await on().keyboard.press('Backspace');
    await on().keyboard.type(value);
    await on().keyboard.press('Tab');
  };
  const open = async () => {
    await page?.close();
    page = await firefox.openExtensionPage('options.html');
    await waitFor('the options page to render', () => page!.$('#field-maxAttempts'));
  };
  const notice = () => text('section[aria-labelledby="notice-title"]');

  beforeAll(async () => {
    firefox = await launchFirefox(build);
  });
  afterAll(async () => {
    await firefox?.close();
  });
  beforeEach(async () => {
    await firefox.inExtension(async () => {
      const api = (globalThis as any).browser;
      await api.storage.sync.clear();
      await api.storage.local.remove(Object.keys(await api.storage.local.get(null)).filter((key) => key === 'settingsNotice' || key.startsWith('history')));
    });
    await open();
  });

  it('shows every field of the schema with its default', async () => {
    const controls = toControls(DEFAULT_SETTINGS);
    for (const field of FIELDS) {
      expect(await control(field.key), field.key).toBe(controls[field.key]);
      expect(await text(`label[for="field-${field.key}"]`), field.key).toContain(say(field.label));
    }
    expect(await stored()).toBeUndefined();
  });

  it('shows an inline message for each invalid value and stores none of them', async () => {
    await fill('maxAttempts', '0');
    await waitFor('the attempts message', async () => (await text('#field-maxAttempts-error')) === 'Enter a value from 1 to 20');
    expect(await attribute('#field-maxAttempts', 'aria-invalid')).toBe('true');
    expect(await attribute('#field-maxAttempts', 'aria-describedby')).toContain('field-maxAttempts-error');
    await waitFor('the toast to say so', async () => (await toast())?.includes('“Attempts before giving up” was not saved'));

    await fill('retryStatuses', '502, 404');
    await waitFor('the status message', async () => (await text('#field-retryStatuses-error'))?.includes('"404" is not a 5xx status'));

    await fill('neverRetrySites', '*://*.example.com/*\nexample.org');
    await waitFor(
      'the pattern message',
      async () => (await text('#field-neverRetrySites-error')) === '"example.org": no scheme (such as https:// or *://); write it like *://*.example.com/*',
    );

    await on().click('#field-showBanner');
    await waitFor('the banner switch to be stored', async () => (await stored())?.showBanner === false);
    expect(await stored()).toEqual({ showBanner: false });
  });

  it('saves valid values, confirms it, and keeps them across a reload', async () => {
    await fill('maxAttempts', '7');
    await waitFor('the toast to confirm', async () => (await toast())?.includes('Saved “Attempts before giving up”.'));
    await fill('retryStatuses', '503,502 52x');
    await fill('alwaysRetrySites', 'https://status.example.com/*\n*://*.example.org/*');
    await on().click('#field-watchAllRequests');
    const expected = {
      maxAttempts: 7,
      retryStatuses: [502, 503, 520, 521, 522, 523, 524, 525, 526, 527, 528, 529],
      alwaysRetrySites: ['https://status.example.com/*', '*://*.example.org/*'],
      watchAllRequests: true,
    };
    await waitFor('all four to be stored', async () => isDeepStrictEqual(await stored(), expected));
    expect(await control('retryStatuses')).toBe('502, 503, 52x');

    await open();
    expect(await control('maxAttempts')).toBe('7');
    expect(await control('retryStatuses')).toBe('502, 503, 52x');
    expect(await control('alwaysRetrySites')).toBe('https://status.example.com/*\n*://*.example.org/*');
    expect(await control('watchAllRequests')).toBe(true);
  });

  it('falls back to defaults for corrupt stored values only, with a dismissible notice', async () => {
    await on().evaluate(() =>
      (globalThis as any).browser.storage.sync.set({
        settingsVersion: 2,
        'settings.maxAttempts': 0,
        'settings.retryStatuses': 'garbage',
        'settings.historySize': 42,
        'settings.showBanner': false,
      }),
    );
    await open();
    const shown = await waitFor('the notice', notice);
    expect(shown).toContain('Some saved settings could not be used');
    expect(shown).toContain('Attempts before giving up');
    expect(shown).toContain('Statuses to retry');
    expect(await control('maxAttempts')).toBe(String(DEFAULT_SETTINGS.maxAttempts));
    expect(await control('retryStatuses')).toBe(
      toControl(
        FIELDS.find((field) => field.key === 'retryStatuses')!,
        DEFAULT_SETTINGS,
      ),
    );
    expect(await control('historySize')).toBe('42');
    expect(await control('showBanner')).toBe(false);

    await on().click('section[aria-labelledby="notice-title"] button');
    await waitFor('the notice to go', async () => (await notice()) === null);
    await waitFor('the invalid values to go', async () => (await stored())?.maxAttempts === undefined);
    expect(await stored()).toEqual({ historySize: 42, showBanner: false });
  });

  it('asks for the notifications permission from the click, and stays off when refused', async () => {
    await on().click('#field-notifyOnRecovery');
    // Firefox rejects at once a request made outside user input; a real prompt keeps the page waiting.
    await waitFor('the prompt', async () => (await text('#field-notifyOnRecovery-note')) === 'Waiting for your answer…');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await text('#field-notifyOnRecovery-note')).toBe('Waiting for your answer…');
    expect(await stored()).toBeUndefined();

    // Firefox's prompt is outside the page: answer it in place of the user, on a fresh page.
    await open();
    await on().evaluate(() => {
      const refuse = () => Promise.resolve(false);
      Object.defineProperty((globalThis as any).browser.permissions, 'request', { value: refuse, configurable: true });
    });
    await on().click('#field-notifyOnRecovery');
    await waitFor(
      'the refusal',
      async () => (await text('#field-notifyOnRecovery-note')) === 'Permission to show notifications was not given, so this stays off.',
    );
    expect(await control('notifyOnRecovery')).toBe(false);
    expect(await stored()).toBeUndefined();
  });
});
