// The Public Suffix List as plain data, and the lookup tldts-core runs on it: the background reads the list from a
// file when it first needs it (entrypoints/background/knowledge.ts) instead of carrying tldts's 256 kB trie.
import type { IPublicSuffix } from 'tldts-core';

/**
 * Every rule of the list, ICANN and private, written as the list writes them without the "!": `com`, `*.ck`,
 * `github.io`. Exceptions (`!www.ck`) are kept apart. Taken from tldts's own data at build time
 * (scripts/knowledge-files.ts), so that the background and the pages, which use tldts itself, agree.
 */
export interface SuffixList {
  rules: readonly string[];
  exceptions: readonly string[];
}

/**
 * The rules as a trie walked from the right, one label at a time: every label suffix of a rule is a node (`ck`,
 * `*.ck`), true when it ends a rule. A label matches exactly before it matches `*`, and the walk stops where no node
 * goes on, as tldts's trie does (tldts/src/suffix-trie.ts, `walk`).
 */
type Nodes = ReadonlyMap<string, boolean>;

function nodesOf(rules: readonly string[]): Nodes {
  const nodes = new Map<string, boolean>();
  for (const rule of rules) {
    const labels = rule.split('.');
    for (let start = labels.length - 1; start >= 0; start -= 1) {
      const node = labels.slice(start).join('.');
      nodes.set(node, nodes.get(node) === true || start === 0);
    }
  }
  return nodes;
}

/** Where the deepest rule that holds for `hostname` starts, and where its left-most label ends; undefined: none. */
function deepestRule(hostname: string, nodes: Nodes): { start: number; end: number } | undefined {
  let node = '';
  let found: { start: number; end: number } | undefined;
  let end = hostname.length;
  while (end > 0) {
    const start = hostname.lastIndexOf('.', end - 1) + 1;
    const label = hostname.slice(start, end);
    const exact = node === '' ? label : `${label}.${node}`;
    const wildcard = node === '' ? '*' : `*.${node}`;
    const next = nodes.has(exact) ? exact : nodes.has(wildcard) ? wildcard : undefined;
    if (next === undefined) break;
    node = next;
    if (nodes.get(node)) found = { start, end };
    end = start - 1;
  }
  return found;
}

/**
 * The suffix lookup tldts-core's `parseImpl` takes, over the list: an exception wins and gives up its left-most label
 * (`!www.ck`: the suffix of www.ck is ck); else the deepest rule; else the last label (the list's implicit `*`).
 * Every rule counts, private ones too: Gatewhy always asks with `allowPrivateDomains`.
 */
export function suffixLookup(list: SuffixList): (hostname: string, options: unknown, out: IPublicSuffix) => void {
  const rules = nodesOf(list.rules);
  const exceptions = nodesOf(list.exceptions);
  return (hostname, _options, out) => {
    const exception = deepestRule(hostname, exceptions);
    const rule = exception ? undefined : deepestRule(hostname, rules);
    const lastDot = hostname.lastIndexOf('.');
    out.publicSuffix = exception ? hostname.slice(exception.end + 1) : rule ? hostname.slice(rule.start) : hostname.slice(lastDot + 1);
    // Only tldts's full parse() reports these; getDomain and getHostname do not read them.
    out.isIcann = null;
    out.isPrivate = null;
  };
}
