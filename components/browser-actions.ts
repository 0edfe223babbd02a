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

/** Saves text as a file through the browser's download prompt, without the downloads permission. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download before the browser has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
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
