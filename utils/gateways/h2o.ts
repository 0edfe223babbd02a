// h2o's reverse proxy: every proxy failure is "502 Gateway Error" with the internal error string as a text/plain body.
import { defineGateway } from './types';

const PROXY_C = 'https://github.com/h2o/h2o/blob/master/lib/core/proxy.c';
const HTTPCLIENT_C = 'https://github.com/h2o/h2o/blob/master/lib/common/httpclient.c';
const SOCKET_C = 'https://github.com/h2o/h2o/blob/master/lib/common/socket.c';
const HTTP1CLIENT_C = 'https://github.com/h2o/h2o/blob/v2.2.5/lib/common/http1client.c';

// h2o writes its proxy errors as text/plain; the short generic strings are only trusted with that.
const OWN = [{ status: 502 }, { header: 'content-type', startsWith: 'text/plain' }] as const;

const LOG = 'h2o\'s error-log has the same string for this request: "[lib/core/proxy.c] in request:<path>:<reason>".';

const refused = {
  meaning: 'h2o could not open a connection to the upstream: nothing listens on that port, or the host is unreachable.',
  causes: { 'origin-unreachable': 1 },
  source: 'gateway',
  tellApart: LOG,
  reference: SOCKET_C,
} as const;

const tls = {
  meaning: 'The TLS handshake between h2o and the upstream failed: the upstream\'s certificate was rejected (self-signed, expired, wrong name) or the port does not speak TLS.',
  causes: { 'origin-tls': 1 },
  source: 'gateway',
  tellApart: `${LOG} With proxy.ssl.verify-peer ON (the default) the body is the certificate check's own message, e.g. "self-signed certificate" or "certificate has expired".`,
  reference: SOCKET_C,
} as const;

const invalid = {
  meaning: 'The upstream\'s response could not be parsed as HTTP (a bad status line or header, or an invalid length or transfer encoding).',
  causes: { 'origin-invalid-response': 1 },
  source: 'gateway',
  tellApart: LOG,
  reference: HTTPCLIENT_C,
} as const;

const dns = {
  meaning: 'h2o could not resolve the upstream\'s host name (the body is the resolver\'s own message).',
  causes: { 'origin-unreachable': 1 },
  source: 'gateway',
  reference: 'https://github.com/h2o/h2o/blob/v2.2.5/lib/common/hostinfo.c',
} as const;

