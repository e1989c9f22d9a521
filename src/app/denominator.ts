// The denominator a coverage run divides by when --denominator does not name one, and what is said of
// it: the first of DENOMINATORS (workforce, employed, potential_workers) that every file of the month
// reported gives, else a refusal naming each file's columns (rv29 S2); the others in a note, for the
// input's columns and for --workforce's (rv28 R22, rv29 S6).

import type { Note } from '../core/facts.js';
import { atPeriod, dimIndex, hasMeasure, measureIndex, type Table } from '../core/table.js';
import { InputError, say } from '../errors.js';
import { DENOMINATORS } from '../core/domain.js';

/**
 * The input's own denominator, none being named: the first of DENOMINATORS that every file with rows of
 * the month reported (`period`; every file when undated) gives. Taken over the whole input, as before,
 * the files of two months whose columns differ (June's potential_workers, May's employed) were divided by
 * employed, which June's rows lack: no coverage at all (rv29 S2). The month reported decides, as with
 * --previous; its files without a column in common are refused, each named with its columns.
 * `within`: the files that decided, when the choice is not simply the first column the input has.
 */
export function inputDenominator(table: Table, period: string | undefined): { readonly measure?: string; readonly within?: { readonly period: string | null; readonly files: readonly string[] } } {
  const present = DENOMINATORS.filter((m) => hasMeasure(table, m));
  if (present.length <= 1 || table.sources.length <= 1) return present.length ? { measure: present[0] } : {};
  const when = period !== undefined && dimIndex(table, 'period') >= 0 ? period : null;
  const month = when !== null ? atPeriod(table, when) : table;
  const idx = present.map((m) => [m, measureIndex(month, m)] as const);
  const gives = table.sources.map(() => new Set<string>());
  for (const r of month.rows) {
    for (const [m, i] of idx) if (r.values[i] !== null && r.values[i] !== undefined) gives[r.src]!.add(m);
  }
  const giving = gives.flatMap((g, i) => (g.size ? [{ file: table.sources[i]!.name, has: DENOMINATORS.filter((m) => g.has(m)) }] : []));
  if (!giving.length) return { measure: present[0] };
  const common = present.find((m) => giving.every((f) => f.has.includes(m)));
  if (common === present[0]) return { measure: common };
  if (common !== undefined) return { measure: common, within: { period: when, files: giving.map((f) => f.file) } };
  const each = giving.map((f) => `${f.file} ${f.has.join(' and ')}`).join('; ');
  const eachId = giving.map((f) => `${f.file} ${f.has.join(' dan ')}`).join('; ');
  const of = when ? { en: `the files of ${when}, the month reported,`, id: `berkas bulan ${when}, bulan yang dilaporkan,` } : { en: 'the files', id: 'berkas-berkas' };
  const flags = present.map((m) => `--denominator ${m}`);
  throw new InputError(
    say(
      { message: `${of.en} give no denominator column in common (${each}): coverage would be on one file's column and leave the others' rows without any`, hint: `give every file the same denominator column, or name the one to report on with ${flags.join(' or ')} (rows without it then have no coverage)` },
      { message: `${of.id} tidak memiliki kolom penyebut yang sama (${eachId}): cakupan akan dihitung atas kolom satu berkas dan baris berkas lain tanpa cakupan`, hint: `beri setiap berkas kolom penyebut yang sama, atau sebutkan yang dilaporkan dengan ${flags.join(' atau ')} (baris tanpa kolom itu lalu tanpa cakupan)` },
    ),
  );
}

/**
 * The note of a denominator taken by default where the figures have another (rv28 R22): the input's
 * columns, or --workforce's (`source`, rv29 S6: a workforce file with employed and potential_workers was
 * divided by employed without a word).
 */
export function defaultDenominatorNote(wanted: string | undefined, denominator: string | undefined, figures: Table | undefined, extra: { readonly source?: string; readonly within?: { readonly period: string | null; readonly files: readonly string[] } } = {}): Note[] {
  if (wanted !== undefined || denominator === undefined || !figures || !hasMeasure(figures, denominator)) return [];
  const unused = DENOMINATORS.filter((m) => m !== denominator && hasMeasure(figures, m));
  if (!unused.length) return [];
  return [{ code: 'denominator-default', measure: denominator, unused, ...(extra.source !== undefined ? { source: extra.source } : {}), ...(extra.within ? { within: extra.within } : {}) }];
}
