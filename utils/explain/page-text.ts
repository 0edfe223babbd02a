// Turns a response body, however it arrives, into the forms matching needs: its markup and the text a reader sees.
// Every step is one pass over the body (or a regular expression without nested repetition), so it stays linear.

/** Most body text examined; vendor error pages put their markers well within it. */
export const MAX_BODY_CHARS = 65_536;

export interface PageForms {
  /** The page's markup: lower case, runs of whitespace as one space. Unwrapped when it came JSON-wrapped or HTML-escaped. */
  markup: string;
  /** What a reader sees (title first), lower case, quotes made plain, runs of whitespace as one space. */
  text: string;
  /** The title's text, folded the same way. */
  title: string;
}

const WHITESPACE = /\s+/g;
// Whitespace that fold() must change: a run of two, anything but a space, or a space at either end.
const UNFOLDED = /\s\s|[^\S ]|^ | $/;

/** Lower case, every run of whitespace as one space, trimmed: how header values and markup are compared. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Most header values are folded already: testing is cheaper than rebuilding the string.
  return UNFOLDED.test(lower) ? lower.replace(WHITESPACE, ' ').trim() : lower;
}

// Typographic apostrophes and quotes read as plain ones, so "That’s all we know" and "That's all we know" are one phrase.
const CURLY_SINGLE = /[\u2018\u2019\u02bc\u2032]/g;
const CURLY_DOUBLE = /[\u201c\u201d\u2033]/g;
const ODD_SPACES = /[\u00a0\u2007\u202f\u200b]/g;
// eslint-disable-next-line no-control-regex -- the range starts at NUL because it names every ASCII character.
const NOT_ASCII = /[^\x00-\x7f]/;

/** fold(), and quotes and odd spaces made plain: how visible text, and the phrases tested on it, are compared. */
export function foldText(text: string): string {
  if (!NOT_ASCII.test(text)) return fold(text);
  return fold(text.replace(CURLY_SINGLE, "'").replace(CURLY_DOUBLE, '"').replace(ODD_SPACES, ' '));
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  copy: '©',
  reg: '®',
  middot: '·',
  bull: '•',
  laquo: '«',
  raquo: '»',
};
const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi;

/** Decodes HTML character references; unknown names stay as they are. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const JSON_ESCAPE = /\\(u[0-9a-fA-F]{4}|["\\/bfnrt])/g;
const JSON_SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '', f: ' ', n: '\n', r: '\r', t: '\t' };

/** Decodes JSON string escapes in text that is not valid JSON (cut off in a log, say): `\"`, `\n`, `\u003c`. */
function unescapeJson(text: string): string {
  return text.replace(JSON_ESCAPE, (_whole, escape: string) =>
    escape.length === 5 ? String.fromCharCode(Number.parseInt(escape.slice(1), 16)) : JSON_SIMPLE[escape]!,
  );
}

// A tag starts with "<" and a letter, "/", "!" or "?"; "a < b" is text.
const HAS_TAG = /<[a-z!/?]/i;
const HAS_ESCAPED_TAG = /&lt;\s*\/?[a-z!]/i;
const LOOKS_LIKE_PAGE = /<(html|body|head|title|h1|div|p|center|!doctype)\b/i;

/** The longest string inside parsed JSON that holds an HTML page, looked for a few levels deep. */
function pageInJson(data: unknown): string | undefined {
  let best: string | undefined;
  let budget = 2000;
  const visit = (node: unknown, depth: number): void => {
    if (budget-- <= 0 || depth > 8) return;
    if (typeof node === 'string') {
      if (LOOKS_LIKE_PAGE.test(node) && (best === undefined || node.length > best.length)) best = node;
    } else if (node && typeof node === 'object') {
      for (const child of Array.isArray(node) ? node : Object.values(node)) visit(child, depth + 1);
    }
  };
  visit(data, 0);
  return best;
}

/**
 * The body as its author wrote it: the page inside a JSON string or object (as logs and API clients wrap it),
 * HTML-escaped markup decoded (as issue threads show it), or the body itself.
 */
/** The first character that is not whitespace, without copying the text. */
function firstVisible(text: string): string | undefined {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 32 && code !== 160 && code !== 0xfeff) return text[index];
  }
  return undefined;
}

