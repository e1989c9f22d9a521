import { defineConfig } from 'vitest/config';

// The scale tests: million-row inputs and outputs and large workbooks. Not part of `npm test` (which
// stays under a minute); `npm run test:scale` runs them and .ci/run runs that too.
export default defineConfig({
  test: {
    include: ['test/scale/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // One temporary folder for the run, removed at its end; dist/ built if a checkout has none.
    globalSetup: ['test/support/temp-root.ts', 'test/support/built.ts'],
    reporters: ['default', ['json', { outputFile: 'test/out/vitest-scale.json' }]],
  },
});
