// "Explain a response": paste `curl -i` output, DevTools' header lines or the error page itself, get the same explanation as the popup.
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { explainResponse, type Explanation } from '../../utils/explain/explain-response';
import { parsePastedResponse, type PastedResponse } from '../../utils/pasted-response';
import { ExplanationView } from '../ExplanationView';
import { PageHeader } from '../PageHeader';
import { say, type MessageKey } from '../../utils/wording';

const EXAMPLES: { label: MessageKey; text: string }[] = [
  {
    label: 'explainPage.examples.curl',
    text: [
      'HTTP/2 522',
      'date: Tue, 04 Mar 2025 09:14:02 GMT',
      'content-type: text/html; charset=UTF-8',
      'cache-control: private, max-age=0, no-store, no-cache, must-revalidate, post-check=0, pre-check=0',
      'expires: Thu, 01 Jan 1970 00:00:01 GMT',
      'server: cloudflare',
      'cf-ray: 91a3c4d5e6f70812-AMS',
      '',
      '<!DOCTYPE html><title>example.com | 522: Connection timed out</title>',
    ].join('\n'),
  },
  {
    label: 'explainPage.examples.devtools',
    text: [
      'server: CloudFront',
      'x-cache: Error from cloudfront',
      'via: 1.1 0a1b2c3d4e5f.cloudfront.net (CloudFront)',
      'x-amz-cf-pop: FRA56-P5',
      'x-amz-cf-id: 7cKqbWcu0gXoL1eqJGpo8rN_OlB0a2M3y3u7Q9Rz8M2xQ4bD6aX1YA==',
    ].join('\n'),
  },
];

/** Where the status shown came from, with or without its reason phrase. */
const STATUS_SOURCES: Record<'line' | 'text', Record<'withText' | 'alone', MessageKey>> = {
  line: { withText: 'explainPage.statusWithTextFromLine', alone: 'explainPage.statusFromLine' },
  text: { withText: 'explainPage.statusWithTextFromText', alone: 'explainPage.statusFromText' },
};

type Parsed = { ok: true; response: PastedResponse } | { ok: false; error: string };

