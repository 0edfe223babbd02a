import { describe, expect, it } from 'vitest';
import {
  checkSettings,
  DEFAULT_SETTINGS,
  FIELDS,
  fieldError,
  formatStatusList,
  GATEWAY_STATUSES,
  matchPatternError,
  parseStatusList,
  SECTIONS,
} from '../../utils/settings';

describe('the schema', () => {
  it('should have a valid default for every field', () => {
    for (const field of FIELDS) expect(fieldError(field, field.default), field.key).toBeUndefined();
  });

  it('should have unique keys, each in a known section', () => {
    expect(new Set(FIELDS.map((field) => field.key)).size).toBe(FIELDS.length);
    for (const field of FIELDS) expect(Object.keys(SECTIONS), field.key).toContain(field.section);
  });

  it('should keep each number default within its bounds', () => {
    for (const field of FIELDS) {
      if (field.kind !== 'integer' && field.kind !== 'number') continue;
      expect(field.min, field.key).toBeLessThanOrEqual(field.default);
      expect(field.default, field.key).toBeLessThanOrEqual(field.max);
    }
  });

  it('should build DEFAULT_SETTINGS from the fields', () => {
    expect(Object.keys(DEFAULT_SETTINGS).sort()).toEqual(FIELDS.map((field) => field.key).sort());
    expect(DEFAULT_SETTINGS.retryStatuses).toEqual([...GATEWAY_STATUSES]);
  });
});

describe('checkSettings', () => {
  it('should give the defaults without problems when nothing is stored', () => {
    expect(checkSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(checkSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('should keep valid values and replace each invalid one by its default', () => {
    const { settings, problems } = checkSettings({
      maxAttempts: 0,
      retryStatuses: 'garbage',
      neverRetrySites: ['not a pattern'],
      historySize: 42,
      showBanner: false,
      alwaysRetrySites: ['*://*.example.com/*'],
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, historySize: 42, showBanner: false, alwaysRetrySites: ['*://*.example.com/*'] });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/Attempts before giving up/);
    expect(problems.join('\n')).toMatch(/Statuses to retry/);
    expect(problems.join('\n')).toMatch(/Never retry on/);
  });

  it('should use the defaults, with one problem, for a value that is not an object', () => {
    for (const garbage of ['garbage', 42, [1, 2], true]) {
      const { settings, problems } = checkSettings(garbage);
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(problems).toEqual(['Stored settings were not an object; all defaults used.']);
    }
  });

  it('should ignore keys it does not know', () => {
    expect(checkSettings({ retired: 1, jitter: 0 })).toEqual({ settings: { ...DEFAULT_SETTINGS, jitter: 0 }, problems: [] });
  });

  it('should copy stored lists rather than share them', () => {
    const stored = { retryStatuses: [502] };
    const { settings } = checkSettings(stored);
    settings.retryStatuses.push(503);
    expect(stored.retryStatuses).toEqual([502]);
  });

  it('should refuse numbers that are not finite, and wrong types', () => {
    expect(checkSettings({ jitter: Number.NaN, autoRetry: 'yes', maxDelaySeconds: '60' }).problems).toHaveLength(3);
  });
});

describe('parseStatusList', () => {
  it('should read codes and ranges, sorted and unique', () => {
    expect(parseStatusList('504, 502 502,52X')).toEqual([502, 504, 520, 521, 522, 523, 524, 525, 526, 527, 528, 529]);
  });

  it('should throw a message a person can act on', () => {
    expect(() => parseStatusList('502, 404')).toThrow('"404" is not a 5xx status');
    expect(() => parseStatusList('5xx')).toThrow('is not a 5xx status');
    expect(() => parseStatusList('')).toThrow('List at least one status');
  });
});

describe('formatStatusList', () => {
  it('should shorten complete ranges only', () => {
    expect(formatStatusList([502, 503, 504, 520, 521, 522, 523, 524, 525, 526, 527, 528, 529])).toBe('502, 503, 504, 52x');
    // Cloudflare's defaults stop at 527, so that decade stays spelled out.
    expect(formatStatusList(GATEWAY_STATUSES)).toBe('502, 503, 504, 520, 521, 522, 523, 524, 525, 526, 527, 530');
    expect(formatStatusList([529, 520, 502])).toBe('502, 520, 529');
  });

  it('should round-trip through parseStatusList', () => {
    for (const codes of [[502], [...GATEWAY_STATUSES], [500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 599]]) {
      expect(parseStatusList(formatStatusList(codes))).toEqual(codes);
    }
  });
});

describe('matchPatternError', () => {
  it('should accept match patterns', () => {
    for (const pattern of ['<all_urls>', '*://*/*', '*://*.example.com/*', 'https://example.com/app/*', 'file:///home/*', 'http://127.0.0.1/']) {
      expect(matchPatternError(pattern), pattern).toBeUndefined();
    }
  });

  it('should explain what is wrong with anything else', () => {
    for (const pattern of ['example.com', '*://example.com', 'https://*example.com/*', 'gopher://example.com/*', 'https://exa*mple.com/*']) {
      expect(matchPatternError(pattern), pattern).toMatch(/is not a match pattern; write e\.g\. \*:\/\/\*\.example\.com\/\*/);
    }
    expect(matchPatternError(`https://example.com/${'a'.repeat(2100)}`)).toBe('Pattern is too long');
  });
});
