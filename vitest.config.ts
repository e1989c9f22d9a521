import { defineConfig } from 'vitest/config';

// `npm test` runs everything but test/scale/ (million-row inputs and outputs, 100k-row workbooks):
// those run with `npm run test:scale` (vitest.scale.config.ts), which .ci/run runs too.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/scale/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One temporary folder for the run, removed at its end; dist/ built if a checkout has none.
    globalSetup: ['test/support/temp-root.ts', 'test/support/built.ts'],
    // The JSON report lets .ci/run print a plain 'N passed, N failed' line.
    reporters: ['default', ['json', { outputFile: 'test/out/vitest.json' }]],
  },
});
