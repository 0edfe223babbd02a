// The options page's root: one section per SECTIONS entry, one row per FIELDS entry, nothing listed by hand.
import { useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ConfirmAction } from '../../components/options/ConfirmAction';
import { Diagnostics } from '../../components/options/Diagnostics';
import { FieldRow } from '../../components/options/FieldRow';
import { HistoryActions } from '../../components/options/HistoryActions';
import { SettingsNotice } from '../../components/options/SettingsNotice';
import { useOptionsForm, type OptionsForm } from '../../components/options/use-options-form';
import { sections, type Section } from '../../utils/options-form';
import { say } from '../../utils/wording';

/** What a section shows after its fields. */
const SECTION_EXTRAS: Partial<Record<Section['id'], (form: OptionsForm) => ComponentChildren>> = {
  history: (form) => <HistoryActions announce={form.say} />,
};

export function App() {
  const form = useOptionsForm();
  const heading = useRef<HTMLHeadingElement>(null);

  if (!form.loaded) return <main class="page" aria-busy="true" />;
  return (
    <>
      <main class="page">
        <header class="masthead">
          <img src="/icon/48.png" alt="" width={40} height={40} />
          <div>
            <h1 ref={heading} tabIndex={-1}>
              {say('options.title')}
            </h1>
            <p class="lead">{say('options.lead')}</p>
          </div>
        </header>

        {form.problems.length > 0 && (
          <SettingsNotice
            problems={form.problems}
            onDismiss={() => {
              heading.current?.focus();
              void form.dismissProblems();
            }}
          />
        )}

        {/* noValidate: the messages beside each field replace the browser's bubbles, and Enter must not submit. */}
        <form noValidate onSubmit={(event) => event.preventDefault()}>
          {sections().map((section) => (
            <section key={section.id} class="section" aria-labelledby={`section-${section.id}`}>
              <h2 id={`section-${section.id}`}>{section.title}</h2>
              <div class="card">
                {section.fields.map((field) => (
                  <FieldRow
                    key={field.key}
                    field={field}
                    control={form.controls[field.key]}
                    error={form.errors[field.key]}
                    note={form.notes[field.key]}
                    justSaved={form.justSaved === field.key}
                    onInput={form.input}
                    onCommit={form.commit}
                  />
                ))}
                {SECTION_EXTRAS[section.id]?.(form)}
              </div>
            </section>
          ))}
        </form>

        <section class="section" aria-labelledby="section-reset">
          <h2 id="section-reset">{say('options.reset.title')}</h2>
          <div class="card">
            <div class="row row-actions">
              <p class="help">{say('options.reset.help')}</p>
              <ConfirmAction
                label={say('options.reset.button')}
                question={say('options.reset.question')}
                confirmLabel={say('options.reset.confirm')}
                onConfirm={form.restoreDefaults}
              />
            </div>
          </div>
        </section>

        <section class="section" aria-labelledby="section-diagnostics">
          <h2 id="section-diagnostics">{say('options.diagnostics.title')}</h2>
          <Diagnostics announce={form.say} />
        </section>
      </main>
      <p class={`toast ${form.status ? `toast-${form.status.tone}` : 'toast-hidden'}`} role="status">
        {form.status?.message}
      </p>
    </>
  );
}
