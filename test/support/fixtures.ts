// Loads the captured responses in test/fixtures/responses with the truth noted in their comment lines.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURE_ROOT = path.resolve(import.meta.dirname, '../fixtures/responses');

export interface Fixture {
  /** Path relative to the fixture root, e.g. "nginx/refused.http". */
  name: string;
  text: string;
  /** `# key: value` lines before the response. */
  notes: Record<string, string>;
  /** Expected gateway id, or null for plain application responses ("none"). */
  gateway: string | null;
  cause: string;
  source: string;
}

export function readFixture(file: string): Fixture {
  const text = readFileSync(file, 'utf8');
  const notes: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    const match = /^#\s*([\w-]+):\s*(.*)$/.exec(line.trim());
    if (match && !(match[1]! in notes)) notes[match[1]!] = match[2]!.trim();
  }
  return {
    name: path.relative(FIXTURE_ROOT, file),
    text,
    notes,
    gateway: !notes.gateway || notes.gateway === 'none' ? null : notes.gateway,
    cause: notes.cause ?? 'unknown',
    source: notes.source ?? 'unknown',
  };
}

/** Every `.http` fixture, sorted by name. */
export function loadFixtures(root = FIXTURE_ROOT): Fixture[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.http'))
    .sort()
    .map((file) => readFixture(path.join(root, file)));
}

/** A fixture's HTTP message by its name under FIXTURE_ROOT, or `fixture` itself when it already is one (it starts "HTTP/"). */
export function messageOf(fixture: string): string {
  return fixture.startsWith('HTTP/') ? fixture : readFileSync(path.join(FIXTURE_ROOT, fixture), 'latin1');
}
