// CPU time used by one browser's processes (Chromium or Firefox), by kind, from /proc (Linux): where a configuration's
// extra cost goes.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export const PROCESS_KINDS = ['browser', 'network', 'renderer', 'extension', 'gpu', 'other'] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];
export type CpuByKind = Record<ProcessKind, number>;

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

interface Proc {
  pid: number;
  ppid: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
  cmdline: string;
}

function processes(): Proc[] {
  const list: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name in parentheses may contain spaces; the fields after it are fixed (proc(5)).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      list.push({ pid: Number(entry), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), cmdline });
    } catch {
      // The process ended while we read it.
    }
  }
  return list;
}

function chromiumKind(cmdline: string): ProcessKind {
  const type = /--type=(\S+)/.exec(cmdline)?.[1];
  if (!type) return 'browser';
  if (type === 'renderer') return cmdline.includes('--extension-process') ? 'extension' : 'renderer';
  if (type === 'gpu-process') return 'gpu';
  if (type === 'utility' && cmdline.includes('network.mojom.NetworkService')) return 'network';
  return 'other';
}

/**
 * Firefox's children are `firefox -contentproc … <n> <type>`: `tab` for web content and extension pages alike (their
 * command lines do not tell the two apart), `socket` for networking, `rdd`/`utility`/`forkserver` for the rest.
 */
function firefoxKind(cmdline: string): ProcessKind {
  if (!cmdline.includes('-contentproc')) return 'browser';
  const type = cmdline.trim().split(' ').at(-1);
  if (type === 'tab') return 'renderer';
  if (type === 'socket') return 'network';
  if (type === 'gpu') return 'gpu';
  return 'other';
}

/** The browser's main process: its command line names the profile, and it is nobody's child process. */
function isRoot(proc: Proc, profileDir: string): boolean {
  const chromium = proc.cmdline.includes(`--user-data-dir=${profileDir}`) && !proc.cmdline.includes('--type=');
  const firefox = proc.cmdline.includes(`--profile ${profileDir}`) && !proc.cmdline.includes('-contentproc');
  return chromium || firefox;
}

/**
 * CPU ms used so far by the browser whose profile is `profileDir` and all its child processes, by kind; undefined
 * where /proc is missing. Processes that already exited are not counted, so compare readings taken close together.
 */
export function browserCpu(profileDir: string): CpuByKind | undefined {
  let all: Proc[];
  try {
    all = processes();
  } catch {
    return undefined;
  }
  const root = all.find((proc) => isRoot(proc, profileDir));
  if (!root) return undefined;
  const kindOf = root.cmdline.includes('--user-data-dir=') ? chromiumKind : firefoxKind;
  const family = new Set([root.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const proc of all) {
      if (!family.has(proc.pid) && family.has(proc.ppid)) {
        family.add(proc.pid);
        grew = true;
      }
    }
  }
  const cpu = Object.fromEntries(PROCESS_KINDS.map((kind) => [kind, 0])) as CpuByKind;
  const msPerTick = 1000 / clockTicks();
  for (const proc of all) if (family.has(proc.pid)) cpu[kindOf(proc.cmdline)] += proc.ticks * msPerTick;
  return cpu;
}

export function cpuDelta(after: CpuByKind, before: CpuByKind): CpuByKind {
  return Object.fromEntries(PROCESS_KINDS.map((kind) => [kind, Math.max(0, after[kind] - before[kind])])) as CpuByKind;
}

export const totalCpu = (cpu: CpuByKind) => Object.values(cpu).reduce((sum, value) => sum + value, 0);
