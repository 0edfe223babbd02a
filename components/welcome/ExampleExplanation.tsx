// The welcome page's live example: a real captured gateway error, explained by the engine as the popup explains it.
import { ExplanationView } from '../ExplanationView';
import { explainResponse } from '../../utils/explain/explain-response';
import { parseHttpResponse } from '../../utils/http-message';
// The capture itself, bundled at build time (Vite's ?raw import): nginx answering 502 when the application behind it
// refused the connection. wxt.config.ts keeps this file in the sources zip.
import capture from '../../test/fixtures/responses/nginx/refused.http?raw';
import { say } from '../../utils/wording';

/** The capture without its `#` notes, as a browser would have received it. */
export const EXAMPLE_RESPONSE = capture.replace(/^(#[^\n]*\n)+/, '');

export function ExampleExplanation() {
  const response = parseHttpResponse(EXAMPLE_RESPONSE);
  const explanation = explainResponse({ status: response.status, statusText: response.statusText, headers: response.headers, bodyText: response.body });
  return (
    <div class="stack">
      <p class="muted">{say('welcome.example.lead')}</p>
      <div class="card example" data-example="nginx/refused">
        <ExplanationView explanation={explanation} level={3} headers="folded" />
      </div>
      <details class="headers-toggle">
        <summary>{say('welcome.example.raw')}</summary>
        <pre class="raw example-raw">{EXAMPLE_RESPONSE.trimEnd()}</pre>
      </details>
    </div>
  );
}
