// Freezes the held-out part of the published fixtures: `npx tsx scripts/held-out.ts [--dry-run]` (see test/fixtures/held-out/README.md).
//
// Every `*--published.http` fixture gets a set once, and keeps it: `held-out` files move to
// test/fixtures/held-out/<vendor>/ with `git mv`, `tuned` files stay in test/fixtures/responses/<vendor>/.
// A file is drawn only if nothing was written from it yet (not cited in utils/, not named by a test or script,
// not the vendor's own documentation, which rules must cite). Per vendor folder with N >= 2 published files the
// draw holds out ceil(N/3) of them, from the drawable ones only (all of those if fewer), taking files in the order
// of a seeded hash of their name; a lone file is held out when its hash falls in the first third and its folder
// keeps another fixture. Files copied from
// one source go where the first of them went. Files already assigned are never reconsidered, so a later run only
// places the new ones.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Changing it would reshuffle nothing already assigned, but it must stay fixed for new files to be placed fairly. */
export const SEED = 'gatewhy-held-out-2026-12-01';

const ROOT = path.resolve(import.meta.dirname, '..');
const TUNED_ROOT = path.join(ROOT, 'test/fixtures/responses');
const HELD_OUT_ROOT = path.join(ROOT, 'test/fixtures/held-out');
const MANIFEST = path.join(HELD_OUT_ROOT, 'split.json');
const README = path.join(HELD_OUT_ROOT, 'README.md');
const PUBLISHED = /--published\.http$/;

/** Rules must cite the vendor's own documentation, so a response copied from it cannot be kept out of sight. */
const VENDOR_DOCUMENTATION = [
  /^https:\/\/github\.com\/(cloudflare\/cloudflare-docs|envoyproxy\/gateway|awsdocs\/[^/]+|MicrosoftDocs\/[^/]+|Kong\/docs\.konghq\.com|vercel\/docs|superfly\/docs)\/blob\//,
  /^https:\/\/(developers\.cloudflare\.com|docs\.aws\.amazon\.com|learn\.microsoft\.com|docs\.microsoft\.com|cloud\.google\.com|docs\.fastly\.com|www\.fastly\.com\/documentation|techdocs\.akamai\.com|vercel\.com\/docs|docs\.netlify\.com|devcenter\.heroku\.com|fly\.io\/docs|render\.com\/docs)\//,
];

export type Set = 'held-out' | 'tuned';
export type Ineligible = 'cited by a rule' | 'named by a test or script' | 'vendor documentation' | 'shares its source with a file that cannot be drawn';

export interface Assignment {
  set: Set;
  /** Why the file could not be drawn; absent for drawn files. */
  reason?: Ineligible;
  /** The `# published:` URL, so the held-out list can be checked against vendor files. */
  source: string;
}

/** `vendor/name--published.http` → its assignment. */
export type Manifest = Record<string, Assignment>;

export interface Candidate {
  /** `vendor/name--published.http`. */
  name: string;
  source: string;
  reason?: Ineligible;
}

/** A number in [0, 1) fixed by the seed and the file name alone. */
export function draw(name: string, seed = SEED): number {
  return createHash('sha256').update(`${seed}:${name}`).digest().readUInt32BE(0) / 2 ** 32;
}

const vendorOf = (name: string) => name.split('/')[0]!;

/**
 * Places the candidates that the manifest does not hold yet and returns the manifest with them added.
 * `otherFixtures(vendor)` counts the vendor folder's fixtures that are not published ones (captured responses).
 */
