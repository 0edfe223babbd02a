// Problems found in stored settings: which values were replaced by their defaults, until the user dismisses them.
export function SettingsNotice({ problems, onDismiss }: { problems: string[]; onDismiss(): void }) {
  return (
    <section class="notice" aria-labelledby="notice-title">
      <div class="notice-body">
        <h2 id="notice-title" class="notice-title">
          Some saved settings could not be used
        </h2>
        <p>They were reset to their defaults; your other settings were kept.</p>
        <ul class="notice-list">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
      <button type="button" class="button" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
