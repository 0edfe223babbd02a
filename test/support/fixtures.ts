// Loads the real responses in test/fixtures (captured here, or published by vendors and users) with the truth noted in their comment lines.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { HeaderPair } from '../../utils/headers';
import { parseHttpResponse } from '../../utils/http-message';

export const FIXTURE_ROOT = path.resolve(import.meta.dirname, '../fixtures/responses');
/** Published responses frozen out of rule writing: scored apart, never cited by a rule. */
export const HELD_OUT_ROOT = path.resolve(import.meta.dirname, '../fixtures/held-out');

/** Captured from software run here; published by vendors and users (tuned on); published and held out. */
export type FixtureSet = 'captured' | 'published' | 'held-out';

/** What was posted: a whole response (`curl -i`), or only a page's body or its copied visible text (`# form: body|text`). */
export type FixtureForm = 'http' | 'body' | 'text';

/** The response as it was captured or posted. `status` is absent when only a body or text was posted. */
export interface FixtureResponse {
  status?: number;
  statusText: string;
  headers: HeaderPair[];
  body: string;
}

export interface Fixture {
  /** Path relative to its root, e.g. "nginx/refused.http". */
  name: string;
  set: FixtureSet;
  form: FixtureForm;
  text: string;
  /** `# key: value` lines before the response. */
  notes: Record<string, string>;
  /** Expected gateway id, or null for plain application responses ("none"). */
  gateway: string | null;
  cause: string;
  source: string;
  /** The status a body or text fixture had, from its `# status:` note (the truth, never given to the engine). */
  status?: number;
}

/** Splits the `# key: value` lines at the top from what follows. */
function splitNotes(text: string): { notes: Record<string, string>; rest: string } {
  const notes: Record<string, string> = {};
  let offset = 0;
  while (offset < text.length && text.startsWith('#', offset)) {
    const end = text.indexOf('\n', offset);
    const line = text.slice(offset, end < 0 ? text.length : end).trim();
    const match = /^#\s*([\w-]+):\s*(.*)$/.exec(line);
    if (match && !(match[1]! in notes)) notes[match[1]!] = match[2]!.trim();
    offset = end < 0 ? text.length : end + 1;
  }
  return { notes, rest: text.slice(offset) };
}

export function readFixture(file: string, root = FIXTURE_ROOT): Fixture {
  const text = readFileSync(file, 'utf8');
  const { notes } = splitNotes(text);
  const name = path.relative(root, file);
  const form: FixtureForm = notes.form === 'body' || notes.form === 'text' ? notes.form : 'http';
  const set: FixtureSet = root === HELD_OUT_ROOT ? 'held-out' : notes.published !== undefined || name.includes('--published') ? 'published' : 'captured';
  const statusNote = Number(notes.status);
  return {
    name,
    set,
    form,
    text,
    notes,
    gateway: !notes.gateway || notes.gateway === 'none' ? null : notes.gateway,
    cause: notes.cause ?? 'unknown',
    source: notes.source ?? 'unknown',
    ...(Number.isInteger(statusNote) && statusNote > 0 && { status: statusNote }),
  };
}

/**
 * The response a fixture holds. A `# form: body|text` fixture is only what was posted after its notes; any other is
 * parsed as `curl -i` output, and throws HttpParseError when it is not one (a garbage reply kept as an example).
 */
export function fixtureResponse(fixture: Fixture): FixtureResponse {
  if (fixture.form !== 'http') return { statusText: '', headers: [], body: splitNotes(fixture.text).rest };
  const response = parseHttpResponse(fixture.text);
  return { status: response.status, statusText: response.statusText, headers: response.headers, body: response.body };
}

/** Every `.http` fixture under a root, sorted by name. */
export function loadFixtures(root = FIXTURE_ROOT): Fixture[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.http'))
    .sort()
    .map((file) => readFixture(path.join(root, file), root));
}

/** The tuned fixtures (captured and published) and the held-out ones. */
export function loadAllFixtures(): Fixture[] {
  return [...loadFixtures(FIXTURE_ROOT), ...loadFixtures(HELD_OUT_ROOT)];
}

/** A fixture's HTTP message by its name under FIXTURE_ROOT, or `fixture` itself when it already is one (it starts "HTTP/"). */
export function messageOf(fixture: string): string {
  return fixture.startsWith('HTTP/') ? fixture : readFileSync(path.join(FIXTURE_ROOT, fixture), 'latin1');
}