export function assign(manifest: Manifest, candidates: Candidate[], otherFixtures: (vendor: string) => number, seed = SEED): Manifest {
  const next: Manifest = { ...manifest };
  const fresh = candidates.filter(({ name }) => !(name in manifest));
  for (const candidate of fresh.filter(({ reason }) => reason)) {
    next[candidate.name] = { set: 'tuned', reason: candidate.reason, source: candidate.source };
  }
  const drawn = fresh.filter(({ reason }) => !reason).sort((a, b) => draw(a.name, seed) - draw(b.name, seed) || a.name.localeCompare(b.name));
  for (const candidate of drawn) {
    // Responses copied from one thread go to one set: a tuned sibling would show what its held-out twin holds.
    const sibling = candidate.source ? Object.values(next).find(({ source }) => source === candidate.source) : undefined;
    if (sibling) {
      next[candidate.name] = sibling.reason
        ? { set: 'tuned', reason: 'shares its source with a file that cannot be drawn', source: candidate.source }
        : { set: sibling.set, source: candidate.source };
      continue;
    }
    const vendor = vendorOf(candidate.name);
    const sameFolder = Object.entries(next).filter(([name]) => vendorOf(name) === vendor);
    const heldOut = sameFolder.filter(([, { set }]) => set === 'held-out').length;
    const drawable = sameFolder.filter(([, { reason }]) => !reason).length + 1;
    const published = sameFolder.length + 1;
    const othersStay = sameFolder.filter(([, { set }]) => set === 'tuned').length + otherFixtures(vendor) > 0;
    // A third of all the folder's published files, as far as its drawable ones allow.
    const target = published >= 2 ? Math.min(drawable, Math.ceil(published / 3)) : draw(candidate.name, seed) < 1 / 3 && othersStay ? 1 : 0;
    next[candidate.name] = { set: heldOut < target ? 'held-out' : 'tuned', source: candidate.source };
  }
  return next;
}

function publishedUrl(text: string): string {
  const line = text.split('\n').find((entry) => entry.startsWith('# published:'));
  return line?.replace('# published:', '').trim().split(/\s/)[0] ?? '';
}

function listPublished(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => PUBLISHED.test(file))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** The text of every tracked file under `utils/` (the rules) and of every other tracked file outside the fixtures. */
function trackedTexts(): { rules: string; rest: string } {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  const read = (file: string) => (existsSync(path.join(ROOT, file)) ? readFileSync(path.join(ROOT, file), 'utf8') : '');
  const rules = files.filter((file) => file.startsWith('utils/'));
  const rest = files.filter((file) => !file.startsWith('test/fixtures/') && file !== 'scripts/held-out.ts' && !rules.includes(file));
  return { rules: rules.map(read).join('\n'), rest: rest.map(read).join('\n') };
}

/** `needle` as a whole token: a cited `…/issues/28` must not match `…/issues/281`. */
const contains = (haystack: string, needle: string) => new RegExp(`${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w/-])`).test(haystack);

export function ineligibility(name: string, source: string, texts: { rules: string; rest: string }): Ineligible | undefined {
  if (VENDOR_DOCUMENTATION.some((pattern) => pattern.test(source))) return 'vendor documentation';
  if (source && contains(texts.rules, source)) return 'cited by a rule';
  if (contains(texts.rules + texts.rest, path.posix.basename(name))) return 'named by a test or script';
  return undefined;
}

