import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_FILES } from '../../utils/knowledge-files';
import { knowledgeFiles } from '../../scripts/knowledge-files';
import { compileCatalogue } from '../../utils/explain/detect';
import { explainResponse, type ExplainInput } from '../../utils/explain/explain-response';
import { GATEWAYS } from '../../utils/gateways';
import type { Gateway } from '../../utils/gateways/types';
import { fixtureResponse, loadAllFixtures } from '../support/fixtures';

const NOW = Date.UTC(2026, 0, 1);
const files = new Map(knowledgeFiles().map(({ relativeDest, contents }) => [relativeDest, contents]));

describe('the knowledge files the background reads', () => {
  it('are the two files the background asks for, as JSON', () => {
    expect([...files.keys()].sort()).toEqual(Object.values(KNOWLEDGE_FILES).sort());
    for (const contents of files.values()) expect(() => JSON.parse(contents)).not.toThrow();
  });

  it('hold every vendor file, so that every captured and posted response is explained as the bundled engine explains it', () => {
    const read = JSON.parse(files.get(KNOWLEDGE_FILES.gateways)!) as Gateway[];
    expect(read.map(({ id }) => id)).toEqual(GATEWAYS.map(({ id }) => id));
    const fromFile = compileCatalogue(read);
    const inputs = loadAllFixtures().flatMap((fixture) => {
      try {
        const response = fixtureResponse(fixture);
        return [{ name: fixture.name, input: { ...response, bodyText: response.body, now: NOW } as ExplainInput }];
      } catch {
        return []; // a garbage reply kept as an example: not a response to explain
      }
    });
    expect(inputs.length).toBeGreaterThan(300);
    const differing = inputs.filter(({ input }) => JSON.stringify(explainResponse(input, fromFile)) !== JSON.stringify(explainResponse(input)));
    expect(differing.map(({ name }) => name)).toEqual([]);
  });
});
