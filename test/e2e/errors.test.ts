// One fixture per kind of bad input: the exact messages and the exit code, by spawning the built CLI.
import { describe, it } from 'vitest';
import { expectGolden, run } from './helpers.js';

const cases: [string, string[]][] = [
  ['missing-file', ['validate', 'test/fixtures/bad/no-such-file.csv']],
  ['empty-file', ['validate', 'test/fixtures/bad/empty.csv']],
  ['header-only', ['validate', 'test/fixtures/bad/header-only.csv']],
  ['invalid-utf8', ['validate', 'test/fixtures/bad/latin1.csv']],
  ['ragged-rows', ['validate', 'test/fixtures/bad/ragged.csv']],
  ['unclosed-quote', ['validate', 'test/fixtures/bad/unclosed-quote.csv']],
  ['stray-quote', ['validate', 'test/fixtures/bad/stray-quote.csv']],
  ['duplicate-column', ['validate', 'test/fixtures/bad/duplicate-column.csv']],
  ['missing-column', ['validate', 'test/fixtures/bad/missing-column.csv']],
  ['not-a-number', ['validate', 'test/fixtures/bad/not-a-number.csv']],
  ['negative-count', ['validate', 'test/fixtures/bad/negative.csv']],
  ['blank-count', ['validate', 'test/fixtures/bad/blank-count.csv']],
  ['over-coverage', ['validate', 'test/fixtures/bad/over-coverage.csv']],
  ['duplicate-key', ['validate', 'test/fixtures/bad/duplicate-key.csv']],
  ['duplicate-key-across-files', ['coverage', 'test/fixtures/bad/dup-across-a.csv', 'test/fixtures/bad/dup-across-b.csv', '-f', 'csv']],
  ['unknown-province', ['validate', 'test/fixtures/bad/unknown-province.csv']],
  ['control-character', ['validate', 'test/fixtures/bad/control-char.csv']],
  ['json-syntax', ['validate', 'test/fixtures/bad/syntax.json']],
  ['papua-code-clash', ['validate', 'test/fixtures/bad/papua-code.csv']],
  ['code-name-mismatch', ['validate', 'test/fixtures/bad/code-name-mismatch.csv']],
  ['counts-decide-the-locale', ['validate', 'test/fixtures/good/indonesian-counts.csv']],
  ['ambiguous-decimals', ['breakdown', '--target', '600000', '--input', 'test/fixtures/bad/ambiguous-decimals.csv', '--basis', 'bobot', '-f', 'csv']],
  ['mixed-number-locale', ['validate', 'test/fixtures/bad/mixed-locale.csv']],
  ['bad-period', ['validate', 'test/fixtures/bad/bad-period.csv']],
  ['unknown-segment', ['validate', 'test/fixtures/bad/unknown-segment.csv']],
  ['target-below-today', ['breakdown', '--target', '40000000', '-f', 'csv']],
  ['unknown-flag', ['breakdown', '--year', '2024', '--frobnicate']],
  ['bad-option-value', ['breakdown', '--year', '2024', '--method', 'borda']],
  ['xlsx-needs-output', ['breakdown', '--year', '2024', '-f', 'xlsx']],
  ['unknown-year', ['breakdown', '--year', '2030']],
];

describe('bad input: exact messages and exit codes', () => {
  it.each(cases)('%s', async (name, args) => {
    expectGolden(`errors/${name}`, args, await run(args));
  });
});

describe('fixes suggested in hints work', () => {
  it.each([
    ['papua-code-fixed', ['validate', 'test/fixtures/bad/papua-code.csv', '--code-system', 'bps']],
    ['latin1-fixed', ['validate', 'test/fixtures/bad/latin1.csv', '--encoding', 'windows-1252']],
    ['ambiguous-decimals-fixed', ['breakdown', '--target', '600000', '--input', 'test/fixtures/bad/ambiguous-decimals.csv', '--basis', 'bobot', '--number-locale', 'id', '-f', 'csv']],
    ['over-coverage-allowed', ['validate', 'test/fixtures/bad/over-coverage.csv', '--allow-over-coverage']],
  ] as [string, string[]][])('%s', async (name, args) => {
    expectGolden(`errors/${name}`, args, await run(args));
  });
});
