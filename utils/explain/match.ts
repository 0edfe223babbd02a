// Tests markers on prepared evidence in linear time: constants are folded once, then tested with substring searches.
import { isSensitiveHeader, redactedValue } from '../headers';
import type { BodyState, Marker } from '../gateways/types';
import type { Evidence } from './evidence';
import { fold, foldText } from './page-text';

/** A phrase of visible text, and which of its ends must fall on a word boundary (ends that are letters or digits). */
export interface Phrase {
  folded: string;
  boundedStart: boolean;
  boundedEnd: boolean;
  /** A whole word the text must contain wherever the phrase occurs: a cheap test that rules most phrases out. */
  anchor?: string;
}

// Splits text into words as isWordChar sees them.
const NOT_WORD = /[^a-z0-9_\u00c0-\u1fff\u2070-\uffff]+/;

/** A marker with its constants folded once, as the tests compare them. */
export interface CompiledMarker {
  marker: Marker;
  statuses?: readonly number[];
  header?: string;
  equals?: string;
  startsWith?: string;
  includes?: string;
  text?: Phrase;
  markup?: string;
  reason?: string;
  body?: BodyState;
  absent: boolean;
  any?: readonly CompiledMarker[];
}

/** Letters, digits and "_" make words; so do letters beyond ASCII, bar the general punctuation block. */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || (code >= 0xc0 && (code < 0x2000 || code > 0x206f));
}

/** A phrase to look for in visible text, folded as the text is. */
export function toPhrase(text: string): Phrase {
  const folded = foldText(text);
  const boundedStart = isWordChar(folded.charCodeAt(0));
  const boundedEnd = isWordChar(folded.charCodeAt(folded.length - 1));
  // Words inside the phrase are whole words of the text; its first and last only when that end is bounded.
  const words = folded.split(NOT_WORD);
  const whole = words.filter((word, index) => word !== '' && (index > 0 || boundedStart) && (index < words.length - 1 || boundedEnd));
  const anchor = whole.reduce<string | undefined>((longest, word) => (word.length >= 3 && word.length > (longest?.length ?? 0) ? word : longest), undefined);
  return { folded, boundedStart, boundedEnd, ...(anchor && { anchor }) };
}

/** The words of the evidence's visible text, split once and kept with it. */
export function wordsOf(evidence: Evidence): ReadonlySet<string> {
  return (evidence.words ??= new Set(evidence.text.split(NOT_WORD)));
}

/** True when the page's visible text has the phrase on its word boundaries; the anchor word is looked up first. */
export function says(evidence: Evidence, phrase: Phrase): boolean {
  if (evidence.text === '') return phrase.folded === '';
  if (phrase.anchor !== undefined && !wordsOf(evidence).has(phrase.anchor)) return false;
  return hasPhrase(evidence.text, phrase);
}

/** True when the phrase occurs in the text with word boundaries at its bounded ends. Each occurrence is looked at once. */
export function hasPhrase(text: string, { folded, boundedStart, boundedEnd }: Phrase): boolean {
  if (folded === '') return true;
  for (let at = text.indexOf(folded); at >= 0; at = text.indexOf(folded, at + 1)) {
    const end = at + folded.length;
    if ((!boundedStart || at === 0 || !isWordChar(text.charCodeAt(at - 1))) && (!boundedEnd || end === text.length || !isWordChar(text.charCodeAt(end))))
      return true;
  }
  return false;
}

const compiledMarkers = new WeakMap<Marker, CompiledMarker>();

/** The marker with its constants folded; compiled once per marker object. */
export function compileMarker(marker: Marker): CompiledMarker {
  let compiled = compiledMarkers.get(marker);
  if (compiled) return compiled;
  compiled = {
    marker,
    ...(marker.status !== undefined && { statuses: typeof marker.status === 'number' ? [marker.status] : marker.status }),
    ...(marker.header !== undefined && { header: marker.header.toLowerCase() }),
    ...(marker.equals !== undefined && { equals: fold(marker.equals) }),
    ...(marker.startsWith !== undefined && { startsWith: fold(marker.startsWith) }),
    ...(marker.includes !== undefined && { includes: fold(marker.includes) }),
    ...(marker.text !== undefined && { text: toPhrase(marker.text) }),
    ...(marker.markup !== undefined && { markup: fold(marker.markup) }),
    ...(marker.reason !== undefined && { reason: fold(marker.reason) }),
    ...(marker.body !== undefined && { body: marker.body }),
    absent: marker.absent === true,
    ...(marker.any !== undefined && { any: marker.any.map(compileMarker) }),
  };
  compiledMarkers.set(marker, compiled);
  return compiled;
}

