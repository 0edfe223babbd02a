// Share what happened: copy a Markdown report for a support ticket, or save it as JSON. No secrets in either.
// Used by the popup and by the DevTools panel, which adds its own actions (Copy as JSON, Export failures as HAR).
// Only the panel offers query strings: it holds exact addresses in its own memory, while stored tab records (what the
// popup reports from) carry none, so the option would bring nothing back there.
import { useState } from 'preact/hooks';
import { say } from '../../utils/wording';

/** One more way to share, under the same query-string choice; `run` resolves to the message to show. */
export interface ExtraReportAction {
  label: string;
  run(includeQuery: boolean): Promise<{ text: string; error?: boolean }>;
}

export interface ReportActionsProps {
  /** The report as Markdown and as JSON, with or without query strings. */
  make(includeQuery: boolean): Promise<{ markdown: string; json: string; fileName: string }>;
  copy(text: string): Promise<boolean>;
  download(fileName: string, text: string): void | Promise<void>;
  extraActions?: readonly ExtraReportAction[];
  /** Offer "Include query strings": only where the report is made from exact addresses. */
  offerQueryStrings?: boolean;
}

export function ReportActions({ make, copy, download, extraActions = [], offerQueryStrings = false }: ReportActionsProps) {
  const [includeQuery, setIncludeQuery] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();

  const onCopy = async () => {
    const copied = await copy((await make(includeQuery)).markdown);
    setMessage(copied ? { text: say('popup.report.copied') } : { text: say('popup.report.copyFailed'), error: true });
  };
  const onDownload = async () => {
    const report = await make(includeQuery);
    try {
      await download(report.fileName, report.json);
      setMessage({ text: say('popup.report.saved', { fileName: report.fileName }) });
    } catch {
      setMessage({ text: say('popup.report.downloadFailed'), error: true });
    }
  };

  return (
    <section class="section" data-section="report">
      <h2>{say('popup.report.title')}</h2>
      <div class="actions">
        <button type="button" onClick={() => void onCopy()}>
          {say('popup.report.copy')}
        </button>
        <button type="button" onClick={() => void onDownload()}>
          {say('popup.report.download')}
        </button>
        {extraActions.map((action) => (
          <button type="button" key={action.label} onClick={() => void action.run(includeQuery).then(setMessage)}>
            {action.label}
          </button>
        ))}
      </div>
      {offerQueryStrings ? (
        <label class="check">
          <input type="checkbox" checked={includeQuery} onChange={(event) => setIncludeQuery((event.currentTarget as HTMLInputElement).checked)} />
          {say('popup.report.includeQuery')}
        </label>
      ) : null}
      <p class="small muted">{offerQueryStrings ? say('popup.report.leftOut') : say('popup.report.leftOutWithQuery')}</p>
      <p class={`notice${message?.error ? ' error' : ''}`} role="status" aria-live="polite">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
