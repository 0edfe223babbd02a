// The shape of product knowledge: each vendor file declares one Gateway (or app server), nothing in it computes.
// /work/notes/engine-schema.md (copied to docs/engine-schema.md) explains every field with an example.

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

/** What is known of the response body when a marker is tested. */
export type BodyState = 'seen' | 'empty' | 'unseen';

/**
 * One test on a response; all the fields given must hold. Text tests are case-insensitive and fold runs of
 * whitespace; none is a regular expression, so matching stays linear in the size of the response.
 *
 * - `status`: the status code is one of these.
 * - `header` alone: the header is present; with `equals` / `startsWith` / `includes`: one of its values passes them.
 * - `text`: a phrase of the page's visible text (tags, scripts, styles and comments dropped, entities decoded, the
 *   title kept), matched on word boundaries: "timeout" does not match "setTimeout(", "1033" not "8a1033f".
 * - `markup`: a substring of the raw body, for what a reader never sees: `id="cf-wrapper"`, `<center>nginx`, a URL, a JSON key.
 * - `reason`: a substring of the status line's reason phrase (HTTP/1 only), e.g. "Back-end server is at capacity".
 * - `body`: what is known of the body: 'seen' (some or all of it), 'empty' (read, and nothing in it), 'unseen'
 *   (only the headers are known, as for requests inside a page).
 * - `absent: true` turns the one header, text, markup or reason test of this marker around: it holds when that is not
 *   there. A text or markup test turned around holds only when the body was seen.
 * - `any`: at least one of these markers holds (the same fact written in a header, a page id or a sentence).
 */
export interface Marker {
  status?: number | readonly number[];
  header?: string;
  equals?: string;
  startsWith?: string;
  includes?: string;
  text?: string;
  markup?: string;
  reason?: string;
  body?: BodyState;
  absent?: boolean;
  any?: readonly Marker[];
}

/** A marker with a line a person can read on what it shows. */
export interface Clue extends Marker {
  note: string;
}

/** A fingerprint marker, with how strongly it points to this product. */
export interface Signal extends Clue {
  /** 0..1: the chance that a response showing this marker went through this product. Several signals combine as independent. */
  weight: number;
}

/** Likelihoods of causes for one error variant, most likely first. */
export type CauseWeights = Partial<Record<CauseId, number>>;

/** One way this product fails, recognised by its markers. */
export interface Variant {
  /** Stable id, `<product id>-<short name>`, e.g. "cloudflare-521". Translations and tests key on it: never reuse or rename one. */
  id: string;
  /** The vendor's name for it, e.g. "Error 521: Web server is down". English. */
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
  /** The vendor document, or the source file and line (a GitHub URL at a commit or tag, with #L123), this rule comes from. */
  reference?: string;
  /**
   * A catch-all: it applies only when no other variant of this product matched, and of several catch-alls only the
   * first that matches. One catch-all per idea ("the page is not ours": `when: [{ status: [...] }, { body: 'seen' }]`),
   * never a chain of `absent` markers repeating every other variant's text.
   */
  fallback?: boolean;
}

export interface Advice {
  /** For the person looking at the error page. */
  visitor: readonly string[];
  /** For whoever runs the site. */
  owner: readonly string[];
}

/**
 * Where a product sits on a request's route, outermost first: a forward proxy on the visitor's network, a CDN, an API
 * gateway, a load balancer, a hosting platform, a reverse proxy or cache, then the application server.
 * An 'app-server' runs the application (gunicorn, uWSGI, php-fpm, Puma, Kestrel): it is never reported as a gateway.
 */
export type GatewayKind = 'forward-proxy' | 'cdn' | 'api-gateway' | 'load-balancer' | 'platform' | 'reverse-proxy' | 'cache' | 'app-server';

/** One documented error of the vendor (a code, a message), and the variant that covers it. */
export interface DocumentedError {
  /** The vendor's code or text as its document or source writes it: "Error 522", "H12", "no healthy upstream". */
  name: string;
  /** The document, or source file and line, that lists it. */
  reference: string;
  /** The id of the variant in this file that explains it; absent while no rule covers it. */
  variant?: string;
  /** A response showing it (as little as the vendor documents): the registry test checks that it is explained by `variant`. */
  example?: { status?: number; reason?: string; headers?: Readonly<Record<string, string>>; body?: string };
  /** It appears only in the vendor's logs or dashboards, never in a response: no response can show which one it was. */
  logOnly?: boolean;
}

export interface Gateway {
  /** The file's name; also the hop id in an explanation's route. */
  id: string;
  name: string;
  kind: GatewayKind;
  /** Signals that a response passed through this product. */
  fingerprint: readonly Signal[];
  /** Signals that the upstream answered and this product only relayed its response (x-envoy-upstream-service-time). */
  relayed?: readonly Clue[];
  variants: readonly Variant[];
  advice: Advice;
  /**
   * Products this one is built on, whose markers its responses carry (App Service runs on IIS, Fastly on Varnish).
   * When this product is recognised they are not shown as hops of their own, and their error pages (their variants
   * with source 'gateway') explain its errors when none of its own variants, bar its catch-alls, matches.
   */
  runsOn?: readonly string[];
  /** What this product's error body says that its headers cannot, for explanations made from headers only: "Envoy's body names the reset reason". */
  bodyTells?: string;
  /** The vendor's documented error codes and texts, with the variants that cover them: the coverage table in `npm run accuracy`. */
  documented?: readonly DocumentedError[];
  statusPage?: string;
  /** Vendor documentation and source code the rules above rest on. */
  sources: readonly string[];
}

/** Identity function that type-checks a vendor file. */
export const defineGateway = (gateway: Gateway): Gateway => gateway;
