// The site the DevTools tests run against: a healthy shop whose API calls fail at gateways (an Envoy local reply
// (test/support/envoy-local-reply.ts), an nginx timeout, an nginx error that sets a cookie), and a third party's widget.
import { ENVOY_503_HEADERS, ENVOY_CONNECT_ERROR_BODY } from '../../support/envoy-local-reply';
import { okPage, rawResponse, replayFixture, startServer, withHeaders, type TestServer } from './http-server';

const FIXTURES = 'test/fixtures/responses';
const NGINX_504 = `${FIXTURES}/nginx/hang.http`;
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

interface ExportedHar {
  log: {
    entries: {
      request: { url: string; headers: { name: string; value: string }[]; cookies: unknown[] };
      response: { status: number; cookies: unknown[]; content: { text?: string } };
    }[];
  };
}

/**
 * Checks a HAR file exported after the page called /api/account with a cookie, an Authorization header and a token
 * in the query, and got back a Set-Cookie and a token header: the call is there, none of the secrets is.
 */
export function checkExportedHar(text: string): ExportedHar {
  const har = JSON.parse(text) as ExportedHar;
  const account = har.log.entries.find((entry) => entry.request.url.endsWith('/api/account'));
  if (account?.response.status !== 502) throw new Error('the HAR lacks the failed /api/account call');
  const authorization = account.request.headers.find(({ name }) => name.toLowerCase() === 'authorization');
  if (authorization?.value !== '[redacted]') throw new Error(`the HAR's Authorization header reads ${authorization?.value}`);
  if (account.request.cookies.length + account.response.cookies.length > 0) throw new Error('the HAR keeps cookies');
  const leaked = Object.values(SECRETS).filter((secret) => text.includes(secret));
  if (leaked.length > 0) throw new Error(`the HAR contains ${leaked.join(', ')}`);
  return har;
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
    '/api/orders': () =>
      rawResponse(
        503,
        'Service Unavailable',
        [...ENVOY_503_HEADERS.filter(([name]) => name !== 'content-length'), ['x-request-id', ENVOY_REQUEST_ID]],
        ENVOY_CONNECT_ERROR_BODY,
      ),
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
