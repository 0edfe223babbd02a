// Microsoft IIS with ARR, the ASP.NET Core Module (ANCM) or HttpPlatformHandler, and HTTP.sys: the sub-status and WinHTTP error code say why.
import { defineGateway, type CauseWeights, type DocumentedError, type Variant } from './types';

// "HTTP status codes in IIS" (KB 943891): every sub-status with its description.
const STATUS_CODES = 'https://learn.microsoft.com/troubleshoot/developer/webapps/iis/health-diagnostic-performance/http-status-code';
const STATUS_CODES_SOURCE =
  'https://github.com/MicrosoftDocs/SupportArticles-docs/blob/3b17fdb0dc145937df62f9f0b0e6f705e9f69ecc/support/developer/webapps/iis/health-diagnostic-performance/http-status-code.md';
// Detailed pages ("HTTP Error 502.3 - Bad Gateway", Module, Handler, Error Code) go to local requests; remote ones get
// the custom page. "A Detailed Error is only generated if the entity body of the response is empty."
const DETAILED_ERRORS = 'https://learn.microsoft.com/iis/troubleshoot/diagnosing-http-errors/how-to-use-http-detailed-errors-in-iis';
const ARR_502 = 'https://learn.microsoft.com/iis/extensions/troubleshooting-application-request-routing/troubleshooting-502-errors-in-arr';
// The ASP.NET Core Module's page: "<title> HTTP Error %d.%d - %s </title>" and its troubleshooting steps.
const ANCM = 'https://github.com/dotnet/aspnetcore/blob';
const ANCM_PAGE = `${ANCM}/63292ce6f14bd379f114642b792d06f4d8feb836/src/Servers/IIS/AspNetCoreModuleV2/AspNetCore/ancm_error_page.htm`;
const ANCM_START = `${ANCM}/27476401c5e5295e1b1e90a3bf3b0b502f4793ce/src/Servers/IIS/AspNetCoreModuleV2/InProcessRequestHandler/dllmain.cpp`;
const ANCM_ERRORS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference';
const ANCM_TROUBLESHOOT = 'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis';
const HTTPERR = 'https://learn.microsoft.com/windows/win32/http/types-of-errors-logged-by-the-http-server-api';
// The WinHTTP error constants (12029 = 0x80072efd …); ANCM and ARR show them as HRESULTs on the detailed page.
const WINHTTP = 'https://learn.microsoft.com/windows/win32/winhttp/error-messages';

const FAILED_REQUEST_TRACING =
  "The detailed error page (shown to browsers on the server itself) names the module and a WinHTTP error code: 0x80072efd cannot connect, 0x80072ee2 timed out, 0x80072efe connection reset, 0x80072f78 invalid response, 0x80072f8f/0x80072f7d TLS. Failed Request Tracing and the IIS log's sc-substatus and sc-win32-status give the same code.";
const STDOUT_LOG = 'Set stdoutLogEnabled="true" in web.config (or read the Application event log): the app\'s own startup error is there.';

// IIS's custom ("remote") pages: the sentences a visitor sees.
const CUSTOM_502 = 'web server received an invalid response while acting as a gateway or proxy server';
const CUSTOM_500 = 'there is a problem with the resource you are looking for, and it cannot be displayed';
const CANNOT_DISPLAY_500 = 'the page cannot be displayed because an internal server error has occurred';
const HTTPSYS_503 = 'http error 503. the service is unavailable.';

