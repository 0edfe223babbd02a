// Where the background's knowledge files sit in the built extension: scripts/knowledge-files.ts writes them,
// entrypoints/background/knowledge.ts reads them.
export const KNOWLEDGE_FILES = { gateways: 'knowledge/gateways.json', suffixList: 'knowledge/public-suffixes.json' } as const;
