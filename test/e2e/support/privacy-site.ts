// A failing site full of secrets, for the privacy checks in both browsers: a token in every query string, cookies set
// by the server and by the page, an Authorization header on the page's API call, and a header echoing them.
import { rawResponse, startServer, type TestServer } from './http-server';

/** The query-string token: it may sit only in storage.session (the retry needs the exact address), never on disk. */
export const QUERY_SECRET = 'qs-SECRET-7Zp4';
/** Cookie and token values: never stored anywhere, not even in storage.session. */
export const CREDENTIALS = ['cookie-VALUE-9xK2', 'page-COOKIE-5tR8', 'bearer-TOKEN-3mW6'] as const;
const [SERVER_COOKIE, PAGE_COOKIE, BEARER_TOKEN] = CREDENTIALS;

const nginxPage = (status: string, extra = '') =>
  `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n${extra}</body>\r\n</html>\r\n`;

/** A page that fails like nginx and, from its own script, sets a cookie and calls an API that fails too. */
function failingPage(path: string): string {
  const script = `<p>While loading ${path}?token=${QUERY_SECRET}</p><script>
document.cookie = 'pc=${PAGE_COOKIE}; path=/';
fetch('/api${path}?token=${QUERY_SECRET}', { headers: { Authorization: 'Bearer ${BEARER_TOKEN}', 'X-Api-Token': '${BEARER_TOKEN}' }, credentials: 'include' });
</script>`;
  return rawResponse(
    502,
    'Bad Gateway',
    [
      ['Server', 'nginx/1.24.0'],
      ['Content-Type', 'text/html'],
      ['Set-Cookie', `sid=${SERVER_COOKIE}; Path=/; HttpOnly`],
      ['X-Original-URI', `${path}?token=${QUERY_SECRET}`],
    ],
    nginxPage('502 Bad Gateway', script),
  );
}

export interface PrivacySite {
  server: TestServer;
  /** The failing page's address, with the token in its query string. */
  pageUrl(path: '/regular' | '/private'): string;
  /** Whether the API call arrived with its credentials (so the test knows there were secrets to keep). */
  apiCallsWithCredentials(): number;
}

export async function startPrivacySite(): Promise<PrivacySite> {
  const api = () =>
    rawResponse(
      503,
      'Service Temporarily Unavailable',
      [
        ['Server', 'nginx/1.24.0'],
        ['Content-Type', 'text/html'],
        ['Set-Cookie', `api=${SERVER_COOKIE}; Path=/`],
        ['X-Echo-Authorization', `Bearer ${BEARER_TOKEN}`],
      ],
      nginxPage('503 Service Temporarily Unavailable'),
    );
  // Each page calls its own API address, so a test can tell which window's failures went where.
  const server = await startServer({
    '/regular': () => failingPage('/regular'),
    '/private': () => failingPage('/private'),
    '/api/regular': api,
    '/api/private': api,
  });
  return {
    server,
    pageUrl: (path) => `${server.origin}${path}?token=${QUERY_SECRET}`,
    apiCallsWithCredentials: () =>
      server.requests.filter(
        ({ path, headers }) => path.startsWith('/api') && headers.authorization === `Bearer ${BEARER_TOKEN}` && (headers.cookie ?? '').includes(PAGE_COOKIE),
      ).length,
  };
}

export interface StorageAreas {
  local: Record<string, unknown>;
  sync: Record<string, unknown>;
  session: Record<string, unknown>;
}

/** Runs in an extension page: everything in every storage area. */
export async function readAllStorage(): Promise<StorageAreas> {
  const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
  const [local, sync, session] = await Promise.all([api.storage.local.get(null), api.storage.sync.get(null), api.storage.session.get(null)]);
  return { local, sync, session };
}

/** What of the secrets the storage areas hold: the query token on disk, and any credential anywhere. */
export function secretsIn({ local, sync, session }: StorageAreas): string[] {
  const disk = JSON.stringify({ local, sync });
  const everywhere = JSON.stringify({ local, sync, session });
  return [
    ...(disk.includes(QUERY_SECRET) ? [`the query token on disk`] : []),
    ...CREDENTIALS.filter((value) => everywhere.includes(value)).map((value) => `the credential ${value}`),
  ];
}
