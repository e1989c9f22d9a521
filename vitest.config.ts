import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// `npm test` runs everything but test/scale/: the tests that need millions of rows, a 100,000-row
// workbook, a packed tarball, a real Chromium or LibreOffice, or a sweep of every flag with odd values,
// and take many seconds each. Those run with `npm run test:scale` (vitest.scale.config.ts), which
// .ci/run runs too.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/scale/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Worker threads, not processes: about 5 CPU-s less for the suite (npm test from a cold clean clone
    // on the 2-core machine: 57.7 s wall and 110.7 CPU-s, against 60.2 s and 116.8 on forks), every
    // test passing on both. No test changes the working folder (not allowed in a worker thread).
    pool: 'threads',
    // One worker per core (vitest's default leaves one core idle: a single worker on a 2-core machine,
    // while many tests wait on the processes they spawn).
    maxWorkers: availableParallelism(),
    // Test files share their worker's module cache instead of a fresh process each: 20 % less CPU for
    // the suite (55 s against 69 s, measured on the 2-core machine). No test changes what another
    // sees: none mocks a module, changes the working folder or leaves process listeners; environment
    // changes go through vi.stubEnv and are undone (unstubEnvs: after every test, whatever it did).
    isolate: false,
    unstubEnvs: true,
    // One temporary folder for the run, removed at its end; dist/ built if a checkout has none.
    globalSetup: ['test/support/temp-root.ts', 'test/support/built.ts'],
    // The JSON report lets .ci/run print a plain 'N passed, N failed' line.
    reporters: ['default', ['json', { outputFile: 'test/out/vitest.json' }]],
  },
});
