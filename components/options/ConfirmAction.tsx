// A button for something that cannot be undone: it first asks, in the page, with the answer buttons focused.
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { say } from '../../utils/wording';

interface Props {
  label: string;
  question: string;
  confirmLabel: string;
  /** Shown instead of asking when there is nothing to do; the button stays focusable. */
  unavailable?: boolean;
  onConfirm(): Promise<void>;
}

export function ConfirmAction({ label, question, confirmLabel, unavailable, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const questionId = useId();
  const start = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  // Focus follows the question and comes back to the button it came from (before paint, so no keystroke is lost).
  useLayoutEffect(() => {
    if (asking) confirm.current?.focus();
    else if (wasAsking.current) start.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" class="button" ref={start} aria-disabled={unavailable ? 'true' : undefined} onClick={() => !unavailable && setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-labelledby={questionId} onKeyDown={(event) => event.key === 'Escape' && setAsking(false)}>
      <p id={questionId} class="confirm-question">
        {question}
      </p>
      <div class="confirm-buttons">
        <button
          type="button"
          class="button button-danger"
          ref={confirm}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
              setAsking(false);
            }
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" class="button" onClick={() => setAsking(false)}>
          {say('options.cancel')}
        </button>
      </div>
    </div>
  );
}