/** What failed behind a 502.3: the WinHTTP error the detailed page prints as an HRESULT. */
const WINHTTP_ERRORS: readonly { hresult: string; name: string; meaning: string; causes: CauseWeights; id: string }[] = [
  {
    hresult: '0x80072efd',
    name: 'ERROR_WINHTTP_CANNOT_CONNECT',
    id: 'iis-502-3-bad-gateway-cannot-connect-0x80072efd',
    meaning: 'IIS could not connect to the backend server or process: nothing listens on the port it forwards to, or the connection is refused.',
    causes: { 'origin-unreachable': 1 },
  },
  {
    hresult: '0x80072ee2',
    name: 'ERROR_WINHTTP_TIMEOUT',
    id: 'iis-502-3-bad-gateway-timed-out-0x80072ee2',
    meaning: "The backend did not answer within the proxy timeout (ARR's proxy time-out; the ASP.NET Core Module's requestTimeout).",
    causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
  },
  {
    hresult: '0x80072efe',
    name: 'ERROR_WINHTTP_CONNECTION_ERROR',
    id: 'iis-502-3-bad-gateway-connection-reset-0x80072efe',
    meaning: 'The connection to the backend was reset or aborted before a response came back: the backend process crashed, restarted or closed the connection.',
    causes: { 'origin-reset': 0.85, 'origin-app-error': 0.15 },
  },
  {
    hresult: '0x80072f78',
    name: 'ERROR_WINHTTP_INVALID_SERVER_RESPONSE',
    id: 'iis-502-3-bad-gateway-invalid-response-0x80072f78',
    meaning: 'The backend answered with something that is not a valid HTTP response.',
    causes: { 'origin-invalid-response': 1 },
  },
  {
    hresult: '0x80072ee7',
    name: 'ERROR_WINHTTP_NAME_NOT_RESOLVED',
    id: 'iis-502-3-bad-gateway-name-not-resolved-0x80072ee7',
    meaning: "The backend's host name could not be resolved.",
    causes: { 'origin-unreachable': 1 },
  },
  {
    hresult: '0x80072f8f',
    name: 'ERROR_WINHTTP_SECURE_FAILURE',
    id: 'iis-502-3-bad-gateway-tls-backend-failed',
    meaning: 'The TLS connection to the backend failed (its certificate is not trusted or does not match).',
    causes: { 'origin-tls': 1 },
  },
  {
    hresult: '0x80072f7d',
    name: 'ERROR_WINHTTP_SECURE_CHANNEL_ERROR',
    id: 'iis-502-3-bad-gateway-secure-channel-0x80072f7d',
    meaning: 'The TLS connection to the backend failed in the secure channel (protocol or cipher mismatch).',
    causes: { 'origin-tls': 1 },
  },
  {
    hresult: '0x80072ef1',
    name: 'ERROR_WINHTTP_OPERATION_CANCELLED',
    id: 'iis-502-3-bad-gateway-cancelled-0x80072ef1',
    meaning: 'The request to the backend was cancelled (often the client went away or the app pool recycled).',
    causes: { unknown: 0.6, 'origin-reset': 0.4 },
  },
];

/**
 * The sub-statuses IIS (and ARR) set for 5xx, rate limits and request filtering, and ARR's 400.6xx, with the article's description, and the ASP.NET Core
 * Module's (their current title; the older ANCM pages' title where it differs).
 */
interface SubStatus {
  code: string;
  description: string;
  causes: CauseWeights;
  reference: string;
  id?: string;
  older?: string;
  tellApart?: string;
}
const sub = (code: string, description: string, causes: CauseWeights, extra: Partial<SubStatus> = {}): SubStatus => ({
  code,
  description,
  causes,
  reference: STATUS_CODES,
  ...extra,
});
const ancm = (code: string, description: string, causes: CauseWeights, older: string, extra: Partial<SubStatus> = {}): SubStatus =>
  sub(code, description, causes, { reference: ANCM_ERRORS, older, tellApart: STDOUT_LOG, ...extra });
