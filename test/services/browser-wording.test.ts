import { describe, expect, it, vi } from 'vitest';
import { remembered } from '../../services/browser-wording';

describe('the browser’s messages, remembered', () => {
  it('asks the browser once per message and values, and answers the same as it', () => {
    const browser = vi.fn((key: string, values?: Record<string, string | number>, count?: number) =>
      key === 'missing' ? undefined : `${key} ${JSON.stringify(values ?? {})} ${count ?? ''}`,
    );
    const say = remembered(browser);
    const asked = [
      ['cause.title'],
      ['cause.title'],
      ['retry.after', { host: 'a.example' }],
      ['retry.after', { host: 'a.example' }],
      ['retry.after', { host: 'b.example' }],
      ['retry.count', undefined, 1],
      ['retry.count', undefined, 2],
      ['retry.count', undefined, 2],
      ['missing'],
      ['missing'],
    ] as const;
    const answers = asked.map(([key, values, count]) => say(key, values, count));
    expect(answers).toEqual(asked.map(([key, values, count]) => browser(key, values, count)));
    browser.mockClear();
    const fresh = remembered(browser);
    asked.forEach(([key, values, count]) => fresh(key, values, count));
    expect(browser).toHaveBeenCalledTimes(6);
  });

  it('keeps a bounded number of them: messages whose values never repeat do not pile up', () => {
    const browser = vi.fn((key: string, values?: Record<string, string | number>) => `${key} ${values?.url}`);
    const say = remembered(browser);
    for (let i = 0; i < 10_000; i += 1) expect(say('failed.at', { url: `https://a.example/${i}` })).toBe(`failed.at https://a.example/${i}`);
    say('failed.at', { url: 'https://a.example/9999' });
    expect(browser).toHaveBeenCalledTimes(10_000);
    say('failed.at', { url: 'https://a.example/0' });
    expect(browser).toHaveBeenCalledTimes(10_001);
  });
});
