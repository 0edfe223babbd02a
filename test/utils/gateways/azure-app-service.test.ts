// Azure App Service's rules as a user meets them: its own pages, IIS's pages under its name, and the app's own errors.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

const IIS_HEADERS = { server: 'Microsoft-IIS/10.0', 'x-powered-by': 'ASP.NET' };

describe('Azure App Service', () => {
  it('recognises the Linux Application Error page pasted as text', () => {
    const result = seen({ bodyText: ':( Application Error\nIf you are the application administrator, you can access the diagnostic resources.' });
    expect(result.gateway).toBe('azure-app-service');
    expect(result.variant).toBe('azure-app-service-application-error');
    expect(result.source).toBe('gateway');
  });

  it('calls a stopped app maintenance and an unbound host name no app at all', () => {
    expect(seen({ status: 403, bodyText: 'Error 403 - This web app is stopped.' }).causes[0]).toBe('maintenance');
    expect(
      seen({
        status: 404,
        bodyText: 'Error 404 - Web app not found. The web app you have attempted to reach is not available in this Microsoft Azure App Service region.',
      }).variant,
    ).toBe('azure-app-service-404-web-app-not-found');
  });

  it("is not named IIS when its marks are present: IIS's page explains the error under App Service's name", () => {
    const result = seen({
      status: 503,
      headers: IIS_HEADERS,
      bodyText: '<h1>HTTP Error 503. The service is unavailable.</h1><p>https://myapp.azurewebsites.net/</p>',
    });
    expect(result.gateway).toBe('azure-app-service');
    expect(result.route.map((hop) => hop.split(':')[0])).not.toContain('iis');
    expect(result.variant).toBe('iis-http-503-service-unavailable-http-sys');
  });

  it("says the app wrote a page that is neither App Service's nor IIS's", () => {
    const result = seen({ status: 500, headers: IIS_HEADERS, bodyText: '<p>Something broke at https://myapp.azurewebsites.net/api</p>' });
    expect(result.gateway).toBe('azure-app-service');
    expect(result.source).toBe('origin');
  });

  it('does not read the ARRAffinity cookie', () => {
    const result = seen({ status: 502, headers: { 'set-cookie': 'ARRAffinity=0123456789abcdef; Path=/; HttpOnly' } });
    expect(result.route.map((hop) => hop.split(':')[0])).not.toContain('azure-app-service');
  });
});
