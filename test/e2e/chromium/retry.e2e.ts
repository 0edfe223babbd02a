// Auto-retry in Chromium with the built extension, and with Chromium's own error-page reloader on, as users have it:
// counts against the same browser without Gatewhy, Retry-After, no form re-POST, cancellation by the user, a stopped
// service worker, the banner by keyboard and by a slow click, what ends a streak, site rules and the global limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buttonOf, readBannerExpression, shownLabels, type BannerSnapshot } from '../support/banner';
import { launchChromium, launchPlainChromium, type ChromiumWithExtension } from '../support/chromium';
import type { TestServer } from '../support/http-server';
import { startRetrySite, type RetrySite } from '../support/retry-site';
import { waitFor } from '../support/wait';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// A name that fails to resolve, as a typo would (shared/toolchain.md).
const TYPO = 'typo.test';
const LAUNCH = { autoReload: true, noPreconnect: true, args: [`--host-resolver-rules=MAP ${TYPO} ~NOTFOUND`] };

interface Timeline {
  timeline: { kind: string; text: string }[];
}

describe('Chromium: automatic retry', () => {
  let browser: ChromiumWithExtension;
  let plain: Awaited<ReturnType<typeof launchPlainChromium>>;
  let server: TestServer;
  /** When each request for a path arrived, in ms since the epoch. */
  let arrived: RetrySite['arrived'];

  beforeAll(async () => {
    ({ server, arrived } = await startRetrySite());
    browser = await launchChromium(LAUNCH);
    plain = await launchPlainChromium(LAUNCH);
  });
  afterAll(async () => {
    await browser?.close();
    await plain?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await browser.closeTabs();
    await plain.page.goto('about:blank');
    await browser.resetSettings();
    // Each test starts with no retries counted against the global limit.
    await browser.inExtension(() => chrome.storage.session.remove('retryLog'));
  });

  const open = async (path: string): Promise<{ page: Page; tabId: number }> => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}${path}`);
    return { page, tabId: await browser.tabIdOf(page) };
  };
  const retryState = (tabId: number) =>
    browser.inExtension(async (id) => (await chrome.storage.session.get(`retry:${id}`))[`retry:${id}`] as Record<string, any> | undefined, tabId);
  const record = (tabId: number) =>
    browser.inExtension(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as Timeline | undefined, tabId);
  const banner = (tabId: number, options?: { watch?: boolean }) =>
    browser.evaluateInExtension<BannerSnapshot | null>(readBannerExpression(tabId, options)).catch(() => null);
  const bannerText = async (tabId: number) => (await banner(tabId))?.text ?? '';
  /** A press with a real mouse, held for `ms`, as a slow click is. */
  const press = async (page: Page, target: { x: number; y: number }, ms = 80) => {
    await page.mouse.move(target.x, target.y);
    await page.mouse.down();
    await sleep(ms);
    await page.mouse.up();
  };

  it('brings back a page that fails 502, 502, then 200 with the default settings', async () => {
    const { page, tabId } = await open('/flaky');
    await expect.poll(() => page.title(), { timeout: 20_000 }).toBe('Back again');
    expect(arrived('/flaky')).toHaveLength(3);
    // The recovery is written just after the page loads: wait for it.
    const stored = await waitFor('the recovery in the timeline', async () => {
      const one = await record(tabId);
      return one?.timeline.some(({ kind }) => kind === 'recovered') ? one : undefined;
    });
    expect(stored.timeline.map(({ kind }) => kind)).toEqual(['failed', 'retry-scheduled', 'retried', 'failed', 'retry-scheduled', 'retried', 'recovered']);
    expect(stored.timeline.at(-1)!.text).toMatch(/back after 2 retries/);
    expect(await retryState(tabId)).toBeUndefined();
    // The page that came back says so, once.
    await expect.poll(async () => (await banner(tabId))?.live, { timeout: 5000 }).toMatch(/^The page is back\./);
  });

  it('waits as long as Retry-After asks', async () => {
    const { page } = await open('/retry-after');
    await expect.poll(() => page.title(), { timeout: 15_000 }).toBe('Ready');
    const [first, second] = arrived('/retry-after');
    expect(second! - first!).toBeGreaterThanOrEqual(4000);
    expect(second! - first!).toBeLessThan(6000);
  });

  it('with Retry-After: 0 and the default settings, loads the page no more than 4 times in 20 s (backoff still applies)', async () => {
    const [{ tabId }, without] = await Promise.all([open('/retry-after-zero'), plain.page.goto(`${server.origin}/retry-after-zero-without`)]);
    expect(without?.status()).toBe(503);
    const [first] = arrived('/retry-after-zero');
    await sleep(first! + 20_000 - Date.now());
    const loads = arrived('/retry-after-zero').filter((at) => at < first! + 20_000).length;
    // Without Gatewhy, Chromium never reloads an HTTP error page by itself; with it, the retries back off.
    console.info(`Retry-After: 0, loads in 20 s: ${loads} with Gatewhy, ${arrived('/retry-after-zero-without').length} without`);
    expect(loads).toBeLessThanOrEqual(4);
    expect(loads).toBeGreaterThanOrEqual(3);
    expect(await retryState(tabId)).toMatchObject({ delayReason: 'backoff' });
  }, 40_000);

  it('adds no request to Chromium’s own reloads of a page that got no response', async () => {
    const page = await browser.context.newPage();
    await Promise.all([
      page.goto(`${server.origin}/no-response-with`).catch(() => {}),
      plain.page.goto(`${server.origin}/no-response-without`).catch(() => {}),
    ]);
    const tabId = await browser.tabIdOf(page, `${server.origin}/no-response-with`);
    await sleep(40_000);
    const withGatewhy = arrived('/no-response-with').length;
    const withoutGatewhy = arrived('/no-response-without').length;
    console.info(
      `No response, requests in 40 s: ${withGatewhy} with Gatewhy, ${withoutGatewhy} without (${arrived('/no-response-with')
        .map((at) => ((at - arrived('/no-response-with')[0]!) / 1000).toFixed(1))
        .join(', ')} s)`,
    );
    // Chromium's reloader is on (it reloaded at all), and Gatewhy added nothing to it.
    expect(withoutGatewhy).toBeGreaterThan(2);
    expect(withGatewhy).toBeLessThanOrEqual(withoutGatewhy);
    expect(await retryState(tabId)).toMatchObject({ blocked: 'browser-retries' });
    const popup = await browser.openPopup(tabId);
    await expect.poll(() => popup.locator('[data-section="retry"]').innerText()).toContain('The browser is retrying this page');
    await popup.close();
  }, 80_000);

  it('adds no navigation to a mistyped address', async () => {
    const withRequests: string[] = [];
    const withoutRequests: string[] = [];
    const page = await browser.context.newPage();
    page.on('request', (request) => request.isNavigationRequest() && withRequests.push(request.url()));
    plain.page.on('request', (request) => request.isNavigationRequest() && withoutRequests.push(request.url()));
    await Promise.all([page.goto(`http://${TYPO}/with`).catch(() => {}), plain.page.goto(`http://${TYPO}/without`).catch(() => {})]);
    const tabId = await browser.tabIdOf(page, `http://${TYPO}/with`);
    await sleep(20_000);
    const withCount = withRequests.filter((url) => url.includes(TYPO)).length;
    const withoutCount = withoutRequests.filter((url) => url.includes(TYPO)).length;
    console.info(`Mistyped address, navigations in 20 s: ${withCount} with Gatewhy, ${withoutCount} without`);
    expect(withCount).toBeLessThanOrEqual(withoutCount);
    expect(await retryState(tabId)).toMatchObject({ blocked: 'name-not-resolved' });
  }, 60_000);

  it('never re-sends a form: a failed POST is not retried, and the banner says why', async () => {
    const { page, tabId } = await open('/form');
    await page.click('button');
    await waitFor('the POST to fail', () => arrived('/submit').length === 1);
    await expect.poll(() => bannerText(tabId), { timeout: 10_000 }).toContain('came from a form');
    await sleep(5000);
    expect(arrived('/submit')).toHaveLength(1);
    expect(server.requests.filter((request) => request.path === '/submit').map(({ method }) => method)).toEqual(['POST']);
    expect(await retryState(tabId)).toMatchObject({ blocked: 'not-get' });
  });

  it('cancels the retry when the tab closes', async () => {
    await browser.setSettings({ baseDelaySeconds: 3, jitter: 0 });
    const { page, tabId } = await open('/closing');
    await waitFor('a scheduled retry', async () => (await retryState(tabId))?.dueAt);
    await page.close();
    await sleep(4500);
    expect(arrived('/closing')).toHaveLength(1);
    expect(await retryState(tabId)).toBeUndefined();
  });

  it('cancels the retry the moment the user starts another navigation, though the new page is slow to come', async () => {
    await browser.setSettings({ baseDelaySeconds: 1.5, jitter: 0 });
    const { page, tabId } = await open('/leaving');
    await waitFor('a scheduled retry', async () => (await retryState(tabId))?.dueAt);
    const going = page.goto(`${server.origin}/slow-elsewhere`);
    await waitFor('the new page to be asked for', () => arrived('/slow-elsewhere').length === 1);
    // Cancelled at once, while the user's page is still on its way (it answers after 3 s; the retry was due in 1.5 s).
    await waitFor('the schedule to go', async () => (await retryState(tabId)) === undefined, 1000);
    expect(await page.title()).not.toBe('Elsewhere');
    await going;
    expect(await page.title()).toBe('Elsewhere');
    await sleep(1000);
    expect(arrived('/leaving')).toHaveLength(1);
  });

  it('still retries on time when Chromium stops the service worker mid-countdown', async () => {
    await browser.setSettings({ baseDelaySeconds: 6, jitter: 0 });
    const { page, tabId } = await open('/slow-retry');
    const state = await waitFor('a scheduled retry', async () => retryState(tabId).then((retry) => retry?.dueAt && retry));
    await expect.poll(() => bannerText(tabId), { timeout: 15_000 }).toMatch(/retrying in \d+ sec \(attempt 1 of 5\)/);
    await page.setViewportSize({ width: 760, height: 360 });
    await page.screenshot({ path: 'docs/screenshots/banner.png' });
    await browser.stopWorker();
    await expect.poll(() => page.title(), { timeout: 20_000 }).toBe('Recovered');
    const [, retried] = arrived('/slow-retry');
    // On time: within a second of the due time, not at Chromium's 30-second alarm floor.
    const dueAt = (state as { dueAt: number }).dueAt;
    expect(retried!).toBeGreaterThanOrEqual(dueAt - 600);
    expect(retried! - dueAt).toBeLessThan(1500);
  });

  it('keeps keyboard focus in the banner through its countdown, announces no second, and stops on Enter', async () => {
    await browser.setSettings({ baseDelaySeconds: 6, jitter: 0 });
    const { page, tabId } = await open('/banner-keyboard');
    const { dueAt } = await waitFor('a scheduled retry', async () => retryState(tabId).then((retry) => retry?.dueAt && retry));
    await waitFor('the banner', async () => buttonOf(await banner(tabId, { watch: true }), 'retry-pause'));
    // Tab from the page into the banner, to Stop.
    for (let i = 0; i < 6 && !(await banner(tabId))?.buttons.find((button) => button.focused && button.action === 'retry-pause'); i++)
      await page.keyboard.press('Tab');
    const before = (await banner(tabId))!;
    expect(buttonOf(before, 'retry-pause')?.focused).toBe(true);
    expect(before.live).toBe('Gatewhy is retrying this page.');
    const announced = before.announcements.length;
    // Ten ticks of the countdown later, focus has not moved and nothing more was announced.
    await sleep(2600);
    const during = (await banner(tabId))!;
    expect(during.text).not.toBe(before.text);
    expect(buttonOf(during, 'retry-pause')?.focused).toBe(true);
    expect(during.announcements.slice(announced)).toEqual([]);
    await page.keyboard.press('Enter');
    await waitFor('the retry to stop', async () => (await retryState(tabId))?.blocked === 'paused');
    const stopped = await waitFor('the banner to say so', async () => {
      const shown = (await banner(tabId))!;
      return shown.live === 'Retrying stopped.' ? shown : undefined;
    });
    expect(stopped.announcements.slice(announced)).toEqual(['Retrying stopped.']);
    // Stop went away; focus went to what replaced it, not to the page.
    expect(stopped.buttons.find((button) => button.focused)?.label).toBe('Resume');
    await sleep(dueAt + 2500 - Date.now());
    expect(arrived('/banner-keyboard')).toHaveLength(1);
  });

  it('takes a click held for 600 ms on Stop, and nothing reloads after it', async () => {
    await browser.setSettings({ baseDelaySeconds: 6, jitter: 0 });
    const { page, tabId } = await open('/banner-click');
    const { dueAt } = await waitFor('a scheduled retry', async () => retryState(tabId).then((retry) => retry?.dueAt && retry));
    const stop = await waitFor('the Stop button', async () => buttonOf(await banner(tabId), 'retry-pause'));
    await press(page, stop, 600);
    await waitFor('the retry to stop', async () => (await retryState(tabId))?.blocked === 'paused', 3000);
    expect(shownLabels(await banner(tabId))).toEqual(['Resume', 'Retry now', 'Why?', '✕']);
    await sleep(dueAt + 2500 - Date.now());
    expect(arrived('/banner-click')).toHaveLength(1);
  });

  it('asks "retry then or now?" when the server asks to wait longer than the setting, and does either', async () => {
    const { page, tabId } = await open('/asks-an-hour');
    const [askedAt] = arrived('/asks-an-hour');
    const asked = await waitFor('the question', async () => {
      const shown = await banner(tabId);
      return shown?.visible && shown.text.includes('Retry then or now?') ? shown : undefined;
    });
    expect(asked.text).toMatch(/^Gatewhy: The server asked to wait 1 hr \(until \d{1,2}:\d{2}.*\)\. Retry then or now\?$/);
    expect(shownLabels(asked)).toEqual(['Retry then', 'Retry now', 'Why?', '✕']);
    expect(await retryState(tabId)).toMatchObject({ blocked: 'waits-too-long' });

    await press(page, buttonOf(asked, 'retry-then')!);
    const scheduled = await waitFor('the retry at the asked time', async () => (await retryState(tabId))?.dueAt);
    expect(Math.abs(scheduled - (askedAt! + 3_600_000))).toBeLessThan(5000);
    await sleep(2000);
    expect(arrived('/asks-an-hour')).toHaveLength(1);

    const now = await waitFor('Retry now', async () => buttonOf(await banner(tabId), 'retry-now'));
    await press(page, now);
    await waitFor('the retry by hand', () => arrived('/asks-an-hour').length === 2);
  });

  it('ends the retry when a 401, 403 or 404 follows the failure, with words of its own', async () => {
    await browser.setSettings({ baseDelaySeconds: 1, jitter: 0 });
    const words: Record<string, string> = {
      '/then-401': 'The site now answers 401: you may need to sign in',
      '/then-403': 'The site now answers 403: access is refused: you may need to sign in, or to ask the site for access',
      '/then-404': 'The site now answers 404: the page is not there: check the address',
    };
    const tabs = await Promise.all(Object.keys(words).map(async (path) => ({ path, ...(await open(path)) })));
    for (const { path, tabId } of tabs) {
      const ended = await waitFor(`the end of ${path}`, async () => (await record(tabId))?.timeline.find(({ kind }) => kind === 'ended'), 10_000);
      expect(ended.text).toBe(words[path]);
      expect(await retryState(tabId)).toBeUndefined();
      await expect.poll(async () => (await banner(tabId))?.text, { timeout: 5000 }).toBe(`Gatewhy stopped retrying. ${words[path]}.`);
    }
    const popup = await browser.openPopup(tabs[0]!.tabId);
    await expect.poll(() => popup.locator('#headline').innerText()).toBe('Gatewhy stopped retrying');
    expect(await popup.locator('main').innerText()).toContain(words['/then-401']);
    await popup.close();
    await sleep(2500);
    for (const path of Object.keys(words)) expect(arrived(path)).toHaveLength(2);
  });

  it('counts a redirect chain that ends in a success as recovery', async () => {
    await browser.setSettings({ baseDelaySeconds: 1, jitter: 0 });
    const { page, tabId } = await open('/redirecting');
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('Landed');
    const stored = await waitFor('the recovery', async () => (await record(tabId))?.timeline.find(({ kind }) => kind === 'recovered'));
    expect(stored.text).toMatch(/back after 1 retry/);
    expect(await retryState(tabId)).toBeUndefined();
    expect(arrived('/redirecting')).toHaveLength(2);
  });

  it('holds a "never retry" site rule, and an "always" rule even with automatic retry off', async () => {
    await browser.setSettings({ neverRetrySites: [`*://127.0.0.1/never*`] });
    const { tabId } = await open('/never');
    await waitFor('the decision', async () => (await retryState(tabId))?.blocked === 'never-site');
    await browser.setSettings({ neverRetrySites: [], autoRetry: false, alwaysRetrySites: [`*://127.0.0.1:${server.port}/always*`] });
    const always = await open('/always');
    await expect.poll(() => always.page.title(), { timeout: 15_000 }).toBe('Always');
    await sleep(2500);
    expect(arrived('/never')).toHaveLength(1);
  });

  it('holds the global limit on retries per minute across tabs', async () => {
    await browser.setSettings({ globalRetriesPerMinute: 2, baseDelaySeconds: 1, jitter: 0 });
    const tabs = [await open('/storm-1'), await open('/storm-2'), await open('/storm-3')];
    await sleep(6000);
    const retries = ['/storm-1', '/storm-2', '/storm-3'].reduce((sum, path) => sum + arrived(path).length - 1, 0);
    expect(retries).toBe(2);
    const states = await Promise.all(tabs.map(({ tabId }) => retryState(tabId)));
    expect(states.some((state) => state?.delayReason === 'global limit')).toBe(true);
  });
});
