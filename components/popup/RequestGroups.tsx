// Failed requests inside the page, by host: the site's own hosts apart from third parties', each explained on demand.
import { useId, useState } from 'preact/hooks';
import type { FailedRequest, TabRecord } from '../../utils/tab-record';
import { ExplanationView } from '../ExplanationView';
import type { Explanation } from '../../utils/explain/explain-response';
import type { TabExplanations } from './use-explanations';
import { pathOf } from '../../utils/query-strings';
import { clockTime, requestGroups, type HostGroup } from '../../utils/tab-view';
import { say, sayCount, type MessageKey } from '../../utils/wording';

const TYPE_WORDS: Record<string, MessageKey> = {
  xmlhttprequest: 'popup.requests.type.xmlhttprequest',
  sub_frame: 'popup.requests.type.subFrame',
  main_frame: 'popup.requests.type.mainFrame',
};

function RequestItem({ failure, explanation, load, now }: { failure: FailedRequest; explanation: Explanation | undefined; load: () => unknown; now: number }) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const status = failure.status > 0 ? String(failure.status) : 'ERR';
  const headline = failure.summary?.headline ?? explanation?.headline ?? failure.networkError ?? '';
  return (
    <li class="request" data-request-id={failure.requestId}>
      <button
        type="button"
        class="request-toggle"
        aria-expanded={open}
        aria-controls={detailId}
        onClick={() => {
          if (!open) load();
          setOpen(!open);
        }}
      >
        <span class="pill small">
          <span class="visually-hidden">{`${say('popup.requests.statusLabel')} `}</span>
          {status}
        </span>
        <span class="request-path">
          {failure.method} {pathOf(failure.url)}
        </span>
        <span class="chevron" aria-hidden="true">
          ›
        </span>
        <span class="request-summary">
          {headline}
          <span class="muted">
            {' '}
            · {failure.type in TYPE_WORDS ? say(TYPE_WORDS[failure.type]!) : failure.type} · {clockTime(failure.time, now)}
          </span>
        </span>
      </button>
      {open && explanation && (
        <div class="request-detail" id={detailId}>
          <ExplanationView explanation={explanation} level={4} withHeadline={false} headers="folded" />
        </div>
      )}
    </li>
  );
}

function HostGroupView({ group, explained, now }: { group: HostGroup; explained: TabExplanations; now: number }) {
  const count = group.failures.length;
  return (
    <section class="host-group" data-host={group.host} data-party={group.party} aria-label={sayCount('popup.requests.groupLabel', count, { host: group.host })}>
      <h3 class="host-head">
        <span class="mono">{group.host}</span>
        <span class={`party-tag ${group.party}`}>{group.party === 'first' ? say('popup.requests.thisSite') : say('popup.requests.thirdPartyTag')}</span>
        <span class="count">{sayCount('popup.requests.failedCount', count)}</span>
      </h3>
      <ul class="requests">
        {group.failures.map((failure) => (
          <RequestItem key={failure.requestId} failure={failure} explanation={explained.explanations[failure.requestId]} load={explained.load} now={now} />
        ))}
      </ul>
    </section>
  );
}

export function RequestGroups({ record, explained, now }: { record: TabRecord; explained: TabExplanations; now: number }) {
  const { first, third } = requestGroups(record);
  if (first.length === 0 && third.length === 0) return null;
  return (
    <section class="section" data-section="requests">
      <h2>{say('popup.requests.title')}</h2>
      {first.length > 0 && (
        <div class="stack" data-party="first">
          <p class="small muted">{say('popup.requests.firstParty')}</p>
          {first.map((group) => (
            <HostGroupView key={group.host} group={group} explained={explained} now={now} />
          ))}
        </div>
      )}
      {third.length > 0 && (
        <div class="stack" data-party="third">
          <p class="small muted">{say('popup.requests.thirdParty')}</p>
          {third.map((group) => (
            <HostGroupView key={group.host} group={group} explained={explained} now={now} />
          ))}
        </div>
      )}
    </section>
  );
}
