// Fits the engine's confidence calibration on the tuned fixtures (captured and published, never held-out) and writes
// utils/explain/calibration-table.ts: `npm run fit-calibration`. Run it after a rule change, then `npm run accuracy`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fitTable, scoreFixtures } from './accuracy';

const TABLE = path.resolve(import.meta.dirname, '../utils/explain/calibration-table.ts');

const { scores } = scoreFixtures({ sets: ['captured', 'published'] });
const table = fitTable(scores);
const fixtures = new Set(scores.map(({ name }) => name)).size;
const steps = (byClass: Record<string, readonly (readonly [number, number])[]>) =>
  `{\n${Object.entries(byClass)
    .map(([cls, list]) => `    ${cls}: [${list.map(([upTo, share]) => `[${upTo}, ${share}]`).join(', ')}],`)
    .join('\n')}\n  }`;

writeFileSync(
  TABLE,
  `// Written by \`npm run fit-calibration\` (scripts/fit-calibration.ts) from the tuned fixtures, never the held-out ones. Do not edit by hand.
// Each step is [raw score up to, share of answers right at such scores]: isotonic, ${'≥'} 10 answers a step (scripts/calibration.ts).
import type { CalibrationTable } from './confidence';

export const CALIBRATION: CalibrationTable = {
  fittedOn: '${fixtures} tuned fixtures (captured and published), ${scores.length} answers in four modes',
  gateway: ${steps(table.gateway)},
  cause: ${steps(table.cause)},
};
`,
);
console.log(`Fitted on ${fixtures} fixtures (${scores.length} answers); wrote ${path.relative(process.cwd(), TABLE)}.`);
