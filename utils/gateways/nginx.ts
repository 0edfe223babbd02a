// nginx, OpenResty and ingress-nginx: the built-in error pages look the same whatever went wrong upstream.
import { defineGateway } from './types';

const SPECIAL_RESPONSE = 'https://github.com/nginx/nginx/blob/master/src/http/ngx_http_special_response.c';
const UPSTREAM = 'https://github.com/nginx/nginx/blob/master/src/http/ngx_http_upstream.c';

// The built-in pages end with "<hr><center>nginx/1.x.y</center>" (or "nginx" with server_tokens off).
const OWN_PAGE = [{ markup: '<center>nginx' }] as const;
const OPENRESTY_PAGE = [{ markup: '<center>openresty' }] as const;

const REFUSED_OR_RESET =
  'The page is the same for every 502. nginx\'s error.log names the reason: "connect() failed (111: Connection refused)" or "no live upstreams" (nothing listening), "upstream prematurely closed connection" or "recv() failed (104: Connection reset by peer)" (the upstream dropped the connection), "upstream sent invalid header" or "too big header" (a bad response), "SSL_do_handshake() failed" (TLS), "could not be resolved" (DNS).';

const badGateway = {
  meaning: 'nginx got no usable response from the upstream server and wrote this page itself.',
  causes: { 'origin-unreachable': 0.45, 'origin-reset': 0.3, 'origin-invalid-response': 0.15, 'origin-tls': 0.1 },
  source: 'gateway',
  tellApart: REFUSED_OR_RESET,
  reference: UPSTREAM,
} as const;

const timeout = {
  meaning: 'nginx waited longer than proxy_read_timeout (60 s by default) for the upstream, or could not connect within proxy_connect_timeout.',
  causes: { 'origin-timeout': 0.85, 'origin-unreachable': 0.15 },
  source: 'gateway',
  tellApart: 'error.log says "upstream timed out (110: Connection timed out) while reading response header" for a slow upstream, or "…while connecting to upstream" when it could not connect at all.',
  reference: UPSTREAM,
} as const;

const unavailable = {
  meaning: 'nginx answered 503 itself: a limit_req or limit_conn rate limit, an ingress with no ready endpoints, or a configured maintenance rule.',
  causes: { overloaded: 0.45, 'origin-unreachable': 0.35, maintenance: 0.2 },
  source: 'gateway',
  tellApart: 'error.log says "limiting requests" or "limiting connections" for a rate limit; on Kubernetes, ingress-nginx answers 503 when the Service has no ready endpoints.',
  reference: 'https://nginx.org/en/docs/http/ngx_http_limit_req_module.html',
} as const;

