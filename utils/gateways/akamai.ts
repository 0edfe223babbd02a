// Akamai: CDN. Errors it catches itself carry a "Reference #<code>.<hex>.<epoch>.<hex>" whose first number names the failure.
import { defineGateway, type CauseWeights, type DocumentedError, type Marker } from './types';

const READ_TIMEOUT = 'https://techdocs.akamai.com/property-mgr/reference/ga-read-timeout';
const ERROR_TRANSLATOR = 'https://techdocs.akamai.com/edge-diagnostics/reference';
// Akamai publishes no list of what each reference's first number means: this table is a practitioner's, and
// akamai-error-lookup describes the reference's parts (code, edge IP, epoch, request id).
const LOOKUP = 'https://github.com/markSmurphy/akamai-error-lookup';
const REF_TABLE = 'https://gist.github.com/chrisvanpatten/dc02f0d5727369801dc7e9e6fded1837';
// IBM Cloud CDN, built on Akamai, documents its 503 with Reference #30 as a TLS handshake failure to the origin.
const IBM_503 = 'https://github.com/ibm-cloud-docs/CDN/blob/master/ts-503-error.md';

// Akamai entity-encodes its pages ("Reference&#32;&#35;30&#46;…"); text markers read them decoded, as a browser shows
// them, so one rule covers the page, its source and a copy.
const REFERENCE: Marker = { text: 'reference #' };
/** The first number of the reference, on word boundaries: "reference #3." is not "reference #30.". */
const reference = (code: number): Marker => ({ text: `reference #${code}.` });
const EDGE_SERVER: Marker = { header: 'server', equals: 'AkamaiGHost' };

const DECODE =
  'Akamai\'s Edge Diagnostics "Translate error string" (or Control Center\'s error translator) expands the full reference into the exact edge and origin events; quote the whole reference to Akamai support or the site owner.';

const readTimeout = {
  meaning:
    'The Akamai edge connected to the origin but did not receive the response in time (its first-byte or per-read timeout ran out), so it answered 504 itself.',
  causes: { 'origin-timeout': 0.85, overloaded: 0.15 },
  source: 'gateway',
  tellApart: DECODE,
  reference: READ_TIMEOUT,
} as const;

// Per reference code, as REF_TABLE lists them (reference #30 also from IBM_503).
const CODES: readonly { code: number; name: string; title: string; meaning: string; causes: CauseWeights; ref?: string }[] = [
  { code: 1, name: 'ERR_READ_TIMEOUT', title: 'read timeout', meaning: readTimeout.meaning, causes: readTimeout.causes },
  {
    code: 3,
    name: 'ERR_READ_ERROR',
    title: 'read error',
    meaning: 'The edge connected to the origin but did not get valid HTTP response headers back: the origin closed the connection or sent something unusable.',
    causes: { 'origin-reset': 0.5, 'origin-invalid-response': 0.5 },
  },
  {
    code: 4,
    name: 'ERR_WRITE_ERROR',
    title: 'write error',
    meaning: 'The origin closed the connection before the edge had sent the whole request.',
    causes: { 'origin-reset': 0.9, overloaded: 0.1 },
  },
  {
    code: 6,
    name: 'ERR_CONNECT_FAIL',
    title: 'connection refused',
    meaning: "The origin (or a firewall in front of it) refused the edge server's connection.",
    causes: { 'origin-unreachable': 1 },
  },
  {
    code: 9,
    name: 'ERR_INVALID_URL',
    title: 'invalid URL',
    meaning: 'The Akamai edge has no configuration for this hostname or URL, so it could not serve the request.',
    causes: { unknown: 1 },
  },
  {
    code: 11,
    name: 'ERR_DNS_FAIL',
    title: 'origin DNS failure',
    meaning: 'The edge could not resolve the origin hostname configured in the property ("Service Unavailable - DNS failure").',
    causes: { 'origin-unreachable': 1 },
  },
  {
    code: 15,
    name: 'ERR_ZERO_SIZE_OBJECT',
    title: 'zero-size object',
    meaning: 'The origin answered with an empty (zero-byte) object where content was expected.',
    causes: { 'origin-invalid-response': 0.8, 'origin-app-error': 0.2 },
  },
  {
    code: 18,
    name: 'ERR_ACCESS_DENIED',
    title: 'access denied',
    meaning: "An Akamai security rule (the site's WAF, bot management or access control) denied this request at the edge; the origin was not asked.",
    causes: { unknown: 1 },
  },
  {
    code: 24,
    name: 'ERR_REFERER_DENIED',
    title: 'referrer denied',
    meaning: "The site's Akamai configuration refuses requests with this Referer (hotlink protection).",
    causes: { unknown: 1 },
  },
  {
    code: 30,
    name: 'ERR_FWD_SSL_HANDSHAKE',
    title: 'TLS handshake to the origin failed',
    meaning:
      'The TLS handshake between the Akamai edge and the origin failed: the origin certificate is not trusted, its chain is incomplete, or it does not match the origin hostname.',
    causes: { 'origin-tls': 1 },
    ref: IBM_503,
  },
  {
    code: 97,
    name: 'ERR_CONNECT_TIMEOUT',
    title: 'connect timeout',
    meaning: "The edge could not open a connection to the origin in time: the origin is down or overloaded, or a firewall silently drops Akamai's packets.",
    causes: { 'origin-unreachable': 0.7, overloaded: 0.3 },
  },
];
// Variant ids written before this table; translations key on them, so they stay.
const KEPT_IDS: Record<number, string> = {
  1: 'akamai-reference-1-read-timeout-err-read',
  3: 'akamai-reference-3-read-error-err-read',
  4: 'akamai-reference-4-write-error-err-write',
  6: 'akamai-reference-6-connection-refused-err-connect',
  11: 'akamai-reference-11-origin-dns-failure-err',
  15: 'akamai-reference-15-zero-size-object-err',
  30: 'akamai-reference-30-tls-handshake-origin-failed',
  97: 'akamai-reference-97-connect-timeout-err-connect',
};
const idOf = (code: number) =>
  KEPT_IDS[code] ??
  `akamai-reference-${code}-${CODES.find((one) => one.code === code)!
    .name.toLowerCase()
    .replace(/_/g, '-')}`;

