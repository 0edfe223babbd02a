// Query strings can carry tokens and personal data: reports leave them out unless the person asks for them.
// (utils/party.ts has withoutQuery too, but importing it brings tldts and its 50 kB suffix list into the popup.)

/** "https://example.com/a?token=x#y" → "https://example.com/a". */
export function urlWithoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

// An address or a path, at the start of the text or after a separator, followed by its query or fragment.
// Tokens start only after a separator, so a long run of slashes is scanned once: linear time.
// Punctuation that ends a sentence after the address is kept.
const ADDRESS_WITH_QUERY = /(^|[\s"'<(=,;])((?:[a-z][a-z0-9+.-]*:\/\/|\/)[^\s?#"'<>]*)[?#](?:[^\s"'<>]*[^\s"'<>,;.)])?/gi;

/** Removes the query string and fragment of every address or path in free text, such as a header value. */
export function stripQueryStrings(text: string): string {
  return text.replace(ADDRESS_WITH_QUERY, '$1$2');
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
