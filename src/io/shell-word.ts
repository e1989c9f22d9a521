/**
 * A value as one word of a POSIX shell, for a hint the user pastes: as it is when nothing in it is special
 * to the shell, else in single quotes (a `'` inside written `'\''`).
 *
 * @example shellWord('sulama/*.csv') === "'sulama/*.csv'"; shellWord('office.csv') === 'office.csv'
 */
export function shellWord(s: string): string {
  return /^[\w./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
