// The ids a vendor's support asks for to find one request in its logs, read from a response's headers and body.
import { isSensitiveHeader, type HeaderPair } from './headers';

export interface SupportId {
  /** What the vendor calls it: "Cloudflare Ray ID". */
  label: string;
  /** Where it was read: a header's name as sent, or "error page". */
  from: string;
  value: string;
}

interface HeaderId {
  header: string;
  label: string;
}

/** In the order a ticket lists them: the edge's id first, then the gateway's, then the application's. */
const HEADER_IDS: readonly HeaderId[] = [
  // https://developers.cloudflare.com/fundamentals/reference/cloudflare-ray-id/ (and the 520 page asks for it)
  { header: 'cf-ray', label: 'Cloudflare Ray ID' },
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logs-reference.html (x-edge-request-id,
  // "also sends this string in the x-amz-cf-id header"); CloudFront's error pages print it as "Request ID".
  { header: 'x-amz-cf-id', label: 'CloudFront request ID' },
  // https://learn.microsoft.com/azure/frontdoor/front-door-http-headers-protocol
  { header: 'x-azure-ref', label: 'Azure Front Door reference' },
  // https://vercel.com/docs/headers/response-headers#x-vercel-id
  { header: 'x-vercel-id', label: 'Vercel request ID' },
  // https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html (API Gateway's request id)
  { header: 'x-amzn-requestid', label: 'AWS request ID' },
  // https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_conn_man/headers#x-request-id,
  // https://devcenter.heroku.com/articles/http-request-id: set by proxies (Envoy, Heroku's router) or the application.
  { header: 'x-request-id', label: 'Request ID' },
  // https://www.w3.org/TR/trace-context/#traceparent-header
  { header: 'traceparent', label: 'Trace ID (W3C traceparent)' },
];

/**
 * Akamai's "Reference #<code>.<hex>.<epoch>.<hex>", which its error pages print and its support looks up
 * (https://github.com/markSmurphy/akamai-error-lookup; see utils/gateways/akamai.ts). The HTML entity-encodes it.
 */
const AKAMAI_REFERENCE = /Reference(?:\s|&#32;)*(?:#|&#35;)((?:\d{1,3})(?:\.|&#46;)[0-9a-f]{1,16}(?:\.|&#46;)\d{1,12}(?:\.|&#46;)[0-9a-f]{1,16})/i;
/** Only the start of a page is searched: the reference sits near the top of Akamai's short pages. */
const MAX_BODY_SEARCH = 16_384;

/** Every support id in the headers (never a sensitive one) and the Akamai reference in the body, without repeats. */
export function supportIds(headers: readonly HeaderPair[], body?: string): SupportId[] {
  const ids: SupportId[] = [];
  for (const { header, label } of HEADER_IDS) {
    const found = headers.find(({ name }) => name.toLowerCase() === header);
    if (!found || isSensitiveHeader(found.name)) continue;
    const value = found.value.trim().slice(0, 200);
    if (value !== '') ids.push({ label, from: found.name, value });
  }
  const reference = body === undefined ? null : AKAMAI_REFERENCE.exec(body.slice(0, MAX_BODY_SEARCH));
  if (reference) ids.push({ label: 'Akamai reference', from: 'error page', value: `#${reference[1]!.replace(/&#46;/g, '.')}` });
  return ids;
}