export default defineGateway({
  id: 'h2o',
  name: 'h2o',
  kind: 'reverse-proxy',
  fingerprint: [
    { header: 'server', startsWith: 'h2o', weight: 0.85, note: 'h2o names itself in the Server header' },
    { text: 'i/o error (head)', weight: 0.75, note: 'h2o\'s proxy error when the upstream connection broke before the response headers' },
    { text: 'i/o error (send request)', weight: 0.75, note: 'h2o\'s proxy error when sending the request upstream failed' },
  ],
  variants: [
    {
      id: 'h2o-gateway-error-i-o-error-head', title: 'Gateway Error: I/O error (head)',
      when: [{ text: 'i/o error (head)' }],
      meaning: 'The upstream connection broke before the response headers arrived: the upstream closed or reset it, often an idle keep-alive connection it had already closed when h2o reused it.',
      causes: { 'origin-reset': 0.85, 'origin-app-error': 0.15 },
      source: 'gateway',
      tellApart: `${LOG} If it happens only on the first request after a quiet period, the upstream's keep-alive timeout is shorter than h2o's proxy.timeout.keepalive (2 s by default).`,
      reference: HTTP1CLIENT_C,
    },
    {
      id: 'h2o-gateway-error-i-o-error-send', title: 'Gateway Error: I/O error (send request)',
      when: [{ text: 'i/o error (send request)' }],
      meaning: 'Sending the request to the upstream failed: the connection was closed or reset under it.',
      causes: { 'origin-reset': 1 },
      source: 'gateway',
      reference: HTTP1CLIENT_C,
    },
    {
      id: 'h2o-gateway-error-i-o-timeout', title: 'Gateway Error: I/O timeout',
      when: [...OWN, { text: 'i/o timeout' }],
      meaning: 'The upstream sent nothing for longer than proxy.timeout.io (30 s by default).',
      causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
      source: 'gateway',
      tellApart: LOG,
      reference: HTTPCLIENT_C,
    },
    {
      id: 'h2o-gateway-error-first-byte-timeout', title: 'Gateway Error: first byte timeout',
      when: [...OWN, { text: 'first byte timeout' }],
      meaning: 'The upstream did not start its response within h2o\'s first-byte timeout.',
      causes: { 'origin-timeout': 0.9, overloaded: 0.1 },
      source: 'gateway',
      reference: HTTPCLIENT_C,
    },
    {
      id: 'h2o-gateway-error-connection-timeout', title: 'Gateway Error: connection timeout',
      when: [...OWN, { any: [{ text: 'connection timeout' }, { text: 'connection timed out' }] }],
      meaning: 'h2o could not open a TCP connection to the upstream within proxy.timeout.connect: a firewall dropping packets, a host that is down, or one too busy to accept.',
      causes: { 'origin-unreachable': 0.65, overloaded: 0.25, 'origin-timeout': 0.1 },
      source: 'gateway',
      reference: HTTPCLIENT_C,
    },
    { id: 'h2o-gateway-error-connection-refused', title: 'Gateway Error: connection refused', when: [...OWN, { text: 'connection refused' }], ...refused },
    { id: 'h2o-gateway-error-connection-failed', title: 'Gateway Error: connection failed', when: [...OWN, { any: [{ text: 'connection failed' }, { text: 'connection failure' }] }], ...refused },
    { id: 'h2o-gateway-error-host-unreachable', title: 'Gateway Error: host unreachable', when: [...OWN, { text: 'unreachable' }], ...refused },
    { id: 'h2o-gateway-error-name-resolution-unknown-host', title: 'Gateway Error: name resolution (unknown host)', when: [...OWN, { text: 'name or service not known' }], ...dns },
    { id: 'h2o-gateway-error-name-resolution-temporary-failure', title: 'Gateway Error: name resolution (temporary failure)', when: [...OWN, { text: 'failure in name resolution' }], ...dns },
    { id: 'h2o-gateway-error-name-resolution-no-address', title: 'Gateway Error: name resolution (no address)', when: [...OWN, { text: 'no address associated with hostname' }], ...dns },
    { id: 'h2o-gateway-error-ssl-handshake-failure', title: 'Gateway Error: SSL handshake failure', when: [...OWN, { text: 'ssl handshake failure' }], ...tls },
    { id: 'h2o-gateway-error-certificate-rejected', title: 'Gateway Error: certificate rejected', when: [...OWN, { text: 'certificate' }], ...tls },
    { id: 'h2o-gateway-error-ssl-decode-error', title: 'Gateway Error: SSL decode error', when: [...OWN, { text: 'ssl decode error' }], ...tls },
    { id: 'h2o-gateway-error-failed-parse-response', title: 'Gateway Error: failed to parse the response', when: [...OWN, { text: 'failed to parse the response' }], ...invalid },
    { id: 'h2o-gateway-error-invalid-response-upstream', title: 'Gateway Error: invalid response from upstream', when: [...OWN, { text: 'invalid response from upstream' }], ...invalid },
    { id: 'h2o-gateway-error-invalid-content-length', title: 'Gateway Error: invalid content-length', when: [...OWN, { text: 'invalid content-length' }], ...invalid },
    { id: 'h2o-gateway-error-unexpected-transfer-encoding', title: 'Gateway Error: unexpected transfer-encoding', when: [...OWN, { text: 'unexpected type of transfer-encoding' }], ...invalid },
    {
      id: 'h2o-gateway-error-socket-closed-peer', title: 'Gateway Error: socket closed by peer',
      when: [...OWN, { text: 'socket closed by peer' }],
      meaning: 'The upstream closed the connection before answering.',
      causes: { 'origin-reset': 0.85, 'origin-app-error': 0.15 },
      source: 'gateway',
      reference: SOCKET_C,
    },
    {
      id: 'h2o-gateway-error-i-o-error', title: 'Gateway Error: I/O error',
      when: [...OWN, { text: 'i/o error' }],
      meaning: 'The connection to the upstream failed while h2o was reading or writing it.',
      causes: { 'origin-reset': 0.7, unknown: 0.3 },
      source: 'gateway',
      tellApart: LOG,
      reference: HTTPCLIENT_C,
    },
    {
      id: 'h2o-unavailable-announced-upstream-retry-after', title: 'Unavailable, as announced by the upstream (Retry-After)',
      when: [{ status: 503 }, { header: 'retry-after' }],
      meaning: 'The upstream itself answered 503 with Retry-After (h2o\'s own proxy errors are all 502): planned maintenance or shedding load. h2o relayed it.',
      causes: { maintenance: 0.55, overloaded: 0.45 },
      source: 'origin',
      reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3',
    },
    {
      id: 'h2o-error-passed-upstream', title: 'Error passed on from the upstream',
      when: [{ status: [500, 503, 504] }],
      meaning: 'h2o answers every proxy failure with 502, so this status was written by the upstream and relayed.',
      causes: { 'origin-app-error': 0.6, overloaded: 0.2, maintenance: 0.2 },
      source: 'origin',
      reference: PROXY_C,
    },
    {
      id: 'h2o-error-passed-upstream-json', title: 'Error passed on from the upstream (JSON)',
      when: [{ status: 502 }, { header: 'content-type', includes: 'json' }],
      meaning: 'h2o\'s own 502 bodies are one short plain-text error string; this JSON body is the upstream\'s, relayed by h2o.',
      causes: { 'origin-app-error': 0.7, overloaded: 0.15, maintenance: 0.15 },
      source: 'origin',
      reference: PROXY_C,
    },
    {
      id: 'h2o-error-passed-upstream-html', title: 'Error passed on from the upstream (HTML)',
      when: [{ status: 502 }, { header: 'content-type', includes: 'html' }],
      meaning: 'h2o\'s own 502 bodies are one short plain-text error string; this HTML page is the upstream\'s, relayed by h2o.',
      causes: { 'origin-app-error': 0.7, overloaded: 0.15, maintenance: 0.15 },
      source: 'origin',
      reference: PROXY_C,
    },
  ],
  advice: {
    visitor: [],
    owner: ['h2o\'s error-log names the failure for each request in a "[lib/core/proxy.c] in request:…" line.'],
  },
  sources: [PROXY_C, HTTPCLIENT_C, SOCKET_C, HTTP1CLIENT_C, 'https://h2o.examp1e.net/configure/proxy_directives.html', 'https://github.com/h2o/h2o/issues/281'],
});
