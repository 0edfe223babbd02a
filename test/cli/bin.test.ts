// The published command: bundled with esbuild and run as a real process, as `npx gatewhy-explain` would.
import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';

describe('bin/gatewhy-explain.mjs', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', '-s', 'build:cli'], { stdio: 'inherit' });
  });

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
});
