// validate → one Report, whatever it found: a row per file read (status ok: its format, delimiter,
// number locale, encoding, rows, the columns it does not use), or a row per problem (status error,
// warning or note: the place, the message and the hint, in the run's language). One set of columns
// for both, so that --fields and the machine formats have one contract:
//
//   file, line, column, status, message, hint, format, sheet, delimiter, numbers, encoding, rows,
//   blank_lines, unused_columns
//
// Example (two problems, --format csv):
//   file,line,column,status,message,hint,…
//   peserta.csv,2,26,error,"field ""participants"": ""abc"" is not a number","write numbers as …",…
//   peserta.csv,4,,error,duplicate row for Maluku / 2024-06 (first at line 3),…

import type { SourceFacts } from '../core/table.js';
import { problemsFound, type Problem } from '../errors.js';
import { inputsMeta, notesInWords, plainNote, sourceNotes } from './common.js';
import type { Column, Lang, Report, Row, Value } from './model.js';
import { dimLabel, groupDigits } from './vocabulary.js';

const col = (key: string, en: string, id: string, kind: Column['kind'], priority?: number, wraps?: true): Column => ({ key, label: { en, id }, kind, ...(priority !== undefined ? { priority } : {}), ...(wraps ? { wraps } : {}) });

export const VALIDATION_COLUMNS: readonly Column[] = [
  col('file', 'file', 'berkas', 'text', 3),
  col('line', 'line', 'baris', 'int', 2),
  col('column', 'column', 'kolom', 'int', 2),
  col('status', 'status', 'status', 'text', 3),
  col('message', 'problem', 'masalah', 'text', 3),
  // The hint is what to do about a problem: kept as an answer that wraps, left out (with a warning)
  // only when even wrapped it does not fit (rv24 G13: it went first, at 80 and 120 columns).
  col('hint', 'hint', 'saran', 'text', 2.5, true),
  col('format', 'format', 'format', 'text', 2),
  col('sheet', 'sheet', 'lembar', 'text', 1),
  col('delimiter', 'delimiter', 'pemisah', 'text', 1),
  col('numbers', 'numbers', 'angka', 'text', 1),
  col('encoding', 'encoding', 'pengodean', 'text', 1),
  col('rows', 'rows', 'baris data', 'int', 3),
  col('blank_lines', 'blank lines', 'baris kosong', 'int', 1),
  col('unused_columns', 'columns not used', 'kolom tak dipakai', 'text', 1),
];

export interface ValidationFacts {
  readonly sources: readonly SourceFacts[];
  /** Per source, the measure columns it gives that the run does not use (a denominator not divided by). */
  readonly unusedMeasures?: readonly (readonly string[])[];
  /**
   * Files another flag names (--workforce), each a row like the inputs' with the columns the run does not
   * use (fx44: a --workforce file's second denominator was listed nowhere); not counted in the title.
   */
  readonly flagFiles?: { readonly sources: readonly SourceFacts[]; readonly unusedMeasures: readonly (readonly string[])[] };
  /** The files are extracts (rows added up per key). */
  readonly extract: boolean;
  readonly grain: readonly string[];
  /** Detail groups at the grain. */
  readonly groups: number;
  /** The periods of the input, sorted. */
  readonly periods: readonly string[];
}

const plural = (n: number, en: string, ens: string): string => `${groupDigits(n, 'en')} ${n === 1 ? en : ens}`;

