// AMO reproducibility: the sources zip, built the way its README tells a reviewer, gives the Firefox zips byte for byte.
// Mozilla's reviewers rebuild an add-on whose code is bundled and compare the result with the uploaded package
// (https://extensionworkshop.com/documentation/publish/source-code-submission/). Slow (npm ci in a fresh folder):
// it runs in the e2e project, after the fast unit tests (vitest.config.ts).
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIREFOX_TARGETS = ['mv2', 'mv3'] as const;
/** The README section a reviewer follows; its first `sh` block is the build, one command a line. */
const BUILD_SECTION = '## Building from the sources zip (for Firefox Add-ons reviewers)';

const { name, version } = JSON.parse(await readFile('package.json', 'utf8')) as { name: string; version: string };
const artifact = (suffix: string) => path.resolve('.output', `${name}-${version}-${suffix}.zip`);

/**
 * The environment of a reviewer's shell: without what `npm test` and Vitest set for themselves (npm_* lifecycle
 * variables, NODE_ENV=test, VITEST…), any of which could change what Vite builds.
 */
function reviewerEnvironment(): NodeJS.ProcessEnv {
  const inherited = /^(npm_|VITEST|NODE_ENV$|NODE_OPTIONS$|MODE$|TEST$|PROD$|DEV$|SSR$|BASE_URL$)/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !inherited.test(key)));
}

/** Runs a shell command line; rejects with its output when it fails. */
function run(commandLine: string, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', commandLine], { cwd, env: reviewerEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`\`${commandLine}\` in ${cwd} exited ${code}:\n${output.slice(-4000)}`))));
  });
}

/** Every file in a zip (folders left out), by its path inside the zip. */
async function zipFiles(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  return files;
}

/** Every file under a folder, by its path relative to it with forward slashes. */
async function folderFiles(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, full).split(path.sep).join('/'), await readFile(full));
  }
  return files;
}

/** The commands of the README's build section: the lines of its first sh block, comments dropped. */
function documentedBuild(readme: string): string[] {
  const section = readme.split(BUILD_SECTION)[1]?.split(/\n## /)[0];
  const block = section?.match(/```sh\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error(`README has no "${BUILD_SECTION}" section with a sh block`);
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

let unpacked: string;
let commands: string[];

beforeAll(async () => {
  // The packages as they are uploaded: `wxt zip` builds each Firefox target and writes the sources zip beside it.
  for (const target of FIREFOX_TARGETS) await run(`npx wxt zip -b firefox --${target}`, process.cwd());
  unpacked = await mkdtemp(path.join(tmpdir(), 'gatewhy-amo-'));
  for (const [file, bytes] of await zipFiles(artifact('sources'))) {
    await mkdir(path.dirname(path.join(unpacked, file)), { recursive: true });
    await writeFile(path.join(unpacked, file), bytes);
  }
  commands = documentedBuild(await readFile(path.join(unpacked, 'README.md'), 'utf8'));
  for (const command of commands) await run(command, unpacked);
}, 600_000);

afterAll(async () => {
  if (unpacked) await rm(unpacked, { recursive: true, force: true });
});

describe('the sources zip for Firefox Add-ons', () => {
  it('is built by the README with npm ci and the build script, from the sources alone', async () => {
    expect(commands).toEqual(['npm ci', 'npm run build']);
    const sources = [...(await zipFiles(artifact('sources'))).keys()];
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md']));
    expect(sources.filter((file) => /^(node_modules|\.output|\.wxt|dist)\//.test(file))).toEqual([]);
  });

  it.each(FIREFOX_TARGETS)('rebuilds every file of the Firefox %s zip byte for byte', async (target) => {
    const uploaded = await zipFiles(artifact(`firefox-${target}`));
    const rebuilt = await folderFiles(path.join(unpacked, '.output', `firefox-${target}`));
    expect(uploaded.size).toBeGreaterThan(0);
    expect([...rebuilt.keys()].sort()).toEqual([...uploaded.keys()].sort());
    const different = [...uploaded].filter(([file, bytes]) => !rebuilt.get(file)?.equals(bytes)).map(([file]) => file);
    expect(different).toEqual([]);
    console.info(`firefox-${target}: ${uploaded.size} files compared, ${uploaded.size - different.length} identical`);
  });
});
