import { defineConfig } from 'vitest/config';

// The slow tests (test/scale/): million-row outputs, a 100,000-row workbook, a 129,528-row CSV file, a 1.2-million-row extract
// behind the progress bar, 70,000 distinct keys past the key caches, the packed tarball installed and
// type-checked, the reports opened in Chromium and LibreOffice, every flag of every command with odd values (1,770 runs), and the
// process-level suites (safety: signals, FIFOs, /dev/full, write-protected files; faults; scripting: a pseudo-terminal, the
// published entry points; bundled-data: -o over the package's own data files, on a copy of the package), which start a real node process for nearly every case (12 s of the quick suite's wall time). Not part of
// `npm test` (which stays under a minute); `npm run test:scale` runs them and .ci/run runs that too.
export default defineConfig({
  test: {
    include: ['test/scale/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // One file at a time: several files measure a child process's peak memory against 1.3 × its peak
    // at 100,000 rows, and a second heavy file on a 2-core machine starves V8's background collector,
    // which lets the heap grow (an xlsx output measured 1.37× beside another file, within 1.2× alone).
    fileParallelism: false,
    // One temporary folder for the run, removed at its end; dist/ built if a checkout has none.
    globalSetup: ['test/support/temp-root.ts', 'test/support/built.ts'],
    reporters: ['default', ['json', { outputFile: 'test/out/vitest-scale.json' }]],
  },
});
