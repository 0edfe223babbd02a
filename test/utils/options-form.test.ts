import { describe, expect, it } from 'vitest';
import { boundsHint, readControl, sections, toControl, toControls } from '../../utils/options-form';
import { DEFAULT_SETTINGS, FIELDS, SECTIONS, type Field } from '../../utils/settings';

const field = (key: Field['key']) => FIELDS.find((one) => one.key === key)!;
const read = (key: Field['key'], control: string | boolean) => readControl(field(key), control);

describe('toControl', () => {
  it('should write statuses in short form and patterns one per line', () => {
    expect(toControl(field('retryStatuses'), DEFAULT_SETTINGS)).toBe('502, 503, 504, 520, 521, 522, 523, 524, 525, 526, 527, 530');
    const withRange = { ...DEFAULT_SETTINGS, retryStatuses: [502, 520, 521, 522, 523, 524, 525, 526, 527, 528, 529] };
    expect(toControl(field('retryStatuses'), withRange)).toBe('502, 52x');
    const settings = { ...DEFAULT_SETTINGS, neverRetrySites: ['*://a.example/*', 'https://b.example/*'] };
    expect(toControl(field('neverRetrySites'), settings)).toBe('*://a.example/*\nhttps://b.example/*');
  });

  it('should give numbers as text and booleans as they are', () => {
    expect(toControl(field('jitter'), DEFAULT_SETTINGS)).toBe('0.3');
    expect(toControl(field('autoRetry'), DEFAULT_SETTINGS)).toBe(true);
  });

  it('should read back every default unchanged', () => {
    const controls = toControls(DEFAULT_SETTINGS);
    for (const one of FIELDS) expect(readControl(one, controls[one.key]), one.key).toEqual({ value: DEFAULT_SETTINGS[one.key] });
  });
});

describe('readControl', () => {
  it('should read numbers, trimming spaces', () => {
    expect(read('maxAttempts', ' 7 ')).toEqual({ value: 7 });
    expect(read('baseDelaySeconds', '0.5')).toEqual({ value: 0.5 });
    expect(read('retryAfterCapSeconds', '1e3')).toEqual({ value: 1000 });
  });

  it('should refuse empty or unreadable numbers', () => {
    for (const text of ['', '  ', 'abc', '0x10', 'Infinity', '1,5', '2s']) expect(read('maxAttempts', text), text).toEqual({ error: 'Enter a number' });
  });

  it('should use the schema bounds', () => {
    expect(read('maxAttempts', '0')).toEqual({ error: 'Enter a value from 1 to 20' });
    expect(read('maxAttempts', '21')).toEqual({ error: 'Enter a value from 1 to 20' });
    expect(read('maxAttempts', '2.5')).toEqual({ error: 'Enter a whole number' });
    expect(read('jitter', '1.5')).toEqual({ error: 'Enter a value from 0 to 1' });
    expect(read('historySize', '0')).toEqual({ value: 0 });
  });

  it('should parse status lists, ranges included', () => {
    expect(read('retryStatuses', '503,502 52x')).toEqual({ value: [502, 503, 520, 521, 522, 523, 524, 525, 526, 527, 528, 529] });
  });

  it('should explain a status list it cannot use', () => {
    expect(read('retryStatuses', '502, 404').error).toMatch(/"404" is not a 5xx status/);
    expect(read('retryStatuses', ' , ').error).toMatch(/at least one status/);
  });

  it('should read one pattern per line, ignoring blank lines and spaces', () => {
    expect(read('neverRetrySites', '  *://*.example.com/*\r\n\n https://example.org/app/* \n')).toEqual({
      value: ['*://*.example.com/*', 'https://example.org/app/*'],
    });
    expect(read('alwaysRetrySites', '')).toEqual({ value: [] });
  });

  it('should name the pattern that is wrong', () => {
    expect(read('neverRetrySites', '*://*.example.com/*\nexample.org').error).toBe(
      '"example.org": no scheme (such as https:// or *://); write it like *://*.example.com/*',
    );
    expect(read('alwaysRetrySites', 'ws://example.com/*').error).toContain('the scheme "ws" is not one Gatewhy retries');
  });

  it('should pass booleans through', () => {
    expect(read('showBanner', false)).toEqual({ value: false });
  });
});

describe('boundsHint', () => {
  it('should say the bounds and unit in words', () => {
    expect(boundsHint(field('baseDelaySeconds'))).toBe('From 0.5 to 600 seconds');
    expect(boundsHint(field('backoffFactor'))).toBe('From 1 to 10 times');
    expect(boundsHint(field('maxAttempts'))).toBe('From 1 to 20, whole numbers');
  });

  it('should be undefined for fields without bounds', () => {
    expect(boundsHint(field('autoRetry'))).toBeUndefined();
    expect(boundsHint(field('retryStatuses'))).toBeUndefined();
  });
});

describe('sections', () => {
  it('should place every field once, in schema order, under its section', () => {
    const grouped = sections();
    expect(grouped.map((section) => section.id)).toEqual(Object.keys(SECTIONS));
    expect(grouped.flatMap((section) => section.fields).sort((a, b) => FIELDS.indexOf(a) - FIELDS.indexOf(b))).toEqual([...FIELDS]);
    for (const section of grouped) expect(section.fields.every((one) => one.section === section.id)).toBe(true);
  });

  it('should leave out sections without fields', () => {
    expect(sections([field('showBanner')])).toEqual([{ id: 'page', title: 'On the page', fields: [field('showBanner')] }]);
  });
});