function readme(manifest: Manifest): string {
  const entries = Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b));
  const held = entries.filter(([, { set }]) => set === 'held-out');
  const tuned = entries.filter(([, { set }]) => set === 'tuned');
  const ineligible = tuned.filter(([, { reason }]) => reason);
  const perVendor = new Map<string, { held: number; tuned: number }>();
  for (const [name, { set }] of entries) {
    const counts = perVendor.get(vendorOf(name)) ?? { held: 0, tuned: 0 };
    counts[set === 'held-out' ? 'held' : 'tuned'] += 1;
    perVendor.set(vendorOf(name), counts);
  }
  return [
    '# Held-out published responses',
    '',
    'These real published responses are kept out of sight of everyone who writes rules. **Never cite these files or',
    'their source URLs in a rule, a vendor file or its sources; never tune the engine on them; score them apart**',
    '(same format as the tuned ones: `loadFixtures(root)` in `test/support/fixtures.ts` reads them when given this',
    'folder). A rule change that only improves the tuned part is not progress. `split.json` holds every published',
    "file's set and source URL for tests that check no vendor file cites a held-out source.",
    '',
    '## How the split is made',
    '',
    `\`npx tsx scripts/held-out.ts\` (add \`--dry-run\` to see the plan only), seed \`${SEED}\`. The script assigns every`,
    '`*--published.http` fixture once and records it in `split.json`; earlier assignments never change, so a new',
    'published response is placed by running the script again after adding it (and after scoring it at first sight).',
    '',
    '- A file can be drawn only if nothing was written from it yet: its source URL is not cited in `utils/`, its name',
    "  is not used by a test, demo or script, and it is not the vendor's own documentation (rules must cite that).",
    '- Per vendor folder with N >= 2 published files, ceil(N/3) are held out, all taken from its drawable files (all of',
    '  them if there are fewer) in the order of sha256(seed + ":" + file name). A folder with one published file holds',
    '  it out when its draw is below 1/3 and the folder keeps another fixture (every vendor keeps one fixture in',
    '  `test/fixtures/responses/`). A new undrawable file raises the count; the next drawable one that arrives makes it up.',
    '- Files copied from the same source (one thread or page) follow the first of them placed, so no tuned file shows',
    '  what a held-out one holds; a vendor folder can then hold out a little more than a third.',
    '- Held-out files are moved with `git mv` to `test/fixtures/held-out/<vendor>/`; the rest stay where they were.',
    '',
    'This file is written by the script: edit the script, not the lists.',
    '',
    `## Held-out files (${held.length} of ${entries.length} published; ${entries.length - ineligible.length} could be drawn)`,
    '',
    '| File | Source |',
    '|---|---|',
    ...held.map(([name, { source }]) => `| ${name} | ${source} |`),
    '',
    '## Per vendor folder',
    '',
    '| Folder | Held out | Tuned |',
    '|---|---|---|',
    ...[...perVendor].map(([vendor, { held: h, tuned: t }]) => `| ${vendor} | ${h} | ${t} |`),
    '',
    `## Could not be drawn (${ineligible.length}, kept tuned)`,
    '',
    '| File | Why |',
    '|---|---|',
    ...ineligible.map(([name, { reason }]) => `| ${name} | ${reason} |`),
    '',
  ].join('\n');
}

function main(dryRun: boolean): void {
  const manifest: Manifest = existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest) : {};
  const texts = trackedTexts();
  const candidates = listPublished(TUNED_ROOT)
    .filter((name) => !(name in manifest))
    .map((name) => {
      const source = publishedUrl(readFileSync(path.join(TUNED_ROOT, name), 'utf8'));
      return { name, source, reason: ineligibility(name, source, texts) };
    });
  const otherFixtures = (vendor: string) => {
    const folder = path.join(TUNED_ROOT, vendor);
    return existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.http') && !PUBLISHED.test(file)).length : 0;
  };
  const next = assign(manifest, candidates, otherFixtures);
  const moves = candidates.filter(({ name }) => next[name]!.set === 'held-out').map(({ name }) => name);
  for (const name of moves) console.log(`${dryRun ? 'would hold out' : 'held out'} ${name}`);
  for (const { name } of candidates) if (next[name]!.reason) console.log(`cannot draw ${name}: ${next[name]!.reason}`);
  console.log(`${candidates.length} new published fixtures: ${moves.length} held out, ${candidates.length - moves.length} tuned`);
  if (dryRun) return;
  for (const name of moves) {
    mkdirSync(path.dirname(path.join(HELD_OUT_ROOT, name)), { recursive: true });
    execFileSync('git', ['mv', path.join(TUNED_ROOT, name), path.join(HELD_OUT_ROOT, name)], { cwd: ROOT });
  }
  mkdirSync(HELD_OUT_ROOT, { recursive: true });
  const sorted = Object.fromEntries(
    Object.keys(next)
      .sort()
      .map((name) => [name, next[name]]),
  );
  writeFileSync(MANIFEST, `${JSON.stringify(sorted, null, 2)}\n`);
  writeFileSync(README, readme(next));
  const held = listPublished(HELD_OUT_ROOT);
  const missing = Object.entries(next).filter(([name, { set }]) => set === 'held-out' && !held.includes(name));
  if (missing.length) throw new Error(`held-out files missing from ${HELD_OUT_ROOT}: ${missing.map(([name]) => name).join(', ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.includes('--dry-run'));