const CONFIG = { unknown: 1 };
const RATE_LIMITED = { overloaded: 1 };
const SUB_STATUSES: readonly SubStatus[] = [
  // The ASP.NET Core Module's pages (ANCM v2).
  ancm('500.30', 'ASP.NET Core app failed to start', { 'origin-app-error': 1 }, 'ANCM In-Process Start Failure', {
    id: 'iis-500-30-ancm-process-start-failure',
    reference: ANCM_START,
  }),
  ancm('500.31', 'Failed to load ASP.NET Core runtime', CONFIG, 'ANCM Failed to Find Native Dependencies'),
  ancm('500.32', 'Failed to load .NET Core host', CONFIG, 'ANCM Failed to Load dll'),
  ancm('500.33', 'Failed to load ASP.NET Core request handler', CONFIG, 'ANCM Request Handler Load Failure'),
  ancm('500.34', 'ASP.NET Core does not support mixing hosting models', CONFIG, 'ANCM Mixed Hosting Models Not Supported'),
  ancm('500.35', 'ASP.NET Core does not support multiple apps in the same app pool', CONFIG, 'ANCM Multiple In-Process Applications in same Process'),
  ancm('500.36', 'ASP.NET Core IIS hosting failure (out-of-process)', CONFIG, 'ANCM Out-Of-Process Handler Load Failure'),
  ancm(
    '500.37',
    'ASP.NET Core app failed to start within startup time limit',
    { 'origin-timeout': 0.6, 'origin-app-error': 0.4 },
    'ANCM Failed to Start Within Startup Time Limit',
  ),
  ancm('500.38', 'Failed to locate ASP.NET Core app', CONFIG, 'ANCM Application DLL Not Found'),
  ancm('502.5', 'ANCM Out-Of-Process Startup Failure', { 'origin-app-error': 1 }, 'Process Failure', { id: 'iis-502-5-ancm-out-process-startup-failure' }),
  // IIS and ARR (KB 943891).
  sub('500.0', 'Module or ISAPI error occurred.', { 'origin-app-error': 1 }),
  sub('500.11', 'Application is shutting down on the web server.', { maintenance: 1 }),
  sub('500.12', 'Application is busy restarting on the web server.', { maintenance: 1 }),
  sub('500.13', 'Web server is too busy.', { overloaded: 1 }),
  sub('500.15', "Direct requests for Global.asax aren't allowed.", CONFIG),
  sub('500.19', 'Configuration data is invalid.', CONFIG),
  sub('500.21', 'Module not recognized.', CONFIG),
  sub('500.22', 'An ASP.NET httpModules configuration does not apply in Managed Pipeline mode.', CONFIG),
  sub('500.23', 'An ASP.NET httpHandlers configuration does not apply in Managed Pipeline mode.', CONFIG),
  sub('500.24', 'An ASP.NET impersonation configuration does not apply in Managed Pipeline mode.', CONFIG),
  sub('500.50', 'A rewrite error occurred during RQ_BEGIN_REQUEST notification handling.', CONFIG),
  sub('500.51', 'A rewrite error occurred during GL_PRE_BEGIN_REQUEST notification handling.', CONFIG),
  sub('500.52', 'A rewrite error occurred during RQ_SEND_RESPONSE notification handling.', CONFIG),
  sub('500.53', 'A rewrite error occurred during RQ_RELEASE_REQUEST_STATE notification handling.', CONFIG),
  sub('500.100', 'Internal ASP error.', { 'origin-app-error': 1 }),
  sub('502.1', 'CGI application timeout.', { 'origin-timeout': 1 }),
  sub('502.2', 'Bad gateway: Premature Exit.', { 'origin-reset': 0.6, 'origin-invalid-response': 0.4 }),
  sub(
    '502.3',
    'Bad Gateway: Forwarder Connection Error (ARR).',
    { 'origin-unreachable': 0.4, 'origin-reset': 0.25, 'origin-timeout': 0.2, 'origin-invalid-response': 0.15 },
    { id: 'iis-502-3-bad-gateway-detailed-error', reference: ARR_502, tellApart: FAILED_REQUEST_TRACING },
  ),
  sub('502.4', 'Bad Gateway: No Server (ARR).', { 'origin-unreachable': 0.9, maintenance: 0.1 }, { id: 'iis-502-4-bad-gateway-no-server-available' }),
  sub('502.6', 'Forwarded request failure (ARR).', { 'origin-unreachable': 0.6, 'origin-reset': 0.4 }),
  sub('502.7', 'Execute request failure (ARR).', { unknown: 1 }),
  sub('503.0', 'Application pool unavailable.', { maintenance: 0.5, 'origin-app-error': 0.5 }),
  sub('503.2', 'Concurrent request limit exceeded.', { overloaded: 1 }, { id: 'iis-503-2-concurrent-request-limit-exceeded' }),
  sub('503.3', 'ASP.NET queue full', { overloaded: 1 }),
  sub('503.4', 'FastCGI queue full', { overloaded: 1 }),
  // Dynamic IP Restrictions: the client's request rate, not the server's load, is over a limit.
  sub('401.501', 'Access Denied: Too many requests from the same client IP; Dynamic IP Restriction Concurrent request rate limit reached.', RATE_LIMITED),
  sub('401.502', 'Forbidden: Too many requests from the same client IP; Dynamic IP Restriction Maximum request rate limit reached.', RATE_LIMITED),
  sub('403.501', 'Forbidden: Too many requests from the same client IP; Dynamic IP Restriction Concurrent request rate limit reached', RATE_LIMITED),
  sub('403.502', 'Forbidden: Too many requests from the same client IP; Dynamic IP Restriction Maximum request rate limit reached', RATE_LIMITED),
  sub('403.503', 'Forbidden: the IP address is included in the Deny list of IP Restriction', CONFIG),
  sub('403.504', 'Forbidden: the host name is included in the Deny list of IP Restriction', CONFIG),
  sub('404.501', 'Not Found: Too many requests from the same client IP; Dynamic IP Restriction Concurrent request rate limit reached', RATE_LIMITED),
  sub('404.502', 'Not Found: Too many requests from the same client IP; Dynamic IP Restriction Maximum request rate limit reached', RATE_LIMITED),
  // Request filtering: the request itself is over a limit.
  sub('404.10', 'Request header too long.', CONFIG),
  sub('404.13', 'Content length too large.', CONFIG),
  sub('404.14', 'Request URL too long.', CONFIG),
  sub('404.15', 'Query string too long.', CONFIG),
  sub('400.601', 'Bad client request (ARR).', CONFIG),
  sub('400.602', 'Invalid time format (ARR).', CONFIG),
  sub('400.603', 'Parse range error (ARR).', CONFIG),
  sub('400.604', 'Client gone (ARR).', CONFIG),
  sub('400.605', 'Maximum number of forwards (ARR).', CONFIG),
  sub('400.606', 'Asynchronous competition error (ARR).', CONFIG),
];

