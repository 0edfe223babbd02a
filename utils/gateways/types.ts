// The shape of gateway knowledge: each vendor file declares one Gateway, nothing in it computes.

/** Why a gateway answered with an error, as Gatewhy names it. */
export type CauseId =
  | 'origin-unreachable'
  | 'origin-timeout'
  | 'origin-reset'
  | 'origin-invalid-response'
  | 'origin-tls'
  | 'origin-app-error'
  | 'overloaded'
  | 'maintenance'
  | 'unknown';

/** Who wrote the error response: the gateway itself, or the upstream application whose answer the gateway relayed. */
export type Source = 'gateway' | 'origin' | 'unknown';

/**
 * One test on a response. Every text test is a case-insensitive substring or prefix test on text whose runs of
 * whitespace count as one space: no regular expressions, so matching time stays linear in the input.
 * A marker with only `header` tests that the header is present; with `absent: true`, that it is not.
 * All the fields given must hold.
 */
export interface Marker {
  status?: number | readonly number[];
  header?: string;
  equals?: string;
  startsWith?: string;
  includes?: string;
  absent?: boolean;
  /** Substring of the response body (raw HTML or the page's serialized DOM). */
  body?: string;
  /** Holds when there is a body and it does not contain this: "the page is not our own". */
  notBody?: string;
  /** Substring of the status line's reason phrase, e.g. "Back-end server is at capacity" (HTTP/1 only). */
  reason?: string;
  /** Holds when at least one of these markers holds: the same fact written in a header, a page id or a sentence. */
  any?: readonly Marker[];
}

/** A marker with a line a person can read on what it shows. */
export interface Clue extends Marker {
  note: string;
}

/** A fingerprint marker, with how strongly it points to this gateway. */
export interface Signal extends Clue {
  /** 0..1: the chance that a response showing this marker went through this gateway. */
  weight: number;
}

/** Likelihoods of causes for one error variant, most likely first. */
export type CauseWeights = Partial<Record<CauseId, number>>;

/** One way this gateway fails, recognised by its markers. */
export interface Variant {
  /** The vendor's name for it, e.g. "Error 521: Web server is down". */
  title: string;
  /** All must hold. Put the most specific variants first: the first match decides the source. */
  when: readonly Marker[];
  /** What happened, in a sentence. */
  meaning: string;
  causes: CauseWeights;
  source: Source;
  /** When the response cannot tell the causes apart: what would (a log line, a metric). */
  tellApart?: string;
  advice?: Partial<Advice>;
  /** The vendor document (or source file) this rule comes from. */
  reference?: string;
  /** A catch-all: it applies only when no other variant of this gateway matched. */
  fallback?: boolean;
}

export interface Advice {
  /** For the person looking at the error page. */
  visitor: readonly string[];
  /** For whoever runs the site. */
  owner: readonly string[];
}

export type GatewayKind = 'cdn' | 'load-balancer' | 'api-gateway' | 'platform' | 'reverse-proxy' | 'cache' | 'forward-proxy';

export interface Gateway {
  id: string;
  name: string;
  kind: GatewayKind;
  /** Signals that a response passed through this gateway. */
  fingerprint: readonly Signal[];
  /** Signals that the upstream answered and the gateway only relayed its response. */
  relayed?: readonly Clue[];
  variants: readonly Variant[];
  advice: Advice;
  /** Gateways whose markers this one also emits (Fastly sends Varnish's): when this one is found, they are not. */
  includes?: readonly string[];
  statusPage?: string;
  /** Vendor documentation and source code the rules above rest on. */
  sources: readonly string[];
}

/** Identity function that type-checks a vendor file. */
export const defineGateway = (gateway: Gateway): Gateway => gateway;
