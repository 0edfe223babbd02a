// Azure Application Gateway (v1, v2, WAF): its own responses name it in Server and in the footer of its nginx-style pages.
import { defineGateway, type DocumentedError, type Variant } from './types';

// "HTTP response codes in Application Gateway": what each status it sends itself means (4xx and 5xx sections).
const RESPONSE_CODES = 'https://learn.microsoft.com/azure/application-gateway/http-response-codes';
const codes = (anchor: string) => `${RESPONSE_CODES}#${anchor}`;
const TROUBLESHOOT_502 = 'https://learn.microsoft.com/azure/application-gateway/application-gateway-troubleshooting-502';
const BACKEND_HEALTH = 'https://learn.microsoft.com/azure/application-gateway/application-gateway-backend-health-troubleshooting';
const CUSTOM_ERRORS = 'https://learn.microsoft.com/azure/application-gateway/custom-error';
const WAF_LIMITS = 'https://learn.microsoft.com/azure/web-application-firewall/ag/application-gateway-waf-request-size-limits';

// Its default pages are nginx's layout with its own footer line: "<hr><center>Microsoft-Azure-Application-Gateway/v2</center>"
// (seen on its pages; the docs describe the statuses, not the page). Server carries the same name on its own answers.
const OWN_PAGE = { text: 'microsoft-azure-application-gateway' } as const;
const OWN_SERVER = { header: 'server', startsWith: 'Microsoft-Azure-Application-Gateway' } as const;
const ITS_OWN = { any: [OWN_PAGE, OWN_SERVER] } as const;
// v1 answered a failed backend with IIS/ARR's page (iis.ts explains it; see runsOn).
const V1_502_PAGE = '502 - Web server received an invalid response while acting as a gateway or proxy server.';

const HEALTH =
  'Open the gateway\'s Backend health blade: "Unhealthy" or "could not be retrieved" for every server means the probes fail (NSG, UDR or custom DNS blocking, wrong probe path or host, probe status outside 200-399); all healthy means the backend was slow or its TLS certificate did not match. The access log\'s serverStatus and serverResponseLatency show what the backend did.';

const badGateway = {
  meaning:
    "Application Gateway had no healthy backend to send the request to, or could not get a valid response from the one it chose: the article names NSGs, route tables or custom DNS blocking the backends, failing default or custom health probes, an empty backend pool, no healthy instance, and (v1) a backend slower than the backend setting's timeout.",
  causes: { 'origin-unreachable': 0.6, 'origin-tls': 0.15, 'origin-timeout': 0.15, 'origin-invalid-response': 0.1 },
  source: 'gateway',
  tellApart: HEALTH,
  advice: {
    owner: ["Check that NSGs and route tables on the gateway subnet let it reach the backends, and that the health probe's host and path return 200-399."],
  },
  reference: codes('502--bad-gateway'),
} as const;

const timeout = {
  meaning: "The backend did not answer within the backend setting's request timeout (20 s by default): Application Gateway v2 answers 504 then.",
  causes: { 'origin-timeout': 0.85, overloaded: 0.15 },
  source: 'gateway',
  tellApart: HEALTH,
  advice: { owner: ["Raise the backend setting's request timeout if the work is legitimately long, or make the backend answer faster."] },
  reference: codes('504--gateway-time-out'),
} as const;

// The statuses the article says the gateway sends itself for the client's request or its own configuration.
const ownStatus = (status: number, name: string, anchor: string, meaning: string, causes: Variant['causes'], extra: Partial<Variant> = {}): Variant => ({
  id: `azure-app-gateway-${status}-${name}`,
  title: `${status} (Application Gateway)`,
  when: [{ status }, ITS_OWN],
  meaning,
  causes,
  source: 'gateway',
  reference: codes(anchor),
  ...extra,
});

const page = (status: number, reason: string) =>
  `<html><head><title>${status} ${reason}</title></head><body><center><h1>${status} ${reason}</h1></center><hr><center>Microsoft-Azure-Application-Gateway/v2</center></body></html>`;
const V2 = { server: 'Microsoft-Azure-Application-Gateway/v2' };

const documented: DocumentedError[] = [
  {
    name: '400 Bad Request',
    reference: codes('400--bad-request'),
    variant: 'azure-app-gateway-400-bad-request',
    example: { status: 400, body: page(400, 'Bad Request') },
  },
  { name: "401 Unauthorized (the backend's answer, relayed)", reference: codes('401--unauthorized') },
  {
    name: '403 Forbidden (WAF)',
    reference: codes('403--forbidden'),
    variant: 'azure-app-gateway-403-forbidden-web-application-firewall',
    example: { status: 403, body: page(403, 'Forbidden') },
  },
  { name: '404 Not Found', reference: codes('404--page-not-found'), variant: 'azure-app-gateway-404-not-found', example: { status: 404, headers: V2 } },
  {
    name: '408 Request Time-out',
    reference: codes('408--request-time-out'),
    variant: 'azure-app-gateway-408-request-time-out',
    example: { status: 408, headers: V2 },
  },
  {
    name: '413 Request Entity Too Large',
    reference: codes('413--request-entity-too-large'),
    variant: 'azure-app-gateway-413-request-entity-too-large',
    example: { status: 413, body: page(413, 'Request Entity Too Large') },
  },
  { name: '499 Client closed the connection', reference: codes('499--client-closed-the-connection'), logOnly: true },
  {
    name: '500 Internal Server Error',
    reference: codes('500--internal-server-error'),
    variant: 'azure-app-gateway-500-internal-server-error',
    example: { status: 500, headers: V2 },
  },
  {
    name: '502 Bad Gateway',
    reference: codes('502--bad-gateway'),
    variant: 'azure-app-gateway-502-bad-application-gateways-own-page',
    example: { status: 502, body: page(502, 'Bad Gateway') },
  },
  {
    name: '502 Bad Gateway (v1, IIS/ARR page)',
    reference: TROUBLESHOOT_502,
    variant: 'azure-app-gateway-502-bad-application',
    example: { status: 502, headers: { server: 'Microsoft-Azure-Application-Gateway/v1' }, body: `<h2>${V1_502_PAGE}</h2>` },
  },
  {
    name: 'ERRORINFO_INVALID_HEADER (access log: a client header with CR LF)',
    reference: codes('errorinfo_invalid_header-error-in-access-logs'),
    logOnly: true,
  },
  {
    name: '504 Gateway Time-out',
    reference: codes('504--gateway-time-out'),
    variant: 'azure-app-gateway-504-time-out-application-gateways-own',
    example: { status: 504, body: page(504, 'Gateway Time-out') },
  },
];

