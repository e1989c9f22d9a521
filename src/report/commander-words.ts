// Commander's own messages (an unknown option or command, a missing value, "Did you mean…") in the
// language of the run: commander writes them in English only. Matched by their text (commander 14); a
// message no rule matches stays English. The keyword `error:` stays English in both languages (STYLE.md).

import type { Lang } from './model.js';

const ID_RULES: readonly (readonly [RegExp, string])[] = [
  [/^error: unknown option '([^']*)'/m, "error: opsi '$1' tidak dikenal"],
  [/^error: unknown command '([^']*)'/m, "error: perintah '$1' tidak dikenal"],
  [/^error: option '([^']*)' argument missing/m, "error: opsi '$1' memerlukan nilai"],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./m, "error: nilai '$2' untuk opsi '$1' tidak sah."],
  [/^error: missing required argument '([^']*)'/m, "error: argumen '$1' wajib diberikan"],
  [/^error: required option '([^']*)' not specified/m, "error: opsi '$1' wajib diberikan"],
  [/^error: too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./m, "error: terlalu banyak argumen untuk '$1': diharapkan $2, diberikan $3."],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./m, 'error: terlalu banyak argumen: diharapkan $1, diberikan $2.'],
  [/^error: (.*) cannot be used with (.*)$/m, 'error: $1 tidak dapat dipakai bersama $2'],
  [/\(Did you mean one of ([^?]*)\?\)/, '(Maksud Anda salah satu dari $1?)'],
  [/\(Did you mean ([^?]*)\?\)/, '(Maksud Anda $1?)'],
];

/** A message of commander's in `lang`. */
export function commanderText(text: string, lang: Lang): string {
  if (lang !== 'id') return text;
  let out = text;
  for (const [re, to] of ID_RULES) out = out.replace(re, to);
  return out
    .replace(/\boption '/g, "opsi '")
    .replace(/\benvironment variable '/g, "variabel lingkungan '");
}

/** What commander adds after a usage error. */
export function helpAfterError(lang: Lang): string {
  return lang === 'id' ? '(jalankan dengan --help untuk cara pakai)' : '(run with --help for usage)';
}
