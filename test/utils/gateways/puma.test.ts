// Puma's file against its fallback answer (server.rb lowlevel_error) in development and in production up to 6.3.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

describe('Puma', () => {
  it('reads "Puma caught this error" as the application raising, Puma as the hop that wrote it', () => {
    const result = seen({
      status: 500,
      headers: { 'content-length': '120' },
      bodyText: "Puma caught this error: undefined method `id' for nil (NoMethodError)\n/app/app.rb:12:in `call'",
    });
    expect(result.gateway).toBeNull();
    expect(result.variant).toBe('puma-500-caught-error');
    expect(result.causes[0]).toBe('origin-app-error');
    expect(result.route).toEqual(['puma:wrote']);
  });

  it('reads the same page as a restart when the status is 503 (a forced thread-pool shutdown)', () => {
    expect(seen({ status: 503, bodyText: 'Puma caught this error: Puma::ThreadPool::ForceShutdown (Puma::ThreadPool::ForceShutdown)\n' }).causes[0]).toBe(
      'maintenance',
    );
  });

  it('ends the route with Puma behind the gateway that relayed its production sentence', () => {
    const result = seen({
      status: 500,
      headers: { server: 'nginx/1.22.1', 'content-type': 'text/plain' },
      bodyText: 'An unhandled lowlevel error occurred. The application logs may have details.\n',
    });
    expect(result.gateway).toBe('nginx');
    expect(result.source).toBe('origin');
    expect(result.route).toEqual(['nginx:relayed', 'puma:wrote']);
  });
});
