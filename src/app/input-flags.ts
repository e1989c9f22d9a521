// The flags a run read its input with, as words of the command a hint names (fx58: the `validate …
// --expect` of breakdown's split-in-part warning left out `--number-locale id`, so the command as
// written refused the file it was meant to check, "cannot tell the number format").
import { shellWord } from '../io/shell-word.js';
import { flagName, type FlagKey, type INPUT_FLAGS, type Options } from '../options/flags.js';

/** How a file is read (not how many problems are listed, nor where a config file is). */
const READING = ['numberLocale', 'codeSystem', 'delimiter', 'encoding', 'sheet', 'headerRow', 'allowOverCoverage', 'denominator'] as const satisfies readonly FlagKey[];

/**
 * The reading flags given (on the command line or in the config file) as shell words, each with a space
 * before it; '' when none.
 *
 * @example inputFlagWords({ numberLocale: 'id', delimiter: '\t' }) === " --number-locale id --delimiter $'\\t'"
 */
export function inputFlagWords(o: Options<(typeof INPUT_FLAGS)[number] | 'denominator'>): string {
  let words = '';
  for (const key of READING) {
    const v = o[key];
    if (v === undefined || v === false) continue;
    words += ` ${flagName(key)}`;
    if (v !== true) words += ` ${key === 'delimiter' && v === '\t' ? "$'\\t'" : shellWord(String(v))}`;
  }
  return words;
}
