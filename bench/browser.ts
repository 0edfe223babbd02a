// Launches Debian's Chromium for the benchmarks, and writes the generated extensions the measurements compare against.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from '../test/e2e/support/wait';
import { DNR_PROBE_PATH } from './site';

export const CHROMIUM = '/usr/bin/chromium';

/** The flags of shared/toolchain.md, for every benchmark's Chromium, whichever library drives it. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Loads unpacked extensions at launch, and only those. */
export const extensionFlags = (dirs: readonly string[]) =>
  dirs.length ? [`--disable-extensions-except=${dirs.join(',')}`, `--load-extension=${dirs.join(',')}`] : [];

export interface BenchBrowser {
  context: BrowserContext;
  /** The fresh profile; it also names the browser's processes (see process-cpu.ts). */
  userDataDir: string;
  /** The first extension's service worker, or undefined without one. */
  worker?: Worker;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Wait until the first extension's worker has a webRequest listener (shared/toolchain.md: events before are lost). */
  listens?: boolean;
  /** The first extension has a service worker to wait for (a declarativeNetRequest-only blocker has none). */
  hasWorker?: boolean;
  /** More Chromium flags. */
  args?: string[];
}

/**
 * A fresh profile every time, with the flags of shared/toolchain.md. The extension system stays enabled even with
 * no extension (Playwright's default --disable-extensions is dropped), so "no extension" differs from the other
 * configurations only by the extension.
 */
export async function launch(
  extensionDirs: string | string[] | undefined,
  { listens = true, hasWorker = true, args = [] }: LaunchOptions = {},
): Promise<BenchBrowser> {
  const dirs = extensionDirs === undefined ? [] : [extensionDirs].flat();
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'gatewhy-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...extensionFlags(dirs), ...CHROMIUM_FLAGS, ...args],
  });
  const close = async () => {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  };
  if (!dirs.length || !hasWorker) return { context, userDataDir, close };
  try {
    const first = (await readManifest(dirs[0]!)).name;
    const worker = await waitFor(
      `the service worker of ${first}`,
      async () => {
        for (const candidate of context.serviceWorkers()) {
          if ((await candidate.evaluate(() => chrome.runtime.getManifest().name).catch(() => undefined)) === first) return candidate;
        }
        return undefined;
      },
      15_000,
    );
    // The worker can run before its listeners are added; events before that are lost (shared/toolchain.md).
    if (listens)
      await waitFor(
        'the extension to listen',
        () => worker.evaluate(() => chrome.webRequest.onHeadersReceived.hasListeners() || chrome.webRequest.onCompleted.hasListeners()),
        15_000,
      );
    return { context, userDataDir, worker, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export const extensionIdOf = (worker: Worker) => new URL(worker.url()).host;

/** The built manifest, its name as the browser shows it: a localised "__MSG_key__" is looked up in the default locale. */
export async function readManifest(dir: string): Promise<{ name: string; options_ui?: { page?: string }; permissions?: string[]; [key: string]: unknown }> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  const key = /^__MSG_(\w+)__$/.exec(manifest.name)?.[1];
  if (key && typeof manifest.default_locale === 'string') {
    const messages = JSON.parse(await readFile(path.join(dir, '_locales', manifest.default_locale, 'messages.json'), 'utf8'));
    const entry = Object.entries(messages).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1] as { message?: string } | undefined;
    if (entry?.message) manifest.name = entry.message;
  }
  return manifest;
}

/** The settings field the options page shows for a setting (components/options/FieldRow.tsx: `field-<key>`). */
export const settingField = (key: string) => `#field-${key}`;

/**
 * Turns a checkbox setting on as a user does: on the options page, then reloads the page and checks that it shows
 * the setting on, so the value went through storage. Nothing here depends on how the settings are stored.
 */
export async function turnOnSetting(page: Page, optionsUrl: string, key: string): Promise<void> {
  await page.goto(optionsUrl);
  await page.check(settingField(key), { timeout: 10_000 });
  await waitFor(
    `${key} to be saved`,
    async () => {
      await page.reload();
      return page.isChecked(settingField(key), { timeout: 10_000 }).catch(() => false);
    },
    10_000,
    200,
  );
}

