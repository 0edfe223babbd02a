// An Envoy local reply for a refused upstream connection, for tests that need one with its headers. The published
// captures of this reply that carry headers are held out (test/fixtures/held-out/README.md), so it is written here
// from its documented shape instead, and is no fixture: Envoy's router answers 503 with a text/plain body
// "upstream connect error or disconnect/reset before headers. reset reason: <reason>" and `server: envoy`
// (/work/shared/gateways.md, Envoy section; Istio's locality failover task prints this exact body:
// https://github.com/istio/istio.io/blob/master/content/en/docs/tasks/traffic-management/locality-load-balancing/failover/index.md).

export const ENVOY_CONNECT_ERROR_BODY = 'upstream connect error or disconnect/reset before headers. reset reason: connection failure';

export const ENVOY_503_HEADERS: [string, string][] = [
  ['content-length', String(ENVOY_CONNECT_ERROR_BODY.length)],
  ['content-type', 'text/plain'],
  ['date', 'Fri, 27 Nov 2026 14:05:00 GMT'],
  ['server', 'envoy'],
];

/** The reply as an HTTP message, the form the captured fixtures have. */
export const ENVOY_503_MESSAGE = [
  'HTTP/1.1 503 Service Unavailable',
  ...ENVOY_503_HEADERS.map(([name, value]) => `${name}: ${value}`),
  '',
  ENVOY_CONNECT_ERROR_BODY,
].join('\r\n');
