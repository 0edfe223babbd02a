// A tab's failures as a report for a support ticket: Markdown to paste (in the reader's language), JSON to attach.
// Credentials never appear (headers are redacted again here); query strings are left out unless asked for.
import type { Explanation } from './explain/explain-response';
import { decodeHeaders, HEADER_GROUP_KEYS, type HeaderGroup } from './explain/header-catalogue';
import { formatDuration, formatUtc } from './explain/time';
import { isSensitiveHeader, REDACTED } from './headers';
import { hostWithPort, urlWithoutQuery, withoutQueryStrings } from './query-strings';
import { blockReasonText, type RetryState } from './retry-policy';
import { supportIds, type SupportId } from './support-ids';
import { say } from './wording';
import type { FailedRequest, TabRecord, TimelineKind } from './tab-record';

export interface ReportOptions {
  /** Keep query strings and fragments in addresses. Off by default: they can carry tokens. */
  includeQuery?: boolean;
  /** Epoch ms the report is made at. */
  now: number;
  /** Gatewhy's version, from the manifest. */
  version?: string;
  /**
   * The engine's explanation of a failure (the popup gets them from the background; tests call the engine).
   * Undefined when none is at hand: the report then uses the verdict stored with the failure.
   */
  explain(failure: FailedRequest): Explanation | undefined;
}

/** A stand-in explanation from the verdict stored with the failure, for a report made without the engine at hand. */
function fromSummary(failure: FailedRequest): Explanation {
  const summary = failure.summary;
  return {
    status: failure.status,
    statusText: failure.statusLine,
    headline: summary?.headline ?? failure.networkError ?? failure.statusLine,
    meaning: '',
    gateway: summary?.gatewayId
      ? { id: summary.gatewayId, name: summary.gatewayName ?? summary.gatewayId, kind: 'reverse-proxy', known: true, confidence: 0, evidence: [] }
      : null,
    route: [],
    source: summary?.source ?? 'unknown',
    sourceEvidence: [],
    causes: summary ? [{ id: summary.cause, title: summary.causeTitle, likelihood: 1, evidence: [] }] : [],
    confidence: { gateway: 0, cause: 0 },
    evidence: {
      status: failure.status > 0 ? 'given' : 'unknown',
      headers: failure.headers.length > 0 ? 'seen' : 'unseen',
      body: failure.pageHtml ? 'seen' : 'unseen',
    },
    cached: summary?.cached ?? false,
    cacheEvidence: [],
    ...(summary?.retryAfterSeconds !== undefined && { retryAfterSeconds: summary.retryAfterSeconds }),
    headers: decodeHeaders(failure.headers, { now: failure.time, status: failure.status }),
    advice: { visitor: [], owner: [] },
    references: [],
  };
}

export interface ReportedHeader {
  name: string;
  value: string;
  group: HeaderGroup;
  meaning: string;
  decoded?: string;
  redacted?: boolean;
}

/** What a vendor's support asks for first, in one place: its ids for the request, when, where, what and why. */
export interface SupportBlock {
  /** The vendor's correlation ids (Ray ID, x-amz-cf-id, Akamai Reference #…), edge first. */
  ids: SupportId[];
  /** ISO 8601, UTC. */
  time: string;
  /** The gateways the response came through, the one that produced the error first. */
  route: string[];
  /** "HTTP/1.1 503 Service Unavailable", or the network error. */
  status: string;
  /** The first cause and its likelihood: "Origin unreachable (69%)". */
  likelyCause: string | null;
}

export interface ReportedFailure {
  url: string;
  host: string;
  party: 'first' | 'third';
  type: string;
  method: string;
  /** 0 when no response arrived. */
  status: number;
  statusLine: string;
  networkError?: string;
  /** ISO 8601. */
  time: string;
  headline: string;
  meaning: string;
  variant?: string;
  gateway: { name: string; confidence: number } | null;
  /** Gateways recognised on the path, the one that produced the error first. */
  path: string[];
  /** Who wrote the error: the gateway, the application behind it (origin), or unknown. */
  source: Explanation['source'];
  sourceEvidence: string[];
  causes: { id: string; title: string; likelihood: number; evidence: string[] }[];
  tellApart?: string;
  cached: boolean;
  cacheEvidence: string[];
  retryAfterSeconds?: number;
  statusPage?: string;
  advice: { visitor: string[]; owner: string[] };
  headers: ReportedHeader[];
  support: SupportBlock;
}