/** Runs a function in an extension's service worker: a Playwright Worker or a puppeteer-core WebWorker. */
export interface InWorker {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** The toolbar badge text Chromium shows for a tab: what the user sees, read through the extension's own worker. */
export async function badgeText(worker: InWorker, tabUrl: string): Promise<string> {
  return worker.evaluate(async (wanted: string) => {
    const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === wanted);
    return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
  }, tabUrl);
}

/**
 * The badge once it has stopped changing: Gatewhy stores a page's failures in bursts (at load, or a second after the
 * first), so an early reading can show part of them. Empty if it never shows anything within `timeoutMs`.
 */
export async function steadyBadge(read: () => Promise<string>, { steadyMs = 1500, timeoutMs = 8000 } = {}): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  let since = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await read();
    if (now !== last) [last, since] = [now, Date.now()];
    else if (last && Date.now() - since >= steadyMs) return last;
  }
  return last;
}

async function writeExtension(prefix: string, files: Record<string, string | object>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `gatewhy-bench-${prefix}-`));
  for (const [name, content] of Object.entries(files))
    await writeFile(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return dir;
}

/**
 * Writes a minimal MV3 extension with the webRequest permission whose only code is one empty
 * webRequest.onHeadersReceived listener (the event Gatewhy listens to): the floor any status watcher pays. It counts
 * events (a counter costs nothing next to the event's delivery) so the report can say how many each load produced.
 * `types` undefined means all types; `listener: false` leaves the permission alone, without a listener.
 */
export async function writeWatcherExtension({ types, listener = true }: { types?: readonly string[]; listener?: boolean } = {}): Promise<string> {
  const filter = types ? { urls: ['<all_urls>'], types } : { urls: ['<all_urls>'] };
  return writeExtension('watcher', {
    'manifest.json': {
      manifest_version: 3,
      name: listener ? `Empty webRequest listener (${types ? types.join(', ') : 'all types'})` : 'webRequest permission, no listener',
      version: '1.0.0',
      permissions: ['webRequest'],
      host_permissions: ['<all_urls>'],
      background: { service_worker: 'background.js' },
    },
    'background.js': listener
      ? `// Generated by bench/browser.ts: the cheapest possible status watcher.
let events = 0;
globalThis.eventCount = () => events;
chrome.webRequest.onHeadersReceived.addListener(() => { events++; }, ${JSON.stringify(filter)}, ["responseHeaders"]);
`
      : '// Generated by bench/browser.ts: the webRequest permission alone, no listener.\n',
  });
}

/**
 * A content blocker reduced to what it costs a profile: the declarativeNetRequest permission, host access (which
 * blockers such as uBlock Origin Lite ask for, to filter more than they block), and a few static block rules, with no
 * code at all. Holding declarativeNetRequest turns on Chromium's per-request WebRequest proxy for the whole profile
 * (`HasAnyWebRequestPermissions`, issues.chromium.org/379337758), so this is the profile most users already have.
 * None of the rules matches a benchmark page; one blocks the probe address, which proves the rules are loaded.
 */
export async function writeContentBlockerExtension(): Promise<string> {
  const block = (id: number, urlFilter: string, resourceTypes?: string[]) => ({
    id,
    priority: 1,
    action: { type: 'block' },
    condition: { urlFilter, ...(resourceTypes && { resourceTypes }) },
  });
  return writeExtension('dnr', {
    'manifest.json': {
      manifest_version: 3,
      name: 'Content blocker (declarativeNetRequest, 6 static rules)',
      version: '1.0.0',
      permissions: ['declarativeNetRequest'],
      host_permissions: ['<all_urls>'],
      declarative_net_request: { rule_resources: [{ id: 'blocklist', enabled: true, path: 'rules.json' }] },
    },
    'rules.json': [
      block(1, '||ads.example^'),
      block(2, '||tracker.example^', ['script', 'image', 'xmlhttprequest']),
      block(3, '||doubleclick.example^', ['script', 'sub_frame']),
      block(4, '/adserver/', ['script', 'image']),
      block(5, '&utm_source=', ['xmlhttprequest']),
      block(6, `/${DNR_PROBE_PATH}?`, ['xmlhttprequest']),
    ],
  });
}
