// The local test site the browser benchmarks load: a 300-subresource page (healthy, 10 % failing with nginx 502s, or
// with 20 ms of server latency per subresource), a page that makes 50 failing fetches, and a page that is itself an
// nginx 502. Served over keep-alive HTTP/1.1 on 127.0.0.1, never cacheable.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The mix of the 300 subresources: what a content-heavy page asks for, with a few API calls. */
export const SUBRESOURCES = { image: 100, script: 80, stylesheet: 80, fetch: 40 } as const;
export type SubresourceKind = keyof typeof SUBRESOURCES;
export const SUBRESOURCE_COUNT = Object.values(SUBRESOURCES).reduce((sum, count) => sum + count, 0);

/** Every 10th subresource of each kind fails on the failing page: 10 % overall, spread over all kinds. */
export const isFailing = (index: number) => index % 10 === 9;
export const FAILING_COUNT = Object.values(SUBRESOURCES).reduce((sum, count) => sum + Math.floor(count / 10), 0);

/** The pages the page-load benchmarks compare, all with the same 300 subresources. */
export const SCENARIOS = {
  ok: { failing: false, delayMs: 0, title: `${SUBRESOURCE_COUNT} subresources, all 200` },
  failing: { failing: true, delayMs: 0, title: `${SUBRESOURCE_COUNT} subresources, ${FAILING_COUNT} of them (10 %) nginx 502s` },
  // Loopback answers in microseconds, which makes every per-request cost look larger than on the web; 20 ms per
  // subresource over keep-alive connections (6 per host in both browsers) puts the connection pool in the picture.
  slow: { failing: false, delayMs: 20, title: `${SUBRESOURCE_COUNT} subresources, all 200, each delayed 20 ms by the server` },
} as const;
export type Scenario = keyof typeof SCENARIOS;

// nginx 1.22's built-in 502 page, byte for byte (ngx_http_special_response.c: CRLF line ends, no MSIE padding
// for Chrome's user agent): https://github.com/nginx/nginx/blob/master/src/http/ngx_http_special_response.c
const NGINX_502_BODY =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';

// A 1×1 transparent PNG: images must decode, or the browser would log errors instead of painting.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

// no-store on everything: each load goes to the network, so every subresource reaches the webRequest listeners.
const NO_STORE = { 'Cache-Control': 'no-store' };

function send(response: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...NO_STORE, ...extra });
  response.end(body);
}

