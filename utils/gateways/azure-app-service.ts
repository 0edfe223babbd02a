// Azure App Service (Web Apps): front ends route to the app's workers on IIS (Windows) or containers (Linux); its own pages cover stopped, missing, crashed and timed-out apps.
import { defineGateway, type DocumentedError } from './types';

// Microsoft's troubleshooting article for App Service's 502 and 503: the causes it names are requests taking long, an
// app using too much memory or CPU, and an app crashing on an exception.
const TROUBLESHOOT = 'https://learn.microsoft.com/azure/app-service/troubleshoot-http-502-http-503';
// Linux containers: App Service pings the container on PORT / WEBSITES_PORT and gives up after
// WEBSITES_CONTAINER_START_TIME_LIMIT (230 s by default), then shows its Application Error page.
const LINUX_FAQ = 'https://learn.microsoft.com/troubleshoot/azure/app-service/faqs-app-service-linux';
// An app's default host name is <app>.azurewebsites.net.
const DEFAULT_DOMAIN = 'https://learn.microsoft.com/azure/app-service/overview-name-resolution';
// The 230-second front-end limit is stated by Microsoft staff in answers, not in a reference page found here (secondary).
const TIMEOUT_230 = 'https://blog.headforcloud.com/2016/11/15/azure-app-service-hard-timeout-limit/';
// Quotas: Free and Shared apps that exceed them are stopped until the quota resets.
const QUOTAS = 'https://learn.microsoft.com/azure/app-service/web-sites-monitor';

const DIAGNOSE =
  'In the Azure portal, "Diagnose and solve problems" → "Web App Down" shows whether the platform or the app failed; on Linux the container log (Log stream, or /home/LogFiles/*_docker.log) shows whether the container started and listened on the expected port.';

// The stock pages' sentences, as their visible text reads.
const APPLICATION_ERROR = 'if you are the application administrator, you can access the diagnostic resources';
const STOPPED = 'this web app is stopped';
const NOT_FOUND = 'the web app you have attempted to reach is not available in this microsoft azure app service region';
const TIMED_OUT = 'the web server failed to respond within the specified time';

const documented: DocumentedError[] = [
  {
    name: ':( Application Error (Linux container did not start or answer)',
    reference: LINUX_FAQ,
    variant: 'azure-app-service-application-error',
    example: { status: 503, body: ':( Application Error\nIf you are the application administrator, you can access the diagnostic resources.' },
  },
  {
    name: 'Error 403 - This web app is stopped.',
    reference: QUOTAS,
    variant: 'azure-app-service-403-web-stopped',
    example: {
      status: 403,
      body: 'Error 403 - This web app is stopped.\nThe web app you have attempted to reach is currently stopped and does not accept any requests.',
    },
  },
  {
    name: 'Error 404 - Web app not found.',
    reference: DEFAULT_DOMAIN,
    variant: 'azure-app-service-404-web-app-not-found',
    example: {
      status: 404,
      body: 'Error 404 - Web app not found.\nThe web app you have attempted to reach is not available in this Microsoft Azure App Service region.',
    },
  },
  {
    name: '500 - The request timed out.',
    reference: TIMEOUT_230,
    variant: 'azure-app-service-500-request-timed-out-front-end',
    example: { status: 500, body: '500 - The request timed out.\nThe web server failed to respond within the specified time.' },
  },
  // Windows apps: IIS's pages explain them (runsOn), with App Service named as the gateway.
  {
    name: '502 - Web server received an invalid response while acting as a gateway or proxy server.',
    reference: TROUBLESHOOT,
    variant: 'azure-app-service-502-web-server-received-invalid-response',
    example: {
      status: 502,
      body: '502 - Web server received an invalid response while acting as a gateway or proxy server.\nhttps://myapp.azurewebsites.net/',
    },
  },
  { name: '503 Service Unavailable (worker unavailable, restarting or over quota)', reference: TROUBLESHOOT, variant: 'azure-app-service-503-no-body' },
];