export default defineGateway({
  id: 'azure-app-gateway',
  name: 'Azure Application Gateway',
  kind: 'load-balancer',
  // v2's default pages are nginx's (with its "a padding to disable MSIE and Chrome friendly error page" comments);
  // v1 wrote IIS/ARR's "502 - Web server received an invalid response…" page.
  runsOn: ['nginx', 'iis'],
  fingerprint: [
    { ...OWN_SERVER, weight: 0.95, note: "Application Gateway names itself on responses it writes (relayed ones keep the backend's Server)" },
    { ...OWN_PAGE, weight: 0.95, note: "the footer of Application Gateway's own error pages" },
  ],
  variants: [
    {
      id: 'azure-app-gateway-502-bad-application-gateways-own-page',
      title: "502 Bad Gateway (Application Gateway's own page)",
      when: [{ status: 502 }, OWN_PAGE],
      ...badGateway,
    },
    {
      id: 'azure-app-gateway-504-time-out-application-gateways-own',
      title: "504 Gateway Time-out (Application Gateway's own page)",
      when: [{ status: 504 }, OWN_PAGE],
      ...timeout,
    },
    // Server names the gateway only on what it wrote itself, so with headers alone it is still the author.
    { id: 'azure-app-gateway-502-bad-application', title: '502 Bad Gateway (Application Gateway)', when: [{ status: 502 }, OWN_SERVER], ...badGateway },
    { id: 'azure-app-gateway-504-time-out-application', title: '504 Gateway Time-out (Application Gateway)', when: [{ status: 504 }, OWN_SERVER], ...timeout },
    {
      id: 'azure-app-gateway-403-forbidden-web-application-firewall',
      title: '403 Forbidden (Web Application Firewall)',
      when: [{ status: 403 }, ITS_OWN],
      meaning: 'The Web Application Firewall on the gateway blocked this request; the backend never saw it.',
      causes: { unknown: 1 },
      source: 'gateway',
      tellApart: 'The WAF log (ApplicationGatewayFirewallLog) lists the rule that matched this request.',
      reference: codes('403--forbidden'),
    },
    ownStatus(
      400,
      'bad-request',
      '400--bad-request',
      "Application Gateway rejected the client's request: plain HTTP to an HTTPS listener, a failed client-certificate check (mutual TLS), or a request that breaks the HTTP rules (a missing or malformed Host, illegal characters, a duplicate or invalid Content-Length).",
      { unknown: 1 },
    ),
    ownStatus(
      404,
      'not-found',
      '404--page-not-found',
      "The request's host name matches none of the gateway's multi-site listeners and there is no basic listener (v2).",
      { unknown: 1 },
    ),
    ownStatus(408, 'request-time-out', '408--request-time-out', "The client did not finish sending its request to the gateway's listener within 60 seconds.", {
      unknown: 1,
    }),
    ownStatus(
      413,
      'request-entity-too-large',
      '413--request-entity-too-large',
      'The Web Application Firewall refused a request body larger than its limit.',
      { unknown: 1 },
      { advice: { owner: ["Raise the WAF policy's maximum request body size, or exclude the path from body inspection."] }, reference: WAF_LIMITS },
    ),
    ownStatus(
      500,
      'internal-server-error',
      '500--internal-server-error',
      "An internal error of Application Gateway itself: Microsoft's article says it should not send 500 and asks for a support request.",
      { unknown: 1 },
      { advice: { owner: ['Open a support request with Microsoft: the backend did not cause this.'] } },
    ),
    {
      id: 'azure-app-gateway-error-page-written-application',
      title: 'Error page written by Application Gateway',
      when: [OWN_PAGE],
      meaning: "Application Gateway wrote this error itself rather than passing on the backend's answer.",
      causes: { 'origin-unreachable': 0.5, 'origin-timeout': 0.3, unknown: 0.2 },
      source: 'gateway',
      tellApart: HEALTH,
      reference: RESPONSE_CODES,
    },
  ],
  advice: {
    visitor: [],
    owner: ['The Backend health blade and the access log (serverStatus, serverRouted) show whether the gateway reached a backend at all.'],
  },
  bodyTells:
    'Application Gateway\'s own page is a bare status page with "Microsoft-Azure-Application-Gateway/v2" as its footer, or a custom error page set on the listener; a backend\'s page passes through unchanged.',
  documented,
  statusPage: 'https://azure.status.microsoft/en-us/status',
  sources: [RESPONSE_CODES, TROUBLESHOOT_502, BACKEND_HEALTH, CUSTOM_ERRORS, WAF_LIMITS],
});
