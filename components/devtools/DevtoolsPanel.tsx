// The Gatewhy panel in DevTools: every failed request of the inspected tab, filtered, each explained with its full
// evidence (gateway, route, who wrote it, ranked causes, decoded headers, body), and shared as a report or a HAR.
import type { Explanation } from '../../utils/explain/explain-response';
import { failuresHar, harFileName, withResponseText } from '../../utils/devtools/har-export';
import type { InspectedRequest } from '../../utils/devtools/inspected-request';
import { partyOfRequest, visibleRequests, type PanelLog } from '../../utils/devtools/panel-log';
import { explainInspected, panelReport } from '../../utils/devtools/panel-report';
import { pathOf, hostWithPort } from '../../utils/query-strings';
import { reportFileName, reportJson, reportMarkdown } from '../../utils/report';
import { clockTime } from '../../utils/tab-view';
import { say, sayCount } from '../../utils/wording';
import { ReportActions, type ExtraReportAction } from '../popup/ReportActions';
import { PanelToolbar, type PanelToolbarProps } from './PanelToolbar';
import { RequestDetail } from './RequestDetail';

// Explanations by request object: a request is replaced (never changed) when its body arrives, so this stays true.
const explained = new WeakMap<InspectedRequest, Explanation>();
function explanationOf(request: InspectedRequest, log: PanelLog): Explanation {
  let explanation = explained.get(request);
  if (!explanation) explained.set(request, (explanation = explainInspected(request, log)));
  return explanation;
}

export interface PanelActions {
  copy(text: string): Promise<boolean>;
  download(fileName: string, text: string, type?: string): void | Promise<void>;
}

export interface DevtoolsPanelProps extends PanelToolbarProps {
  /** The key of the request shown in detail; the newest listed one when unset. */
  selected: string | undefined;
  onSelect(key: string): void;
  now: number;
  tabId: number;
  version?: string;
  actions: PanelActions;
}

function EmptyState({ log }: { log: PanelLog }) {
  return (
    <div class="hero tone-neutral" data-state="empty">
      <h2>{log.requests.length === 0 ? say('panel.empty.noRequests') : say('panel.empty.noMatch')}</h2>
      <p class="muted">{say('panel.empty.detail')}</p>
    </div>
  );
}

function RequestRow({
  request,
  log,
  explanation,
  selected,
  onSelect,
  now,
}: {
  request: InspectedRequest;
  log: PanelLog;
  explanation: Explanation;
  selected: boolean;
  onSelect(): void;
  now: number;
}) {
  const party = partyOfRequest(request, log);
  return (
    <li class="request" data-request-key={request.key} data-status={request.status} data-party={party}>
      <button type="button" class="request-toggle" aria-current={selected ? 'true' : undefined} onClick={onSelect}>
        <span class="pill small">
          <span class="visually-hidden">{say('panel.list.status')} </span>
          {request.status > 0 ? request.status : 'ERR'}
        </span>
        <span class="request-path">
          {request.method} {pathOf(request.url)}
        </span>
        <span class={`party-tag ${party}`}>{party === 'first' ? say('panel.list.thisSite') : say('panel.list.thirdParty')}</span>
        <span class="request-summary">
          {explanation.headline}
          <span class="muted">
            {' '}
            · {hostWithPort(request.url)} · {clockTime(request.time, now)}
          </span>
        </span>
      </button>
    </li>
  );
}

export function DevtoolsPanel(props: DevtoolsPanelProps) {
  const { log, filters, selected, onSelect, now, tabId, version, actions } = props;
  const visible = visibleRequests(log, filters);
  const current = visible.find((request) => request.key === selected) ?? visible[0];

  const makeReport = async (includeQuery: boolean) => {
    const report = panelReport(log, visible, { tabId, includeQuery, now: Date.now(), ...(version && { version }) });
    return { markdown: reportMarkdown(report), json: reportJson(report), fileName: reportFileName(report) };
  };
  const extraActions: ExtraReportAction[] = [
    {
      label: say('panel.actions.copyJson'),
      run: async (includeQuery) =>
        (await actions.copy((await makeReport(includeQuery)).json))
          ? { text: say('panel.actions.copiedJson') }
          : { text: say('panel.actions.copyRefused'), error: true },
    },
    {
      label: say('panel.actions.exportHar'),
      run: async (includeQuery) => {
        const har = failuresHar(
          visible.map((request) => withResponseText(request.har, request.body)),
          { includeQuery, ...(version && { version }) },
        );
        const fileName = harFileName(Date.now());
        try {
          await actions.download(fileName, `${JSON.stringify(har, null, 2)}\n`, 'application/json');
          return { text: sayCount('panel.actions.harSaved', har.log.entries.length, { fileName }) };
        } catch {
          return { text: say('panel.actions.downloadRefused'), error: true };
        }
      },
    },
  ];

  return (
    <>
      <PanelToolbar {...props} />
      <main class="panel-main">
        <section class="panel-list section" aria-labelledby="list-title">
          <h2 id="list-title">
            {say('panel.list.title')}{' '}
            <span class="count">
              {visible.length === log.requests.length
                ? log.requests.length
                : say('panel.list.shownOfTotal', { shown: visible.length, total: log.requests.length })}
            </span>
          </h2>
          {visible.length === 0 ? (
            <EmptyState log={log} />
          ) : (
            <ul class="requests" aria-label={say('panel.list.title')}>
              {visible.map((request) => (
                <RequestRow
                  key={request.key}
                  request={request}
                  log={log}
                  explanation={explanationOf(request, log)}
                  selected={request === current}
                  onSelect={() => onSelect(request.key)}
                  now={now}
                />
              ))}
            </ul>
          )}
          {visible.length > 0 && (
            <ReportActions make={makeReport} copy={actions.copy} download={actions.download} extraActions={extraActions} offerQueryStrings />
          )}
        </section>
        <section class="panel-detail">
          {current ? (
            <RequestDetail
              request={current}
              explanation={explanationOf(current, log)}
              party={partyOfRequest(current, log)}
              time={clockTime(current.time, now)}
            />
          ) : (
            <p class="muted">{say('panel.list.selectOne')}</p>
          )}
        </section>
      </main>
    </>
  );
}
