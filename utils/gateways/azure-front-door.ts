// Azure Front Door (and Azure CDN from Microsoft): X-Azure-Ref on every response; its own page names the access log's ErrorInfo value.
import { defineGateway, type CauseWeights, type DocumentedError, type Variant } from './types';

// The access log's ErrorInfo values, each with its description (Standard/Premium and classic pivots).
const MONITOR = 'https://learn.microsoft.com/azure/frontdoor/monitor-front-door';
// "504 errors appear with ErrorInfo: OriginTimeout", "Intermittent 503 errors appear with ErrorInfo:
// OriginInvalidResponse", and the 30-second default origin response timeout.
const TROUBLESHOOT = 'https://learn.microsoft.com/azure/frontdoor/troubleshoot-issues';
const TROUBLESHOOT_5XX = `${TROUBLESHOOT}#503-or-504-response-from-azure-front-door-after-a-few-seconds`;
// X-Azure-Ref: "a unique reference string that identifies a request served by Azure Front Door".
const HEADERS = 'https://learn.microsoft.com/azure/frontdoor/front-door-http-headers-protocol';
const DEBUG_HEADERS = 'https://learn.microsoft.com/azure/cdn/cdn-msft-http-debug-headers';
const CUSTOM_DOMAIN = 'https://learn.microsoft.com/azure/frontdoor/standard-premium/how-to-add-custom-domain';

// Front Door's own pages are not documented; their texts are kept as the pages show them. The newer page links the
// troubleshooting section above and ends "Error Info:<ErrorInfo value>".
const NEW_PAGE = 'responding to azure front door';
const NEW_PAGE_SENTENCE = 'azure front door cannot connect to the origin server at this time';
const OLD_PAGE = 'working to restore all services as soon as possible';
const NO_CONFIG = "we weren't able to find your azure front door service configuration";

const ERROR_INFO =
  'Search Front Door\'s access log (FrontDoorAccessLog) for this X-Azure-Ref: the ErrorInfo field names the failure, e.g. OriginTimeout, OriginInvalidResponse, OriginConnectionError, or NoError when the origin itself sent the error. Sending "X-Azure-DebugInfo: 1" with a request also returns debug headers such as X-Azure-OriginStatusCode.';

/** One ErrorInfo value of the access log; `status` only where the troubleshooting article states it. */
interface ErrorInfo {
  value: string;
  meaning: string;
  causes: CauseWeights;
  status?: number;
  id?: string;
  /** It describes the client's side; the client never sees a page for it. */
  logOnly?: true;
}
const ERROR_INFOS: readonly ErrorInfo[] = [
  {
    value: 'OriginTimeout',
    status: 504,
    id: 'error-info-origintimeout-doors-own-page',
    meaning: 'the origin did not answer within the origin response timeout (30 s by default; 16–240 s on Standard/Premium).',
    causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
  },
  {
    value: 'OriginInvalidResponse',
    status: 503,
    id: 'error-info-origininvalidresponse-doors-own-page',
    meaning: "the origin's response was invalid or unrecognised (the article names a byte-range request answered with compression).",
    causes: { 'origin-invalid-response': 0.9, 'origin-reset': 0.1 },
  },
  {
    value: 'OriginConnectionError',
    id: 'error-info-originconnectionerror-originconnectionrefused-doors-own',
    meaning: 'a connection to the origin failed (a generic origin connection error).',
    causes: { 'origin-unreachable': 0.9, 'origin-tls': 0.1 },
  },
  { value: 'OriginConnectionRefused', meaning: 'the connection to the origin could not be established.', causes: { 'origin-unreachable': 1 } },
  { value: 'OriginConnectionAborted', meaning: 'the connection to the origin was closed abnormally.', causes: { 'origin-reset': 1 } },
  { value: 'OriginError', meaning: 'a generic origin error.', causes: { 'origin-unreachable': 0.4, 'origin-invalid-response': 0.3, 'origin-reset': 0.3 } },
  { value: 'OriginInvalidRequest', meaning: 'Front Door sent the origin a request it could not accept.', causes: { unknown: 1 } },
  { value: 'ResponseHeaderTooBig', meaning: 'the origin returned a response header that is too large.', causes: { 'origin-invalid-response': 1 } },
  { value: 'DNSFailure', meaning: "resolving the origin's name failed.", causes: { 'origin-unreachable': 1 } },
  { value: 'DNSTimeout', meaning: "the DNS query for the origin's name timed out.", causes: { 'origin-unreachable': 1 } },
  { value: 'DNSNameNotResolved', meaning: "the origin's server name or address could not be resolved.", causes: { 'origin-unreachable': 1 } },
  { value: 'CertificateError', meaning: "the origin's TLS certificate failed validation.", causes: { 'origin-tls': 1 } },
  {
    value: 'CertificateNameCheckFailed',
    meaning: "the host name in the origin's certificate is invalid or does not match the origin host name.",
    causes: { 'origin-tls': 1 },
  },
  { value: 'SSLHandshakeError', meaning: 'the TLS handshake with the origin failed.', causes: { 'origin-tls': 1 } },
  { value: 'SSLInvalidRootCA', meaning: "the origin's root CA certificate is not valid.", causes: { 'origin-tls': 1 } },
  { value: 'SSLInvalidCipher', meaning: 'the HTTPS connection to the origin used an invalid cipher.', causes: { 'origin-tls': 1 } },
  { value: 'SSLMismatchedSNI', meaning: "the request's Host did not match the TLS SNI the client presented.", causes: { unknown: 1 } },
  { value: 'InvalidRequest', meaning: "the client's request was malformed (header, body or URL).", causes: { unknown: 1 } },
  { value: 'RestrictedIP', meaning: 'the request was blocked because of a restricted IP address.', causes: { unknown: 1 } },
  { value: 'ClientGeoBlocked', meaning: 'the client was blocked by its location.', causes: { unknown: 1 } },
  { value: 'UnspecifiedClientError', meaning: 'a generic client error.', causes: { unknown: 1 } },
  { value: 'ClientDisconnected', meaning: "the client's connection failed before the response was sent.", causes: { unknown: 1 }, logOnly: true },
  { value: 'UnspecifiedError', meaning: 'an error that fits no other value.', causes: { unknown: 1 } },
];

