// Render: its edge (behind Cloudflare) writes 502 when it cannot reach the service; x-render-origin-server appears only when the app answered.
import { defineGateway, type DocumentedError } from './types';

// Render's own guide to its statuses: "400, 404, 500 come from your application. Render's edge just forwarded them."
// "502 comes from Render's edge - it tried to talk to your process and couldn't." "503 can be either; check the logs."
const RUNTIME_ERRORS = 'https://render.com/tutorials/when-deploys-go-wrong/runtime-errors';
const HEALTH_CHECKS = 'https://render.com/tutorials/when-deploys-go-wrong/health-checks-and-crashes';
const PORT_BINDING = 'https://render.com/docs/web-services#port-binding';
const FREE = 'https://render.com/docs/free';
// Render's incident report describes the page it serves for a suspended service: "a page indicating the service had
// been suspended by its owner".
const SUSPENDED_PAGE = 'https://status.render.com/incidents/wptz3swzcsd3';

// Its headers are not documented: rndr-id on every response, x-render-origin-server (the app's own Server header) on
// what the app answered, x-render-routing (a reason: no-server, suspend-by-user, …hibernate…) on what Render answered.
const LOGS =
  'The service\'s Events and Logs in the Render dashboard show crashes, restarts, failed deploys and "No open ports detected" for an app not binding to 0.0.0.0:$PORT.';

