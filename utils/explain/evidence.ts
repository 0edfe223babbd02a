// One preparation step: whatever part of a response arrived (status line, headers, body, copied text) becomes what matching reads.
import type { HeaderPair } from '../headers';
import type { BodyState } from '../gateways/types';
import { statusFromPage } from './infer-status';
import { MAX_BODY_CHARS, fold, pageForms } from './page-text';

/** What was known of each part of the response. */
export interface EvidenceSeen {
  /** 'given' on the status line; 'inferred' from what the page says; 'unknown' when neither. */
  status: 'given' | 'inferred' | 'unknown';
  headers: 'seen' | 'unseen';
  /** 'truncated': only its start was read (cut off in transit, or longer than Gatewhy reads). */
  body: 'seen' | 'truncated' | 'empty' | 'unseen';
}

/** A response made ready for many marker tests. */
export interface Evidence {
  /** The status code; 0 when unknown. */
  status: number;
  headers: readonly HeaderPair[];
  /** Lower-case header name → folded values, in order. */
  values: Map<string, string[]>;
  /** Folded reason phrase of the status line. */
  reason: string;
  /** The body's markup and visible text (both '' without a body); see page-text.ts. */
  markup: string;
  text: string;
  title: string;
  /** The visible text's words, split on first use (see match.ts). */
  words?: ReadonlySet<string>;
  /** What markers with `body:` test: a truncated body counts as seen. */
  body: BodyState;
  seen: EvidenceSeen;
}

export interface EvidenceInput {
  /** Undefined or 0 when the status line was not given. */
  status?: number;
  reason?: string;
  headers: readonly HeaderPair[];
  /** Undefined when the body was not seen; '' when it was, and was empty. */
  body?: string;
  /** The caller knows it holds only the start of the body. */
  bodyTruncated?: boolean;
}

/** The body's length in UTF-8 bytes, counted only as far as needed to compare with `limit`. */
function exceedsBytes(text: string, limit: number): boolean {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? (index++, 4) : 3;
    if (bytes >= limit) return true;
  }
  return false;
}

function bodyState(input: EvidenceInput, values: Map<string, string[]>): EvidenceSeen['body'] {
  const declared = Number(values.get('content-length')?.[0]);
  const hasLength = Number.isFinite(declared) && declared >= 0;
  if (input.body === undefined) return hasLength && declared === 0 ? 'empty' : 'unseen';
  if (input.body === '') {
    // `curl -I` (HEAD) shows the headers of a body that exists but was not sent.
    return hasLength && declared > 0 ? 'unseen' : 'empty';
  }
  if (input.bodyTruncated || input.body.length > MAX_BODY_CHARS) return 'truncated';
  if (hasLength && input.body.length < declared && !exceedsBytes(input.body, declared)) return 'truncated';
  return 'seen';
}

export function prepareEvidence(input: EvidenceInput): Evidence {
  const values = new Map<string, string[]>();
  for (const { name, value } of input.headers) {
    const key = name.toLowerCase();
    const list = values.get(key);
    if (list) list.push(fold(value));
    else values.set(key, [fold(value)]);
  }
  const body = bodyState(input, values);
  const forms = input.body && body !== 'unseen' ? pageForms(input.body) : { markup: '', text: '', title: '' };
  let status = input.status !== undefined && input.status > 0 ? input.status : 0;
  let statusSeen: EvidenceSeen['status'] = status > 0 ? 'given' : 'unknown';
  if (status === 0 && forms.text !== '') {
    const inferred = statusFromPage(forms.title, forms.text);
    if (inferred !== undefined) [status, statusSeen] = [inferred, 'inferred'];
  }
  return {
    status,
    headers: input.headers,
    values,
    reason: fold((input.reason ?? '').slice(0, 1024)),
    ...forms,
    body: body === 'truncated' ? 'seen' : body,
    seen: { status: statusSeen, headers: input.headers.length > 0 ? 'seen' : 'unseen', body },
  };
}
