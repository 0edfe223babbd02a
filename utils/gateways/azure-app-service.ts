// Azure App Service (Web Apps): IIS/ARR front ends route to the app's workers; its own pages cover stopped, crashed and timed-out apps.
import { defineGateway } from './types';

const TROUBLESHOOT = 'https://learn.microsoft.com/azure/app-service/troubleshoot-http-502-http-503';
const LINUX_FAQ = 'https://learn.microsoft.com/troubleshoot/azure/app-service/faqs-app-service-linux';
const AFFINITY = 'https://learn.microsoft.com/azure/app-service/configure-common';
const TIMEOUT_230 = 'https://blog.headforcloud.com/2016/11/15/azure-app-service-hard-timeout-limit/';

const DIAGNOSE =
  'In the Azure portal, "Diagnose and solve problems" → "Web App Down" shows whether the platform or the app failed; on Linux the container log (Log stream, or /home/LogFiles/*_docker.log) shows whether the container started and listened on the expected port.';

export default defineGateway({
  id: 'azure-app-service',
  name: 'Azure App Service',
  kind: 'platform',
  // Windows App Service runs the app behind IIS with ARR front ends, so IIS's markers appear on its responses.
  runsOn: ['iis'],
  fingerprint: [
    { header: 'set-cookie', includes: 'arraffinitysamesite=', weight: 0.9, note: 'App Service\'s instance-affinity cookie' },
    { header: 'set-cookie', includes: 'arraffinity=', weight: 0.75, note: 'the ARR instance-affinity cookie App Service sets' },
    { text: 'if you are the application administrator, you can access the', weight: 0.9, note: 'App Service\'s ":( Application Error" page' },
    { text: ':( application error', weight: 0.8, note: 'the heading of App Service\'s application error page' },
    { text: 'this web app is stopped', weight: 0.9, note: 'App Service\'s page for a stopped app' },
    { text: 'the web server failed to respond within the specified time', weight: 0.6, note: 'the App Service front end\'s timeout page' },
  ],
  variants: [
    {
      id: 'azure-app-service-application-error', title: ':( Application Error',
      when: [{ text: 'if you are the application administrator, you can access the' }],
      meaning: 'App Service could not get an answer from the app: its container or process crashed, failed to start, or does not listen on the port App Service forwards to.',
      causes: { 'origin-app-error': 0.6, 'origin-unreachable': 0.4 },
      source: 'gateway',
      tellApart: DIAGNOSE,
      advice: { owner: ['Make the app listen on the port App Service expects (the PORT / WEBSITES_PORT setting) on 0.0.0.0, and read the container log for the startup error.'] },
      reference: LINUX_FAQ,
    },
    {
      id: 'azure-app-service-403-web-stopped', title: 'Error 403 - This web app is stopped',
      when: [{ text: 'this web app is stopped' }],
      meaning: 'The web app is stopped: someone stopped it, or its plan ran out of quota (Free and Shared plans stop apps that exceed their limits).',
      causes: { maintenance: 0.7, overloaded: 0.3 },
      source: 'gateway',
      advice: { owner: ['Start the app (az webapp start) and check the App Service plan\'s quotas.'] },
      reference: TROUBLESHOOT,
    },
    {
      id: 'azure-app-service-500-request-timed-out-front-end', title: '500 - The request timed out (front-end timeout)',
      when: [{ text: 'the web server failed to respond within the specified time' }],
      meaning: 'The app did not answer within the front end\'s fixed limit of about 230 seconds, so App Service gave up on the request.',
      causes: { 'origin-timeout': 1 },
      source: 'gateway',
      advice: { owner: ['The 230-second limit cannot be raised: return 202 and finish long work in the background (WebJobs, Functions, a queue).'] },
      reference: TIMEOUT_230,
    },
    {
      id: 'azure-app-service-502-web-server-received-invalid-response', title: '502 - Web server received an invalid response (App Service front end)',
      when: [{ status: 502 }, { text: 'web server received an invalid response while acting as a gateway or proxy server' }],
      meaning: 'App Service\'s front end could not get a valid response from the app\'s worker: the app crashed or restarted, hung, or ran out of memory or threads.',
      causes: { 'origin-app-error': 0.4, 'origin-reset': 0.25, 'origin-timeout': 0.2, overloaded: 0.15 },
      source: 'gateway',
      tellApart: DIAGNOSE,
      reference: TROUBLESHOOT,
    },
    {
      id: 'azure-app-service-error-passed', title: 'Error passed on from the app',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: 'The page is not one of App Service\'s or IIS\'s own: the application wrote this error and App Service passed it on.',
      causes: { 'origin-app-error': 0.7, overloaded: 0.15, maintenance: 0.15 },
      source: 'origin',
      reference: TROUBLESHOOT,
    },
  ],
  advice: {
    visitor: [],
    owner: [DIAGNOSE, 'Application Insights or the app\'s own logs show whether requests reached the app at all.'],
  },
  statusPage: 'https://azure.status.microsoft/en-us/status',
  sources: [TROUBLESHOOT, LINUX_FAQ, AFFINITY, TIMEOUT_230],
});
