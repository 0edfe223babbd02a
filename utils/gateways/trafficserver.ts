// Apache Traffic Server: the status line's own reason phrase and its body-factory page ("Could Not Connect", "Inactivity Timeout", …) name the failure.
import { defineGateway, type DocumentedError, type Marker, type Variant } from './types';

// Traffic Server read at one commit (master, 10.x/11 development).
const B = 'https://github.com/apache/trafficserver/blob/1372b5efba2508e82252799e1242bd1b7ab121f5';
const TRANSACT = `${B}/src/proxy/http/HttpTransact.cc`;
const SERVER_DOWN = `${TRANSACT}#L8022-L8119`; // handle_server_down: the status, reason and template for each way the origin failed
const TEMPLATES = `${B}/configs/body_factory/default`;
const template = (name: string) => `${TEMPLATES}/${name.replace('#', '%23')}`;
const ERROR_HEADERS = `${TRANSACT}#L8604-L8608`; // Cache-Control: no-store on every error it builds
const RECORDS = `${B}/src/records/RecordsConfig.cc`;

// Every default template is <H1>title</H1> then "Description: <sentence>"; these are the sentences.
const TEXT = {
  connect: 'Could not connect to the requested server host.',
  badResponse: 'The host requested did not return the document correctly.',
  hangup: 'The server requested closed the connection before the transaction was completed.',
  inactivity: 'Too much time has passed without sending any data for document.',
  activity: 'Too much time has passed transmitting document.',
  dns: 'Unable to locate the server requested --- the server does not have a DNS entry.',
  allDown: 'all of the addresses are marked down',
  generic: 'Could not process this request.',
  noMapping: 'Your request on the specified host was not found. Check the location and try again.',
  notInCache: 'Your request mandated that the document come from cache, but the document is not present in cache.',
  badVersion: 'The web server requested is using an unsupported version of the HTTP protocol.',
} as const;
// The client-side templates: Traffic Server refused the request itself.
const REFUSALS = [
  'You are not allowed to access the document you requested.',
  'Please login with username and password.',
  'You have made a request for a secure SSL connection to a forbidden port number.',
  'because it would cause an HTTP proxy cycle',
  'because the specified Content-Length was invalid',
  'because there was no Content-Length specified',
  'did not send a "Host" HTTP header field',
  'did not send an HTTP "Host" header',
  'because the protocol scheme is unknown',
  'because the request uri was longer than',
  'Unable to provide the document in the format requested by your browser.',
];
// Byte lengths of the default templates (git ls-tree -l at the commit above): with headers only, Content-Length names the page.
const LENGTH = { connect: 247, badResponse: 255, hangup: 294, inactivity: 265, activity: 245, dns: 391, allDown: 389, generic: 207 } as const;

const LOG =
  'diags.log has "CONNECT: attempt fail [CONNECTION_ERROR] … connection_result=…" lines (Connection refused [111], ENET_SSL_CONNECT_FAILED for TLS); the squid-format access log shows ERR_CONNECT_FAIL, ERR_READ_TIMEOUT and the like.';

const ownPage: Marker = { header: 'cache-control', equals: 'no-store' };
const sized = (status: number, length: number): Marker[] => [{ status }, { body: 'unseen' }, ownPage, { header: 'content-length', equals: String(length) }];
const reason = (...phrases: string[]): Marker => ({ any: phrases.map((phrase) => ({ reason: phrase })) });

