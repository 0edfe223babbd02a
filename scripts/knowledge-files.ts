// The files the background reads its knowledge from when it first needs it (entrypoints/background/knowledge.ts):
// written into every build by wxt.config.ts, so the worker's script stays small.
import { createRequire } from 'node:module';
import { GATEWAYS } from '../utils/gateways/index';
import { KNOWLEDGE_FILES } from '../utils/knowledge-files';
import type { SuffixList } from '../utils/suffix-list';

/** tldts's Public Suffix List, as it ships it: a trie in flat arrays (tldts/dist/types/src/data/trie.d.ts). */
type Trie = typeof import('tldts/dist/types/src/data/trie');

/**
 * Every rule of tldts's trie, read back into the list's own notation. A node's children are the edges from
 * edgeStart[node] to edgeStart[node + 1]; edge labels sit one after another in labelText, edgeLength[edge] long; a
 * node whose nodeFlags is not 0 ends a rule (1: ICANN section, 2: private section).
 */
export function suffixListOfTldts(trie: Trie = createRequire(import.meta.url)('tldts/dist/cjs/src/data/trie.js') as Trie): SuffixList {
  const labelStart: number[] = [];
  for (let edge = 0, offset = 0; edge < trie.edgeLength.length; offset += trie.edgeLength[edge]!, edge += 1) labelStart.push(offset);
  const rulesUnder = (root: number): string[] => {
    const rules: string[] = [];
    const visit = (node: number, suffix: string) => {
      for (let edge = trie.edgeStart[node]!; edge < trie.edgeStart[node + 1]!; edge += 1) {
        const label = trie.labelText.slice(labelStart[edge], labelStart[edge]! + trie.edgeLength[edge]!);
        const name = suffix === '' ? label : `${label}.${suffix}`;
        const child = trie.edgeChild[edge]!;
        if (trie.nodeFlags[child] !== 0) rules.push(name);
        visit(child, name);
      }
    };
    visit(root, '');
    return rules.sort();
  };
  return { rules: rulesUnder(trie.rulesRoot), exceptions: rulesUnder(trie.exceptionsRoot) };
}

/** The contents of each file, as JSON. */
export function knowledgeFiles(): { relativeDest: string; contents: string }[] {
  return [
    { relativeDest: KNOWLEDGE_FILES.gateways, contents: JSON.stringify(GATEWAYS) },
    { relativeDest: KNOWLEDGE_FILES.suffixList, contents: JSON.stringify(suffixListOfTldts()) },
  ];
}
