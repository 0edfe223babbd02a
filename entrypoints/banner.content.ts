// The in-page retry banner: a countdown on the failed page, in a shadow root so the page's CSS cannot touch it.
// Injected only into failed pages (registration: 'runtime'), so healthy pages pay nothing for it.
// Its countdown also wakes a stopped service worker when the retry is due.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { BannerState, BannerUpdate } from '../services/messages';
import { sendToBackground } from '../services/messages';
import { bannerText } from '../utils/banner-text';

const CSS = `
:host { all: initial; }
.bar { position: fixed; z-index: 2147483647; left: 50%; bottom: 16px; transform: translateX(-50%); max-width: calc(100vw - 32px);
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 10px 14px; border-radius: 10px;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #202124; background: #fff;
  box-shadow: 0 4px 18px rgba(0,0,0,.25); border: 1px solid #dadce0; }
.text { margin-right: 4px; }
button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #1a73e8; background: #fff; color: #1a73e8; cursor: pointer; }
button.primary { background: #1a73e8; color: #fff; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.why { flex-basis: 100%; margin: 4px 0 0; color: #3c4043; }
.close { border: none; color: #5f6368; padding: 4px 8px; }
@media (prefers-color-scheme: dark) {
  .bar { color: #e8eaed; background: #202124; border-color: #5f6368; }
  button { background: #202124; color: #8ab4f8; border-color: #8ab4f8; }
  button.primary { background: #8ab4f8; color: #202124; }
  .why { color: #bdc1c6; }
  .close { color: #bdc1c6; }
}`;

export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  cssInjectionMode: 'ui',
  // Injected again into the same page, the new copy takes over: WXT invalidates the older one, which removes its banner.
  // main returns at once: executeScript waits for its result, and Firefox never settles a result still pending when
  // the page navigates away, which kept the background waiting on a page that was gone.
  main(ctx) {
    void showBanner(ctx).catch(() => {});
  },
});

async function showBanner(ctx: ContentScriptContext): Promise<void> {
  let state: BannerState | null = null;
  let dismissed = false;
  let showWhy = false;
  let lastPing = 0;
  let root: HTMLElement | undefined;

  const ui = await createShadowRootUi(ctx, {
    name: 'gatewhy-banner',
    position: 'inline',
    anchor: 'body',
    css: CSS,
    onMount(container) {
      root = document.createElement('div');
      container.append(root);
      return root;
    },
  });

  const act = (type: 'retry-now' | 'retry-pause' | 'retry-resume') => () => void sendToBackground({ type }).catch(() => {});

  function render(): void {
    if (!root) return;
    root.replaceChildren();
    const view = state && !dismissed && state.visible ? bannerText(state, Date.now()) : undefined;
    if (!view) return;
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'status');
    bar.setAttribute('aria-live', 'polite');
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = view.message;
    bar.append(text);
    for (const action of view.actions) {
      const button = document.createElement('button');
      button.textContent = action.label;
      if (action.primary) button.className = 'primary';
      button.addEventListener('click', action.id === 'why' ? () => ((showWhy = !showWhy), render()) : act(action.id));
      if (action.id === 'why') button.setAttribute('aria-expanded', String(showWhy));
      bar.append(button);
    }
    const close = document.createElement('button');
    close.className = 'close';
    close.textContent = '✕';
    close.setAttribute('aria-label', 'Hide this banner');
    close.addEventListener('click', () => ((dismissed = true), render()));
    bar.append(close);
    if (showWhy) {
      const why = document.createElement('p');
      why.className = 'why';
      why.textContent = state!.why;
      bar.append(why);
    }
    root.append(bar);
  }

  function tick(): void {
    const dueAt = state?.retry.dueAt;
    // At the due time, ask the background to retry: this wakes it even if the browser stopped it.
    if (dueAt !== undefined && Date.now() >= dueAt && Date.now() - lastPing > 2000) {
      lastPing = Date.now();
      void sendToBackground({ type: 'retry-due' }).catch(() => {});
    }
    render();
  }

  async function refresh(tries = 5): Promise<void> {
    state = await sendToBackground({ type: 'retry-state' }).catch(() => null);
    render();
    // Injected while the background was still storing the schedule: ask again shortly.
    if (!state && tries > 1) ctx.setTimeout(() => void refresh(tries - 1), 500);
  }

  const onUpdate = (message: unknown) => {
    if ((message as BannerUpdate)?.type !== 'gatewhy-banner') return;
    state = (message as BannerUpdate).state;
    render();
  };
  browser.runtime.onMessage.addListener(onUpdate);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onUpdate));
  ctx.setInterval(tick, 250);
  ui.mount();
  await refresh();
}