/** Every file read, and what was read: the report of a valid input. */
export function validationReport(v: ValidationFacts): Report {
  const fileRow = (s: SourceFacts, measures: readonly string[] | undefined): Row => {
    const unused = [...s.ignoredColumns, ...(measures ?? [])];
    return {
      values: {
        file: s.name,
        status: 'ok',
        format: s.format,
        sheet: s.sheet ?? null,
        delimiter: s.delimiter === undefined ? null : s.delimiter === '\t' ? 'TAB' : s.delimiter,
        numbers: s.numberLocale,
        encoding: s.encoding,
        rows: s.rows,
        blank_lines: s.blankLines,
        unused_columns: unused.length ? unused.join(', ') : null,
      },
    };
  };
  const rows: Row[] = v.sources.map((s, i) => fileRow(s, v.unusedMeasures?.[i]));
  // Files of other flags (--workforce): their rows, by path as the inputs' (the run's notes say their role).
  for (const [i, s] of (v.flagFiles?.sources ?? []).entries()) rows.push(fileRow(s, v.flagFiles!.unusedMeasures[i]));
  const rowsRead = v.sources.reduce((a, s) => a + s.rows, 0);
  const grainEn = v.grain.map((g) => dimLabel(g).en).join(' × ');
  const grainId = v.grain.map((g) => dimLabel(g).id).join(' × ');
  const first = v.periods[0];
  const last = v.periods[v.periods.length - 1];
  const periods = (lang: Lang): string =>
    first === undefined ? (lang === 'en' ? 'no period column' : 'tanpa kolom periode') : `${lang === 'en' ? 'periods' : 'periode'} ${first}${v.periods.length > 1 ? `…${last} (${v.periods.length})` : ''}`;
  const n = v.sources.length;
  const notes = [
    ...(v.extract ? [plainNote({ en: 'the files are extracts: their rows are added up per key', id: 'berkas-berkas itu ekstrak: barisnya dijumlahkan per kunci' })] : []),
    ...v.sources.filter((s) => s.headerRow !== undefined && s.sheet !== undefined).map((s) => plainNote({ en: `${s.name}: header on row ${s.headerRow} of sheet ${s.sheet}`, id: `${s.name}: judul kolom di baris ${s.headerRow} lembar ${s.sheet}` })),
    ...notesInWords(sourceNotes(v.sources)),
  ];
  return {
    kind: 'validation',
    title: {
      en: `Valid: ${plural(n, 'file', 'files')}, ${plural(rowsRead, 'row', 'rows')}, ${groupDigits(v.groups, 'en')} ${grainEn} group${v.groups === 1 ? '' : 's'}, ${periods('en')}`,
      id: `Sah: ${groupDigits(n, 'id')} berkas, ${groupDigits(rowsRead, 'id')} baris, ${groupDigits(v.groups, 'id')} kelompok ${grainId}, ${periods('id')}`,
    },
    columns: VALIDATION_COLUMNS,
    rows,
    ...(n > 1 ? { totals: { file: 'Total', rows: rowsRead, blank_lines: v.sources.reduce((a, s) => a + s.blankLines, 0) } } : {}),
    humanColumns: ['file', 'status', 'format', 'sheet', 'delimiter', 'numbers', 'encoding', 'rows', 'blank_lines', 'unused_columns'],
    meta: { command: 'validate', valid: true, problems: 0, by: v.grain, groups: v.groups, rowsRead, periods: v.periods, extract: v.extract, inputs: inputsMeta(v.sources), notes },
    notes,
  };
}

/** The problems found, in `lang`: the report of an input that does not pass. */
export function problemsReport(problems: readonly Problem[], lang: Lang): Report {
  const rows: Row[] = problems.map((p) => {
    const text = lang === 'id' ? p.id : p;
    const values: Record<string, Value> = {
      file: p.file ?? null,
      line: p.line ?? null,
      column: p.column ?? null,
      status: p.severity ?? 'error',
      message: text.message,
      hint: text.hint ?? null,
    };
    return { values };
  });
  // The problems found, those past --max-errors included: "60 problems (50 listed)".
  const { count, listed } = problemsFound(problems);
  const files = new Set(problems.flatMap((p) => (p.file !== undefined && p.severity !== 'note' ? [p.file] : []))).size;
  const inFiles = (lang: Lang): string => (files > 1 ? (lang === 'en' ? ` in ${files} files` : ` di ${files} berkas`) : '');
  const shown = (lang: Lang): string => (listed < count ? (lang === 'en' ? ` (${groupDigits(listed, 'en')} listed)` : ` (${groupDigits(listed, 'id')} dicantumkan)`) : '');
  return {
    kind: 'validation',
    title: { en: `${plural(count, 'problem', 'problems')}${shown('en')}${inFiles('en')}`, id: `${groupDigits(count, 'id')} masalah${shown('id')}${inFiles('id')}` },
    columns: VALIDATION_COLUMNS,
    rows,
    humanColumns: ['file', 'line', 'column', 'status', 'message', 'hint'],
    meta: { command: 'validate', valid: false, problems: count, listed, lang },
  };
}