export interface Report {
  generator: string;
  generatedAt: string;
  queryStrings: 'removed' | 'included';
  /** The page's own failure, when the page itself failed. */
  page: ReportedFailure | null;
  /** Failed requests inside the page (frames, API calls), oldest first. */
  requests: ReportedFailure[];
  timeline: { time: string; kind: TimelineKind; text: string }[];
  retry: { attempt: number; maxAttempts: number; nextRetryAt?: string; delayReason?: string; blocked?: string } | null;
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** "HTTP/1.1 503 Service Unavailable", the browser's error when no response arrived. */
function statusOf(failure: Pick<FailedRequest, 'status' | 'statusLine' | 'networkError'>): string {
  return failure.status > 0 ? failure.statusLine || String(failure.status) : (failure.networkError ?? 'no response');
}

function supportBlock(failure: FailedRequest, explanation: Explanation): SupportBlock {
  const top = explanation.causes[0];
  return {
    // Stored headers are redacted; supportIds skips sensitive names all the same.
    ids: supportIds(failure.headers, failure.bodyText ?? failure.pageHtml),
    time: iso(failure.time),
    route: explanation.route.map(({ name }) => name),
    status: statusOf(failure),
    likelyCause: top ? `${top.title} (${percent(top.likelihood)})` : null,
  };
}

function reportedFailure(failure: FailedRequest, url: (address: string) => string, explanation: Explanation): ReportedFailure {
  return {
    url: url(failure.url),
    host: hostWithPort(failure.url),
    party: failure.party ?? 'first',
    type: failure.type,
    method: failure.method,
    status: failure.status,
    statusLine: failure.statusLine,
    ...(failure.networkError && { networkError: failure.networkError }),
    time: iso(failure.time),
    headline: explanation.headline,
    meaning: explanation.meaning,
    ...(explanation.variant && { variant: explanation.variant }),
    gateway: explanation.gateway && { name: explanation.gateway.name, confidence: explanation.gateway.confidence },
    path: explanation.route.map(({ name }) => name),
    source: explanation.source,
    sourceEvidence: explanation.sourceEvidence,
    causes: explanation.causes.map(({ id, title, likelihood, evidence }) => ({ id, title, likelihood, evidence })),
    ...(explanation.tellApart && { tellApart: explanation.tellApart }),
    cached: explanation.cached,
    cacheEvidence: explanation.cacheEvidence,
    ...(explanation.retryAfterSeconds !== undefined && { retryAfterSeconds: explanation.retryAfterSeconds }),
    ...(explanation.statusPage && { statusPage: explanation.statusPage }),
    advice: { visitor: [...explanation.advice.visitor], owner: [...explanation.advice.owner] },
    // Stored headers are already redacted; redact again so a record from an older version cannot leak a cookie.
    headers: explanation.headers.map((header) =>
      isSensitiveHeader(header.name) ? { name: header.name, value: REDACTED, group: header.group, meaning: header.meaning, redacted: true } : { ...header },
    ),
    support: supportBlock(failure, explanation),
  };
}

/**
 * The report of one tab: the page's failure, the failed requests inside it, the timeline and the retry state.
 *
 * @example
 * reportMarkdown(buildReport(record, retry, { now: Date.now(), version: '0.1.0', explain: explainFailure }))
 */
export function buildReport(record: TabRecord, retry: RetryState | undefined, options: ReportOptions): Report {
  const includeQuery = options.includeQuery === true;
  const url = includeQuery ? (address: string) => address : urlWithoutQuery;
  const requests = record.failures.filter((failure) => failure.requestId !== record.page?.requestId);
  const report: Report = {
    generator: `Gatewhy${options.version ? ` ${options.version}` : ''}`,
    generatedAt: iso(options.now),
    queryStrings: includeQuery ? 'included' : 'removed',
    page: record.page ? reportedFailure(record.page, url, options.explain(record.page) ?? fromSummary(record.page)) : null,
    requests: requests.map((failure) => reportedFailure(failure, url, options.explain(failure) ?? fromSummary(failure))),
    timeline: record.timeline.map(({ time, kind, text }) => ({ time: iso(time), kind, text })),
    retry: retry
      ? {
          attempt: retry.attempt,
          maxAttempts: retry.maxAttempts,
          ...(retry.dueAt !== undefined && { nextRetryAt: iso(retry.dueAt) }),
          ...(retry.delayReason && { delayReason: retry.delayReason }),
          ...(retry.blocked && { blocked: blockReasonText(retry.blocked) }),
        }
      : null,
  };
  // Addresses also hide in header values (Location, Report-To) and evidence: strip them everywhere.
  return includeQuery ? report : withoutQueryStrings(report);
}

export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** "gatewhy-shop.example.com-2026-11-27T14-05-00Z.json" */
export function reportFileName(report: Report): string {
  const subject = report.page ?? report.requests[0];
  const host = (subject?.host ?? 'tab').replace(/[^a-z0-9.-]+/gi, '_');
  return `gatewhy-${host}-${report.generatedAt.slice(0, 19).replace(/:/g, '-')}Z.json`;
}

// Markdown ------------------------------------------------------------------------------------------------------

/** Text in a table cell: one line, pipes escaped. */
const cell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

/** Inline code that survives backticks in the text (CommonMark: a longer fence, padded). */
function code(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest === 0 ? `${fence}${flat}${fence}` : `${fence} ${flat} ${fence}`;
}

const utc = (isoTime: string) => formatUtc(Date.parse(isoTime));

const SOURCE_WORDS: Record<Explanation['source'], (gateway: string | undefined) => string> = {
  gateway: (gateway) => (gateway ? say('report.writtenByNamedGateway', { gateway }) : say('report.writtenByGateway')),
  origin: (gateway) => (gateway ? say('report.writtenByAppBehind', { gateway }) : say('report.writtenByApp')),
  unknown: () => say('report.writerUnclear'),
};

/** The ticket's first lines: what the vendor's support needs to find the request in its logs. */
function supportLines({ support, method, url }: ReportedFailure): string[] {
  const lines = [`**${say('report.forSupport')}**`, ''];
  for (const id of support.ids) lines.push(`- **${id.label}** (${id.from}): ${code(id.value)}`);
  if (support.ids.length === 0) lines.push(`- **${say('report.requestIds')}** ${say('report.noIds')}`);
  lines.push(`- **${say('report.address')}** ${method} ${url}`);
  lines.push(`- **${say('report.timeUtc')}** ${utc(support.time)}`);
  lines.push(`- **${say('report.route')}** ${support.route.length > 0 ? support.route.join(' → ') : say('report.noGateway')}`);
  lines.push(`- **${say('report.status')}** ${support.status}`);
  if (support.likelyCause) lines.push(`- **${say('report.likelyCause')}** ${support.likelyCause}`);
  return [...lines, ''];
}

function failureSection(failure: ReportedFailure, heading: string): string[] {
  const lines = [`${heading} ${failure.headline}`, '', ...supportLines(failure), `**${say('report.details')}**`, ''];
  lines.push(`- **${say('report.meaning')}** ${failure.meaning}${failure.variant ? ` (${failure.variant})` : ''}`);
  if (failure.gateway)
    lines.push(
      `- **${say('report.gateway')}** ${say('report.gatewayConfidence', { gateway: failure.gateway.name, confidence: percent(failure.gateway.confidence) })}${failure.path.length > 1 ? `; ${say('report.path', { path: failure.path.join(' → ') })}` : ''}`,
    );
  lines.push(`- **${say('report.whoWrote')}** ${SOURCE_WORDS[failure.source](failure.gateway?.name)}`);
  lines.push(
    `- **${say('report.fromCache')}** ${failure.cached ? say('report.yesBecause', { evidence: failure.cacheEvidence.join('; ') }) : say('report.no')}`,
  );
  if (failure.retryAfterSeconds !== undefined) lines.push(`- **Retry-After:** ${formatDuration(failure.retryAfterSeconds)}`);
  if (failure.statusPage) lines.push(`- **${say('report.statusPage')}** ${failure.statusPage}`);
  lines.push('');
  if (failure.causes.length > 0) {
    lines.push(`**${say('report.likelyCauses')}**`, '');
    failure.causes.forEach((cause, index) => {
      lines.push(`${index + 1}. ${cause.title} (${percent(cause.likelihood)})`);
      for (const evidence of cause.evidence) lines.push(`   - ${evidence}`);
    });
    if (failure.tellApart) lines.push('', say('report.tellApart', { tellApart: failure.tellApart }));
    lines.push('');
  }
  if (failure.advice.owner.length > 0) {
    lines.push(`**${say('report.ownerChecks')}**`, '', ...failure.advice.owner.map((line) => `- ${line}`), '');
  }
  if (failure.headers.length > 0) {
    lines.push(
      say('report.headersTitle'),
      '',
      `| ${say('report.headerColumn')} | ${say('report.valueColumn')} | ${say('report.saysColumn')} |`,
      '| --- | --- | --- |',
    );
    const order = Object.keys(HEADER_GROUP_KEYS) as HeaderGroup[];
    const sorted = [...failure.headers].sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
    for (const header of sorted) lines.push(`| ${cell(header.name)} | ${cell(code(header.value))} | ${cell(header.decoded ?? header.meaning)} |`);
    lines.push('');
  }
  return lines;
}

function requestLine(failure: ReportedFailure): string {
  const ids = failure.support.ids.map((id) => `${id.label} ${code(id.value)}`).join(', ');
  return `- ${utc(failure.time)} ${failure.method} ${failure.url} → ${failure.support.status}: ${failure.headline}${ids ? ` (${ids})` : ''}`;
}

/** The report as Markdown for a support ticket or an issue. */
export function reportMarkdown(report: Report): string {
  const subject = report.page ?? report.requests[0];
  const lines = [`## ${subject ? say('report.titleFor', { host: subject.host }) : say('report.title')}`, ''];
  if (report.page) lines.push(...failureSection(report.page, `### ${say('report.pageFailed')}`));
  else if (report.requests.length === 0) lines.push(say('report.nothingRecorded'), '');

  if (report.requests.length > 0) {
    lines.push(`### ${say('report.failedRequests', { count: report.requests.length })}`, '');
    for (const [party, title] of [
      ['first', say('report.sameSite')],
      ['third', say('report.thirdParties')],
    ] as const) {
      const mine = report.requests.filter((failure) => failure.party === party);
      if (mine.length > 0) lines.push(`**${title}**`, '', ...mine.map(requestLine), '');
    }
    // Without a failed page, the first request's details are what the ticket is about.
    if (!report.page && subject) lines.push(...failureSection(subject, `#### ${say('report.firstFailure')}`));
  }

  if (report.retry) {
    const { attempt, maxAttempts, nextRetryAt, blocked, delayReason } = report.retry;
    const state =
      blocked ?? (nextRetryAt ? `${say('report.nextRetry', { at: utc(nextRetryAt) })}${delayReason ? ` (${delayReason})` : ''}` : say('report.noRetry'));
    lines.push(say('report.retry', { attempt, maxAttempts, state }), '');
  }
  if (report.timeline.length > 0) {
    lines.push(`### ${say('report.timeline')}`, '', ...report.timeline.map(({ time, text }) => `- ${utc(time)}: ${text}`), '');
  }
  const query = report.queryStrings === 'removed' ? say('report.queryRemoved') : say('report.queryIncluded');
  lines.push(`_${say('report.madeWith', { generator: report.generator, at: utc(report.generatedAt), query })}_`);
  return `${lines.join('\n')}\n`;
}
