// The panel's failures as the rest of Gatewhy keeps them (FailedRequest, TabRecord), so the engine explains them and
// the report describes them exactly as the popup's do: one explanation path, one report, one redaction.
import { explainFailure } from '../explain-failure';
import type { Explanation } from '../explain/explain-response';
import { buildReport, type Report } from '../report';
import type { FailedRequest, TabRecord } from '../tab-record';
import type { InspectedRequest } from './inspected-request';
import { partyOfRequest, type PanelLog } from './panel-log';

/** A document is the page's own when it has the page's address: the address can be learnt after the entry came. */
function typeIn(request: InspectedRequest, log: PanelLog): FailedRequest['type'] {
  if (request.type !== 'main_frame' && request.type !== 'sub_frame') return request.type;
  return request.url === log.pageUrl ? 'main_frame' : 'sub_frame';
}

/**
 * The status line as webRequest writes it ("HTTP/1.1 503 Service Unavailable"), from the HAR's version ("HTTP/1.1",
 * "http/2.0", Chrome's "h2" and "h3"); without a known version, "HTTP/1.1" is not made up: the line starts at the code.
 */
function statusLine(request: InspectedRequest): string {
  if (request.status === 0) return '';
  const given = request.har.response.httpVersion.trim();
  const version = /^(?:http\/)?(\d(?:\.\d)?)$/i.exec(given)?.[1]?.replace(/\.0$/, '') ?? /^h(\d)$/i.exec(given)?.[1];
  return `${version ? `HTTP/${version} ` : ''}${request.status} ${request.statusText}`.trim();
}

/** A panel request as a stored failure: the key stands in for webRequest's requestId. */
export function asFailedRequest(request: InspectedRequest, log: PanelLog): FailedRequest {
  return {
    requestId: request.key,
    url: request.url,
    type: typeIn(request, log),
    method: request.method,
    status: request.status,
    statusLine: statusLine(request),
    ...(request.networkError && { networkError: request.networkError }),
    time: request.time,
    headers: request.headers,
    party: partyOfRequest(request, log),
    ...(request.body && { bodyText: request.body.text, bodyTruncated: request.body.truncated }),
  };
}

/** The engine's explanation of a panel request, with its body once read. */
export function explainInspected(request: InspectedRequest, log: PanelLog): Explanation {
  return explainFailure(asFailedRequest(request, log));
}

/** The requests as a tab record: the page's own failure (when its document failed) apart from the rest. */
export function panelRecord(log: PanelLog, requests: readonly InspectedRequest[], tabId: number): TabRecord {
  const failures = requests.map((request) => asFailedRequest(request, log));
  const page = failures.findLast((failure) => failure.type === 'main_frame' && failure.url === log.pageUrl);
  return { tabId, ...(page && { page }), failures, timeline: [] };
}

/** The report of the requests shown (oldest first), as the popup's report is made. */
export function panelReport(
  log: PanelLog,
  requests: readonly InspectedRequest[],
  options: { tabId: number; includeQuery: boolean; now: number; version?: string },
): Report {
  const oldestFirst = [...requests].sort((a, b) => a.time - b.time);
  return buildReport(panelRecord(log, oldestFirst, options.tabId), undefined, {
    includeQuery: options.includeQuery,
    now: options.now,
    ...(options.version && { version: options.version }),
    explain: explainFailure,
  });
}