const infoVariantId = ({ value, id }: ErrorInfo) => `azure-front-door-${id ?? `error-info-${value.toLowerCase()}`}`;

// The value as the page prints it ("Error Info:OriginTimeout") or as the docs and logs write it.
const namesInfo = (value: string) => ({
  any: [{ text: `error info:${value}` }, { text: `error info: ${value}` }, { text: `errorinfo: ${value}` }, { markup: `"errorinfo":"${value}"` }],
});

const infoVariants: Variant[] = ERROR_INFOS.map((info) => ({
  id: infoVariantId(info),
  title: `Error Info: ${info.value} (Front Door's own page)`,
  when: [namesInfo(info.value)],
  meaning: `Front Door answered itself and names the failure: ${info.meaning}`,
  causes: info.causes,
  source: 'gateway',
  tellApart: ERROR_INFO,
  reference: info.status ? TROUBLESHOOT_5XX : MONITOR,
}));

const NEW_PAGE_EXAMPLE = (value: string) =>
  `The service behind this page isn't responding to Azure Front Door.\nAzure Front Door cannot connect to the origin server at this time.\nError Info:${value}`;

const documented: DocumentedError[] = [
  ...ERROR_INFOS.map((info) => ({
    name: `ErrorInfo ${info.value}${info.status ? ` (${info.status})` : ''}`,
    reference: info.status ? TROUBLESHOOT_5XX : MONITOR,
    variant: infoVariantId(info),
    ...(info.logOnly ? { logOnly: true as const } : { example: { ...(info.status && { status: info.status }), body: NEW_PAGE_EXAMPLE(info.value) } }),
  })),
  { name: 'ErrorInfo NoError (the origin sent the status)', reference: MONITOR, variant: 'azure-front-door-error-passed-origin', logOnly: true },
];

