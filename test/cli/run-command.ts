// Runs gatewhy-explain for the tests: in this process with its output captured, or as a real process.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { runExplain, type Io } from '../../cli/explain';

/** The command in this process; `io` replaces parts of what it talks to (the clock, Ctrl+C…). */
export async function runCommand(args: string[], io: Partial<Io> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runExplain(args, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => '',
    readFile: (path) => readFile(path, 'utf8'),
    isTerminal: false,
    ...io,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/**
 * A bin as a real process, asynchronously: the tests' servers answer from this process's event loop, which
 * spawnSync would block.
 */
export function runProcess(bin: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (status) => resolve({ status, stdout, stderr })),
  );
}