export function unwrapBody(body: string): string {
  const start = firstVisible(body);
  if (start === '{' || start === '[' || start === '"') {
    try {
      const data: unknown = JSON.parse(body);
      if (typeof data === 'string') return data;
      const page = pageInJson(data);
      if (page !== undefined) return page;
    } catch {
      // Cut off or not JSON after all: decode its escapes below, so the words in it can be read.
    }
    return body.includes('\\') ? unescapeJson(body) : body;
  }
  if (!HAS_TAG.test(body) && HAS_ESCAPED_TAG.test(body)) return decodeEntities(body);
  return body;
}

// Elements whose content is never shown as text.
const HIDDEN_CONTENT = new Set(['script', 'style', 'template', 'svg', 'math']);
// Inline elements: text runs on across them ("<b>502</b>Bad" stays "502bad" as a browser copies it); others break words.
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

const isNameChar = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45 || code === 58;

/** Index just after the ">" that ends the tag opened before `from`, skipping quoted attribute values; the end when cut off. */
function endOfTag(lower: string, from: number): number {
  let quote = 0;
  for (let index = from; index < lower.length; index++) {
    const code = lower.charCodeAt(index);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 62) return index + 1;
    else if ((code === 34 || code === 39) && lower.charCodeAt(index - 1) === 61) quote = code;
  }
  return lower.length;
}

/**
 * The text a reader sees in markup: tags removed, the contents of scripts, styles and comments dropped, entities decoded.
 * The title is kept first unless `withTitle` is false, which gives what selecting the page and copying it gives.
 * Works on cut-off markup: an unclosed tag or comment at the end is dropped.
 */
export function visibleText(markup: string, withTitle = true, lowerCased = false): { text: string; title: string } {
  const lower = lowerCased ? markup : markup.toLowerCase();
  if (!HAS_TAG.test(lower)) return { text: foldText(decodeEntities(lower)), title: '' };
  const parts: string[] = [];
  let title = '';
  let textStart = 0;
  let index = lower.indexOf('<');
  while (index >= 0 && index < lower.length) {
    const next = lower.charCodeAt(index + 1);
    const isTag = (next >= 97 && next <= 122) || next === 47 || next === 33 || next === 63;
    if (!isTag) {
      index = lower.indexOf('<', index + 1);
      continue;
    }
    if (index > textStart) parts.push(lower.slice(textStart, index));
    let after: number;
    let breaksWords = true;
    if (lower.startsWith('<!--', index)) {
      const close = lower.indexOf('-->', index + 4);
      after = close < 0 ? lower.length : close + 3;
    } else {
      const closing = next === 47;
      let nameEnd = index + (closing ? 2 : 1);
      while (nameEnd < lower.length && isNameChar(lower.charCodeAt(nameEnd))) nameEnd++;
      const name = lower.slice(index + (closing ? 2 : 1), nameEnd);
      after = endOfTag(lower, nameEnd);
      if (!closing && (HIDDEN_CONTENT.has(name) || name === 'title')) {
        const close = lower.indexOf(`</${name}`, after);
        const contentEnd = close < 0 ? lower.length : close;
        if (name === 'title' && title === '') title = lower.slice(after, contentEnd);
        after = close < 0 ? lower.length : endOfTag(lower, close + name.length + 2);
      }
      breaksWords = !INLINE.has(name);
    }
    if (breaksWords) parts.push(' ');
    textStart = after;
    index = lower.indexOf('<', after);
  }
  if (textStart < lower.length) parts.push(lower.slice(textStart));
  const foldedTitle = foldText(decodeEntities(title));
  const body = foldText(decodeEntities(parts.join('')));
  return { text: withTitle && foldedTitle ? `${foldedTitle} ${body}`.trim() : body, title: foldedTitle };
}

/** The forms of a body that markers are tested on. */
export function pageForms(body: string): PageForms {
  const markup = fold(unwrapBody(body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) : body));
  // The folded markup is the page lower-cased with its whitespace runs made single: all extraction needs.
  const { text, title } = visibleText(markup, true, true);
  return { markup, text, title };
}
