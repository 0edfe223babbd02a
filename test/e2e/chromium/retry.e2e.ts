// Auto-retry in Chromium: recovery with the defaults, Retry-After, no form re-POST, cancellation, worker stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumWithExtension } from '../support/chromium';
import { startServer, replayFixture, okPage, rawResponse, type TestServer } from '../support/http-server';
import { waitFor } from '../support/wait';

const NGINX_502 = 'test/fixtures/responses/nginx/502-proxy-connect-dns-failure--published.http';

describe('Chromium: automatic retry', () => {
  let browser: ChromiumWithExtension;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({
      '/flaky': (_request, hit) => (hit <= 2 ? replayFixture(NGINX_502) : okPage('Back again')),
      '/retry-after': (_request, hit) =>
        hit === 1 ? rawResponse(503, 'Service Unavailable', { 'Retry-After': '4', 'Content-Type': 'text/html' }, '<h1>Down for a moment</h1>') : okPage('Ready'),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('brings back a page that fails 502, 502, then 200', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/flaky`);
    await expect.poll(() => page.title(), { timeout: 20_000 }).toBe('Back again');
    expect(server.hits.get('/flaky')).toBe(3);
    const tabId = await browser.tabIdOf(page);
    const timeline = await browser.inWorker(async (id) => ((await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { timeline: { kind: string }[] }).timeline, tabId);
    expect(timeline.map((event: { kind: string }) => event.kind)).toContain('recovered');
  });

  it('waits as long as Retry-After asks', async () => {
    const page = await browser.context.newPage();
    const started = Date.now();
    await page.goto(`${server.origin}/retry-after`);
    await expect.poll(() => page.title(), { timeout: 20_000 }).toBe('Ready');
    const second = server.requests.filter((request) => request.path === '/retry-after')[1];
    expect(second).toBeDefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
  });
});