type Reply = Omit<Variant, 'id' | 'title' | 'when'>;
const COULD_NOT_CONNECT: Reply = {
  meaning:
    'Traffic Server could not connect to the origin after its retries (3 by default): the connection was refused or failed, or the TLS handshake with the origin failed.',
  causes: { 'origin-unreachable': 0.75, 'origin-tls': 0.2, overloaded: 0.05 },
  source: 'gateway',
  tellApart: `The reason phrase is the system error: "502 Connection refused", "502 No route to host"; a TLS failure leaves it empty ("502 "). ${LOG}`,
  reference: `${TRANSACT}#L8031-L8035`,
};
const BAD_RESPONSE: Reply = {
  meaning: 'The origin did not return a usable response: the connection ended before any response header, or what came back is not valid HTTP.',
  causes: { 'origin-reset': 0.5, 'origin-invalid-response': 0.5 },
  source: 'gateway',
  tellApart: `The reason phrase says which: "No Response Header From Server" (closed before a header), "Malformed Server Response", "Malformed Server Response Status", "Invalid HTTP Response" (not HTTP). ${LOG}`,
  reference: `${TRANSACT}#L8062-L8108`,
};
const HANGUP: Reply = {
  meaning: 'The origin closed the connection before the transaction was complete.',
  causes: { 'origin-reset': 0.9, 'origin-app-error': 0.1 },
  source: 'gateway',
  reference: `${TRANSACT}#L8041-L8045`,
};
const INACTIVITY: Reply = {
  meaning:
    'The origin sent nothing for longer than the inactivity timeout (transaction_no_activity_timeout_out, 30 s by default); the same page covers a connection that could not be opened within connect_attempts_timeout (30 s).',
  causes: { 'origin-timeout': 0.75, 'origin-unreachable': 0.25 },
  source: 'gateway',
  tellApart: LOG,
  reference: `${TRANSACT}#L8054-L8061`,
};
const ACTIVITY: Reply = {
  meaning: 'The whole transaction took longer than the active timeout (transaction_active_timeout_out, off by default).',
  causes: { 'origin-timeout': 1 },
  source: 'gateway',
  reference: `${TRANSACT}#L8046-L8053`,
};
const DNS_FAILED: Reply = {
  meaning: 'Traffic Server could not resolve the origin\'s host name, so it answered 500 "Cannot find server.".',
  causes: { 'origin-unreachable': 1 },
  source: 'gateway',
  reference: `${TRANSACT}#L2031-L2034`,
};
const ALL_DOWN: Reply = {
  meaning:
    'Every address of the origin is marked down after failed connections (for down_server.cache_time, 60 s by default), so Traffic Server did not even try.',
  causes: { 'origin-unreachable': 0.9, overloaded: 0.1 },
  source: 'gateway',
  reference: `${TRANSACT}#L2035-L2041`,
};
const CONGESTED: Reply = {
  meaning: "Traffic Server's limit on connections to this origin (per_server.connection.max) or to a parent is reached, so it refused to open another.",
  causes: { overloaded: 0.9, unknown: 0.1 },
  source: 'gateway',
  reference: `${TRANSACT}#L8068-L8073`,
};
const NEXT_HOP_FAILED: Reply = {
  meaning: 'Traffic Server could not connect to the next hop: every parent proxy (or origin address) is down or marked down.',
  causes: { 'origin-unreachable': 0.9, 'origin-reset': 0.1 },
  source: 'gateway',
  tellApart: LOG,
  reference: `${TRANSACT}#L8007-L8008`,
};
const RELAYED: Reply = {
  meaning:
    'The response is not one of Traffic Server\'s own (they carry Cache-Control: no-store, Content-Language and a "Description: …" page): the origin wrote it and Traffic Server relayed it.',
  causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
  source: 'origin',
  reference: `${TRANSACT}#L8604-L8648`,
};