/**
 * Words of which the page must show at least one for the marker to hold (each phrase's anchor; for `any`, those of
 * every branch), or undefined when it can hold without any: an index from words to markers can then skip the rest.
 */
export function requiredWords(marker: CompiledMarker): readonly string[] | undefined {
  if (marker.absent) return undefined;
  if (marker.text?.anchor !== undefined) return [marker.text.anchor];
  if (marker.any === undefined) return undefined;
  const branches = marker.any.map(requiredWords);
  return branches.every((words) => words !== undefined) ? [...new Set(branches.flat())] : undefined;
}

function valueHolds(marker: CompiledMarker, value: string): boolean {
  if (marker.equals !== undefined && value !== marker.equals) return false;
  if (marker.startsWith !== undefined && !value.startsWith(marker.startsWith)) return false;
  if (marker.includes !== undefined && !value.includes(marker.includes)) return false;
  return true;
}

/** The one content test of a marker (header, text, markup or reason) before `absent` turns it around. */
function contentHolds(marker: CompiledMarker, evidence: Evidence): boolean | undefined {
  if (marker.header !== undefined) {
    const found = evidence.values.get(marker.header);
    return found !== undefined && found.some((value) => valueHolds(marker, value));
  }
  if (marker.text !== undefined) return says(evidence, marker.text);
  if (marker.markup !== undefined) return evidence.markup.includes(marker.markup);
  if (marker.reason !== undefined) return evidence.reason.includes(marker.reason);
  return undefined;
}

export function holds(marker: CompiledMarker, evidence: Evidence): boolean {
  if (marker.statuses !== undefined && !marker.statuses.includes(evidence.status)) return false;
  if (marker.body !== undefined && marker.body !== evidence.body) return false;
  if (marker.absent) {
    // "The page does not say X" needs a page to look at.
    if ((marker.text !== undefined || marker.markup !== undefined) && evidence.body !== 'seen') return false;
    if (contentHolds(marker, evidence) === true) return false;
  } else {
    if (marker.header !== undefined && contentHolds(marker, evidence) === false) return false;
    if (marker.text !== undefined && !says(evidence, marker.text)) return false;
    if (marker.markup !== undefined && !evidence.markup.includes(marker.markup)) return false;
    if (marker.reason !== undefined && !evidence.reason.includes(marker.reason)) return false;
  }
  if (marker.any !== undefined && !marker.any.some((one) => holds(one, evidence))) return false;
  return true;
}

/** holds() for a marker that was not compiled ahead: generic clues, tests. */
export function markerHolds(marker: Marker, evidence: Evidence): boolean {
  return holds(compileMarker(marker), evidence);
}

const clip = (text: string, max = 100) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What a marker saw in this response, for evidence lines: `Server: cloudflare`, `page says "Guru Meditation"`. */
export function describeMarker(marker: Marker, evidence: Evidence): string {
  const compiled = compileMarker(marker);
  const parts: string[] = [];
  if (marker.status !== undefined) parts.push(`status ${evidence.status}`);
  if (marker.header !== undefined) {
    if (compiled.absent) parts.push(`no ${marker.header} header`);
    else {
      const header = evidence.headers.find(({ name, value }) => name.toLowerCase() === compiled.header && valueHolds(compiled, fold(value)));
      const shown = header && (isSensitiveHeader(header.name) ? redactedValue(header.name, header.value) : clip(header.value));
      parts.push(header ? `${header.name}: ${shown}` : marker.header);
    }
  }
  const negated = compiled.absent ? 'does not say' : 'says';
  if (marker.text !== undefined) parts.push(`page ${negated} "${clip(marker.text.trim(), 80)}"`);
  if (marker.markup !== undefined) parts.push(`page ${compiled.absent ? 'has no' : 'has'} "${clip(marker.markup.trim(), 80)}"`);
  if (marker.reason !== undefined) parts.push(`reason phrase ${compiled.absent ? 'lacks' : 'has'} "${clip(marker.reason.trim(), 80)}"`);
  if (marker.body === 'empty') parts.push('empty body');
  if (marker.any !== undefined) {
    const held = marker.any.find((one) => markerHolds(one, evidence));
    if (held) parts.push(describeMarker(held, evidence));
  }
  return parts.join(', ');
}
