// Share what happened: copy a Markdown report for a support ticket, or save it as JSON. No secrets in either.
// There is no "include query strings" option here: stored tab records carry none (issue 14), so it would bring nothing back.
import { useState } from 'preact/hooks';

export interface ReportActionsProps {
  /** The report as Markdown and as JSON. */
  make(): Promise<{ markdown: string; json: string; fileName: string }>;
  copy(text: string): Promise<boolean>;
  download(fileName: string, text: string): void | Promise<void>;
}

export function ReportActions({ make, copy, download }: ReportActionsProps) {
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();

  const onCopy = async () => {
    const copied = await copy((await make()).markdown);
    setMessage(copied ? { text: 'Report copied as Markdown: paste it into a support ticket.' } : { text: 'The browser did not allow copying. Try Download instead.', error: true });
  };
  const onDownload = async () => {
    const report = await make();
    try {
      await download(report.fileName, report.json);
      setMessage({ text: `Saved ${report.fileName}.` });
    } catch {
      setMessage({ text: 'The browser did not start the download. Try Copy as Markdown instead.', error: true });
    }
  };

  return (
    <section class="section" data-section="report">
      <h2>Report</h2>
      <div class="actions">
        <button type="button" onClick={() => void onCopy()}>
          Copy as Markdown
        </button>
        <button type="button" onClick={() => void onDownload()}>
          Download JSON
        </button>
      </div>
      <p class="small muted">Cookies, credentials, tokens in headers and query strings in addresses are always left out.</p>
      <p class={`notice${message?.error ? ' error' : ''}`} role="status" aria-live="polite">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
