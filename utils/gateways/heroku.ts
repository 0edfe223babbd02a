// Heroku's router: one stock 503 page for every platform-level failure; the H-code in the router's log line says which.
import { defineGateway, type CauseWeights, type DocumentedError, type Variant } from './types';

// "Whenever your app experiences an error, Heroku will return a standard error page with the HTTP status code 503 …
// Each type of error gets its own error code" (the article's opening; its table of contents lists every code).
const ERROR_CODES = 'https://devcenter.heroku.com/articles/error-codes';
const code = (anchor: string) => `${ERROR_CODES}#${anchor}`;
// "Heroku's HTTP router serves unstyled HTML with HTTP status code 503 (Service Unavailable) when your app encounters a
// system-level error, or while maintenance mode is enabled. Other errors, such as application errors (a 404 or 500),
// will display your application's error page". The article links the stock pages on herokucdn.com as templates.
const ERROR_PAGES = 'https://devcenter.heroku.com/articles/error-pages';
const MAINTENANCE = 'https://devcenter.heroku.com/articles/maintenance-mode';
const ROUTING = 'https://devcenter.heroku.com/articles/http-routing';
// Router 2.0 keeps connections to dynos alive, so a dyno closing an idle one shows up as H13/H18 on the next request.
const ROUTER2_H13_H18 = 'https://help.heroku.com/Y6M4QI4V/how-do-i-fix-new-h18-or-h13-errors-that-have-started-since-switching-to-router-2-0';
const ROUTER2_BLOG = 'https://blog.heroku.com/tips-tricks-router-2dot0-migration';
const APP_ARCHIVING = 'https://devcenter.heroku.com/articles/app-archiving';
// Vegur, the open-source core of the legacy router: it appends "Via: 1.1 vegur" to the responses it relays.
const VEGUR_VIA = 'https://github.com/heroku/vegur/blob/65d168f757e0ddb448f41cfb9e4b0281c747378d/src/vegur_utils.erl#L335-L337';

// The stock page's sentence (its title is "Application Error"); the page body is an iframe of herokucdn.com's page.
const APP_ERROR_TEXT = 'an error occurred in the application and your page could not be served';
const STOCK_PAGE = `<!DOCTYPE html><html><head><title>Application Error</title></head><body><iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe></body></html>`;
const STOCK_PAGE_TEXT = `Application Error\n${APP_ERROR_TEXT[0]!.toUpperCase()}${APP_ERROR_TEXT.slice(1)}. If you are the application owner, check your logs for details.`;

const LOGS =
  'Run "heroku logs --tail" (or search the log drain): the heroku[router] line for this request names the H-code (at=error code=H12 desc="Request timeout"), with connect= and service= times and the dyno.';

/**
 * Every H-code of the error-codes article (its 2024 table of contents), what it means, and the causes its section
 * names. The router writes the same stock page for all of them; only its log line, which people paste, names the code.
 * `status` is the one its documented log example shows (status=503 unless stated); `client` codes are the visitor's
 * side of the connection failing, which answer no page the visitor keeps.
 */
