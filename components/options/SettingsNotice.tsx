// Problems found in stored settings: which values were replaced by their defaults, until the user dismisses them.
import { say } from '../../utils/wording';

export function SettingsNotice({ problems, onDismiss }: { problems: string[]; onDismiss(): void }) {
  return (
    <section class="notice" aria-labelledby="notice-title">
      <div class="notice-body">
        <h2 id="notice-title" class="notice-title">
          {say('options.notice.title')}
        </h2>
        <p>{say('options.notice.detail')}</p>
        <ul class="notice-list">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
      <button type="button" class="button" onClick={onDismiss}>
        {say('options.notice.dismiss')}
      </button>
    </section>
  );
}
