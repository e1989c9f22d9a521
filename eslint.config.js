import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/out/', 'test/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly', setTimeout: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The core is pure: plain data in, plain data out. No I/O, no clock, no process, no libraries.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/core is pure: no Node APIs.' },
            { group: ['commander', 'chalk', 'cli-table3', 'csv-*', 'zod', 'write-excel-file'], message: 'src/core is pure: no libraries.' },
            { group: ['../io/*', '../render/*', '../commands/*', '../cli*'], message: 'src/core depends on nothing.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'console', 'Date', 'setTimeout', 'fetch'],
    },
  },
);
