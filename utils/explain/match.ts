// Checks markers against a response in linear time: text is folded once, then tested with substring searches.
import { isSensitiveHeader, redactedValue, type HeaderPair } from '../headers';
import type { Marker } from '../gateways/types';

/** Most body text examined; vendor error pages put their markers well within it. */
export const MAX_BODY_CHARS = 65_536;

/** Lower case, every run of whitespace as one space, trimmed. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

const foldedConstants = new Map<string, string>();
/** fold() for the constant strings in vendor files, computed once each. */
function foldConstant(text: string): string {
  let folded = foldedConstants.get(text);
  if (folded === undefined) foldedConstants.set(text, (folded = fold(text)));
  return folded;
}

/** A response made ready for many marker tests. */
export interface PreparedResponse {
  status: number;
  headers: readonly HeaderPair[];
  /** Lower-case header name → folded values, in order. */
  values: Map<string, string[]>;
  /** Folded body text, or '' when there is none. */
  body: string;
  hasBody: boolean;
  /** Folded reason phrase of the status line. */
  reason: string;
}

export function prepare(status: number, headers: readonly HeaderPair[], bodyText: string | undefined, reason = ''): PreparedResponse {
  const values = new Map<string, string[]>();
  for (const { name, value } of headers) {
    const key = name.toLowerCase();
    const list = values.get(key);
    if (list) list.push(fold(value));
    else values.set(key, [fold(value)]);
  }
  const body = bodyText ? fold(bodyText.slice(0, MAX_BODY_CHARS)) : '';
  return { status, headers, values, body, hasBody: body.length > 0, reason: fold(reason.slice(0, 1024)) };
}

function valueHolds(marker: Marker, value: string): boolean {
  if (marker.equals !== undefined && value !== foldConstant(marker.equals)) return false;
  if (marker.startsWith !== undefined && !value.startsWith(foldConstant(marker.startsWith))) return false;
  if (marker.includes !== undefined && !value.includes(foldConstant(marker.includes))) return false;
  return true;
}

export function markerHolds(marker: Marker, response: PreparedResponse): boolean {
  if (marker.status !== undefined) {
    const statuses = typeof marker.status === 'number' ? [marker.status] : marker.status;
    if (!statuses.includes(response.status)) return false;
  }
  if (marker.header !== undefined) {
    const found = response.values.get(marker.header.toLowerCase());
    if (marker.absent) {
      if (found !== undefined) return false;
    } else if (found === undefined || !found.some((value) => valueHolds(marker, value))) return false;
  }
  if (marker.body !== undefined && !response.body.includes(foldConstant(marker.body))) return false;
  if (marker.notBody !== undefined && (!response.hasBody || response.body.includes(foldConstant(marker.notBody)))) return false;
  if (marker.reason !== undefined && !response.reason.includes(foldConstant(marker.reason))) return false;
  if (marker.any !== undefined && !marker.any.some((one) => markerHolds(one, response))) return false;
  return true;
}

const clip = (text: string, max = 100) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What a marker saw in this response, for evidence lines: `Server: cloudflare`, `page says "Guru Meditation"`. */
export function describeMarker(marker: Marker, response: PreparedResponse): string {
  const parts: string[] = [];
  if (marker.status !== undefined) parts.push(`status ${response.status}`);
  if (marker.header !== undefined) {
    if (marker.absent) parts.push(`no ${marker.header} header`);
    else {
      const wanted = marker.header.toLowerCase();
      const header = response.headers.find(({ name, value }) => name.toLowerCase() === wanted && valueHolds(marker, fold(value)));
      const shown = header && (isSensitiveHeader(header.name) ? redactedValue(header.name, header.value) : clip(header.value));
      parts.push(header ? `${header.name}: ${shown}` : marker.header);
    }
  }
  if (marker.body !== undefined) parts.push(`page says "${clip(marker.body.trim(), 80)}"`);
  if (marker.notBody !== undefined) parts.push(`page does not mention "${clip(marker.notBody.trim(), 80)}"`);
  if (marker.reason !== undefined) parts.push(`reason phrase "${clip(marker.reason.trim(), 80)}"`);
  if (marker.any !== undefined) {
    const held = marker.any.find((one) => markerHolds(one, response));
    if (held) parts.push(describeMarker(held, response));
  }
  return parts.join(', ');
}