const subVariantId = ({ code, id }: SubStatus) => id ?? `iis-${code.replace('.', '-')}-substatus`;
const statusOf = ({ code }: SubStatus) => Number(code.split('.')[0]);

// The detailed page's heading ("HTTP Error 502.3 - Bad Gateway") and title ("IIS 10.0 Detailed Error - 502.3 - …"),
// and the ANCM page's heading, all print "<status>.<sub-status>"; whole-number matching keeps 500.3 from 500.30.
const subVariants: Variant[] = SUB_STATUSES.map((entry) => ({
  id: subVariantId(entry),
  title: `HTTP Error ${entry.code} - ${entry.description.replace(/\.$/, '')}`,
  when: [{ status: statusOf(entry) }, { any: [{ text: `http error ${entry.code}` }, { text: `detailed error - ${entry.code}` }] }],
  meaning: `IIS set sub-status ${entry.code}: ${entry.description.replace(/\.$/, '')}${entry.older ? ` (older ASP.NET Core Module pages: "${entry.older}")` : ''}.`,
  causes: entry.causes,
  source: 'gateway',
  ...(entry.tellApart && { tellApart: entry.tellApart }),
  reference: entry.reference,
}));

const proxyFailed = {
  meaning:
    'IIS, acting as a reverse proxy (ARR, the ASP.NET Core Module or HttpPlatformHandler), did not get a valid response from the server or process behind it.',
  causes: { 'origin-unreachable': 0.4, 'origin-reset': 0.25, 'origin-timeout': 0.2, 'origin-invalid-response': 0.15 },
  source: 'gateway',
  tellApart: FAILED_REQUEST_TRACING,
  reference: ARR_502,
} as const;

