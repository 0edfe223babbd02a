// Akamai: CDN. Errors it catches itself carry a "Reference #<code>.<hex>.<epoch>.<hex>" whose first number names the failure.
import { defineGateway } from './types';

const LOOKUP = 'https://github.com/markSmurphy/akamai-error-lookup';
const REF_TABLE = 'https://gist.github.com/chrisvanpatten/dc02f0d5727369801dc7e9e6fded1837';
const READ_TIMEOUT = 'https://techdocs.akamai.com/property-mgr/reference/ga-read-timeout';
const IBM_503 = 'https://github.com/ibm-cloud-docs/CDN/blob/master/ts-503-error.md';

// Akamai entity-encodes the reference in its HTML ("Reference&#32;&#35;30&#46;…"); text markers read the decoded
// "Reference #30.…", as the browser shows it, so one rule covers both.

const DECODE =
  'Akamai\'s Edge Diagnostics "Translate Error String" (or the Control Center error translator) expands the full reference into the exact edge and origin events; quote the whole reference to Akamai support.';

const readTimeout = {
  meaning: 'The Akamai edge connected to the origin but did not receive the response in time (first-byte or per-read timeout).',
  causes: { 'origin-timeout': 0.85, overloaded: 0.15 },
  source: 'gateway',
  tellApart: DECODE,
  reference: READ_TIMEOUT,
} as const;
const readError = {
  meaning: 'The edge connected to the origin but did not get valid HTTP response headers back: the origin closed the connection or sent something unusable.',
  causes: { 'origin-reset': 0.5, 'origin-invalid-response': 0.5 },
  source: 'gateway',
  tellApart: DECODE,
  reference: REF_TABLE,
} as const;
const writeError = {
  meaning: 'The origin closed the connection before the edge had sent the whole request.',
  causes: { 'origin-reset': 0.9, overloaded: 0.1 },
  source: 'gateway',
  tellApart: DECODE,
  reference: REF_TABLE,
} as const;
const connectFail = {
  meaning: 'The origin (or a firewall in front of it) refused the edge server\'s connection.',
  causes: { 'origin-unreachable': 1 },
  source: 'gateway',
  tellApart: DECODE,
  advice: { owner: ['Check that the origin listens on the configured port and that its firewall admits Akamai\'s edge addresses (or Site Shield map).'] },
  reference: REF_TABLE,
} as const;
const dnsFail = {
  meaning: 'The edge could not resolve the origin hostname configured in the property ("Service Unavailable - DNS failure").',
  causes: { 'origin-unreachable': 1 },
  source: 'gateway',
  advice: { owner: ['Check the origin hostname in the property\'s Origin Server behavior and that its DNS records resolve publicly.'] },
  reference: LOOKUP,
} as const;
const zeroSize = {
  meaning: 'The origin answered with an empty (zero-byte) object where content was expected.',
  causes: { 'origin-invalid-response': 0.8, 'origin-app-error': 0.2 },
  source: 'gateway',
  tellApart: DECODE,
  reference: REF_TABLE,
} as const;
const tlsFail = {
  meaning: 'The TLS handshake between the Akamai edge and the origin failed: the origin certificate is not trusted, its chain is incomplete, or it does not match the origin hostname.',
  causes: { 'origin-tls': 1 },
  source: 'gateway',
  advice: { owner: ['Serve the full certificate chain from the origin and make sure the certificate names the hostname Akamai connects to (the "Forward Host Header" / origin SNI).'] },
  reference: IBM_503,
} as const;
const connectTimeout = {
  meaning: 'The edge could not open a connection to the origin in time: the origin is down or overloaded, or a firewall silently drops Akamai\'s packets.',
  causes: { 'origin-unreachable': 0.7, overloaded: 0.3 },
  source: 'gateway',
  tellApart: DECODE,
  reference: REF_TABLE,
} as const;

