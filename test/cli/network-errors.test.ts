// Node's network errors get the browser's names, and so the extension's words.
import { describe, expect, it } from 'vitest';
import { networkErrorName, NODE_ERROR_NAMES, NODE_ERROR_PREFIXES, type RequestFailure } from '../../cli/network-errors';
import { explainResponse } from '../../utils/explain/explain-response';

const failure = (fields: Partial<RequestFailure>): RequestFailure => ({ message: 'x', phase: 'response', bytesReceived: 0, ...fields });

describe('networkErrorName', () => {
  it.each([
    ['ECONNREFUSED', 'net::ERR_CONNECTION_REFUSED'],
    ['ECONNRESET', 'net::ERR_CONNECTION_RESET'],
    ['EPIPE', 'net::ERR_CONNECTION_RESET'],
    ['ETIMEDOUT', 'net::ERR_CONNECTION_TIMED_OUT'],
    ['ENOTFOUND', 'net::ERR_NAME_NOT_RESOLVED'],
    ['EAI_AGAIN', 'net::ERR_NAME_NOT_RESOLVED'],
    ['EHOSTUNREACH', 'net::ERR_ADDRESS_UNREACHABLE'],
    ['ENETDOWN', 'net::ERR_INTERNET_DISCONNECTED'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'net::ERR_CERT_COMMON_NAME_INVALID'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'net::ERR_CERT_AUTHORITY_INVALID'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'net::ERR_CERT_AUTHORITY_INVALID'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'net::ERR_CERT_AUTHORITY_INVALID'],
    ['CERT_HAS_EXPIRED', 'net::ERR_CERT_DATE_INVALID'],
    ['CERT_CHAIN_TOO_LONG', 'net::ERR_CERT_INVALID'],
    ['EPROTO', 'net::ERR_SSL_PROTOCOL_ERROR'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'net::ERR_SSL_PROTOCOL_ERROR'],
    ['HPE_INVALID_CONSTANT', 'net::ERR_INVALID_HTTP_RESPONSE'],
    ['HPE_HEADER_OVERFLOW', 'net::ERR_RESPONSE_HEADERS_TOO_BIG'],
  ])('%s is %s', (code, name) => {
    expect(networkErrorName(failure({ code }))).toBe(name);
  });

  it('names our own time limit by how far the request got', () => {
    expect(networkErrorName(failure({ timedOut: true, phase: 'connect' }))).toBe('net::ERR_CONNECTION_TIMED_OUT');
    expect(networkErrorName(failure({ timedOut: true, phase: 'response' }))).toBe('net::ERR_TIMED_OUT');
  });

  it('tells a reply that never came from one cut in the headers', () => {
    expect(networkErrorName(failure({ code: 'ECONNRESET', closedEarly: true }))).toBe('net::ERR_EMPTY_RESPONSE');
    expect(networkErrorName(failure({ code: 'ECONNRESET', closedEarly: true, bytesReceived: 12 }))).toBe('net::ERR_CONNECTION_CLOSED');
  });

  it("passes an unknown code on with Node's words", () => {
    expect(networkErrorName(failure({ code: 'EWHATEVER', message: 'something odd' }))).toBe('EWHATEVER: something odd');
    expect(networkErrorName(failure({ message: 'something odd' }))).toBe('something odd');
  });

  it('gives only names the engine explains in its own words', () => {
    const names = new Set([
      ...Object.values(NODE_ERROR_NAMES),
      ...NODE_ERROR_PREFIXES.map(({ name }) => name),
      'net::ERR_CONNECTION_TIMED_OUT',
      'net::ERR_TIMED_OUT',
      'net::ERR_EMPTY_RESPONSE',
      'net::ERR_CONNECTION_CLOSED',
    ]);
    for (const networkError of names) {
      const explanation = explainResponse({ status: 0, networkError });
      expect(explanation.headline, networkError).not.toBe(`The page did not load: ${networkError}`);
      expect(explanation.causes[0]!.evidence[0], networkError).not.toContain('a network error the browser reported');
    }
  });
});
