// Microsoft IIS with ARR, the ASP.NET Core Module or HttpPlatformHandler, and HTTP.sys: the sub-status and WinHTTP error code say why.
import { defineGateway } from './types';

const ARR_502 = 'https://learn.microsoft.com/iis/extensions/troubleshooting-application-request-routing/troubleshooting-502-errors-in-arr';
const STATUS_CODES = 'https://learn.microsoft.com/troubleshoot/developer/webapps/iis/health-diagnostic-performance/http-status-code';
const ANCM = 'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis';
const HTTPERR = 'https://learn.microsoft.com/windows/win32/http/types-of-errors-logged-by-the-http-server-api';
const WINHTTP = 'https://learn.microsoft.com/windows/win32/winhttp/error-messages';

// IIS's default ("custom errors") page for a failed proxy request, shown to remote clients:
// "502 - Web server received an invalid response while acting as a gateway or proxy server."
const CUSTOM_502 = { text: 'web server received an invalid response while acting as a gateway or proxy server' } as const;

const FAILED_REQUEST_TRACING =
  'The detailed error page (shown to browsers on the server itself) names the module and a WinHTTP error code: 0x80072efd cannot connect, 0x80072ee2 timed out, 0x80072efe connection reset, 0x80072f78 invalid response, 0x80072f8f/0x80072f7d TLS. Failed Request Tracing and the IIS log\'s sc-win32-status give the same code.';

const proxyFailed = {
  meaning: 'IIS, acting as a reverse proxy (ARR, the ASP.NET Core Module or HttpPlatformHandler), did not get a valid response from the server or process behind it.',
  causes: { 'origin-unreachable': 0.4, 'origin-reset': 0.25, 'origin-timeout': 0.2, 'origin-invalid-response': 0.15 },
  source: 'gateway',
  tellApart: FAILED_REQUEST_TRACING,
  reference: ARR_502,
} as const;

