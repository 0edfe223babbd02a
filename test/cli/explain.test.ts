import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runExplain, type Io } from '../../cli/explain';

const NGINX = 'test/fixtures/responses/nginx/refused.http';
const CLOUDFRONT = 'test/fixtures/responses/aws-cloudfront/502-could-not-connect-to-origin--published.http';

async function run(args: string[], stdin = '', isTerminal = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => stdin,
    readFile: (path) => readFile(path, 'utf8'),
    isTerminal,
    now: Date.UTC(2026, 10, 27, 12),
  };
  const code = await runExplain(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('gatewhy-explain', () => {
  it('prints a short readable explanation', async () => {
    const { code, stdout } = await run([NGINX]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/502 from nginx: .*the gateway could not connect to the origin server/);
    expect(stdout).toContain('Written by: the gateway wrote this error itself');
    expect(stdout).toContain('Likely causes:');
    expect(stdout).not.toContain('\x1b[');
  });

  it('colours output on a terminal unless told not to', async () => {
    expect((await run([NGINX], '', true)).stdout).toContain('\x1b[1m');
    expect((await run(['--no-color', NGINX], '', true)).stdout).not.toContain('\x1b[');
  });

  it('prints one JSON object per response, in input order, with the promised fields', async () => {
    const { code, stdout } = await run(['--json', NGINX, CLOUDFRONT]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map(({ gateway }) => gateway.id)).toEqual(['nginx', 'aws-cloudfront']);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['status', 'gateway', 'source', 'causes', 'cached', 'headers', 'advice']));
      expect(Object.keys(line.gateway)).toEqual(expect.arrayContaining(['id', 'name', 'confidence', 'evidence']));
      expect(Object.keys(line.causes[0])).toEqual(expect.arrayContaining(['id', 'title', 'likelihood', 'evidence']));
      expect(Object.keys(line.advice)).toEqual(['visitor', 'owner']);
    }
    expect(Object.keys(lines[0].headers[0])).toEqual(expect.arrayContaining(['name', 'value', 'meaning']));
  });

  it('reads standard input when no file is given', async () => {
    const { code, stdout } = await run(['--json'], 'HTTP/2 524\nserver: cloudflare\ncf-ray: 8a1b2c3d4e5f6789-AMS\n\n');
    expect(code).toBe(0);
    const explained = JSON.parse(stdout);
    expect(explained).toMatchObject({ status: 524, gateway: { id: 'cloudflare' } });
    expect(explained.causes[0].id).toBe('origin-timeout');
  });

  it('explains every failed entry of a HAR file', async () => {
    const har = JSON.stringify({
      log: {
        entries: [
          { request: { url: 'https://a.example/' }, response: { status: 200, headers: [] } },
          {
            request: { url: 'https://a.example/api' },
            response: { status: 503, headers: [{ name: 'server', value: 'envoy' }], content: { text: 'no healthy upstream' } },
          },
        ],
      },
    });
    const { code, stdout } = await run(['--json', '-'], har);
    expect(code).toBe(0);
    const explained = JSON.parse(stdout);
    expect(explained).toMatchObject({ url: 'https://a.example/api', gateway: { id: 'envoy' } });
    expect(explained.causes[0].id).toBe('origin-unreachable');
  });

  it('exits 2 naming the file and the problem, and still explains the other files', async () => {
    const { code, stdout, stderr } = await run(['--json', 'test/fixtures/responses/nginx/garbage-http09.http', 'no/such/file.http', NGINX]);
    expect(code).toBe(2);
    expect(stderr).toContain('✗ test/fixtures/responses/nginx/garbage-http09.http: the first line is not an HTTP status line');
    expect(stderr).toContain('✗ no/such/file.http: no such file');
    expect(JSON.parse(stdout.trim())).toMatchObject({ gateway: { id: 'nginx' } });
  });

  it('rejects unknown options with usage', async () => {
    const { code, stderr } = await run(['--frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: gatewhy-explain');
  });
});
