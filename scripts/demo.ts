// `npm run demo`: serves a small site that fails like real gateways, then opens Chromium with Gatewhy loaded.
// The failing pages replay responses captured from real gateways (test/fixtures/responses), headers and all.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { okPage, rawResponse, replayFixture, startServer, type Handler } from '../test/e2e/support/http-server';

const PORT = Number(process.env.GATEWHY_DEMO_PORT ?? 8502);
const fixture = (name: string) => () => replayFixture(path.join('test/fixtures/responses', name));

// The page that fails twice and then recovers starts over a minute after it recovered, so the demo can be replayed.
let flakyHits = 0;
let flakyRecoveredAt = 0;
const flaky: Handler = () => {
  if (flakyRecoveredAt && Date.now() - flakyRecoveredAt > 60_000) [flakyHits, flakyRecoveredAt] = [0, 0];
  flakyHits += 1;
  if (flakyHits <= 2) return replayFixture('test/fixtures/responses/nginx/refused.http');
  flakyRecoveredAt ||= Date.now();
  return okPage('Back again', '<p>This page failed twice with 502 and then recovered. Gatewhy retried it for you.</p><p><a href="/">All scenarios</a></p>');
};

const SCENARIOS: { path: string; title: string; what: string; handler: Handler }[] = [
  {
    path: '/bad-gateway',
    title: '502 from nginx',
    what: 'nginx could not connect to its upstream (a real nginx capture).',
    handler: fixture('nginx/refused.http'),
  },
  {
    path: '/cloudfront',
    title: '502 from CloudFront',
    what: 'CloudFront\'s "The request could not be satisfied" page.',
    handler: fixture('aws-cloudfront/502-could-not-connect-to-origin--published.http'),
  },
  { path: '/gateway-timeout', title: '504 from nginx', what: 'The upstream took too long (a real nginx capture).', handler: fixture('nginx/hang.http') },
  {
    path: '/maintenance',
    title: '503 with Retry-After',
    what: 'The application is in maintenance and asks to come back in 8 seconds.',
    handler: () =>
      rawResponse(
        503,
        'Service Unavailable',
        { Server: 'nginx/1.22.1', 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '8' },
        '<!doctype html><title>Maintenance</title><h1>We are down for maintenance</h1><p>Back in a moment.</p>',
      ),
  },
  { path: '/flaky', title: 'Fails twice, then recovers', what: 'Watch the banner count down and the page come back by itself.', handler: flaky },
  {
    path: '/api-failure',
    title: 'A healthy page whose API call fails',
    what: 'The page loads, but its fetch() to /api/orders gets a 503 from Envoy.',
    handler: () =>
      okPage(
        'Shop',
        '<p>Orders: <span id="orders">loading…</span></p><script>fetch("/api/orders").then(r => document.getElementById("orders").textContent = "failed with " + r.status)</script>',
      ),
  },
];

function indexPage(origin: string): string {
  const items = SCENARIOS.map(({ path: href, title, what }) => `<li><a href="${href}">${title}</a>: ${what}</li>`).join('');
  return okPage(
    'Gatewhy demo',
    `<p>Each link fails the way a real gateway fails. Open one, then click the Gatewhy button in the toolbar.</p><ul>${items}</ul><p>Site: ${origin}</p>`,
  );
}

function findChromium(): string | undefined {
  for (const candidate of [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ]) {
    if (candidate && spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

const routes: Record<string, Handler> = Object.fromEntries(SCENARIOS.map(({ path: route, handler }) => [route, handler]));
routes['/api/orders'] = fixture('envoy/503-no-healthy-upstream-istio-0.7--published.http');
const server = await startServer(routes, { port: PORT });
server.route('/', () => indexPage(server.origin));
console.log(`Gatewhy demo site: ${server.origin}/  (Ctrl+C to stop)`);
for (const { path: route, title } of SCENARIOS) console.log(`  ${server.origin}${route}  ${title}`);

const extension = path.resolve('.output/chrome-mv3');
const chromium = findChromium();
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`\nNo display found (DISPLAY is not set), so no browser is opened. The site keeps running:`);
  console.log(`load ${extension} as an unpacked extension in Chrome or Chromium on a machine with a screen, then open ${server.origin}/`);
} else if (!chromium) {
  console.log(`\nNo Chromium or Chrome found (set CHROME_PATH). Load ${extension} as an unpacked extension and open ${server.origin}/`);
} else {
  const profile = mkdtempSync(path.join(tmpdir(), 'gatewhy-demo-'));
  console.log(`\nOpening ${chromium} with Gatewhy loaded (fresh profile in ${profile}).`);
  const browser = spawn(
    chromium,
    [
      `--user-data-dir=${profile}`,
      `--load-extension=${extension}`,
      `--disable-extensions-except=${extension}`,
      '--no-first-run',
      '--no-default-browser-check',
      `${server.origin}/`,
    ],
    { stdio: 'ignore' },
  );
  browser.on('exit', () => console.log('The browser closed; the demo site keeps running until Ctrl+C.'));
}