export default defineGateway({
  id: 'iis',
  name: 'Microsoft IIS',
  kind: 'reverse-proxy',
  fingerprint: [
    { header: 'server', startsWith: 'Microsoft-IIS', weight: 0.85, note: 'IIS names itself in the Server header' },
    { header: 'server', startsWith: 'Microsoft-HTTPAPI', weight: 0.85, note: 'HTTP.sys answered before any IIS site or application pool did' },
    { header: 'x-powered-by', equals: 'ASP.NET', weight: 0.6, note: 'IIS adds this header by default for ASP.NET sites' },
    { header: 'x-aspnet-version', weight: 0.4, note: 'ASP.NET (usually on IIS) reports its version' },
    { ...CUSTOM_502, weight: 0.85, note: 'IIS\'s default page for a failed proxy request' },
    { text: 'http error 503. the service is unavailable.', weight: 0.9, note: 'HTTP.sys\'s 503 page' },
    { text: 'http error 502.', weight: 0.85, note: 'IIS\'s detailed error page for a 502 sub-status' },
    { text: 'http error 500.30', weight: 0.85, note: 'the ASP.NET Core Module\'s start-failure page' },
    { text: 'the specified cgi application encountered an error', weight: 0.85, note: 'IIS\'s 502.3 description' },
    { text: 'applicationrequestrouting', weight: 0.85, note: 'the ARR module named on IIS\'s detailed error page' },
    { text: 'aspnetcoremodule', weight: 0.8, note: 'the ASP.NET Core Module named on IIS\'s detailed error page' },
    { text: 'httpplatformhandler', weight: 0.8, note: 'the HttpPlatformHandler module named on IIS\'s detailed error page' },
    { text: 'detailed error - 50', weight: 0.8, note: 'the title of IIS\'s detailed error page' },
  ],
  variants: [
    {
      id: 'iis-502-3-bad-gateway-cannot-connect-0x80072efd', title: '502.3 Bad Gateway: cannot connect (0x80072efd)',
      when: [{ status: 502 }, { text: '0x80072efd' }],
      meaning: 'IIS could not connect to the backend server or process: nothing listens on the port it forwards to, or the connection is refused.',
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      reference: ARR_502,
    },
    {
      id: 'iis-502-3-bad-gateway-timed-out-0x80072ee2', title: '502.3 Bad Gateway: timed out (0x80072ee2)',
      when: [{ status: 502 }, { text: '0x80072ee2' }],
      meaning: 'The backend did not answer within the proxy timeout (ARR\'s default is 30 s; the ASP.NET Core Module uses requestTimeout).',
      causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
      source: 'gateway',
      advice: { owner: ['Raise the ARR proxy timeout (or the module\'s requestTimeout) if the work is legitimately long, or make the backend faster.'] },
      reference: ARR_502,
    },
    {
      id: 'iis-502-3-bad-gateway-connection-reset-0x80072efe', title: '502.3 Bad Gateway: connection reset (0x80072efe)',
      when: [{ status: 502 }, { text: '0x80072efe' }],
      meaning: 'The connection to the backend was reset or aborted before a response came back: the backend process crashed, restarted or closed the connection.',
      causes: { 'origin-reset': 0.85, 'origin-app-error': 0.15 },
      source: 'gateway',
      reference: ARR_502,
    },
    {
      id: 'iis-502-3-bad-gateway-invalid-response-0x80072f78', title: '502.3 Bad Gateway: invalid response (0x80072f78)',
      when: [{ status: 502 }, { text: '0x80072f78' }],
      meaning: 'The backend answered with something that is not a valid HTTP response.',
      causes: { 'origin-invalid-response': 1 },
      source: 'gateway',
      reference: ARR_502,
    },
    {
      id: 'iis-502-3-bad-gateway-tls-backend-failed', title: '502.3 Bad Gateway: TLS to the backend failed',
      when: [{ status: 502 }, { any: [{ text: '0x80072f8f' }, { text: '0x80072f7d' }] }],
      meaning: 'The TLS connection to the backend failed (certificate or protocol problem).',
      causes: { 'origin-tls': 1 },
      source: 'gateway',
      reference: WINHTTP,
    },
    {
      id: 'iis-502-5-ancm-out-process-startup-failure', title: '502.5 ANCM Out-Of-Process Startup Failure',
      when: [{ status: 502 }, { text: 'http error 502.5' }],
      meaning: 'The ASP.NET Core Module could not start the application\'s process (wrong runtime, a crash at startup, a bad path or arguments in web.config).',
      causes: { 'origin-app-error': 1 },
      source: 'gateway',
      tellApart: 'Enable stdoutLogEnabled in web.config or read the Application event log: the process\'s own startup error is there.',
      reference: ANCM,
    },
    {
      id: 'iis-500-30-ancm-process-start-failure', title: '500.30 ANCM In-Process Start Failure',
      when: [{ status: 500 }, { text: 'http error 500.30' }],
      meaning: 'The ASP.NET Core application failed to start inside the IIS worker process.',
      causes: { 'origin-app-error': 1 },
      source: 'gateway',
      tellApart: 'Enable stdoutLogEnabled in web.config or read the Application event log for the startup exception.',
      reference: ANCM,
    },
    {
      id: 'iis-502-4-bad-gateway-no-server-available', title: '502.4 Bad Gateway: no server available (ARR)',
      when: [{ status: 502 }, { text: 'http error 502.4' }],
      meaning: 'ARR has no healthy server left in the server farm (all are marked unhealthy or offline).',
      causes: { 'origin-unreachable': 0.9, maintenance: 0.1 },
      source: 'gateway',
      reference: STATUS_CODES,
    },
    { id: 'iis-502-3-bad-gateway-detailed-error', title: '502.3 Bad Gateway (IIS detailed error)', when: [{ status: 502 }, { text: 'http error 502.3' }], ...proxyFailed },
    { id: 'iis-502-web-server-received-invalid-response', title: '502 - Web server received an invalid response (IIS)', when: [{ status: 502 }, CUSTOM_502], ...proxyFailed },
    { id: 'iis-502-bad-gateway-detailed-error', title: '502 Bad Gateway (IIS detailed error)', when: [{ status: 502 }, { text: 'http error 502.' }], ...proxyFailed },
    {
      id: 'iis-503-2-concurrent-request-limit-exceeded', title: '503.2 concurrent request limit exceeded',
      when: [{ status: 503 }, { text: 'http error 503.2' }],
      meaning: 'IIS refused the request because the application\'s concurrent request limit (appConcurrentRequestLimit) was reached.',
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: STATUS_CODES,
    },
    {
      id: 'iis-http-503-service-unavailable-http-sys', title: 'HTTP Error 503. The service is unavailable. (HTTP.sys)',
      when: [{ status: 503 }, { text: 'http error 503. the service is unavailable.' }],
      meaning: 'HTTP.sys answered because no IIS worker process could take the request: the application pool is stopped, was disabled after repeated crashes (rapid-fail protection), or its queue is full.',
      causes: { 'origin-app-error': 0.4, overloaded: 0.3, maintenance: 0.3 },
      source: 'gateway',
      tellApart: 'The HTTPERR log (%SystemRoot%\\System32\\LogFiles\\HTTPERR) ends each line with the reason: AppOffline (taken offline after application errors), Disabled (stopped by an administrator), AppPoolTimer (too busy), QueueFull, AppShutdown.',
      advice: { owner: ['Check the application pool\'s state in IIS Manager and the System event log for WAS warnings about worker process crashes.'] },
      reference: HTTPERR,
    },
    {
      id: 'iis-server-error-application-asp-net', title: 'Server Error in \'/\' Application (ASP.NET)',
      when: [{ text: 'server error in \'/' }],
      meaning: 'The ASP.NET application hosted in IIS threw an exception; the page was written by the application framework, not by a proxy.',
      causes: { 'origin-app-error': 1 },
      source: 'origin',
      reference: STATUS_CODES,
    },
  ],
  advice: {
    visitor: [],
    owner: [
      'The IIS log records sc-status, sc-substatus and sc-win32-status for each request: together they name the exact failure.',
      'Browse the failing URL on the server itself to see IIS\'s detailed error page (module, notification, error code).',
    ],
  },
  sources: [ARR_502, STATUS_CODES, ANCM, HTTPERR, WINHTTP],
});