/** The headers Traffic Server puts on an error it builds (Server from response_server_str, HttpTransact.cc#L8604-L8608, HttpBodyFactory.cc#L182-L184). */
const OWN_HEADERS = { server: 'ATS/10.0.2', 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8', 'content-language': 'en' };

/** A default template's page, as the body factory sends it (the documented example). */
const page = (title: string, text: string) =>
  `<HTML>\n<HEAD>\n<TITLE>${title}</TITLE>\n</HEAD>\n\n<BODY BGCOLOR="white" FGCOLOR="black">\n<H1>${title}</H1>\n<HR>\n\n<FONT FACE="Helvetica,Arial"><B>\nDescription: ${text}\n</B></FONT>\n<HR>\n</BODY>\n`;

const documented: DocumentedError[] = [
  // The status lines handle_server_down and its neighbours write (reason phrase first: it is the precise mark).
  ...(
    [
      [502, 'Connection refused', 'trafficserver-502-connect-failed-errno', `${TRANSACT}#L8031-L8035`],
      [502, 'connect failed', 'trafficserver-502-connect-failed-errno', `${TRANSACT}#L8735-L8736`],
      [502, 'Tunnel Connection Failed', 'trafficserver-502-connect-failed-errno', `${TRANSACT}#L8036-L8040`],
      [502, 'Server Connection Failed', 'trafficserver-502-connect-failed-errno', `${TRANSACT}#L8113-L8117`],
      [502, 'Connection Failed', 'trafficserver-502-connect-failed-errno', `${TRANSACT}#L3236`],
      [502, 'Server Hangup', 'trafficserver-502-server-hangup', `${TRANSACT}#L8041-L8045`],
      [502, 'Unknown Error', 'trafficserver-502-server-hangup', `${TRANSACT}#L8025-L8030`],
      [502, 'No Response Header From Server', 'trafficserver-502-no-response-header', `${TRANSACT}#L8089-L8093`],
      [502, 'Malformed Server Response', 'trafficserver-502-malformed-server-response', `${TRANSACT}#L8094-L8103`],
      [502, 'Malformed Server Response Status', 'trafficserver-502-malformed-server-response-status', `${TRANSACT}#L8104-L8108`],
      [502, 'Invalid HTTP Response', 'trafficserver-502-malformed-server-response', `${TRANSACT}#L8062-L8067`],
      [502, 'Next Hop Connection Failed', 'trafficserver-502-next-hop-connection-failed', `${TRANSACT}#L8007-L8008`],
      [504, 'Connection Timed Out', 'trafficserver-504-connection-timed-out', `${TRANSACT}#L8054-L8061`],
      [504, 'Maximum Transaction Time Exceeded', 'trafficserver-504-maximum-transaction-time', `${TRANSACT}#L8046-L8053`],
      [504, 'Next Hop Timeout', 'trafficserver-504-connection-timed-out', `${TRANSACT}#L8001-L8006`],
      [503, 'Origin server congested', 'trafficserver-503-congested', `${TRANSACT}#L8068-L8073`],
      [503, 'Next Hop Congested', 'trafficserver-503-congested', `${TRANSACT}#L7998-L8000`],
      [503, 'WebSocket Connection Limit Exceeded', 'trafficserver-503-congested', `${TRANSACT}#L1660`],
      [500, 'Cannot find server.', 'trafficserver-500-cannot-find-server', `${TRANSACT}#L2031-L2034`],
      [500, 'No valid server.', 'trafficserver-500-no-valid-server', `${TRANSACT}#L2035-L2041`],
      [504, 'Not Cached', 'trafficserver-not-in-cache', `${TRANSACT}#L3628`],
      [404, 'Not Found on Accelerator', 'trafficserver-not-found-accelerator', `${TRANSACT}#L1284`],
    ] as const
  ).map(([status, phrase, variant, reference]): DocumentedError => ({
    name: `${status} ${phrase}`,
    reference,
    variant,
    example: { status, reason: phrase, headers: OWN_HEADERS },
  })),
  {
    name: '502 with an empty reason phrase (TLS handshake with the origin failed)',
    reference: `${TRANSACT}#L8739-L8740`,
    variant: 'trafficserver-could-not-connect',
    example: { status: 502, headers: OWN_HEADERS, body: page('Could Not Connect', TEXT.connect) },
  },
  // The default templates.
  {
    name: 'connect#failed_connect: Could Not Connect',
    reference: template('connect#failed_connect'),
    variant: 'trafficserver-could-not-connect',
    example: { status: 502, headers: OWN_HEADERS, body: page('Could Not Connect', TEXT.connect) },
  },
  {
    name: 'response#bad_response: Web Server Error',
    reference: template('response#bad_response'),
    variant: 'trafficserver-web-server-error',
    example: { status: 502, headers: OWN_HEADERS, body: page('Web Server Error', TEXT.badResponse) },
  },
  {
    name: 'connect#hangup: Server Connection Closed',
    reference: template('connect#hangup'),
    variant: 'trafficserver-server-connection-closed',
    example: { status: 502, headers: OWN_HEADERS, body: page('Server Connection Closed', TEXT.hangup) },
  },
  {
    name: 'timeout#inactivity: Inactivity Timeout',
    reference: template('timeout#inactivity'),
    variant: 'trafficserver-inactivity-timeout',
    example: { status: 504, headers: OWN_HEADERS, body: page('Inactivity Timeout', TEXT.inactivity) },
  },
  {
    name: 'timeout#activity: Activity Timeout',
    reference: template('timeout#activity'),
    variant: 'trafficserver-activity-timeout',
    example: { status: 504, headers: OWN_HEADERS, body: page('Activity Timeout', TEXT.activity) },
  },
  {
    name: 'connect#dns_failed: Unknown Host',
    reference: template('connect#dns_failed'),
    variant: 'trafficserver-unknown-host',
    example: { status: 500, headers: OWN_HEADERS, body: page('Unknown Host', TEXT.dns) },
  },
  {
    name: 'connect#all_down: No Valid Host',
    reference: template('connect#all_down'),
    variant: 'trafficserver-no-valid-host',
    example: {
      status: 500,
      headers: OWN_HEADERS,
      body: page(
        'No Valid Host',
        `Unable to find a valid target host. The server was found but ${TEXT.allDown} and so there is no valid target address to which to connect.`,
      ),
    },
  },
  {
    name: 'default: Error / Could not process this request. (at 502: next hop failed)',
    reference: template('default'),
    variant: 'trafficserver-error-could-not-process-request-502',
    example: { status: 502, headers: OWN_HEADERS, body: page('Error', TEXT.generic) },
  },
  {
    name: 'default: Error / Could not process this request. (at 503: congested)',
    reference: template('default'),
    variant: 'trafficserver-error-could-not-process-request-503',
    example: { status: 503, headers: OWN_HEADERS, body: page('Error', TEXT.generic) },
  },
  {
    name: 'urlrouting#no_mapping: Not Found on Accelerator',
    reference: template('urlrouting#no_mapping'),
    variant: 'trafficserver-not-found-accelerator',
    example: { status: 404, headers: OWN_HEADERS, body: page('Not Found on Accelerator', TEXT.noMapping) },
  },
  {
    name: 'cache#not_in_cache: Not In Cache',
    reference: template('cache#not_in_cache'),
    variant: 'trafficserver-not-in-cache',
    example: { status: 504, headers: OWN_HEADERS, body: page('Not In Cache', TEXT.notInCache) },
  },
  {
    name: 'response#bad_version: HTTP Version Not Supported',
    reference: template('response#bad_version'),
    variant: 'trafficserver-505-bad-version',
    example: { status: 505, headers: OWN_HEADERS, body: page('HTTP Version Not Supported', TEXT.badVersion) },
  },
  ...[
    'access#denied',
    'access#proxy_auth_required',
    'access#ssl_forbidden',
    'request#cycle_detected',
    'request#invalid_content_length',
    'request#no_content_length',
    'request#no_host',
    'interception#no_host',
    'request#scheme_unsupported',
    'request#uri_len_too_long',
    'transcoding#unsupported',
  ].map((name, index): DocumentedError => ({
    name,
    reference: template(name),
    variant: 'trafficserver-request-refused',
    example: { status: 400, headers: OWN_HEADERS, body: page('Error', REFUSALS[index]!) },
  })),
  {
    name: 'request#syntax_error: Bad Request / Could not process this request.',
    reference: template('request#syntax_error'),
    variant: 'trafficserver-request-refused',
    example: { status: 400, headers: OWN_HEADERS, body: page('Bad Request', TEXT.generic) },
  },
  { name: 'cache#read_error: Temporary Error', reference: template('cache#read_error') },
  { name: 'redirect#moved_permanently / redirect#moved_temporarily (not errors)', reference: template('redirect#moved_permanently') },
];

export default defineGateway({
  id: 'trafficserver',
  name: 'Apache Traffic Server',
  kind: 'cache',
  fingerprint: [
    {
      header: 'server',
      startsWith: 'ATS/',
      weight: 0.85,
      note: 'Traffic Server names itself "ATS/<version>" in Server (and overwrites the origin\'s by default)',
    },
    {
      header: 'via',
      includes: 'ApacheTrafficServer',
      weight: 0.9,
      note: 'Traffic Server\'s Via entry, when enabled, reads "(ApacheTrafficServer/<version> [codes])"',
    },
    {
      any: [TEXT.connect, TEXT.badResponse, TEXT.inactivity, TEXT.activity, TEXT.hangup, TEXT.allDown, TEXT.dns, TEXT.notInCache].map((text) => ({ text })),
      weight: 0.85,
      note: "the sentence of one of Traffic Server's default error templates",
    },
    { text: 'Not Found on Accelerator', weight: 0.8, note: "Traffic Server's page when no remap rule matches" },
    // Its reason phrases are its own words, so a status line alone names it.
    {
      any: [
        'Server Hangup',
        'No Response Header From Server',
        'Malformed Server Response',
        'Invalid HTTP Response',
        'Next Hop Connection Failed',
        'Origin server congested',
        'Next Hop Congested',
        'Maximum Transaction Time Exceeded',
        'Next Hop Timeout',
        'Cannot find server.',
        'No valid server.',
        'Tunnel Connection Failed',
        'Server Connection Failed',
      ].map((phrase) => ({ reason: phrase })),
      weight: 0.8,
      note: 'a reason phrase only Traffic Server writes',
    },
    // Its template layout, each piece ordinary alone: together they name it.
    { markup: '<BODY BGCOLOR="white" FGCOLOR="black">', weight: 0.35, note: 'the body tag of every Traffic Server default template' },
    { markup: '<FONT FACE="Helvetica,Arial"><B>', weight: 0.3, note: "the font tag around every Traffic Server default template's sentence" },
    { text: 'Description:', weight: 0.2, note: 'Traffic Server\'s templates put their sentence after "Description:"' },
  ],
  bodyTells:
    'Traffic Server\'s page names the failure ("Could Not Connect", "Web Server Error", "Inactivity Timeout", "Unknown Host"), and so does the reason phrase of its status line over HTTP/1.',
  variants: [
    // The status line's reason phrase: the most precise mark (HTTP/1 only).
    {
      id: 'trafficserver-502-next-hop-connection-failed',
      title: '502 Next Hop Connection Failed',
      when: [{ status: 502 }, reason('Next Hop Connection Failed')],
      ...NEXT_HOP_FAILED,
    },
    {
      id: 'trafficserver-502-connect-failed-errno',
      title: '502: connection to the origin failed',
      when: [
        { status: 502 },
        reason(
          'Connection refused',
          'No route to host',
          'Network is unreachable',
          'Host is down',
          'connect failed',
          'Tunnel Connection Failed',
          'Server Connection Failed',
          'Connection Failed',
        ),
      ],
      ...COULD_NOT_CONNECT,
      causes: { 'origin-unreachable': 0.95, overloaded: 0.05 },
    },
    { id: 'trafficserver-502-server-hangup', title: '502 Server Hangup', when: [{ status: 502 }, reason('Server Hangup', 'Unknown Error')], ...HANGUP },
    {
      id: 'trafficserver-502-no-response-header',
      title: '502 No Response Header From Server',
      when: [{ status: 502 }, reason('No Response Header From Server')],
      ...BAD_RESPONSE,
      causes: { 'origin-reset': 0.8, 'origin-invalid-response': 0.2 },
      reference: `${TRANSACT}#L8089-L8093`,
    },
    // A header with no status code: what the parser leaves when nothing usable arrived (check_response_validity, #L5912-L5923;
    // inferred from the code, and what a closed or reset connection gave in runs here), while bytes that are not HTTP give "Invalid HTTP Response".
    {
      id: 'trafficserver-502-malformed-server-response-status',
      title: '502 Malformed Server Response Status',
      when: [{ status: 502 }, reason('Malformed Server Response Status')],
      ...BAD_RESPONSE,
      causes: { 'origin-reset': 0.65, 'origin-invalid-response': 0.35 },
      reference: `${TRANSACT}#L8104-L8108`,
    },
    {
      id: 'trafficserver-502-malformed-server-response',
      title: '502 Malformed Server Response / Invalid HTTP Response',
      when: [{ status: 502 }, reason('Malformed Server Response', 'Invalid HTTP Response'), { reason: 'Malformed Server Response Status', absent: true }],
      ...BAD_RESPONSE,
      causes: { 'origin-invalid-response': 0.85, 'origin-reset': 0.15 },
    }, // reasons match as substrings: the one above is not this one
    {
      id: 'trafficserver-504-connection-timed-out',
      title: '504 Connection Timed Out',
      when: [{ status: 504 }, reason('Connection Timed Out', 'Next Hop Timeout')],
      ...INACTIVITY,
    },
    {
      id: 'trafficserver-504-maximum-transaction-time',
      title: '504 Maximum Transaction Time Exceeded',
      when: [{ status: 504 }, reason('Maximum Transaction Time Exceeded')],
      ...ACTIVITY,
    },
    {
      id: 'trafficserver-503-congested',
      title: '503 Origin server congested',
      when: [{ status: 503 }, reason('Origin server congested', 'Next Hop Congested', 'WebSocket Connection Limit Exceeded')],
      ...CONGESTED,
    },
    { id: 'trafficserver-500-cannot-find-server', title: '500 Cannot find server.', when: [{ status: 500 }, reason('Cannot find server.')], ...DNS_FAILED },
    { id: 'trafficserver-500-no-valid-server', title: '500 No valid server.', when: [{ status: 500 }, reason('No valid server.')], ...ALL_DOWN },
    // Its pages (every proxy protocol), each a default template.
    { id: 'trafficserver-could-not-connect', title: 'Could Not Connect', when: [{ text: TEXT.connect }], ...COULD_NOT_CONNECT },
    { id: 'trafficserver-web-server-error', title: 'Web Server Error', when: [{ text: TEXT.badResponse }], ...BAD_RESPONSE },
    { id: 'trafficserver-server-connection-closed', title: 'Server Connection Closed', when: [{ text: TEXT.hangup }], ...HANGUP },
    { id: 'trafficserver-inactivity-timeout', title: 'Inactivity Timeout', when: [{ text: TEXT.inactivity }], ...INACTIVITY },
    { id: 'trafficserver-activity-timeout', title: 'Activity Timeout', when: [{ text: TEXT.activity }], ...ACTIVITY },
    { id: 'trafficserver-unknown-host', title: 'Unknown Host', when: [{ text: TEXT.dns }], ...DNS_FAILED },
    { id: 'trafficserver-no-valid-host', title: 'No Valid Host', when: [{ text: TEXT.allDown }], ...ALL_DOWN },
    {
      id: 'trafficserver-error-could-not-process-request-502',
      title: 'Error: could not process this request (502)',
      when: [{ status: 502 }, { text: TEXT.generic }],
      ...NEXT_HOP_FAILED,
      meaning: `Traffic Server's generic page, used where the specific template does not ship: at 502 a failed connection to the next hop (every parent or origin address down). ${NEXT_HOP_FAILED.meaning}`,
    },
    {
      id: 'trafficserver-error-could-not-process-request-503',
      title: 'Error: could not process this request (503)',
      when: [{ status: 503 }, { text: TEXT.generic }],
      ...CONGESTED,
      meaning: `Traffic Server's generic page at 503. ${CONGESTED.meaning}`,
    },
    {
      id: 'trafficserver-error-could-not-process-request',
      title: 'Error: could not process this request (status not given)',
      when: [{ status: 0 }, { text: TEXT.generic }, { text: 'Bad Request', absent: true }],
      meaning:
        "Traffic Server's generic page, used where the specific template does not ship: at 502 it means every next hop is down, at 503 that its connection limit for the origin is reached.",
      causes: { 'origin-unreachable': 0.5, overloaded: 0.5 },
      source: 'gateway',
      tellApart: 'The status tells them apart: 502 Next Hop Connection Failed, 503 Origin server congested.',
      reference: template('default'),
    },
    {
      id: 'trafficserver-not-found-accelerator',
      title: 'Not Found on Accelerator',
      when: [{ any: [{ text: TEXT.noMapping }, { text: 'Not Found on Accelerator' }, { reason: 'Not Found on Accelerator' }] }],
      meaning: 'No remap rule matches this host, so Traffic Server does not know which origin to use.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${TRANSACT}#L1284`,
    },
    {
      id: 'trafficserver-not-in-cache',
      title: 'Not In Cache',
      when: [{ any: [{ text: TEXT.notInCache }, { reason: 'Not Cached' }] }],
      meaning: 'The request allowed only a cached answer (only-if-cached) and Traffic Server had none.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${TRANSACT}#L3628`,
    },
    {
      id: 'trafficserver-505-bad-version',
      title: 'HTTP Version Not Supported',
      when: [{ text: TEXT.badVersion }],
      meaning: 'The origin answered in an HTTP version Traffic Server does not support.',
      causes: { 'origin-invalid-response': 1 },
      source: 'gateway',
      reference: `${TRANSACT}#L4642`,
    },
    {
      id: 'trafficserver-request-refused',
      title: 'Request refused by Traffic Server',
      when: [{ any: [...REFUSALS.map((text) => ({ text })), { status: 400, text: TEXT.generic }] }],
      meaning: 'Traffic Server refused the request itself (access rules, proxy authentication, a malformed or unsupported request): no origin saw it.',
      causes: { unknown: 1 },
      source: 'gateway',
      reference: `${TRANSACT}#L6828-L6893`,
    },
    {
      id: 'trafficserver-unavailable-announced-origin-retry-after',
      title: 'Unavailable, as announced by the origin (Retry-After)',
      when: [{ status: 503 }, { header: 'retry-after' }, { header: 'content-language', absent: true }],
      meaning:
        'The origin itself answered 503 with Retry-After, which a server sends when it knows it is down for a while: planned maintenance or shedding load. Traffic Server relayed it (its own pages carry Content-Language).',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    // Headers only (HTTP/2 has no reason phrase): Cache-Control: no-store and the template's exact length name the page.
    {
      id: 'trafficserver-502-no-body-could-not-connect',
      title: '502 from Traffic Server, as long as "Could Not Connect" (its body not seen)',
      when: sized(502, LENGTH.connect),
      ...COULD_NOT_CONNECT,
    },
    {
      id: 'trafficserver-502-no-body-web-server-error',
      title: '502 from Traffic Server, as long as "Web Server Error" (its body not seen)',
      when: sized(502, LENGTH.badResponse),
      ...BAD_RESPONSE,
    },
    {
      id: 'trafficserver-502-no-body-server-connection-closed',
      title: '502 from Traffic Server, as long as "Server Connection Closed" (its body not seen)',
      when: sized(502, LENGTH.hangup),
      ...HANGUP,
    },
    {
      id: 'trafficserver-502-no-body-next-hop-failed',
      title: '502 from Traffic Server, as long as its generic page (its body not seen)',
      when: sized(502, LENGTH.generic),
      ...NEXT_HOP_FAILED,
    },
    {
      id: 'trafficserver-504-no-body-inactivity-timeout',
      title: '504 from Traffic Server, as long as "Inactivity Timeout" (its body not seen)',
      when: sized(504, LENGTH.inactivity),
      ...INACTIVITY,
    },
    {
      id: 'trafficserver-504-no-body-activity-timeout',
      title: '504 from Traffic Server, as long as "Activity Timeout" (its body not seen)',
      when: sized(504, LENGTH.activity),
      ...ACTIVITY,
    },
    {
      id: 'trafficserver-503-no-body-congested',
      title: '503 from Traffic Server, as long as its generic page (its body not seen)',
      when: sized(503, LENGTH.generic),
      ...CONGESTED,
    },
    {
      id: 'trafficserver-500-no-body-unknown-host',
      title: '500 from Traffic Server, as long as "Unknown Host" (its body not seen)',
      when: sized(500, LENGTH.dns),
      ...DNS_FAILED,
    },
    {
      id: 'trafficserver-500-no-body-no-valid-host',
      title: '500 from Traffic Server, as long as "No Valid Host" (its body not seen)',
      when: sized(500, LENGTH.allDown),
      ...ALL_DOWN,
    },
    // Catch-alls: not one of its pages, so the origin wrote it.
    {
      id: 'trafficserver-error-passed-origin',
      title: 'Error passed on from the origin',
      when: [{ status: [500, 502, 503, 504] }, { body: 'seen' }],
      fallback: true,
      ...RELAYED,
    },
    {
      id: 'trafficserver-error-relayed-no-body',
      title: 'Error relayed from the origin (its body not seen)',
      when: [{ status: [500, 502, 503, 504] }, { body: 'unseen' }, { header: 'content-language', absent: true }],
      fallback: true,
      ...RELAYED,
    },
  ],
  advice: {
    visitor: [],
    owner: ["Traffic Server's diags.log and access log (squid format) name the failure; the reason phrase of the error's status line does too."],
  },
  documented,
  sources: [
    SERVER_DOWN,
    `${TRANSACT}#L2028-L2041`,
    TEMPLATES,
    ERROR_HEADERS,
    `${B}/src/proxy/http/HttpBodyFactory.cc#L148-L184`,
    `${B}/src/proxy/http/HttpTransactHeaders.cc#L1154-L1174`,
    `${RECORDS}#L492`,
    `${RECORDS}#L516`,
  ],
});
