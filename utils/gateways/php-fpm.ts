// PHP-FPM (PHP's FastCGI process manager): its three one-line answers, PHP's empty 500 for a fatal error, and the pool's log lines.
import { defineGateway, type Marker } from './types';

// php-src at tag php-8.2.32 (Debian bookworm's upstream tarball, same texts on master).
const PHP = 'https://github.com/php/php-src/blob/php-8.2.32/';
const PRIMARY_SCRIPT_UNKNOWN = `${PHP}sapi/fpm/fpm/fpm_main.c#L1890-L1898`;
const LIMIT_EXTENSIONS = `${PHP}sapi/fpm/fpm/fpm_main.c#L1901-L1905`;
const LIMIT_EXTENSIONS_LOG = `${PHP}sapi/fpm/fpm/fpm_php.c#L269`;
const OPEN_FAILED = `${PHP}sapi/fpm/fpm/fpm_main.c#L1914-L1923`;
const FATAL_500 = `${PHP}main/main.c#L1386-L1402`;
// The pool's log lines, read in php-src as stored (no line numbers there): fpm_request_check_timed_out and fpm_pctl_perform_idle_server_maintenance.
const TERMINATE_TIMEOUT = 'https://github.com/php/php-src/blob/014b1b3aadf936363b9ddcd6f37238a2e4f89df4/sapi/fpm/fpm/fpm_request.c';
const MAX_CHILDREN = 'https://github.com/php/php-src/blob/8daa1d9e1a22ccf42758c95682a778a1fcfa9b72/sapi/fpm/fpm/fpm_process_ctl.c';
const CONFIGURATION = 'https://www.php.net/manual/en/install.fpm.configuration.php';

/**
 * PHP answers with its defaults, default_mimetype "text/html" and default_charset "UTF-8": "text/html; charset=UTF-8"
 * (https://www.php.net/manual/en/ini.core.php#ini.default-charset). php-fpm's short answers carry it, and nothing else names php-fpm.
 */
const PHP_TYPE = { header: 'content-type', equals: 'text/html; charset=UTF-8' } as const;
const FILE_NOT_FOUND: Marker = { text: 'file not found.' };
const ACCESS_DENIED: Marker = { text: 'access denied.' };
const NO_INPUT_FILE: Marker = { text: 'no input file specified.' };

/** Lines of the pool's log (the gateway's error log repeats them) that people paste with the error, each naming its failure: one variant each. */
const LOG_LINES = [
  {
    id: 'php-fpm-log-primary-script-unknown',
    line: 'Primary script unknown',
    meaning: 'php-fpm found no script at SCRIPT_FILENAME and answered "File not found." (404): a missing file or a wrong root / SCRIPT_FILENAME.',
    causes: { 'origin-app-error': 0.7, unknown: 0.3 },
    reference: PRIMARY_SCRIPT_UNKNOWN,
  },
  {
    id: 'php-fpm-log-request-terminated',
    line: 'execution timed out',
    meaning:
      'The script ran past request_terminate_timeout and the master killed its worker; the gateway in front saw the connection reset or close before any answer (502, or 503 from Apache).',
    causes: { 'origin-timeout': 1 },
    reference: TERMINATE_TIMEOUT,
  },
  {
    id: 'php-fpm-log-max-children',
    line: 'server reached pm.max_children setting',
    meaning:
      "Every worker of the pool was busy: requests wait in the socket's listen backlog until a worker frees up or the gateway gives up (504), and a full backlog refuses them (502/503).",
    causes: { overloaded: 1 },
    reference: MAX_CHILDREN,
  },
];

const LOG =
  'php-fpm\'s log (and the gateway\'s error log, as "FastCGI sent in stderr: …") names it: "Primary script unknown", "Unable to open primary script: …", "PHP message: PHP Fatal error: …".';