function parse(text: string): Parsed | undefined {
  if (text.trim() === '') return undefined;
  try {
    return { ok: true, response: parsePastedResponse(text) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export function ExplainPage({ initialText = '' }: { initialText?: string }) {
  const [text, setText] = useState(initialText);
  const [statusInput, setStatusInput] = useState('');
  const [submitted, setSubmitted] = useState(initialText !== '');
  const ids = { text: useId(), status: useId(), statusHelp: useId(), error: useId() };

  const parsed = useMemo(() => parse(text), [text]);
  const response = parsed?.ok ? parsed.response : undefined;
  // A page or its text alone states its status more often than not: the engine reads it off the page.
  const bodyOnly = response?.format === 'body';
  const needsStatus = response !== undefined && response.status === undefined && !bodyOnly;
  const typedStatus = /^\d{3}$/.test(statusInput.trim()) ? Number(statusInput.trim()) : undefined;
  const status = response?.status ?? typedStatus;

  const explanation: Explanation | undefined = useMemo(
    () =>
      submitted && response && (status !== undefined || bodyOnly)
        ? explainResponse({
            ...(status !== undefined && { status }),
            statusText: response.statusText ?? '',
            headers: response.headers,
            // Header lines alone say nothing of the body: it was not seen, which is not the same as empty.
            ...((response.format === 'http' || response.body !== '') && { bodyText: response.body }),
            url: response.url,
          })
        : undefined,
    [submitted, response, status, bodyOnly],
  );
  const askStatus = needsStatus || (bodyOnly && (typedStatus !== undefined || explanation?.evidence.status === 'unknown'));

  // After "Explain", move to the answer so keyboard and screen-reader users land on it.
  const result = useRef<HTMLElement>(null);
  const [focusResult, setFocusResult] = useState(false);
  useEffect(() => {
    if (!focusResult || !explanation) return;
    result.current?.focus();
    setFocusResult(false);
  }, [focusResult, explanation]);

  let problem: string | undefined;
  if (submitted && parsed && !parsed.ok) problem = say('explainPage.unreadable', { error: parsed.error });
  else if (submitted && needsStatus && typedStatus === undefined) problem = say('explainPage.noStatusLine');

  // The command is code, not words: the message marks where it goes.
  const [leadBefore, leadAfter = ''] = say('explainPage.lead').split('{curl}');

  return (
    <>
      <PageHeader>
        <a href="/recent-errors.html">{say('view.pages.recentErrors')}</a>
        <a href="/explain.html" aria-current="page">
          {say('view.pages.explain')}
        </a>
      </PageHeader>
      <main class="page stack">
        <div class="stack">
          <h1 class="page-title">{say('explainPage.title')}</h1>
          <p class="page-lead">
            {leadBefore}
            <code>curl -i</code>
            {leadAfter}
          </p>
        </div>
        <div class="explain-grid">
          <form
            class="form"
            onSubmit={(event) => {
              event.preventDefault();
              setSubmitted(true);
              setFocusResult(true);
            }}
          >
            <label for={ids.text}>{say('explainPage.response')}</label>
            <textarea
              id={ids.text}
              name="response"
              spellcheck={false}
              placeholder={'HTTP/1.1 502 Bad Gateway\nServer: nginx\n…'}
              value={text}
              aria-invalid={problem !== undefined && !needsStatus}
              aria-describedby={problem ? ids.error : undefined}
              onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)}
            />
            <div class="field-row small">
              <span class="muted">{say('explainPage.examples.label')}</span>
              {EXAMPLES.map((example) => (
                <button
                  type="button"
                  class="link"
                  key={example.label}
                  onClick={() => {
                    setText(example.text);
                    setStatusInput(example.text.startsWith('HTTP/') ? '' : '502');
                    setSubmitted(true);
                  }}
                >
                  {say(example.label)}
                </button>
              ))}
            </div>
            {askStatus && (
              <div class="stack" style={{ gap: '4px' }}>
                <label for={ids.status}>{say('explainPage.statusCode')}</label>
                <div class="field-row">
                  <input
                    id={ids.status}
                    name="status"
                    type="number"
                    inputMode="numeric"
                    min={100}
                    max={999}
                    placeholder="502"
                    value={statusInput}
                    aria-describedby={ids.statusHelp}
                    aria-invalid={submitted && typedStatus === undefined}
                    onInput={(event) => setStatusInput((event.currentTarget as HTMLInputElement).value)}
                  />
                  <span id={ids.statusHelp} class="small muted">
                    {bodyOnly ? say('explainPage.pageStatusHelp') : say('explainPage.headerStatusHelp')}
                  </span>
                </div>
              </div>
            )}
            {response?.status !== undefined && (
              <p class="small muted" data-status-source="status-line">
                {say(STATUS_SOURCES[response.format === 'http' ? 'line' : 'text'][response.statusText ? 'withText' : 'alone'], {
                  status: response.status,
                  statusText: response.statusText ?? '',
                })}
              </p>
            )}
            {bodyOnly && explanation?.evidence.status === 'inferred' && (
              <p class="small muted" data-status-source="page">
                {say('explainPage.statusFromPage', { status: explanation.status })}
              </p>
            )}
            <div class="actions">
              <button type="submit" class="primary">
                {say('explainPage.explain')}
              </button>
            </div>
            {problem && (
              <p id={ids.error} class="error-text" role="alert">
                {problem}
              </p>
            )}
          </form>
          <section class="result" aria-label={say('explainPage.result')} tabIndex={-1} ref={result}>
            {explanation ? <ExplanationView explanation={explanation} level={2} /> : <p class="muted">{say('explainPage.resultPlaceholder')}</p>}
          </section>
        </div>
      </main>
    </>
  );
}
