// The command as a real process, run from a clone as `npx gatewhy-explain` runs it there: from the sources, no build step.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('bin/gatewhy-explain.mjs', () => {
  it('explains a file given on the command line', () => {
    const result = spawnSync('node', ['bin/gatewhy-explain.mjs', '--json', 'test/fixtures/responses/haproxy/refused.http'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 503, gateway: { id: 'haproxy' }, source: 'gateway' });
  });

  it('reads standard input and exits 2 on input it cannot parse', () => {
    const result = spawnSync('node', ['bin/gatewhy-explain.mjs'], { input: 'not a response', encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('✗ standard input: the first line is not an HTTP status line');
  });

  it('runs from the sources in a clone that has installed its dependencies and built nothing', () => {
    // A clone as `npm ci` leaves it: the sources and node_modules, no dist/ (the bin is copied so that ../dist is absent).
    const clone = mkdtempSync(join(tmpdir(), 'gatewhy-clone-'));
    try {
      mkdirSync(join(clone, 'bin'));
      copyFileSync('bin/gatewhy-explain.mjs', join(clone, 'bin/gatewhy-explain.mjs'));
      for (const name of ['cli', 'utils', 'node_modules', 'package.json']) symlinkSync(resolve(name), join(clone, name));
      const result = spawnSync('node', ['bin/gatewhy-explain.mjs', '--json', resolve('test/fixtures/responses/nginx/refused.http')], {
        cwd: clone,
        encoding: 'utf8',
      });
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ status: 502, gateway: { id: 'nginx' } });
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('is what `npx gatewhy-explain` runs inside the clone, with nothing fetched', () => {
    // Offline: npx must find the project's own bin, not look for a package of that name in the registry.
    const npx = (args: string[]) =>
      execFileSync('npx', ['gatewhy-explain', ...args], { encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });
    expect(npx(['--help'])).toContain('Usage: gatewhy-explain');
    expect(JSON.parse(npx(['--json', 'test/fixtures/responses/nginx/refused.http']))).toMatchObject({ status: 502, gateway: { id: 'nginx' } });
  }, 60_000);
});
