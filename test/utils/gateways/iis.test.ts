// IIS's rules as a user meets them: the sub-status and WinHTTP code on its pages, HTTP.sys, and the application's own errors.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

const IIS = { server: 'Microsoft-IIS/10.0', 'x-powered-by': 'ASP.NET' };

describe('IIS', () => {
  it('reads the WinHTTP error on a 502.3 detailed page before the sub-status', () => {
    const result = seen({
      status: 502,
      headers: IIS,
      bodyText: '<h3>HTTP Error 502.3 - Bad Gateway</h3><li>Module AspNetCoreModuleV2</li><li>Error Code 0x80072ee2</li>',
    });
    expect(result.variant).toBe('iis-502-3-bad-gateway-timed-out-0x80072ee2');
    expect(result.causes[0]).toBe('origin-timeout');
  });

  it('tells 500.3x start failures apart as whole numbers, and gives a pasted page its status', () => {
    const runtime = seen({ bodyText: 'HTTP Error 500.31 - Failed to load ASP.NET Core runtime' });
    expect(runtime.gateway).toBe('iis');
    expect(runtime.variant).toBe('iis-500-31-substatus');
    expect(runtime.explanation.evidence.status).toBe('inferred');
    expect(seen({ status: 500, bodyText: 'HTTP Error 500.30 - ANCM In-Process Start Failure' }).variant).toBe('iis-500-30-ancm-process-start-failure');
  });

  it('calls a 503.2 overload and an HTTP.sys 503 an application pool that is down', () => {
    expect(seen({ status: 503, headers: IIS, bodyText: '<h3>HTTP Error 503.2 - Service Unavailable</h3>' }).causes[0]).toBe('overloaded');
    const httpSys = seen({ status: 503, headers: { server: 'Microsoft-HTTPAPI/2.0' } });
    expect(httpSys.variant).toBe('iis-503-http-sys-no-body');
    expect(httpSys.source).toBe('gateway');
  });

  it('recognises its stock 500 text', () => {
    const result = seen({ status: 500, headers: IIS, bodyText: 'The page cannot be displayed because an internal server error has occurred.' });
    expect(result.variant).toBe('iis-500-page-cannot-displayed');
    expect(result.causes[0]).toBe('origin-app-error');
  });

  it("says the application wrote a page that is not IIS's", () => {
    const result = seen({
      status: 500,
      headers: IIS,
      bodyText: '{"type":"https://tools.ietf.org/html/rfc9110#section-15.6.1","title":"An error occurred while processing your request.","status":500}',
    });
    expect(result.source).toBe('origin');
  });
});
