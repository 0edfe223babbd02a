// gunicorn (Python WSGI server): its one error-page template, the Server header it puts on the application's answers, and its log lines.
import { defineGateway, type Marker, type Variant } from './types';

const GU = 'https://github.com/benoitc/gunicorn/blob/65ac1a3a4c0aa00960968c720d6e6bd2ac32f1b9/gunicorn/';
const WRITE_ERROR = `${GU}util.py#L363-L383`;
const HANDLE_ERROR = `${GU}workers/base.py#L201-L286`;
// The WSGI response's own headers: "Server: gunicorn" (SERVER, __init__.py#L7) then Date (http/wsgi.py#L433-L437).
const APP_HEADERS = `${GU}http/wsgi.py#L433-L437`;
// Up to 20.0 the Server header carried the version ("gunicorn/19.9.0"): SERVER_SOFTWARE.
const OLD_APP_HEADERS = 'https://github.com/benoitc/gunicorn/blob/19.9.0/gunicorn/http/wsgi.py#L208';
const FAIL_APP = `${GU}util.py#L658-L668`;
const LOAD_WSGI = `${GU}workers/base.py#L147-L161`;
const WORKER_TIMEOUT = `${GU}arbiter.py#L604-L623`;
const BOOT_FAILURE = `${GU}arbiter.py#L682-L687`;
const ASGI_ERROR = `${GU}asgi/protocol.py#L1475-L1486`;

/**
 * gunicorn's own page puts the reason phrase in the title and again as `<h1><p>reason</p></h1>` (util.py#L364-L374), an
 * odd nesting no other server writes; what it sends has no Server and no Date header (util.py#L376-L382).
 */
const ownPage = (reason: string): Marker => ({ markup: `<h1><p>${reason}</p></h1>` });
const page = (reason: string, mesg = '') =>
  `<html>\n  <head>\n    <title>${reason}</title>\n  </head>\n  <body>\n    <h1><p>${reason}</p></h1>\n    ${mesg}\n  </body>\n</html>\n`;
const OWN_HEADERS = { 'content-type': 'text/html', connection: 'close' };
const REASONS = ['Internal Server Error', 'Bad Request', 'Forbidden', 'Expectation Failed', 'Request Header Fields Too Large'];
const SERVED_BY_GUNICORN: Marker = { header: 'server', startsWith: 'gunicorn' };

const LOG =
  'gunicorn\'s error log names it: "Error handling request <path>" with the traceback for an exception, "Invalid request from ip=…" for a rejected request.';

/** A request gunicorn's HTTP parser rejected (base.py#L203-L259): the client's request, not the server, was at fault. */
const rejected = (status: number, reason: string, short: string, meaning: string, line: string): Variant => ({
  id: `gunicorn-${status}-${short}`,
  title: `${status} ${reason} (gunicorn's own page)`,
  when: [{ status }, ownPage(reason)],
  meaning,
  causes: { unknown: 1 },
  source: 'origin',
  tellApart: LOG,
  reference: `${GU}workers/base.py#${line}`,
});

