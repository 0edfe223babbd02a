// The site the DevTools tests run against: a healthy shop whose API calls fail at gateways (an Envoy local reply
// replayed from a published capture, an nginx timeout, an nginx error that sets a cookie), and a third party's widget.
import { okPage, rawResponse, replayFixture, startServer, type TestServer } from './http-server';

const FIXTURES = 'test/fixtures/responses';
const ENVOY_503 = `${FIXTURES}/envoy/503-connection-failure-chunked-contour--published.http`;
const NGINX_504 = `${FIXTURES}/nginx/504-gateway-time-out-nginx-1.2.6--published.http`;
const NGINX_502 = `${FIXTURES}/nginx/502-proxy-connect-dns-failure--published.http`;
const CLOUDFRONT_503 = `${FIXTURES}/aws-cloudfront/503-lambda-execution-error--published.http`;

/** Values that must never reach a report or a HAR export. */
export const SECRETS = {
  requestCookie: 'SECRET-REQUEST-COOKIE',
  authorization: 'SECRET-AUTHORIZATION',
  setCookie: 'SECRET-SET-COOKIE',
  tokenHeader: 'SECRET-TOKEN-HEADER',
  query: 'SECRET-QUERY',
};

/** The Envoy reply's correlation id, for the report's "For support" block. */
export const ENVOY_REQUEST_ID = '8d7c2a4e-4f1b-4d1e-9a57-3c2b1e0f9a11';

/** A replayed response with extra headers after the status line. */
export function withHeaders(raw: string, headers: [string, string][]): string {
  const end = raw.indexOf('\r\n') + 2;
  return raw.slice(0, end) + headers.map(([name, value]) => `${name}: ${value}\r\n`).join('') + raw.slice(end);
}

export interface DevtoolsSite {
  site: TestServer;
  /** On localhost: another site than 127.0.0.1. */
  thirdParty: TestServer;
  close(): Promise<void>;
}

export async function startDevtoolsSite(): Promise<DevtoolsSite> {
  const thirdParty = await startServer({
    '/widget.json': () => withHeaders(replayFixture(CLOUDFRONT_503), [['Access-Control-Allow-Origin', '*']]),
  });
  const site = await startServer({
    '/shop': () => okPage('Shop'),
    '/checkout': () => okPage('Checkout'),
    '/api/orders': () => withHeaders(replayFixture(ENVOY_503), [['X-Request-Id', ENVOY_REQUEST_ID]]),
    '/api/slow': () => replayFixture(NGINX_504),
    '/api/account': () =>
      withHeaders(replayFixture(NGINX_502), [
        ['Set-Cookie', `session=${SECRETS.setCookie}; HttpOnly`],
        ['X-Auth-Token', SECRETS.tokenHeader],
      ]),
    '/api/healthy': () => rawResponse(200, 'OK', { 'Content-Type': 'application/json' }, '{"ok":true}'),
  });
  return {
    site,
    thirdParty,
    async close() {
      await site.close();
      await thirdParty.close();
    },
  };
}
