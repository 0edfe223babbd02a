// The store texts against the built manifests and the stores' limits (store/README.md). Reads .output/, so it runs in
// the e2e project, after `npm run build`.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const BUILDS = ['chrome-mv3', 'firefox-mv2', 'firefox-mv3'] as const;
/** https://developer.chrome.com/docs/extensions/reference/manifest/description: "no more than 132 characters". */
const CHROME_SUMMARY_LIMIT = 132;
/** mozilla/addons-server src/olympia/devhub/forms.py (9c79b64), DescribeForm.summary: max_length=250. */
const AMO_SUMMARY_LIMIT = 250;

interface Manifest {
  description: string;
  default_locale?: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  minimum_chrome_version?: string;
  browser_specific_settings?: { gecko?: { strict_min_version?: string; data_collection_permissions?: { required?: string[] } } };
}

async function manifest(build: (typeof BUILDS)[number]): Promise<Manifest> {
  const file = `.output/${build}/manifest.json`;
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return JSON.parse(await readFile(file, 'utf8')) as Manifest;
}

/** The built messages of one language: `_locales/<locale>/messages.json`, name → text. */
async function builtMessages(build: (typeof BUILDS)[number], locale: string): Promise<Record<string, string>> {
  const file = `.output/${build}/_locales/${locale}/messages.json`;
  const messages = JSON.parse(await readFile(file, 'utf8')) as Record<string, { message: string }>;
  return Object.fromEntries(Object.entries(messages).map(([name, { message }]) => [name, message]));
}

/** A manifest field as the browser shows it: "__MSG_name__" read from the default locale's messages. */
async function shown(build: (typeof BUILDS)[number], value: string, locale = 'en'): Promise<string> {
  const name = value.match(/^__MSG_(\w+)__$/)?.[1];
  return name === undefined ? value : (await builtMessages(build, locale))[name]!;
}

/** The `text` block under a `## heading` of store/listing.md, without its final newline. */
async function listingText(heading: string): Promise<string> {
  const listing = await readFile('store/listing.md', 'utf8');
  const section = listing.split(`\n## ${heading}\n`)[1]?.split(/\n## /)[0];
  const text = section?.match(/```text\n([\s\S]*?)\n```/)?.[1];
  if (text === undefined) throw new Error(`store/listing.md has no text block under "## ${heading}"`);
  return text;
}

/** The permissions named in the first column of store/permissions.md's table, "(optional)" dropped. */
async function justifiedPermissions(): Promise<string[]> {
  const table = (await readFile('store/permissions.md', 'utf8')).split('\n').filter((line) => line.startsWith('| `'));
  return table.map((line) => line.match(/^\| `([^`]+)`/)![1]!);
}

/** Width and height of a PNG file, from its IHDR chunk. */
async function pngSize(file: string): Promise<string> {
  const bytes = await readFile(file);
  return `${bytes.readUInt32BE(16)}×${bytes.readUInt32BE(20)}`;
}

describe('the store listing', () => {
  it('gives the Chrome Web Store the built description, within 132 characters', async () => {
    const summary = await listingText('Chrome Web Store summary');
    for (const build of BUILDS) expect(await shown(build, (await manifest(build)).description), build).toBe(summary);
    expect(summary.length).toBeLessThanOrEqual(CHROME_SUMMARY_LIMIT);
  });

  it('builds English as the default language and four more, each with every message and a short enough description', async () => {
    for (const build of BUILDS) {
      const { default_locale, description } = await manifest(build);
      expect(default_locale, build).toBe('en');
      const locales = (await readdir(`.output/${build}/_locales`)).sort();
      expect(locales, build).toEqual(expect.arrayContaining(['de', 'en', 'es', 'fr', 'ja']));
      const english = Object.keys(await builtMessages(build, 'en'));
      for (const locale of locales) {
        const names = Object.keys(await builtMessages(build, locale));
        expect(
          english.filter((name) => !names.includes(name)),
          `${build} ${locale} lacks`,
        ).toEqual([]);
        expect((await shown(build, description, locale)).length, `${build} ${locale}`).toBeLessThanOrEqual(CHROME_SUMMARY_LIMIT);
      }
    }
  });

  it('gives AMO a summary within 250 characters, on one line', async () => {
    const summary = await listingText('AMO summary');
    expect(summary.length).toBeLessThanOrEqual(AMO_SUMMARY_LIMIT);
    expect(summary).not.toContain('\n');
  });

  it('justifies every permission the built manifests ask for, and no other', async () => {
    const asked = new Set<string>();
    for (const build of BUILDS) {
      const { permissions = [], optional_permissions = [], host_permissions = [] } = await manifest(build);
      for (const permission of [...permissions, ...optional_permissions, ...host_permissions]) asked.add(permission);
    }
    expect((await justifiedPermissions()).sort()).toEqual([...asked].sort());
  });

  it('names the oldest browsers the builds run in, and no data collection for Firefox', async () => {
    expect((await manifest('chrome-mv3')).minimum_chrome_version).toBe('111');
    for (const build of ['firefox-mv2', 'firefox-mv3'] as const) {
      const gecko = (await manifest(build)).browser_specific_settings?.gecko;
      expect(gecko?.strict_min_version, build).toBe('142.0');
      expect(gecko?.data_collection_permissions?.required, build).toEqual(['none']);
    }
  });

  it('lists screenshots that exist at the size it says', async () => {
    const rows = (await readFile('store/listing.md', 'utf8')).matchAll(/^\| `([^`]+\.png)` \| (\d+×\d+) \|/gm);
    const listed = [...rows].map(([, file, size]) => ({ file: file!, size: size! }));
    expect(listed.map(({ size }) => size)).toEqual(expect.arrayContaining(['1280×800', '440×280']));
    for (const { file, size } of listed) expect(await pngSize(file), file).toBe(size);
  });
});
