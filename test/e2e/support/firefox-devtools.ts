// Firefox's DevTools toolbox driven from its own chrome code: WebDriver BiDi evaluates in the browser window's chrome
// scope ("moz:scope": "chrome", allowed by --remote-allow-system-access), which opens the toolbox on a tab and selects
// a tool through DevTools' gDevTools. The Gatewhy panel runs in the extension process, out of chrome's reach, so code
// runs in it through a frame script on its <browser> element, which answers by message. These are Firefox 153 ESR
// internals (the toolbox's panel iframes, "webext-devtools-panel-…" tool ids): pin the version the tests were written for.
import type { Browser } from 'puppeteer-core';
import { waitFor } from './wait';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: any }>;
}

/** Evaluates an expression in the first browser window's chrome scope and returns its JSON-serialised result. */
async function inChrome(browser: Browser, expression: string): Promise<any> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.contexts.find((one: { url: string }) => one.url === 'chrome://browser/content/browser.xhtml')?.context;
  if (!context) throw new Error('no browser window in the chrome scope');
  const { result } = await connection.send('script.evaluate', {
    expression: `(async () => JSON.stringify(await (${expression})))()`,
    target: { context },
    awaitPromise: true,
  });
  if (result.type === 'exception') throw new Error(result.exceptionDetails?.text ?? 'chrome evaluation failed');
  return JSON.parse(result.result.value ?? 'null');
}

/**
 * Chrome-scope code that gives the toolbox of the tab under test (opened on `tool` when it is not open yet). The tab
 * is the one that showed `url` when openToolbox ran; it is remembered in the window, since its address changes.
 */
const TOOLBOX = (url: string, tool: string) => `(async () => {
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  window.gatewhyTestTab ??= gBrowser.tabs.find((one) => one.linkedBrowser.currentURI.spec === ${JSON.stringify(url)});
  if (!window.gatewhyTestTab) throw new Error('no tab shows ' + ${JSON.stringify(url)});
  return gDevTools.showToolboxForTab(window.gatewhyTestTab, { toolId: ${JSON.stringify(tool)} });
})()`;

export interface FirefoxPanel {
  /** Runs `fn(window)` in the panel page and returns its JSON-serialisable result. */
  <T>(fn: (window: Window & typeof globalThis) => T | Promise<T>): Promise<T>;
  <T, A>(fn: (window: Window & typeof globalThis, arg: A) => T | Promise<T>, arg: A): Promise<T>;
}

let calls = 0;

/**
 * Opens the toolbox on the tab showing `url`, on the console, and waits until the Gatewhy panel is registered.
 * MDN (devtools.network.onRequestFinished) says requests reach extensions only once the Network panel was opened;
 * Firefox 153 reports them without (measured), so the tests do not open it.
 */
export async function openToolbox(browser: Browser, url: string): Promise<void> {
  await waitFor(
    'the Gatewhy panel to be registered in the toolbox',
    () => inChrome(browser, `(async () => (await ${TOOLBOX(url, 'webconsole')}).getAdditionalTools().some((tool) => tool.label === 'Gatewhy'))()`),
    20_000,
    200,
  );
}

/** Selects the Gatewhy panel in the toolbox of the tab under test, and returns a way to run code in it. */
export async function showPanel(browser: Browser, url: string): Promise<FirefoxPanel> {
  await inChrome(
    browser,
    `(async () => {
      const toolbox = await ${TOOLBOX(url, 'webconsole')};
      const tool = toolbox.getAdditionalTools().find((one) => one.label === 'Gatewhy');
      await toolbox.selectTool(tool.id);
      return tool.id;
    })()`,
  );
  const run = async (fn: (window: any, arg: any) => unknown, arg?: unknown) => {
    const key = `gatewhy-test-${++calls}`;
    const script = `(async () => {
      try { sendAsyncMessage(${JSON.stringify(key)}, { value: JSON.stringify(await (${fn.toString()})(content, ${JSON.stringify(arg ?? null)})) }); }
      catch (error) { sendAsyncMessage(${JSON.stringify(key)}, { error: String(error) }); }
    })();`;
    const answer = await inChrome(
      browser,
      `(async () => {
        const toolbox = await ${TOOLBOX(url, 'webconsole')};
        const tool = toolbox.getAdditionalTools().find((one) => one.label === 'Gatewhy');
        const panel = toolbox.doc.getElementById('toolbox-panel-iframe-' + tool.id)?.contentDocument?.querySelector('browser');
        if (!panel) throw new Error('the Gatewhy panel is not loaded');
        const manager = panel.messageManager;
        return await new Promise((resolve) => {
          const listener = (message) => { manager.removeMessageListener(${JSON.stringify(key)}, listener); resolve(message.data); };
          manager.addMessageListener(${JSON.stringify(key)}, listener);
          manager.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(script)}), false);
          setTimeout(() => resolve({ error: 'the panel did not answer in 10 s' }), 10000);
        });
      })()`,
    );
    if (answer?.error) throw new Error(answer.error);
    return answer?.value === undefined ? undefined : JSON.parse(answer.value);
  };
  // The panel page loads after the tool is selected.
  await waitFor('the Gatewhy panel to render', () => run((window) => window.document.querySelector('.panel-toolbar') !== null), 15_000, 200);
  return run as FirefoxPanel;
}
