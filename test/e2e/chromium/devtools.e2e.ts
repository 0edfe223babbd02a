// The Gatewhy panel in real Chromium with DevTools open (headful under Xvfb): failed API calls of a healthy page listed
// with their bodies and the right cause, those from before the panel opened, filters, preserve log, a HAR export and a
// report without secrets, and the body reaching the popup across a service worker restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchChromiumWithDevtools, type ChromiumWithDevtools, type InTarget } from '../support/devtools';
import { checkExportedHar, ENVOY_REQUEST_ID, SECRETS, startDevtoolsSite, type DevtoolsSite } from '../support/devtools-site';
import { missingDisplay, startDisplay, type VirtualDisplay } from '../support/xvfb';
import { waitFor } from '../support/wait';

const noDisplay = missingDisplay();
if (noDisplay) console.warn(`Skipping the Chromium DevTools tests: ${noDisplay}. DevTools needs a headful browser.`);

interface Row {
  status: string;
  party: string;
  text: string;
}

describe.skipIf(noDisplay !== undefined)('Chromium: the Gatewhy panel in DevTools', () => {
  let display: VirtualDisplay;
  let chromium: ChromiumWithDevtools;
  let sites: DevtoolsSite;
  let page: Page;
  let tabId: number;
  let panel: InTarget;

  const origin = () => sites.site.origin;
  const thirdPartyHost = () => `localhost:${sites.thirdParty.port}`;
  /** A call made by the page itself, as its own script would. */
  const pageFetch = (url: string, init?: { headers?: Record<string, string>; credentials?: 'include' }) =>
    page.evaluate(
      (address, options) =>
        fetch(address, options).then(
          (response) => response.status,
          () => 0,
        ),
      url,
      init ?? {},
    );

  const rows = (): Promise<Row[]> =>
    panel(() =>
      [...document.querySelectorAll<HTMLElement>('.panel-list .request')].map((row) => ({
        status: row.dataset.status ?? '',
        party: row.dataset.party ?? '',
        text: row.innerText,
      })),
    );
  const waitForRows = (what: string, check: (list: Row[]) => boolean) =>
    waitFor(what, async () => ((list) => (check(list) ? list : undefined))(await rows()), 15_000);
  // textContent, not innerText: innerText follows layout, and a DevTools panel that is not laid out at that moment
  // gives its text without line breaks (seen once in three fresh-profile runs), so a check on it would flake.
  const detail = () => panel(() => (document.querySelector('.panel-detail') as HTMLElement).textContent ?? '');
  const select = (pathText: string) =>
    panel((wanted) => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('.panel-list .request-toggle')].find((one) => one.innerText.includes(wanted));
      button?.click();
      return button !== undefined;
    }, pathText);
  const choose = (label: string, value: string) =>
    panel(
      ([name, wanted]: [string, string]) => {
        const field = [...document.querySelectorAll('label')].find((one) => one.textContent === name);
        const element = document.getElementById(field?.htmlFor ?? '') as HTMLSelectElement | null;
        if (!element) return false;
        element.value = wanted;
        element.dispatchEvent(new Event('change', { bubbles: true }));
        return true;
      },
      [label, value] as [string, string],
    );
  const click = (name: string) =>
    panel((wanted) => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find((one) => one.textContent?.trim() === wanted);
      button?.click();
      return button !== undefined;
    }, name);
  const storedFailures = () =>
    chromium.inExtension(async (id) => {
      const stored = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as
        { failures?: { requestId: string; url: string; bodyText?: string; summary?: { cause: string } }[] } | undefined;
      return stored?.failures ?? [];
    }, tabId);
  const downloaded = (suffix: string) =>
    waitFor(`a downloaded ${suffix} file`, () => readdirSync(chromium.downloadDir).find((name) => name.endsWith(suffix) && !name.endsWith('.crdownload')));

  beforeAll(async () => {
    display = await startDisplay();
    sites = await startDevtoolsSite();
    chromium = await launchChromiumWithDevtools(display.display);
    ({ page, tabId } = await chromium.openTab(`${sites.site.origin}/shop`));
  }, 90_000);
  afterAll(async () => {
    await chromium?.close();
    await sites?.close();
    await display?.stop();
  });

  it('lists an API call that failed before the panel opened, with its body and the right cause: origin unreachable', async () => {
    // DevTools is open on the tab (its extension page is loaded), the panel is not: it must read DevTools' log.
    await chromium.devtoolsPage(tabId);
    expect(await pageFetch('/api/orders')).toBe(503);
    expect(chromium.browser.targets().some((target) => target.url().endsWith('/devtools-panel.html'))).toBe(false);

    panel = await chromium.showPanel(tabId);
    const [row] = await waitForRows('the Envoy failure explained from its body', (list) =>
      list.some(
        (one) =>
          one.text.includes('/api/orders') && one.text.includes('503 from Envoy:') && one.text.includes('the gateway could not connect to the origin server'),
      ),
    );
    expect(row).toMatchObject({ status: '503', party: 'first' });

    expect(await select('/api/orders')).toBe(true);
    const shown = await waitFor('the body in the detail', async () => ((text) => (text.includes('reset reason') ? text : undefined))(await detail()));
    expect(shown).toContain('upstream connect error or disconnect/reset before headers. reset reason: connection failure');
    expect(shown).toMatch(/Written by the gateway: Envoy/);
    expect(shown).toMatch(/Likely causes\s*Origin unreachable/);
    expect(shown).not.toContain('The body was not visible');
    expect(shown).toContain(ENVOY_REQUEST_ID);
  });

  it('adds a call that fails while the panel is open, and passes the body on so the popup explains the call from it', async () => {
    expect(await pageFetch('/api/slow')).toBe(504);
    await waitForRows('the nginx timeout', (list) => list.some((one) => one.text.includes('/api/slow') && one.status === '504'));

    // With the body the background's record names Envoy's variant; without it the popup would say the body was not visible.
    const orders = await waitFor('the body attached to the stored failure', async () =>
      (await storedFailures()).find((failure) => failure.url.endsWith('/api/orders') && failure.bodyText !== undefined),
    );
    expect(orders.bodyText).toContain('reset reason: connection failure');
    expect(orders.summary?.cause).toBe('origin-unreachable');

    const popup = await chromium.browser.newPage();
    await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.request-toggle');
    const toggle = await waitFor('the failed API call in the popup', async () => {
      for (const handle of await popup.$$('.request-toggle'))
        if ((await handle.evaluate((element) => (element as HTMLElement).innerText)).includes('/api/orders')) return handle;
      return undefined;
    });
    await toggle.click();
    await popup.waitForSelector('.request-detail');
    const explained = await popup.$eval('.request-detail', (element) => (element as HTMLElement).innerText);
    expect(explained).toMatch(/LIKELY CAUSES\s+Origin unreachable/i);
    expect(explained).toContain('reset reason: connection failure');
    expect(explained).not.toContain('The body was not visible');
    await popup.close();
  });

  it('filters by status, host and party', async () => {
    expect(await pageFetch(`http://${thirdPartyHost()}/widget.json`)).toBe(503);
    // Nothing listens on port 9 of 127.0.0.1 (discard, not served here): the browser gets no response at all.
    expect(await pageFetch('http://127.0.0.1:9/api/unreachable')).toBe(0);
    await waitForRows(
      'the widget and the unreachable call',
      (list) => list.some((one) => one.text.includes('/widget.json')) && list.some((one) => one.status === '0'),
    );

    expect(await choose('Status', '504')).toBe(true);
    await waitForRows('only the 504', (list) => list.length === 1 && list[0]!.status === '504');
    expect(await choose('Status', 'network')).toBe(true);
    await waitForRows('only the call without a response', (list) => list.length === 1 && list[0]!.text.includes('/api/unreachable'));
    await choose('Status', 'all');

    expect(await choose('Host', thirdPartyHost())).toBe(true);
    await waitForRows('only the third party host', (list) => list.length === 1 && list[0]!.text.includes('/widget.json'));
    await choose('Host', 'all');

    expect(await choose('Party', 'third')).toBe(true);
    await waitForRows('only third parties', (list) => list.length === 1 && list[0]!.party === 'third');
    expect(await choose('Party', 'first')).toBe(true);
    await waitForRows('only the site itself', (list) => list.length >= 3 && list.every((one) => one.party === 'first'));
    await choose('Party', 'all');
  });

  it('exports the failures as a HAR and a JSON report without any cookie, authorization or token value', async () => {
    await page.evaluate((cookie) => (document.cookie = `pref=${cookie}; path=/`), SECRETS.requestCookie);
    expect(
      await pageFetch(`/api/account?key=${SECRETS.query}`, { headers: { Authorization: `Bearer ${SECRETS.authorization}` }, credentials: 'include' }),
    ).toBe(502);
    await waitForRows('the account call', (list) => list.some((one) => one.text.includes('/api/account')));

    expect(await click('Export failures as HAR')).toBe(true);
    const harFile = await downloaded('.har');
    const harText = readFileSync(path.join(chromium.downloadDir, harFile), 'utf8');
    const har = checkExportedHar(harText);
    expect(har.log.entries.find((entry) => entry.request.url.endsWith('/api/orders'))?.response.content.text).toContain('reset reason: connection failure');

    expect(await click('Download JSON')).toBe(true);
    const reportText = readFileSync(path.join(chromium.downloadDir, await downloaded('.json')), 'utf8');
    const report = JSON.parse(reportText) as { requests: { url: string; support: { ids: { value: string }[]; likelyCause: string } }[] };
    const orders = report.requests.find((request) => request.url.endsWith('/api/orders'));
    expect(orders?.support.ids.map(({ value }) => value)).toContain(ENVOY_REQUEST_ID);
    expect(orders?.support.likelyCause).toMatch(/^Origin unreachable/);

    for (const secret of Object.values(SECRETS)) expect(reportText).not.toContain(secret);
  });

  it('starts afresh on a navigation, unless "Preserve log" is on', async () => {
    await page.goto(`${origin()}/checkout`);
    await waitForRows('the log to reset', (list) => list.length === 0);
    expect(await pageFetch('/api/orders')).toBe(503);
    await waitForRows("the new page's failure", (list) => list.length === 1);

    expect(
      await panel(() => {
        const box = [...document.querySelectorAll('label')].find((one) => one.textContent?.trim() === 'Preserve log')?.querySelector('input');
        box?.click();
        return box?.checked === true;
      }),
    ).toBe(true);
    await page.goto(`${origin()}/shop`);
    expect(await pageFetch('/api/slow')).toBe(504);
    await waitForRows(
      "both pages' failures",
      (list) => list.length === 2 && list.some((one) => one.status === '503') && list.some((one) => one.status === '504'),
    );
  });

  it('passes bodies on again after the service worker restarts: the port reconnects', async () => {
    // Stored records carry no query strings, so the call after the restart is the one whose request id is new.
    const before = new Set((await storedFailures()).map(({ requestId }) => requestId));
    await chromium.stopWorker();
    expect(await pageFetch('/api/orders?after=restart')).toBe(503);
    const failure = await waitFor(
      'the body of the call made after the restart',
      async () => (await storedFailures()).find((one) => !before.has(one.requestId) && one.url.endsWith('/api/orders') && one.bodyText !== undefined),
      20_000,
    );
    expect(failure.bodyText).toContain('reset reason: connection failure');
    expect(failure.summary?.cause).toBe('origin-unreachable');
  });
});
