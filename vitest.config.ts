// Two test projects: fast unit tests under WXT's fake browser, and the slow ones: end-to-end tests in real browsers,
// and release checks that build the extension again (test/release/).
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'test/release/**'],
          environment: 'node',
          // tldts's ES modules, compiled by Vite (test/utils/suffix-list.test.ts runs its own lookup on tldts-core).
          server: { deps: { inline: ['tldts'] } },
          // The CLI tests start real processes (tsx compiles on start), which a busy machine makes slow, not wrong.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts', 'test/release/**/*.test.ts'],
          // One browser at a time: the machines here have two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
