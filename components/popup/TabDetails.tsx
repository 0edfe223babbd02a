// A tab with errors: the headline card, the retry, the explanation, the failed requests, the timeline and the report.
import { useEffect } from 'preact/hooks';
import { urlWithoutQuery } from '../../utils/query-strings';
import { buildReport, reportFileName, reportJson, reportMarkdown } from '../../utils/report';
import type { RetryState } from '../../utils/retry-policy';
import type { TabRecord } from '../../utils/tab-record';
import { ago, clockTime, requestGroups, requestsInside } from '../../utils/tab-view';
import { TabJustMe } from '../JustMe';
import { ExplanationView, HeadersSection, Meaning, StatusPageLink, WhoWrote } from '../ExplanationView';
import { RequestGroups } from './RequestGroups';
import type { TabExplanations } from './use-explanations';
import { ReportActions } from './ReportActions';
import { RetryPanel, type RetryActions } from './RetryPanel';
import { Timeline } from './Timeline';
import { say, sayCount } from '../../utils/wording';

export interface TabDetailsProps {
  record: TabRecord;
  /** From the background (see use-explanations.ts). */
  explained: TabExplanations;
  retry: RetryState | undefined;
  now: number;
  version?: string;
  actions: RetryActions & {
    copy(text: string): Promise<boolean>;
    download(fileName: string, text: string): void | Promise<void>;
  };
}

function RequestsHeadline({ record }: { record: TabRecord }) {
  const { first, third } = requestGroups(record);
  const listed = requestsInside(record).length;
  const count = listed + (record.earlierFailures ?? 0);
  const firstCount = first.reduce((sum, group) => sum + group.failures.length, 0);
  const thirdCount = third.reduce((sum, group) => sum + group.failures.length, 0);
  return (
    <section class="hero tone-warn" aria-labelledby="headline" data-state="requests-failed">
      <div class="hero-head">
        <span class="pill" aria-hidden="true">
          {count}
        </span>
        <h2 id="headline">{sayCount('popup.page.requestsFailed', count)}</h2>
      </div>
      <p class="meta">
        {firstCount > 0 && <span>{sayCount('popup.page.toThisSite', firstCount)}</span>}
        {thirdCount > 0 && <span>{sayCount('popup.page.toThirdParties', thirdCount)}</span>}
        {count > listed && <span>{sayCount('popup.page.newestListed', listed)}</span>}
      </p>
    </section>
  );
}

export function TabDetails({ record, explained, retry, now, version, actions }: TabDetailsProps) {
  const { page } = record;
  const explanation = page && explained.explanations[page.requestId];
  // Stored with the page by the background; a record from before that is explained on request.
  const { load } = explained;
  useEffect(() => {
    if (page && !explanation) void load();
  }, [page, explanation, load]);
  if (page && !explanation) {
    return (
      <p class="muted" aria-busy="true">
        {say('popup.loading')}
      </p>
    );
  }

  const makeReport = async () => {
    const all = { ...explained.explanations, ...(await explained.load()) };
    const report = buildReport(record, retry, { now: Date.now(), version, explain: (failure) => all[failure.requestId] });
    return { markdown: reportMarkdown(report), json: reportJson(report), fileName: reportFileName(report) };
  };

  const code = page && page.status > 0 ? String(page.status) : 'ERR';
  return (
    <>
      {page && explanation ? (
        <section class="hero tone-danger" aria-labelledby="headline" data-state="page-failed">
          <div class="hero-head">
            <span class="pill">
              <span class="visually-hidden">{`${page.status > 0 ? say('popup.page.statusLabel') : say('popup.page.noResponseLabel')} `}</span>
              {code}
            </span>
            <h2 id="headline">{explanation.headline}</h2>
          </div>
          <Meaning explanation={explanation} />
          <p class="address">
            {page.method} {urlWithoutQuery(page.url)}
          </p>
          <p class="meta">
            <time dateTime={new Date(page.time).toISOString()}>{clockTime(page.time, now)}</time>
            <span>{ago(page.time, now)}</span>
          </p>
          <WhoWrote explanation={explanation} />
          <StatusPageLink explanation={explanation} />
        </section>
      ) : (
        <RequestsHeadline record={record} />
      )}
      <TabJustMe record={record} now={now} />
      {retry && <RetryPanel retry={retry} now={now} actions={actions} />}
      {explanation && <ExplanationView explanation={explanation} level={2} withSummary={false} headers="none" />}
      <RequestGroups record={record} explained={explained} now={now} />
      {record.timeline.length > 0 && <Timeline events={record.timeline} now={now} />}
      <ReportActions make={makeReport} copy={actions.copy} download={actions.download} />
      {/* Last: the longest and most technical part. */}
      {explanation && <HeadersSection explanation={explanation} level={2} />}
    </>
  );
}
