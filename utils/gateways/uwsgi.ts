// uWSGI (application server): its bare text/plain 500 when no application is loaded, its exceptions-catcher page, and the log lines that name its failures.
import { defineGateway, type Marker } from './types';

const UW = 'https://github.com/unbit/uwsgi/blob/6cbb2177ae48af91d2799ff3135abda545cf634c/';
const UWSGI_500 = `${UW}core/errors.c#L22-L29`;
const NO_APP = `${UW}plugins/python/wsgi_handlers.c#L386-L390`;
const CATCHER = `${UW}core/exceptions.c#L167-L183`;
const HARAKIRI = `${UW}core/master_utils.c#L1625-L1630`;
const WORKER_DIED = `${UW}core/master.c#L1070-L1081`;
const LISTEN_QUEUE = `${UW}core/master.c#L294-L295`;
const CLIENT_GONE = `${UW}core/uwsgi.c#L1218-L1227`;
const ROUTER_CONNECT = `${UW}plugins/corerouter/corerouter.c#L360-L366`;

/**
 * uWSGI's own 500: status line, "Connection: close", "Content-Type: text/plain" and the 21 bytes "Internal Server
 * Error", with no Date, no Server and no Content-Length (errors.c#L23-L29). Other servers write the same three words,
 * so only the exact type (no charset) and the missing Date make it uWSGI's.
 */
const BARE_500: Marker = { status: 500, header: 'content-type', equals: 'text/plain', text: 'internal server error' };
const NO_DATE: Marker = { status: 500, header: 'date', absent: true };
const CATCHER_PAGE: Marker = { text: 'uwsgi exceptions catcher for' };

/** Lines of uWSGI's log that people paste with the error, each naming its failure: one variant each. */
const LOG_LINES = [
  {
    id: 'uwsgi-log-no-application',
    line: 'no python application found',
    meaning: 'uWSGI started without a loadable application (an import error, or a wrong --module / --wsgi-file): it answers every request with a bare 500.',
    causes: { 'origin-app-error': 1 },
    reference: NO_APP,
  },
  {
    id: 'uwsgi-log-harakiri',
    line: 'HARAKIRI ON WORKER',
    meaning:
      'A request ran past --harakiri and the master killed its worker; nothing was written for it, so the gateway in front saw the connection close (502).',
    causes: { 'origin-timeout': 1 },
    reference: HARAKIRI,
  },
  {
    id: 'uwsgi-log-listen-queue-full',
    line: 'uWSGI listen queue of socket',
    meaning:
      "Every worker was busy and the socket's listen queue (--listen, 100 by default) filled up: new connections wait or are refused, so the gateway in front times out (504) or cannot connect (502).",
    causes: { overloaded: 1 },
    reference: LISTEN_QUEUE,
  },
];

const LOG =
  'uWSGI\'s log says which: "--- no python application found, check your startup logs for errors ---" for a failed start, a Python traceback for an exception, "*** HARAKIRI ON WORKER …" for a request killed at --harakiri.';

