// The published package: `npm pack`, unpacked where no node_modules can be found, runs on its own.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from './run-command';
import { fixtureBytes, startServer } from './servers';

let folder: string;
let packed: { filename: string; files: { path: string }[] };
const bin = () => join(folder, 'package/bin/gatewhy-explain.mjs');

/** Runs the packed bin from the temporary folder, with nothing from this checkout on its paths. */
function runPacked(args: string[]) {
  const { NODE_PATH: _path, NODE_OPTIONS: _options, ...env } = process.env;
  return runProcess(bin(), args, { cwd: folder, env });
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'gatewhy-pack-'));
  // npm runs prepack (which bundles dist/cli.mjs) as it would before publishing.
  [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', folder], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  execFileSync('tar', ['-xzf', join(folder, packed.filename), '-C', folder]);
}, 120_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('the packed gatewhy-explain', () => {
  it('holds the bin, the bundle and no sources, and finds no dependencies where it is unpacked', () => {
    const paths = packed.files.map(({ path }) => path);
    expect(paths).toEqual(expect.arrayContaining(['bin/gatewhy-explain.mjs', 'dist/cli.mjs', 'package.json', 'README.md']));
    expect(paths.filter((path) => /^(cli|utils|test)\//.test(path))).toEqual([]);
    // Every folder Node would search for node_modules from the unpacked bin.
    for (let at = resolve(folder, 'package/bin'); ; at = dirname(at)) {
      expect(existsSync(join(at, 'node_modules')), at).toBe(false);
      if (dirname(at) === at) break;
    }
  });

  it('runs no install script, which would need the dev dependencies a user does not get', () => {
    const { scripts = {} } = JSON.parse(readFileSync(join(folder, 'package/package.json'), 'utf8'));
    expect(Object.keys(scripts).filter((name) => ['preinstall', 'install', 'postinstall'].includes(name))).toEqual([]);
  });

  it('prints its help', async () => {
    const { status, stdout } = await runPacked(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: gatewhy-explain');
    expect(stdout).toContain('--watch');
  });

  it('explains a captured response file', async () => {
    const { status, stdout } = await runPacked(['--json', resolve('test/fixtures/responses/haproxy/refused.http')]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: 503, gateway: { id: 'haproxy' }, source: 'gateway' });
  });

  it('explains a URL, naming its own version to the server', async () => {
    const server = await startServer([{ answer: fixtureBytes('nginx/refused.http') }]);
    try {
      const { status, stdout } = await runPacked(['--json', `${server.origin}/`]);
      expect(status).toBe(1);
      expect(JSON.parse(stdout)).toMatchObject({ status: 502, gateway: { id: 'nginx' } });
      const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
      expect(server.requests[0]).toContain(`\r\nuser-agent: gatewhy-explain/${version}\r\n`);
    } finally {
      await server.close();
    }
  });
});
