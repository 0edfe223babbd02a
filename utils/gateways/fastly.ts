// Fastly: a Varnish-based CDN. Its own errors are always 503, and the page names the reason ("first byte timeout", "backend read error"…).
import { defineGateway } from './types';

const ERRORS = 'https://www.fastly.com/documentation/guides/vcl/errors/';
const COMMON_503 = 'https://docs.fastly.com/en/guides/common-503-errors';
const FIRST_BYTE = 'https://www.fastly.com/documentation/reference/vcl/variables/backend-connection/bereq-first-byte-timeout';

// The default synthetic page: "Error 503 <reason>", then "Guru Mediation:" (older) or "Error 54113" (newer),
// "Details: cache-<pop>… <epoch> <xid>" and "Varnish cache server".
const reason = (text: string) => [{ status: 503 }, { text: `error 503 ${text}` }] as const;

const LOGS =
  'The reason on the page is Fastly\'s obj.response for this request; over HTTP/2 only the page shows it. X-Timer\'s VE value is the time Fastly spent in milliseconds: close to your first-byte timeout means the origin was slow, a few milliseconds means the connection failed at once.';

export default defineGateway({
  id: 'fastly',
  name: 'Fastly',
  kind: 'cdn',
  runsOn: ['varnish'],
  fingerprint: [
    { header: 'x-served-by', startsWith: 'cache-', weight: 0.9, note: 'the Fastly cache nodes that handled the request' },
    { header: 'x-timer', startsWith: 'S', includes: ',vs0,', weight: 0.9, note: 'Fastly\'s request timer' },
    { header: 'x-fastly-request-id', weight: 0.9, note: 'Fastly\'s request id' },
    { header: 'fastly-debug-digest', weight: 0.9, note: 'Fastly debug header' },
    { header: 'x-cache-hits', weight: 0.3, note: 'per-hop hit counts, as Fastly and some Varnish setups send' },
    { text: 'guru mediation', weight: 0.9, note: 'Fastly\'s error page (Fastly spells it "Mediation", Varnish "Meditation")' },
    { text: 'error 54113', weight: 0.9, note: 'the error code on Fastly\'s newer error page' },
    { text: 'details: cache-', weight: 0.85, note: 'Fastly\'s error page names the cache node that wrote it' },
  ],
  variants: [
    {
      id: 'fastly-503-first-byte-timeout', title: 'Error 503 first byte timeout',
      when: reason('first byte timeout'),
      meaning: 'Fastly connected to the origin and sent the request, but the first byte of the response did not arrive within the first-byte timeout (15 s by default).',
      causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
      source: 'gateway',
      tellApart: LOGS,
      advice: { owner: ['Measure the slow path on the origin (curl -w "%{time_starttransfer}"), fix it, or raise the backend\'s first-byte timeout (at most 60 s with clustering).'] },
      reference: FIRST_BYTE,
    },
    {
      id: 'fastly-503-backend-read-error', title: 'Error 503 backend read error',
      when: reason('backend read error'),
      meaning: 'Fastly could not read the origin\'s response: a timeout or a transient network failure while fetching, or an overloaded origin.',
      causes: { 'origin-timeout': 0.45, 'origin-reset': 0.35, overloaded: 0.2 },
      source: 'gateway',
      tellApart: LOGS,
      reference: COMMON_503,
    },
    {
      id: 'fastly-503-backend-write-error', title: 'Error 503 backend write error',
      when: reason('backend write error'),
      meaning: 'Fastly could not finish sending the request to the origin: the origin closed or reset the connection.',
      causes: { 'origin-reset': 0.8, overloaded: 0.2 },
      source: 'gateway',
      reference: ERRORS,
    },
    {
      id: 'fastly-503-connection-timed-out', title: 'Error 503 Connection timed out',
      when: reason('connection timed out'),
      meaning: 'Fastly could not open a connection to the origin within the backend\'s connect timeout (1 s by default): the origin is down, unreachable, or a firewall drops Fastly\'s addresses.',
      causes: { 'origin-unreachable': 0.8, overloaded: 0.2 },
      source: 'gateway',
      advice: { owner: ['Check that the origin accepts connections from Fastly\'s IP ranges on the backend port.'] },
      reference: COMMON_503,
    },
    {
      id: 'fastly-503-all-backends-failed-unhealthy', title: 'Error 503 All backends failed or unhealthy',
      when: reason('all backends failed or unhealthy'),
      meaning: 'Every backend of the load-balancing director is marked unhealthy, or none of them gave a valid response.',
      causes: { 'origin-unreachable': 0.8, 'origin-invalid-response': 0.2 },
      source: 'gateway',
      reference: ERRORS,
    },
    {
      id: 'fastly-503-backend-unhealthy', title: 'Error 503 Backend is unhealthy',
      when: reason('backend is unhealthy'),
      meaning: 'The health check configured on this backend reports it down, so Fastly did not even try it.',
      causes: { 'origin-unreachable': 0.9, maintenance: 0.1 },
      source: 'gateway',
      tellApart: 'Compare the health check\'s path and expected status with what the origin returns now.',
      reference: ERRORS,
    },
    {
      id: 'fastly-503-backend-max-conn-reached', title: 'Error 503 Backend.max_conn reached',
      when: reason('backend.max_conn reached'),
      meaning: 'Fastly already holds the maximum number of connections allowed to this backend, so it refused to open another.',
      causes: { overloaded: 1 },
      source: 'gateway',
      reference: ERRORS,
    },
    {
      id: 'fastly-503-hostname-doesnt-match-against-certificate', title: 'Error 503 hostname doesn\'t match against certificate',
      when: reason('hostname doesn'),
      meaning: 'The origin\'s TLS certificate does not name the host Fastly checks (the backend\'s certificate hostname or SNI).',
      causes: { 'origin-tls': 1 },
      source: 'gateway',
      reference: COMMON_503,
    },
    {
      id: 'fastly-503-certificate-has-expired', title: 'Error 503 certificate has expired',
      when: reason('certificate has expired'),
      meaning: 'The origin presented an expired TLS certificate.',
      causes: { 'origin-tls': 1 },
      source: 'gateway',
      reference: COMMON_503,
    },
    {
      id: 'fastly-503-unable-get-local-issuer-certificate', title: 'Error 503 unable to get local issuer certificate',
      when: reason('unable to get local issuer certificate'),
      meaning: 'Fastly could not build a trusted chain for the origin\'s certificate: the intermediate is missing or the CA is not trusted.',
      causes: { 'origin-tls': 1 },
      source: 'gateway',
      reference: COMMON_503,
    },
    {
      id: 'fastly-503-fastlys-own-page', title: 'Error 503 (Fastly\'s own page)',
      when: [{ status: 503 }, { text: 'details: cache-' }],
      meaning: 'Fastly wrote this error page itself; the reason after "Error 503" names what went wrong towards the origin, or a "error 503" statement in the service\'s VCL.',
      causes: { 'origin-unreachable': 0.35, 'origin-timeout': 0.3, 'origin-invalid-response': 0.15, unknown: 0.2 },
      source: 'gateway',
      tellApart: LOGS,
      reference: ERRORS,
    },
    {
      id: 'fastly-error-passed-origin', title: 'Error passed on from the origin',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: 'The page is not Fastly\'s own: the origin answered with this error and Fastly passed it on (Fastly\'s own errors are always 503 with its synthetic page).',
      causes: { 'origin-app-error': 0.6, overloaded: 0.25, maintenance: 0.15 },
      source: 'origin',
      reference: COMMON_503,
    },
  ],
  advice: {
    visitor: [],
    owner: ['Quote the "Details: cache-…" line (or the X-Served-By header) to Fastly support: it names the node and the request.'],
  },
  statusPage: 'https://www.fastlystatus.com/',
  sources: [
    ERRORS,
    COMMON_503,
    FIRST_BYTE,
    'https://www.fastly.com/documentation/reference/http/http-headers/X-Served-By',
    'https://www.fastly.com/documentation/reference/http/http-headers/X-Timer',
  ],
});