export default defineGateway({
  id: 'akamai',
  name: 'Akamai',
  kind: 'cdn',
  fingerprint: [
    { header: 'server', equals: 'AkamaiGHost', weight: 0.9, note: 'Akamai\'s edge server names itself on responses it writes' },
    { header: 'akamai-grn', weight: 0.9, note: 'Akamai\'s global request number' },
    { header: 'akamai-request-bc', weight: 0.9, note: 'Akamai request breadcrumbs' },
    { header: 'x-akamai-transformed', weight: 0.85, note: 'Akamai changed the response on the way' },
    { header: 'x-akamai-request-id', weight: 0.85, note: 'Akamai\'s request id' },
    { header: 'server-timing', includes: 'ak_p', weight: 0.8, note: 'Akamai\'s Server-Timing entry' },
    { header: 'x-cache', includes: 'akamaighost', weight: 0.9, note: 'Akamai\'s cache debug header' },
    { any: [{ markup: 'errors.edgesuite.net' }, { text: 'errors.edgesuite.net' }], weight: 0.95, note: 'Akamai\'s error-reference link (entity-encoded in the markup, plain in the text)' },
    { status: [400, 403, 500, 502, 503, 504], text: 'reference #', weight: 0.6, note: 'an error page with a "Reference #" number, as Akamai writes them' },
    { text: 'an error occurred while processing your request', weight: 0.3, note: 'the sentence on Akamai\'s generic error page (also used by other software)' },
  ],
  variants: [
    { id: 'akamai-reference-1-read-timeout-err-read', title: 'Reference #1: read timeout (ERR_READ_TIMEOUT)', when: [{ text: 'reference #1.' }], ...readTimeout },
    { id: 'akamai-reference-3-read-error-err-read', title: 'Reference #3: read error (ERR_READ_ERROR)', when: [{ text: 'reference #3.' }], ...readError },
    { id: 'akamai-reference-4-write-error-err-write', title: 'Reference #4: write error (ERR_WRITE_ERROR)', when: [{ text: 'reference #4.' }], ...writeError },
    { id: 'akamai-reference-6-connection-refused-err-connect', title: 'Reference #6: connection refused (ERR_CONNECT_FAIL)', when: [{ text: 'reference #6.' }], ...connectFail },
    { id: 'akamai-reference-11-origin-dns-failure-err', title: 'Reference #11: origin DNS failure (ERR_DNS_FAIL)', when: [{ text: 'reference #11.' }], ...dnsFail },
    { id: 'akamai-reference-15-zero-size-object-err', title: 'Reference #15: zero-size object (ERR_ZERO_SIZE_OBJECT)', when: [{ text: 'reference #15.' }], ...zeroSize },
    { id: 'akamai-reference-30-tls-handshake-origin-failed', title: 'Reference #30: TLS handshake to the origin failed', when: [{ text: 'reference #30.' }], ...tlsFail },
    { id: 'akamai-reference-97-connect-timeout-err-connect', title: 'Reference #97: connect timeout (ERR_CONNECT_TIMEOUT)', when: [{ text: 'reference #97.' }], ...connectTimeout },
    {
      id: 'akamai-service-unavailable-dns-failure', title: 'Service Unavailable - DNS failure',
      when: [{ text: 'service unavailable - dns failure' }],
      ...dnsFail,
    },
    { id: 'akamai-504-gateway-timeout', title: '504 Gateway Timeout (Akamai)', when: [{ status: 504 }, { text: 'reference #' }], ...readTimeout },
    {
      id: 'akamai-error-page-generated', title: 'Error page generated by Akamai',
      when: [{ status: [500, 502, 503] }, { text: 'reference #' }],
      meaning: 'Akamai caught this error itself (the page carries a Reference number); the number before the first dot names the failure.',
      causes: { 'origin-unreachable': 0.4, 'origin-timeout': 0.25, 'origin-invalid-response': 0.2, 'origin-tls': 0.15 },
      source: 'gateway',
      tellApart: DECODE,
      reference: LOOKUP,
    },
    {
      id: 'akamai-error-written-edge-no-page-read', title: 'Error written by the Akamai edge (no page to read)',
      when: [{ status: [500, 502, 503, 504] }, { header: 'server', equals: 'AkamaiGHost' }],
      meaning: 'The Akamai edge server wrote this error itself (Server: AkamaiGHost); without the page\'s Reference number the exact failure is not visible.',
      causes: { 'origin-unreachable': 0.35, 'origin-timeout': 0.3, 'origin-invalid-response': 0.2, unknown: 0.15 },
      source: 'gateway',
      tellApart: `Fetch the page with GET to read its "Reference #…": ${DECODE}`,
      reference: LOOKUP,
    },
    {
      id: 'akamai-error-passed-origin', title: 'Error passed on from the origin',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: 'The page has no Akamai Reference number, so the origin wrote this error and Akamai passed it on (Akamai shows a Reference only for errors it catches itself).',
      causes: { 'origin-app-error': 0.6, overloaded: 0.25, maintenance: 0.15 },
      source: 'origin',
      reference: LOOKUP,
    },
  ],
  advice: {
    visitor: ['If the page shows a "Reference #" number, include it when you report the problem to the site.'],
    owner: [`Decode the Reference number: ${DECODE}`],
  },
  statusPage: 'https://www.akamaistatus.com/',
  sources: [LOOKUP, REF_TABLE, READ_TIMEOUT, IBM_503],
});
