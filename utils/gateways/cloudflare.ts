// Cloudflare: CDN and reverse proxy. Its 52x codes say which step towards the origin failed; its 1xxx codes why it refused.
import { defineGateway, type DocumentedError, type Marker, type Variant } from './types';

// Cloudflare's documentation repository at the commits read (the site pages are built from these files).
const DOCS = 'https://github.com/cloudflare/cloudflare-docs/blob';
const ERRORS_5XX = `${DOCS}/6112d3e64288ed99f31707ef0dee098e82aa51db/src/content/docs/support/troubleshooting/http-status-codes/cloudflare-5xx-errors.mdx`;
const ERROR_500 = `${DOCS}/2bc9b0ea7b45011e8cbe7423a40a0f965b926e0d/src/content/docs/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-500.mdx`;
const ERROR_502 = `${DOCS}/03650a264d87271d45dbd6e0db3525e202bad911/src/content/docs/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-502-504.mdx`;
const ERROR_520 = `${DOCS}/0df0f1c53bfe9e654380d5002f689502f80f3fb4/src/content/docs/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-520.mdx`;
const ERROR_524 = `${DOCS}/24bbba12673fb6f0294d3e5ab72546d3fa48c7a0/src/content/docs/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-524.mdx`;
const ERRORS_1XXX = `${DOCS}/0f82325bad9e0c0426fe14042c69cdbe1de3f9b9/src/content/docs/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors.mdx`;
const ERROR_HEADERS = `${DOCS}/340e3eb5c40698af2654c545a905791ca7984bf7/src/content/docs/support/troubleshooting/http-status-codes/cloudflare-error-headers.mdx`;
const STRUCTURED = `${DOCS}/0cc0c37f2562870765528dc81993cae97e2f8f0d/src/content/docs/fundamentals/reference/error-responses.mdx`;
const RAY_ID = `${DOCS}/09bc225cefd9cca9e1d1827e62961a6daad7fb16/src/content/docs/fundamentals/reference/cloudflare-ray-id.mdx`;
const WORKERS_ERRORS = 'https://developers.cloudflare.com/workers/observability/errors/';
// A captured branded error page (cf-wrapper, cf-error-details, the Ray ID footer).
const BRANDED_CAPTURE = 'https://gist.github.com/cbarley10/61cb71de0327d52a63e0c6955bd13423';
// nginx's stock pages, which Cloudflare's front end signs "cloudflare" (formerly "cloudflare-nginx").
const NGINX_PAGES = 'https://github.com/nginx/nginx/blob/3f6f7824d4e2eb1ac37dec76683d525ac0ff521c/src/http/ngx_http_special_response.c#L21-L39';

/** Cloudflare's branded error page: its layout ids, the Ray ID line and the footer a reader sees (BRANDED_CAPTURE). */
const BRANDED: Marker = {
  any: [
    { markup: 'id="cf-wrapper"' },
    { markup: 'cf-error-details' },
    { text: 'cloudflare ray id' },
    { text: 'performance & security by cloudflare' },
    // The older (before 2018) page's footer line.
    { text: 'cloudflare location' },
  ],
};
/**
 * Cloudflare's structured error, sent when the client asks for it (STRUCTURED): JSON `"cloudflare_error": true`, or
 * Markdown whose YAML front matter says `cloudflare_error: true`. The key is read as text: one test covers both.
 */
const STRUCTURED_ERROR: Marker = { text: 'cloudflare_error' };

// nginx's stock page as Cloudflare signs it, "<center>cloudflare</center>" under the heading: its text (title, heading,
// footer) reads "502 Bad Gateway … cloudflare" whether the page or a copy of it is given.
const NGINX_REASONS: readonly (readonly [number, string])[] = [
  [400, 'bad request'],
  [500, 'internal server error'],
  [502, 'bad gateway'],
  [503, 'service temporarily unavailable'],
  [504, 'gateway time-out'],
];
const signedPage = (status: number, reason: string): Marker => ({ status, text: `${status} ${reason} cloudflare` });
const SIGNED: readonly Marker[] = NGINX_REASONS.map(([status, reason]) => signedPage(status, reason));
/** A page Cloudflare wrote without its branding: signed, structured, or marked by the error header (ERROR_HEADERS). */
const UNBRANDED: Marker = { any: [...SIGNED, STRUCTURED_ERROR, { header: 'cf-error-type' }] };
/** Any page Cloudflare wrote itself. */
const WRITTEN_BY_CLOUDFLARE: Marker = { any: [BRANDED, UNBRANDED] };

