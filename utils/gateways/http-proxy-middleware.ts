// http-proxy-middleware (the Node dev-server proxy of webpack-dev-server, Express and Vue CLI): its one-line error text and the status it picks from Node's error code.
import { defineGateway, type Marker, type Variant } from './types';

const HPM = 'https://github.com/chimurai/http-proxy-middleware/blob/014a19804c2f55fefdbe6c336d4be510ba64b073/';
const STATUS_CODE = `${HPM}src/status-code.ts`;
const ERROR_RESPONSE = `${HPM}src/plugins/default/error-response-plugin.ts#L24-L31`;
const LOGGER = `${HPM}src/plugins/default/logger-plugin.ts#L31`;
// The text's earlier spellings: "Error occured while trying to proxy: " (v1.1.0–v2.0.1), "… to proxy to: " (≤ v1.0).
const V1_TEXT = 'https://github.com/chimurai/http-proxy-middleware/blob/v1.3.1/src/_handlers.ts#L82';
const V0_TEXT = 'https://github.com/chimurai/http-proxy-middleware/blob/v0.19.1/lib/handlers.js#L76';

/**
 * What it writes on a proxy error: `res.writeHead(status)` with no header of its own, then "Error occurred while trying
 * to proxy: <Host><url>" (error-response-plugin.ts#L27-L31); v2.0.2 fixed the "occured" typo, v1.1 dropped " to".
 */
const OWN_TEXT: Marker = {
  any: [
    { text: 'error occurred while trying to proxy:' },
    { text: 'error occured while trying to proxy:' },
    { text: 'error occured while trying to proxy to:' },
  ],
};

const LOG = 'The dev server\'s terminal names the Node error: "[HPM] Error occurred while proxying request <host><path> to <target> [ECONNREFUSED]".';

const page = (status: number, short: string, title: string, meaning: string, causes: Variant['causes'], lines: string): Variant => ({
  id: `http-proxy-middleware-${status}-${short}`,
  title,
  when: [{ status }, OWN_TEXT],
  meaning,
  causes,
  source: 'gateway',
  tellApart: LOG,
  reference: `${STATUS_CODE}#${lines}`,
});

export default defineGateway({
  id: 'http-proxy-middleware',
  name: 'http-proxy-middleware',
  kind: 'reverse-proxy',
  bodyTells:
    'http-proxy-middleware\'s page is one line, "Error occurred while trying to proxy: <host><path>"; the Node error behind it is only in the dev server\'s terminal.',
  fingerprint: [{ ...OWN_TEXT, weight: 0.95, note: "http-proxy-middleware's error text (each of its spellings since v0.17)" }],
  variants: [
    // Listed first: four of its codes map to 504, so a page pasted without its status most often had this one.
    page(
      504,
      'proxy-error',
      '504: Error occurred while trying to proxy (http-proxy-middleware)',
      'The dev server\'s proxy could not get an answer from the target: ECONNREFUSED (nothing listens there: the backend is not started, or "localhost" resolved to IPv6 ::1), ENOTFOUND (the target name does not resolve), ECONNRESET (the connection was reset, or proxyTimeout fired) or ETIMEDOUT. It reports all four as 504.',
      { 'origin-unreachable': 0.6, 'origin-reset': 0.2, 'origin-timeout': 0.2 },
      'L14-L20',
    ),
    page(
      502,
      'invalid-response',
      '502: Error occurred while trying to proxy (http-proxy-middleware, invalid response)',
      "Node's HTTP parser rejected the target's response (an HPE_INVALID_* error: a malformed status line, header or chunk).",
      { 'origin-invalid-response': 0.95, unknown: 0.05 },
      'L4-L7',
    ),
    page(
      500,
      'other-error',
      '500: Error occurred while trying to proxy (http-proxy-middleware, other error)',
      'The proxy failed with an error it has no status for: most often EHOSTUNREACH or EAI_AGAIN (the target cannot be reached or resolved), a TLS error talking to an https target (self-signed or expired certificate, wrong name; set secure: false or changeOrigin), or EPIPE.',
      { 'origin-unreachable': 0.5, 'origin-tls': 0.35, 'origin-reset': 0.15 },
      'L21-L23',
    ),
    page(
      400,
      'invalid-multipart',
      '400: Error occurred while trying to proxy (http-proxy-middleware, invalid multipart body)',
      "Its fixRequestBody helper could not re-encode the request's multipart body for the target.",
      { unknown: 1 },
      'L9-L12',
    ),
  ],
  advice: {
    visitor: [],
    owner: [
      LOG,
      "ECONNREFUSED: start the backend, check the target's port, and try 127.0.0.1 instead of localhost (Node 17+ may resolve localhost to ::1 while the backend listens on IPv4 only).",
    ],
  },
  documented: [
    {
      name: 'Error occurred while trying to proxy: <host><url> (v2.0.2 and later)',
      reference: ERROR_RESPONSE,
      variant: 'http-proxy-middleware-504-proxy-error',
      example: { status: 504, body: 'Error occurred while trying to proxy: localhost:3000/api/users' },
    },
    {
      name: 'Error occured while trying to proxy: <host><url> (v1.1.0 to v2.0.1)',
      reference: V1_TEXT,
      variant: 'http-proxy-middleware-504-proxy-error',
      example: { status: 504, body: 'Error occured while trying to proxy: localhost:3000/api/users' },
    },
    {
      name: 'Error occured while trying to proxy to: <host><url> (v1.0 and earlier)',
      reference: V0_TEXT,
      variant: 'http-proxy-middleware-504-proxy-error',
      example: { status: 504, body: 'Error occured while trying to proxy to: localhost:8080/api/users' },
    },
    { name: 'ECONNREFUSED / ENOTFOUND / ECONNRESET / ETIMEDOUT → 504', reference: `${STATUS_CODE}#L14-L20`, variant: 'http-proxy-middleware-504-proxy-error' },
    {
      name: 'HPE_INVALID_* → 502',
      reference: `${STATUS_CODE}#L4-L7`,
      variant: 'http-proxy-middleware-502-invalid-response',
      example: { status: 502, body: 'Error occurred while trying to proxy: localhost:3000/api/users' },
    },
    {
      name: 'any other error code → 500',
      reference: `${STATUS_CODE}#L21-L23`,
      variant: 'http-proxy-middleware-500-other-error',
      example: { status: 500, body: 'Error occurred while trying to proxy: localhost:3000/api/users' },
    },
    {
      name: 'HPM_ERR_INVALID_MULTIPART_* → 400',
      reference: `${STATUS_CODE}#L9-L12`,
      variant: 'http-proxy-middleware-400-invalid-multipart',
      example: { status: 400, body: 'Error occurred while trying to proxy: localhost:3000/upload' },
    },
    { name: '[HPM] Error occurred while proxying request … to … [code]', reference: LOGGER, logOnly: true },
  ],
  sources: [
    ERROR_RESPONSE,
    STATUS_CODE,
    V1_TEXT,
    V0_TEXT,
    LOGGER,
    'https://github.com/http-party/node-http-proxy/blob/9b96cd725127a024dabebec6c7ea8c807272223d/lib/http-proxy/index.js#L114-L122',
  ],
});
