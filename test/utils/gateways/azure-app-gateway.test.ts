// Azure Application Gateway's rules as a user meets them: its own pages and Server header, and the backend's own errors.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

const FOOTER_PAGE = (status: number, reason: string) =>
  `<html><head><title>${status} ${reason}</title></head><body><center><h1>${status} ${reason}</h1></center><hr><center>Microsoft-Azure-Application-Gateway/v2</center></body></html>`;

describe('Azure Application Gateway', () => {
  it('names its own 502 page, not nginx whose layout it uses', () => {
    const result = seen({ status: 502, bodyText: FOOTER_PAGE(502, 'Bad Gateway') });
    expect(result.gateway).toBe('azure-app-gateway');
    expect(result.route.map((hop) => hop.split(':')[0])).not.toContain('nginx');
    expect(result.causes[0]).toBe('origin-unreachable');
  });

  it('calls a 504 from its Server header alone a backend timeout', () => {
    const result = seen({ status: 504, headers: { server: 'Microsoft-Azure-Application-Gateway/v2' } });
    expect(result.variant).toBe('azure-app-gateway-504-time-out-application');
    expect(result.causes[0]).toBe('origin-timeout');
    expect(result.source).toBe('gateway');
  });

  it('says its 500 is its own internal error', () => {
    expect(seen({ status: 500, headers: { server: 'Microsoft-Azure-Application-Gateway/v2' } }).variant).toBe('azure-app-gateway-500-internal-server-error');
  });

  it("does not claim a backend's 502 that does not name it", () => {
    const result = seen({ status: 502, headers: { server: 'Kestrel' }, bodyText: '' });
    expect(result.route.map((hop) => hop.split(':')[0])).not.toContain('azure-app-gateway');
  });
});