interface HCode {
  code: string;
  desc: string;
  anchor: string;
  meaning: string;
  causes: CauseWeights;
  status?: number;
  client?: true;
}
const H_CODES: readonly HCode[] = [
  {
    code: 'H10',
    desc: 'App crashed',
    anchor: 'h10-app-crashed',
    meaning: 'The web dyno crashed, or timed out while booting, so the router had nothing to send the request to.',
    causes: { 'origin-app-error': 0.85, 'origin-unreachable': 0.15 },
    status: 503,
  },
  {
    code: 'H11',
    desc: 'Backlog too deep',
    anchor: 'h11-backlog-too-deep',
    meaning: "Requests arrive faster than the app's dynos answer them: the router's backlog for the app passed its threshold and it turned this request away.",
    causes: { overloaded: 1 },
    status: 503,
  },
  {
    code: 'H12',
    desc: 'Request timeout',
    anchor: 'h12-request-timeout',
    meaning: 'The dyno did not start its response within 30 seconds, so the router gave up and answered 503 (the dyno may still finish the work).',
    causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
    status: 503,
  },
  {
    code: 'H13',
    desc: 'Connection closed without response',
    anchor: 'h13-connection-closed-without-response',
    meaning:
      'The dyno accepted the connection and closed it without sending any response (a worker killed mid-request, or, with Router 2.0, an idle kept-alive connection the dyno closed).',
    causes: { 'origin-reset': 0.9, 'origin-app-error': 0.1 },
    status: 503,
  },
  {
    code: 'H14',
    desc: 'No web dynos running',
    anchor: 'h14-no-web-dynos-running',
    meaning: 'The app has no web dyno running (scaled to zero, or the web process is not defined), so the router could not route the request.',
    causes: { 'origin-unreachable': 1 },
    status: 503,
  },
  {
    code: 'H15',
    desc: 'Idle connection',
    anchor: 'h15-idle-connection',
    meaning: 'The dyno started a response but sent no data for 55 seconds, so the router closed the connection.',
    causes: { 'origin-timeout': 1 },
    status: 503,
  },
  {
    code: 'H17',
    desc: 'Poorly formatted HTTP response',
    anchor: 'h17-poorly-formatted-http-response',
    meaning: 'The dyno answered with something that is not valid HTTP (a malformed status line or headers), which the router refused to pass on.',
    causes: { 'origin-invalid-response': 1 },
  },
  {
    code: 'H18',
    desc: 'Server Request Interrupted',
    anchor: 'h18-server-request-interrupted',
    meaning: 'The dyno closed the connection after sending part of a response, or a kept-alive connection was closed by the dyno (Router 2.0).',
    causes: { 'origin-reset': 1 },
  },
  {
    code: 'H19',
    desc: 'Backend connection timeout',
    anchor: 'h19-backend-connection-timeout',
    meaning: 'The router could not connect to the dyno within 5 seconds (the dyno is swamped or not listening yet).',
    causes: { 'origin-unreachable': 0.6, overloaded: 0.4 },
  },
  {
    code: 'H20',
    desc: 'App boot timeout',
    anchor: 'h20-app-boot-timeout',
    meaning: 'The router waited for a booting dyno, which did not bind to its $PORT within 60 seconds.',
    causes: { 'origin-app-error': 0.6, 'origin-unreachable': 0.4 },
  },
  {
    code: 'H21',
    desc: 'Backend connection refused',
    anchor: 'h21-backend-connection-refused',
    meaning: "The dyno refused the router's connection: nothing listened on $PORT, or its listen queue was full.",
    causes: { 'origin-unreachable': 0.7, overloaded: 0.3 },
  },
  {
    code: 'H22',
    desc: 'Connection limit reached',
    anchor: 'h22-connection-limit-reached',
    meaning: "The app reached the router's limit of concurrent connections, so new requests are turned away.",
    causes: { overloaded: 1 },
  },
  {
    code: 'H23',
    desc: 'Endpoint misconfigured',
    anchor: 'h23-endpoint-misconfigured',
    meaning: 'A routing endpoint (such as a dyno using the PROXY protocol) is not set up the way the router expects.',
    causes: { unknown: 1 },
  },
  {
    code: 'H24',
    desc: 'Forced close',
    anchor: 'h24-forced-close',
    meaning: 'The router closed a long-lived connection itself (for example when the router instance was shut down).',
    causes: { 'origin-reset': 0.5, unknown: 0.5 },
  },
  {
    code: 'H25',
    desc: 'HTTP Restriction',
    anchor: 'h25-http-restriction',
    meaning:
      "The router blocked a request that broke its HTTP limits (a header or cookie too large, for instance): the client's request, not the app, is at fault.",
    causes: { unknown: 1 },
    client: true,
  },
  {
    code: 'H26',
    desc: 'Request Error',
    anchor: 'h26-request-error',
    meaning: 'The client sent a request the router could not parse (a bad header, chunk or expect line).',
    causes: { unknown: 1 },
    client: true,
  },
  {
    code: 'H27',
    desc: 'Client Request Interrupted',
    anchor: 'h27-client-request-interrupted',
    meaning: 'The client closed its connection before the response was sent: logged by the router, seen by nobody.',
    causes: { unknown: 1 },
    client: true,
  },
  {
    code: 'H28',
    desc: 'Client Connection Idle',
    anchor: 'h28-client-connection-idle',
    meaning: 'The client sent nothing on its open connection for too long, so the router closed it.',
    causes: { unknown: 1 },
    client: true,
  },
  {
    code: 'H31',
    desc: 'Misdirected Request',
    anchor: 'h31-misdirected-request',
    meaning: "The request's Host header names another app than the TLS connection it came on (SNI), so the router refused it.",
    causes: { unknown: 1 },
    client: true,
  },
  {
    code: 'H32',
    desc: 'TLS Certificate Mismatch',
    anchor: 'h32-tls-certificate-mismatch',
    meaning: 'The request came on a TLS connection whose certificate does not cover its Host.',
    causes: { unknown: 1 },
    client: true,
  },
  {
    code: 'H80',
    desc: 'Maintenance mode',
    anchor: 'h80-maintenance-mode',
    meaning: 'The app is in maintenance mode: the router served the maintenance page without reaching a dyno.',
    causes: { maintenance: 1 },
    status: 503,
  },
  {
    code: 'H81',
    desc: 'Blank app',
    anchor: 'h81-blank-app',
    meaning: 'No code has been deployed to this app yet, so there is nothing to route to.',
    causes: { unknown: 1 },
  },
  {
    code: 'H82',
    desc: "You've used up your dyno hour pool",
    anchor: 'h82-you-ve-used-up-your-dyno-hour-pool',
    meaning: 'The account used up its dyno hours, so its dynos were stopped until the pool renews.',
    causes: { maintenance: 1 },
  },
  {
    code: 'H83',
    desc: 'Planned Service Degradation',
    anchor: 'h83-planned-service-degradation',
    meaning: 'Heroku is degrading service on purpose for planned platform work.',
    causes: { maintenance: 1 },
  },
  {
    code: 'H99',
    desc: 'Platform error',
    anchor: 'h99-platform-error',
    meaning: 'An error in the Heroku platform itself: the article calls it the only H-code caused by Heroku, not the app.',
    causes: { unknown: 1 },
    status: 503,
  },
];

