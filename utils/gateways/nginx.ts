// nginx, OpenResty and ingress-nginx: one built-in page per status, the same whatever failed upstream; the reason is only in error.log.
import { defineGateway, type Marker } from './types';

const N = 'https://github.com/nginx/nginx/blob/3f6f7824d4e2eb1ac37dec76683d525ac0ff521c/';
const IN = 'https://github.com/kubernetes/ingress-nginx/blob/dbb11b92ddb77bee9c35e462479129354c84f939/';
const SPECIAL_RESPONSE = `${N}src/http/ngx_http_special_response.c`;
const UPSTREAM = `${N}src/http/ngx_http_upstream.c`;
const STATUS_MAP = `${UPSTREAM}#L4641-L4675`;
// OpenResty patches nginx's name (NGINX_VER and the Server string) and nothing else of these pages.
const OPENRESTY_PATCH = 'https://github.com/openresty/openresty/blob/2bffe13e20f25e560afb91a4fa6f1cbc27d9b2ab/patches/nginx-1.1.13-server_header.patch';

// The sample page of nginx's own nginx.conf (error_page 500 502 503 504 /50x.html), signed in its last line.
const SAMPLE_50X = 'faithfully yours, nginx';
// The status lines of nginx's own pages that a gateway error may carry (special_response.c#L204-L329).
const OWN_STATUS_LINES = [
  '500 Internal Server Error',
  '502 Bad Gateway',
  '503 Service Temporarily Unavailable',
  '504 Gateway Time-out',
  '429 Too Many Requests',
  '413 Request Entity Too Large',
  '400 Bad Request',
];

/**
 * nginx's built-in page for one status line: "<hr><center>nginx/1.x.y</center>" (or "openresty") closes it, and a reader
 * sees the status line followed by that name (special_response.c#L21-L39). The sample 50x.html page is its own variant:
 * it is shown for every 50x, so it cannot say which one.
 */
const ownPage = (statusLine: string): Marker => ({
  any: [{ markup: '<center>nginx' }, { markup: '<center>openresty' }, { text: `${statusLine} nginx` }, { text: `${statusLine} openresty` }],
});

const LOG_502 =
  'The page is the same for every 502; nginx\'s error.log names the reason: "connect() failed (111: Connection refused)" or "no live upstreams" (nothing accepted the connection), "upstream prematurely closed connection" or "recv() failed (104: Connection reset by peer)" (the upstream dropped it), "upstream sent invalid header" or "upstream sent too big header" (a bad response), "SSL_do_handshake() failed" or "upstream SSL certificate verify error" (TLS), "could not be resolved" (DNS). Through FastCGI: "upstream prematurely closed FastCGI stdout" (php-fpm\'s worker died).';

const badGateway = {
  meaning: 'nginx got no usable response from the upstream and wrote this page itself: it answers 502 for every upstream failure but a timeout.',
  causes: { 'origin-unreachable': 0.48, 'origin-reset': 0.3, 'origin-invalid-response': 0.15, 'origin-tls': 0.07 },
  source: 'gateway',
  tellApart: LOG_502,
  reference: STATUS_MAP,
} as const;

const gatewayTimeout = {
  meaning:
    'An nginx timeout towards the upstream ran out: proxy_read_timeout (60 s) waiting for the response header, or proxy_connect_timeout (60 s; 5 s on ingress-nginx) opening the connection.',
  // A backend whose workers are all busy leaves the request in its listen queue until the timeout fires (uWSGI master.c#L294-L295).
  causes: { 'origin-timeout': 0.7, 'origin-unreachable': 0.15, overloaded: 0.15 },
  source: 'gateway',
  tellApart:
    'error.log says "upstream timed out (110: Connection timed out) while reading response header from upstream" for a slow upstream, "… while connecting to upstream" when the connection never opened.',
  reference: `${UPSTREAM}#L4643-L4646`,
} as const;

const serviceUnavailable = {
  meaning:
    'nginx answered 503 itself. Its proxy never does so for a failed upstream: a limit_req or limit_conn limit rejected the request, a "return 503" rule is in place, or ingress-nginx found no ready endpoint for the Service.',
  causes: { overloaded: 0.5, 'origin-unreachable': 0.35, maintenance: 0.15 },
  source: 'gateway',
  tellApart:
    'error.log says "limiting requests, excess: … by zone" or "limiting connections by zone" for a limit; on Kubernetes, "kubectl get endpoints <service>" shows whether the Service has ready pods.',
  reference: `${N}src/http/modules/ngx_http_limit_req_module.c#L823-L824`,
} as const;

