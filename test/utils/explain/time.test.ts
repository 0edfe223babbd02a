// HTTP-dates and Retry-After read strictly (RFC 9110 §5.6.7, §10.2.3), long delays clamped (RFC 9111 §1.2.2).
import { describe, expect, it } from 'vitest';
import { formatDuration, MAX_DELTA_SECONDS, parseHttpDate, parseRetryAfter } from '../../../utils/explain/time';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const SUNDAY = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('parseHttpDate', () => {
  it('should read the three forms of RFC 9110', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(SUNDAY);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(SUNDAY);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', NOW)).toBe(SUNDAY);
  });

  it('should refuse what is not an HTTP-date, however Date.parse would guess', () => {
    for (const text of [
      'abc 2030',
      'Tue, 99 Foo 9999',
      '2026-11-27T12:00:00Z',
      'sun, 06 nov 1994 08:49:37 gmt',
      'Sun, 06 Nov 1994 08:49:37 UTC',
      'Sun, 6 Nov 1994 08:49:37 GMT',
      'Sun, 31 Feb 1994 08:49:37 GMT',
      'Sun, 06 Nov 1994 24:00:00 GMT',
      ' Sun, 06 Nov 1994 08:49:37 GMT x',
      '',
    ]) {
      expect(parseHttpDate(text, NOW), text).toBeUndefined();
    }
  });

  it('should read a two-digit year as the most recent past one when it would be over 50 years ahead', () => {
    expect(new Date(parseHttpDate('Friday, 27-Nov-76 12:00:00 GMT', NOW)!).getUTCFullYear()).toBe(2076);
    expect(new Date(parseHttpDate('Saturday, 27-Nov-77 12:00:00 GMT', NOW)!).getUTCFullYear()).toBe(1977);
  });

  it('should keep years below 100 as written', () => {
    expect(new Date(parseHttpDate('Sat, 01 Jan 0050 00:00:00 GMT', NOW)!).getUTCFullYear()).toBe(50);
  });
});

describe('parseRetryAfter', () => {
  it('should read delay-seconds, clamping overlong values instead of dropping them', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('99999999999', NOW)).toBe(MAX_DELTA_SECONDS);
    expect(parseRetryAfter('9'.repeat(400), NOW)).toBe(MAX_DELTA_SECONDS);
  });

  it('should measure a date against the response’s own Date header, whatever the local clock says', () => {
    // The server's clock is an hour behind ours: the wait is still the 30 s it asked for.
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:30 GMT', NOW, 'Fri, 27 Nov 2026 11:00:00 GMT')).toBe(30);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:30 GMT', NOW)).toBe(30);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:30 GMT', NOW, 'not a date')).toBe(30);
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('should give nothing for anything else', () => {
    for (const text of ['soon', '-5', '1.5', '12 s', 'abc 2030', undefined]) expect(parseRetryAfter(text, NOW), String(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it('should say durations in words', () => {
    expect([45, 125, 3600, 12_000, 200_000].map((seconds) => formatDuration(seconds))).toEqual(['45 sec', '2 min 5 sec', '1 hr', '3 hr 20 min', '2 days 7 hr']);
  });

  it('should say them in the reader’s language, through Intl', () => {
    // Intl puts narrow no-break spaces between number and unit in some locales: compare with plain spaces.
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(formatDuration(125, 'de'))).toBe('2 Min., 5 Sek.');
    expect(plain(formatDuration(12_000, 'fr'))).toBe('3 h 20 min');
    expect(formatDuration(200_000, 'ja')).toMatch(/^2\s?日7\s?時間$/);
  });
});
