// Query strings can carry tokens and personal data: reports leave them out unless the person asks for them.
// (utils/party.ts has withoutQuery too, but importing it brings tldts and its 50 kB suffix list into the popup.)

/** "https://example.com/a?token=x#y" → "https://example.com/a". */
export function urlWithoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

// What the scan below finds, written as the regular expression it equals (the tests hold the two to each other): an
// address or a path, at the start of the text or after a separator, followed by its query or fragment; punctuation
// that ends a sentence after the address is kept. The expression itself backtracks quadratically on text such as
// "=/=/=/…" with no "?" (every "=" starts a path that runs to the end), so header values are scanned by hand instead.
export const ADDRESS_WITH_QUERY = /(^|[\s"'<(=,;])((?:[a-z][a-z0-9+.-]*:\/\/|\/)[^\s?#"'<>]*)[?#](?:[^\s"'<>]*[^\s"'<>,;.)])?/gi;

// Characters no address contains: they split the text into runs, and an address never spans two.
const isBreak = (char: string): boolean => /[\s"'<>]/.test(char);
// Characters after which an address may start inside a run ("next=/login?x", "(https://…").
const isLead = (char: string): boolean => char === '(' || char === '=' || char === ',' || char === ';';
// Punctuation that ends a sentence after an address rather than belonging to its query.
const isTrailing = (char: string): boolean => char === ',' || char === ';' || char === '.' || char === ')';

/** Whether an address starts at `at`: a path ("/…") or a scheme and "://". */
function startsAddress(text: string, at: number): boolean {
  if (text[at] === '/') return true;
  if (!/[a-z]/i.test(text[at] ?? '')) return false;
  let i = at + 1;
  while (i < text.length && /[a-z0-9+.-]/i.test(text[i]!)) i++;
  return text.startsWith('://', i);
}

/** Removes the query string and fragment of every address or path in free text, such as a header value, in one pass. */
export function stripQueryStrings(text: string): string {
  let out = '';
  let kept = 0;
  let i = 0;
  while (i < text.length) {
    if (isBreak(text[i]!)) {
      i++;
      continue;
    }
    // One run of characters between breaks. A run starting after ">" has no lead there (the expression needs one).
    const runStart = i;
    let runEnd = i;
    while (runEnd < text.length && !isBreak(text[runEnd]!)) runEnd++;
    const leadAtStart = runStart === 0 || text[runStart - 1] !== '>';
    let address = -1;
    for (let at = runStart; at < runEnd; at++) {
      const char = text[at]!;
      if (address >= 0 && (char === '?' || char === '#')) {
        // The query runs to the end of the run, less the sentence's closing punctuation.
        let queryEnd = runEnd;
        while (queryEnd > at + 1 && isTrailing(text[queryEnd - 1]!)) queryEnd--;
        out += text.slice(kept, at);
        kept = queryEnd;
        break;
      }
      const leads = at === runStart ? leadAtStart : isLead(text[at - 1]!);
      // The scheme check reads letters up to "://"; runs of them between leads never overlap, so the pass stays linear.
      if (address < 0 && leads && startsAddress(text, at)) address = at;
    }
    i = runEnd;
  }
  return out + text.slice(kept);
}

/** Every string in a JSON-like value (a report, a HAR log) with the query strings of its addresses removed. */
export function withoutQueryStrings<T>(value: T): T {
  if (typeof value === 'string') return stripQueryStrings(value) as T;
  if (Array.isArray(value)) return value.map((item) => withoutQueryStrings(item)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutQueryStrings(item)])) as T;
  return value;
}

/** "https://shop.example.com:8443/cart?x" → "shop.example.com:8443"; the text itself when it is not an address. */
export function hostWithPort(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** The path (without query) of an address, for short lists: "https://a.example/api/v1?x" → "/api/v1". */
export function pathOf(url: string): string {
  try {
    const { pathname } = new URL(url);
    return pathname || '/';
  } catch {
    return urlWithoutQuery(url);
  }
}
