// PHP-FPM's file against its own answers (fpm_main.c), PHP's empty 500 for a fatal error (main.c) and its log lines.
import { describe, expect, it } from 'vitest';
import { seen } from './explain-helper';

const PHP_TYPE = { 'content-type': 'text/html; charset=UTF-8' };

describe('PHP-FPM', () => {
  it('reads "File not found." as a script php-fpm could not find, written behind the gateway, not by it', () => {
    const result = seen({ status: 404, headers: { ...PHP_TYPE, server: 'nginx/1.22.1', 'transfer-encoding': 'chunked' }, bodyText: 'File not found.\n' });
    expect(result.variant).toBe('php-fpm-404-primary-script-unknown');
    expect(result.causes[0]).toBe('origin-app-error');
    expect(result.route).toEqual(['nginx:relayed', 'php-fpm:wrote']);
  });

  // lighttpd's file has no variant for a relayed 404: php-fpm's own page is what says the application side wrote it.
  it('reads the same answer so behind lighttpd', () => {
    const result = seen({ status: 404, headers: { ...PHP_TYPE, 'content-length': '16', server: 'lighttpd/1.4.69' }, bodyText: 'File not found.\n' });
    expect(result.route.at(-1)).toBe('php-fpm:wrote');
  });

  it('does not take another server\'s "File not found." for php-fpm\'s', () => {
    // Python's http.server: "Message: File not found." with its own content type.
    const body =
      '<!DOCTYPE HTML>\n<html lang="en"><head><title>Error response</title></head><body><h1>Error response</h1><p>Error code: 404</p><p>Message: File not found.</p></body></html>';
    const result = seen({ status: 404, headers: { server: 'SimpleHTTP/0.6 Python/3.11.7', 'content-type': 'text/html;charset=utf-8' }, bodyText: body });
    expect(result.route).not.toContain('php-fpm:wrote');
  });

  it("reads an empty 500 with PHP's marks as a fatal error in the script", () => {
    const result = seen({ status: 500, headers: { ...PHP_TYPE, 'x-powered-by': 'PHP/8.2.36', 'content-length': '0' }, bodyText: '' });
    expect(result.gateway).toBeNull();
    expect(result.variant).toBe('php-fpm-500-fatal-error');
    expect(result.causes[0]).toBe('origin-app-error');
  });

  it('names the cause from a pasted pool log line: a full pool is overload, a terminated script a timeout', () => {
    expect(seen({ bodyText: 'WARNING: [pool www] server reached pm.max_children setting (5), consider raising it' }).causes[0]).toBe('overloaded');
    expect(
      seen({ bodyText: 'WARNING: [pool www] child 4242, script \'/srv/slow.php\' (request: "GET /slow.php") execution timed out (3.999 sec), terminating' })
        .causes[0],
    ).toBe('origin-timeout');
  });
});