export default defineGateway({
  id: 'azure-front-door',
  name: 'Azure Front Door',
  kind: 'cdn',
  fingerprint: [
    { header: 'x-azure-ref', weight: 0.95, note: "Front Door's reference for this request, on every response it serves" }, // HEADERS
    { header: 'x-azure-ref-originshield', weight: 0.95, note: "Front Door's origin-shield reference" },
    { header: 'x-cache', equals: 'CONFIG_NOCACHE', weight: 0.8, note: 'Azure Front Door / Azure CDN cache status' },
    { header: 'x-cache', equals: 'PRIVATE_NOSTORE', weight: 0.8, note: 'Azure Front Door / Azure CDN cache status' },
    { header: 'x-cache', equals: 'TCP_REMOTE_HIT', weight: 0.6, note: 'Azure Front Door / Azure CDN cache status' },
    { text: OLD_PAGE, weight: 0.85, note: "the text of Front Door's older error page" },
    { text: NEW_PAGE, weight: 0.9, note: "the text of Front Door's newer error page" },
    { text: NEW_PAGE_SENTENCE, weight: 0.9, note: "the text of Front Door's newer error page" },
    { text: NO_CONFIG, weight: 0.9, note: "Front Door's page for a host name with no Front Door configuration" },
    { text: 'x-azure-ref id:', weight: 0.85, note: "Front Door's error page prints its reference" },
  ],
  variants: [
    ...infoVariants,
    {
      id: 'azure-front-door-service-isnt-responding-own-page',
      title: "The service isn't responding to Azure Front Door (its own page)",
      when: [{ any: [{ text: NEW_PAGE }, { text: NEW_PAGE_SENTENCE }] }],
      meaning: 'Front Door wrote this page: it could not get a response from the origin.',
      causes: { 'origin-unreachable': 0.4, 'origin-timeout': 0.35, overloaded: 0.15, maintenance: 0.1 },
      source: 'gateway',
      tellApart: ERROR_INFO,
      reference: TROUBLESHOOT_5XX,
    },
    {
      id: 'azure-front-door-configuration-not-found',
      title: "Oops! We weren't able to find your Azure Front Door Service configuration",
      when: [{ text: NO_CONFIG }],
      meaning:
        'The host name reached Front Door but no Front Door profile serves it: the custom domain is not added (or not yet validated), or its DNS still points at a deleted endpoint.',
      causes: { unknown: 1 },
      source: 'gateway',
      advice: {
        owner: [
          'Add and validate the custom domain on the Front Door profile, and associate it with a route; or remove the CNAME that points at a deleted endpoint.',
        ],
      },
      reference: CUSTOM_DOMAIN,
    },
    {
      id: 'azure-front-door-503-doors-own-page',
      title: "503 (Front Door's own page)",
      when: [{ status: 503 }, { text: OLD_PAGE }],
      meaning:
        'Front Door could not get a valid response from the origin: it timed out, sent something invalid (for example a byte-range request answered compressed), refused the connection, or failed TLS.',
      causes: { 'origin-invalid-response': 0.3, 'origin-timeout': 0.3, 'origin-unreachable': 0.25, 'origin-tls': 0.15 },
      source: 'gateway',
      tellApart: ERROR_INFO,
      reference: TROUBLESHOOT_5XX,
    },
    {
      id: 'azure-front-door-our-services-arent-available-right-now',
      title: "Our services aren't available right now (Front Door's own page)",
      when: [{ text: OLD_PAGE }],
      meaning: 'Front Door answered itself with its generic error page: no usable origin answered, or the request matched no enabled route.',
      causes: { 'origin-unreachable': 0.45, 'origin-timeout': 0.2, 'origin-invalid-response': 0.15, unknown: 0.2 },
      source: 'gateway',
      tellApart: `${ERROR_INFO} If the route or origin group is disabled or missing, every request gets this page.`,
      reference: TROUBLESHOOT,
    },
    // A 504 with no page of Front Door's is still most likely a timeout, its own or a gateway's behind it; a 503 with
    // headers only is one of the origin failures the ErrorInfo list names (the troubleshooting article: 504 =
    // OriginTimeout, 503 = OriginInvalidResponse); an origin may send either too.
    {
      id: 'azure-front-door-504-gateway-timeout',
      title: '504 Gateway Timeout (Front Door)',
      when: [{ status: 504 }, { header: 'x-azure-ref' }],
      meaning:
        'Most 504s through Front Door mean the origin did not answer within the origin response timeout (30 s by default); an origin can also send its own 504.',
      causes: { 'origin-timeout': 0.8, 'origin-unreachable': 0.2 },
      source: 'unknown',
      tellApart: ERROR_INFO,
      reference: TROUBLESHOOT_5XX,
    },
    {
      id: 'azure-front-door-503-no-body',
      title: '503 from Front Door (its body not seen)',
      when: [{ status: 503 }, { header: 'x-azure-ref' }, { body: 'unseen' }],
      meaning:
        'A 503 from Front Door is an origin it could not use: an invalid response (OriginInvalidResponse), a refused or failed connection, a DNS failure or a TLS failure to the origin; the origin may also have sent its own 503.',
      causes: { 'origin-invalid-response': 0.3, 'origin-unreachable': 0.3, 'origin-tls': 0.15, 'origin-timeout': 0.15, overloaded: 0.1 },
      source: 'unknown',
      tellApart: ERROR_INFO,
      reference: TROUBLESHOOT_5XX,
    },
    {
      id: 'azure-front-door-error-passed-origin',
      title: 'Error passed on from the origin',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: "The page is not Front Door's own: the origin wrote this error and Front Door passed it on (the access log's ErrorInfo then reads NoError).",
      causes: { 'origin-app-error': 0.6, overloaded: 0.25, maintenance: 0.15 },
      source: 'origin',
      tellApart: ERROR_INFO,
      reference: MONITOR,
    },
  ],
  advice: {
    visitor: [],
    owner: ['Quote the X-Azure-Ref value to Microsoft support, and search the Front Door access log for it.'],
  },
  bodyTells:
    "Front Door's own page ends with \"Error Info:<value>\" (OriginTimeout, OriginConnectionRefused, SSLHandshakeError…), the access log's name for the failure; a page without it is the origin's.",
  documented,
  statusPage: 'https://azure.status.microsoft/en-us/status',
  sources: [MONITOR, TROUBLESHOOT, HEADERS, DEBUG_HEADERS, CUSTOM_DOMAIN],
});
