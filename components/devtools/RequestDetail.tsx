// One failed request in the panel: its address and time, the engine's explanation with all its evidence, and the body.
import type { Explanation } from '../../utils/explain/explain-response';
import type { InspectedRequest } from '../../utils/devtools/inspected-request';
import type { Party } from '../../utils/party';
import { urlWithoutQuery } from '../../utils/query-strings';
import { MAX_BODY_CHARS } from '../../utils/devtools/response-body';
import { ExplanationView } from '../ExplanationView';

const KB = Math.round(MAX_BODY_CHARS / 1024);

/** The start of the response body as DevTools gave it: the evidence the background never sees. */
export function BodyExcerpt({ request }: { request: InspectedRequest }) {
  let content;
  if (request.status === 0) content = <p class="muted">No response arrived, so there is no body.</p>;
  else if (request.bodyState === 'reading')
    content = (
      <p class="muted" aria-busy="true">
        Reading the body…
      </p>
    );
  else if (!request.body) content = <p class="muted">DevTools did not give this response's body (it may have been dropped from its log).</p>;
  else if (request.body.text === '') content = <p class="muted">The response had an empty body: the explanation rests on the status and headers.</p>;
  else {
    content = (
      <>
        <pre class="body-text" tabIndex={0}>
          {request.body.text}
        </pre>
        {request.body.truncated && <p class="small muted">Only the first {KB} KB are shown and used.</p>}
      </>
    );
  }
  return (
    <section class="section" data-section="body" aria-label="Response body">
      <h3>Response body</h3>
      {content}
    </section>
  );
}

export interface RequestDetailProps {
  request: InspectedRequest;
  explanation: Explanation;
  party: Party;
  time: string;
}

export function RequestDetail({ request, explanation, party, time }: RequestDetailProps) {
  const status = request.status > 0 ? String(request.status) : 'ERR';
  return (
    <article class="stack request-detail-panel" data-request-key={request.key} aria-label="Selected request">
      <p class="detail-head">
        <span class="pill small">
          <span class="visually-hidden">{request.status > 0 ? 'Status ' : 'No response: '}</span>
          {status}
        </span>
        <span class="address">
          {request.method} {urlWithoutQuery(request.url)}
        </span>
        <span class={`party-tag ${party}`}>{party === 'first' ? 'this site' : 'third party'}</span>
        <span class="muted small">{time}</span>
      </p>
      <ExplanationView explanation={explanation} level={3} />
      <BodyExcerpt request={request} />
    </article>
  );
}
