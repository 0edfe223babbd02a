// `gatewhy-explain --watch URL` against real servers, on an injected clock so that no test really waits.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { Io } from '../../cli/explain';
import { runCommand } from './run-command';
import { nextStep, type Clock } from '../../cli/watch';
import { fixtureBytes, httpResponse, refusedPort, startServer, type Behaviour, type TestServer } from './servers';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(behaviours: Behaviour[]) {
  const server = await startServer(behaviours);
  servers.push(server);
  return server;
}

const START = Date.UTC(2026, 10, 27, 12);

/** A clock whose sleep moves only its own time; `duringSleep` runs inside each sleep (e.g. to press Ctrl+C). */
function fakeClock(duringSleep?: () => void) {
  let now = START;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: async (ms, signal) => {
      duringSleep?.();
      if (signal.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
  };
  return { clock, sleeps };
}

async function watch(args: string[], options: { clock: Clock; random?: number; onInterrupt?: Io['onInterrupt'] }) {
  const { code, stdout } = await runCommand(['--watch', ...args], {
    clock: options.clock,
    random: () => options.random ?? 0,
    ...(options.onInterrupt && { onInterrupt: options.onInterrupt }),
  });
  return { code, stdout, attempts: stdout.split('\n').filter((line) => /^\d\d:\d\d:\d\d {2}#\d+ /.test(line)) };
}

const serviceUnavailable = (retryAfter: number) => httpResponse(503, 'Service Unavailable', { Server: 'nginx', 'Retry-After': String(retryAfter) });

describe('gatewhy-explain --watch', () => {
  it('polls a URL that fails twice (once with Retry-After: 1) until it answers 200, and exits 0', async () => {
    const server = await serve([{ answer: fixtureBytes('nginx/refused.http') }, { answer: serviceUnavailable(1) }, { answer: httpResponse(200, 'OK') }]);
    const { clock, sleeps } = fakeClock();
    const { code, stdout, attempts } = await watch([`${server.origin}/`], { clock });
    expect(code).toBe(0);
    expect(server.requests).toHaveLength(3);
    expect(attempts).toHaveLength(3);
    expect(attempts[0]).toMatch(
      /#1 {2}502 Bad Gateway {2}502 from nginx: (probably |cannot tell the cause from this response \(likeliest: )?the gateway could not connect to the origin server\)? {2}→ next in 2 sec$/,
    );
    expect(attempts[1]).toMatch(/#2 {2}503 Service Unavailable {2}.+ {2}→ next in 4 sec$/);
    expect(attempts[2]).toMatch(/#3 {2}200 OK {2}→ recovered$/);
    // The wait after the Retry-After: 1 answer is at least what it asked for (here the backoff is longer still).
    expect(sleeps).toEqual([2000, 4000]);
    expect(sleeps[1]).toBeGreaterThanOrEqual(1000);
    expect(stdout).toMatch(/Recovered at \d\d:\d\d:\d\d with 200 OK, 6 sec after the first failure at \d\d:\d\d:\d\d \(502 Bad Gateway\); 3 attempts\.\n$/);
  });

  it('never waits less than Retry-After, even when jitter shortens the backoff below it', async () => {
    const server = await serve([
      { answer: serviceUnavailable(2) },
      { answer: serviceUnavailable(3) },
      { answer: serviceUnavailable(120) },
      { answer: httpResponse(204, 'No Content') },
    ]);
    const { clock, sleeps } = fakeClock();
    // Most jitter: the backoffs become 1.4 s, 2.8 s, 5.6 s.
    const { code, attempts } = await watch([`${server.origin}/`], { clock, random: 0.999_999 });
    expect(code).toBe(0);
    expect(sleeps).toEqual([2000, 3000, 120_000]);
    expect(attempts[0]).toContain('→ next in 2 sec (Retry-After)');
    expect(attempts[2]).toContain('→ next in 2 min (Retry-After)');
  });

  it('stops by itself at --max-time, after a last look there, and exits 1', async () => {
    const port = await refusedPort();
    const { clock, sleeps } = fakeClock();
    const { code, stdout, attempts } = await watch(['--max-time', '10s', `http://127.0.0.1:${port}/`], { clock });
    expect(code).toBe(1);
    expect(sleeps).toEqual([2000, 4000, 4000]);
    expect(attempts).toHaveLength(4);
    expect(attempts[0]).toContain('no response  The page did not load: the server refused the connection');
    expect(attempts[2]).toContain('→ next in 4 sec (last look at --max-time)');
    expect(attempts[3]).toContain('→ stopping: --max-time reached');
    expect(stdout).toMatch(
      /Still failing after 10 sec \(stopped: --max-time reached\): 4 attempts since the first failure at \d\d:\d\d:\d\d \(no response\); last no response at \d\d:\d\d:\d\d\.\n$/,
    );
  });

  it('stops at once when Retry-After reaches past --max-time, rather than cutting it short', async () => {
    const server = await serve([{ answer: serviceUnavailable(3600) }]);
    const { clock, sleeps } = fakeClock();
    const { code, stdout } = await watch([`${server.origin}/`], { clock });
    expect(code).toBe(1);
    expect(sleeps).toEqual([]);
    expect(stdout).toContain('→ stopping: the server asks to wait 1 hr, past --max-time');
    expect(stdout).toContain('Still failing after 0 sec (stopped: Retry-After past --max-time): 1 attempt since');
  });

  it('stops on Ctrl+C with a summary, exits 1, and stops listening for it', async () => {
    const port = await refusedPort();
    let interrupt: (() => void) | undefined;
    const { clock } = fakeClock(() => interrupt?.());
    const { code, stdout, attempts } = await watch([`http://127.0.0.1:${port}/`], {
      clock,
      onInterrupt: (stop) => {
        interrupt = stop;
        return () => {
          interrupt = undefined;
        };
      },
    });
    expect(code).toBe(1);
    expect(attempts).toHaveLength(1);
    expect(stdout).toContain('(stopped: Ctrl+C): 1 attempt since the first failure');
    expect(interrupt).toBeUndefined();
  });

  it('says so when the URL was not failing at all, and exits 0', async () => {
    const server = await serve([{ answer: httpResponse(200, 'OK') }]);
    const { code, stdout, attempts } = await watch([`${server.origin}/`], { clock: fakeClock().clock });
    expect(code).toBe(0);
    expect(attempts).toHaveLength(1);
    expect(stdout).toMatch(/Not failing: 200 OK at \d\d:\d\d:\d\d, the first attempt\.\n$/);
  });

  it('prints one JSON object per attempt and a summary with --json', async () => {
    const server = await serve([{ answer: serviceUnavailable(5) }, { answer: httpResponse(200, 'OK') }]);
    const { code, stdout } = await watch(['--json', `${server.origin}/`], { clock: fakeClock().clock });
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({ attempt: 1, at: new Date(START).toISOString(), ok: false, status: 503, nextInMs: 5000, nextBecause: 'Retry-After' }),
      expect.objectContaining({ attempt: 2, at: new Date(START + 5000).toISOString(), ok: true, status: 200 }),
      {
        summary: {
          recovered: true,
          attempts: 2,
          firstFailureAt: new Date(START).toISOString(),
          firstFailure: '503 Service Unavailable',
          lastAt: new Date(START + 5000).toISOString(),
          last: '200 OK',
        },
      },
    ]);
  });

  it('stops on a real Ctrl+C in a real process', async () => {
    const port = await refusedPort();
    const child = spawn('node', ['bin/gatewhy-explain.mjs', '--watch', `http://127.0.0.1:${port}/`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('#1')) resolve();
      });
    });
    child.kill('SIGINT');
    expect(await exited).toBe(1);
    expect(stdout).toContain('→ next in');
    expect(stdout).toContain('(stopped: Ctrl+C): 1 attempt since the first failure');
  }, 20_000);
});

