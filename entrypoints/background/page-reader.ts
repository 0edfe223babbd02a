// Reads the start of a failed page (title and HTML) so the engine can recognise vendor error pages. Best-effort.
import { browser } from 'wxt/browser';
import { TAB_CALL_TIME_LIMIT_MS, withTimeLimit } from '../../utils/time-limit';

/** Enough for every vendor marker Gatewhy knows; error pages are short. */
const MAX_PAGE_CHARS = 16_384;

/**
 * The page's address and serialized DOM, cut to MAX_PAGE_CHARS, or undefined when it cannot be read
 * (the browser's own error page, a closed tab, a page the extension may not script). Inline scripts and hidden form
 * fields are emptied first: pages keep tokens there (CSRF tokens, session data), and no vendor marker is in them.
 */
export async function readPageHtml(tabId: number): Promise<{ url: string; html: string } | undefined> {
  try {
    const results = await withTimeLimit(
      browser.scripting.executeScript({
        target: { tabId },
        func: (max: number) => {
          const copy = document.documentElement.cloneNode(true) as HTMLElement;
          for (const script of copy.querySelectorAll('script')) script.textContent = '';
          for (const field of copy.querySelectorAll('input[type="hidden" i]')) field.removeAttribute('value');
          return { url: location.href, html: copy.outerHTML.slice(0, max) };
        },
        args: [MAX_PAGE_CHARS],
      }),
      TAB_CALL_TIME_LIMIT_MS,
    );
    const read = results?.[0]?.result as { url?: unknown; html?: unknown } | undefined;
    return typeof read?.url === 'string' && typeof read.html === 'string' ? { url: read.url, html: read.html } : undefined;
  } catch {
    return undefined;
  }
}
