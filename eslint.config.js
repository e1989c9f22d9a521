import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './scripts/eslint-layers.js';

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
    // The type check (tsconfig.json: noUnusedLocals, noUnusedParameters, over src, test and bench) already
    // refuses an unused local, import or parameter in these files; the same rule here was the lint's
    // costliest (about a third of its rule time). It stays on for the JavaScript files, which tsc does
    // not read. (What tsc leaves alone: an unused `catch (e)` binding; write `catch {`.)
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // The core is pure: plain data in, plain data out. No I/O, no clock, no process, no libraries; and
    // nothing from outside src/core (the layers rule below).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/core is pure: no Node APIs.' },
            { group: ['commander', 'chalk', 'cli-table3', 'csv-*', 'zod', 'write-excel-file', 'read-excel-file', 'fflate', 'jsonc-parser', 'tinyglobby'], message: 'src/core is pure: no libraries.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'console', 'Date', 'setTimeout', 'fetch'],
    },
  },
  // The dependency rule (docs/architecture.md): cli → commands → app → {options, io, core, report, render};
  // options → core; io → core; report → core; render → report; core → nothing; no command imports
  // another. Checked on the resolved path of every relative import, in every subfolder
  // (scripts/eslint-layers.js; test/lint/layers.test.ts).
  {
    files: ['src/**/*.ts'],
    plugins: { jamsostek: layers },
    rules: { 'jamsostek/layers': 'error' },
  },
  {
    // A spread argument puts every element of the array on the call stack: past about 120,000 elements
    // (a data-sized array) `push(...rows)` or `Math.max(...values)` throws "RangeError: Maximum call
    // stack size exceeded" and the run ends with exit 70. Loop, or reduce, instead.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression > SpreadElement', message: 'No spread arguments in src/: past ~120,000 elements they overflow the call stack (RangeError, exit 70). Loop or reduce instead.' },
        { selector: 'NewExpression > SpreadElement', message: 'No spread arguments in src/: past ~120,000 elements they overflow the call stack (RangeError, exit 70). Loop or reduce instead.' },
      ],
    },
  },
  {
    // Numbers for output are rounded in one place, src/report/rounding.ts: toFixed and toPrecision round
    // the binary value, so exact decimal halves went down or up at random (0.035 % showed 0.03 %).
    // (The spread rule is repeated: a later block's options replace an earlier one's.)
    files: ['src/report/**/*.ts', 'src/render/**/*.ts', 'src/app/threshold.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression > SpreadElement', message: 'No spread arguments in src/: past ~120,000 elements they overflow the call stack (RangeError, exit 70). Loop or reduce instead.' },
        { selector: 'NewExpression > SpreadElement', message: 'No spread arguments in src/: past ~120,000 elements they overflow the call stack (RangeError, exit 70). Loop or reduce instead.' },
        { selector: "CallExpression[callee.property.name=/^to(Fixed|Precision)$/]", message: 'Round numbers for output with src/report/rounding.ts (roundHalfUp, roundRatio, roundSignificant): toFixed/toPrecision round the binary value, not the decimal a reader sees (0.035 → 0.03).' },
      ],
    },
  },
);
