// Recognises the products a response passed through, from their fingerprints, and which of their error variants match.
import { GATEWAYS } from '../gateways';
import type { Clue, Gateway, Signal, Variant } from '../gateways/types';
import type { Evidence } from './evidence';
import { compileMarker, describeMarker, holds, requiredWords, wordsOf, type CompiledMarker } from './match';
import { sayVendor } from '../wording';

/** A fingerprint score counts as "this product is on the route" from here. */
export const DETECTION_THRESHOLD = 0.5;

interface CompiledVariant {
  variant: Variant;
  when: readonly CompiledMarker[];
}

/** A vendor file with its markers compiled, built once when the module loads. */
interface CompiledProduct {
  gateway: Gateway;
  fingerprint: readonly { signal: Signal; test: CompiledMarker }[];
  own: readonly CompiledVariant[];
  ownFallback: readonly CompiledVariant[];
  relayed: readonly { clue: Clue; test: CompiledMarker }[];
}

function compileProduct(gateway: Gateway): CompiledProduct {
  const variants = gateway.variants.map((variant) => ({ variant, when: variant.when.map(compileMarker) }));
  return {
    gateway,
    fingerprint: gateway.fingerprint.map((signal) => ({ signal, test: compileMarker(signal) })),
    own: variants.filter(({ variant }) => !variant.fallback),
    ownFallback: variants.filter(({ variant }) => variant.fallback),
    relayed: (gateway.relayed ?? []).map((clue) => ({ clue, test: compileMarker(clue) })),
  };
}

/** One fingerprint signal, with the product it belongs to (its index) and its place in that fingerprint. */
interface IndexedSignal {
  product: number;
  order: number;
  signal: Signal;
  test: CompiledMarker;
}

/** The products the engine knows, compiled: every vendor file, or (in tests) a list of one's own. */
export interface Catalogue {
  products: readonly CompiledProduct[];
  byId: ReadonlyMap<string, CompiledProduct>;
  /**
   * Fingerprint signals that test a header, by header name: only those of the headers a response has are tried.
   * The rest (text, markup, status, reason, `any`, a header's absence) are tried on every response.
   */
  byHeader: ReadonlyMap<string, readonly IndexedSignal[]>;
  /**
   * Signals that need one of some words on the page (see requiredWords), by each such word: only those of the words a
   * page shows are tried, and none when there is no page (most responses webRequest sees).
   */
  byWord: ReadonlyMap<string, readonly IndexedSignal[]>;
  /** Other signals that test the page's markup or text: none holds when there is no page. */
  onPage: readonly IndexedSignal[];
  others: readonly IndexedSignal[];
  /** Every product's fingerprint tests of a Via or Server value, for naming the product behind one entry. */
  namers: Readonly<Record<'via' | 'server', readonly { gateway: Gateway; test: CompiledMarker }[]>>;
}

/** A test of text or markup that must be on the page: it cannot hold on a response with no page text and no markup. */
function needsPage(test: CompiledMarker): boolean {
  return !test.absent && ((test.text !== undefined && test.text.folded !== '') || (test.markup !== undefined && test.markup !== ''));
}

export function compileCatalogue(gateways: readonly Gateway[]): Catalogue {
  const products = gateways.map(compileProduct);
  const byHeader = new Map<string, IndexedSignal[]>();
  const byWord = new Map<string, IndexedSignal[]>();
  const onPage: IndexedSignal[] = [];
  const others: IndexedSignal[] = [];
  const file = (index: Map<string, IndexedSignal[]>, key: string, indexed: IndexedSignal) => index.set(key, [...(index.get(key) ?? []), indexed]);
  products.forEach(({ fingerprint }, product) =>
    fingerprint.forEach(({ signal, test }, order) => {
      const indexed = { product, order, signal, test };
      const words = requiredWords(test);
      if (test.header !== undefined && !test.absent) file(byHeader, test.header, indexed);
      else if (words) words.forEach((word) => file(byWord, word, indexed));
      else if (needsPage(test)) onPage.push(indexed);
      else others.push(indexed);
    }),
  );
  const namers = (header: 'via' | 'server') =>
    products.flatMap(({ gateway, fingerprint }) =>
      fingerprint
        .filter(({ test }) => test.header === header && !test.absent && (test.equals ?? test.startsWith ?? test.includes) !== undefined)
        .map(({ test }) => ({ gateway, test })),
    );
  return {
    products,
    byId: new Map(products.map((product) => [product.gateway.id, product])),
    byHeader,
    byWord,
    onPage,
    others,
    namers: { via: namers('via'), server: namers('server') },
  };
}

