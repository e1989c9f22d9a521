// One rule for every key a user names: a column (--by, --basis, --min, --max, --denominator), a report
// field (--fields, --sort) or a config key. Each is checked against what exists before any work is
// done, and refused (exit 2) naming the flag, what exists and the closest name ("did you mean …?").
// Names are compared as canonical strings in Sets and Maps: a key named `__proto__`, `constructor` or
// `toString` is an unknown name like any other, never a property of an object.
//
// Example: --by provnce on the bundled baseline →
//   error: --by provnce: the bundled baseline (data/baseline.csv) has no column "provnce"
//     hint: did you mean "province"? columns it has: province, segment, period, employed, …

import type { Basis, Bound } from '../core/allocation/spec.js';
import { clipValue } from '../core/clip.js';
import { aliasesOf, canonicalColumn } from '../core/columns.js';
import { closestName } from '../core/suggest.js';
import { hasKeys, hasMeasure, type Table } from '../core/table.js';
import { usage, type Text } from '../errors.js';

/** A column named by a flag: the flag, the value as given, its canonical column name. */
export interface NamedColumn {
  readonly flag: string;
  readonly given: string;
  readonly column: string;
}

/** Where the columns were looked for, in words: "the input (a.csv)", "the bundled baseline (…)". */
export interface Where {
  readonly en: string;
  readonly id: string;
  /** The bundled baseline: its keys are provinces and segments only. */
  readonly bundled?: boolean;
}

/** At most `max` names, each clipped, for a hint that stays one readable line. */
function nameList(names: readonly string[], max = 24): string {
  const shown = names.slice(0, max).map((n) => clipValue(n, 40));
  return names.length > max ? `${shown.join(', ')}, … (${names.length})` : shown.join(', ');
}

/**
 * Refuse one unknown name: `<flag> <given>: <what>` and a hint with the closest known name and the
 * known ones. `what` says what is missing, in both languages.
 */
export function unknownName(flag: string, given: string, what: { en: string; id: string }, known: readonly string[], knownWords: { en: string; id: string }, extra?: { en: string; id: string }, spellings: readonly string[] = known): never {
  const close = closestName(given, spellings);
  const list = nameList(known);
  const en: Text = {
    message: `${flag} ${clipValue(given)}: ${what.en}`,
    hint: `${close ? `did you mean "${close}"? ` : ''}${knownWords.en}: ${list || 'none'}${extra ? `; ${extra.en}` : ''}`,
  };
  const id: Text = {
    message: `${flag} ${clipValue(given)}: ${what.id}`,
    hint: `${close ? `maksudnya "${close}"? ` : ''}${knownWords.id}: ${list || 'tidak ada'}${extra ? `; ${extra.id}` : ''}`,
  };
  throw usage(en, id);
}

/** The columns tables have, by canonical name: keys and measures with a value, and the columns they left aside. */
export function tableColumns(tables: readonly Table[]): string[] {
  const out = new Set<string>();
  for (const t of tables) {
    t.dims.forEach((d, i) => {
      if (hasKeys(t, i)) out.add(d.name);
    });
    for (const m of t.measures) if (hasMeasure(t, m.name)) out.add(m.name);
    for (const s of t.sources) for (const c of s.ignoredColumns) out.add(canonicalColumn(c));
  }
  return [...out];
}

/**
 * File names for a message: at most `max`, each long one clipped at its start, so that the names of one
 * folder's files stay apart (`…/sulama-2024/2024-01.csv`, not the same 40 characters of the folder thrice).
 */
export function fileList(names: readonly string[], max = 3, width = 40): string {
  const shown = names.slice(0, max).map((n) => (n.length > width ? `…${n.slice(n.length - width + 1)}` : n));
  return names.length > max ? `${shown.join(', ')}, … (${names.length} files)` : shown.join(', ');
}

/** The words for tables read from these sources. */
export function whereOf(table: Table, bundled: boolean): Where {
  if (bundled) return { en: 'the bundled baseline (data/baseline.csv)', id: 'data dasar bawaan (data/baseline.csv)', bundled: true };
  const names = fileList(table.sources.map((s) => s.name));
  return { en: `the input (${names})`, id: `input (${names.replace(/ files\)$/, ' berkas)')})` };
}

const KEYS_OF_BUNDLED = {
  en: 'the bundled baseline has provinces and segments only: for regencies, sectors or branches bring a file of your own (jamsostek template writes one)',
  id: 'data dasar bawaan hanya memuat provinsi dan segmen: untuk kabupaten/kota, sektor atau cabang gunakan berkas sendiri (jamsostek template menuliskannya)',
};

/** The key columns of the bundled baseline (data/baseline.csv read with its segments and Kanwil). */
const BUNDLED_KEYS: readonly string[] = ['period', 'province', 'segment', 'kanwil'];

