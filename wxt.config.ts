// WXT build configuration: one source tree, three targets (Chrome MV3, Firefox MV2, Firefox MV3).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { knowledgeFiles } from './scripts/knowledge-files';

/** The captured response the welcome page explains as its live example (components/welcome/ExampleExplanation.tsx). */
const WELCOME_EXAMPLE = 'test/fixtures/responses/nginx/refused.http';

/**
 * Glob patterns that leave out everything under the file's top folder except the file itself: the sources zip's
 * exclusions win over its inclusions, and a folder that matches one is not entered.
 * @example allBut('test/a/b.http') // ['test/!(a)', 'test/a/!(b.http)']
 */
function allBut(file: string): string[] {
  const parts = file.split('/');
  return parts.slice(1).map((part, index) => `${parts.slice(0, index + 1).join('/')}/!(${part})`);
}

/** Fixed so that Firefox keeps storage across updates and tests can pin the extension's UUID. */
export const GECKO_ID = 'gatewhy@gatewhy.dev';

/** The libraries every extension page imports (the UI, the browser API, storage, i18n). */
const SHARED_LIBRARIES = /[\\/]node_modules[\\/](preact|@preact|webextension-polyfill|@wxt-dev|wxt|@webext-core)[\\/]/;
const POPUP_ENTRY = /[\\/]entrypoints[\\/]popup[\\/]/;
/** What the bundler tells manualChunks about the module graph (Rolldown's ManualChunkMeta, the part used here). */
type ModuleGraph = (id: string) => { importers: readonly string[] } | null;

const GATEWAY_LIST = fileURLToPath(new URL('utils/gateways/index.ts', import.meta.url));
const BACKGROUND_KNOWLEDGE = fileURLToPath(new URL('entrypoints/background/knowledge.ts', import.meta.url));

/**
 * In the background, the vendor list and tldts resolve to entrypoints/background/knowledge.ts, which reads their data
 * from knowledge/*.json when a response first needs it: background.js is parsed at every worker start.
 */
const backgroundKnowledge: Plugin = {
  name: 'gatewhy:background-knowledge',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (source === 'tldts') return BACKGROUND_KNOWLEDGE;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === GATEWAY_LIST ? BACKGROUND_KNOWLEDGE : resolved;
  },
};

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Explicit imports: the engine in utils/ also runs in the command-line tool, outside WXT.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The files the background reads its knowledge from (scripts/knowledge-files.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push(...knowledgeFiles());
    },
    // Per build: the words every bundle speaks, the background's stand-ins, and how the pages' shared build is split.
    'vite:build:extendConfig': (entrypoints, config) => {
      // The extension speaks from the browser's messages (services/browser-wording.ts): locales/en.json, the English
      // the command line and the tests read, stays out of its bundles (utils/wording.ts).
      config.define = { ...config.define, __SPEAKS_BROWSER_LANGUAGE__: 'true' };
      if (entrypoints.some(({ type }) => type === 'background')) {
        config.define.__READS_KNOWLEDGE_FILES__ = 'true';
        config.plugins = [backgroundKnowledge, ...(config.plugins ?? [])];
      }
      if (!entrypoints.some(({ name }) => name === 'popup')) return;
      // The pages share one build. The libraries every page uses, and Gatewhy's own modules the popup imports, go in
      // one chunk (the bundler joins the two groups): each module file a page loads costs it a few milliseconds before
      // it can run (bench/popup.ts counts them), and the popup is opened the most. A library one page needs (tldts,
      // the DevTools panel's) stays out of the others.
      config.build ??= {};
      config.build.rollupOptions ??= {};
      const popupImports = new Map<string, boolean>();
      const popupImportsModule = (id: string, getModuleInfo: ModuleGraph): boolean => {
        if (POPUP_ENTRY.test(id)) return true;
        const known = popupImports.get(id);
        if (known !== undefined) return known;
        popupImports.set(id, false); // met again inside an import cycle: its other importers decide
        const imported = (getModuleInfo(id)?.importers ?? []).some((importer) => popupImportsModule(importer, getModuleInfo));
        popupImports.set(id, imported);
        return imported;
      };
      config.build.rollupOptions.output = {
        ...(config.build.rollupOptions.output as object),
        manualChunks: (id: string, { getModuleInfo }: { getModuleInfo: ModuleGraph }) => {
          if (SHARED_LIBRARIES.test(id)) return 'vendor';
          if (!POPUP_ENTRY.test(id) && !id.includes('node_modules') && popupImportsModule(id, getModuleInfo)) return 'popup-code';
          return undefined;
        },
      };
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    // English unless the browser speaks one of locales/*.json (@wxt-dev/i18n builds them into _locales/).
    default_locale: 'en',
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    permissions: [
      'webRequest',
      'storage',
      'scripting',
      'alarms',
      // Firefox reads the bodies of failing responses with webRequest.filterResponseData, which needs
      // webRequestBlocking, and in Manifest V3 webRequestFilterResponse too (MDN,
      // https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/webRequest/filterResponseData#permissions).
      ...(browser === 'firefox' ? ['webRequestBlocking', ...(manifestVersion === 3 ? ['webRequestFilterResponse'] : [])] : []),
    ],
    // Asked for only when the user turns on recovery notifications.
    optional_permissions: ['notifications'],
    // webRequest only reports responses for hosts the extension may access.
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extension_name__' },
    ...(browser !== 'firefox' && {
      // Chrome 111: the scripts are compiled for Vite's default target, 'baseline-widely-available', which is
      // chrome111/edge111 (https://vite.dev/config/build-options#build-target), and the styles use color-mix() (111).
      // The APIs need less: storage.session 102 (https://developer.chrome.com/docs/extensions/reference/api/storage#property-session),
      // scripting and action 88 with Manifest V3, Array.prototype.findLast 97. Edge follows Chromium's numbers.
      minimum_chrome_version: '111',
    }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // data_collection_permissions lints clean from Firefox 142 on (shared/toolchain.md).
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    // Reviewers rebuild from sources with `npm ci && npm run build` (README, test/release/amo-reproducible.test.ts);
    // tests, captures, docs and the store's texts and images are not needed for that, except the one capture the
    // welcome page is built from.
    excludeSources: [...allBut(WELCOME_EXAMPLE), 'docs/**', 'store/**', 'bench/**', 'scripts/capture/**', 'dist/**', 'BENCHMARKS.md'],
  },
});
