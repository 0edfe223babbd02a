// The in-page retry banner: a countdown on the failed page, in a closed shadow root so the page can neither style it
// nor reach into it. Built once; each update changes text and which buttons show, so focus and a slow click survive
// the countdown. Injected only into failed pages (registration: 'runtime'), so healthy pages pay nothing for it, and
// its countdown wakes a stopped service worker when the retry is due.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { BannerState, BannerUpdate } from '../services/messages';
import { sendToBackground } from '../services/messages';
import { speakBrowserLanguage } from '../services/browser-wording';
import { bannerView, type BannerActionId, type BannerPhase } from '../utils/banner-text';
import { say } from '../utils/wording';

const CSS = `
:host { all: initial; }
[hidden] { display: none !important; }
.bar { position: fixed; z-index: 2147483647; left: 50%; bottom: 16px; transform: translateX(-50%); max-width: calc(100vw - 32px);
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 10px 14px; border-radius: 10px;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #202124; background: #fff;
  box-shadow: 0 4px 18px rgba(0,0,0,.25); border: 1px solid #dadce0; }
.text { margin-right: 4px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
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

/** The buttons in the order they stand; each phase shows some of them (utils/banner-text.ts). */
const BUTTON_ORDER: readonly BannerActionId[] = ['retry-then', 'retry-resume', 'retry-now', 'retry-pause', 'why'];
/** How long the banner stays on a page that came back, once announced. */
const OUTCOME_SHOWN_MS = 15_000;
const TICK_MS = 250;

export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  cssInjectionMode: 'ui',
  // Injected again into the same page, the new copy takes over: WXT invalidates the older one, which removes its banner.
  // main returns at once: executeScript waits for its result, and Firefox never settles a result still pending when
  // the page navigates away, which kept the background waiting on a page that was gone.
  main(ctx) {
    speakBrowserLanguage();
    void showBanner(ctx).catch(() => {});
  },
});

interface BannerElements {
  bar: HTMLElement;
  text: HTMLElement;
  live: HTMLElement;
  why: HTMLElement;
  buttons: Map<BannerActionId, HTMLButtonElement>;
  close: HTMLButtonElement;
}

function build(container: HTMLElement, on: (id: BannerActionId | 'close') => void): BannerElements {
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = '') => {
    const element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = text;
    return element;
  };
  const bar = make('div', 'bar');
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Gatewhy');
  bar.hidden = true;
  const text = make('span', 'text');
  // The countdown is not a live region: it would be read out every second. State changes go to this one.
  // It stands outside the bar, which is hidden at first: a live region must exist before its text changes.
  const live = make('span', 'visually-hidden');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  bar.append(text);
  const buttons = new Map<BannerActionId, HTMLButtonElement>();
  for (const id of BUTTON_ORDER) {
    const button = make('button', '');
    button.type = 'button';
    button.dataset.action = id;
    button.hidden = true;
    button.addEventListener('click', (event) => event.isTrusted && on(id));
    buttons.set(id, button);
    bar.append(button);
  }
  const close = make('button', 'close', '✕');
  close.type = 'button';
  close.setAttribute('aria-label', say('banner.hide'));
  close.addEventListener('click', (event) => event.isTrusted && on('close'));
  const why = make('p', 'why');
  why.hidden = true;
  bar.append(close, why);
  container.append(live, bar);
  return { bar, text, live, why, buttons, close };
}

async function showBanner(ctx: ContentScriptContext): Promise<void> {
  let state: BannerState | null = null;
  let dismissed = false;
  let lastPing = 0;
  let phase: BannerPhase | undefined;
  let elements: BannerElements | undefined;

  const act = (id: BannerActionId | 'close') => {
    if (id === 'close') {
      dismissed = true;
      update();
    } else if (id === 'why') {
      const button = elements?.buttons.get('why');
      const open = button?.getAttribute('aria-expanded') !== 'true';
      button?.setAttribute('aria-expanded', String(open));
      if (elements) elements.why.hidden = !open;
    } else void sendToBackground({ type: id }).catch(() => {});
  };

  const ui = await createShadowRootUi(ctx, {
    name: 'gatewhy-banner',
    position: 'inline',
    anchor: 'body',
    mode: 'closed',
    css: CSS,
    onMount(container) {
      elements = build(container, act);
      return elements;
    },
  });

  const setText = (element: HTMLElement, text: string) => {
    if (element.textContent !== text) element.textContent = text;
  };

  /** Brings the banner up to date: text, which buttons show, and an announcement when the phase changed. */
  function update(): void {
    if (!elements) return;
    const view = state && !dismissed && state.visible ? bannerView(state, Date.now()) : undefined;
    elements.bar.hidden = !view;
    if (!view) {
      phase = undefined;
      return;
    }
    setText(elements.text, view.message);
    setText(elements.why, state!.why);
    const focused = ui.shadow.activeElement;
    const shown = new Map(view.actions.map((action) => [action.id, action]));
    for (const [id, button] of elements.buttons) {
      const action = shown.get(id);
      button.hidden = !action;
      if (!action) continue;
      setText(button, action.label);
      button.classList.toggle('primary', action.primary === true);
    }
    if (elements.why.hidden === false && !shown.has('why')) elements.why.hidden = true;
    // The control the user was on went away (Stop became Resume): focus moves to what replaced it, not to the page.
    if (focused instanceof HTMLButtonElement && focused.hidden) {
      const primary = view.actions.find((action) => action.primary) ?? view.actions[0];
      (primary ? elements.buttons.get(primary.id) : elements.close)?.focus();
    }
    if (view.phase !== phase) {
      phase = view.phase;
      setText(elements.live, view.announcement);
      if (phase === 'back' || phase === 'ended') ctx.setTimeout(() => phase === view.phase && ((dismissed = true), update()), OUTCOME_SHOWN_MS);
    }
  }

  function tick(): void {
    const dueAt = state?.retry?.dueAt;
    // At the due time, ask the background to retry: this wakes it even if the browser stopped it.
    if (dueAt !== undefined && Date.now() >= dueAt && Date.now() - lastPing > 2000) {
      lastPing = Date.now();
      void sendToBackground({ type: 'retry-due' }).catch(() => {});
    }
    update();
  }

  async function refresh(tries = 5): Promise<void> {
    state = await sendToBackground({ type: 'retry-state' }).catch(() => null);
    update();
    // Injected while the background was still storing the schedule: ask again shortly.
    if (!state && tries > 1) ctx.setTimeout(() => void refresh(tries - 1), 500);
  }

  const onUpdate = (message: unknown) => {
    if ((message as BannerUpdate)?.type !== 'gatewhy-banner') return;
    state = (message as BannerUpdate).state;
    update();
  };
  browser.runtime.onMessage.addListener(onUpdate);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onUpdate));
  ctx.setInterval(tick, TICK_MS);
  ui.mount();
  await refresh();
}
