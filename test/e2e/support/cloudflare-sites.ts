// Sites behind a local stand-in for Cloudflare, for "is it just me": every response names Cloudflare and its AMS data
// centre the way Cloudflare does (Server: cloudflare, CF-Ray: <id>-AMS); /down answers Cloudflare's 521 page, /up and
// /api a healthy page and API call. One server on 127.0.0.1 serves every *.test host (Chromium maps them to it).
import { randomBytes } from 'node:crypto';
import { rawResponse, startServer, type TestServer } from './http-server';

/** Chromium's flag that sends every *.test name to 127.0.0.1. */
export const TEST_HOSTS_FLAG = '--host-resolver-rules=MAP *.test 127.0.0.1';

/** A new Ray ID per response, as Cloudflare sends, each ending in the data centre's code. */
export const rayId = (pop = 'AMS') => `${randomBytes(8).toString('hex')}-${pop}`;
/** Every Ray ID sent, to check that none is stored whole. */
export const sentRays: string[] = [];

const cloudflare = (extra: Record<string, string> = {}) => {
  const ray = rayId();
  sentRays.push(ray);
  return { Server: 'cloudflare', 'CF-RAY': ray, 'Content-Type': 'text/html; charset=UTF-8', ...extra };
};

// The shape of Cloudflare's 521 page: its error code, title and Ray ID footer.
const page521 = (ray: string) =>
  `<!DOCTYPE html><html><head><title>example.test | 521: Web server is down</title></head><body><div id="cf-wrapper"><div id="cf-error-details">` +
  `<h1><span class="cf-error-type">Error</span> <span class="cf-error-code">521</span></h1><h2>Web server is down</h2>` +
  `<p>Cloudflare Ray ID: <strong>${ray.split('-')[0]}</strong></p></div></div></body></html>`;

export function startCloudflareSites(): Promise<TestServer> {
  return startServer({
    '/down': () => {
      const headers = cloudflare();
      return rawResponse(521, 'Origin Down', headers, page521(headers['CF-RAY']));
    },
    '/up': (request) => {
      const api = `http://api-shop.test:${request.headers.host?.split(':')[1]}/api`;
      return rawResponse(
        200,
        'OK',
        cloudflare({ 'CF-Cache-Status': 'DYNAMIC' }),
        `<!doctype html><title>Up</title><h1>Up</h1><script>fetch(${JSON.stringify(api)}).catch(() => {})</script>`,
      );
    },
    '/api': () => rawResponse(200, 'OK', cloudflare({ 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }), '{"ok":true}'),
  });
}
