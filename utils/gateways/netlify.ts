// Netlify: its Functions run on AWS Lambda, and their failures reach the browser as Lambda's own JSON error ("Task timed out after …").
// That text is Lambda's, not Netlify's (API Gateway and others pass it on too), so only Netlify's headers name Netlify.
import { defineGateway } from './types';

const FUNCTIONS_CONFIG = 'https://docs.netlify.com/build/functions/configuration/';
const FUNCTIONS_OVERVIEW = 'https://docs.netlify.com/build/functions/overview/';
const PROXIES = 'https://docs.netlify.com/routing/redirects/rewrites-proxies/';

const LOGS = 'The function\'s log in the Netlify dashboard (Logs → Functions) has the invocation with its duration and error; quote the x-nf-request-id header to Netlify support.';

export default defineGateway({
  id: 'netlify',
  name: 'Netlify',
  kind: 'platform',
  fingerprint: [
    { header: 'x-nf-request-id', weight: 0.95, note: 'Netlify\'s request id, the one Netlify support asks for' },
    { header: 'server', equals: 'netlify', weight: 0.85, note: 'Netlify names itself in the Server header' },
    { header: 'cache-status', includes: 'netlify', weight: 0.9, note: 'Netlify\'s cache layers name themselves in Cache-Status ("Netlify Edge", "Netlify Durable")' },
  ],
  variants: [
    {
      id: 'netlify-function-timed-out-task-timed-out', title: 'Function timed out (Task timed out after … seconds)',
      when: [{ text: 'task timed out after' }],
      meaning:
        'A Netlify Function ran past its execution limit (60 s for synchronous functions today; 10 s on older sites) and the platform stopped it. The function was usually waiting on a slow API or database.',
      causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
      source: 'gateway',
      tellApart: LOGS,
      advice: { owner: ['Find what the function waits on and time-limit it, or move the work to a background function (15 min limit).'] },
      reference: FUNCTIONS_CONFIG,
    },
    {
      id: 'netlify-function-error-errortype-errormessage', title: 'Function error (errorType / errorMessage)',
      when: [{ status: [500, 502] }, { markup: '"errortype"' }],
      meaning: 'A Netlify Function threw an unhandled error (or crashed) and the platform returned the runtime\'s error object.',
      causes: { 'origin-app-error': 1 },
      source: 'gateway',
      tellApart: LOGS,
      reference: FUNCTIONS_OVERVIEW,
    },
    {
      id: 'netlify-unavailable-announced-site-retry-after', title: 'Unavailable, as announced by the site (Retry-After)',
      when: [{ status: 503 }, { header: 'x-nf-request-id' }, { header: 'retry-after' }, { text: 'errormessage', absent: true }],
      meaning: 'The function or the proxied origin answered 503 with Retry-After, which a server sends when it knows it is down for a while. Netlify passed it on.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'netlify-error-passed-function-proxied-origin', title: 'Error passed on from a function or proxied origin',
      when: [{ status: [500, 502, 503, 504] }, { header: 'x-nf-request-id' }, { body: 'seen' }],
      fallback: true,
      meaning: 'No Netlify or Lambda error object: a function returned this status itself, or a proxy rewrite (a redirect rule with status 200 to another host) relayed the origin\'s error.',
      causes: { 'origin-app-error': 0.6, 'origin-unreachable': 0.2, 'origin-timeout': 0.2 },
      source: 'origin',
      tellApart: LOGS,
      reference: PROXIES,
    },
  ],
  advice: {
    visitor: [],
    owner: ['Function errors and durations are in the Netlify dashboard\'s function logs; the x-nf-request-id header identifies the request.'],
  },
  statusPage: 'https://www.netlifystatus.com/',
  sources: [FUNCTIONS_CONFIG, FUNCTIONS_OVERVIEW, PROXIES, 'https://github.com/netlify/netlify-lambda/issues/87', 'https://github.com/paul121/farm-tugboat-demo/issues/17'],
});
