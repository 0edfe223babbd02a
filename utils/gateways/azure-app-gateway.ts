// Azure Application Gateway (v2, incl. WAF): nginx-style pages whose footer reads "Microsoft-Azure-Application-Gateway/v2".
import { defineGateway } from './types';

const TROUBLESHOOT_502 = 'https://learn.microsoft.com/azure/application-gateway/application-gateway-troubleshooting-502';
const BACKEND_HEALTH = 'https://learn.microsoft.com/azure/application-gateway/application-gateway-backend-health-troubleshooting';
const CUSTOM_ERRORS = 'https://learn.microsoft.com/azure/application-gateway/custom-error';
const FOOTER_CAPTURE = 'https://github.com/MicrosoftDocs/azure-docs/issues/110739';

// The footer line of its default pages: "<hr><center>Microsoft-Azure-Application-Gateway/v2</center>".
const OWN_PAGE = { text: 'microsoft-azure-application-gateway' } as const;
const OWN_SERVER = { header: 'server', startsWith: 'Microsoft-Azure-Application-Gateway' } as const;

const HEALTH =
  'Open the gateway\'s Backend health blade: "Unhealthy" or "could not be retrieved" for every server means the probes fail (NSG, UDR or custom DNS blocking, wrong probe path or host, probe status outside 200-399); all healthy means the backend was slow or its TLS certificate did not match. The access log\'s serverStatus and serverResponseLatency show what the backend did.';

const badGateway = {
  meaning: 'Application Gateway had no healthy backend to send the request to, or could not get a valid response from the one it chose (an empty pool, failing health probes, TLS mismatch, or a timeout on v1).',
  causes: { 'origin-unreachable': 0.6, 'origin-tls': 0.15, 'origin-timeout': 0.15, 'origin-invalid-response': 0.1 },
  source: 'gateway',
  tellApart: HEALTH,
  advice: { owner: ['Check that NSGs and route tables on the gateway subnet let it reach the backends, and that the health probe\'s host and path return 200-399.'] },
  reference: TROUBLESHOOT_502,
} as const;

const timeout = {
  meaning: 'The backend did not answer within the backend setting\'s request timeout (20 s by default); Application Gateway v2 tried a second backend, which timed out too.',
  causes: { 'origin-timeout': 0.85, overloaded: 0.15 },
  source: 'gateway',
  tellApart: HEALTH,
  advice: { owner: ['Raise the backend setting\'s request timeout if the work is legitimately long, or make the backend answer faster.'] },
  reference: TROUBLESHOOT_502,
} as const;

export default defineGateway({
  id: 'azure-app-gateway',
  name: 'Azure Application Gateway',
  kind: 'load-balancer',
  // v2's default pages carry nginx's "a padding to disable MSIE and Chrome friendly error page" comments; v1 wrote IIS/ARR's
  // "502 - Web server received an invalid response…" page (see the 502 troubleshooting article).
  runsOn: ['nginx', 'iis'],
  fingerprint: [
    { ...OWN_SERVER, weight: 0.95, note: 'Application Gateway names itself on responses it writes' },
    { ...OWN_PAGE, weight: 0.95, note: 'the footer of Application Gateway\'s own error pages' },
  ],
  variants: [
    { id: 'azure-app-gateway-502-bad-application-gateways-own-page', title: '502 Bad Gateway (Application Gateway\'s own page)', when: [{ status: 502 }, OWN_PAGE], ...badGateway },
    { id: 'azure-app-gateway-504-time-out-application-gateways-own', title: '504 Gateway Time-out (Application Gateway\'s own page)', when: [{ status: 504 }, OWN_PAGE], ...timeout },
    { id: 'azure-app-gateway-502-bad-application', title: '502 Bad Gateway (Application Gateway)', when: [{ status: 502 }, OWN_SERVER], ...badGateway },
    { id: 'azure-app-gateway-504-time-out-application', title: '504 Gateway Time-out (Application Gateway)', when: [{ status: 504 }, OWN_SERVER], ...timeout },
    {
      id: 'azure-app-gateway-403-forbidden-web-application-firewall', title: '403 Forbidden (Web Application Firewall)',
      when: [{ status: 403 }, OWN_PAGE],
      meaning: 'The Web Application Firewall on the gateway blocked this request; the backend never saw it.',
      causes: { unknown: 1 },
      source: 'gateway',
      tellApart: 'The WAF log (ApplicationGatewayFirewallLog) lists the rule that matched this request.',
      reference: CUSTOM_ERRORS,
    },
    {
      id: 'azure-app-gateway-error-page-written-application', title: 'Error page written by Application Gateway',
      when: [OWN_PAGE],
      meaning: 'Application Gateway wrote this error itself rather than passing on the backend\'s answer.',
      causes: { 'origin-unreachable': 0.5, 'origin-timeout': 0.3, unknown: 0.2 },
      source: 'gateway',
      tellApart: HEALTH,
      reference: TROUBLESHOOT_502,
    },
  ],
  advice: {
    visitor: [],
    owner: ['The Backend health blade and the access log (serverStatus, serverRouted) show whether the gateway reached a backend at all.'],
  },
  statusPage: 'https://azure.status.microsoft/en-us/status',
  sources: [TROUBLESHOOT_502, BACKEND_HEALTH, CUSTOM_ERRORS, FOOTER_CAPTURE],
});