const RENDER = { 'rndr-id': '0123456789abcdef-IAD', server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6789-IAD' };

const documented: DocumentedError[] = [
  {
    name: "502 Bad Gateway: Render's edge can't reach your process",
    reference: RUNTIME_ERRORS,
    variant: 'render-error-without-answer-app',
    example: { status: 502, headers: RENDER },
  },
  {
    name: "503 Service Unavailable: no instances available (overload, scaling), or the app's own",
    reference: RUNTIME_ERRORS,
    variant: 'render-503-without-answer-app',
    example: { status: 503, headers: RENDER },
  },
  {
    name: "400, 404, 500: the application's, forwarded by the edge",
    reference: RUNTIME_ERRORS,
    variant: 'render-error-passed-app',
    example: { status: 500, headers: { ...RENDER, 'x-render-origin-server': 'gunicorn' } },
  },
  {
    name: 'This service has been suspended by its owner.',
    reference: SUSPENDED_PAGE,
    variant: 'render-service-suspended-x-routing-suspend',
    example: { status: 503, headers: RENDER, body: 'This service has been suspended by its owner.' },
  },
];

export default defineGateway({
  id: 'render',
  name: 'Render',
  kind: 'platform',
  // Render's edge is Cloudflare: cf-ray and Server: cloudflare come with every Render response.
  runsOn: ['cloudflare'],
  fingerprint: [
    { header: 'rndr-id', weight: 0.9, note: "Render's request id on every response" },
    { header: 'x-render-origin-server', weight: 0.95, note: "Render copies the app's own Server header here" },
    { header: 'x-render-routing', weight: 0.95, note: "Render's routing verdict when it could not reach the service" },
    { text: 'has been suspended by its owner', weight: 0.45, note: "Render's page for a suspended service (other hosts may word theirs alike)" },
  ],
  relayed: [{ header: 'x-render-origin-server', note: "Render only sets this when the app answered: it holds the app's own Server header" }],
  variants: [
    {
      id: 'render-free-instance-asleep-hibernate-error',
      title: 'Free instance asleep (hibernate error)',
      when: [{ header: 'x-render-routing', includes: 'hibernate' }],
      meaning:
        "The service is on Render's free plan and was asleep (free services spin down after 15 minutes without traffic); it did not wake up in time for this request.",
      causes: { maintenance: 0.6, 'origin-unreachable': 0.4 },
      source: 'gateway',
      tellApart: 'Retry after a minute: if the service then answers, it was only waking up; if not, its logs show whether it fails to start.',
      advice: {
        visitor: ['The site is waking up: try again in a minute.'],
        owner: ['A paid instance type does not sleep; otherwise expect the first request after 15 idle minutes to be slow.'],
      },
      reference: FREE,
    },
    {
      id: 'render-service-suspended-x-routing-suspend',
      title: 'Service suspended (x-render-routing: suspend…)',
      when: [{ any: [{ header: 'x-render-routing', includes: 'suspend' }, { text: 'has been suspended by its owner' }] }],
      meaning: 'The service is suspended: its owner (or Render, for billing) stopped it, so Render answers for it.',
      causes: { maintenance: 0.8, unknown: 0.2 },
      source: 'gateway',
      tellApart: 'The Render dashboard shows the service as suspended, and by whom.',
      advice: {
        visitor: ['The site has been switched off by its owner; retrying will not help until it is resumed.'],
        owner: ['Resume the service in the Render dashboard (or settle the billing issue that suspended it).'],
      },
      reference: SUSPENDED_PAGE,
    },
    {
      id: 'render-no-running-service-x-routing-no',
      title: 'No running service (x-render-routing: no-server)',
      when: [{ header: 'x-render-routing', includes: 'no-server' }],
      meaning:
        'Render has no running instance to route this host name to: its deploy failed, it keeps crashing, it is scaled to nothing, or no service owns this domain.',
      causes: { 'origin-unreachable': 0.6, 'origin-app-error': 0.3, maintenance: 0.1 },
      source: 'gateway',
      tellApart: LOGS,
      reference: HEALTH_CHECKS,
    },
    {
      id: 'render-routing-error',
      title: 'Render routing error',
      when: [{ header: 'x-render-routing' }],
      meaning: "Render's edge could not route the request to the service; x-render-routing names its reason.",
      causes: { 'origin-unreachable': 0.5, unknown: 0.5 },
      source: 'gateway',
      tellApart: LOGS,
      reference: RUNTIME_ERRORS,
    },
    {
      id: 'render-unavailable-announced-app-retry-after',
      title: 'Unavailable, as announced by the app (Retry-After)',
      when: [{ status: 503 }, { header: 'x-render-origin-server' }, { header: 'retry-after' }],
      meaning:
        'The app itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Render relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'render-error-passed-app',
      title: 'Error passed on from the app',
      when: [{ status: [400, 404, 500, 502, 503, 504] }, { header: 'x-render-origin-server' }],
      meaning: 'The app answered (x-render-origin-server carries its own Server header) with this error, and Render passed it on.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: RUNTIME_ERRORS,
    },
    // Without x-render-origin-server the app did not answer: Render's guide says who writes each status.
    {
      id: 'render-error-without-answer-app',
      title: 'Error from Render without an answer from the app',
      when: [{ status: [502, 504] }, { header: 'rndr-id' }, { header: 'x-render-origin-server', absent: true }],
      meaning:
        "Render's edge tried to talk to the service's process and could not: it does not listen on 0.0.0.0:$PORT, it crashed or is restarting, or a deploy is rolling.",
      causes: { 'origin-unreachable': 0.6, 'origin-reset': 0.2, 'origin-app-error': 0.2 },
      source: 'gateway',
      tellApart: LOGS,
      advice: { owner: ["Bind the server to 0.0.0.0 on the port in $PORT (Render's port-binding guide)."] },
      reference: RUNTIME_ERRORS,
    },
    {
      id: 'render-503-without-answer-app',
      title: '503 from Render without an answer from the app',
      when: [{ status: 503 }, { header: 'rndr-id' }, { header: 'x-render-origin-server', absent: true }],
      meaning:
        'No instance of the service was available to take the request: it is overloaded, scaling, restarting after a crash, or failing its health check.',
      causes: { overloaded: 0.4, 'origin-unreachable': 0.35, 'origin-app-error': 0.25 },
      source: 'gateway',
      tellApart: LOGS,
      reference: RUNTIME_ERRORS,
    },
  ],
  advice: {
    visitor: [],
    owner: ["The Render dashboard's Events and Logs for the service show deploys, crashes and restarts; the rndr-id header identifies the request."],
  },
  bodyTells:
    "Render's own answers are told by their headers (x-render-routing names the reason, and x-render-origin-server is missing); a suspended service also says so on its page.",
  documented,
  statusPage: 'https://status.render.com/',
  sources: [RUNTIME_ERRORS, HEALTH_CHECKS, PORT_BINDING, FREE, SUSPENDED_PAGE],
});