export default defineGateway({
  id: 'azure-app-service',
  name: 'Azure App Service',
  kind: 'platform',
  // Windows App Service runs apps in IIS behind ARR front ends: IIS's Server, X-Powered-By and pages appear on its
  // responses, and IIS's own pages explain its errors when none below matches.
  runsOn: ['iis'],
  // The ARRAffinity cookies would name App Service from headers alone, but Gatewhy does not read cookies.
  fingerprint: [
    { text: APPLICATION_ERROR, weight: 0.9, note: 'App Service\'s ":( Application Error" page' },
    { text: ':( application error', weight: 0.8, note: "the heading of App Service's Application Error page" },
    { text: STOPPED, weight: 0.9, note: "App Service's page for a stopped app" },
    { text: NOT_FOUND, weight: 0.9, note: "App Service's page for a host name bound to no app" },
    { text: TIMED_OUT, weight: 0.6, note: "the App Service front end's timeout page" },
    { text: 'azurewebsites.net', weight: 0.6, note: "an App Service app's default host name on the page" },
  ],
  variants: [
    {
      id: 'azure-app-service-application-error',
      title: ':( Application Error',
      when: [{ any: [{ text: APPLICATION_ERROR }, { text: ':( application error' }] }],
      meaning:
        'App Service could not get an answer from the app: its container or process crashed, failed to start within the start time limit, or does not listen on the port App Service forwards to.',
      causes: { 'origin-app-error': 0.6, 'origin-unreachable': 0.4 },
      source: 'gateway',
      tellApart: DIAGNOSE,
      advice: {
        owner: [
          'Make the app listen on the port App Service expects (the PORT / WEBSITES_PORT setting) on 0.0.0.0, and read the container log for the startup error.',
        ],
      },
      reference: LINUX_FAQ,
    },
    {
      id: 'azure-app-service-403-web-stopped',
      title: 'Error 403 - This web app is stopped',
      when: [{ text: STOPPED }],
      meaning: 'The web app is stopped: someone stopped it, or its plan ran out of quota (Free and Shared plans stop apps that exceed their limits).',
      causes: { maintenance: 0.7, overloaded: 0.3 },
      source: 'gateway',
      advice: { owner: ["Start the app (az webapp start) and check the App Service plan's quotas."] },
      reference: QUOTAS,
    },
    {
      id: 'azure-app-service-404-web-app-not-found',
      title: 'Error 404 - Web app not found',
      when: [{ text: NOT_FOUND }],
      meaning: 'No App Service app is bound to this host name: the app was deleted or renamed, or the custom domain was never added to it.',
      causes: { unknown: 1 },
      source: 'gateway',
      advice: { owner: ['Add the custom domain to the app (Custom domains in the portal), or point DNS at the app that should serve it.'] },
      reference: DEFAULT_DOMAIN,
    },
    {
      id: 'azure-app-service-500-request-timed-out-front-end',
      title: '500 - The request timed out (front-end timeout)',
      when: [{ text: TIMED_OUT }],
      meaning: "The app did not answer within the front end's fixed limit of about 230 seconds, so App Service gave up on the request.",
      causes: { 'origin-timeout': 1 },
      source: 'gateway',
      advice: { owner: ['The 230-second limit cannot be raised: return 202 and finish long work in the background (WebJobs, Functions, a queue).'] },
      reference: TIMEOUT_230,
    },
    {
      id: 'azure-app-service-502-web-server-received-invalid-response',
      title: '502 - Web server received an invalid response (App Service front end)',
      when: [{ status: 502 }, { text: 'web server received an invalid response while acting as a gateway or proxy server' }],
      meaning:
        "App Service's front end could not get a valid response from the app's worker: the app crashed or restarted, hung, or ran out of memory or threads.",
      causes: { 'origin-app-error': 0.4, 'origin-reset': 0.25, 'origin-timeout': 0.2, overloaded: 0.15 },
      source: 'gateway',
      tellApart: DIAGNOSE,
      reference: TROUBLESHOOT,
    },
    // Headers only (App Service is then known from a page's host name or a Front Door/IIS pairing, rarely): the
    // troubleshooting article's causes for each status.
    {
      id: 'azure-app-service-502-no-body',
      title: '502 from App Service (its body not seen)',
      when: [{ status: 502 }, { body: 'unseen' }],
      meaning: "App Service's front end got no valid response from the app's worker: the app crashed, hung or is being recycled.",
      causes: { 'origin-app-error': 0.45, 'origin-reset': 0.25, 'origin-timeout': 0.2, overloaded: 0.1 },
      source: 'gateway',
      tellApart: DIAGNOSE,
      reference: TROUBLESHOOT,
    },
    {
      id: 'azure-app-service-503-no-body',
      title: '503 from App Service (its body not seen)',
      when: [{ status: 503 }, { body: 'unseen' }],
      meaning: "No worker could take the request: the app is restarting or scaling, its worker process is down after crashes, or it is over its plan's limits.",
      causes: { maintenance: 0.4, 'origin-app-error': 0.3, overloaded: 0.3 },
      source: 'gateway',
      tellApart: DIAGNOSE,
      reference: TROUBLESHOOT,
    },
    {
      id: 'azure-app-service-error-passed',
      title: 'Error passed on from the app',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: "The page is not one of App Service's or IIS's own: the application wrote this error and App Service passed it on.",
      causes: { 'origin-app-error': 0.7, overloaded: 0.15, maintenance: 0.15 },
      source: 'origin',
      reference: TROUBLESHOOT,
    },
  ],
  advice: {
    visitor: [],
    owner: [DIAGNOSE, "Application Insights or the app's own logs show whether requests reached the app at all."],
  },
  bodyTells:
    'App Service\'s page says whether the app is stopped ("Error 403 - This web app is stopped."), missing ("Error 404 - Web app not found."), did not start (":( Application Error"), or timed out ("500 - The request timed out."); on Windows, IIS\'s page names the sub-status.',
  documented,
  statusPage: 'https://azure.status.microsoft/en-us/status',
  sources: [TROUBLESHOOT, LINUX_FAQ, DEFAULT_DOMAIN, QUOTAS, TIMEOUT_230],
});
