// Privacy in Chromium with the built extension (issue 14, parts 2 and 3): after pages that fail with a token in their
// query strings, cookies and an Authorization header, every storage area is read. The token is never on disk, no
// cookie or token value is anywhere, and nothing of an incognito window reaches storage.local or storage.sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumWithExtension } from '../support/chromium';
import { QUERY_SECRET, readAllStorage, secretsIn, startPrivacySite, type PrivacySite, type StorageAreas } from '../support/privacy-site';
import { waitFor } from '../support/wait';
import { historyInDump, otherKeys, uniqueUrls } from '../../support/history';

describe('Chromium: nothing secret is kept', () => {
  let browser: ChromiumWithExtension;
  let site: PrivacySite;

  beforeAll(async () => {
    site = await startPrivacySite();
    // Allowed in incognito windows, as a user can allow it.
    browser = await launchChromium({ allowIncognito: true });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.server.close();
  });

  const storage = () => browser.inExtension(readAllStorage) as Promise<StorageAreas>;

  it('keeps the query token off the disk and no cookie or token value anywhere', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.pageUrl('/regular'));
    const tabId = await browser.tabIdOf(page);
    // Both failures (the page and its API call) are in Recent errors, and the page's text was read into its record.
    const areas = await waitFor('both failures recorded and the page read', async () => {
      const all = await storage();
      const record = all.session[`tab:${tabId}`] as { page?: { pageHtml?: string } } | undefined;
      return historyInDump(all.local).length >= 2 && record?.page?.pageHtml ? all : undefined;
    });
    expect(site.apiCallsWithCredentials()).toBeGreaterThanOrEqual(1);
    expect(secretsIn(areas)).toEqual([]);
    expect(uniqueUrls(areas.local)).toEqual([`${site.server.origin}/api/regular`, `${site.server.origin}/regular`]);
    // The tab's record in storage.session has no query string either; only the retry schedule keeps the address.
    expect(JSON.stringify(areas.session[`tab:${tabId}`])).not.toContain(QUERY_SECRET);
    expect(areas.session[`retry:${tabId}`]).toMatchObject({ url: site.pageUrl('/regular') });
    await browser.closeTabs();
  });

  it('writes nothing of an incognito window to storage.local or storage.sync, and forgets it when the window closes', async () => {
    const before = await storage();
    const windowId = await browser.inExtension(async (url) => (await chrome.windows.create({ incognito: true, url }))!.id!, site.pageUrl('/private'));
    const areas = await waitFor('the private failures in memory', async () => {
      const all = await storage();
      return uniqueUrls(all.session, 'privateHistory').length === 2 ? all : undefined;
    });
    expect(site.apiCallsWithCredentials()).toBeGreaterThanOrEqual(2);
    expect(uniqueUrls(areas.session, 'privateHistory')).toEqual([`${site.server.origin}/api/private`, `${site.server.origin}/private`]);
    // Disk holds what it held (the regular tab may still add its own retries): nothing of the private window.
    expect(otherKeys(areas.local)).toEqual(otherKeys(before.local));
    expect(areas.sync).toEqual(before.sync);
    expect(JSON.stringify({ local: areas.local, sync: areas.sync })).not.toContain('/private');
    expect(secretsIn(areas)).toEqual([]);

    await browser.inExtension((id) => chrome.windows.remove(id), windowId);
    const after = await waitFor('the private window forgotten', async () => {
      const all = await storage();
      return historyInDump(all.session, 'privateHistory').length === 0 && !JSON.stringify(all.session).includes('/private') ? all : undefined;
    });
    expect(JSON.stringify(after.local)).not.toContain('/private');
  });
});