function sendNginx502(response: http.ServerResponse) {
  // The headers nginx sends with it; Node adds Date and Connection: keep-alive as nginx does.
  response.writeHead(502, 'Bad Gateway', {
    Server: 'nginx/1.22.1',
    'Content-Type': 'text/html',
    'Content-Length': Buffer.byteLength(NGINX_502_BODY),
    ...NO_STORE,
  });
  response.end(NGINX_502_BODY);
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

/**
 * The 300-subresource page. It reports its own timing in `window.benchDone`: the navigation's loadEventEnd, when
 * its fetches settled, and `done`, the later of the two (the load event does not wait for fetch()).
 */
function heavyPage(token: string, failing: boolean, delayMs: number): string {
  const delay = delayMs > 0 ? `&delay=${delayMs}` : '';
  const query = (index: number) => `?v=${token}${delay}${failing && isFailing(index) ? '&fail=1' : ''}`;
  const styles = range(SUBRESOURCES.stylesheet).map((i) => `<link rel="stylesheet" href="/css/${i}.css${query(i)}">`);
  const images = range(SUBRESOURCES.image).map((i) => `<img src="/img/${i}.png${query(i)}" width="8" height="8" alt="">`);
  const scripts = range(SUBRESOURCES.script).map((i) => `<script src="/js/${i}.js${query(i)}"></script>`);
  const fetchUrls = JSON.stringify(range(SUBRESOURCES.fetch).map((i) => `/api/${i}${query(i)}`));
  return `<!doctype html><html><head><meta charset="utf-8"><title>Bench page</title>
<script>
// 300 entries would overflow the default resource timing buffer of 250.
performance.setResourceTimingBufferSize(1000);
</script>
${styles.join('\n')}
</head><body><h1>Bench page</h1>
${images.join('\n')}
<script>
const fetchesSettled = Promise.allSettled(${fetchUrls}.map((url) => fetch(url).then((r) => r.text()))).then(() => performance.now());
// loadEventEnd is only set once the load handlers have returned, so read it a task later.
const loaded = new Promise((resolve) => addEventListener('load', () => setTimeout(resolve, 0)));
window.benchDone = Promise.all([fetchesSettled, loaded]).then(([fetchesAt]) => {
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource').length;
  return { loadEventEnd: nav.loadEventEnd, fetchesSettled: fetchesAt, done: Math.max(nav.loadEventEnd, fetchesAt), resources };
});
</script>
${scripts.join('\n')}
</body></html>`;
}

/** A page whose 50 fetch() calls all get nginx 502s: the tab the popup benchmark describes. */
function fiftyFailuresPage(token: string): string {
  return `<!doctype html><meta charset="utf-8"><title>Fifty failures</title><h1>Fifty failures</h1>
<script>
window.benchDone = Promise.allSettled(Array.from({ length: 50 }, (_, i) => fetch('/api/' + i + '?v=${token}&fail=1')));
</script>`;
}

/** A page that fetches the DNR blocker's probe address: the probe reaches the server only if no rule blocked it. */
function dnrProbePage(token: string): string {
  return `<!doctype html><meta charset="utf-8"><title>DNR probe</title>
<script>
window.benchDone = fetch('/${DNR_PROBE_PATH}?v=${token}').then(() => 'reached', () => 'blocked');
</script>`;
}

/** The path the generated content blocker's rules block (bench/browser.ts); no benchmark page asks for it. */
export const DNR_PROBE_PATH = 'dnr-probe';

export interface BenchSite {
  origin: string;
  /** The 300-subresource page; `token` makes every URL unique to one load. */
  heavyUrl(token: string, scenario: Scenario): string;
  fiftyFailuresUrl(token: string): string;
  /** A page whose main document is nginx's 502: the first event a failing site sends the background. */
  failingPageUrl(token: string): string;
  /** A small healthy page on the same origin, to have a tab on the site before navigating it. */
  blankUrl(): string;
  dnrProbeUrl(token: string): string;
  /** How many requests for the DNR probe reached the server. */
  dnrProbeHits(): number;
  close(): Promise<void>;
}

export async function startSite(): Promise<BenchSite> {
  let probeHits = 0;
  const respond = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://bench');
    const token = url.searchParams.get('v') ?? '0';
    if (url.searchParams.get('fail') === '1') return sendNginx502(response);
    const [, kind] = url.pathname.split('/');
    switch (kind) {
      case 'heavy':
        return send(
          response,
          200,
          'text/html; charset=utf-8',
          heavyPage(token, url.searchParams.get('failing') === '1', Number(url.searchParams.get('delay') ?? 0)),
        );
      case 'failing-page':
        return sendNginx502(response);
      case 'blank':
        return send(response, 200, 'text/html; charset=utf-8', '<!doctype html><meta charset="utf-8"><title>Blank</title>');
      case 'dnr-page':
        return send(response, 200, 'text/html; charset=utf-8', dnrProbePage(token));
      case DNR_PROBE_PATH:
        probeHits++;
        return send(response, 200, 'application/json', '{"ok":true}');
      case 'fifty':
        return send(response, 200, 'text/html; charset=utf-8', fiftyFailuresPage(token));
      case 'css':
        return send(response, 200, 'text/css', 'h1{color:#333}');
      case 'js':
        return send(response, 200, 'text/javascript', 'window.scriptsRun = (window.scriptsRun || 0) + 1;');
      case 'img':
        return send(response, 200, 'image/png', PIXEL);
      case 'api':
        return send(response, 200, 'application/json', '{"ok":true}');
      default:
        return send(response, 404, 'text/plain', 'not found');
    }
  };
  const server = http.createServer((request, response) => {
    // The delay is the server's think time before it answers, as a backend's would be; the connection stays open.
    const delay = Number(new URL(request.url ?? '/', 'http://bench').searchParams.get('delay') ?? 0);
    if (delay > 0 && !request.url?.startsWith('/heavy')) setTimeout(() => respond(request, response), delay);
    else respond(request, response);
  });
  // Chromium keeps up to 6 connections per host open; keep-alive avoids a TCP handshake per subresource.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    heavyUrl: (token, scenario) => {
      const { failing, delayMs } = SCENARIOS[scenario];
      return `${origin}/heavy?v=${token}${failing ? '&failing=1' : ''}${delayMs > 0 ? `&delay=${delayMs}` : ''}`;
    },
    fiftyFailuresUrl: (token) => `${origin}/fifty?v=${token}`,
    failingPageUrl: (token) => `${origin}/failing-page?v=${token}`,
    blankUrl: () => `${origin}/blank`,
    dnrProbeUrl: (token) => `${origin}/dnr-page?v=${token}`,
    dnrProbeHits: () => probeHits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