const appFailed = {
  meaning:
    'The application (or a module) failed while IIS ran it, and IIS wrote its stock 500 page in place of the error; the detailed page, on the server itself, names the module and sub-status.',
  causes: { 'origin-app-error': 1 },
  source: 'gateway',
  tellApart: 'Browse the URL on the server itself, or turn on Failed Request Tracing: the sub-status and the module that failed are there.',
  reference: DETAILED_ERRORS,
} as const;

const httpSysUnavailable = {
  meaning:
    'HTTP.sys answered because no IIS worker process could take the request: the application pool is stopped, was disabled after repeated crashes (rapid-fail protection), or its queue is full.',
  causes: { 'origin-app-error': 0.4, maintenance: 0.35, overloaded: 0.25 },
  source: 'gateway',
  tellApart:
    'The HTTPERR log (%SystemRoot%\\System32\\LogFiles\\HTTPERR) ends each line with the reason: AppOffline (taken offline after application errors), Disabled (stopped by an administrator), AppPoolTimer (too busy), QueueFull, AppShutdown.',
  advice: { owner: ["Check the application pool's state in IIS Manager and the System event log for WAS warnings about worker process crashes."] },
  reference: HTTPERR,
} as const;

const HTTPAPI = { header: 'server', startsWith: 'Microsoft-HTTPAPI' } as const;
const IIS_SERVER = { header: 'server', startsWith: 'Microsoft-IIS' } as const;

const detailed = (code: string, reason: string, extra = '') =>
  `<title>IIS 10.0 Detailed Error - ${code} - ${reason}</title><h3>HTTP Error ${code} - ${reason}</h3>${extra}`;
const ancmPage = (code: string, title: string) =>
  `<title> HTTP Error ${code} - ${title} </title><h1> HTTP Error ${code} - ${title} </h1><h2> Troubleshooting steps: </h2>`;

const documented: DocumentedError[] = [
  ...SUB_STATUSES.map((entry) => ({
    name: `${entry.code} ${entry.description}`,
    reference: entry.reference,
    variant: subVariantId(entry),
    example: {
      status: statusOf(entry),
      body: entry.older ? ancmPage(entry.code, entry.description) : detailed(entry.code, entry.description.replace(/\.$/, '')),
    },
  })),
  ...WINHTTP_ERRORS.map(({ hresult, name, id }) => ({
    name: `502.3 with ${name} (${hresult})`,
    reference: WINHTTP,
    variant: id,
    example: { status: 502, body: detailed('502.3', 'Bad Gateway', `<li>Module AspNetCoreModuleV2</li><li>Error Code ${hresult}</li>`) },
  })),
  {
    name: '502 - Web server received an invalid response while acting as a gateway or proxy server.',
    reference: ARR_502,
    variant: 'iis-502-web-server-received-invalid-response',
    example: {
      status: 502,
      headers: { server: 'Microsoft-IIS/10.0' },
      body: '<h2>502 - Web server received an invalid response while acting as a gateway or proxy server.</h2>',
    },
  },
  {
    name: '500 - Internal server error. (custom page)',
    reference: DETAILED_ERRORS,
    variant: 'iis-500-internal-server-error-custom-page',
    example: {
      status: 500,
      headers: { server: 'Microsoft-IIS/10.0' },
      body: '<h2>500 - Internal server error.</h2><h3>There is a problem with the resource you are looking for, and it cannot be displayed.</h3>',
    },
  },
  {
    name: 'The page cannot be displayed because an internal server error has occurred.',
    reference: DETAILED_ERRORS,
    variant: 'iis-500-page-cannot-displayed',
    example: { status: 500, headers: { server: 'Microsoft-IIS/10.0' }, body: 'The page cannot be displayed because an internal server error has occurred.' },
  },
  {
    name: 'HTTP Error 503. The service is unavailable. (HTTP.sys)',
    reference: HTTPERR,
    variant: 'iis-http-503-service-unavailable-http-sys',
    example: {
      status: 503,
      headers: { server: 'Microsoft-HTTPAPI/2.0' },
      body: '<h2>Service Unavailable</h2><hr><p>HTTP Error 503. The service is unavailable.</p>',
    },
  },
  { name: '503 app_offline.htm (the app is taken offline for a deployment)', reference: ANCM_TROUBLESHOOT },
];