export default defineGateway({
  id: 'php-fpm',
  name: 'PHP-FPM',
  kind: 'app-server',
  bodyTells:
    'php-fpm\'s own answers are one line: "File not found." (404, no such script), "Access denied." (403) or "No input file specified." (404); a PHP fatal error with display_errors off is an empty 500.',
  fingerprint: [
    {
      status: 404,
      ...FILE_NOT_FOUND,
      ...PHP_TYPE,
      weight: 0.6,
      note: 'php-fpm\'s answer for a script it cannot find: "File not found." with PHP\'s default content type',
    },
    {
      status: 403,
      ...ACCESS_DENIED,
      ...PHP_TYPE,
      weight: 0.6,
      note: 'php-fpm\'s answer for a script it may not run: "Access denied." with PHP\'s default content type',
    },
    { ...NO_INPUT_FILE, weight: 0.9, note: "PHP's FastCGI and CGI answer for a script it cannot open" },
    {
      status: 500,
      body: 'empty',
      ...PHP_TYPE,
      weight: 0.45,
      note: "an empty 500 with PHP's default content type: how PHP answers a fatal error with display_errors off",
    },
    {
      header: 'x-powered-by',
      startsWith: 'php/',
      weight: 0.45,
      note: 'PHP ran this request (expose_php): under php-fpm, or mod_php, CGI or its built-in server',
    },
    { any: LOG_LINES.map(({ line }) => ({ text: line })), weight: 0.9, note: "a line of php-fpm's log, as the gateway's error log repeats it" },
  ],
  variants: [
    {
      id: 'php-fpm-404-primary-script-unknown',
      title: '404 "File not found." (php-fpm: primary script unknown)',
      when: [{ status: 404 }, FILE_NOT_FOUND],
      meaning:
        'The script the gateway asked php-fpm to run does not exist where SCRIPT_FILENAME points: a missing file, or a wrong root / fastcgi_param SCRIPT_FILENAME (often a path valid only inside another container). php-fpm logs "Primary script unknown".',
      causes: { 'origin-app-error': 0.7, unknown: 0.3 },
      source: 'origin',
      tellApart: LOG,
      reference: PRIMARY_SCRIPT_UNKNOWN,
    },
    {
      id: 'php-fpm-404-no-input-file',
      title: '404 "No input file specified." (PHP FastCGI/CGI)',
      when: [NO_INPUT_FILE],
      meaning:
        'php-fpm found the script\'s path but could not open it (open_basedir, a file gone since, another errno than permission); it logs "Unable to open primary script: …".',
      causes: { 'origin-app-error': 0.7, unknown: 0.3 },
      source: 'origin',
      tellApart: LOG,
      reference: OPEN_FAILED,
    },
    {
      id: 'php-fpm-403-access-denied',
      title: '403 "Access denied." (php-fpm)',
      when: [{ status: 403 }, ACCESS_DENIED],
      meaning:
        "php-fpm refused to run the file: its extension is not in security.limit_extensions (.php and .phar by default), or php-fpm's user may not read it (EACCES).",
      causes: { 'origin-app-error': 0.6, unknown: 0.4 },
      source: 'origin',
      tellApart: `php-fpm's log says which: "Access to the script '…' has been denied (see security.limit_extensions)" (${LIMIT_EXTENSIONS_LOG}) or "Unable to open primary script: … (Permission denied)".`,
      reference: LIMIT_EXTENSIONS,
    },
    {
      id: 'php-fpm-500-fatal-error',
      title: 'Empty 500 (a PHP fatal error, display_errors off)',
      when: [{ status: 500 }, { body: 'empty' }],
      meaning:
        'The script died with a fatal error (an uncaught exception, a call to an undefined function, memory or max_execution_time exhausted) before it sent anything, and with display_errors off PHP answers an empty 500.',
      causes: { 'origin-app-error': 0.95, unknown: 0.05 },
      source: 'origin',
      tellApart:
        'The gateway\'s error log has the message as "FastCGI sent in stderr: \\"PHP message: PHP Fatal error: …\\"", and so does php-fpm\'s (catch_workers_output) or PHP\'s error_log.',
      reference: FATAL_500,
    },
    ...LOG_LINES.map(({ line, ...variant }) => ({ ...variant, title: `php-fpm log: ${line}`, when: [{ text: line }], source: 'origin' as const })),
  ],
  advice: {
    visitor: [],
    owner: [
      LOG,
      'A script killed by request_terminate_timeout, or a worker that crashed, leaves the gateway a reset connection (502); "server reached pm.max_children setting" in the pool log means requests queued for a worker: raise pm.max_children if memory allows, or find what keeps workers busy (the slowlog).',
      "Keep the gateway's FastCGI read timeout (nginx fastcgi_read_timeout, 60 s) above request_terminate_timeout and max_execution_time, so php-fpm, not the gateway, ends a slow script and logs it.",
    ],
  },
  documented: [
    {
      name: 'File not found. (Primary script unknown)',
      reference: PRIMARY_SCRIPT_UNKNOWN,
      variant: 'php-fpm-404-primary-script-unknown',
      example: { status: 404, headers: { 'content-type': 'text/html; charset=UTF-8' }, body: 'File not found.\n' },
    },
    {
      name: 'Access denied. (security.limit_extensions)',
      reference: LIMIT_EXTENSIONS,
      variant: 'php-fpm-403-access-denied',
      example: { status: 403, headers: { 'content-type': 'text/html; charset=UTF-8' }, body: 'Access denied.\n' },
    },
    { name: 'Access denied. (the script is not readable: EACCES)', reference: OPEN_FAILED, variant: 'php-fpm-403-access-denied' },
    {
      name: 'No input file specified.',
      reference: OPEN_FAILED,
      variant: 'php-fpm-404-no-input-file',
      example: { status: 404, headers: { 'content-type': 'text/html; charset=UTF-8' }, body: 'No input file specified.\n' },
    },
    {
      name: 'Empty 500 Internal Server Error (fatal error, display_errors off)',
      reference: FATAL_500,
      variant: 'php-fpm-500-fatal-error',
      example: { status: 500, headers: { 'content-type': 'text/html; charset=UTF-8', 'x-powered-by': 'PHP/8.2.32', 'content-length': '0' }, body: '' },
    },
    {
      name: 'Primary script unknown (log)',
      reference: PRIMARY_SCRIPT_UNKNOWN,
      variant: 'php-fpm-log-primary-script-unknown',
      example: { body: 'FastCGI sent in stderr: "Primary script unknown" while reading response header from upstream' },
    },
    {
      name: "child …, script '…' execution timed out (… sec), terminating (log)",
      reference: TERMINATE_TIMEOUT,
      variant: 'php-fpm-log-request-terminated',
      example: { body: '[pool www] child 4242, script \'/srv/www/slow.php\' (request: "GET /slow.php") execution timed out (3.999 sec), terminating' },
    },
    {
      name: 'server reached pm.max_children setting (…), consider raising it (log)',
      reference: MAX_CHILDREN,
      variant: 'php-fpm-log-max-children',
      example: { body: 'WARNING: [pool www] server reached pm.max_children setting (5), consider raising it' },
    },
    { name: "Access to the script '…' has been denied (see security.limit_extensions)", reference: LIMIT_EXTENSIONS_LOG, logOnly: true },
  ],
  sources: [
    PRIMARY_SCRIPT_UNKNOWN,
    LIMIT_EXTENSIONS,
    OPEN_FAILED,
    FATAL_500,
    TERMINATE_TIMEOUT,
    MAX_CHILDREN,
    CONFIGURATION,
    'https://www.php.net/manual/en/ini.core.php#ini.default-charset',
  ],
});