/**
 * Before the bundled baseline is read: --by names one of its key columns. Its notes and source columns
 * are text no one groups by (rv21 H13: --by notes gave 38 "the notes is empty" errors blamed on
 * data/baseline.csv, exit 3; --by source_employed made 38 units of source ids).
 */
export function requireBundledKeys(named: readonly NamedColumn[]): void {
  for (const n of named) {
    if (n.flag !== '--by' || BUNDLED_KEYS.includes(n.column)) continue;
    unknownName(
      n.flag,
      n.given,
      { en: `the bundled baseline (data/baseline.csv) has no key column "${clipValue(n.column)}"`, id: `data dasar bawaan (data/baseline.csv) tidak memiliki kolom kunci "${clipValue(n.column)}"` },
      BUNDLED_KEYS,
      { en: 'key columns it has', id: 'kolom kunci yang ada' },
      KEYS_OF_BUNDLED,
      BUNDLED_KEYS.flatMap((c) => [c, ...aliasesOf(c)]),
    );
  }
}

/** Refuse every named column the tables do not have (the first one found), before any work. */
export function requireColumns(named: readonly NamedColumn[], tables: readonly Table[], where: Where): void {
  const have = tableColumns(tables);
  const known = new Set(have);
  for (const n of named) {
    if (known.has(n.column)) continue;
    unknownName(
      n.flag,
      n.given,
      { en: `${where.en} has no column "${clipValue(n.column)}"`, id: `${where.id} tidak memiliki kolom "${clipValue(n.column)}"` },
      have,
      { en: 'columns it has', id: 'kolom yang ada' },
      where.bundled && n.flag === '--by' ? KEYS_OF_BUNDLED : coarserBy(n, named, known),
      // The closest of the names and their other spellings (bobt → bobot, the file's word for weight).
      have.flatMap((c) => [c, ...aliasesOf(c)]),
    );
  }
}

/** Areas from the finest: a --by area the data lack may be reported at a coarser one they have. */
const AREAS = ['regency', 'province', 'kanwil'] as const;

/**
 * A --by area column the data lack, where they have a coarser one (a file of Kanwil rows, reported by
 * province by default): the --by that reads them (fx52: the hint listed the columns only).
 */
function coarserBy(n: NamedColumn, named: readonly NamedColumn[], known: ReadonlySet<string>): { en: string; id: string } | undefined {
  const at = (AREAS as readonly string[]).indexOf(n.column);
  if (n.flag !== '--by' || at < 0) return undefined;
  const coarser = AREAS.slice(at + 1).find((c) => known.has(c));
  const others = named.filter((x) => x.flag === '--by' && x.column !== n.column);
  if (!coarser || others.some((x) => !known.has(x.column))) return undefined;
  const by = named.filter((x) => x.flag === '--by').map((x) => (x.column === n.column ? coarser : x.given)).join(',');
  return { en: `its areas are by ${coarser}: --by ${by}`, id: `wilayahnya per ${coarser}: --by ${by}` };
}

/** --by as named columns. */
export function byColumns(by: readonly string[] | undefined, grain: readonly string[]): NamedColumn[] {
  return grain.map((column, i) => ({ flag: '--by', given: by?.[i] ?? column, column }));
}

/** The columns a rule names: --basis, --min and --max when they name one. */
export function ruleNamedColumns(o: { basis?: Basis; min?: Bound; max?: Bound }): NamedColumn[] {
  const out: NamedColumn[] = [];
  if (o.basis?.kind === 'column') out.push({ flag: '--basis', given: o.basis.column, column: canonicalColumn(o.basis.column) });
  for (const [flag, b] of [['--min', o.min], ['--max', o.max]] as const) if (b?.kind === 'column') out.push({ flag, given: b.column, column: canonicalColumn(b.column) });
  return out;
}

/** --fields, before any work: every field must be a column some run of the command can have. */
export function checkFields(fields: readonly string[] | undefined, possible: readonly string[]): void {
  if (!fields) return;
  const known = new Set(possible);
  for (const f of fields) {
    if (known.has(f)) continue;
    unknownName('--fields', f, { en: 'no such column in this report', id: 'kolom itu tidak ada di laporan ini' }, possible, { en: 'fields', id: 'kolom yang tersedia' });
  }
}

/** --sort, before any work: a sort word, or a column of the report. */
export function checkSort(sort: string | undefined, words: readonly string[], columns: readonly string[]): void {
  if (sort === undefined) return;
  const known = [...new Set([...words, ...columns])];
  if (known.includes(sort)) return;
  unknownName('--sort', sort, { en: 'no such column', id: 'kolom itu tidak ada' }, known, { en: 'sort keys', id: 'kunci pengurutan' });
}
