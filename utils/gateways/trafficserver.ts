// Apache Traffic Server: its body-factory pages ("Could Not Connect", "Inactivity Timeout", …) and the status line's reason phrase name the failure.
import { defineGateway } from './types';

const TRANSACT_CC = 'https://github.com/apache/trafficserver/blob/master/src/proxy/http/HttpTransact.cc';
const BODY_FACTORY = 'https://github.com/apache/trafficserver/tree/master/configs/body_factory/default';
const RECORDS = 'https://docs.trafficserver.apache.org/en/latest/admin-guide/files/records.yaml.en.html';

// Every default template has the same layout: <H1>title</H1> then "Description: …".
const DESCRIPTION = 'description:';

const LOG =
  'The status line\'s reason phrase names the failure (e.g. "502 Connection refused", "502 Malformed Server Response Status", "502 Invalid HTTP Response", "504 Connection Timed Out", "503 Origin server congested"), and diags.log has "CONNECT: attempt fail [CONNECTION_ERROR] … connection_result=…" lines (ENET_SSL_CONNECT_FAILED for TLS); the squid-format access log shows ERR_CONNECT_FAIL, ERR_READ_TIMEOUT and the like.';

export default defineGateway({
  id: 'trafficserver',
  name: 'Apache Traffic Server',
  kind: 'cache',
  fingerprint: [
    { header: 'server', startsWith: 'ats/', weight: 0.85, note: 'Traffic Server names itself "ATS/<version>" in the Server header' },
    { header: 'via', includes: 'apachetrafficserver', weight: 0.9, note: 'Traffic Server\'s Via entry, when enabled, reads "(ApacheTrafficServer/<version> [codes])"' },
    { text: 'could not connect to the requested server host', weight: 0.8, note: 'Traffic Server\'s "Could Not Connect" page' },
    { text: 'the host requested did not return the document correctly', weight: 0.8, note: 'Traffic Server\'s "Web Server Error" page' },
    { text: 'too much time has passed without sending any data for document', weight: 0.8, note: 'Traffic Server\'s "Inactivity Timeout" page' },
    { text: 'the server requested closed the connection before the transaction was completed', weight: 0.8, note: 'Traffic Server\'s "Server Connection Closed" page' },
    { text: 'all of the addresses are marked down', weight: 0.8, note: 'Traffic Server\'s "No Valid Host" page' },
    { text: 'not found on accelerator', weight: 0.8, note: 'Traffic Server\'s page when no remap rule matches' },
  ],
  variants: [
    {
      id: 'trafficserver-could-not-connect', title: 'Could Not Connect',
      when: [{ text: 'could not connect to the requested server host' }],
      meaning: 'Traffic Server could not connect to the origin after its retries: the connection was refused or failed, or the TLS handshake with the origin failed.',
      causes: { 'origin-unreachable': 0.75, 'origin-tls': 0.2, overloaded: 0.05 },
      source: 'gateway',
      tellApart: `A refusal shows "502 Connection refused" and "connection_result=Connection refused [111]"; a TLS failure "connection_result=ENET_SSL_CONNECT_FAILED". ${LOG}`,
      reference: TRANSACT_CC,
    },
    {
      id: 'trafficserver-web-server-error', title: 'Web Server Error',
      when: [{ text: 'the host requested did not return the document correctly' }],
      meaning: 'The origin did not return a usable response: it closed or reset the connection before a status line ("Malformed Server Response Status"), or sent something that is not HTTP ("Invalid HTTP Response").',
      causes: { 'origin-reset': 0.55, 'origin-invalid-response': 0.45 },
      source: 'gateway',
      tellApart: LOG,
      reference: TRANSACT_CC,
    },
    {
      id: 'trafficserver-server-connection-closed', title: 'Server Connection Closed',
      when: [{ text: 'the server requested closed the connection before' }],
      meaning: 'The origin closed the connection before the transaction was complete.',
      causes: { 'origin-reset': 0.85, 'origin-app-error': 0.15 },
      source: 'gateway',
      reference: TRANSACT_CC,
    },
    {
      id: 'trafficserver-inactivity-timeout', title: 'Inactivity Timeout',
      when: [{ text: 'too much time has passed without sending any data for document' }],
      meaning: 'The origin sent nothing for longer than the inactivity timeout (transaction_no_activity_timeout_out, 30 s by default), or the connection could not be opened in time.',
      causes: { 'origin-timeout': 0.85, 'origin-unreachable': 0.15 },
      source: 'gateway',
      tellApart: LOG,
      reference: TRANSACT_CC,
    },
    {
      id: 'trafficserver-activity-timeout', title: 'Activity Timeout',
      when: [{ text: 'too much time has passed transmitting document' }],
      meaning: 'The whole transaction took longer than the active timeout (transaction_active_timeout_out).',
      causes: { 'origin-timeout': 1 },
      source: 'gateway',
      reference: TRANSACT_CC,
    },
    {
      id: 'trafficserver-unknown-host', title: 'Unknown Host',
      when: [{ text: 'unable to locate the server requested' }],
      meaning: 'Traffic Server could not resolve the origin\'s host name (it answers 500 "Cannot find server.").',
      causes: { 'origin-unreachable': 1 },
      source: 'gateway',
      reference: 'https://github.com/apache/trafficserver/blob/master/configs/body_factory/default/connect%23dns_failed',
    },
    {
      id: 'trafficserver-no-valid-host', title: 'No Valid Host',
      when: [{ text: 'all of the addresses are marked down' }],
      meaning: 'Every address of the origin (or every parent) is marked down after failed connections.',
      causes: { 'origin-unreachable': 0.9, overloaded: 0.1 },
      source: 'gateway',
      reference: 'https://github.com/apache/trafficserver/blob/master/configs/body_factory/default/connect%23all_down',
    },
    {
      id: 'trafficserver-error-could-not-process-request-502', title: 'Error: could not process this request (502)',
      when: [{ status: 502 }, { text: 'could not process this request' }],
      meaning: 'Traffic Server\'s generic page, used when the specific template is missing: at 502 it is a failed connection to the next hop (origin or parent), such as one marked down ("Next Hop Connection Failed").',
      causes: { 'origin-unreachable': 0.85, 'origin-reset': 0.15 },
      source: 'gateway',
      tellApart: LOG,
      reference: TRANSACT_CC,
    },
    {
      id: 'trafficserver-error-could-not-process-request-503', title: 'Error: could not process this request (503)',
      when: [{ status: 503 }, { text: 'could not process this request' }],
      meaning: 'Traffic Server\'s generic page at 503: the origin is "congested", i.e. Traffic Server\'s per-origin connection limit (outbound max connections) is reached, or a parent is congested.',
      causes: { overloaded: 0.8, 'origin-unreachable': 0.2 },
      source: 'gateway',
      tellApart: LOG,
      reference: TRANSACT_CC,
    },
    {
      id: 'trafficserver-not-found-accelerator', title: 'Not Found on Accelerator',
      when: [{ text: 'not found on accelerator' }],
      meaning: 'No remap rule matches this host, so Traffic Server does not know which origin to use.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: 'https://github.com/apache/trafficserver/blob/master/configs/body_factory/default/urlrouting%23no_mapping',
    },
    {
      id: 'trafficserver-unavailable-announced-origin-retry-after', title: 'Unavailable, as announced by the origin (Retry-After)',
      when: [{ status: 503 }, { header: 'retry-after' }, { text: DESCRIPTION, absent: true }],
      meaning: 'The origin itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Traffic Server relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'trafficserver-error-passed-origin', title: 'Error passed on from the origin',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      meaning: 'The page is not one of Traffic Server\'s templates (which all read "Description: …"): the origin wrote it and Traffic Server relayed it.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: BODY_FACTORY,
    },
  ],
  advice: {
    visitor: [],
    owner: ['Traffic Server\'s diags.log and access log (squid format) name the failure; the reason phrase of the error\'s status line does too.'],
  },
  sources: [TRANSACT_CC, BODY_FACTORY, RECORDS],
});
