// Error pages can carry secrets where no vendor marker is: inline scripts (session data, CSRF tokens, a cookie the page
// sets) and hidden form fields. Bodies read outside the page's DOM (Firefox's filterResponseData, DevTools) are cut here
// as readPageHtml cuts the DOM, before they are stored. One pass over the text: no pattern here can backtrack.

/** The HTML with every script's content emptied and every hidden input's value removed; other text is unchanged. */
export function withoutPageSecrets(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let at = 0;
  for (let open = lower.indexOf('<', at); open >= 0; open = lower.indexOf('<', at)) {
    const end = lower.indexOf('>', open);
    if (end < 0) break;
    const tag = html.slice(open, end + 1);
    out += html.slice(at, open);
    if (lower.startsWith('<script', open)) {
      // The script's own text goes; its tags stay, so the page's shape (and any src) is still seen.
      const close = lower.indexOf('</script', end);
      out += tag;
      at = close < 0 ? html.length : close;
      continue;
    }
    out += lower.startsWith('<input', open) && /\btype\s*=\s*["']?hidden\b/i.test(tag) ? tag.replace(/\svalue\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)/gi, '') : tag;
    at = end + 1;
  }
  return out + html.slice(at);
}
