// The Gatewhy panel in real Firefox ESR (MV2 and MV3 builds) with its DevTools toolbox open, driven from Firefox's
// chrome scope (support/firefox-devtools.ts): failed API calls of a healthy page listed with their bodies and the right
// cause, filters, preserve log, a HAR export without secrets, and the bodies reaching the background for the popup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { checkExportedHar, ENVOY_REQUEST_ID, SECRETS, startDevtoolsSite, type DevtoolsSite } from '../support/devtools-site';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import { openToolbox, showPanel, type FirefoxPanel } from '../support/firefox-devtools';
import { waitFor } from '../support/wait';

interface Row {
  status: string;
  party: string;
  text: string;
}

describe.each(['firefox-mv2', 'firefox-mv3'] as const)('Firefox (%s): the Gatewhy panel in DevTools', (build) => {
  let firefox: FirefoxWithExtension;
  let sites: DevtoolsSite;
  let page: Page;
  let tabId: number;
  let pageUrl: string;
  let panel: FirefoxPanel;

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
    panel((window) =>
      [...window.document.querySelectorAll<HTMLElement>('.panel-list .request')].map((row) => ({
        status: row.dataset.status ?? '',
        party: row.dataset.party ?? '',
        text: row.innerText,
      })),
    );
  const waitForRows = (what: string, check: (list: Row[]) => boolean) =>
    waitFor(what, async () => ((list) => (check(list) ? list : undefined))(await rows()), 15_000, 200);
  const click = (name: string) =>
    panel((window, wanted) => {
      const button = [...window.document.querySelectorAll<HTMLButtonElement>('button')].find((one) => one.textContent?.trim() === wanted);
      button?.click();
      return button !== undefined;
    }, name);
  const choose = (label: string, value: string) =>
    panel(
      (window, [name, wanted]: [string, string]) => {
        const field = [...window.document.querySelectorAll('label')].find((one) => one.textContent === name);
        const element = window.document.getElementById(field?.htmlFor ?? '') as HTMLSelectElement | null;
        if (!element) return false;
        element.value = wanted;
        element.dispatchEvent(new window.Event('change', { bubbles: true }));
        return true;
      },
      [label, value] as [string, string],
    );
  const storedFailures = () =>
    firefox.inExtension(async (id) => {
      const key = `tab:${id}`;
      const stored = (await (globalThis as any).browser.storage.session.get(key))[key] as
        { failures?: { url: string; bodyText?: string; summary?: { cause: string } }[] } | undefined;
      return stored?.failures ?? [];
    }, tabId);

  beforeAll(async () => {
    sites = await startDevtoolsSite();
    firefox = await launchFirefox(build);
    page = await firefox.browser.newPage();
    pageUrl = `${sites.site.origin}/shop`;
    await page.goto(pageUrl);
    tabId = await firefox.tabIdOf(page);
    await openToolbox(firefox.browser, pageUrl);
  }, 60_000);
  afterAll(async () => {
    await firefox?.close();
    await sites?.close();
  });

  it('lists an API call that failed before the panel was shown, with its body and the right cause: origin unreachable', async () => {
    expect(await pageFetch('/api/orders')).toBe(503);
    panel = await showPanel(firefox.browser, pageUrl);
    const [row] = await waitForRows('the Envoy failure explained from its body', (list) =>
      list.some(
        (one) =>
          one.text.includes('/api/orders') && one.text.includes('503 from Envoy:') && one.text.includes('the gateway could not connect to the origin server'),
      ),
    );
    expect(row).toMatchObject({ status: '503', party: 'first' });
    const detail = await waitFor('the body in the detail', () =>
      panel((window) =>
        ((text) => (text.includes('reset reason') ? text : undefined))((window.document.querySelector('.panel-detail') as HTMLElement).innerText),
      ),
    );
    expect(detail).toContain('upstream connect error or disconnect/reset before headers. reset reason: connection failure');
    expect(detail).toMatch(/LIKELY CAUSES\s+Origin unreachable/i);
    expect(detail).not.toContain('The body was not visible');
    expect(detail).toContain(ENVOY_REQUEST_ID);
  });

  it('adds a call that fails while the panel is shown, and passes bodies on to the background', async () => {
    expect(await pageFetch('/api/slow')).toBe(504);
    await waitForRows('the nginx timeout', (list) => list.some((one) => one.text.includes('/api/slow') && one.status === '504'));
    const orders = await waitFor('the body attached to the stored failure', async () =>
      (await storedFailures()).find((failure) => failure.url.endsWith('/api/orders') && failure.bodyText !== undefined),
    );
    expect(orders.bodyText).toContain('reset reason: connection failure');
    expect(orders.summary?.cause).toBe('origin-unreachable');
  });

  it('filters by status and party', async () => {
    expect(await pageFetch(`http://localhost:${sites.thirdParty.port}/widget.json`)).toBe(503);
    await waitForRows('the widget', (list) => list.some((one) => one.text.includes('/widget.json')));
    expect(await choose('Status', '504')).toBe(true);
    await waitForRows('only the 504', (list) => list.length === 1 && list[0]!.status === '504');
    await choose('Status', 'all');
    expect(await choose('Party', 'third')).toBe(true);
    await waitForRows('only the third party', (list) => list.length === 1 && list[0]!.text.includes('/widget.json'));
    await choose('Party', 'all');
  });

  it('exports the failures as a HAR without any cookie, authorization or token value', async () => {
    await page.evaluate((cookie) => (document.cookie = `pref=${cookie}; path=/`), SECRETS.requestCookie);
    expect(
      await pageFetch(`/api/account?key=${SECRETS.query}`, { headers: { Authorization: `Bearer ${SECRETS.authorization}` }, credentials: 'include' }),
    ).toBe(502);
    await waitForRows('the account call', (list) => list.some((one) => one.text.includes('/api/account')));
    expect(await click('Export failures as HAR')).toBe(true);
    // Firefox creates the file before it writes it: wait for the whole JSON.
    const text = await waitFor('the HAR file', () => {
      const file = readdirSync(firefox.downloadDir).find((name) => name.endsWith('.har'));
      const written = file ? readFileSync(path.join(firefox.downloadDir, file), 'utf8') : '';
      return written.trimEnd().endsWith('}') ? written : undefined;
    });
    checkExportedHar(text);
  });

  it('starts afresh on a navigation, unless "Preserve log" is on', async () => {
    await firefox.navigate(tabId, `${sites.site.origin}/checkout`);
    await waitForRows('the log to reset', (list) => list.length === 0);
    expect(await pageFetch('/api/orders')).toBe(503);
    await waitForRows("the new page's failure", (list) => list.length === 1);
    expect(
      await panel((window) => {
        const box = [...window.document.querySelectorAll('label')].find((one) => one.textContent?.trim() === 'Preserve log')?.querySelector('input');
        box?.click();
        return box?.checked === true;
      }),
    ).toBe(true);
    await firefox.navigate(tabId, `${sites.site.origin}/shop`);
    expect(await pageFetch('/api/slow')).toBe(504);
    await waitForRows("both pages' failures", (list) => list.length === 2);
  });
});