// The 1xxx errors: a code on the page ("Error 1020", or "error code: 1020" in the plain-text form; the structured
// forms' title reads "Error 1020: …"), or the error header's value (ERROR_HEADERS); never a bare number, which a Ray ID
// can contain.
const codeShown = (code: number): Marker[] => [{ text: `error ${code}` }, { text: `error code: ${code}` }, { header: 'cf-error-type', equals: String(code) }];
// A 1xxx page comes with a 4xx status, a Worker's 500 or 503, or 530 (the 1xxx index names 409, 530, 403 and 429), or
// with none when it is pasted; never with 502, 504 or a 52x, which Cloudflare explains by the status itself. Testing
// the status first spares those responses the per-code tests.
const WITH_1XXX = [0, ...Array.from({ length: 100 }, (_, index) => 400 + index), 500, 503, 530];
const showsCode = (code: number): Marker[] => [{ status: WITH_1XXX }, { any: codeShown(code) }];
// A group of codes is tested only on a page that could be a 1xxx page: it shows a Ray ID (the HTML page's heading
// line, the structured forms' ray_id) or is the plain-text form, so the origin's own 500s and 503s are not searched
// for every code.
const MAYBE_1XXX: Marker = { any: [{ text: 'ray id' }, { text: 'ray_id' }, { text: 'error code:' }] };
const showsOneOf = (codes: readonly number[]): Marker[] => [{ status: WITH_1XXX }, MAYBE_1XXX, { any: codes.flatMap(codeShown) }];

// Codes the docs list with their titles (ERRORS_1XXX) or, for the Workers codes, in WORKERS_ERRORS.
const ACCESS_DENIED = [1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1020, 1106];
const REQUEST_REFUSED = [1000, 1001, 1002, 1003, 1004, 1013, 1014, 1018, 1023, 1034, 1035, 1036, 1037, 1038, 1040, 1041, 1205];
const LIMIT_REACHED = [1015, 1025, 1027, 1200];
const WORKER_FAILED = [1019, 1021, 1022, 1024, 1042];

// The "What happened?" sentence of each 52x page that captures agree on (BRANDED_CAPTURE and others).
const WHAT_HAPPENED = {
  520: 'There is an unknown connection issue between Cloudflare and the origin web server',
  521: 'The web server is not returning a connection',
  522: "The initial connection between Cloudflare's network and the origin web server timed out",
  524: 'The origin web server timed out responding to this request',
} as const;

/** A 52x code as Cloudflare documents it (ERRORS_5XX and its pages); `byPageAndStatus` turns it into variants. */
type CodeError = Omit<Variant, 'when'>;

/**
 * A 52x code's two variants: its page first (the "What happened?" sentence a reader copies, verified in captures, or
 * the code in the footer's 5xx-error-landing link), then its status alone (a status line, headers only).
 */
function byPageAndStatus(code: number, error: CodeError, sentence?: string): Variant[] {
  const page: Marker = { any: [{ markup: `utm_source=errorcode_${code}` }, ...(sentence ? [{ text: sentence }] : [])] };
  return [
    { ...error, id: `${error.id}-page`, when: [{ status: [0, code] }, page] },
    { ...error, when: [{ status: code }] },
  ];
}

const E520: CodeError = {
  id: 'cloudflare-520-web-server-returning-unknown-error',
  title: 'Error 520: Web server is returning an unknown error',
  meaning:
    "The origin accepted Cloudflare's connection but its answer was unusable: empty, without a status line, with headers over Cloudflare's limit (often cookies), broken HTTP/2, or the origin crashed or reset the connection.",
  causes: { 'origin-invalid-response': 0.5, 'origin-reset': 0.4, 'origin-app-error': 0.1 },
  source: 'gateway',
  tellApart:
    "Find the request in the origin's access log at the Ray ID's time: absent or cut short means the origin crashed or reset the connection; logged with a response means Cloudflare rejected that response (oversized headers, no status line).",
  reference: ERROR_520,
};

const E521: CodeError = {
  id: 'cloudflare-521-web-server-down',
  title: 'Error 521: Web server is down',
  meaning: "The origin refused Cloudflare's connection: the web server is not running, or its firewall blocks Cloudflare's addresses.",
  causes: { 'origin-unreachable': 1 },
  source: 'gateway',
  advice: {
    owner: [
      "Make sure the web server runs and that its firewall admits Cloudflare's IP ranges (https://www.cloudflare.com/ips/); with SSL mode Full, the origin must also listen on 443.",
    ],
  },
  reference: ERRORS_5XX,
};

