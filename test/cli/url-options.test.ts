// The URL options read from the command line: durations, methods, values inline or as the next argument.
import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_OPTIONS, isUrlArgument, parseDuration, takeUrlOption } from '../../cli/url-options';

describe('parseDuration', () => {
  it.each([
    ['15', 15_000],
    ['0.5', 500],
    ['500ms', 500],
    ['90s', 90_000],
    ['10m', 600_000],
    ['10min', 600_000],
    ['1h', 3_600_000],
    ['24h', 86_400_000],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '0', '-5', '5x', '1e3', '25h', 'soon', '1h30m'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('takeUrlOption', () => {
  const take = (...args: string[]) => {
    const options = { ...DEFAULT_URL_OPTIONS };
    return { used: takeUrlOption(args, 0, options), options };
  };

  it('reads a value from the next argument or after "="', () => {
    expect(take('--timeout', '3', 'http://a/')).toEqual({ used: 2, options: { ...DEFAULT_URL_OPTIONS, timeoutMs: 3000 } });
    expect(take('--max-time=2m')).toEqual({ used: 1, options: { ...DEFAULT_URL_OPTIONS, maxTimeMs: 120_000 } });
    expect(take('--method', 'head')).toEqual({ used: 2, options: { ...DEFAULT_URL_OPTIONS, method: 'HEAD' } });
    expect(take('--follow')).toEqual({ used: 1, options: { ...DEFAULT_URL_OPTIONS, follow: true } });
  });

  it('leaves other arguments alone, and says what is wrong with a bad value', () => {
    expect(take('--json').used).toBe(0);
    expect(take('--timeout').used).toBe('--timeout needs a value');
    expect(take('--method=DELETE').used).toContain('only GET and HEAD');
    expect(take('--watch=yes').used).toBe('--watch takes no value');
  });
});

it('tells URLs from files', () => {
  expect(['https://a.example/', 'HTTP://a/', 'ftp://a/'].map(isUrlArgument)).toEqual([true, true, true]);
  expect(['response.http', '-', 'C:\\captures\\a.http', 'dir/https://x'].map(isUrlArgument)).toEqual([false, false, false, false]);
});
