#!/usr/bin/env node
// gatewhy-explain: explains gateway errors in raw responses, HAR files and live URLs. Source: cli/explain.ts.
//
// Two ways to run, chosen by what sits beside this file:
// - In a clone (cli/ is here), the TypeScript sources run through tsx, a dev dependency that `npm install` or
//   `npm ci` brings. So `npx gatewhy-explain` works with no build step, and never runs a bundle older than the code:
//   a bundle built by a `prepare` script would go stale after the next `git pull` or edit.
// - In the published package (no sources; see "files" in package.json), the bundle `prepack` builds, dist/cli.mjs,
//   which holds every dependency and so needs nothing installed.
import { existsSync } from 'node:fs';

const sources = new URL('../cli/explain.ts', import.meta.url);
const bundle = new URL('../dist/cli.mjs', import.meta.url);

async function load() {
  if (!existsSync(sources)) return import(bundle.href);
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    // A clone installed without dev dependencies: the bundle, if one was built.
    if (existsSync(bundle)) return import(bundle.href);
    console.error('✗ gatewhy-explain runs from its TypeScript sources here and needs tsx: run `npm install` first.');
    process.exit(2);
  }
  return tsx.tsImport(sources.href, import.meta.url);
}

const { main } = await load();
await main();
