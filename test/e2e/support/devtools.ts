// Real Chromium with DevTools open on every tab and the built extension loaded, and handles on the extension's DevTools
// page and Gatewhy panel (recipe in shared/toolchain.md, "DevTools extension pages are testable"). DevTools only opens
// headful: callers give the X display (support/xvfb.ts).
//
// DevTools extension pages refuse puppeteer's Page API ("Requesting main frame too early"), so code runs in them
// through their CDP target with Runtime.evaluate. Showing the panel uses DevTools' own front-end modules, internals of
// Chromium 156 (the version these tests were written against).
import puppeteer, { type Browser, type CDPSession, type Page, type Target } from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROME_BUILD } from './chromium';
import { waitFor } from './wait';

/** Runs a function in a target and returns its (JSON-serialisable) result. */
export interface InTarget {
  <T>(fn: () => T | Promise<T>): Promise<T>;
  <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
}

async function evaluateExpression(session: CDPSession, expression: string): Promise<any> {
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

const evaluate = (session: CDPSession, fn: (arg: any) => unknown, arg?: unknown): Promise<any> =>
  evaluateExpression(session, `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`);

const inTarget = (session: CDPSession): InTarget => ((fn: (arg: any) => unknown, arg?: unknown) => evaluate(session, fn, arg)) as InTarget;

export interface ChromiumWithDevtools {
  browser: Browser;
  extensionId: string;
  /** Where downloads land, without asking. */
  downloadDir: string;
  /** Runs code in an extension page with the full chrome.* API; works across service worker restarts. */
  inExtension: InTarget;
  /** Opens a tab at `url` (DevTools opens with it) and returns it with its tab id. */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /** The tab's DevTools page (devtools.html), once DevTools has loaded it. */
  devtoolsPage(tabId: number): Promise<InTarget>;
  /** Shows the Gatewhy panel in the tab's DevTools, as a click on its tab would, and returns the panel page. */
  showPanel(tabId: number): Promise<InTarget>;
  /** Stops the service worker the way Chromium does when it is idle; the next event starts a new one. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function launchChromiumWithDevtools(display: string): Promise<ChromiumWithDevtools> {
  const downloadDir = await mkdtemp(path.join(tmpdir(), 'gatewhy-devtools-downloads-'));
  const browser = await puppeteer.launch({
    executablePath: '/usr/lib/chromium/chromium',
    headless: false,
    devtools: true,
    pipe: true,
    enableExtensions: [CHROME_BUILD],
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--window-size=1400,1000'],
    env: { ...process.env, DISPLAY: display },
  });
  try {
    const worker = await browser.waitForTarget((target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'), {
      timeout: 20_000,
    });
    const extensionId = new URL(worker.url()).host;
    const origin = `chrome-extension://${extensionId}`;
    const root = await browser.target().createCDPSession();
    await root.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloadDir });

    let helper: Page | undefined;
    const inExtension = (async (fn: (arg: any) => unknown, arg?: unknown) => {
      if (!helper || helper.isClosed()) {
        helper = await browser.newPage();
        await helper.goto(`${origin}/popup.html?tabId=-1`);
      }
      return helper.evaluate(fn as never, arg as never);
    }) as InTarget;
    // The worker can exist before its listeners are added; events before that are lost (shared/toolchain.md).
    await waitFor('the background to listen', () => inExtension(() => true).then(() => evaluateInWorker(worker)));

    const sessions = new WeakMap<Target, CDPSession>();
    const sessionOf = async (target: Target) => {
      let session = sessions.get(target);
      if (!session) sessions.set(target, (session = await target.createCDPSession()));
      return session;
    };
    /** The extension page at `page` (devtools.html, devtools-panel.html) that inspects `tabId`. */
    const extensionTargetFor = (page: string, tabId: number, what: string) =>
      waitFor(
        what,
        async () => {
          for (const target of browser.targets().filter((candidate) => candidate.url() === `${origin}/${page}`)) {
            const session = await sessionOf(target);
            if ((await evaluate(session, () => chrome.devtools.inspectedWindow.tabId).catch(() => undefined)) === tabId) return inTarget(session);
          }
          return undefined;
        },
        30_000,
        250,
      );

    const devtoolsPage = (tabId: number) => extensionTargetFor('devtools.html', tabId, `the DevTools page of tab ${tabId}`);

    return {
      browser,
      extensionId,
      downloadDir,
      inExtension,
      async openTab(url) {
        const page = await browser.newPage();
        await page.goto(url);
        const tabId = (await waitFor(`a tab for ${url}`, () =>
          inExtension(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id, url),
        )) as number;
        return { page, tabId };
      },
      devtoolsPage,
      async showPanel(tabId) {
        const devtools = await devtoolsPage(tabId);
        const url = await devtools(
          () => new Promise<string>((resolve) => chrome.devtools.inspectedWindow.eval('location.href', ((href: unknown) => resolve(String(href))) as never)),
        );
        const panelId = `${origin}Gatewhy`;
        // The DevTools window of that tab: its front-end boots lazily, so the first calls can throw; they are retried.
        await waitFor(
          `DevTools to show the Gatewhy panel of tab ${tabId}`,
          async () => {
            for (const target of browser.targets().filter((candidate) => candidate.url().startsWith('devtools://devtools/bundled/devtools_app.html'))) {
              const session = await sessionOf(target);
              // A string, not a function: Vitest rewrites dynamic import() in test code, and DevTools' modules load only so.
              const shown = await evaluateExpression(
                session,
                `(async () => {
                  const sdk = await import('./core/sdk/sdk.js');
                  if (sdk.TargetManager.TargetManager.instance().primaryPageTarget()?.inspectedURL() !== ${JSON.stringify(url)}) return false;
                  const legacy = await import('./ui/legacy/legacy.js');
                  const inspector = legacy.InspectorView.InspectorView.instance();
                  if (!inspector.tabbedPane.tabIds().includes(${JSON.stringify(panelId)})) return false;
                  await inspector.showPanel(${JSON.stringify(panelId)});
                  return true;
                })()`,
              ).catch(() => false);
              if (shown) return true;
            }
            return false;
          },
          30_000,
          250,
        );
        return extensionTargetFor('devtools-panel.html', tabId, `the Gatewhy panel of tab ${tabId}`);
      },
      async stopWorker() {
        const workers = async () =>
          (await root.send('Target.getTargets')).targetInfos.filter((info) => info.type === 'service_worker' && info.url.startsWith(origin));
        const [target] = await workers();
        if (!target) throw new Error('no service worker to stop');
        // A new worker may start at once, under the same target id (a DevTools port with messages in flight
        // reconnects): the old one is known gone when no worker still has this mark.
        const marked = async (value?: string) => {
          const worker = browser.targets().find((candidate) => candidate.type() === 'service_worker' && candidate.url().startsWith(origin));
          if (!worker) return false;
          const session = await worker.createCDPSession();
          try {
            const mark = value ? `globalThis.gatewhyTestMark = ${JSON.stringify(value)}` : 'globalThis.gatewhyTestMark';
            return (await evaluateExpression(session, mark)) === (value ?? 'before-stop');
          } finally {
            await session.detach().catch(() => {});
          }
        };
        // Attaching to a worker that is going away can hang for a minute: a check that gets no answer soon is
        // asked again. The browser's own list says first whether any worker is left.
        const soon = (value?: string) =>
          Promise.race([marked(value), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), 3000))]);
        await waitFor('the service worker to be marked', () => soon('before-stop'), 20_000);
        await root.send('Target.closeTarget', { targetId: target.targetId });
        await waitFor('the service worker to stop', async () => (await workers()).length === 0 || !(await soon()), 20_000);
      },
      async close() {
        await browser.close();
        await rm(downloadDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** True once the background has added its webRequest listener. */
async function evaluateInWorker(worker: Target): Promise<boolean> {
  const session = await worker.createCDPSession();
  try {
    return (await evaluate(session, () => chrome.webRequest.onHeadersReceived.hasListeners())) === true;
  } finally {
    await session.detach().catch(() => {});
  }
}
