// Which source files make up a built bundle, byte by byte, from its source map (as source-map-explorer counts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';

export interface SourceShare {
  /** "utils/gateways/envoy.ts", "npm:tldts-experimental" */
  source: string;
  bytes: number;
}

/**
 * One long piece of code the minifier wrote more than once, byte for byte: a string constant inlined at each of its
 * uses does this.
 */
export interface RepeatedCode {
  /** Its first characters. */
  starts: string;
  /** The source files its copies map to (an inlined constant maps to each use site). */
  sources: string[];
  bytes: number;
  copies: number;
  /** Bytes the copies after the first add. */
  extraBytes: number;
}

/** Pieces shorter than this are ordinary repeated names and calls. */
const LONG_PIECE = 1000;

export interface Breakdown {
  file: string;
  bytes: number;
  /** Bytes no mapping points into (the bundler's glue). */
  unmapped: number;
  bySource: SourceShare[];
  /** The same, folded into the groups the report names (npm packages, gateway data, engine, background…). */
  byGroup: SourceShare[];
  repeated: RepeatedCode[];
}

const root = process.cwd();

/** A source path from a map in `mapDir`, relative to the repository. */
const repoPath = (source: string, mapDir: string) => path.relative(root, path.resolve(mapDir, source));

/** The repository's name for a source, or npm:<package> for a dependency. */
export function sourceName(file: string): string {
  const npm = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return npm ? `npm:${npm[1]}` : file;
}

/** The groups of the report: every vendor file together, the engine, the background and its services, the rest. */
export function groupOf(source: string): string {
  if (source.startsWith('npm:')) return source;
  if (source.startsWith('utils/gateways/')) return 'utils/gateways/ (vendor knowledge)';
  if (source.startsWith('utils/explain/')) return 'utils/explain/ (engine)';
  if (source.startsWith('entrypoints/background/') || source.startsWith('services/')) return 'entrypoints/background/ and services/';
  if (source.startsWith('utils/')) return 'other utils/';
  return source || '(bundler)';
}

const sorted = (map: Map<string, number>): SourceShare[] => [...map].map(([source, bytes]) => ({ source, bytes })).sort((a, b) => b.bytes - a.bytes);

/** Attributes every byte of `file` to the source its mapping points at, up to the next mapping on the line. */
export function breakDown(dir: string, file: string): Breakdown {
  // Without the build's pointer to the map, which only the build with maps has.
  const code = readFileSync(path.join(dir, file), 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(path.join(dir, `${file}.map`), 'utf8')));
  const lines = code.split('\n');
  const mappings: { line: number; column: number; source: string | null }[] = [];
  map.eachMapping((m) => mappings.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source }), null, SourceMapConsumer.GENERATED_ORDER);
  const bySource = new Map<string, number>();
  const pieces = new Map<string, { sources: Set<string>; bytes: number; copies: number }>();
  let mapped = 0;
  mappings.forEach((mapping, index) => {
    const next = mappings[index + 1];
    const text = lines[mapping.line - 1] ?? '';
    const end = next && next.line === mapping.line ? next.column : text.length;
    const piece = text.slice(mapping.column, end);
    const bytes = Buffer.byteLength(piece);
    const file = mapping.source ? repoPath(mapping.source, dir) : '';
    const name = file ? sourceName(file) : '(bundler)';
    bySource.set(name, (bySource.get(name) ?? 0) + bytes);
    mapped += bytes;
    // A constant's copies map with different code around them (`a=\`…\`,` and `\`…\`.charCodeAt`): compare the
    // literal alone, from its opening quote to the last of the same kind.
    const open = Math.max(0, piece.search(/[`"']/));
    const literal = piece.slice(open, piece.lastIndexOf(piece[open] ?? '') + 1);
    if (Buffer.byteLength(literal) >= LONG_PIECE) {
      const seen = pieces.get(literal) ?? { sources: new Set<string>(), bytes: Buffer.byteLength(literal), copies: 0 };
      seen.sources.add(file || name);
      seen.copies++;
      pieces.set(literal, seen);
    }
  });
  const repeated = [...pieces]
    .filter(([, seen]) => seen.copies > 1)
    .map(([piece, seen]) => ({
      starts: piece.slice(0, 40),
      sources: [...seen.sources].sort(),
      bytes: seen.bytes,
      copies: seen.copies,
      extraBytes: seen.bytes * (seen.copies - 1),
    }))
    .sort((a, b) => b.extraBytes - a.extraBytes);
  const byGroup = new Map<string, number>();
  for (const [source, bytes] of bySource) byGroup.set(groupOf(source), (byGroup.get(groupOf(source)) ?? 0) + bytes);
  const bytes = Buffer.byteLength(code);
  return { file, bytes, unmapped: bytes - mapped, bySource: sorted(bySource), byGroup: sorted(byGroup), repeated };
}

/** Builds with source maps into a temporary folder and breaks down the Chrome build's background worker. */
export function backgroundBreakdown(): Breakdown | { error: string } {
  const out = mkdtempSync(path.join(os.tmpdir(), 'gatewhy-bench-sourcemaps-'));
  try {
    const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['bench/build-with-sourcemaps.ts', out], { encoding: 'utf8' });
    const dir = path.join(out, 'chrome-mv3');
    if (result.status !== 0 || !existsSync(path.join(dir, 'background.js.map')))
      return { error: `the build with source maps failed: ${(result.stderr || result.stdout).trim().split('\n').at(-1)}` };
    return breakDown(dir, 'background.js');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
