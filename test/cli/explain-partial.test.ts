// gatewhy-explain on part of a response: an error page alone, its copied text, or header lines, as people paste them.
import { describe, expect, it } from 'vitest';
import { runExplain, type Io } from '../../cli/explain';

async function run(args: string[], stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => stdin,
    readFile: async () => stdin,
    isTerminal: false,
    now: Date.UTC(2026, 10, 27, 12),
  };
  const code = await runExplain(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('gatewhy-explain on part of a response', () => {
  it('explains an error page alone, its status read off the page', async () => {
    const page =
      '<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx/1.22.1</center>\n</body>\n</html>\n';
    const { code, stdout } = await run(['--json'], page);
    expect(code).toBe(0);
    const explanation = JSON.parse(stdout.trim());
    expect(explanation).toMatchObject({
      status: 502,
      gateway: { id: 'nginx' },
      source: 'gateway',
      evidence: { status: 'inferred', headers: 'unseen', body: 'seen' },
    });
    expect(explanation.route).toEqual([expect.objectContaining({ id: 'nginx', role: 'wrote' })]);
  });

  it('explains copied text and prints the route and what was not seen', async () => {
    const { code, stdout } = await run([], 'upstream connect error or disconnect/reset before headers. reset reason: connection failure');
    expect(code).toBe(0);
    expect(stdout).toContain('Envoy');
    expect(stdout).toMatch(/Route: Envoy ✗ wrote the error/);
  });

  it('explains header lines with the body unseen, and says what the body would have told', async () => {
    const { code, stdout } = await run(['--json'], 'HTTP/1.1 503 Service Unavailable\nserver: envoy\ncontent-length: 91\n\n');
    expect(code).toBe(0);
    const explanation = JSON.parse(stdout.trim());
    expect(explanation.evidence.body).toBe('unseen');
    expect(explanation.bodyWouldTell).toContain('reset reason');
  });
});
