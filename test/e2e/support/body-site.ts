// The site the background body tests run against: a healthy shop whose API calls fail at a gateway, one with Envoy's
// short local reply, one with a long error body (past the 16 KB Gatewhy keeps, in UTF-8 with characters of several
// bytes), and a gallery whose image fails the same way as the Envoy call. The shop's script keeps what its fetch() read, to check the bytes reached the page unchanged.
import { ENVOY_503_HEADERS, ENVOY_CONNECT_ERROR_BODY } from '../../support/envoy-local-reply';
import { okPage, rawResponse, startServer, type TestServer } from './http-server';

/** A long gateway error body: 40 KB of text with é, – and 🚧 (2, 3 and 4 bytes in UTF-8) all through it. */
export const LONG_BODY = `<!doctype html><title>502 Bad Gateway</title><h1>502 Bad Gateway</h1>${Array.from({ length: 800 }, (_, line) => `<p>ligne ${line}: passerelle – réessayez 🚧</p>`).join('\n')}`;

export async function startBodySite(): Promise<TestServer> {
  const shop = `<p>Shop</p><script>
    window.apiReads = {};
    for (const path of ['/api/orders', '/api/long']) {
      fetch(path).then(async (response) => { window.apiReads[path] = { status: response.status, text: await response.text() }; }).catch((error) => { window.apiReads[path] = { error: String(error) }; });
    }
  </script>`;
  return startServer({
    '/shop': () => okPage('Shop', shop),
    // An image is outside the default types: only watch-everything sees it.
    '/gallery': () => okPage('Gallery', '<p>Gallery</p><img src="/img/shelf.png" alt="shelf">'),
    '/img/shelf.png': () =>
      rawResponse(
        503,
        'Service Unavailable',
        ENVOY_503_HEADERS.filter(([name]) => name !== 'content-length'),
        ENVOY_CONNECT_ERROR_BODY,
      ),
    '/api/orders': () =>
      rawResponse(
        503,
        'Service Unavailable',
        ENVOY_503_HEADERS.filter(([name]) => name !== 'content-length'),
        ENVOY_CONNECT_ERROR_BODY,
      ),
    '/api/long': () =>
      rawResponse(
        502,
        'Bad Gateway',
        [
          ['Server', 'nginx'],
          ['Content-Type', 'text/html; charset=utf-8'],
        ],
        LONG_BODY,
      ),
  });
}

/** What the shop's fetch() calls read, once both have. */
export const READ_API_CALLS = `(() => { const reads = window.apiReads ?? {}; return reads['/api/orders'] && reads['/api/long'] ? JSON.stringify(reads) : undefined; })()`;
