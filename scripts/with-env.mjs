#!/usr/bin/env node
// Runs a command with everything Gatewhy's tests and demo need, installing what is missing: Node >= 22, the project's
// npm dependencies, and Debian's browsers (shared/toolchain.md: Node from the npm registry, browsers from apt).
// Plain JavaScript with Node's built-ins only, on purpose: it must start under an older Node, before `npm ci`.
//
//   node scripts/with-env.mjs [--browsers LIST | --try-browsers LIST] COMMAND [ARGS...]
//
// LIST names Debian packages, comma-separated (default: chromium,chromium-l10n,firefox-esr,firefox-esr-l10n-de,xvfb). --browsers: they are required;
// --try-browsers: installed if possible, and the command runs without them otherwise. A second run installs nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE22_PREFIX = process.env.GATEWHY_NODE22_PREFIX ?? '/opt/node22';
/** The command (or, for a path, the file) each Debian package provides, to tell whether it is installed. */
const PROVIDES = {
  chromium: 'chromium',
  // Chromium's other languages: without them it shows every extension in English (the language tests).
  'chromium-l10n': '/usr/lib/chromium/locales/de.pak',
  'firefox-esr': 'firefox-esr',
  // Firefox's German language pack, for the same tests in Firefox.
  'firefox-esr-l10n-de': '/usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi',
  xvfb: 'xvfb-run',
};

const say = (text) => console.error(`[gatewhy] ${text}`);
const has = (binary) => (binary.startsWith('/') ? existsSync(binary) : spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0);
const run = (file, list, options = {}) => execFileSync(file, list, { stdio: 'inherit', cwd: ROOT, ...options });

function parseArguments(argv) {
  const [first, ...rest] = argv;
  if (first === '--browsers' || first === '--try-browsers') {
    return { packages: (rest[0] ?? '').split(',').filter(Boolean), optional: first === '--try-browsers', commandLine: rest.slice(1) };
  }
  return { packages: Object.keys(PROVIDES), optional: false, commandLine: argv };
}

/** PATH with Node 22 first, installing it from the npm registry when the running Node is older. */
function withNode22(env) {
  if (Number(process.versions.node.split('.')[0]) >= 22) return env;
  if (!existsSync(`${NODE22_PREFIX}/bin/node`)) {
    say(`Node ${process.versions.node} is older than 22: installing node@22 into ${NODE22_PREFIX} from the npm registry`);
    run('npm', ['install', '-g', '--prefix', NODE22_PREFIX, 'node@22']);
  }
  say(`using ${execFileSync(`${NODE22_PREFIX}/bin/node`, ['-v']).toString().trim()} from ${NODE22_PREFIX}/bin`);
  return { ...env, PATH: `${NODE22_PREFIX}/bin:${env.PATH}` };
}

/** `npm ci` when node_modules is missing or older than package-lock.json (npm writes node_modules/.package-lock.json on every install). */
function withDependencies(env) {
  const lock = path.join(ROOT, 'package-lock.json');
  const installed = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  say(existsSync(installed) ? 'package-lock.json is newer than node_modules: running npm ci' : 'no node_modules yet: running npm ci');
  run('npm', ['ci', '--no-audit', '--no-fund'], { env });
}

/** apt-get install of the missing packages, as root or through sudo. Returns false when that cannot be done here. */
function withPackages(packages, optional) {
  const missing = packages.filter((name) => !has(PROVIDES[name] ?? name));
  if (missing.length === 0) return;
  const hint = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const sudo = process.getuid?.() === 0 ? [] : has('sudo') ? ['sudo'] : null;
  try {
    if (!sudo || !has('apt-get')) throw new Error(`cannot install ${missing.join(' and ')} here (needs root or sudo, and apt-get)`);
    say(`installing ${missing.join(' and ')} from Debian's apt repositories`);
    const aptGet = (list) =>
      run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...list] : list, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    aptGet(['update']);
    aptGet(['install', '-y', ...missing]);
  } catch (error) {
    say(`${error.message}; install them with: ${hint}`);
    if (!optional) process.exit(1);
  }
}

const { packages, optional, commandLine } = parseArguments(process.argv.slice(2));
if (commandLine.length === 0) {
  console.error('usage: node scripts/with-env.mjs [--browsers LIST | --try-browsers LIST] COMMAND [ARGS...]');
  process.exit(2);
}
const env = withNode22({ ...process.env });
withDependencies(env);
withPackages(packages, optional);
const [file, ...rest] = commandLine;
const result = spawnSync(file, rest, { stdio: 'inherit', env, cwd: ROOT });
process.exit(result.status ?? 1);