describe('nextStep', () => {
  const hour = 3_600_000;
  it('backs off as the extension does: 2 s doubling to 60 s, up to 30% shorter at random', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((failures) => nextStep(failures, 0, hour, undefined, () => 0));
    expect(delays.map((step) => ('waitMs' in step ? step.waitMs : step))).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(nextStep(1, 0, hour, undefined, () => 0.5)).toEqual({ waitMs: 1700, why: 'backoff' });
  });

  it('takes Retry-After as a floor, never as a cut', () => {
    expect(nextStep(1, 0, hour, 30, () => 0)).toEqual({ waitMs: 30_000, why: 'Retry-After' });
    expect(nextStep(6, 0, hour, 30, () => 0)).toEqual({ waitMs: 60_000, why: 'backoff' });
    expect(nextStep(1, 0, 10_000, 11, () => 0)).toEqual({ stop: 'retry-after', askedSeconds: 11 });
    expect(nextStep(1, 0, 10_000, 10, () => 0)).toEqual({ waitMs: 10_000, why: 'Retry-After' });
  });

  it('cuts only the backoff at the deadline, and stops once it has passed', () => {
    expect(nextStep(6, 0, 10_000, undefined, () => 0)).toEqual({ waitMs: 10_000, why: 'last look at --max-time' });
    expect(nextStep(6, 10_000, 10_000, undefined, () => 0)).toEqual({ stop: 'max-time' });
  });
});
