// One failed request in the panel: its address and time, the engine's explanation with all its evidence, and the body.
import type { Explanation } from '../../utils/explain/explain-response';
import type { InspectedRequest } from '../../utils/devtools/inspected-request';
import type { Party } from '../../utils/party';
import { urlWithoutQuery } from '../../utils/query-strings';
import { MAX_BODY_CHARS } from '../../utils/devtools/response-body';
import { ExplanationView } from '../ExplanationView';
import { say } from '../../utils/wording';

const KB = Math.round(MAX_BODY_CHARS / 1024);

/** The start of the response body as DevTools gave it: the evidence the background never sees. */
export function BodyExcerpt({ request }: { request: InspectedRequest }) {
  let content;
  if (request.status === 0) content = <p class="muted">{say('panel.detail.noBody')}</p>;
  else if (request.bodyState === 'reading')
    content = (
      <p class="muted" aria-busy="true">
        {say('panel.detail.readingBody')}
      </p>
    );
  else if (!request.body) content = <p class="muted">{say('panel.detail.bodyNotGiven')}</p>;
  else if (request.body.text === '') content = <p class="muted">{say('panel.detail.emptyBody')}</p>;
  else {
    content = (
      <>
        <pre class="body-text" tabIndex={0}>
          {request.body.text}
        </pre>
        {request.body.truncated && <p class="small muted">{say('panel.detail.truncated', { kilobytes: KB })}</p>}
      </>
    );
  }
  return (
    <section class="section" data-section="body" aria-label={say('panel.detail.body')}>
      <h3>{say('panel.detail.body')}</h3>
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
    <article class="stack request-detail-panel" data-request-key={request.key} aria-label={say('panel.detail.label')}>
      <p class="detail-head">
        <span class="pill small">
          <span class="visually-hidden">{request.status > 0 ? say('panel.list.status') : say('panel.list.noResponse')} </span>
          {status}
        </span>
        <span class="address">
          {request.method} {urlWithoutQuery(request.url)}
        </span>
        <span class={`party-tag ${party}`}>{party === 'first' ? say('panel.list.thisSite') : say('panel.list.thirdParty')}</span>
        <span class="muted small">{time}</span>
      </p>
      <ExplanationView explanation={explanation} level={3} />
      <BodyExcerpt request={request} />
    </article>
  );
}