export default defineGateway({
  id: 'iis',
  name: 'Microsoft IIS',
  kind: 'reverse-proxy',
  fingerprint: [
    { ...IIS_SERVER, weight: 0.85, note: 'IIS names itself in the Server header' },
    { ...HTTPAPI, weight: 0.85, note: 'HTTP.sys answered before any IIS site or application pool did' },
    { header: 'x-powered-by', equals: 'ASP.NET', weight: 0.6, note: 'IIS adds this header by default for ASP.NET sites' },
    { header: 'x-aspnet-version', weight: 0.4, note: 'ASP.NET (usually on IIS) reports its version' },
    { text: CUSTOM_502, weight: 0.85, note: "IIS's default page for a failed proxy request" },
    { text: CUSTOM_500, weight: 0.6, note: "IIS's default page for a 500" },
    { text: CANNOT_DISPLAY_500, weight: 0.7, note: "IIS's stock text for a 500 with no page of its own" },
    { text: HTTPSYS_503, weight: 0.9, note: "HTTP.sys's 503 page" },
    { text: 'http error 502.', weight: 0.85, note: "IIS's detailed error page for a 502 sub-status" },
    ...SUB_STATUSES.map(({ code }) => ({
      text: `http error ${code}`,
      weight: 0.85,
      note: `the heading of IIS's (or the ASP.NET Core Module's) page for sub-status ${code}`,
    })),
    { text: 'troubleshoot asp.net core on azure app service and iis', weight: 0.8, note: "the ASP.NET Core Module's page links this guide" },
    { text: 'ancm in-process', weight: 0.85, note: "the older ASP.NET Core Module pages' titles" },
    { text: 'the specified cgi application encountered an error', weight: 0.85, note: "IIS's 502.3 description" },
    { text: 'applicationrequestrouting', weight: 0.85, note: "the ARR module named on IIS's detailed error page" },
    { text: 'aspnetcoremodule', weight: 0.8, note: "the ASP.NET Core Module named on IIS's detailed error page" },
    { text: 'aspnetcoremodulev2', weight: 0.8, note: "the ASP.NET Core Module named on IIS's detailed error page" },
    { text: 'httpplatformhandler', weight: 0.8, note: "the HttpPlatformHandler module named on IIS's detailed error page" },
    { text: 'detailed error - 50', weight: 0.8, note: "the title of IIS's detailed error page" },
  ],
  variants: [
    // The most specific first: a 502.3's WinHTTP error code, then the sub-status, then the pages without one.
    ...WINHTTP_ERRORS.map(({ hresult, name, id, meaning, causes }): Variant => ({
      id,
      title: `502.3 Bad Gateway: ${name} (${hresult})`,
      when: [{ status: 502 }, { text: hresult }],
      meaning,
      causes,
      source: 'gateway',
      reference: WINHTTP,
    })),
    ...subVariants,
    {
      id: 'iis-502-web-server-received-invalid-response',
      title: '502 - Web server received an invalid response (IIS)',
      when: [{ status: 502 }, { text: CUSTOM_502 }],
      ...proxyFailed,
    },
    {
      id: 'iis-502-bad-gateway-detailed-error',
      title: '502 Bad Gateway (IIS detailed error)',
      when: [{ status: 502 }, { text: 'http error 502.' }],
      ...proxyFailed,
    },
    {
      id: 'iis-500-internal-server-error-custom-page',
      title: "500 - Internal server error (IIS's page)",
      when: [{ status: 500 }, { text: CUSTOM_500 }],
      ...appFailed,
    },
    {
      id: 'iis-500-page-cannot-displayed',
      title: 'The page cannot be displayed because an internal server error has occurred (IIS)',
      when: [{ status: 500 }, { text: CANNOT_DISPLAY_500 }],
      ...appFailed,
    },
    {
      id: 'iis-http-503-service-unavailable-http-sys',
      title: 'HTTP Error 503. The service is unavailable. (HTTP.sys)',
      when: [{ status: 503 }, { text: HTTPSYS_503 }],
      ...httpSysUnavailable,
    },
    {
      id: 'iis-server-error-application-asp-net',
      title: "Server Error in '/' Application (ASP.NET)",
      when: [{ text: "server error in '/" }],
      meaning: 'The ASP.NET application hosted in IIS threw an exception; the page was written by the application framework, not by a proxy.',
      causes: { 'origin-app-error': 1 },
      source: 'origin',
      reference: STATUS_CODES,
    },
    // Headers only. HTTP.sys names itself only on what it answered itself.
    {
      id: 'iis-503-http-sys-no-body',
      title: '503 from HTTP.sys (its body not seen)',
      when: [{ status: 503 }, HTTPAPI, { body: 'unseen' }],
      ...httpSysUnavailable,
    },
    {
      id: 'iis-502-no-body',
      title: '502 from IIS (its body not seen)',
      when: [{ status: 502 }, IIS_SERVER, { body: 'unseen' }],
      ...proxyFailed,
      meaning:
        'IIS answers 502 when ARR, the ASP.NET Core Module or HttpPlatformHandler gets no valid response from the process behind it (502.3 with a WinHTTP error, 502.5 for a process that did not start, 502.4 for no healthy server).',
    },
    {
      id: 'iis-503-no-body',
      title: '503 from IIS (its body not seen)',
      when: [{ status: 503 }, IIS_SERVER, { body: 'unseen' }],
      meaning:
        'IIS answers 503 when the application pool is unavailable or restarting (503.0), over its concurrent request limit or queue (503.2–503.4), or taken offline for a deployment (app_offline.htm).',
      causes: { overloaded: 0.4, maintenance: 0.4, 'origin-app-error': 0.2 },
      source: 'gateway',
      tellApart: FAILED_REQUEST_TRACING,
      reference: STATUS_CODES,
    },
    {
      id: 'iis-error-passed-app',
      title: 'Error passed on from the application',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: "The page is none of IIS's own (IIS leaves a body the application wrote alone): the application behind IIS wrote this error.",
      causes: { 'origin-app-error': 0.7, overloaded: 0.15, maintenance: 0.15 },
      source: 'origin',
      reference: DETAILED_ERRORS,
    },
  ],
  advice: {
    visitor: [],
    owner: [
      'The IIS log records sc-status, sc-substatus and sc-win32-status for each request: together they name the exact failure.',
      "Browse the failing URL on the server itself to see IIS's detailed error page (module, notification, error code).",
    ],
  },
  bodyTells:
    'IIS\'s detailed page names the sub-status ("HTTP Error 502.3 - Bad Gateway", "HTTP Error 500.30 - ASP.NET Core app failed to start") and the WinHTTP error code (0x80072efd …); remote visitors get a custom page without them.',
  documented,
  sources: [STATUS_CODES, STATUS_CODES_SOURCE, DETAILED_ERRORS, ARR_502, ANCM_PAGE, ANCM_START, ANCM_ERRORS, ANCM_TROUBLESHOOT, HTTPERR, WINHTTP],
});
