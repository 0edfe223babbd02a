// What the options page's controls hold, turned into typed settings and back. Validation itself is utils/settings.ts's.
import { FIELDS, SECTIONS, fieldError, formatStatusList, parseStatusList, type Field, type Settings } from './settings';
import { currentLocale, say, type MessageKey } from './wording';

/** A checkbox's state, or the text of a number input, a status list or a pattern textarea. */
export type ControlValue = boolean | string;

export type ReadControl = { value: Settings[Field['key']]; error?: undefined } | { value?: undefined; error: string };

/** The control's value for a stored setting: `[520, …, 529]` reads "52x", patterns one per line. */
export function toControl(field: Field, settings: Settings): ControlValue {
  switch (field.kind) {
    case 'boolean':
      return settings[field.key];
    case 'integer':
    case 'number':
      return String(settings[field.key]);
    case 'statuses':
      return formatStatusList(settings[field.key]);
    case 'patterns':
      return settings[field.key].join('\n');
  }
}

export function toControls(settings: Settings): Record<Field['key'], ControlValue> {
  return Object.fromEntries(FIELDS.map((field) => [field.key, toControl(field, settings)])) as Record<Field['key'], ControlValue>;
}

// Plain decimal notation, as a number input's value is; Number() alone would also take "0x10" and "Infinity".
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Turns a control's value into the setting's value, or the message to show beside the field. */
export function readControl(field: Field, control: ControlValue): ReadControl {
  let value: unknown;
  switch (field.kind) {
    case 'boolean':
      value = control;
      break;
    case 'integer':
    case 'number': {
      const text = String(control).trim();
      // A number input reports "" both when empty and when it holds text it cannot read.
      if (!DECIMAL.test(text)) return { error: say('options.form.enterNumber') };
      value = Number(text);
      break;
    }
    case 'statuses':
      try {
        value = parseStatusList(String(control));
      } catch (error) {
        return { error: (error as Error).message };
      }
      break;
    case 'patterns':
      value = String(control)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      break;
  }
  const error = fieldError(field, value);
  return error ? { error } : { value: value as Settings[Field['key']] };
}

const UNIT_WORDS: Record<string, MessageKey> = { s: 'options.form.unit.seconds', '×': 'options.form.unit.times' };

/** "From 0.5 to 600 seconds": the bounds of a number field, said in words for its description. */
export function boundsHint(field: Field): string | undefined {
  if (field.kind !== 'integer' && field.kind !== 'number') return undefined;
  const number = new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 20, useGrouping: false });
  const values = { min: number.format(field.min), max: number.format(field.max) };
  const whole = field.kind === 'integer';
  if (!field.unit) return say(whole ? 'options.form.boundsWhole' : 'options.form.bounds', values);
  const unit = Object.hasOwn(UNIT_WORDS, field.unit) ? say(UNIT_WORDS[field.unit]!) : field.unit;
  return say(whole ? 'options.form.boundsUnitWhole' : 'options.form.boundsUnit', { ...values, unit });
}

export interface Section {
  id: Field['section'];
  title: string;
  fields: Field[];
}

/** FIELDS grouped under SECTIONS, both in the order they are declared. */
export function sections(fields: readonly Field[] = FIELDS): Section[] {
  return (Object.keys(SECTIONS) as Field['section'][])
    .map((id) => ({ id, title: say(SECTIONS[id]), fields: fields.filter((field) => field.section === id) }))
    .filter((section) => section.fields.length > 0);
}
