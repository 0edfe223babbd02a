// Bundle sizes of the built Chrome extension: each page's JS and CSS (loaded at once and on demand), raw and gzipped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Size {
  raw: number;
  gzip: number;
  files: string[];
  /** Gzipped bytes of each file. */
  gzipByFile: Record<string, number>;
}

export interface BundleSize {
  /** "popup", "background"… */
  name: string;
  /** Where the manifest uses it, e.g. "action.default_popup". */
  role: string;
  /** JavaScript loaded when the page opens (its entry and everything it imports statically). */
  js: Size;
  /** JavaScript fetched later with import(), e.g. the popup's engine, and what that imports. */
  lazyJs: Size;
  /** The chunks it import()s, each the start of a lazily loaded part. */
  lazyEntries: string[];
  css: Size;
}

export interface SizeResult {
  bundles: BundleSize[];
  /** Everything in the build, icons included. */
  total: { raw: number; gzip: number; files: number };
}

const EMPTY: Size = { raw: 0, gzip: 0, files: [], gzipByFile: {} };
// Static `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`; and dynamic import(`./x.js`).
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]\s*\)/g;

/** Level 9, as a store or CDN would compress it; each file on its own, since each is fetched on its own. */
const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

function sizeOf(root: string, files: Iterable<string>): Size {
  const list = [...new Set(files)].sort();
  const gzipByFile = Object.fromEntries(list.map((file) => [file, gzipped(path.join(root, file))]));
  return {
    raw: list.reduce((sum, file) => sum + statSync(path.join(root, file)).size, 0),
    gzip: Object.values(gzipByFile).reduce((sum, size) => sum + size, 0),
    files: list,
    gzipByFile,
  };
}

const resolve = (from: string, spec: string) => (spec.startsWith('/') ? spec.slice(1) : path.posix.join(path.posix.dirname(from), spec));

/** The entry and every module it imports statically; dynamic imports are collected into `lazy`. */
function closure(root: string, entries: string[], lazy: Set<string> = new Set()): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(root, file), 'utf8');
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) if (spec!.endsWith('.js')) queue.push(resolve(file, spec!));
    for (const [, spec] of code.matchAll(DYNAMIC_IMPORT)) if (spec!.endsWith('.js')) lazy.add(resolve(file, spec!));
  }
  return seen;
}

function javascript(root: string, entries: string[]): { js: Size; lazyJs: Size; lazyEntries: string[] } {
  const lazyEntries = new Set<string>();
  const eager = closure(root, entries, lazyEntries);
  const lazy = [...closure(root, [...lazyEntries])].filter((file) => !eager.has(file));
  return { js: sizeOf(root, eager), lazyJs: sizeOf(root, lazy), lazyEntries: [...lazyEntries].sort() };
}

function htmlBundle(root: string, html: string, role: string): BundleSize {
  const text = readFileSync(path.join(root, html), 'utf8');
  const attribute = (pattern: RegExp) => [...text.matchAll(pattern)].map(([, value]) => resolve(html, value!));
  const scripts = attribute(/<script[^>]*\bsrc="([^"]+)"/g);
  const styles = attribute(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  return { name: html.replace(/\.html$/, ''), role, ...javascript(root, scripts), css: sizeOf(root, styles) };
}

const walk = (root: string): string[] => readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(path.join(root, file)).isFile());

export function measureSizes(root: string): SizeResult {
  const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));
  const roles = new Map<string, string>([
    [manifest.action?.default_popup, 'action.default_popup'],
    [manifest.options_ui?.page, 'options_ui.page'],
    ...Object.entries(manifest.chrome_url_overrides ?? {}).map(([what, page]) => [page as string, `chrome_url_overrides.${what}`] as [string, string]),
  ]);
  const bundles: BundleSize[] = [];
  const worker = manifest.background?.service_worker as string | undefined;
  if (worker) bundles.push({ name: 'background', role: 'background.service_worker', ...javascript(root, [worker]), css: EMPTY });
  for (const html of walk(root)
    .filter((file) => file.endsWith('.html'))
    .sort((a, b) => (roles.has(b) ? 1 : 0) - (roles.has(a) ? 1 : 0) || a.localeCompare(b))) {
    bundles.push(htmlBundle(root, html, roles.get(html) ?? 'extension page'));
  }
  for (const script of walk(root)
    .filter((file) => file.startsWith('content-scripts/') && file.endsWith('.js'))
    .sort()) {
    bundles.push({
      name: path.basename(script, '.js'),
      role: 'content script (injected with scripting.executeScript)',
      ...javascript(root, [script]),
      css: EMPTY,
    });
  }
  const all = walk(root);
  const total = sizeOf(root, all);
  return { bundles, total: { raw: total.raw, gzip: total.gzip, files: all.length } };
}
