// One setting, drawn from its schema entry: a switch, a number with its unit and bounds, a status list or a pattern list.
import { boundsHint, type ControlValue } from '../../utils/options-form';
import type { Field } from '../../utils/settings';
import { say } from '../../utils/wording';

interface Props {
  field: Field;
  control: ControlValue;
  error?: string;
  note?: string;
  justSaved: boolean;
  onInput(field: Field, control: ControlValue): void;
  onCommit(field: Field, control: ControlValue): void;
}

export function FieldRow({ field, control, error, note, justSaved, onInput, onCommit }: Props) {
  const id = `field-${field.key}`;
  const hint = boundsHint(field);
  // The error first: it is what a screen reader user needs to hear before the help.
  const describedBy = [error && `${id}-error`, field.help && `${id}-help`, hint && `${id}-hint`, note && `${id}-note`].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? ('true' as const) : undefined,
    onInput: (event: Event) => onInput(field, (event.currentTarget as HTMLInputElement).value),
    // "change" fires on leaving the field or pressing Enter: a half-typed value is never saved.
    onChange: (event: Event) => onCommit(field, (event.currentTarget as HTMLInputElement).value),
  };

  let input;
  switch (field.kind) {
    case 'boolean':
      input = (
        <input
          type="checkbox"
          role="switch"
          class="switch"
          id={id}
          checked={control === true}
          aria-describedby={describedBy}
          onChange={(event) => onCommit(field, event.currentTarget.checked)}
        />
      );
      break;
    case 'integer':
    case 'number':
      input = (
        <span class="number">
          <input
            {...shared}
            type="number"
            inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
            min={field.min}
            max={field.max}
            step={field.kind === 'integer' ? 1 : 'any'}
            value={String(control)}
          />
          {/* Always there, so inputs with and without a unit line up. */}
          <span class="unit" aria-hidden="true">
            {field.unit}
          </span>
        </span>
      );
      break;
    case 'statuses':
      input = <input {...shared} type="text" class="text mono" spellcheck={false} autoComplete="off" value={String(control)} />;
      break;
    case 'patterns': {
      const lines = String(control).split('\n').length;
      input = (
        <textarea
          {...shared}
          class="text mono"
          rows={Math.min(Math.max(lines + 1, 3), 12)}
          spellcheck={false}
          wrap="off"
          placeholder="*://*.example.com/*"
          value={String(control)}
        />
      );
      break;
    }
  }

  const wide = field.kind === 'statuses' || field.kind === 'patterns';
  return (
    <div class={`row row-${field.kind}${wide ? ' row-wide' : ''}`}>
      <div class="row-text">
        <label for={id} class="label">
          {say(field.label)}
          {justSaved && (
            <span class="saved-mark" aria-hidden="true">
              {say('options.savedMark')}
            </span>
          )}
        </label>
        {field.help && (
          <p id={`${id}-help`} class="help">
            {say(field.help)}
          </p>
        )}
        {hint && (
          <p id={`${id}-hint`} class="help">
            {hint}
          </p>
        )}
      </div>
      <div class="row-control">{input}</div>
      {(error || note) && (
        <div class="row-messages">
          {error && (
            <p id={`${id}-error`} class="error">
              {error}
            </p>
          )}
          {note && (
            <p id={`${id}-note`} class="note">
              {note}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