let compiled: { from: readonly Gateway[]; catalogue: Catalogue } | undefined;

/**
 * Every vendor file in utils/gateways, compiled on first use. The background reads the list from a file when it first
 * needs it (entrypoints/background/knowledge.ts), so the list may arrive after this module loads; before that, there is
 * nothing to explain with, and saying so beats explaining every response as unknown.
 */
export function defaultCatalogue(): Catalogue {
  if (GATEWAYS.length === 0) throw new Error('The vendor knowledge is not loaded yet (entrypoints/background/knowledge.ts: loadKnowledge)');
  if (compiled?.from !== GATEWAYS) compiled = { from: GATEWAYS, catalogue: compileCatalogue(GATEWAYS) };
  return compiled.catalogue;
}

/** A product recognised on the route. */
export interface Detection {
  gateway: Gateway;
  /** 0..1: the fingerprint's signals combined as independent evidence. */
  score: number;
  /** One line per signal that held: `Server: cloudflare: Cloudflare names itself in the Server header`. */
  evidence: string[];
  /** The fingerprint signals that held, for placing the hop on the route (Via entries). */
  signals: Signal[];
  /** The variants that match, the one that decides first (see matchingVariants). */
  variants: Variant[];
  /** A relayed-only clue that held: the upstream answered and this product passed it on. */
  relayed?: string;
}

const specificities = new WeakMap<Variant, number>();

/**
 * How specific a variant is: markers that show something (a header, text, markup, reason phrase) count; the status,
 * the body's state and a test turned around (`absent`) do not. Counted once per variant.
 */
export function specificity(variant: Variant): number {
  let count = specificities.get(variant);
  if (count === undefined) {
    count = variant.when.filter(
      (marker) =>
        !marker.absent &&
        (marker.header !== undefined || marker.text !== undefined || marker.markup !== undefined || marker.reason !== undefined || marker.any !== undefined),
    ).length;
    specificities.set(variant, count);
  }
  return count;
}

/** A product's own error page or error marker: a variant it writes itself, recognised by more than the status. */
export const isOwnPage = (variant: Variant | undefined) => variant !== undefined && variant.source === 'gateway' && specificity(variant) > 0;

const matching = (variants: readonly CompiledVariant[], evidence: Evidence) =>
  variants.filter(({ when }) => when.every((marker) => holds(marker, evidence))).map(({ variant }) => variant);

/**
 * A product's variants that match: its own, else the error pages of the products it runs on (a platform emits its
 * base's stock pages; see isOwnPage), else the first of its own catch-alls that matches. The first of the list
 * decides the source; the others add their causes at a lower weight.
 */
function matchingVariants(product: CompiledProduct, evidence: Evidence, catalogue: Catalogue): Variant[] {
  const own = matching(product.own, evidence);
  if (own.length > 0) return own;
  for (const id of product.gateway.runsOn ?? []) {
    const pages = catalogue.byId.get(id)?.own.filter(({ variant }) => isOwnPage(variant));
    const inherited = pages ? matching(pages, evidence) : [];
    if (inherited.length > 0) return inherited;
  }
  return matching(product.ownFallback, evidence).slice(0, 1);
}

/** A product whose fingerprint reached the threshold, with the signals that held (in the file's order). */
function detectionOf(product: CompiledProduct, score: number, held: IndexedSignal[], evidence: Evidence, catalogue: Catalogue): Detection {
  const signals = held.sort((a, b) => a.order - b.order).map(({ signal }) => signal);
  const relayed = product.relayed.find(({ test }) => holds(test, evidence));
  return {
    gateway: product.gateway,
    score: Math.round(score * 100) / 100,
    evidence: signals.map((signal) => `${describeMarker(signal, evidence)}: ${sayVendor(signal.note)}`),
    signals,
    variants: matchingVariants(product, evidence, catalogue),
    ...(relayed && { relayed: `${describeMarker(relayed.clue, evidence)}: ${sayVendor(relayed.clue.note)}` }),
  };
}

