// Azure Front Door (and Azure CDN from Microsoft): X-Azure-Ref on every response; its own page says "Our services aren't available right now".
import { defineGateway } from './types';

const TROUBLESHOOT = 'https://learn.microsoft.com/azure/frontdoor/troubleshoot-issues';
const HEADERS = 'https://learn.microsoft.com/azure/frontdoor/front-door-http-headers-protocol';
const DEBUG_HEADERS = 'https://learn.microsoft.com/azure/cdn/cdn-msft-http-debug-headers';
const LOGS = 'https://learn.microsoft.com/azure/frontdoor/standard-premium/how-to-logs';
const B2C_DOMAIN = 'https://learn.microsoft.com/azure/active-directory-b2c/custom-domain';

// "Our services aren't available right now. We're working to restore all services as soon as possible. Please check back soon."
const OWN_PAGE = { text: 'working to restore all services as soon as possible' } as const;
// The newer page: "The service behind this page isn't responding to Azure Front Door." … "Error Info:OriginTimeout"
// (captured in https://github.com/microsoft/StoreBroker/issues/289).
const NEW_PAGE = { text: 'responding to azure front door' } as const;

const ERROR_INFO =
  'Search Front Door\'s access log (FrontDoorAccessLog) for this X-Azure-Ref: the ErrorInfo field names the failure, e.g. OriginTimeout, OriginInvalidResponse, OriginConnectionError, or NoError when the origin itself sent the error. Sending "X-Azure-DebugInfo: 1" with a request also returns debug headers such as X-Azure-OriginStatusCode.';

export default defineGateway({
  id: 'azure-front-door',
  name: 'Azure Front Door',
  kind: 'cdn',
  fingerprint: [
    { header: 'x-azure-ref', weight: 0.95, note: 'Front Door\'s reference for this request' },
    { header: 'x-azure-ref-originshield', weight: 0.95, note: 'Front Door\'s origin-shield reference' },
    { header: 'x-cache', equals: 'CONFIG_NOCACHE', weight: 0.8, note: 'Azure Front Door / Azure CDN cache status' },
    { header: 'x-cache', equals: 'PRIVATE_NOSTORE', weight: 0.8, note: 'Azure Front Door / Azure CDN cache status' },
    { header: 'x-cache', equals: 'TCP_REMOTE_HIT', weight: 0.6, note: 'Azure Front Door / Azure CDN cache status' },
    { ...OWN_PAGE, weight: 0.85, note: 'the text of Front Door\'s own error page' },
    { ...NEW_PAGE, weight: 0.9, note: 'the text of Front Door\'s newer error page' },
    { text: 'x-azure-ref id:', weight: 0.85, note: 'Front Door\'s error page prints its reference' },
  ],
  variants: [
    {
      id: 'azure-front-door-error-info-origintimeout-doors-own-page', title: 'Error Info: OriginTimeout (Front Door\'s own page)',
      when: [{ text: 'error info:origintimeout' }],
      meaning: 'Front Door\'s page names the failure: the origin did not answer within the origin response timeout (30 s by default).',
      causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
      source: 'gateway',
      tellApart: ERROR_INFO,
      reference: LOGS,
    },
    {
      id: 'azure-front-door-error-info-originconnectionerror-originconnectionrefused-doors-own', title: 'Error Info: OriginConnectionError or OriginConnectionRefused (Front Door\'s own page)',
      when: [{ any: [{ text: 'error info:originconnectionerror' }, { text: 'error info:originconnectionrefused' }] }],
      meaning: 'Front Door\'s page names the failure: it could not open a connection to the origin.',
      causes: { 'origin-unreachable': 0.9, 'origin-tls': 0.1 },
      source: 'gateway',
      tellApart: ERROR_INFO,
      reference: LOGS,
    },
    {
      id: 'azure-front-door-error-info-origininvalidresponse-doors-own-page', title: 'Error Info: OriginInvalidResponse (Front Door\'s own page)',
      when: [{ text: 'error info:origininvalidresponse' }],
      meaning: 'Front Door\'s page names the failure: the origin\'s response was invalid or unexpected.',
      causes: { 'origin-invalid-response': 0.9, 'origin-reset': 0.1 },
      source: 'gateway',
      tellApart: ERROR_INFO,
      reference: LOGS,
    },
    {
      id: 'azure-front-door-service-isnt-responding-own-page', title: 'The service isn\'t responding to Azure Front Door (its own page)',
      when: [NEW_PAGE],
      meaning: 'Front Door wrote this page: it could not get a response from the origin.',
      causes: { 'origin-unreachable': 0.4, 'origin-timeout': 0.35, overloaded: 0.15, maintenance: 0.1 },
      source: 'gateway',
      tellApart: ERROR_INFO,
      reference: TROUBLESHOOT,
    },
    {
      id: 'azure-front-door-503-doors-own-page', title: '503 (Front Door\'s own page)',
      when: [{ status: 503 }, OWN_PAGE],
      meaning: 'Front Door could not get a valid response from the origin: it timed out, sent something invalid (for example a byte-range request answered compressed), refused the connection, or failed TLS.',
      causes: { 'origin-invalid-response': 0.3, 'origin-timeout': 0.3, 'origin-unreachable': 0.25, 'origin-tls': 0.15 },
      source: 'gateway',
      tellApart: ERROR_INFO,
      reference: TROUBLESHOOT,
    },
    {
      id: 'azure-front-door-our-services-arent-available-right-now', title: 'Our services aren\'t available right now (Front Door\'s own page)',
      when: [OWN_PAGE],
      meaning: 'Front Door answered itself with its generic error page: no usable origin answered, or the request matched no enabled route.',
      causes: { 'origin-unreachable': 0.45, 'origin-timeout': 0.2, 'origin-invalid-response': 0.15, unknown: 0.2 },
      source: 'gateway',
      tellApart: `${ERROR_INFO} If the route or origin group is disabled or missing, every request gets this page.`,
      reference: B2C_DOMAIN,
    },
    {
      id: 'azure-front-door-504-gateway-timeout', title: '504 Gateway Timeout (Front Door)',
      when: [{ status: 504 }, { header: 'x-azure-ref' }],
      meaning: 'Most 504s through Front Door mean the origin did not answer within the origin response timeout (30 s by default); an origin can also send its own 504.',
      causes: { 'origin-timeout': 0.8, 'origin-unreachable': 0.2 },
      source: 'unknown',
      tellApart: ERROR_INFO,
      reference: TROUBLESHOOT,
    },
    {
      id: 'azure-front-door-error-passed-origin', title: 'Error passed on from the origin',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: 'The page is not Front Door\'s own: the origin wrote this error and Front Door passed it on.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.25, maintenance: 0.15 },
      source: 'origin',
      tellApart: ERROR_INFO,
      reference: LOGS,
    },
  ],
  advice: {
    visitor: [],
    owner: ['Quote the X-Azure-Ref value to Microsoft support, and search the Front Door access log for it.'],
  },
  statusPage: 'https://azure.status.microsoft/en-us/status',
  sources: [TROUBLESHOOT, HEADERS, DEBUG_HEADERS, LOGS, B2C_DOMAIN],
});
