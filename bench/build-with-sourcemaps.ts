// Builds the Chrome extension once more, with source maps, into the folder given as the only argument: bench/size.ts
// reads them to say which source files make background.js as big as it is. The build itself is unchanged.
import { build } from 'wxt';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: tsx bench/build-with-sourcemaps.ts OUT_DIR');
await build({ outDir, vite: () => ({ build: { sourcemap: true } }) });