const ADVICE: Record<number, string> = {
  6: "Check that the origin listens on the configured port and that its firewall admits Akamai's edge addresses (or its Site Shield map).",
  11: "Check the origin hostname in the property's Origin Server behavior and that its DNS records resolve publicly.",
  30: 'Serve the full certificate chain from the origin and make sure the certificate names the hostname Akamai connects to (the "Forward Host Header" / origin SNI).',
};

export default defineGateway({
  id: 'akamai',
  name: 'Akamai',
  kind: 'cdn',
  fingerprint: [
    { ...EDGE_SERVER, weight: 0.9, note: "Akamai's edge server names itself on responses it writes" },
    { header: 'akamai-grn', weight: 0.9, note: "Akamai's global request number" },
    { header: 'akamai-request-bc', weight: 0.9, note: 'Akamai request breadcrumbs' },
    { header: 'x-akamai-transformed', weight: 0.85, note: 'Akamai changed the response on the way' },
    { header: 'x-akamai-request-id', weight: 0.85, note: "Akamai's request id (a debug header)" },
    { header: 'server-timing', includes: 'ak_p', weight: 0.8, note: "Akamai's Server-Timing entry" },
    { header: 'x-cache', includes: 'akamaighost', weight: 0.9, note: "Akamai's cache debug header" },
    { text: 'errors.edgesuite.net', weight: 0.95, note: "Akamai's error-reference link on its newer pages" },
    // Every error page of Akamai's carries the reference, whatever its wording (LOOKUP: only errors Akamai caught); a
    // pasted page states no status.
    { status: [0, 400, 403, 500, 502, 503, 504], ...REFERENCE, weight: 0.6, note: 'an error page with a "Reference #" number, as Akamai writes them' },
    {
      status: [0, 503],
      text: 'service unavailable - dns failure',
      weight: 0.8,
      note: "the title of Akamai's page when the origin's name does not resolve (LOOKUP)",
    },
  ],
  variants: [
    // The reference's first number names the failure (REF_TABLE).
    ...CODES.map(({ code, name, title, meaning, causes, ref }) => ({
      id: idOf(code),
      title: `Reference #${code}: ${title} (${name})`,
      when: [reference(code)],
      meaning,
      causes,
      source: 'gateway' as const,
      tellApart: DECODE,
      ...(ADVICE[code] !== undefined && { advice: { owner: [ADVICE[code]] } }),
      reference: code === 1 ? READ_TIMEOUT : (ref ?? REF_TABLE),
    })),
    {
      id: 'akamai-service-unavailable-dns-failure',
      title: 'Service Unavailable - DNS failure',
      when: [{ text: 'service unavailable - dns failure' }],
      meaning: 'The edge could not resolve the origin hostname configured in the property.',
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      advice: { owner: [ADVICE[11]!] },
      reference: LOOKUP,
    },
    { id: 'akamai-504-gateway-timeout', title: '504 Gateway Timeout (Akamai)', when: [{ status: 504 }, REFERENCE], ...readTimeout },
    {
      id: 'akamai-403-access-denied',
      title: 'Access Denied (Akamai)',
      when: [{ status: [0, 403] }, { text: "you don't have permission to access" }, REFERENCE],
      meaning: "An Akamai security rule (the site's WAF, bot management or access control) denied this request at the edge; the origin was not asked.",
      causes: { unknown: 1 },
      source: 'gateway',
      advice: { visitor: ["The site's protection refused this request; if you think it is a mistake, send the site the whole Reference number."] },
      reference: LOOKUP,
    },
    {
      id: 'akamai-error-page-generated',
      title: 'Error page generated by Akamai',
      when: [{ status: [500, 502, 503] }, REFERENCE],
      meaning: 'Akamai caught this error itself (the page carries a Reference number); the number before the first dot names the failure.',
      causes: { 'origin-unreachable': 0.4, 'origin-timeout': 0.25, 'origin-invalid-response': 0.2, 'origin-tls': 0.15 },
      source: 'gateway',
      tellApart: DECODE,
      reference: LOOKUP,
    },
    // Only the headers: the edge names itself (Server: AkamaiGHost) on what it writes, not on what it relays.
    {
      id: 'akamai-504-no-body',
      title: '504 from the Akamai edge (its body not seen)',
      when: [{ status: 504 }, EDGE_SERVER, { body: 'unseen' }],
      ...readTimeout,
    },
    {
      id: 'akamai-error-written-edge-no-page-read',
      title: 'Error written by the Akamai edge (its body not seen)',
      when: [{ status: [500, 502, 503] }, EDGE_SERVER, { body: 'unseen' }],
      meaning: "The Akamai edge server wrote this error itself (Server: AkamaiGHost); without the page's Reference number the exact failure is not visible.",
      causes: { 'origin-unreachable': 0.5, 'origin-tls': 0.2, 'origin-invalid-response': 0.15, 'origin-reset': 0.15 },
      source: 'gateway',
      tellApart: `Fetch the page with GET to read its "Reference #…": ${DECODE}`,
      reference: LOOKUP,
    },
    {
      id: 'akamai-error-relayed-no-body',
      title: 'Error passed on from the origin (its body not seen)',
      when: [{ status: [500, 502, 503, 504] }, { ...EDGE_SERVER, absent: true }, { body: 'unseen' }],
      meaning: "The Server header is not Akamai's edge: the origin answered with this error and Akamai passed it on.",
      causes: { 'origin-app-error': 0.6, overloaded: 0.25, 'origin-timeout': 0.15 },
      source: 'origin',
      reference: LOOKUP,
    },
    {
      id: 'akamai-error-passed-origin',
      title: 'Error passed on from the origin',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning:
        'The page has no Akamai Reference number, so the origin wrote this error and Akamai passed it on (Akamai shows a Reference only for errors it catches itself).',
      causes: { 'origin-app-error': 0.6, overloaded: 0.25, maintenance: 0.15 },
      source: 'origin',
      reference: LOOKUP,
    },
  ],
  bodyTells:
    'Akamai\'s page carries a "Reference #" whose first number names the failure (1 read timeout, 6 connection refused, 30 TLS to the origin, 97 connect timeout); a page without one is the origin\'s.',
  advice: {
    visitor: ['If the page shows a "Reference #" number, include it when you report the problem to the site.'],
    owner: [`Decode the Reference number: ${DECODE}`],
  },
  documented: [
    ...CODES.map(({ code, name }): DocumentedError => ({
      name: `Reference #${code} (${name})`,
      reference: code === 30 ? IBM_503 : REF_TABLE,
      variant: idOf(code),
      ...(code === 30 && { example: { status: 503, body: 'An error occurred while processing your request. Reference #30.3598c0ba.1521745157.87201fff' } }),
    })),
    { name: 'Reference #27 (ERR_CLIENT_ABORT)', reference: REF_TABLE, logOnly: true },
    { name: 'Service Unavailable - DNS failure', reference: LOOKUP, variant: 'akamai-service-unavailable-dns-failure' },
    {
      name: '504 Gateway Timeout (read timeout)',
      reference: READ_TIMEOUT,
      variant: 'akamai-504-no-body',
      example: { status: 504, headers: { server: 'AkamaiGHost' } },
    },
    { name: "Access Denied (You don't have permission to access … on this server)", reference: LOOKUP, variant: 'akamai-403-access-denied' },
  ],
  statusPage: 'https://www.akamaistatus.com/',
  sources: [READ_TIMEOUT, ERROR_TRANSLATOR, LOOKUP, REF_TABLE, IBM_503],
});