const E522: CodeError = {
  id: 'cloudflare-522-connection-timed-out',
  title: 'Error 522: Connection timed out',
  meaning: "Cloudflare's TCP connection to the origin timed out (no answer within about 19 s), or the origin never acknowledged the request after connecting.",
  causes: { 'origin-unreachable': 0.6, overloaded: 0.25, 'origin-timeout': 0.15 },
  source: 'gateway',
  tellApart:
    "A firewall or rate limit dropping Cloudflare's packets looks the same as an overloaded origin: check the origin's load and whether its firewall drops Cloudflare's IP ranges.",
  reference: ERRORS_5XX,
};

const E523: CodeError = {
  id: 'cloudflare-523-origin-unreachable',
  title: 'Error 523: Origin is unreachable',
  meaning: 'Cloudflare has no route to the origin: its address in the DNS records is wrong, or a network device on the way drops it.',
  causes: { 'origin-unreachable': 1 },
  source: 'gateway',
  advice: { owner: ["Check the origin IP in Cloudflare's DNS records (A and AAAA)."] },
  reference: ERRORS_5XX,
};

const E524: CodeError = {
  id: 'cloudflare-524-timeout-occurred',
  title: 'Error 524: A timeout occurred',
  meaning: "The origin accepted the request but sent no response within Cloudflare's proxy read timeout (120 s by default; 100 s in older plans).",
  causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
  source: 'gateway',
  advice: { owner: ['Move long work to a background job, or stream a response before the timeout.'] },
  reference: ERROR_524,
};

const E525: CodeError = {
  id: 'cloudflare-525-ssl-handshake-failed',
  title: 'Error 525: SSL handshake failed',
  meaning:
    'The TLS handshake between Cloudflare and the origin failed (SSL mode Full or Full (strict)): no certificate, port 443 closed, no SNI support, or no cipher in common.',
  causes: { 'origin-tls': 1 },
  source: 'gateway',
  reference: ERRORS_5XX,
};

const E526: CodeError = {
  id: 'cloudflare-526-invalid-ssl-certificate',
  title: 'Error 526: Invalid SSL certificate',
  meaning: "With SSL mode Full (strict), the origin's certificate could not be validated: expired, revoked, self-signed, or for another name.",
  causes: { 'origin-tls': 1 },
  source: 'gateway',
  reference: ERRORS_5XX,
};

const E530: CodeError = {
  id: 'cloudflare-530-1xxx-error',
  title: 'Error 530 (with a 1xxx error)',
  meaning: 'Cloudflare could not reach the origin; the page names a 1xxx error, most often 1016 (origin DNS error) or 1033 (tunnel not connected).',
  causes: { 'origin-unreachable': 0.9, unknown: 0.1 },
  source: 'gateway',
  reference: ERRORS_5XX,
};

const REPORT_RAY_ID =
  'Quote the Ray ID (the cf-ray header, or the page\'s "Ray ID") to Cloudflare support or the site owner: it identifies this request in Cloudflare\'s logs.';