export default defineGateway({
  id: 'nginx',
  name: 'nginx',
  kind: 'reverse-proxy',
  bodyTells: 'nginx\'s own page would show whether nginx wrote the error or passed on the application\'s; the reason itself is only in nginx\'s error.log.',
  fingerprint: [
    { header: 'server', startsWith: 'nginx', weight: 0.85, note: 'nginx names itself in the Server header' },
    { header: 'server', startsWith: 'openresty', weight: 0.85, note: 'OpenResty is nginx with Lua' },
    { markup: '<center>nginx', weight: 0.9, note: 'the footer of nginx\'s built-in error pages' },
    { markup: '<center>openresty', weight: 0.9, note: 'the footer of OpenResty\'s built-in error pages' },
    { markup: 'a padding to disable msie and chrome friendly error page', weight: 0.6, note: 'nginx pads its error pages for Chrome and Internet Explorer' },
  ],
  variants: [
    { id: 'nginx-502-bad-gateway-nginxs-own-page', title: '502 Bad Gateway (nginx\'s own page)', when: [{ status: 502 }, ...OWN_PAGE], ...badGateway },
    { id: 'nginx-502-bad-gateway-openrestys-own-page', title: '502 Bad Gateway (OpenResty\'s own page)', when: [{ status: 502 }, ...OPENRESTY_PAGE], ...badGateway },
    { id: 'nginx-504-gateway-time-out-nginxs-own', title: '504 Gateway Time-out (nginx\'s own page)', when: [{ status: 504 }, ...OWN_PAGE], ...timeout },
    { id: 'nginx-504-gateway-time-out-openrestys-own', title: '504 Gateway Time-out (OpenResty\'s own page)', when: [{ status: 504 }, ...OPENRESTY_PAGE], ...timeout },
    { id: 'nginx-503-service-temporarily-unavailable-nginxs-own', title: '503 Service Temporarily Unavailable (nginx\'s own page)', when: [{ status: 503 }, ...OWN_PAGE], ...unavailable },
    { id: 'nginx-503-service-temporarily-unavailable-openrestys-own', title: '503 Service Temporarily Unavailable (OpenResty\'s own page)', when: [{ status: 503 }, ...OPENRESTY_PAGE], ...unavailable },
    {
      id: 'nginx-500-internal-server-error-nginxs-own', title: '500 Internal Server Error (nginx\'s own page)',
      when: [{ status: 500 }, ...OWN_PAGE],
      meaning: 'nginx itself failed: a rewrite loop, a configuration or Lua error, or a full disk for temporary files.',
      causes: { unknown: 0.6, 'origin-app-error': 0.4 },
      source: 'gateway',
      tellApart: 'error.log has the reason, e.g. "rewrite or internal redirection cycle" or a "[lua]" runtime error.',
      reference: SPECIAL_RESPONSE,
    },
    {
      id: 'nginx-error-passed-upstream-json', title: 'Error passed on from the upstream (JSON)',
      when: [{ header: 'content-type', includes: 'json' }],
      meaning: 'nginx\'s own error pages are HTML; a JSON error body was written by the application behind nginx.',
      causes: { 'origin-app-error': 0.7, overloaded: 0.15, maintenance: 0.15 },
      source: 'origin',
    },
    // Headers only: nginx maps an upstream timeout to 504 and every other upstream failure to 502; its upstream code
    // never answers 503 by itself (only limit_req, limit_conn or a "return 503" do).
    {
      id: 'nginx-502-no-body',
      title: '502 from nginx (its page not seen)',
      when: [{ status: 502 }, { body: 'unseen' }],
      meaning: 'nginx answers 502 for every upstream failure but a timeout: most often nothing accepted the connection, or the upstream closed it before answering.',
      causes: { 'origin-unreachable': 0.45, 'origin-reset': 0.3, 'origin-invalid-response': 0.15, 'origin-tls': 0.1 },
      source: 'gateway',
      tellApart: 'nginx\'s error.log names it: "connect() failed (111: Connection refused)", "upstream prematurely closed connection", "upstream sent invalid header", "SSL_do_handshake() failed", "no live upstreams".',
      reference: `https://github.com/nginx/nginx/blob/3f6f7824d4e2eb1ac37dec76683d525ac0ff521c/src/http/ngx_http_upstream.c#L4641-L4675`,
    },
    {
      id: 'nginx-504-no-body',
      title: '504 from nginx (its page not seen)',
      when: [{ status: 504 }, { body: 'unseen' }],
      meaning: 'nginx answers 504 when proxy_read_timeout (or the connect or send timeout) ran out.',
      causes: { 'origin-timeout': 0.8, 'origin-unreachable': 0.2 },
      source: 'gateway',
      tellApart: 'error.log says "upstream timed out (110: Connection timed out) while connecting to upstream" (a connect timeout) or "… while reading response header from upstream" (a slow upstream).',
      reference: `https://github.com/nginx/nginx/blob/3f6f7824d4e2eb1ac37dec76683d525ac0ff521c/src/http/ngx_http_upstream.c#L4643-L4646`,
    },
    {
      id: 'nginx-503-no-body',
      title: '503 through nginx (its page not seen)',
      when: [{ status: 503 }, { body: 'unseen' }],
      meaning: 'nginx itself answers 503 only for limit_req, limit_conn or an explicit "return 503" (ingress-nginx also when a service has no endpoints); the application behind it may have sent the 503 too.',
      causes: { overloaded: 0.5, 'origin-unreachable': 0.35, maintenance: 0.15 },
      source: 'unknown',
      reference: `https://github.com/nginx/nginx/blob/3f6f7824d4e2eb1ac37dec76683d525ac0ff521c/src/http/modules/ngx_http_limit_req_module.c#L823-L824`,
    },
    {
      id: 'nginx-error-passed-upstream', title: 'Error passed on from the upstream',
      when: [{ body: 'seen' }],
      fallback: true,
      meaning: 'The page is not one of nginx\'s built-in pages: the application behind nginx wrote it and nginx relayed it (proxy_intercept_errors is off by default).',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
    },
  ],
  advice: {
    visitor: [],
    owner: ['nginx\'s error.log (often /var/log/nginx/error.log) has one line per failed request naming the exact reason.'],
  },
  sources: [SPECIAL_RESPONSE, UPSTREAM, 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html'],
});
