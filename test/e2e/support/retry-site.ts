// The site both browsers' retry tests run against: pages that fail like nginx, recover, ask to wait, or take a form.
import { okPage, rawResponse, replayFixture, startServer, type TestServer } from './http-server';

const NGINX_502 = 'test/fixtures/responses/nginx/refused.http';

export interface RetrySite {
  server: TestServer;
  /** When each request for a path arrived (ms since the epoch), query strings ignored. */
  arrived(path: string): number[];
}

export async function startRetrySite(): Promise<RetrySite> {
  const arrivals = new Map<string, number[]>();
  const arrived = (path: string) => arrivals.get(path) ?? [];
  const failing = () => replayFixture(NGINX_502);
  const track = (handler: (hit: number) => string) => (request: { path: string }, hit: number) => {
    const path = request.path.split('?')[0]!;
    arrivals.set(path, [...arrived(path), Date.now()]);
    return handler(hit);
  };
  const server = await startServer({
    '/flaky': track((hit) => (hit <= 2 ? failing() : okPage('Back again'))),
    '/retry-after': track((hit) =>
      hit === 1 ? rawResponse(503, 'Service Unavailable', { 'Retry-After': '4', 'Content-Type': 'text/html' }, '<h1>Down for a moment</h1>') : okPage('Ready'),
    ),
    '/form': () => okPage('Order', '<form method="post" action="/submit"><input name="item" value="book"><button>Buy</button></form>'),
    '/submit': track(failing),
    '/always-down': track(failing),
    '/closing': track(failing),
    '/leaving': track(failing),
    '/elsewhere': () => okPage('Elsewhere'),
    '/slow-retry': track((hit) => (hit === 1 ? failing() : okPage('Recovered'))),
    '/never': track(failing),
    '/always': track((hit) => (hit === 1 ? failing() : okPage('Always'))),
    '/storm-1': track(failing),
    '/storm-2': track(failing),
    '/storm-3': track(failing),
  });
  return { server, arrived };
}
