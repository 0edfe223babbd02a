// gunicorn's file against its error-page template (util.write_error) and the Server header it puts on the application's answers.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

// util.py#L364-L382 at 65ac1a3a: what gunicorn sends when the WSGI application raises.
const OWN_500 =
  '<html>\n  <head>\n    <title>Internal Server Error</title>\n  </head>\n  <body>\n    <h1><p>Internal Server Error</p></h1>\n    \n  </body>\n</html>\n';

describe('gunicorn', () => {
  it('reads its own 500 page as the application failing, and names gunicorn as the hop that wrote it, never as a gateway', () => {
    const result = seen({ status: 500, headers: { connection: 'close', 'content-type': 'text/html', 'content-length': '141' }, bodyText: OWN_500 });
    expect(result.gateway).toBeNull();
    expect(result.source).toBe('origin');
    expect(result.variant).toBe('gunicorn-500-unhandled-exception');
    expect(result.causes[0]).toBe('origin-app-error');
    expect(result.route).toEqual(['gunicorn:wrote']);
  });

  it('ends the route with gunicorn behind the gateway that relayed its page', () => {
    const result = seen({ status: 500, headers: { server: 'nginx/1.22.1', 'content-type': 'text/html' }, bodyText: OWN_500 });
    expect(result.gateway).toBe('nginx');
    expect(result.source).toBe('origin');
    expect(result.route).toEqual(['nginx:relayed', 'gunicorn:wrote']);
  });

  it('takes a 400 page for a request gunicorn could not parse, not for a server failure', () => {
    const body = OWN_500.replaceAll('Internal Server Error', 'Bad Request').replace('    \n', '    Invalid HTTP Version &#x27;HTTP/9.9&#x27;\n');
    const result = seen({ status: 400, headers: { 'content-type': 'text/html' }, bodyText: body });
    expect(result.variant).toBe('gunicorn-400-bad-request');
    expect(result.causes[0]).toBe('unknown');
  });

  it("reads Server: gunicorn as the application's own answer, with or without its body", () => {
    const flask =
      '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request.</p>';
    for (const bodyText of [flask, undefined]) {
      const result = seen({
        status: 500,
        headers: { server: 'gunicorn', 'content-type': 'text/html; charset=utf-8' },
        ...(bodyText !== undefined && { bodyText }),
      });
      expect(result.source).toBe('origin');
      expect(result.variant).toBe('gunicorn-error-from-application');
      expect(result.causes[0]).toBe('origin-app-error');
      expect(result.route).toEqual(['gunicorn:wrote']);
    }
  });

  it("does not take an application's 503 for a crash: gunicorn writes no 503 of its own", () => {
    const result = seen({ status: 503, headers: { server: 'gunicorn/19.9.0', 'retry-after': '120' } });
    expect(result.variant).toBe('gunicorn-503-from-application');
    expect(result.causes.slice(0, 3)).toEqual(expect.arrayContaining(['maintenance', 'overloaded']));
  });

  it('does not claim a page that merely says "Internal Server Error"', () => {
    const result = seen({ status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, bodyText: 'Internal Server Error' });
    expect(result.route).not.toContain('gunicorn:wrote');
  });
});