export interface Detections {
  /** Every product recognised on the route, bar those a recognised platform runs on (their markers are its own). */
  found: Detection[];
  /** The strongest fingerprint score of a gateway below the threshold: how close the response came to naming one. */
  nearMiss: number;
}

/** The signals filed under the page's words, each once, walking whichever of the two is smaller. */
function signalsOfWords(words: ReadonlySet<string>, byWord: ReadonlyMap<string, readonly IndexedSignal[]>): Set<IndexedSignal> {
  const signals = new Set<IndexedSignal>();
  const add = (list: readonly IndexedSignal[] | undefined) => list?.forEach((signal) => signals.add(signal));
  if (words.size <= byWord.size) words.forEach((word) => add(byWord.get(word)));
  else byWord.forEach((list, word) => words.has(word) && add(list));
  return signals;
}

export function detectProducts(evidence: Evidence, catalogue: Catalogue = defaultCatalogue()): Detections {
  const { products } = catalogue;
  const miss = new Float64Array(products.length).fill(1);
  const held: (IndexedSignal[] | undefined)[] = [];
  const take = (indexed: IndexedSignal) => {
    if (!holds(indexed.test, evidence)) return;
    miss[indexed.product]! *= 1 - indexed.signal.weight;
    (held[indexed.product] ??= []).push(indexed);
  };
  for (const name of evidence.values.keys()) catalogue.byHeader.get(name)?.forEach(take);
  if (evidence.text !== '') signalsOfWords(wordsOf(evidence), catalogue.byWord).forEach(take);
  if (evidence.text !== '' || evidence.markup !== '') catalogue.onPage.forEach(take);
  catalogue.others.forEach(take);
  const found: Detection[] = [];
  let nearMiss = 0;
  products.forEach((product, index) => {
    const score = 1 - miss[index]!;
    const signals = held[index];
    // Most products are not on the route: their evidence lines are written only once one is.
    if (score >= DETECTION_THRESHOLD && signals) found.push(detectionOf(product, score, signals, evidence, catalogue));
    else if (product.gateway.kind !== 'app-server') nearMiss = Math.max(nearMiss, score);
  });
  const hidden = new Set(found.flatMap(({ gateway }) => gateway.runsOn ?? []));
  return { found: found.filter(({ gateway }) => !hidden.has(gateway.id)), nearMiss };
}

/**
 * For a page that states no status: the status a recognised product's own page implies, when one of its own-page
 * variants matches with that status (h2o's "Gateway Error: connection failed" is sent only as a 502). Undefined when
 * none does.
 */
export function impliedStatus(evidence: Evidence, found: readonly Detection[], catalogue: Catalogue = defaultCatalogue()): number | undefined {
  for (const { gateway } of [...found].sort((a, b) => b.score - a.score)) {
    const product = catalogue.byId.get(gateway.id);
    if (!product || gateway.kind === 'app-server') continue;
    // Only pages that require a status can imply it; a page matched whatever the status implies none.
    for (const page of product.own) {
      if (!isOwnPage(page.variant)) continue;
      for (const status of page.when.flatMap(({ statuses }) => statuses ?? [])) {
        if (matching([page], { ...evidence, status }).length > 0) return status;
      }
    }
  }
  return undefined;
}

/** The product whose Via or Server marker this folded value shows, for telling a known product's entry from an unknown one. */
export function productNamedBy(header: 'via' | 'server', folded: string, catalogue: Catalogue = defaultCatalogue()): Gateway | undefined {
  for (const { gateway, test } of catalogue.namers[header]) {
    if (test.equals !== undefined && folded !== test.equals) continue;
    if (test.startsWith !== undefined && !folded.startsWith(test.startsWith)) continue;
    if (test.includes !== undefined && !folded.includes(test.includes)) continue;
    return gateway;
  }
  return undefined;
}
