// Render: its edge (behind Cloudflare) says in x-render-routing why it could not route, and x-render-origin-server appears only when the app answered.
import { defineGateway } from './types';

const FREE = 'https://render.com/docs/free';
const TROUBLESHOOTING = 'https://render.com/docs/troubleshooting-deploys';

export default defineGateway({
  id: 'render',
  name: 'Render',
  kind: 'platform',
  // Render's edge is Cloudflare: cf-ray and Server: cloudflare come with every Render response.
  runsOn: ['cloudflare'],
  fingerprint: [
    { header: 'rndr-id', weight: 0.9, note: 'Render\'s request id on every response' },
    { header: 'x-render-origin-server', weight: 0.95, note: 'Render copies the app\'s own Server header here' },
    { header: 'x-render-routing', weight: 0.95, note: 'Render\'s routing verdict when it could not reach the service' },
  ],
  relayed: [{ header: 'x-render-origin-server', note: 'Render only sets this when the app answered: it holds the app\'s own Server header' }],
  variants: [
    {
      id: 'render-free-instance-asleep-hibernate-error', title: 'Free instance asleep (hibernate error)',
      when: [{ header: 'x-render-routing', includes: 'hibernate' }],
      meaning: 'The service is on Render\'s free plan and was asleep (free services spin down after 15 minutes without traffic); it did not wake up in time for this request.',
      causes: { maintenance: 0.6, 'origin-unreachable': 0.4 },
      source: 'gateway',
      tellApart: 'Retry after a minute: if the service then answers, it was only waking up; if not, its logs show whether it fails to start.',
      advice: { visitor: ['The site is waking up: try again in a minute.'], owner: ['A paid instance type does not sleep; otherwise expect the first request after 15 idle minutes to be slow.'] },
      reference: FREE,
    },
    {
      // Seen as "x-render-routing: suspend-by-user" with the page "This service has been suspended by its owner."
      // (EMPIRIC2/TAC-to-IWXXM bug report, in test/fixtures/responses/render).
      id: 'render-service-suspended-x-routing-suspend', title: 'Service suspended (x-render-routing: suspend…)',
      when: [{ any: [{ header: 'x-render-routing', includes: 'suspend' }, { text: 'has been suspended by its owner' }] }],
      meaning: 'The service is suspended: its owner (or Render, for billing) stopped it, so Render answers for it.',
      causes: { maintenance: 0.8, unknown: 0.2 },
      source: 'gateway',
      tellApart: 'The Render dashboard shows the service as suspended, and by whom.',
      advice: { visitor: ['The site has been switched off by its owner; retrying will not help until it is resumed.'], owner: ['Resume the service in the Render dashboard (or settle the billing issue that suspended it).'] },
      reference: TROUBLESHOOTING,
    },
    {
      id: 'render-no-running-service-x-routing-no', title: 'No running service (x-render-routing: no-server)',
      when: [{ header: 'x-render-routing', includes: 'no-server' }],
      meaning: 'Render has no running instance to route this host name to: the service is suspended, its deploy failed, it keeps crashing, or no service owns this domain.',
      causes: { 'origin-unreachable': 0.7, 'origin-app-error': 0.2, unknown: 0.1 },
      source: 'gateway',
      tellApart: 'The service\'s Events and Logs in the Render dashboard show whether the last deploy failed or the instance crashed.',
      reference: TROUBLESHOOTING,
    },
    {
      id: 'render-routing-error', title: 'Render routing error',
      when: [{ header: 'x-render-routing' }],
      meaning: 'Render\'s edge could not route the request to the service; x-render-routing names its reason.',
      causes: {},
      source: 'gateway',
      reference: TROUBLESHOOTING,
    },
    {
      id: 'render-unavailable-announced-app-retry-after', title: 'Unavailable, as announced by the app (Retry-After)',
      when: [{ status: 503 }, { header: 'x-render-origin-server' }, { header: 'retry-after' }],
      meaning: 'The app itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Render relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'render-error-passed-app', title: 'Error passed on from the app',
      when: [{ status: [500, 502, 503, 504] }, { header: 'x-render-origin-server' }],
      meaning: 'The app answered (x-render-origin-server carries its own Server header) with this error, and Render passed it on.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: TROUBLESHOOTING,
    },
    {
      id: 'render-error-without-answer-app', title: 'Error from Render without an answer from the app',
      when: [{ status: [502, 503, 504] }, { header: 'rndr-id' }, { header: 'x-render-origin-server', absent: true }],
      meaning: 'Render answered without the app: the service is not listening on $PORT, is crashing or restarting, or took too long.',
      causes: { 'origin-unreachable': 0.5, 'origin-app-error': 0.3, 'origin-timeout': 0.2 },
      source: 'gateway',
      tellApart: 'The service\'s logs in the Render dashboard show crashes, restarts and "no open ports detected" for an app not binding to $PORT.',
      reference: TROUBLESHOOTING,
    },
  ],
  advice: {
    visitor: [],
    owner: ['The Render dashboard\'s Events and Logs for the service show deploys, crashes and restarts; the rndr-id header identifies the request.'],
  },
  statusPage: 'https://status.render.com/',
  sources: [FREE, TROUBLESHOOTING, 'https://render.com/docs/web-services#port-binding'],
});
