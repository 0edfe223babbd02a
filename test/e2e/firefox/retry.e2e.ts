// Auto-retry in Firefox (MV2 and MV3 builds), which has no error-page reloader of its own: transient network failures
// retried, typos and certificate errors not, recovery, Retry-After, no form re-POST, cancellation by the user, site
// rules, the global limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { readBannerExpression, type BannerSnapshot } from '../support/banner';
import { selfSignedCertificate } from '../support/certificate';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import { okPage, startServer, type TestServer } from '../support/http-server';
import { startRetrySite, type RetrySite } from '../support/retry-site';
import { waitFor } from '../support/wait';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Timeline {
  page?: { networkError?: string };
  timeline: { kind: string; text: string }[];
}

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Firefox (%s): automatic retry', (build) => {
  let firefox: FirefoxWithExtension;
  let server: TestServer;
  let secure: TestServer;
  let arrived: RetrySite['arrived'];

  beforeAll(async () => {
    ({ server, arrived } = await startRetrySite());
    secure = await startServer({ '/': () => okPage('Never seen') }, { tls: selfSignedCertificate() });
    firefox = await launchFirefox(build);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    await secure?.close();
  });
  beforeEach(async () => {
    await firefox.resetSettings();
    await firefox.inExtension(() => (globalThis as any).browser.storage.session.remove('retryLog'));
  });

  // Stored values come back as JSON text: WebDriver BiDi's serialization of a deep object (a record with its
  // explanation) left parts of it out.
  const stored = async <T>(key: string): Promise<T | undefined> => {
    const text = await firefox.inExtension(
      async (wanted) => JSON.stringify((await (globalThis as any).browser.storage.session.get(wanted))[wanted] ?? null),
      key,
    );
    return JSON.parse(text) ?? undefined;
  };
  const retryState = (tabId: number) => stored<Record<string, any>>(`retry:${tabId}`);
  const record = (tabId: number) => stored<Timeline>(`tab:${tabId}`);
  const bannerText = async (tabId: number) =>
    (await firefox.evaluateInExtension<BannerSnapshot | null>(readBannerExpression(tabId)).catch(() => null))?.text ?? '';
  const open = async (path: string) => {
    const page = await firefox.browser.newPage();
    await page.goto(`${server.origin}${path}`);
    return { page, tabId: await firefox.tabIdOf(page) };
  };
  /** Opens an address that will not load: the browser shows its own error page. */
  const openFailing = async (url: string): Promise<{ page: Page; tabId: number }> => {
    const page = await firefox.browser.newPage();
    await page.goto(url).catch(() => {});
    return { page, tabId: await firefox.tabIdOf(page, url) };
  };

  it('brings back a page that fails 502, 502, then 200 with the default settings', async () => {
    const { page } = await open('/flaky');
    await waitFor('the page to come back', async () => (await page.title()) === 'Back again', 20_000);
    expect(arrived('/flaky')).toHaveLength(3);
    await page.close();
  });

  it('retries a page whose server closed the connection without a word, until it answers', async () => {
    await firefox.setSettings({ baseDelaySeconds: 1.5, jitter: 0 });
    const { page, tabId } = await openFailing(`${server.origin}/closes-then-ok`);
    expect(await waitFor('the failure', async () => (await record(tabId))?.page?.networkError)).toBe('NS_ERROR_NET_RESET');
    await waitFor('the page to come back', async () => (await page.title()) === 'Back', 15_000);
    const stored = await waitFor('the recovery', async () => (await record(tabId))?.timeline.find(({ kind }) => kind === 'recovered'));
    expect(stored.text).toMatch(/back after 1 retry/);
    await page.close();
  });

  it('retries a refused connection until a server listens there', async () => {
    await firefox.setSettings({ baseDelaySeconds: 1, backoffFactor: 1, jitter: 0 });
    const closed = await startServer();
    const { port } = closed;
    await closed.close();
    const { page, tabId } = await openFailing(`http://127.0.0.1:${port}/`);
    const failed = await waitFor('the failure', async () => (await record(tabId))?.page?.networkError);
    expect(failed).toBe('NS_ERROR_CONNECTION_REFUSED');
    await waitFor('a scheduled retry', async () => (await retryState(tabId))?.dueAt);
    const back = await startServer({ '/': () => okPage('Listening now') }, { port });
    try {
      await waitFor('the page to come back', async () => (await page.title()) === 'Listening now', 15_000);
    } finally {
      await page.close();
      await back.close();
    }
  });

  it('does not retry a name that does not resolve', async () => {
    await firefox.setSettings({ baseDelaySeconds: 1, jitter: 0 });
    // RFC 6761: .invalid never resolves.
    const { page, tabId } = await openFailing('http://typo.invalid/');
    const state = await waitFor('the decision', async () => retryState(tabId));
    expect(state).toMatchObject({ blocked: 'name-not-resolved' });
    expect((await record(tabId))?.page?.networkError).toBe('NS_ERROR_UNKNOWN_HOST');
    await sleep(4000);
    expect((await record(tabId))?.timeline.map(({ kind }) => kind)).toEqual(['failed', 'blocked']);
    await page.close();
  });

  it('does not retry a certificate error', async () => {
    await firefox.setSettings({ baseDelaySeconds: 1, jitter: 0 });
    const { page, tabId } = await openFailing(`${secure.origin}/`);
    const state = await waitFor('the decision', async () => retryState(tabId));
    expect(state).toMatchObject({ blocked: 'certificate' });
    const error = (await record(tabId))?.page?.networkError;
    console.info(`Firefox reports a self-signed certificate as ${error}`);
    const attempts = secure.connections();
    await sleep(4000);
    expect(secure.connections()).toBe(attempts);
    expect(secure.hits.size).toBe(0);
    await page.close();
  });

  it('waits as long as Retry-After asks', async () => {
    const { page } = await open('/retry-after');
    await waitFor('the page to come back', async () => (await page.title()) === 'Ready', 15_000);
    const [first, second] = arrived('/retry-after');
    expect(second! - first!).toBeGreaterThanOrEqual(4000);
    expect(second! - first!).toBeLessThan(6000);
    await page.close();
  });

  it('never re-sends a form: a failed POST is not retried, and the banner says why', async () => {
    const { page, tabId } = await open('/form');
    await page.click('button');
    await waitFor('the POST to fail', () => arrived('/submit').length === 1);
    await waitFor('the banner', async () => (await bannerText(tabId)).includes('came from a form'), 10_000);
    await sleep(5000);
    expect(server.requests.filter((request) => request.path === '/submit').map(({ method }) => method)).toEqual(['POST']);
    expect(await retryState(tabId)).toMatchObject({ blocked: 'not-get' });
    await page.close();
  });

  it('cancels the retry when the tab closes', async () => {
    await firefox.setSettings({ baseDelaySeconds: 3, jitter: 0 });
    const { page, tabId } = await open('/closing');
    await waitFor('a scheduled retry', async () => (await retryState(tabId))?.dueAt);
    await page.close();
    await sleep(4500);
    expect(arrived('/closing')).toHaveLength(1);
    expect(await retryState(tabId)).toBeUndefined();
  });

  it('cancels the retry the moment the user starts another navigation, though the new page is slow to come', async () => {
    await firefox.setSettings({ baseDelaySeconds: 1.5, jitter: 0 });
    const { page, tabId } = await open('/leaving');
    await waitFor('a scheduled retry', async () => (await retryState(tabId))?.dueAt);
    const before = arrived('/slow-elsewhere').length;
    const going = firefox.navigate(tabId, `${server.origin}/slow-elsewhere`);
    await waitFor('the new page to be asked for', () => arrived('/slow-elsewhere').length === before + 1);
    // Cancelled at once, while the user's page is still on its way (it answers after 3 s; the retry was due in 1.5 s).
    await waitFor('the schedule to go', async () => (await retryState(tabId)) === undefined, 1000);
    expect(arrived('/slow-elsewhere')).toHaveLength(before + 1);
    await going;
    await sleep(1000);
    expect(arrived('/leaving')).toHaveLength(1);
    expect(await page.title()).toBe('Elsewhere');
    await page.close();
  });

  it('holds a "never retry" site rule', async () => {
    await firefox.setSettings({ neverRetrySites: ['*://127.0.0.1/never*'] });
    const { page, tabId } = await open('/never');
    await waitFor('the decision', async () => (await retryState(tabId))?.blocked === 'never-site');
    await sleep(3000);
    expect(arrived('/never')).toHaveLength(1);
    await page.close();
  });

  it('holds the global limit on retries per minute across tabs', async () => {
    await firefox.setSettings({ globalRetriesPerMinute: 2, baseDelaySeconds: 1, jitter: 0 });
    const tabs = [await open('/storm-1'), await open('/storm-2'), await open('/storm-3')];
    await sleep(6000);
    const retries = ['/storm-1', '/storm-2', '/storm-3'].reduce((sum, path) => sum + arrived(path).length - 1, 0);
    const states = await Promise.all(tabs.map(({ tabId }) => retryState(tabId)));
    expect(retries, JSON.stringify(states)).toBe(2);
    expect(states.some((state) => state?.delayReason === 'global limit')).toBe(true);
    for (const { page } of tabs) await page.close();
  });
});