export default defineGateway({
  id: 'gunicorn',
  name: 'gunicorn',
  kind: 'app-server',
  bodyTells:
    'gunicorn\'s own page only repeats its reason phrase ("Internal Server Error"); any other page is the application\'s. A worker killed for running past --timeout writes nothing at all: the gateway in front answers 502 or 504 for it.',
  fingerprint: [
    // Set by gunicorn's Response on everything the application answers, never on gunicorn's own error pages.
    {
      ...SERVED_BY_GUNICORN,
      weight: 0.9,
      note: "gunicorn names itself in the Server header of the application's responses (gunicorn ≤ 20.0 with its version)",
    },
    { any: REASONS.map(ownPage), weight: 0.85, note: "gunicorn's error page: the reason phrase as <h1><p>…</p></h1>, a nesting only its template has" },
  ],
  variants: [
    {
      id: 'gunicorn-500-unhandled-exception',
      title: "500 Internal Server Error (gunicorn's own page)",
      when: [{ status: 500 }, ownPage('Internal Server Error')],
      meaning:
        "The WSGI application raised an exception before it sent its response headers, so gunicorn answered with its bare 500 page; the traceback is in gunicorn's error log. (The same page with a message under it is a configuration problem gunicorn found while reading the request.)",
      causes: { 'origin-app-error': 0.95, unknown: 0.05 },
      source: 'origin',
      tellApart: LOG,
      reference: `${GU}workers/base.py#L260-L284`,
    },
    {
      id: 'gunicorn-500-reload-syntax-error',
      title: "500 from gunicorn's --reload stand-in application",
      when: [{ status: 500 }, { text: 'traceback (most recent call last)' }, { text: 'syntaxerror:' }],
      meaning:
        'With --reload, an application module with a syntax error is replaced by a stand-in that answers every request with the SyntaxError traceback as plain text, until the file is fixed.',
      causes: { 'origin-app-error': 1 },
      source: 'origin',
      reference: LOAD_WSGI,
    },
    rejected(
      400,
      'Bad Request',
      'bad-request',
      "gunicorn could not parse the request (an invalid request line, method, HTTP version, header or PROXY line, conflicting scheme headers, obsolete header folding): the page's message says which.",
      'L213-L259',
    ),
    rejected(
      403,
      'Forbidden',
      'forbidden',
      'gunicorn refused the request: a PROXY protocol header from an address not in --proxy-allow-from ("Request forbidden"), or a TLS error on its own HTTPS listener.',
      'L245-L258',
    ),
    rejected(417, 'Expectation Failed', 'expectation-failed', "gunicorn cannot meet the request's Expect header.", 'L236-L240'),
    rejected(
      431,
      'Request Header Fields Too Large',
      'headers-too-large',
      'The request had more header fields, or longer ones, than --limit-request-fields / --limit-request-field-size allow ("Error parsing headers: …").',
      'L241-L244',
    ),
    // UnsupportedTransferCoding keeps the "Bad Request" reason while the status becomes 501 (base.py#L223-L225).
    {
      ...rejected(
        501,
        'Bad Request',
        'unsupported-transfer-coding',
        'gunicorn does not support the request\'s Transfer-Encoding: its page says "Bad Request" under a 501 status.',
        'L223-L225',
      ),
      title: '501 with a "Bad Request" page (gunicorn, unsupported Transfer-Encoding)',
    },
    // What the application answered itself and gunicorn served: its Server header is there, gunicorn's own page is not.
    {
      id: 'gunicorn-503-from-application',
      title: '503 answered by the application (served by gunicorn)',
      when: [{ status: 503 }, SERVED_BY_GUNICORN],
      meaning:
        "The application itself answered 503 and gunicorn served it (gunicorn puts its Server header only on the application's responses and never writes a 503): applications say 503 for maintenance, overload or a dependency that is down.",
      causes: { maintenance: 0.35, overloaded: 0.3, 'origin-app-error': 0.35 },
      source: 'origin',
      reference: APP_HEADERS,
    },
    {
      id: 'gunicorn-error-from-application',
      title: 'Error answered by the application (served by gunicorn)',
      when: [SERVED_BY_GUNICORN],
      fallback: true,
      meaning:
        "The application wrote this error and gunicorn served it: gunicorn puts its Server header on the application's responses, never on its own error pages, and writes no 502 or 504 of its own.",
      causes: { 'origin-app-error': 0.9, unknown: 0.1 },
      source: 'origin',
      reference: APP_HEADERS,
    },
  ],
  advice: {
    visitor: [],
    owner: [
      'Read gunicorn\'s error log at the time of the error: "Error handling request" with a traceback is an exception in the application.',
      '"[CRITICAL] WORKER TIMEOUT (pid:…)" means a worker ran past --timeout (30 s by default) and was killed; the gateway in front saw the connection close and answered 502 (or 504 if its own timeout was shorter). Make slow work asynchronous, or raise --timeout above the gateway\'s read timeout.',
      'Sync workers handle one request each: when all --workers are busy, requests wait in the listen backlog until the gateway gives up (504). Add workers or threads, or use an async worker class.',
    ],
  },
  documented: [
    {
      name: 'Internal Server Error (an exception in the application)',
      reference: `${GU}workers/base.py#L260-L284`,
      variant: 'gunicorn-500-unhandled-exception',
      example: { status: 500, headers: OWN_HEADERS, body: page('Internal Server Error') },
    },
    {
      name: 'Internal Server Error (ConfigurationProblem: the message names it)',
      reference: `${GU}workers/base.py#L226-L228`,
      variant: 'gunicorn-500-unhandled-exception',
    },
    {
      name: 'Bad Request: Invalid Request Line / Invalid Method / Invalid HTTP Version / invalid header / PROXY line',
      reference: `${GU}workers/base.py#L213-L259`,
      variant: 'gunicorn-400-bad-request',
      example: { status: 400, headers: OWN_HEADERS, body: page('Bad Request', 'Invalid HTTP Version &#x27;HTTP/9.9&#x27;') },
    },
    {
      name: 'Forbidden: Request forbidden (PROXY protocol from a disallowed address)',
      reference: `${GU}workers/base.py#L245-L250`,
      variant: 'gunicorn-403-forbidden',
      example: { status: 403, headers: OWN_HEADERS, body: page('Forbidden', 'Request forbidden') },
    },
    { name: 'Forbidden (TLS error)', reference: `${GU}workers/base.py#L254-L258`, variant: 'gunicorn-403-forbidden' },
    {
      name: 'Expectation Failed',
      reference: `${GU}workers/base.py#L236-L240`,
      variant: 'gunicorn-417-expectation-failed',
      example: { status: 417, headers: OWN_HEADERS, body: page('Expectation Failed') },
    },
    {
      name: 'Request Header Fields Too Large: Error parsing headers',
      reference: `${GU}workers/base.py#L241-L244`,
      variant: 'gunicorn-431-headers-too-large',
      example: {
        status: 431,
        headers: OWN_HEADERS,
        body: page('Request Header Fields Too Large', 'Error parsing headers: &#x27;limit request headers fields&#x27;'),
      },
    },
    {
      name: '501 Bad Request (unsupported Transfer-Encoding)',
      reference: `${GU}workers/base.py#L223-L225`,
      variant: 'gunicorn-501-unsupported-transfer-coding',
      example: { status: 501, headers: OWN_HEADERS, body: page('Bad Request') },
    },
    {
      name: '500 with the SyntaxError traceback (--reload stand-in application)',
      reference: FAIL_APP,
      variant: 'gunicorn-500-reload-syntax-error',
      example: {
        status: 500,
        headers: { 'content-type': 'text/plain', server: 'gunicorn' },
        body: 'Traceback (most recent call last):\n  File "/srv/app.py", line 3\n    def broken(\n              ^\nSyntaxError: \'(\' was never closed\n',
      },
    },
    // The ASGI worker's bare text/plain "Internal Server Error" is the same words as uvicorn's and other servers': nothing names gunicorn.
    { name: 'Internal Server Error (ASGI worker, text/plain)', reference: ASGI_ERROR },
    { name: '[CRITICAL] WORKER TIMEOUT (pid:…)', reference: WORKER_TIMEOUT, logOnly: true },
    { name: 'Worker failed to boot. / App failed to load.', reference: BOOT_FAILURE, logOnly: true },
  ],
  sources: [WRITE_ERROR, HANDLE_ERROR, APP_HEADERS, OLD_APP_HEADERS, FAIL_APP, WORKER_TIMEOUT, 'https://docs.gunicorn.org/en/stable/settings.html#timeout'],
});