export default defineGateway({
  id: 'cloudflare',
  name: 'Cloudflare',
  kind: 'cdn',
  fingerprint: [
    // Codes only Cloudflare sends (ERRORS_5XX), so a status line alone ("HTTP/1.1 522") names it.
    { status: [520, 521, 522, 523, 524, 525, 526, 530], weight: 0.8, note: 'a status code only Cloudflare sends' },
    { header: 'cf-ray', weight: 0.95, note: 'Cloudflare gives every request it proxies a Ray ID' },
    { header: 'server', equals: 'cloudflare', weight: 0.9, note: 'Cloudflare names itself in the Server header' },
    { header: 'server', equals: 'cloudflare-nginx', weight: 0.9, note: "Cloudflare's Server header before 2017" },
    { header: 'cf-error-type', weight: 0.95, note: 'Cloudflare sets this only on error pages it generated' },
    { header: 'cf-cache-status', weight: 0.9, note: "Cloudflare's cache status header" },
    { header: 'report-to', includes: 'nel.cloudflare.com', weight: 0.8, note: 'browser error reports go to Cloudflare' },
    { markup: 'cf-error-details', weight: 0.9, note: "the layout of Cloudflare's error page" },
    // Cloudflare's pages name it: the Ray ID line, the footer, the block pages' title, the older pages' location line and
    // footer. One test for the name first, so pages that do not name Cloudflare are read once.
    {
      text: 'cloudflare',
      any: [
        { text: 'cloudflare ray id' },
        { text: 'performance & security by cloudflare' },
        { text: 'used cloudflare to restrict access' },
        { text: 'cloudflare location' },
        { text: 'cloudflare-nginx' },
      ],
      weight: 0.9,
      note: "Cloudflare's error or block page names Cloudflare (its Ray ID line, its footer, its title)",
    },
    { ...STRUCTURED_ERROR, weight: 0.95, note: 'Cloudflare\'s structured error: "cloudflare_error": true is only on errors it generated' },
    ...SIGNED.map((marker) => ({ ...marker, weight: 0.9, note: 'a stock error page signed by Cloudflare' })),
    // What a pasted page with no status says: its "What happened?" sentence, or the 1xxx heading "Error 1016 Ray ID: …".
    { status: 0, text: 'between Cloudflare', weight: 0.9, note: "Cloudflare's 520 and 522 pages say what failed between Cloudflare and the origin" },
    { status: 0, text: WHAT_HAPPENED[521], weight: 0.6, note: "the sentence on Cloudflare's 521 page" },
    { status: 0, text: WHAT_HAPPENED[524], weight: 0.6, note: "the sentence on Cloudflare's 524 page" },
    { status: 0, text: 'ray id:', weight: 0.7, note: "Cloudflare's error and block pages show the request's Ray ID (RAY_ID)" },
    { status: [0, 500], text: 'worker threw exception', any: codeShown(1101), weight: 0.9, note: "Cloudflare's Error 1101 page" },
  ],
  relayed: [{ header: 'cf-cache-status', equals: 'DYNAMIC', note: 'Cloudflare passed the request to the origin and relayed what came back' }],
  variants: [
    // 1xxx codes first: a 530 or 500 page that names one is explained by it (ERRORS_5XX, "Error 530").
    {
      id: 'cloudflare-1016-origin-dns-error',
      title: 'Error 1016: Origin DNS error',
      when: showsCode(1016),
      meaning: "Cloudflare could not resolve the origin's address: the A or CNAME record it points to is missing or does not resolve.",
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      advice: {
        owner: [
          'Check the DNS record of this hostname in Cloudflare: a CNAME target must resolve publicly, and a load balancer pool must have resolvable origins.',
        ],
      },
      reference: ERRORS_1XXX,
    },
    {
      id: 'cloudflare-1033-tunnel-error',
      title: 'Error 1033: Argo Tunnel error',
      when: showsCode(1033),
      meaning: 'The hostname is routed through a Cloudflare Tunnel, and no cloudflared connector for it is running or connected.',
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      advice: { owner: ['Check that cloudflared runs and is connected for this hostname (cloudflared tunnel info <name>).'] },
      reference: ERRORS_1XXX,
    },
    {
      id: 'cloudflare-1101-worker-threw-exception',
      title: 'Error 1101: Worker threw exception',
      when: showsCode(1101),
      meaning: 'A Cloudflare Worker on this route threw a JavaScript exception; the Worker is the application here, and Cloudflare wrote the page.',
      causes: { 'origin-app-error': 1 },
      source: 'gateway',
      tellApart: "wrangler tail (or the Worker's logs in the dashboard) shows the exception and its stack for this Ray ID.",
      reference: WORKERS_ERRORS,
    },
    {
      id: 'cloudflare-1102-worker-exceeded-resource-limits',
      title: 'Error 1102: Worker exceeded resource limits',
      when: showsCode(1102),
      meaning: 'A Cloudflare Worker on this route ran past its CPU time or memory limit.',
      causes: { 'origin-app-error': 0.7, overloaded: 0.3 },
      source: 'gateway',
      reference: WORKERS_ERRORS,
    },
    {
      id: 'cloudflare-1xxx-worker-failed',
      title: 'A Cloudflare Worker could not run or fetch (1019, 1021, 1022, 1024, 1042)',
      when: showsOneOf(WORKER_FAILED),
      meaning: 'A Worker on this route failed: it called itself in a loop, fetched a host it may not reach, or Cloudflare could not route the request to it.',
      causes: { 'origin-app-error': 0.8, unknown: 0.2 },
      source: 'gateway',
      reference: WORKERS_ERRORS,
    },
    {
      id: 'cloudflare-1xxx-limit-reached',
      title: 'Rate limited or at capacity (1015, 1025, 1027, 1200)',
      when: showsOneOf(LIMIT_REACHED),
      meaning:
        "Cloudflare refused the request because a limit was reached: the site's rate limiting, a Workers plan limit, or too many requests queued at the edge waiting for the origin.",
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: ERRORS_1XXX,
    },
    {
      id: 'cloudflare-1xxx-access-denied',
      title: "Access denied by the site's Cloudflare settings (1005–1012, 1020, 1106)",
      when: showsOneOf(ACCESS_DENIED),
      meaning:
        "The site's Cloudflare security settings blocked this visitor (a firewall or custom rule, an IP, country or network ban, the browser check): nothing failed, and the request never reached the origin.",
      causes: { unknown: 1 },
      source: 'gateway',
      advice: { visitor: ["The site's owner chose to block this request; if you think it is a mistake, send them the Ray ID shown on the page."] },
      reference: ERRORS_1XXX,
    },
    {
      id: 'cloudflare-1xxx-request-refused',
      title: 'Cloudflare would not serve this request (1000–1004, 1013, 1014, 1018, 1023, 1034–1041, 1205)',
      when: showsOneOf(REQUEST_REFUSED),
      meaning:
        "Cloudflare refused the request for a configuration reason: the hostname's DNS points at a Cloudflare address or is not set up, the request used an IP directly or a mismatched TLS name, or a rewrite rule produced an invalid request.",
      causes: { unknown: 1 },
      source: 'gateway',
      reference: ERRORS_1XXX,
    },
    // The 52x codes: the step towards the origin that failed, read off Cloudflare's page or off the status alone.
    ...byPageAndStatus(520, E520, WHAT_HAPPENED[520]),
    ...byPageAndStatus(521, E521, WHAT_HAPPENED[521]),
    ...byPageAndStatus(522, E522, WHAT_HAPPENED[522]),
    ...byPageAndStatus(523, E523),
    ...byPageAndStatus(524, E524, WHAT_HAPPENED[524]),
    ...byPageAndStatus(525, E525),
    ...byPageAndStatus(526, E526),
    ...byPageAndStatus(530, E530),
    // 500, 502, 503 and 504: Cloudflare's own only when its page says so (ERROR_500, ERROR_502, ERRORS_5XX "503").
    {
      id: 'cloudflare-bad-gateway-gateway-timeout-reported-origin',
      title: 'Bad gateway or gateway timeout reported by the origin',
      when: [{ status: [502, 504] }, BRANDED],
      meaning:
        "Cloudflare shows its branded 502/504 page when the origin itself answered 502 or 504: the failure is behind the origin's own proxy or load balancer.",
      causes: { 'origin-app-error': 0.4, 'origin-unreachable': 0.3, 'origin-timeout': 0.3 },
      source: 'origin',
      reference: ERROR_502,
    },
    {
      id: 'cloudflare-502-504-generated',
      title: '502 or 504 generated by Cloudflare',
      when: [{ status: [502, 504] }, UNBRANDED],
      meaning:
        "Cloudflare itself failed to relay the origin's answer: most often the origin sent a compressed response with a wrong Content-Length or broken gzip; otherwise a problem while moving traffic between Cloudflare data centres.",
      causes: { 'origin-invalid-response': 0.45, unknown: 0.35, 'origin-app-error': 0.2 },
      source: 'gateway',
      advice: {
        owner: ['Fetch the same URL from the origin directly with Accept-Encoding: gzip and check that the compressed body and its Content-Length agree.'],
      },
      reference: ERROR_502,
    },
    {
      id: 'cloudflare-503-generated',
      title: "503 Service temporarily unavailable (Cloudflare's own)",
      when: [{ status: 503 }, WRITTEN_BY_CLOUDFLARE],
      meaning: 'A page signed by Cloudflare: a connectivity problem inside a Cloudflare data centre, not the origin.',
      causes: { unknown: 0.7, overloaded: 0.3 },
      source: 'gateway',
      advice: { visitor: ['Check https://www.cloudflarestatus.com/ for an incident in your region.'] },
      reference: ERRORS_5XX,
    },
    {
      id: 'cloudflare-500-generated',
      title: "500 Internal server error (Cloudflare's own)",
      when: [{ status: 500 }, WRITTEN_BY_CLOUDFLARE],
      meaning:
        'Cloudflare wrote this 500 itself (its page names Cloudflare): an internal Cloudflare error, or a Page Rule or other setting it could not apply.',
      causes: { unknown: 0.7, 'origin-app-error': 0.3 },
      source: 'gateway',
      reference: ERROR_500,
    },
    // Only the headers: what Cloudflare's docs say each status most often means when no page says more.
    {
      id: 'cloudflare-502-504-no-body',
      title: '502 or 504 through Cloudflare (its body not seen)',
      when: [{ status: [502, 504] }, { body: 'unseen' }],
      meaning:
        "Cloudflare passes a 502 or 504 on when the origin itself answered with it (the failure is behind the origin's own proxy); Cloudflare writes one of its own only for a broken compressed response or a data-centre problem.",
      causes: { 'origin-app-error': 0.5, 'origin-unreachable': 0.25, 'origin-timeout': 0.25 },
      source: 'origin',
      reference: ERROR_502,
    },
    {
      id: 'cloudflare-503-no-body',
      title: '503 through Cloudflare (its body not seen)',
      when: [{ status: 503 }, { body: 'unseen' }],
      meaning: "A 503 through Cloudflare most often comes from the origin, overloaded or limiting requests; Cloudflare's own 503 page would name Cloudflare.",
      causes: { overloaded: 0.7, unknown: 0.3 },
      source: 'origin',
      reference: ERRORS_5XX,
    },
    {
      id: 'cloudflare-500-no-body',
      title: '500 through Cloudflare (its body not seen)',
      when: [{ status: 500 }, { body: 'unseen' }],
      meaning: "A 500 through Cloudflare nearly always comes from the origin; Cloudflare's own 500 page would name Cloudflare.",
      causes: { 'origin-app-error': 0.8, unknown: 0.2 },
      source: 'origin',
      reference: ERROR_500,
    },
    // Catch-alls: a page Cloudflare wrote whose code is cut off or not one above, then the origin's own pages.
    {
      id: 'cloudflare-error-generated',
      title: 'Error generated by Cloudflare',
      when: [WRITTEN_BY_CLOUDFLARE],
      fallback: true,
      meaning:
        'Cloudflare wrote this error itself (its page or the cf-error-type header says so), but the part naming the error is missing or not one Gatewhy knows: Cloudflare did not get a usable answer from the origin.',
      causes: { 'origin-unreachable': 0.3, 'origin-timeout': 0.2, 'origin-invalid-response': 0.2, unknown: 0.2, 'origin-tls': 0.1 },
      source: 'gateway',
      reference: ERROR_HEADERS,
    },
    {
      id: 'cloudflare-503-passed-origin',
      title: '503 passed on from the origin',
      when: [{ status: 503 }, { body: 'seen' }],
      fallback: true,
      meaning:
        'The page does not name Cloudflare: the origin answered 503 itself, most often because it is overloaded or limiting requests, and Cloudflare relayed it.',
      causes: { overloaded: 0.6, maintenance: 0.2, 'origin-app-error': 0.2 },
      source: 'origin',
      reference: ERRORS_5XX,
    },
    {
      id: 'cloudflare-error-passed-origin',
      title: 'Error passed on from the origin',
      when: [{ status: [500, 502, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: 'The page does not come from Cloudflare: the origin answered with this error and Cloudflare relayed it.',
      causes: { 'origin-app-error': 0.7, overloaded: 0.15, maintenance: 0.15 },
      source: 'origin',
      reference: ERROR_500,
    },
  ],
  bodyTells:
    "Cloudflare's page names its error code (52x, or a 1xxx code such as 1016 or 1020) and marks which of browser, Cloudflare and host failed; a page that does not name Cloudflare is the origin's.",
  advice: {
    visitor: ["Errors 520–526 and 530 are between Cloudflare and the site's own server: only the site can fix them."],
    owner: [REPORT_RAY_ID],
  },
  documented: [
    ...(
      [
        [
          'Error 500: Internal server error (written by Cloudflare)',
          ERROR_500,
          'cloudflare-500-generated',
          {
            status: 500,
            body: '<html><head><title>500 Internal Server Error</title></head><body><center><h1>500 Internal Server Error</h1></center><hr><center>cloudflare</center></body></html>',
          },
        ],
        [
          'Error 500: Internal server error (from the origin)',
          ERROR_500,
          'cloudflare-error-passed-origin',
          { status: 500, headers: { server: 'cloudflare' }, body: '<h1>Internal Server Error</h1>' },
        ],
        [
          'Error 502/504: branded page (the origin answered 502 or 504)',
          ERROR_502,
          'cloudflare-bad-gateway-gateway-timeout-reported-origin',
          { status: 502, body: '<div id="cf-wrapper"><div id="cf-error-details">The web server reported a bad gateway error.</div></div>' },
        ],
        [
          'Error 502/504: unbranded page that names Cloudflare',
          ERROR_502,
          'cloudflare-502-504-generated',
          {
            status: 502,
            body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>',
          },
        ],
        [
          'Error 503: Service temporarily unavailable (page names Cloudflare)',
          ERRORS_5XX,
          'cloudflare-503-generated',
          {
            status: 503,
            body: '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>cloudflare-nginx</center></body></html>',
          },
        ],
        [
          'Error 503: Service temporarily unavailable (from the origin)',
          ERRORS_5XX,
          'cloudflare-503-passed-origin',
          { status: 503, headers: { server: 'cloudflare' }, body: '<h1>Service Unavailable</h1>' },
        ],
        ['Error 520: Web server is returning an unknown error', ERROR_520, 'cloudflare-520-web-server-returning-unknown-error', { status: 520 }],
        ['Error 521: Web server is down', ERRORS_5XX, 'cloudflare-521-web-server-down', { status: 521 }],
        ['Error 522: Connection timed out', ERRORS_5XX, 'cloudflare-522-connection-timed-out', { status: 522 }],
        ['Error 523: Origin is unreachable', ERRORS_5XX, 'cloudflare-523-origin-unreachable', { status: 523 }],
        ['Error 524: A timeout occurred', ERROR_524, 'cloudflare-524-timeout-occurred', { status: 524 }],
        ['Error 525: SSL handshake failed', ERRORS_5XX, 'cloudflare-525-ssl-handshake-failed', { status: 525 }],
        ['Error 526: Invalid SSL certificate', ERRORS_5XX, 'cloudflare-526-invalid-ssl-certificate', { status: 526 }],
        ['Error 530 (with a 1xxx error in the page)', ERRORS_5XX, 'cloudflare-530-1xxx-error', { status: 530 }],
      ] as const
    ).map(([name, reference, variant, example]): DocumentedError => ({ name, reference, variant, example })),
    { name: 'Error 501: Not implemented', reference: ERRORS_5XX },
    // The 1xxx codes with the docs' titles; each example is the structured form Cloudflare documents for them (STRUCTURED).
    ...(
      [
        [1000, 'DNS points to prohibited IP', 'cloudflare-1xxx-request-refused'],
        [1001, 'DNS resolution error', 'cloudflare-1xxx-request-refused'],
        [1002, 'DNS points to Prohibited IP', 'cloudflare-1xxx-request-refused'],
        [1002, 'Restricted', 'cloudflare-1xxx-request-refused'],
        [1003, 'Access Denied: Direct IP Access Not Allowed', 'cloudflare-1xxx-request-refused'],
        [1004, 'Host Not Configured to Serve Web Traffic', 'cloudflare-1xxx-request-refused'],
        [1005, 'Access Denied: Autonomous System Number (ASN) banned', 'cloudflare-1xxx-access-denied'],
        [1006, 'Access Denied: Your IP address has been banned', 'cloudflare-1xxx-access-denied'],
        [1007, 'Access Denied: Your IP address has been banned', 'cloudflare-1xxx-access-denied'],
        [1008, 'Access Denied: Your IP address has been banned', 'cloudflare-1xxx-access-denied'],
        [1009, 'Access Denied: Country or region banned', 'cloudflare-1xxx-access-denied'],
        [1010, "The owner of this website has banned your access based on your browser's signature", 'cloudflare-1xxx-access-denied'],
        [1011, 'Access Denied (Hotlinking Denied)', 'cloudflare-1xxx-access-denied'],
        [1012, 'Access Denied', 'cloudflare-1xxx-access-denied'],
        [1013, 'HTTP hostname and TLS SNI hostname mismatch', 'cloudflare-1xxx-request-refused'],
        [1014, 'CNAME Cross-User Banned', 'cloudflare-1xxx-request-refused'],
        [1015, 'You are being rate limited', 'cloudflare-1xxx-limit-reached'],
        [1016, 'Origin DNS error', 'cloudflare-1016-origin-dns-error'],
        [1018, 'Could not find host', 'cloudflare-1xxx-request-refused'],
        [1019, 'Compute server error', 'cloudflare-1xxx-worker-failed'],
        [1020, 'Access denied', 'cloudflare-1xxx-access-denied'],
        [1023, 'Could not find host', 'cloudflare-1xxx-request-refused'],
        [1025, 'Please check back later', 'cloudflare-1xxx-limit-reached'],
        [1033, 'Argo Tunnel error', 'cloudflare-1033-tunnel-error'],
        [1034, 'Edge IP Restricted', 'cloudflare-1xxx-request-refused'],
        [1035, 'Invalid request rewrite (invalid URI path)', 'cloudflare-1xxx-request-refused'],
        [1036, 'Invalid request rewrite (maximum length exceeded)', 'cloudflare-1xxx-request-refused'],
        [1037, 'Invalid rewrite rule (failed to evaluate expression)', 'cloudflare-1xxx-request-refused'],
        [1040, 'Invalid request rewrite (header modification not allowed)', 'cloudflare-1xxx-request-refused'],
        [1041, 'Invalid request rewrite (invalid header value)', 'cloudflare-1xxx-request-refused'],
        [1106, 'Access Denied: Your IP address has been banned', 'cloudflare-1xxx-access-denied'],
        [1200, 'Cache connection limit', 'cloudflare-1xxx-limit-reached'],
      ] as const
    ).map(([code, title, variant]): DocumentedError => ({
      name: `Error ${code}: ${title}`,
      reference: ERRORS_1XXX,
      variant,
      example: { body: JSON.stringify({ title: `Error ${code}: ${title}`, error_code: code, ray_id: '9f140b785e57c458', cloudflare_error: true }) },
    })),
    // Named in the structured-errors and Retry-After changelogs rather than the 1xxx list.
    {
      name: 'Error 1038: HTTP headers limit exceeded',
      reference: 'https://developers.cloudflare.com/changelog/post/2026-03-12-retry-after-header-for-1xxx-errors',
      variant: 'cloudflare-1xxx-request-refused',
    },
    {
      name: 'Error 1205: Too many redirects',
      reference: 'https://developers.cloudflare.com/changelog/post/2026-03-12-retry-after-header-for-1xxx-errors',
      variant: 'cloudflare-1xxx-request-refused',
    },
    // Workers codes (WORKERS_ERRORS).
    {
      name: 'Error 1101: Worker threw exception',
      reference: WORKERS_ERRORS,
      variant: 'cloudflare-1101-worker-threw-exception',
      example: { status: 500, body: 'Error 1101 Worker threw exception' },
    },
    {
      name: 'Error 1102: Worker exceeded resource limits',
      reference: WORKERS_ERRORS,
      variant: 'cloudflare-1102-worker-exceeded-resource-limits',
      example: { status: 503, headers: { 'cf-error-type': '1102' } },
    },
    { name: 'Error 1021, 1024, 1042: a Worker fetched a host it may not reach', reference: WORKERS_ERRORS, variant: 'cloudflare-1xxx-worker-failed' },
    { name: 'Error 1022: Cloudflare could not route the request to the Worker', reference: WORKERS_ERRORS, variant: 'cloudflare-1xxx-worker-failed' },
    { name: 'Error 1027: Worker exceeded its free daily request limit', reference: WORKERS_ERRORS, variant: 'cloudflare-1xxx-limit-reached' },
    // Listed by category only (STRUCTURED "1xxx error categories"); their titles were not read, so no rule names them.
    { name: 'Errors 1017, 1028, 1029, 1044 (client TLS)', reference: STRUCTURED },
    { name: 'Errors 1026, 1039 (legal restrictions)', reference: STRUCTURED },
    { name: 'Errors 1043, 1045, 1047, 1049 (configuration, unsupported)', reference: STRUCTURED },
    { name: 'Errors 1100, 1103, 1105 (Workers)', reference: STRUCTURED },
    { name: 'Errors 1201–1206 (Snippets)', reference: STRUCTURED },
    { name: 'Error 1104: A variation of this email address is already taken', reference: ERRORS_1XXX, logOnly: true },
  ],
  statusPage: 'https://www.cloudflarestatus.com/',
  sources: [
    ERRORS_5XX,
    ERROR_500,
    ERROR_502,
    ERROR_520,
    ERROR_524,
    ERRORS_1XXX,
    ERROR_HEADERS,
    STRUCTURED,
    RAY_ID,
    WORKERS_ERRORS,
    BRANDED_CAPTURE,
    NGINX_PAGES,
  ],
});
