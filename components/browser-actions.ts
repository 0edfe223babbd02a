// Small browser-side helpers for extension pages: copy text, save a file, open another Gatewhy page.
import { browser } from 'wxt/browser';

/** Copies text to the clipboard; false when the browser refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (no focus, or no permission): the older way still works from a click.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}

/** The background page's window where the extension has one (Firefox); Chrome's service worker has none. */
async function backgroundWindow(): Promise<(Window & typeof globalThis) | undefined> {
  try {
    return ((await browser.runtime.getBackgroundPage()) as (Window & typeof globalThis) | null) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Saves text as a file through the browser's download prompt, without the downloads permission. Where there is a
 * background page (Firefox) the link is clicked there: Firefox closes the toolbar popup as the download starts or its
 * save dialog opens, and a download still tied to the closed popup's page fails
 * (https://github.com/Rob--W/crxviewer/issues/141). Chrome keeps a popup's download going, so there the popup saves.
 */
export async function downloadText(fileName: string, text: string, type = 'application/json'): Promise<void> {
  const host = (await backgroundWindow()) ?? window;
  const url = host.URL.createObjectURL(new host.Blob([text], { type }));
  const link = host.document.createElement('a');
  link.href = url;
  link.download = fileName;
  host.document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, by a timer of the page that owns the URL: revoking at once can cancel the download before the
  // browser has read the blob, and the popup's own timers die with it.
  host.setTimeout(host.URL.revokeObjectURL.bind(host.URL, url), 60_000);
}

export type GatewhyPage = 'recent-errors' | 'explain';

/** Opens one of Gatewhy's own pages in a new tab. */
export async function openPage(page: GatewhyPage): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/${page}.html`) });
}

/** Opens the settings page, when the build has one. */
export function hasOptionsPage(): boolean {
  const manifest = browser.runtime.getManifest() as { options_ui?: unknown; options_page?: unknown };
  return Boolean(manifest.options_ui ?? manifest.options_page);
}

export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
}