const internalError = {
  meaning:
    'nginx itself failed on this request: a rewrite or internal redirect loop, a configuration or Lua error (OpenResty), or no room for a temporary file.',
  causes: { unknown: 0.6, 'origin-app-error': 0.4 },
  source: 'gateway',
  tellApart: 'error.log has the reason, e.g. "rewrite or internal redirection cycle" or a "[lua]" runtime error.',
  reference: `${UPSTREAM}#L4648-L4650`,
} as const;

const clientSide = { causes: { unknown: 1 }, source: 'gateway' } as const;

export default defineGateway({
  id: 'nginx',
  name: 'nginx',
  kind: 'reverse-proxy',
  bodyTells: "nginx's own page would show whether nginx wrote the error or passed on the application's; the reason itself is only in nginx's error.log.",
  fingerprint: [
    // The proxy module hides the upstream's Server and nginx adds its own, so this is on relayed responses too.
    { header: 'server', startsWith: 'nginx', weight: 0.85, note: 'nginx names itself in the Server header (ngx_http_header_filter_module.c#L50-L52)' },
    { header: 'server', startsWith: 'openresty', weight: 0.85, note: 'OpenResty is nginx with Lua, and names itself instead' },
    { markup: '<center>nginx', weight: 0.9, note: "the footer of nginx's built-in error pages" },
    { markup: '<center>openresty', weight: 0.9, note: "the footer of OpenResty's built-in error pages" },
    {
      any: OWN_STATUS_LINES.flatMap((line) => [{ text: `${line} nginx` }, { text: `${line} openresty` }]),
      weight: 0.9,
      note: "the text of nginx's built-in page: its status line, then the footer naming nginx",
    },
    { text: SAMPLE_50X, weight: 0.9, note: 'the sample 50x.html page shipped with nginx, signed "Faithfully yours, nginx."' },
    {
      markup: 'a padding to disable msie and chrome friendly error page',
      weight: 0.6,
      note: 'nginx pads its own error pages for Chrome and Internet Explorer (msie_padding)',
    },
    { text: 'request header or cookie too large', weight: 0.8, note: "nginx's own 400 page for oversized request headers" },
    { text: 'the plain http request was sent to https port', weight: 0.8, note: "nginx's own 400 page for plain HTTP on its TLS port" },
  ],
  variants: [
    {
      id: 'nginx-502-bad-gateway-nginxs-own-page',
      title: "502 Bad Gateway (nginx's own page)",
      when: [{ status: 502 }, ownPage('502 Bad Gateway')],
      ...badGateway,
    },
    {
      id: 'nginx-504-gateway-time-out-nginxs-own',
      title: "504 Gateway Time-out (nginx's own page)",
      when: [{ status: 504 }, ownPage('504 Gateway Time-out')],
      ...gatewayTimeout,
    },
    {
      id: 'nginx-503-service-temporarily-unavailable-nginxs-own',
      title: "503 Service Temporarily Unavailable (nginx's own page)",
      when: [{ status: 503 }, ownPage('503 Service Temporarily Unavailable')],
      ...serviceUnavailable,
    },
    {
      id: 'nginx-500-internal-server-error-nginxs-own',
      title: "500 Internal Server Error (nginx's own page)",
      when: [{ status: 500 }, ownPage('500 Internal Server Error')],
      ...internalError,
    },
    {
      id: 'nginx-429-too-many-requests-own-page',
      title: "429 Too Many Requests (nginx's own page)",
      when: [{ status: 429 }, ownPage('429 Too Many Requests')],
      meaning: 'A limit_req or limit_conn rate limit rejected the request (their status set to 429 with limit_req_status or limit_conn_status).',
      causes: { overloaded: 1 },
      source: 'gateway',
      tellApart: 'error.log says "limiting requests" or "limiting connections" and names the zone.',
      reference: `${SPECIAL_RESPONSE}#L244-L249`,
    },
    {
      id: 'nginx-413-request-entity-too-large-own-page',
      title: "413 Request Entity Too Large (nginx's own page)",
      when: [{ status: 413 }, ownPage('413 Request Entity Too Large')],
      meaning: 'The request body is larger than client_max_body_size (1 MB by default); nginx refused it without asking the upstream.',
      ...clientSide,
      advice: { owner: ['Raise client_max_body_size where large uploads are expected.'] },
      reference: `${SPECIAL_RESPONSE}#L204-L209`,
    },
    {
      id: 'nginx-400-request-header-cookie-too-large',
      title: '400 Bad Request: Request Header Or Cookie Too Large',
      when: [{ text: 'request header or cookie too large' }],
      meaning: "The request's headers (often its cookies) do not fit large_client_header_buffers; nginx refused it without asking the upstream.",
      ...clientSide,
      advice: { visitor: ["Clear this site's cookies and try again."] },
      reference: `${SPECIAL_RESPONSE}#L252-L258`,
    },
    {
      id: 'nginx-400-client-tls-mistake',
      title: '400 Bad Request: a TLS mistake of the client',
      when: [
        {
          any: [
            { text: 'the plain http request was sent to https port' },
            { text: 'no required ssl certificate was sent' },
            { text: 'the ssl certificate error' },
          ],
        },
      ],
      meaning:
        "nginx refused the request for a TLS reason on the client's side: plain HTTP sent to its HTTPS port, or a client certificate missing or invalid where ssl_verify_client asks for one.",
      ...clientSide,
      reference: `${SPECIAL_RESPONSE}#L262-L290`,
    },
    {
      id: 'nginx-50x-sample-page-status-not-stated',
      title: "nginx's sample error page (the same for every 50x)",
      when: [{ text: SAMPLE_50X }],
      meaning:
        'nginx\'s sample 50x.html page ("An error occurred."), which the nginx.conf shipped with nginx shows for every 500, 502, 503 and 504: nginx wrote it, and the page does not say which of them it was.',
      causes: { 'origin-unreachable': 0.4, 'origin-reset': 0.2, 'origin-timeout': 0.2, overloaded: 0.1, 'origin-invalid-response': 0.1 },
      source: 'gateway',
      tellApart: `The status code of the response tells 502 from 504. ${LOG_502}`,
      reference: `${N}conf/nginx.conf#L50`,
    },
    {
      id: 'nginx-error-passed-upstream-json',
      title: 'Error passed on from the upstream (JSON)',
      when: [{ header: 'content-type', includes: 'json' }],
      meaning: "nginx's own error pages are text/html; a JSON error body was written by the application behind nginx.",
      causes: { 'origin-app-error': 0.7, overloaded: 0.15, maintenance: 0.15 },
      source: 'origin',
      reference: `${SPECIAL_RESPONSE}#L718-L720`,
    },
    // Headers only: nginx maps an upstream timeout to 504 and every other upstream failure to 502; its proxy never
    // answers 503 or 500 for an upstream failure, so those are as often the application's own.
    {
      id: 'nginx-502-no-body',
      title: '502 from nginx (its page not seen)',
      when: [{ status: 502 }, { body: 'unseen' }],
      meaning:
        'nginx answers 502 for every upstream failure but a timeout: most often nothing accepted the connection, or the upstream closed it before answering.',
      causes: badGateway.causes,
      source: 'gateway',
      tellApart: LOG_502,
      reference: STATUS_MAP,
    },
    {
      id: 'nginx-504-no-body',
      title: '504 from nginx (its page not seen)',
      when: [{ status: 504 }, { body: 'unseen' }],
      meaning: 'nginx answers 504 when proxy_read_timeout (or the connect or send timeout) ran out.',
      causes: gatewayTimeout.causes,
      source: 'gateway',
      tellApart: gatewayTimeout.tellApart,
      reference: `${UPSTREAM}#L4643-L4646`,
    },
    {
      id: 'nginx-503-no-body',
      title: '503 through nginx (its page not seen)',
      when: [{ status: 503 }, { body: 'unseen' }],
      meaning:
        'nginx itself answers 503 only for limit_req, limit_conn or an explicit "return 503" (ingress-nginx also when a Service has no endpoints); the application behind it may have sent the 503 too.',
      causes: serviceUnavailable.causes,
      source: 'unknown',
      tellApart: serviceUnavailable.tellApart,
      reference: `${N}src/http/modules/ngx_http_limit_req_module.c#L823-L824`,
    },
    {
      id: 'nginx-500-no-body',
      title: '500 through nginx (its page not seen)',
      when: [{ status: 500 }, { body: 'unseen' }],
      meaning:
        "A 500 through nginx is most often the application's own error passed on; nginx writes one only when it fails itself (a rewrite loop, a Lua error).",
      causes: { 'origin-app-error': 0.6, unknown: 0.4 },
      source: 'unknown',
      reference: `${UPSTREAM}#L4648-L4650`,
    },
    // Catch-alls: another of nginx's own pages (404, 405…), else a page nginx did not write.
    {
      id: 'nginx-own-page-other-status',
      title: "nginx's own page",
      when: [{ any: [{ markup: '<center>nginx' }, { markup: '<center>openresty' }] }],
      fallback: true,
      meaning: 'nginx wrote this page itself (its footer names it) for a status other than a gateway failure.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${SPECIAL_RESPONSE}#L21-L39`,
    },
    {
      id: 'nginx-error-passed-upstream',
      title: 'Error passed on from the upstream',
      when: [{ body: 'seen' }],
      fallback: true,
      meaning:
        "The page is not one of nginx's built-in pages: the application behind nginx wrote it and nginx relayed it (proxy_intercept_errors is off by default).",
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_intercept_errors',
    },
  ],
  documented: [
    {
      name: '502 Bad Gateway',
      reference: `${SPECIAL_RESPONSE}#L308-L313`,
      variant: 'nginx-502-bad-gateway-nginxs-own-page',
      example: { status: 502, body: '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>' },
    },
    {
      name: '504 Gateway Time-out',
      reference: `${SPECIAL_RESPONSE}#L324-L329`,
      variant: 'nginx-504-gateway-time-out-nginxs-own',
      example: { status: 504, body: '<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>' },
    },
    {
      name: '503 Service Temporarily Unavailable',
      reference: `${SPECIAL_RESPONSE}#L316-L321`,
      variant: 'nginx-503-service-temporarily-unavailable-nginxs-own',
      example: { status: 503, body: '<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>' },
    },
    {
      name: '500 Internal Server Error',
      reference: `${SPECIAL_RESPONSE}#L292-L297`,
      variant: 'nginx-500-internal-server-error-nginxs-own',
      example: { status: 500, body: '<center><h1>500 Internal Server Error</h1></center>\r\n<hr><center>nginx</center>' },
    },
    {
      name: '429 Too Many Requests',
      reference: `${SPECIAL_RESPONSE}#L244-L249`,
      variant: 'nginx-429-too-many-requests-own-page',
      example: { status: 429, body: '<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>' },
    },
    {
      name: '413 Request Entity Too Large',
      reference: `${SPECIAL_RESPONSE}#L204-L209`,
      variant: 'nginx-413-request-entity-too-large-own-page',
      example: { status: 413, body: '<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>' },
    },
    {
      name: '400 Request Header Or Cookie Too Large (494)',
      reference: `${SPECIAL_RESPONSE}#L252-L258`,
      variant: 'nginx-400-request-header-cookie-too-large',
      example: {
        status: 400,
        body: '<center><h1>400 Bad Request</h1></center>\r\n<center>Request Header Or Cookie Too Large</center>\r\n<hr><center>nginx</center>',
      },
    },
    {
      name: '400 The SSL certificate error (495)',
      reference: `${SPECIAL_RESPONSE}#L262-L268`,
      variant: 'nginx-400-client-tls-mistake',
      example: { status: 400, body: '<center><h1>400 Bad Request</h1></center>\r\n<center>The SSL certificate error</center>\r\n<hr><center>nginx</center>' },
    },
    {
      name: '400 No required SSL certificate was sent (496)',
      reference: `${SPECIAL_RESPONSE}#L272-L278`,
      variant: 'nginx-400-client-tls-mistake',
      example: {
        status: 400,
        body: '<center><h1>400 Bad Request</h1></center>\r\n<center>No required SSL certificate was sent</center>\r\n<hr><center>nginx</center>',
      },
    },
    {
      name: '400 The plain HTTP request was sent to HTTPS port (497)',
      reference: `${SPECIAL_RESPONSE}#L282-L288`,
      variant: 'nginx-400-client-tls-mistake',
      example: {
        status: 400,
        body: '<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>nginx</center>',
      },
    },
    {
      name: '404 Not Found (also the page of internal code 498, canceled)',
      reference: `${SPECIAL_RESPONSE}#L402-L406`,
      variant: 'nginx-own-page-other-status',
      example: { status: 404, body: '<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>' },
    },
    {
      name: 'Sample /50x.html: "An error occurred." … "Faithfully yours, nginx."',
      reference: `${N}docs/html/50x.html`,
      variant: 'nginx-50x-sample-page-status-not-stated',
      example: {
        status: 502,
        body: '<h1>An error occurred.</h1>\n<p>Sorry, the page you are looking for is currently unavailable.<br/>\nPlease try again later.</p>\n<p><em>Faithfully yours, nginx.</em></p>',
      },
    },
    {
      name: 'ingress-nginx: a Service with no ready endpoints (503)',
      reference: `${IN}rootfs/etc/nginx/lua/balancer.lua#L329-L334`,
      variant: 'nginx-503-service-temporarily-unavailable-nginxs-own',
    },
    { name: '499 client has closed connection', reference: `${SPECIAL_RESPONSE}#L407`, logOnly: true },
    {
      name: 'connect() failed (111: Connection refused) while connecting to upstream',
      reference: `${UPSTREAM}#L3064-L3067`,
      variant: 'nginx-502-bad-gateway-nginxs-own-page',
      logOnly: true,
    },
    {
      name: 'no live upstreams while connecting to upstream',
      reference: `${UPSTREAM}#L1631-L1634`,
      variant: 'nginx-502-bad-gateway-nginxs-own-page',
      logOnly: true,
    },
    {
      name: 'upstream prematurely closed connection while reading response header from upstream',
      reference: `${UPSTREAM}#L2547-L2554`,
      variant: 'nginx-502-bad-gateway-nginxs-own-page',
      logOnly: true,
    },
    {
      name: 'recv() failed (104: Connection reset by peer) while reading response header from upstream',
      reference: STATUS_MAP,
      variant: 'nginx-502-bad-gateway-nginxs-own-page',
      logOnly: true,
    },
    {
      name: 'upstream sent invalid header',
      reference: `${N}src/http/modules/ngx_http_proxy_module.c#L2057`,
      variant: 'nginx-502-bad-gateway-nginxs-own-page',
      logOnly: true,
    },
    {
      name: 'upstream sent no valid HTTP/1.0 header',
      reference: `${N}src/http/modules/ngx_http_proxy_module.c#L1836`,
      variant: 'nginx-502-bad-gateway-nginxs-own-page',
      logOnly: true,
    },
    {
      name: 'upstream sent too big header while reading response header from upstream',
      reference: `${UPSTREAM}#L2584-L2590`,
      variant: 'nginx-502-bad-gateway-nginxs-own-page',
      logOnly: true,
    },
    {
      name: 'upstream SSL certificate verify error / does not match',
      reference: `${UPSTREAM}#L1878-L1890`,
      variant: 'nginx-502-bad-gateway-nginxs-own-page',
      logOnly: true,
    },
    {
      name: 'SSL_do_handshake() failed',
      reference: `${N}src/event/ngx_event_openssl.c#L2342`,
      variant: 'nginx-502-bad-gateway-nginxs-own-page',
      logOnly: true,
    },
    { name: '… could not be resolved', reference: `${UPSTREAM}#L1257-L1264`, variant: 'nginx-502-bad-gateway-nginxs-own-page', logOnly: true },
    { name: 'no resolver defined to resolve …', reference: `${UPSTREAM}#L807-L811`, variant: 'nginx-502-bad-gateway-nginxs-own-page', logOnly: true },
    {
      name: 'upstream prematurely closed FastCGI stdout',
      reference: `${N}src/http/modules/ngx_http_fastcgi_module.c#L1790`,
      variant: 'nginx-502-bad-gateway-nginxs-own-page',
      logOnly: true,
    },
    {
      name: 'upstream timed out (110: Connection timed out) while reading response header from upstream',
      reference: `${UPSTREAM}#L4631-L4646`,
      variant: 'nginx-504-gateway-time-out-nginxs-own',
      logOnly: true,
    },
    {
      name: 'limiting requests, excess: … by zone',
      reference: `${N}src/http/modules/ngx_http_limit_req_module.c#L270`,
      variant: 'nginx-503-service-temporarily-unavailable-nginxs-own',
      logOnly: true,
    },
    {
      name: 'limiting connections by zone',
      reference: `${N}src/http/modules/ngx_http_limit_conn_module.c#L269`,
      variant: 'nginx-503-service-temporarily-unavailable-nginxs-own',
      logOnly: true,
    },
  ],
  advice: {
    visitor: [],
    owner: ["nginx's error.log (often /var/log/nginx/error.log) has one line per failed request naming the exact reason."],
  },
  sources: [
    SPECIAL_RESPONSE,
    UPSTREAM,
    `${N}src/http/modules/ngx_http_proxy_module.c`,
    `${N}src/http/modules/ngx_http_fastcgi_module.c`,
    `${N}src/http/modules/ngx_http_limit_req_module.c`,
    `${N}docs/html/50x.html`,
    `${IN}rootfs/etc/nginx/lua/balancer.lua`,
    `${IN}internal/ingress/controller/config/config.go`,
    OPENRESTY_PATCH,
    'https://nginx.org/en/docs/http/ngx_http_proxy_module.html',
    'https://github.com/unbit/uwsgi/blob/6cbb2177ae48af91d2799ff3135abda545cf634c/core/master.c#L294-L295',
  ],
});
