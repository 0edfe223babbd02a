// Shows a tab's badge: text, colour, tooltip and the "error" icon. The tab machine says what changed.
import { browser } from 'wxt/browser';
import type { Badge } from '../../utils/badge';

// MV2 builds (Firefox) name the toolbar button browserAction; MV3 names it action.
const action = () => browser.action ?? browser.browserAction;

const iconOf = (badge: Badge) => (badge.text ? { 16: '/icon/error-16.png', 32: '/icon/error-32.png' } : { 16: '/icon/16.png', 32: '/icon/32.png' });

type IconPaths = ReturnType<typeof iconOf>;
const decoded = new Map<string, Promise<Record<number, ImageData>>>();

/**
 * The icon's pixels, decoded once. Given paths, Chromium's service worker fetches and decodes both images again at
 * every setIcon call (its extensions::setIcon binding): about 15 ms of the worker's time each, in a CPU profile of
 * the failure-heavy page of bench/. Undefined where there is no OffscreenCanvas to decode with.
 */
function pixelsOf(paths: IconPaths): Promise<Record<number, ImageData>> | undefined {
  if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') return undefined;
  const id = paths[16];
  let pixels = decoded.get(id);
  if (!pixels) {
    pixels = Promise.all(
      Object.entries(paths).map(async ([name, path]) => {
        const size = Number(name);
        const bitmap = await createImageBitmap(await (await fetch(browser.runtime.getURL(path as '/'))).blob());
        const context = new OffscreenCanvas(size, size).getContext('2d')!;
        context.drawImage(bitmap, 0, 0, size, size);
        return [size, context.getImageData(0, 0, size, size)] as const;
      }),
    ).then(Object.fromEntries);
    // A decoding that failed is tried again next time; meanwhile the browser decodes the paths itself.
    pixels.catch(() => decoded.delete(id));
    decoded.set(id, pixels);
  }
  return pixels;
}

async function setIcon(tabId: number, paths: IconPaths): Promise<void> {
  const imageData = await pixelsOf(paths)?.catch(() => undefined);
  await action().setIcon(imageData ? { tabId, imageData } : { tabId, path: paths });
}

/** Sets the parts of the badge that differ from `previous`; all of them when there is none to compare with. */
export async function showBadge(tabId: number, badge: Badge, previous?: Badge): Promise<void> {
  const api = action();
  await Promise.all([
    previous?.text !== badge.text && api.setBadgeText({ tabId, text: badge.text }),
    previous?.color !== badge.color && api.setBadgeBackgroundColor({ tabId, color: badge.color }),
    previous?.title !== badge.title && api.setTitle({ tabId, title: badge.title }),
    Boolean(previous?.text) !== Boolean(badge.text) || !previous ? setIcon(tabId, iconOf(badge)) : false,
  ]);
}
