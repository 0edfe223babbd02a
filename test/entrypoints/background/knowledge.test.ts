// The background's knowledge as its build makes it read: from the extension's files, the first time it is needed.
// The browser's fetch is played here by the files the build writes (scripts/knowledge-files.ts); the e2e suites read
// the real ones.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { knowledgeFiles } from '../../../scripts/knowledge-files';
import { KNOWLEDGE_FILES } from '../../../utils/knowledge-files';

const FILES = new Map(knowledgeFiles().map(({ relativeDest, contents }) => [relativeDest, contents]));
let served: Map<string, string>;
let asked: string[];

/** The module as the background's build has it: a fresh copy, with the build's flag on. */
async function backgroundKnowledge() {
  vi.resetModules();
  vi.stubGlobal('__READS_KNOWLEDGE_FILES__', true);
  return import('../../../entrypoints/background/knowledge');
}

beforeEach(() => {
  fakeBrowser.reset();
  served = new Map(FILES);
  asked = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const file = new URL(url).pathname.slice(1);
      asked.push(file);
      const contents = served.get(file);
      return new Response(contents ?? 'not found', { status: contents === undefined ? 404 : 200 });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('the background’s knowledge', () => {
  it('is empty until read, and says so rather than answering without the list', async () => {
    const knowledge = await backgroundKnowledge();
    expect(knowledge.GATEWAYS).toEqual([]);
    expect(() => knowledge.getDomain('https://shop.example.co.uk/')).toThrow(/public suffix list is not loaded/);
    // The host alone needs no list.
    expect(knowledge.getHostname('https://shop.example.co.uk/cart')).toBe('shop.example.co.uk');
  });

  it('reads each file once, however many ask at the same time, and then answers as tldts does', async () => {
    const knowledge = await backgroundKnowledge();
    await Promise.all([knowledge.loadKnowledge(), knowledge.loadKnowledge(), knowledge.loadSuffixList()]);
    expect(asked.sort()).toEqual(Object.values(KNOWLEDGE_FILES).sort());
    expect(knowledge.GATEWAYS.map(({ id }) => id)).toContain('cloudflare');
    expect(knowledge.getDomain('https://shop.example.co.uk/', { allowPrivateDomains: true })).toBe('example.co.uk');
    expect(knowledge.getDomain('https://alice.github.io/', { allowPrivateDomains: true })).toBe('alice.github.io');
    await knowledge.loadKnowledge();
    expect(asked).toHaveLength(2);
  });

  it('fails with the file’s name when a file is missing or holds something else, and reads it again next time', async () => {
    const knowledge = await backgroundKnowledge();
    served.delete(KNOWLEDGE_FILES.gateways);
    await expect(knowledge.loadGateways()).rejects.toThrow(`${KNOWLEDGE_FILES.gateways} could not be read: 404`);
    served.set(KNOWLEDGE_FILES.gateways, '{"not":"a list"}');
    await expect(knowledge.loadGateways()).rejects.toThrow(`${KNOWLEDGE_FILES.gateways} holds no vendor files`);
    served.set(KNOWLEDGE_FILES.suffixList, '[]');
    await expect(knowledge.loadSuffixList()).rejects.toThrow(`${KNOWLEDGE_FILES.suffixList} holds no rules`);
    expect(knowledge.GATEWAYS).toEqual([]);
    served = new Map(FILES);
    await knowledge.loadKnowledge();
    expect(knowledge.GATEWAYS.length).toBeGreaterThan(30);
  });

  it('reads nothing where its data is bundled (no build flag: the unit tests, the command line)', async () => {
    vi.resetModules();
    const knowledge = await import('../../../entrypoints/background/knowledge');
    await knowledge.loadKnowledge();
    expect(asked).toEqual([]);
  });
});
