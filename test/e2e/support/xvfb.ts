// A virtual X display for browsers that must run headful (DevTools does not open in headless Chromium).
// Debian's Xvfb is started directly: it picks a free display itself and writes its number to a pipe (-displayfd).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export interface VirtualDisplay {
  /** The value for DISPLAY, e.g. ":99". */
  display: string;
  stop(): Promise<void>;
}

const hasXvfb = () => spawnSync('sh', ['-c', 'command -v Xvfb'], { stdio: 'ignore' }).status === 0;

/** Why no display can be had, or undefined when one can. */
export function missingDisplay(): string | undefined {
  return hasXvfb() || process.env.DISPLAY ? undefined : 'neither Xvfb (Debian package xvfb) nor a DISPLAY is available';
}

/**
 * Starts Xvfb on a free display, or uses the session's DISPLAY when Xvfb is not installed. Rejects when neither works,
 * so callers can skip with the reason (see missingDisplay).
 */
export async function startDisplay(): Promise<VirtualDisplay> {
  if (!hasXvfb()) {
    if (process.env.DISPLAY) return { display: process.env.DISPLAY, stop: async () => {} };
    throw new Error(missingDisplay());
  }
  const xvfb: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const number = await new Promise<string>((resolve, reject) => {
    let written = '';
    let errors = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start within 10 s: ${errors}`)), 10_000);
    xvfb.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      written += chunk.toString();
      if (written.includes('\n')) {
        clearTimeout(timer);
        resolve(written.trim());
      }
    });
    xvfb.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${errors}`));
    });
  });
  return {
    display: `:${number}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (xvfb.exitCode !== null) return resolve();
        xvfb.once('exit', () => resolve());
        xvfb.kill('SIGTERM');
      }),
  };
}