const hVariantId = ({ code: hCode }: HCode) => `heroku-${hCode.toLowerCase()}-log-line`;

// A pasted router log line names the code: "at=error code=H12 desc=…" today, "Error H12 (Request timeout) ->" in the
// oldest examples the article kept.
const hCodeVariants: Variant[] = H_CODES.map((entry) => ({
  id: hVariantId(entry),
  title: `${entry.code} ${entry.desc}`,
  when: [{ any: [{ text: `code=${entry.code}` }, { text: `error ${entry.code} (` }] }],
  meaning: entry.client
    ? `${entry.meaning} The visitor's request was rejected or dropped by Heroku's router.`
    : `${entry.meaning} Heroku's router answered with its stock "Application Error" page.`,
  causes: entry.causes,
  source: 'gateway',
  tellApart: LOGS,
  reference: code(entry.anchor),
}));

// What the stock page means when no log line says which H-code produced it: H10 (App crashed), the error-pages
// article's own example, then H12 (Request timeout), lead.
const applicationError = {
  meaning:
    "Heroku's router got no usable response from the app's web dynos and served its stock page: a crashed or unbooted dyno (H10, H20), no answer within 30 s (H12), a connection closed without a response (H13, H18), no web dyno running (H14), or a backlog or connection limit (H11, H22).",
  causes: { 'origin-app-error': 0.35, 'origin-timeout': 0.3, 'origin-reset': 0.15, 'origin-unreachable': 0.1, overloaded: 0.1 },
  source: 'gateway',
  tellApart: LOGS,
  advice: {
    owner: [
      '"heroku ps" shows whether the web dynos are up, crashed or restarting; "heroku logs --tail" shows the H-code and the app\'s own errors around it.',
    ],
  },
  reference: ERROR_PAGES,
} as const;

