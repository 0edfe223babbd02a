// The sites both browsers' popup tests run against: replayed gateway errors that carry secrets, a shop whose own API
// fails, and a third party (on another site) whose widget fails.
import { okPage, replayFixture, startServer, withHeaders, type TestServer } from './http-server';

const FIXTURES = 'test/fixtures/responses';
const CLOUDFRONT_502 = `${FIXTURES}/aws-cloudfront/502-could-not-connect-to-origin--published.http`;
const CLOUDFLARE_520 = `${FIXTURES}/cloudflare/520-origin-closed-connection-444--published.http`;
const CLOUDFRONT_503 = `${FIXTURES}/aws-cloudfront/503-lambda-execution-error--published.http`;
const NGINX_502 = `${FIXTURES}/nginx/502-proxy-connect-dns-failure--published.http`;

/** Secrets a response and an address may carry: none may reach the popup's report. */
export const SECRETS = { cookie: 'SECRET-COOKIE-VALUE', token: 'SECRET-TOKEN-VALUE', query: 'SECRET-QUERY-VALUE' };

const secretHeaders = { 'Set-Cookie': `session=${SECRETS.cookie}; HttpOnly`, 'X-Auth-Token': SECRETS.token };

export interface PopupSite {
  site: TestServer;
  /** On localhost, another site than 127.0.0.1. */
  thirdParty: TestServer;
  close(): Promise<void>;
}

export async function startPopupSite(): Promise<PopupSite> {
  const thirdParty = await startServer({
    '/widget.json': () => withHeaders(replayFixture(CLOUDFRONT_503), { 'Access-Control-Allow-Origin': '*' }),
  });
  const fetches = (...urls: string[]) => `<p>Shop</p><script>${urls.map((url) => `fetch(${JSON.stringify(url)}).catch(() => {});`).join('')}</script>`;
  const site = await startServer({
    '/cloudfront': () => withHeaders(replayFixture(CLOUDFRONT_502), secretHeaders),
    '/cloudflare': () => withHeaders(replayFixture(CLOUDFLARE_520), secretHeaders),
    '/api/cart': () => withHeaders(replayFixture(NGINX_502), secretHeaders),
    '/shop': () => okPage('Shop', fetches(`/api/cart?user=${SECRETS.query}`)),
    '/healthy': () => okPage('Healthy'),
    '/flaky': (_request, hit) => (hit === 1 ? replayFixture(NGINX_502) : okPage('Back again')),
    '/shop-with-widget': () => okPage('Shop', fetches('/api/cart', `http://localhost:${thirdParty.port}/widget.json?key=${SECRETS.query}`)),
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
