// How many recent errors are stored, and the button that clears them.
import { useEffect, useState } from 'preact/hooks';
import { clearHistory, watchHistory } from '../../services/history-store';
import { ConfirmAction } from './ConfirmAction';
import { say, sayCount } from '../../utils/wording';

export function HistoryActions({ announce }: { announce(message: string): void }) {
  const [count, setCount] = useState<number>();

  useEffect(() => {
    return watchHistory((history) => setCount(history.length));
  }, []);

  return (
    <div class="row row-actions">
      <p class="help">{count === undefined ? '\u00a0' : count === 0 ? say('options.history.none') : sayCount('options.history.stored', count)}</p>
      <ConfirmAction
        label={say('options.history.clear')}
        question={sayCount('options.history.question', count ?? 0)}
        confirmLabel={say('options.history.confirm')}
        unavailable={!count}
        onConfirm={async () => {
          await clearHistory();
          announce(say('options.history.cleared'));
        }}
      />
    </div>
  );
}
