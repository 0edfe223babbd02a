#!/usr/bin/env node
// Runs a command with what Gatewhy's tests and demo need: Node >= 22 and Debian's chromium and firefox-esr.
// Missing pieces are installed the way shared/toolchain.md describes (npm registry for Node, apt for browsers).
// Plain JavaScript on purpose: it must start under an older Node before Node 22 exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NODE22_PREFIX = process.env.GATEWHY_NODE22_PREFIX ?? '/opt/node22';
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-env.mjs [--browsers chromium,firefox-esr] COMMAND [ARGS...]');
  process.exit(2);
}

const say = (text) => console.error(`[gatewhy] ${text}`);
const has = (binary) => spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;
const sudo = isRoot ? [] : has('sudo') ? ['sudo'] : null;

function run(file, list, options = {}) {
  execFileSync(file, list, { stdio: 'inherit', ...options });
}

let browsers = ['chromium', 'firefox-esr'];
let browsersOptional = false;
let commandLine = [command, ...args];
// --browsers a,b: these are required. --try-browsers a,b: install them if possible, carry on without them.
if (command === '--browsers' || command === '--try-browsers') {
  browsers = (args[0] ?? '').split(',').filter(Boolean);
  browsersOptional = command === '--try-browsers';
  commandLine = args.slice(1);
}

const env = { ...process.env };
if (Number(process.versions.node.split('.')[0]) < 22) {
  if (!existsSync(`${NODE22_PREFIX}/bin/node`)) {
    say(`Node ${process.versions.node} is older than 22: installing node@22 into ${NODE22_PREFIX} from the npm registry`);
    run('npm', ['install', '-g', '--prefix', NODE22_PREFIX, 'node@22']);
  }
  env.PATH = `${NODE22_PREFIX}/bin:${env.PATH}`;
  say(`using ${execFileSync(`${NODE22_PREFIX}/bin/node`, ['-v']).toString().trim()} from ${NODE22_PREFIX}/bin`);
}

const missing = browsers.filter((browser) => !has(browser));
if (missing.length > 0) {
  const hint = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  try {
    if (!sudo || !has('apt-get')) throw new Error(`cannot install ${missing.join(' and ')} here (needs root or sudo, and apt-get)`);
    say(`installing ${missing.join(' and ')} from Debian's apt repositories`);
    const aptGet = (list) => run(sudo.length ? 'sudo' : 'apt-get', sudo.length ? ['apt-get', ...list] : list, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    aptGet(['update']);
    aptGet(['install', '-y', ...missing]);
  } catch (error) {
    say(`${error.message}; install them with: ${hint}`);
    if (!browsersOptional) process.exit(1);
  }
}

const [file, ...rest] = commandLine;
const result = spawnSync(file, rest, { stdio: 'inherit', env });
process.exit(result.status ?? 1);
