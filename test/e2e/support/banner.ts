// Reads and watches the in-page banner from the extension's side. Its shadow root is closed, so the page (and a
// test driving the page) cannot reach into it; a script the extension injects can (chrome.dom.openOrClosedShadowRoot
// in Chromium, element.openOrClosedShadowRoot in Firefox), which is how these helpers look at it.

export interface BannerButton {
  action: string;
  label: string;
  hidden: boolean;
  focused: boolean;
  /** The button's centre in the viewport, where a real mouse would press it. */
  x: number;
  y: number;
}

export interface BannerSnapshot {
  visible: boolean;
  text: string;
  /** The live region's text: what a screen reader was last told. */
  live: string;
  buttons: BannerButton[];
  /** Every text the live region took since `watch` was called, in order. */
  announcements: string[];
}

// Runs in the page, in the extension's isolated world. Plain JavaScript: its source is injected as it is.
const READ = `function readBanner(watch) {
  const host = document.querySelector('gatewhy-banner');
  if (!host) return null;
  const root = globalThis.chrome?.dom?.openOrClosedShadowRoot?.(host) ?? host.openOrClosedShadowRoot;
  if (!root) return null;
  const live = root.querySelector('[role=status]');
  if (watch && !globalThis.__gatewhyAnnouncements) {
    globalThis.__gatewhyAnnouncements = [];
    new MutationObserver(() => globalThis.__gatewhyAnnouncements.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
  }
  const buttons = [...root.querySelectorAll('button')].map((button) => {
    const rect = button.getBoundingClientRect();
    return { action: button.dataset.action ?? 'close', label: button.textContent, hidden: button.hidden, focused: root.activeElement === button, x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  });
  return { visible: !root.querySelector('.bar').hidden, text: root.querySelector('.text').textContent, live: live.textContent, buttons, announcements: globalThis.__gatewhyAnnouncements ?? [] };
}`;

/** The expression an extension page evaluates to read tab `tabId`'s banner (null when there is none). */
export function readBannerExpression(tabId: number, { watch = false } = {}): string {
  return `(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const [injection] = await api.scripting.executeScript({ target: { tabId: ${Number(tabId)} }, func: ${READ}, args: [${watch}] });
    return injection?.result ?? null;
  })()`;
}

/** A shown button by its action ("retry-pause" is Stop). */
export function buttonOf(banner: BannerSnapshot | null, action: string): BannerButton | undefined {
  return banner?.buttons.find((button) => button.action === action && !button.hidden);
}

/** The labels of the buttons a user sees. */
export const shownLabels = (banner: BannerSnapshot | null) => banner?.buttons.filter((button) => !button.hidden).map(({ label }) => label) ?? [];
