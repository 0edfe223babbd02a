// Vite's dev server (server.proxy): its empty text/plain answer when the proxy target fails, and its host check's refusal.
import { defineGateway, type Marker, type Variant } from './types';

const VITE = 'https://github.com/vitejs/vite/blob/a98c8d95d552c6fa98ab66fb810f5b39ad5abf49/packages/vite/src/node/';
const PROXY_ERROR = `${VITE}server/middlewares/proxy.ts#L97-L113`;
// Up to 7.x the same empty answer had status 500 (commit 73e17750, first in 3.0; 502 since e240df2e, 8.0).
const PROXY_ERROR_7 = 'https://github.com/vitejs/vite/blob/v7.3.0/packages/vite/src/node/server/middlewares/proxy.ts#L109';
const TO_502 = 'https://github.com/vitejs/vite/commit/e240df2ea4accd11631aac0f361e846a2e3140b0';
const HOST_CHECK = `${VITE}server/middlewares/hostCheck.ts#L46-L62`;
const CORS = `${VITE}server/index.ts#L988-L991`;

/** The proxy's answer: `writeHead(status, { 'Content-Type': 'text/plain' }).end()`, an empty body (proxy.ts#L107-L112). */
const EMPTY_PLAIN: Marker[] = [{ body: 'empty' }, { header: 'content-type', equals: 'text/plain' }];
const HOST_REFUSED: Marker = { text: 'blocked request. this host (' };

const LOG = 'Vite\'s terminal names the error under "[vite] http proxy error: <path>", e.g. "Error: connect ECONNREFUSED 127.0.0.1:8080".';

const proxyError = (status: number, title: string, reference: string): Variant => ({
  id: `vite-${status}-proxy-error`,
  title,
  when: [{ status }, ...EMPTY_PLAIN],
  meaning:
    'Vite\'s dev-server proxy got no response from its target and answered with an empty body: most often nothing listens there (the backend is not started, the port is wrong, or "localhost" resolved to IPv6 ::1 while the backend listens on IPv4); else the connection was reset or proxyTimeout fired, a TLS check failed, or the response was malformed.',
  causes: { 'origin-unreachable': 0.75, 'origin-reset': 0.12, 'origin-timeout': 0.05, 'origin-tls': 0.05, 'origin-invalid-response': 0.03 },
  source: 'gateway',
  tellApart: LOG,
  reference,
});

export default defineGateway({
  id: 'vite',
  name: 'Vite dev server',
  kind: 'reverse-proxy',
  bodyTells: "Vite's proxy error has an empty body; the Node error behind it (ECONNREFUSED, ENOTFOUND, ECONNRESET …) is only in Vite's terminal.",
  fingerprint: [
    { ...HOST_REFUSED, weight: 0.95, note: "the message of Vite's host check (server.allowedHosts)" },
    {
      status: [500, 502],
      body: 'empty',
      header: 'content-type',
      equals: 'text/plain',
      weight: 0.4,
      note: "an empty text/plain 502 (500 before Vite 8): how Vite's proxy answers a failed target; other Node servers can send the same",
    },
    // Vite's cors middleware runs on every request (server.cors defaults to a RegExp of local origins), so Vary: Origin is on everything it serves.
    { header: 'vary', equals: 'Origin', weight: 0.2, note: "Vary: Origin, which Vite's default CORS handling adds to every response" },
  ],
  variants: [
    proxyError(502, "502 from Vite's dev-server proxy (empty body)", PROXY_ERROR),
    proxyError(500, "500 from Vite's dev-server proxy (Vite 3 to 7, empty body)", PROXY_ERROR_7),
    {
      id: 'vite-403-host-not-allowed',
      title: '403 Blocked request: this host is not allowed (Vite)',
      when: [{ status: 403 }, HOST_REFUSED],
      meaning:
        'Vite refused the request because its Host header is not in server.allowedHosts (preview.allowedHosts for vite preview): its protection against DNS rebinding, met when the dev server is reached through a tunnel, a container name or a custom domain.',
      causes: { unknown: 1 },
      source: 'gateway',
      advice: { owner: ['Add the host to server.allowedHosts in vite.config.js (or preview.allowedHosts), as the message says.'] },
      reference: HOST_CHECK,
    },
  ],
  advice: {
    visitor: [],
    owner: [LOG, 'ECONNREFUSED: start the backend, check the port in server.proxy, and try 127.0.0.1 rather than localhost as the target.'],
  },
  documented: [
    {
      name: '502 with an empty text/plain body (proxy error, Vite 8 and later)',
      reference: PROXY_ERROR,
      variant: 'vite-502-proxy-error',
      example: { status: 502, headers: { vary: 'Origin', 'content-type': 'text/plain', 'transfer-encoding': 'chunked' }, body: '' },
    },
    {
      name: '500 with an empty text/plain body (proxy error, Vite 3 to 7)',
      reference: PROXY_ERROR_7,
      variant: 'vite-500-proxy-error',
      example: { status: 500, headers: { vary: 'Origin', 'content-type': 'text/plain', 'transfer-encoding': 'chunked' }, body: '' },
    },
    {
      name: 'Blocked request. This host ("…") is not allowed.',
      reference: HOST_CHECK,
      variant: 'vite-403-host-not-allowed',
      example: {
        status: 403,
        headers: { 'content-type': 'text/plain' },
        body: 'Blocked request. This host ("app.example.test") is not allowed.\nTo allow this host, add "app.example.test" to `server.allowedHosts` in vite.config.js.',
      },
    },
    // A transform error's 500 page mounts Vite's error overlay: the developer's code failed to build, no proxy is involved.
    { name: 'Internal Server Error page with the error overlay (a transform error)', reference: `${VITE}server/middlewares/error.ts#L74-L105` },
    { name: '[vite] http proxy error: <path>', reference: PROXY_ERROR, logOnly: true },
  ],
  sources: [PROXY_ERROR, PROXY_ERROR_7, TO_502, HOST_CHECK, CORS, 'https://vite.dev/config/server-options#server-proxy'],
});
