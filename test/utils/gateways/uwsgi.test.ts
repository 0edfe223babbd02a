// uWSGI's file against its own error writers (core/errors.c, core/exceptions.c) and its log lines.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

describe('uWSGI', () => {
  it('reads its bare 500, asked directly, as an application that never loaded', () => {
    // errors.c#L23-L29: no Date, no Server, no Content-Length.
    const result = seen({ status: 500, headers: { connection: 'close', 'content-type': 'text/plain' }, bodyText: 'Internal Server Error' });
    expect(result.gateway).toBeNull();
    expect(result.variant).toBe('uwsgi-500-no-application');
    expect(result.causes[0]).toBe('origin-app-error');
    expect(result.route).toEqual(['uwsgi:wrote']);
  });

  it('does not claim every plain-text "Internal Server Error": another server\'s, with a charset and a Date, is not uWSGI\'s', () => {
    const result = seen({
      status: 500,
      headers: { date: 'Tue, 01 Dec 2026 20:43:47 GMT', 'content-type': 'text/plain; charset=utf-8' },
      bodyText: 'Internal Server Error',
    });
    expect(result.route).not.toContain('uwsgi:wrote');
  });

  it("reads the exceptions catcher's page as the application's exception, behind a gateway too", () => {
    const bodyText =
      'uWSGI exceptions catcher for "GET /boom" (request plugin: "python", modifier1: 0)\n\nException: <class \'RuntimeError\'>\n\nException class: RuntimeError\n';
    const result = seen({ status: 500, headers: { server: 'nginx/1.22.1', date: 'Tue, 01 Dec 2026 20:43:47 GMT', 'content-type': 'text/plain' }, bodyText });
    expect(result.gateway).toBe('nginx');
    expect(result.source).toBe('origin');
    expect(result.variant).toBe('uwsgi-500-exceptions-catcher');
    expect(result.route).toEqual(['nginx:relayed', 'uwsgi:wrote']);
  });

  it('names the cause from a pasted log line: harakiri is a timeout, a full listen queue is overload', () => {
    expect(seen({ bodyText: '*** HARAKIRI ON WORKER 1 (pid: 4467, try: 1, graceful: yes) ***' }).causes[0]).toBe('origin-timeout');
    expect(seen({ bodyText: '*** uWSGI listen queue of socket "127.0.0.1:3031" (fd: 3) full !!! (101/100) ***' }).causes[0]).toBe('overloaded');
  });
});
