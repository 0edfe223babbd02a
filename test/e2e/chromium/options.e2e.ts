// The options page in Chromium: defaults shown, invalid values refused and not stored, valid ones kept, corrupt storage survived.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toControl } from '../../../utils/options-form';
import { say } from '../../../utils/wording';
import { DEFAULT_SETTINGS, FIELDS, type Settings } from '../../../utils/settings';
import { launchChromium, type ChromiumWithExtension } from '../support/chromium';
import v1Storage from '../../fixtures/settings/v1-storage-sync.json';

describe('Chromium: the options page', () => {
  let browser: ChromiumWithExtension;
  let page: Page;

  /** The settings stored, one item each (`settings.<key>`), or undefined when none is. */
  const stored = () =>
    page.evaluate(async () => {
      const items = Object.entries(await chrome.storage.sync.get(null)).filter(([key]) => key.startsWith('settings.'));
      return items.length ? (Object.fromEntries(items.map(([key, value]) => [key.slice('settings.'.length), value])) as Partial<Settings>) : undefined;
    });
  const toast = () => page.getByRole('status').filter({ hasText: /\S/ });
  const fieldError = (key: string) => page.locator(`#field-${key}-error`);
  const fill = async (key: string, text: string) => {
    await page.fill(`#field-${key}`, text);
    // Leaving the field commits it, as a user tabbing on would.
    await page.press(`#field-${key}`, 'Tab');
  };
  const open = async () => {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByRole('heading', { name: 'Gatewhy settings' }).waitFor();
  };

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await browser.inWorker(async () => {
      await chrome.storage.sync.clear();
      await chrome.storage.local.remove(
        Object.keys(await chrome.storage.local.get(null)).filter((key) => key === 'settingsNotice' || key.startsWith('history')),
      );
    });
    await open();
  });

  it('shows every field of the schema with its default, and takes the screenshot', async () => {
    for (const field of FIELDS) {
      const control = page.locator(`#field-${field.key}`);
      const expected = toControl(field, DEFAULT_SETTINGS);
      if (typeof expected === 'boolean') expect(await control.isChecked(), field.key).toBe(expected);
      else expect(await control.inputValue(), field.key).toBe(expected);
      // Each control is named by its label.
      expect(await page.getByLabel(say(field.label), { exact: true }).count(), field.key).toBe(1);
    }
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(
      expect.arrayContaining(['AUTOMATIC RETRY', 'TIMING', 'PER-SITE RULES', 'ON THE PAGE', 'RECENT ERRORS']),
    );
    expect(await page.getByRole('switch').count()).toBe(FIELDS.filter((field) => field.kind === 'boolean').length);
    expect(await stored()).toBeUndefined();

    await mkdir('docs/screenshots', { recursive: true });
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.screenshot({ path: 'docs/screenshots/options.png', fullPage: true });
  });

  it('shows an inline message for each invalid value and stores none of them', async () => {
    await fill('maxAttempts', '0');
    await expect.poll(() => fieldError('maxAttempts').textContent()).toBe('Enter a value from 1 to 20');
    expect(await page.getAttribute('#field-maxAttempts', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#field-maxAttempts', 'aria-describedby')).toContain('field-maxAttempts-error');
    await expect.poll(() => toast().textContent()).toContain('“Attempts before giving up” was not saved');

    await fill('retryStatuses', '502, 404');
    await expect.poll(() => fieldError('retryStatuses').textContent()).toContain('"404" is not a 5xx status');
    expect(await page.getAttribute('#field-retryStatuses', 'aria-invalid')).toBe('true');

    await fill('neverRetrySites', '*://*.example.com/*\nexample.org');
    await expect
      .poll(() => fieldError('neverRetrySites').textContent())
      .toBe('"example.org": no scheme (such as https:// or *://); write it like *://*.example.com/*');

    await fill('jitter', '');
    await expect.poll(() => fieldError('jitter').textContent()).toBe('Enter a number');

    // A valid change elsewhere saves that field alone: the invalid drafts stay out of storage.
    await page.getByLabel('Show the retry countdown on the failed page').uncheck();
    await expect.poll(stored).toEqual({ showBanner: false });

    // Fixing a value clears its message as soon as it is valid.
    await page.fill('#field-maxAttempts', '3');
    await expect.poll(() => fieldError('maxAttempts').count()).toBe(0);
    expect(await page.getAttribute('#field-maxAttempts', 'aria-invalid')).toBeNull();
  });

  it('saves valid values, confirms it, and keeps them across a reload', async () => {
    await fill('maxAttempts', '7');
    await expect.poll(() => toast().textContent()).toContain('Saved “Attempts before giving up”.');
    await expect.poll(async () => (await stored())?.maxAttempts).toBe(7);

    await fill('retryStatuses', '503,502   52x');
    await expect.poll(async () => (await stored())?.retryStatuses).toEqual([502, 503, 520, 521, 522, 523, 524, 525, 526, 527, 528, 529]);
    // Shown back as it was understood.
    expect(await page.inputValue('#field-retryStatuses')).toBe('502, 503, 52x');

    await fill('baseDelaySeconds', '0.5');
    await fill('alwaysRetrySites', 'https://status.example.com/*\n\n  *://*.example.org/*  ');
    await page.getByLabel('Watch every request, not only pages, frames and API calls').check();
    await page.keyboard.press('Tab');
    const expected = {
      maxAttempts: 7,
      retryStatuses: [502, 503, 520, 521, 522, 523, 524, 525, 526, 527, 528, 529],
      baseDelaySeconds: 0.5,
      alwaysRetrySites: ['https://status.example.com/*', '*://*.example.org/*'],
      watchAllRequests: true,
    };
    await expect.poll(stored).toEqual(expected);

    await page.reload();
    await page.getByRole('heading', { name: 'Gatewhy settings' }).waitFor();
    expect(await page.inputValue('#field-maxAttempts')).toBe('7');
    expect(await page.inputValue('#field-retryStatuses')).toBe('502, 503, 52x');
    expect(await page.inputValue('#field-baseDelaySeconds')).toBe('0.5');
    expect(await page.inputValue('#field-alwaysRetrySites')).toBe('https://status.example.com/*\n*://*.example.org/*');
    expect(await page.isChecked('#field-watchAllRequests')).toBe(true);
    expect(await stored()).toEqual(expected);
  });

  it('checks site rules with the grammar the retry policy applies, naming the part it refuses', async () => {
    await fill('neverRetrySites', '*://example.com:8080/*\n*://[::1]/*\nhttp://localhost:3000/app/*');
    await expect.poll(async () => (await stored())?.neverRetrySites).toEqual(['*://example.com:8080/*', '*://[::1]/*', 'http://localhost:3000/app/*']);
    await fill('alwaysRetrySites', 'ws://example.com/*');
    await expect
      .poll(() => fieldError('alwaysRetrySites').textContent())
      .toBe('"ws://example.com/*": the scheme "ws" is not one Gatewhy retries; use http, https or *');
    await fill('alwaysRetrySites', 'https://exa*mple.com/*');
    await expect.poll(() => fieldError('alwaysRetrySites').textContent()).toContain('in the host "exa*mple.com", * may only stand alone or start it');
    expect((await stored())?.alwaysRetrySites).toBeUndefined();
  });

  it('loses neither of two changes made at once, here and by the background', async () => {
    // "Never retry on this site" from the popup is written by the background while this page saves another field.
    await Promise.all([page.evaluate(() => chrome.runtime.sendMessage({ type: 'never-on-site', url: 'https://busy.example/cart' })), fill('maxAttempts', '8')]);
    await expect.poll(stored).toEqual({ maxAttempts: 8, neverRetrySites: ['*://busy.example/*'] });
    // The page shows the background's change in the field the user was not editing.
    await expect.poll(() => page.inputValue('#field-neverRetrySites')).toBe('*://busy.example/*');
  });

  it('moves settings stored by version 1 (one object) into one item each, keeping them', async () => {
    // As the build of commit a81f897 stored them (test/fixtures/settings/v1-storage-sync.json).
    // A profile that has only version 1's storage: nothing of version 2 written yet.
    await page.evaluate(async (v1) => {
      await chrome.storage.sync.clear();
      await chrome.storage.sync.set(v1);
    }, v1Storage);
    await open();
    expect(await page.inputValue('#field-maxAttempts')).toBe('7');
    expect(await page.inputValue('#field-neverRetrySites')).toBe('*://*.example.com/*\nhttps://status.example.org/*');
    expect(await page.isChecked('#field-showBanner')).toBe(false);
    await expect.poll(async () => (await page.evaluate(() => chrome.storage.sync.get(null)))['settingsVersion']).toBe(2);
    expect((await stored())?.maxAttempts).toBe(7);
  });

  it('says so when a value is too long for storage.sync, and keeps the stored one', async () => {
    const patterns = Array.from({ length: 400 }, (_, index) => `*://*.site-number-${index}.example.com/*`).join('\n');
    await page.fill('#field-neverRetrySites', patterns);
    await page.press('#field-neverRetrySites', 'Tab');
    await expect.poll(() => fieldError('neverRetrySites').textContent()).toBe('Too long to be saved in synced settings; shorten the list');
    expect(await page.getAttribute('#field-neverRetrySites', 'aria-invalid')).toBe('true');
    expect(await stored()).toBeUndefined();
  });

  it('falls back to defaults for corrupt stored values only, with a dismissible notice', async () => {
    await page.evaluate(() =>
      chrome.storage.sync.set({
        settingsVersion: 2,
        'settings.maxAttempts': 0,
        'settings.retryStatuses': 'garbage',
        'settings.neverRetrySites': [42],
        'settings.historySize': 42,
        'settings.showBanner': false,
      }),
    );
    await open();
    const notice = page.getByRole('region', { name: 'Some saved settings could not be used' });
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('Attempts before giving up');
    expect(text).toContain('Statuses to retry');
    expect(text).toContain('Never retry on');
    expect(text).not.toContain('Recent errors to keep');

    expect(await page.inputValue('#field-maxAttempts')).toBe(String(DEFAULT_SETTINGS.maxAttempts));
    expect(await page.inputValue('#field-retryStatuses')).toBe(toControl(FIELDS[1]!, DEFAULT_SETTINGS));
    expect(await page.inputValue('#field-neverRetrySites')).toBe('');
    expect(await page.inputValue('#field-historySize')).toBe('42');
    expect(await page.isChecked('#field-showBanner')).toBe(false);

    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    // Dismissing removes the invalid values (their defaults apply), so the notice does not come back.
    await expect.poll(stored).toEqual({ historySize: 42, showBanner: false });
    await open();
    expect(await page.getByRole('region', { name: 'Some saved settings could not be used' }).count()).toBe(0);
  });

  it('keeps settings another version stored, which it does not know', async () => {
    await page.evaluate(() => chrome.storage.sync.set({ settingsVersion: 2, 'settings.fromTheFuture': { on: true } }));
    await open();
    await fill('maxAttempts', '6');
    await page.getByRole('button', { name: 'Restore defaults' }).click();
    await page
      .getByRole('group', { name: /Restore every setting to its default/ })
      .getByRole('button', { name: 'Restore defaults' })
      .click();
    await expect.poll(stored).toEqual({ fromTheFuture: { on: true } });
  });

  it('restores the defaults after asking', async () => {
    await fill('maxAttempts', '9');
    await expect.poll(async () => (await stored())?.maxAttempts).toBe(9);

    await page.getByRole('button', { name: 'Restore defaults' }).click();
    const confirm = page.getByRole('group', { name: /Restore every setting to its default/ });
    await confirm.waitFor();
    // Focus moves to the answer; Escape takes the question back.
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Restore defaults');

    await page.keyboard.press('Enter');
    await confirm.getByRole('button', { name: 'Restore defaults' }).click();
    await expect.poll(stored).toBeUndefined();
    expect(await page.inputValue('#field-maxAttempts')).toBe('5');
    await expect.poll(() => toast().textContent()).toContain('Defaults restored.');
  });

  describe('"Notify me when a failed page comes back"', () => {
    const notify = () => page.getByRole('switch', { name: 'Notify me when a failed page comes back' });
    const note = () => page.locator('#field-notifyOnRecovery-note');
    /** Answers the permission prompt in place of the user: Chromium's prompt is outside the page. */
    const answerPrompt = (granted: boolean) =>
      page.evaluate((answer) => {
        const calls: string[] = [];
        (globalThis as any).permissionCalls = calls;
        const fake = (name: string, result: boolean) => (request: unknown, callback?: (ok: boolean) => void) => {
          calls.push(`${name} ${JSON.stringify(request)}`);
          callback?.(result);
          return Promise.resolve(result);
        };
        Object.assign(chrome.permissions, { request: fake('request', answer), remove: fake('remove', true), contains: fake('contains', answer) });
      }, granted);
    const permissionCalls = () => page.evaluate(() => (globalThis as any).permissionCalls as string[]);

    it('asks the browser from the click itself', async () => {
      await notify().click();
      // Chromium refuses at once a request made outside a user gesture; a real prompt keeps the page waiting.
      await expect.poll(() => note().textContent()).toBe('Waiting for your answer…');
      await page.waitForTimeout(1000);
      expect(await note().textContent()).toBe('Waiting for your answer…');
      expect(await stored()).toBeUndefined();
      // The prompt belongs to this page; start the next test on a fresh one.
      await page.close();
      page = await browser.context.newPage();
    });

    it('stays off and says so when the permission is refused', async () => {
      await answerPrompt(false);
      await notify().click();
      await expect.poll(() => note().textContent()).toBe('Permission to show notifications was not given, so this stays off.');
      expect(await notify().isChecked()).toBe(false);
      expect(await permissionCalls()).toEqual(['request {"permissions":["notifications"]}']);
      await expect.poll(() => toast().textContent()).toContain('was not given');
      expect(await stored()).toBeUndefined();
    });

    it('turns on when the permission is given, and gives it back when turned off', async () => {
      await answerPrompt(true);
      await notify().click();
      await expect.poll(async () => (await stored())?.notifyOnRecovery).toBe(true);
      expect(await note().count()).toBe(0);
      await notify().click();
      await expect.poll(async () => (await stored())?.notifyOnRecovery).toBe(false);
      expect(await permissionCalls()).toEqual(['request {"permissions":["notifications"]}', 'remove {"permissions":["notifications"]}']);
    });

    it('says so when the option is on but the browser no longer allows it', async () => {
      await page.evaluate(() => chrome.storage.sync.set({ 'settings.notifyOnRecovery': true }));
      await open();
      expect(await notify().isChecked()).toBe(true);
      await expect.poll(() => note().textContent()).toContain('no longer lets Gatewhy show notifications');
    });
  });

  it('clears recent errors after confirming', async () => {
    const entry = { time: Date.now(), url: 'https://example.com/', host: 'example.com', type: 'main_frame', status: 502 };
    // Stored as one list, the way versions before the journal kept Recent errors: it is read, and cleared, as one.
    await page.evaluate((one) => chrome.storage.local.set({ history: [one, one] }), entry);
    await expect.poll(() => page.getByText('2 recent errors stored on this device.').count()).toBe(1);

    await page.getByRole('button', { name: 'Clear recent errors' }).click();
    const confirm = page.getByRole('group', { name: 'Delete 2 recent errors? This cannot be undone.' });
    await confirm.getByRole('button', { name: 'Clear' }).click();
    await expect
      .poll(() => page.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((key) => key.startsWith('history'))))
      .toEqual([]);
    await expect.poll(() => toast().textContent()).toContain('Recent errors cleared.');
    expect(await page.getByText('No recent errors are stored.').count()).toBe(1);
  });
});
