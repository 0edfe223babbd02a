// The site both browsers' retry tests run against: pages that fail like nginx, recover, ask to wait, take a form,
// close the connection, redirect, or end with a 401.
import { okPage, rawResponse, replayFixture, startServer, type Handler, type TestServer } from './http-server';

const NGINX_502 = 'test/fixtures/responses/nginx/refused.http';

export interface RetrySite {
  server: TestServer;
  /** When each request for a path arrived (ms since the epoch), query strings ignored. */
  arrived(path: string): number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const html = (title: string) => `<!doctype html><title>${title}</title><h1>${title}</h1>`;

export async function startRetrySite(): Promise<RetrySite> {
  const arrivals = new Map<string, number[]>();
  const arrived = (path: string) => arrivals.get(path) ?? [];
  const failing = () => replayFixture(NGINX_502);
  const track = (handler: (hit: number) => ReturnType<Handler>) => (request: { path: string }, hit: number) => {
    const path = request.path.split('?')[0]!;
    arrivals.set(path, [...arrived(path), Date.now()]);
    return handler(hit);
  };
  /** Fails once like nginx, then answers `status` with nothing to say but its status. */
  const failsThen = (status: number, reason: string) =>
    track((hit) => (hit === 1 ? failing() : rawResponse(status, reason, { 'Content-Type': 'text/html' }, html(`${status} ${reason}`))));
  const server = await startServer({
    '/flaky': track((hit) => (hit <= 2 ? failing() : okPage('Back again'))),
    '/retry-after': track((hit) =>
      hit === 1 ? rawResponse(503, 'Service Unavailable', { 'Retry-After': '4', 'Content-Type': 'text/html' }, '<h1>Down for a moment</h1>') : okPage('Ready'),
    ),
    '/retry-after-zero': track(() => rawResponse(503, 'Service Unavailable', { 'Retry-After': '0', 'Content-Type': 'text/html' }, html('Busy, try again'))),
    '/retry-after-zero-without': track(() =>
      rawResponse(503, 'Service Unavailable', { 'Retry-After': '0', 'Content-Type': 'text/html' }, html('Busy, try again')),
    ),
    '/asks-an-hour': track(() => rawResponse(503, 'Service Unavailable', { 'Retry-After': '3600', 'Content-Type': 'text/html' }, html('Down for maintenance'))),
    '/form': () => okPage('Order', '<form method="post" action="/submit"><input name="item" value="book"><button>Buy</button></form>'),
    '/submit': track(failing),
    '/closing': track(failing),
    '/leaving': track(failing),
    '/elsewhere': () => okPage('Elsewhere'),
    // The user's next page takes its time: a retry due meanwhile must not land on top of it.
    '/slow-elsewhere': track(async () => {
      await sleep(3000);
      return okPage('Elsewhere');
    }),
    '/slow-retry': track((hit) => (hit === 1 ? failing() : okPage('Recovered'))),
    '/never': track(failing),
    '/always': track((hit) => (hit === 1 ? failing() : okPage('Always'))),
    '/storm-1': track(failing),
    '/storm-2': track(failing),
    '/storm-3': track(failing),
    '/banner-keyboard': track(failing),
    '/banner-click': track(failing),
    // The server closes every connection without a byte: the browser shows its own "empty response" page.
    '/no-response-with': track(() => 'close'),
    '/no-response-without': track(() => 'close'),
    // Closes every connection for half a second from the first request (Firefox itself may try again at once, which
    // then fails too), then answers: only a retry made later brings the page back.
    '/closes-then-ok': track(() => (Date.now() - arrived('/closes-then-ok')[0]! < 500 ? 'close' : okPage('Back'))),
    '/then-401': failsThen(401, 'Unauthorized'),
    '/then-403': failsThen(403, 'Forbidden'),
    '/then-404': failsThen(404, 'Not Found'),
    '/redirecting': track((hit) => (hit === 1 ? failing() : rawResponse(302, 'Found', { Location: '/landing' }))),
    '/landing': track(() => okPage('Landed')),
  });
  return { server, arrived };
}
