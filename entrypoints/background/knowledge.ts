// The background's knowledge, the vendor files and the Public Suffix List, read from the extension's own files when
// a response first needs it: carried in background.js, they were 700 of its 843 kB, parsed at every worker start.
// The background's build (wxt.config.ts) makes this module stand in for utils/gateways/index.ts and for tldts, so the
// engine reads them from here; everywhere else (the pages, the command line, the tests) they stay bundled.
import { getEmptyResult, parseImpl, resetResult, type IOptions } from 'tldts-core';
import { browser } from 'wxt/browser';
import type { Gateway } from '../../utils/gateways/types';
import { KNOWLEDGE_FILES } from '../../utils/knowledge-files';
import { suffixLookup, type SuffixList } from '../../utils/suffix-list';

declare const __READS_KNOWLEDGE_FILES__: boolean | undefined;
/** False where this module is not standing in (unit tests): the engine has its knowledge bundled, nothing to read. */
const readsFiles = typeof __READS_KNOWLEDGE_FILES__ !== 'undefined' && __READS_KNOWLEDGE_FILES__;

/**
 * What utils/gateways/index.ts exports: empty until loadGateways() has read the file (until then the engine refuses).
 * A `let`, exported as a live binding: the engine sees the list once it is read.
 */
export let GATEWAYS: readonly Gateway[] = [];
let lookup: ReturnType<typeof suffixLookup> | undefined;

async function readJson(file: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(file as '/'));
  if (!response.ok) throw new Error(`${file} could not be read: ${response.status}`);
  return response.json();
}

/** Reads once; a read that failed is tried again the next time it is needed. */
function once(read: () => Promise<void>): () => Promise<void> {
  let reading: Promise<void> | undefined;
  return () => {
    if (!readsFiles) return Promise.resolve();
    reading ??= read().catch((error: unknown) => {
      reading = undefined;
      throw error;
    });
    return reading;
  };
}

export const loadGateways = once(async () => {
  const gateways = await readJson(KNOWLEDGE_FILES.gateways);
  if (!Array.isArray(gateways) || gateways.length === 0) throw new Error(`${KNOWLEDGE_FILES.gateways} holds no vendor files`);
  GATEWAYS = gateways as Gateway[];
});

export const loadSuffixList = once(async () => {
  const list = (await readJson(KNOWLEDGE_FILES.suffixList)) as Partial<SuffixList> | null;
  if (!Array.isArray(list?.rules) || !Array.isArray(list.exceptions)) throw new Error(`${KNOWLEDGE_FILES.suffixList} holds no rules`);
  lookup = suffixLookup({ rules: list.rules, exceptions: list.exceptions });
});

/** Everything the engine reads: before a response is explained, or a failure's party or site is told. */
export const loadKnowledge = async (): Promise<void> => {
  await Promise.all([loadGateways(), loadSuffixList()]);
};

// What utils/party.ts takes from tldts, over the list read above. One result object, reused: the calls are synchronous.
const RESULT = getEmptyResult();
const unread = (): never => {
  throw new Error('The public suffix list is not loaded yet (entrypoints/background/knowledge.ts: loadSuffixList)');
};

export function getDomain(url: string, options?: Partial<IOptions>): string | null {
  resetResult(RESULT);
  return parseImpl(url, 3 /* FLAG.DOMAIN */, lookup ?? unread, options, RESULT).domain;
}

export function getHostname(url: string, options?: Partial<IOptions>): string | null {
  resetResult(RESULT);
  // The host alone never consults the list (tldts-core returns before its lookup).
  return parseImpl(url, 0 /* FLAG.HOSTNAME */, lookup ?? unread, options, RESULT).hostname;
}