export default defineGateway({
  id: 'uwsgi',
  name: 'uWSGI',
  kind: 'app-server',
  bodyTells:
    'uWSGI\'s own error is the bare text "Internal Server Error", sent only when no application is loaded; an exception in the application, a harakiri kill or a full listen queue writes nothing, so the gateway in front answers 502 or 504 for them.',
  fingerprint: [
    {
      ...BARE_500,
      weight: 0.45,
      note: 'uWSGI\'s own 500 is text/plain "Internal Server Error"; other servers write the same words, so this alone does not name it',
    },
    { ...NO_DATE, weight: 0.2, note: 'uWSGI sends no Date header on its own errors (most servers do)' },
    { ...CATCHER_PAGE, weight: 0.95, note: "the page uWSGI's --catch-exceptions writes for an exception" },
    // Log lines people paste with the error: each is uWSGI's own wording.
    { any: LOG_LINES.map(({ line }) => ({ text: line })), weight: 0.95, note: "a line of uWSGI's log" },
  ],
  variants: [
    {
      id: 'uwsgi-500-exceptions-catcher',
      title: "500 from uWSGI's exceptions catcher",
      when: [CATCHER_PAGE],
      meaning: 'The application raised an exception and uWSGI, started with --catch-exceptions, wrote it into the response: class, message and backtrace.',
      causes: { 'origin-app-error': 1 },
      source: 'origin',
      reference: CATCHER,
    },
    {
      id: 'uwsgi-500-no-application',
      title: '500 Internal Server Error (uWSGI: no application loaded)',
      when: [BARE_500],
      meaning:
        'uWSGI has no application for this request, so it answered its bare 500: the application failed to import at start-up, or --module / --wsgi-file / the mountpoint names none. uWSGI\'s log says "no python application found".',
      causes: { 'origin-app-error': 0.9, unknown: 0.1 },
      source: 'origin',
      tellApart: LOG,
      reference: NO_APP,
    },
    ...LOG_LINES.map(({ line, ...variant }) => ({ ...variant, title: `uWSGI log: ${line}`, when: [{ text: line }], source: 'origin' as const })),
  ],
  advice: {
    visitor: [],
    owner: [
      LOG,
      "An exception in the application makes uWSGI close the connection without an answer (no --catch-exceptions): the gateway in front reports a closed connection, and the traceback is in uWSGI's log.",
      "Keep --harakiri below the gateway's read timeout (nginx uwsgi_read_timeout, 60 s) so a stuck request is killed and logged by uWSGI rather than left to the gateway; when the log says the listen queue is full, add workers (--processes, --threads) or raise --listen.",
    ],
  },
  documented: [
    {
      name: 'Internal Server Error (no application loaded)',
      reference: NO_APP,
      variant: 'uwsgi-500-no-application',
      example: { status: 500, headers: { connection: 'close', 'content-type': 'text/plain' }, body: 'Internal Server Error' },
    },
    {
      name: 'uWSGI exceptions catcher for "…" (--catch-exceptions)',
      reference: CATCHER,
      variant: 'uwsgi-500-exceptions-catcher',
      example: {
        status: 500,
        headers: { 'content-type': 'text/plain' },
        body: 'uWSGI exceptions catcher for "GET /" (request plugin: "python", modifier1: 0)\n\nException: <class \'RuntimeError\'>\n',
      },
    },
    {
      name: '--- no python application found, check your startup logs for errors ---',
      reference: NO_APP,
      variant: 'uwsgi-log-no-application',
      example: { body: '--- no python application found, check your startup logs for errors ---' },
    },
    {
      name: '*** HARAKIRI ON WORKER … ***',
      reference: HARAKIRI,
      variant: 'uwsgi-log-harakiri',
      example: { body: '*** HARAKIRI ON WORKER 1 (pid: 4467, try: 1, graceful: yes) ***' },
    },
    {
      name: '*** uWSGI listen queue of socket "…" (fd: …) full !!! ***',
      reference: LISTEN_QUEUE,
      variant: 'uwsgi-log-listen-queue-full',
      example: { body: '*** uWSGI listen queue of socket "127.0.0.1:3031" (fd: 3) full !!! (101/100) ***' },
    },
    // The bare "Not Found" / "Forbidden" / "Method Not Allowed" answers are words any server writes: nothing names uWSGI.
    { name: 'Not Found / Forbidden / Method Not Allowed (text/plain)', reference: `${UW}core/errors.c#L32-L54` },
    { name: 'DAMN ! worker … died', reference: WORKER_DIED, logOnly: true },
    { name: 'SIGPIPE: writing to a closed pipe/socket/fd (probably the client disconnected)', reference: CLIENT_GONE, logOnly: true },
    { name: '[uwsgi-http] unable to connect() to node "…"', reference: ROUTER_CONNECT, logOnly: true },
  ],
  sources: [UWSGI_500, NO_APP, CATCHER, HARAKIRI, LISTEN_QUEUE, WORKER_DIED, 'https://uwsgi-docs.readthedocs.io/en/latest/Options.html'],
});
