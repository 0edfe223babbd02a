import { describe, expect, it } from 'vitest';
import v1Storage from '../fixtures/settings/v1-storage-sync.json';
import {
  checkSettings,
  DEFAULT_SETTINGS,
  FIELDS,
  fieldError,
  formatStatusList,
  GATEWAY_STATUSES,
  migrateV1ToV2,
  parseStatusList,
  SECTIONS,
  SETTING_KEYS,
  settingItemKey,
  valuesFromItems,
  type Settings,
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

describe('the Settings type', () => {
  it('should be derived from the schema: each key typed by its kind', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, maxAttempts: 3, neverRetrySites: ['*://a.example/*'] };
    // @ts-expect-error: maxAttempts is a number in the schema
    settings.maxAttempts = 'three';
    // @ts-expect-error: no such setting in the schema
    settings.retired = true;
    expect(SETTING_KEYS).toEqual(FIELDS.map((field) => field.key));
  });
});

describe('checkSettings', () => {
  it('should give the defaults without problems when nothing is stored', () => {
    expect(checkSettings({})).toEqual({ settings: DEFAULT_SETTINGS, problems: [], invalid: [] });
    expect(checkSettings({ maxAttempts: null })).toEqual({ settings: DEFAULT_SETTINGS, problems: [], invalid: [] });
  });

  it('should keep valid values and replace each invalid one by its default', () => {
    const { settings, problems, invalid } = checkSettings({
      maxAttempts: 0,
      retryStatuses: 'garbage',
      neverRetrySites: ['not a pattern'],
      historySize: 42,
      showBanner: false,
      alwaysRetrySites: ['*://*.example.com/*'],
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, historySize: 42, showBanner: false, alwaysRetrySites: ['*://*.example.com/*'] });
    expect(invalid).toEqual(['retryStatuses', 'maxAttempts', 'neverRetrySites']);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/Attempts before giving up/);
    expect(problems.join('\n')).toMatch(/Statuses to retry/);
    expect(problems.join('\n')).toMatch(/"Never retry on": stored value was invalid \("not a pattern": no scheme/);
  });

  it('should leave keys it does not know to whoever wrote them', () => {
    expect(checkSettings({ retired: 1, jitter: 0 })).toEqual({ settings: { ...DEFAULT_SETTINGS, jitter: 0 }, problems: [], invalid: [] });
  });

  it('should copy stored lists rather than share them', () => {
    const stored = { retryStatuses: [502] };
    const { settings } = checkSettings(stored);
    settings.retryStatuses.push(503);
    expect(stored.retryStatuses).toEqual([502]);
    expect(DEFAULT_SETTINGS.retryStatuses).toEqual([...GATEWAY_STATUSES]);
  });

  it('should refuse numbers that are not finite, and wrong types', () => {
    expect(checkSettings({ jitter: Number.NaN, autoRetry: 'yes', maxDelaySeconds: '60' }).problems).toHaveLength(3);
  });
});

describe('the version 1 to 2 migration', () => {
  // Captured from the build of commit a81f897 (settings version 1): the options page set "Attempts before giving up"
  // to 7, two "Never retry on" rules and turned the banner off; this is what chrome.storage.sync then held.
  it('should turn a real version 1 settings object into one item per setting, values unchanged', () => {
    const items = migrateV1ToV2(v1Storage.settings, v1Storage);
    expect(Object.keys(items).sort()).toEqual(SETTING_KEYS.map(settingItemKey).sort());
    expect(items['settings.maxAttempts']).toBe(7);
    expect(items['settings.neverRetrySites']).toEqual(['*://*.example.com/*', 'https://status.example.org/*']);
    const { settings, problems } = checkSettings(valuesFromItems(items));
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      maxAttempts: 7,
      neverRetrySites: ['*://*.example.com/*', 'https://status.example.org/*'],
      showBanner: false,
    });
  });

  it('should keep keys this version does not know, and never overwrite an item already written', () => {
    const items = migrateV1ToV2({ ...v1Storage.settings, fromTheFuture: 'kept' }, { 'settings.maxAttempts': 3 });
    expect(items['settings.fromTheFuture']).toBe('kept');
    expect(items).not.toHaveProperty('settings.maxAttempts');
  });

  it('should do nothing with what is not an object', () => {
    for (const legacy of [undefined, null, 'garbage', 42, [1, 2]]) expect(migrateV1ToV2(legacy, {})).toEqual({});
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

describe('site rules in settings', () => {
  it('should be checked with the grammar the policy applies (utils/match-pattern.ts)', () => {
    const field = FIELDS.find(({ key }) => key === 'neverRetrySites')!;
    expect(fieldError(field, ['*://example.com:8080/*', '*://[::1]/*', '<all_urls>'])).toBeUndefined();
    expect(fieldError(field, ['*://*.example.com/*', 'ws://example.com/*'])).toBe(
      '"ws://example.com/*": the scheme "ws" is not one Gatewhy retries; use http, https or *',
    );
    expect(fieldError(field, [42])).toBe('A rule is not text');
  });
});