const documented: DocumentedError[] = [
  ...H_CODES.map((entry) => ({
    name: `${entry.code} ${entry.desc}`,
    reference: code(entry.anchor),
    variant: hVariantId(entry),
    logOnly: true as const,
    // The log line in the article's format; the code and its description are all an example needs.
    example: {
      body: `heroku[router]: at=error code=${entry.code} desc="${entry.desc}" method=GET path="/" host=myapp.herokuapp.com${entry.status ? ` status=${entry.status}` : ''}`,
    },
  })),
  { name: 'H16 (No Longer in Use)', reference: code('h16-no-longer-in-use') },
  {
    name: 'Application Error (stock error page, 503)',
    reference: ERROR_PAGES,
    variant: 'heroku-application-error',
    example: { status: 503, body: STOCK_PAGE },
  },
  { name: "Application Error (the page's text, copied)", reference: ERROR_PAGES, variant: 'heroku-application-error-text', example: { body: STOCK_PAGE_TEXT } },
  {
    name: 'Maintenance mode page (503)',
    reference: MAINTENANCE,
    variant: 'heroku-maintenance-mode-h80',
    example: { status: 503, body: '<iframe src="//www.herokucdn.com/error-pages/maintenance-mode.html"></iframe>' },
  },
  {
    name: 'No such app',
    reference: APP_ARCHIVING,
    variant: 'heroku-no-such-app',
    example: { status: 404, body: '<iframe src="//www.herokucdn.com/error-pages/no-such-app.html"></iframe>' },
  },
];

