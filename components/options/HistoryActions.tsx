// How many recent errors are stored, and the button that clears them.
import { useEffect, useState } from 'preact/hooks';
import { clearHistory, watchHistory } from '../../services/history-store';
import { ConfirmAction } from './ConfirmAction';

const errorsText = (count: number) => `${count} recent error${count === 1 ? '' : 's'}`;

export function HistoryActions({ say }: { say(message: string): void }) {
  const [count, setCount] = useState<number>();

  useEffect(() => {
    return watchHistory((history) => setCount(history.length));
  }, []);

  return (
    <div class="row row-actions">
      <p class="help">{count === undefined ? '\u00a0' : count === 0 ? 'No recent errors are stored.' : `${errorsText(count)} stored on this device.`}</p>
      <ConfirmAction
        label="Clear recent errors"
        question={`Delete ${errorsText(count ?? 0)}? This cannot be undone.`}
        confirmLabel="Clear"
        unavailable={!count}
        onConfirm={async () => {
          await clearHistory();
          say('Recent errors cleared.');
        }}
      />
    </div>
  );
}
