// Squid's answers as a user meets them: X-Squid-Error names its page; a pasted page names itself by its sentences.
import { describe, expect, it } from 'vitest';
import { explainResponse } from '../../../utils/explain/explain-response';

describe('Squid', () => {
  it('reads "ERR_READ_ERROR 0" as no path to any server, "ERR_READ_ERROR 104" as a reset', () => {
    expect(explainResponse({ status: 502, headers: { server: 'squid/6.10', 'x-squid-error': 'ERR_READ_ERROR 0' } }).causes[0]!.id).toBe('origin-unreachable');
    expect(explainResponse({ status: 502, headers: { server: 'squid/6.10', 'x-squid-error': 'ERR_READ_ERROR 104' } }).causes[0]!.id).toBe('origin-reset');
  });

  it('names Squid from the middle of its DNS page copied as text', () => {
    const explanation = explainResponse({
      bodyText:
        'Unable to determine IP address from host name example.com\n\nThe DNS server returned:\n\nName Error: The domain name does not exist.\n\nThis means that the cache was not able to resolve the hostname presented in the URL. Check if the address is correct.',
    });
    expect(explanation.gateway?.id).toBe('squid');
    expect(explanation.variantId).toBe('squid-err-dns-fail-unable-resolve-host');
  });

  it('says the server wrote an error Squid relayed without X-Squid-Error', () => {
    const explanation = explainResponse({ status: 503, headers: { via: '1.1 proxy (squid/6.10)' }, bodyText: '<h1>Down for maintenance</h1>' });
    expect(explanation.gateway?.id).toBe('squid');
    expect(explanation.source).toBe('origin');
  });
});