export default defineGateway({
  id: 'heroku',
  name: 'Heroku',
  kind: 'platform',
  fingerprint: [
    { header: 'via', includes: 'vegur', weight: 0.95, note: 'Heroku\'s legacy router (Vegur) adds "Via: 1.1 vegur" to the responses it relays' }, // VEGUR_VIA
    {
      header: 'via',
      includes: 'heroku-router',
      weight: 0.95,
      note: 'Heroku\'s Router 2.0 adds "Via: 1.1 heroku-router" (Heroku\'s Router 2.0 migration notes)',
    },
    { header: 'server', equals: 'heroku', weight: 0.85, note: "Heroku's Router 2.0 names itself in the Server header" },
    { header: 'report-to', includes: 'nel.heroku.com', weight: 0.9, note: 'network error reports go to Heroku' },
    { header: 'reporting-endpoints', includes: 'nel.heroku.com', weight: 0.9, note: 'network error reports go to Heroku' },
    { header: 'server', equals: 'cowboy', weight: 0.4, note: "Heroku's legacy router answers as Cowboy (so do many Erlang/Elixir apps)" },
    { markup: 'herokucdn.com/error-pages', weight: 0.95, note: "Heroku's stock error pages are served from herokucdn.com (error-pages article)" },
    { markup: 's3.amazonaws.com/heroku_pages/', weight: 0.95, note: "Heroku's older error pages loaded their content from its S3 bucket" },
    { text: APP_ERROR_TEXT, weight: 0.9, note: 'the sentence of Heroku\'s "Application Error" page' },
    { text: 'heroku logs --tail', weight: 0.6, note: "Heroku's error page tells the owner to run heroku logs --tail" },
    { text: 'heroku[router]', weight: 0.95, note: "a line of Heroku's router log, which names the H-code" },
  ],
  variants: [
    ...hCodeVariants,
    {
      id: 'heroku-maintenance-mode-h80',
      title: 'Maintenance mode (H80)',
      when: [{ markup: 'herokucdn.com/error-pages/maintenance-mode' }],
      meaning: 'The app is in Heroku maintenance mode: the router serves this page to every request without reaching the dynos.',
      causes: { maintenance: 1 },
      source: 'gateway',
      advice: { owner: ['"heroku maintenance:off" ends it, if it was not meant to be on.'] },
      reference: MAINTENANCE,
    },
    {
      id: 'heroku-no-such-app',
      title: 'No such app',
      when: [{ markup: 'herokucdn.com/error-pages/no-such-app' }],
      meaning: 'No Heroku app is attached to this host name: the app was deleted, renamed or archived, or the custom domain is not added to it.',
      causes: { unknown: 1 },
      source: 'gateway',
      advice: { owner: ['Check "heroku domains" on the app that should serve this host name.'] },
      reference: APP_ARCHIVING,
    },
    { id: 'heroku-application-error', title: 'Application Error', when: [{ markup: 'herokucdn.com/error-pages/application-error' }], ...applicationError },
    // The page before herokucdn.com framed an error page from Heroku's S3 bucket.
    {
      id: 'heroku-application-error-older-page',
      title: 'Application Error (older page)',
      when: [{ markup: 's3.amazonaws.com/heroku_pages/error' }],
      ...applicationError,
    },
    { id: 'heroku-application-error-text', title: 'Application Error', when: [{ text: APP_ERROR_TEXT }], ...applicationError },
    {
      id: 'heroku-unavailable-announced-app-retry-after',
      title: 'Unavailable, as announced by the app (Retry-After)',
      when: [{ status: 503 }, { header: 'retry-after' }],
      meaning:
        "The app itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Heroku's router relayed it (its own page carries no Retry-After).",
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    // Headers only. The router answers 503 for every platform-level failure (error-pages); other statuses are the app's.
    {
      id: 'heroku-503-no-body',
      title: "503 from Heroku's router (its body not seen)",
      when: [{ status: 503 }, { body: 'unseen' }],
      ...applicationError,
    },
    {
      id: 'heroku-5xx-no-body-app',
      title: 'Error from the app, relayed by Heroku (its body not seen)',
      when: [{ status: [500, 502] }, { body: 'unseen' }],
      meaning:
        "Heroku's router writes only 503 pages for platform failures; a 500 or 502 through it is the app's own answer (or a proxy's inside the app's dyno), which the router relayed.",
      causes: { 'origin-app-error': 0.7, 'origin-unreachable': 0.15, 'origin-invalid-response': 0.15 },
      source: 'origin',
      tellApart: LOGS,
      reference: ERROR_PAGES,
    },
    {
      id: 'heroku-504-no-body-app',
      title: '504 from the app, relayed by Heroku (its body not seen)',
      when: [{ status: 504 }, { body: 'unseen' }],
      meaning:
        "Heroku's router never answers 504 itself (its timeout is H12, a 503): the app, or a proxy inside its dyno, timed out waiting on something and said so, and the router relayed it.",
      causes: { 'origin-timeout': 0.7, 'origin-app-error': 0.3 },
      source: 'origin',
      tellApart: LOGS,
      reference: ERROR_PAGES,
    },
    {
      id: 'heroku-error-passed-app',
      title: 'Error passed on from the app',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning:
        "Heroku's router serves its own page only for platform-level failures; application errors show the app's own page, as here: the app wrote this error and the router relayed it.",
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: ERROR_PAGES,
    },
  ],
  advice: {
    visitor: [],
    owner: ['The heroku[router] log line for the request carries the H-code; "heroku logs --tail" or a log drain shows it.'],
  },
  bodyTells:
    'Heroku\'s stock "Application Error" page says only that the router, not the app, answered; the H-code that names the failure is in the router log line, never in the response.',
  documented,
  statusPage: 'https://status.heroku.com/',
  sources: [ERROR_CODES, ERROR_PAGES, MAINTENANCE, ROUTING, ROUTER2_H13_H18, ROUTER2_BLOG, APP_ARCHIVING, VEGUR_VIA],
});
