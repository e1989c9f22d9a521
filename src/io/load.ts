// The one door for data: every file the tool reads (regional files, extracts, --targets, --workforce,
// margin and profile files, --previous, the bundled baseline) becomes a Table here.
//
//   path → bytes (opened once, hashed on the way) → format (readers/: by name, else by content) → its
//   reader → TypedRows (every check, role by role) → the load's groups (fold.ts): rows are added up by
//   their keys as they are read, so memory follows the distinct keys, never the rows.
//
// Large CSV extracts take the byte-level engine instead (fast-extract.ts), which answers the same groups
// or nothing (then the general path reads the file).
//
// Rules that span files: the same content twice (same sha256) is refused; extracts and regional files
// are not mixed in one load; in a 'refuse' load no two rows overlap (their keys agree wherever both have
// one), and in an extract no participant is in two rows of one month — in one file or in two. Those two
// checks keep a compact hash per row or id (key-sets.ts, id-ledger.ts); what they find is confirmed on
// the rows themselves, read a second time (confirm.ts), and refused naming both places.

import type { Note } from '../core/facts.js';
import { dimIndex, measureIndex, StoredTable, type MeasureKind, type SourceFacts, type Table } from '../core/table.js';
import type { RowColumns } from '../core/row-columns.js';
import { InputError, ProblemList, say, type Problem } from '../errors.js';
import type { OwnHeader } from './csv-rows.js';
import type { CodeSystem } from './areas.js';
import { canonicalColumn, isIdColumn, isKnownColumn, normaliseHeader, roleOf, type ColumnWants } from '../core/columns.js';
import { provinceRegistry } from './areas.js';
import { xlsxCellName } from '../core/cell-name.js';
import { KeyDomains } from './key-domains.js';
import type { NumberLocale } from '../core/numbers.js';
import type { RowSink } from './row-sink.js';
import { openInput } from './open-input.js';
import { resolve as resolvePath } from 'node:path';
import type { Io } from './terminal.js';
import type { Encoding } from './row-sink.js';
import { TableShape, TypedRows, type ZeroParticipants } from './typed-rows.js';
import { LoadFold, type FileFold } from './fold.js';
import { IdLedger } from './id-ledger.js';
import { formatOf, READERS, readerOf, type ReadOptions } from './readers/index.js';
import { ByteTap } from './byte-tap.js';
import { CountRows } from './count-rows.js';
import { inputProblem, type ExtractKind } from './words.js';
import { IdSet } from './extract/tables.js';
import { checkTotals, jsonTotalRow, jsonTotalTarget, type CheckedTotal } from './totals.js';
import { confirmSuspects, type Rereadable } from './confirm.js';
import { parquetPlace } from './places.js';
import { registerOverflowRows } from './overflow-row.js';
import { zeroAreaRows } from './zero-areas.js';
import { fillKanwil, kanwilFilledNotes } from './kanwil-fill.js';

export const STDIN = '-';

/** After this many rows of a regular file, the checks' tables are sized for the rows the file will have. */
const EARLY_ROWS = 4096;

/** Below this size the general path reads an extract about as fast, and is simpler to reason about. */
export const FAST_EXTRACT_BYTES = 4 * 1024 * 1024;

/** What a command reads from its files. */
export interface LoadSchema {
  /** What the files are, in messages ("--targets"); empty for the main inputs. */
  readonly role?: string;
  /** Columns named by the command as keys (--by), any spelling. */
  readonly dims?: readonly string[];
  /** The measures read, by canonical name and kind. Known count columns not listed are ignored. */
  readonly measures: ReadonlyMap<string, MeasureKind>;
  /** Columns the files must have; `regional` ones are not required of extracts (a row counts one). */
  readonly required?: readonly { column: string; why: string; whyId: string; regional?: boolean }[];
  /** refuse: rows must not overlap (regional files); sum: extracts; auto: sum when a file has an id column. */
  readonly rule: 'refuse' | 'sum' | 'auto';
  readonly segmentParts?: boolean;
  readonly percents?: boolean;
  readonly periodKind?: 'period' | 'month';
  /** Add each province's regional office as a key (for --by kanwil). */
  readonly deriveKanwil?: boolean;
  /** Dimensions whose empty cell means "not split by it" (a targets file's `year` and `from`). */
  readonly optionalDims?: readonly string[];
  /**
   * Dimensions whose empty cell means "not split by it", as if the file had no such column: the baseline
   * `period` of a targets file that `breakdown` wrote from an input without a month. A file that gives it
   * on some rows and not on others has rows that overlap, which the load refuses.
   */
  readonly blankDims?: readonly string[];
  /** What a column named `denominator` (the tool's own reports') is read as; absent: it is ignored. */
  readonly denominator?: ColumnWants['denominator'];
  /**
   * --period, the month of rows without one, when given; false for a command without --period
   * (breakdown). A month written above a sheet's header is not it, and the note says what is (rv23 F2).
   */
  readonly period?: string | false | undefined;
  /** The denominators the run divides by, when named, and the columns its rule reads (ColumnWants). */
  readonly divides?: ColumnWants['divides'];
  readonly uses?: ColumnWants['uses'];
}

/**
 * What the note of rows above a sheet's header says of a month (or, for --targets, a year) written there,
 * none of which is read: by the file's flag and the run (rv23 F2, rv27 F6). The main input's month is its
 * period column's, --period's, or to be given; a --workforce file's figures without a period column stand
 * for any month; a --targets file's year is its year column's, else --year's or the input's month's.
 */
function titleMonthSaid(n: Extract<Note, { code: 'rows-above-header' }>, schema: LoadSchema, yearColumn: boolean, periodColumn: boolean): Note {
  const { year: _year, ...said } = n;
  // A period column gives each row its month, whatever a title says (the readers do not all know it).
  const rest = said.period === 'none' && periodColumn ? { ...said, period: 'column' as const } : said;
  if (schema.role === '--targets') return n.period !== undefined || n.year ? { ...rest, period: yearColumn ? 'targets-column' : 'targets' } : rest;
  if (n.period !== 'none') return rest;
  if (schema.role === '--workforce') return { ...rest, period: 'workforce' };
  if (schema.role !== undefined) return { ...rest, period: 'unread' };
  return schema.period === undefined ? rest : { ...rest, period: schema.period === false ? 'add-column' : 'flag' };
}

export interface LoadOptions {
  readonly numberLocale?: NumberLocale | 'auto';
  readonly codeSystem?: CodeSystem;
  readonly delimiter?: string;
  readonly encoding?: Encoding;
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly maxErrors: number;
  readonly allowOverCoverage: boolean;
  /** How sources are shown in messages (the bundled files as data/…). */
  readonly displayName?: (path: string) => string;
  /** Standard input (for `-`), injectable for tests. */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
  readonly cwd?: string;
  readonly onProgress?: (bytes: number, total: number | undefined) => void;
  /** The fast path for large CSV extracts: by size (default), always (tests), never. */
  readonly fastExtract?: 'auto' | 'always' | 'never';
  /**
   * Told, when no code system is given, of each province code read in its BPS meaning (a name settled
   * it, or the code is BPS's only): `code` as read, `key` the province's Kemendagri code, which a Table
   * and a report use; `dim` 'regency' for a regency/city code (key: the regency's Kemendagri code).
   */
  readonly onBpsCode?: (code: string, key: string, dim?: 'regency') => void;
  /** Told the facts of every file read (format, delimiter…): a run checks its input flags against them. */
  readonly onSource?: (facts: SourceFacts) => void;
  /** Told, for each file the fast path was tried on, whether it took it (tests, diagnostics). */
  readonly onRoute?: (file: string, route: 'fast' | 'general') => void;
}

export interface LoadedTable extends Table {
  /** How rows were judged: refuse (regional) or sum (extract). */
  readonly rule: 'refuse' | 'sum';
}

interface Opened {
  readonly name: string;
  /** The absolute path of a regular file (the extract fast path reads it again, in byte ranges). */
  readonly file?: string;
  readonly size?: number;
  readonly chunks: AsyncIterator<Buffer>;
  close(): void;
  reuseBuffers(): void;
}

async function open(path: string, options: LoadOptions): Promise<Opened> {
  const o = await openInput(path, { cwd: options.cwd ?? process.cwd(), stdin: options.stdin as Io['stdin'] });
  const name = path === STDIN ? o.name : (options.displayName?.(path) ?? o.name);
  const file = o.kind === 'file' && path !== STDIN ? resolvePath(options.cwd ?? process.cwd(), path) : undefined;
  return { name, file, size: o.size, chunks: o.stream[Symbol.asyncIterator](), close: () => o.close(), reuseBuffers: () => o.reuseBuffers() };
}

/** Everything one load shares across its files. */
interface Load {
  readonly schema: LoadSchema;
  readonly options: LoadOptions;
  readonly wants: ColumnWants;
  readonly shape: TableShape;
  readonly domains: KeyDomains;
  readonly problems: ProblemList;
  readonly fold: LoadFold;
  readonly ids: IdLedger;
  /** Province or Kanwil rows refused for 0 participants (TypedRows), worded again with the month before. */
  readonly zeroParticipants: ZeroParticipants[];
  /** Counts files' and employer extracts' rows (count-rows.ts): a key twice in a file, the same row in two files. */
  readonly countRows: CountRows;
  /** How many sources the load reads. */
  readonly count: number;
  /**
   * Files given by another flag (the load's role) read under --header-row/--delimiter given for the
   * data files, their first line not a header the load can use: a problem in one says so (rv25 F14).
   */
  readonly underFlags: Map<string, string>;
  /** Sources whose codes are read in a code system of their own (fileCodes), by index: read again by it too. */
  readonly fileDomains: Map<number, KeyDomains>;
}

type Loaded = SourceFacts & {
  rule: 'refuse' | 'sum';
  /** What the file's rows are (TypedRows.kind): files of two kinds are not read in one load. */
  kind: 'regional' | ExtractKind;
  reread: Rereadable;
  /** The forms the file's participant ids are written in (extract/tables.ts ID_NUMBER…), and their column. */
  idForms?: { readonly bits: number; readonly column: string };
  /** TypedRows.spareGaps: what a denominator column the file's load took as spare would be refused for. */
  spareGaps?: TypedRows['spareGaps'];
};

/** Per source of a load, TypedRows.spareGaps (kept off SourceFacts: the core does not word problems). */
const SPARE_GAPS = new WeakMap<SourceFacts, TypedRows['spareGaps']>();

/**
 * The problems of `table`'s files in denominator column `measure` that the load let through as a column
 * the run may not divide by (a blank, a 0 on an area's own row, participants above a 0): once the run's
 * denominator is known to be `measure`, they are refused at their cells (app/read.ts; rv29 S1).
 */
export function spareGapsOf(table: Table, measure: string): Problem[] {
  const out: Problem[] = [];
  for (const s of table.sources) for (const g of SPARE_GAPS.get(s) ?? []) if (g.measure === measure) out.push(g.problem);
  return out;
}

/**
 * The reader's options. --sheet and --header-row apply to every file of the run (rv13 F6). A data
 * workbook (the inputs, --previous, breakdown's --input) without --sheet's sheet is refused; a workbook
 * given by another flag (--targets, --workforce, --expect, margins…: the load's `role`) without it is read
 * by its own rule, its first visible sheet, and a note names the sheet read, so that a data workbook
 * whose sheet must be named runs with a breakdown's xlsx as targets (rv10 F3) and a targets workbook's
 * sheet can be chosen. A --sheet that no workbook of the run has is refused as a flag with no effect
 * (app/inert.ts).
 */
const readOptions = (schema: LoadSchema, o: LoadOptions, own?: OwnHeader): ReadOptions => ({
  delimiter: o.delimiter,
  encoding: o.encoding,
  sheet: o.sheet,
  headerRow: o.headerRow,
  ...(schema.role !== undefined && o.sheet !== undefined ? { sheetIfThere: true } : {}),
  ...(schema.role === undefined ? { oneDataSheet: true } : {}),
  ...(own ? { ownHeader: own } : {}),
});

/**
 * --header-row and --delimiter get the rule of --sheet (rv25 F14): they are given for the data files (an
 * office export with a title line, or `;`), and a file given by another flag — a breakdown's output as
 * --targets, a --workforce file — has its header on its first line more often than not. Such a file whose
 * own first line (split on the delimiter found as without --delimiter; a workbook's first non-empty row)
 * is a header the load can use — every column the load requires, a key it reads, and one of its measures
 * when it reads any — is read as without the flags, and a note names the file; otherwise the flags apply
 * as to the data files, and a problem in that file says that they were applied to it. Undefined for a
 * data load, or when neither flag is given.
 */
function ownHeaderRule(load: Load, seen: (usable: boolean) => void, onSetAside: OwnHeader['onSetAside']): OwnHeader | undefined {
  const { schema, options } = load;
  if (schema.role === undefined || (options.delimiter === undefined && (options.headerRow ?? 1) <= 1)) return undefined;
  const required = (schema.required ?? []).map((r) => r.column);
  const usable = (names: readonly string[]): boolean => {
    const canon = names.map((n) => canonicalColumn(n));
    const roles = canon.map((c) => roleOf(c, load.wants).kind);
    const ok = required.every((r) => canon.includes(r)) && roles.includes('dim') && (schema.measures.size === 0 || roles.includes('measure'));
    seen(ok);
    return ok;
  };
  return { usable, onSetAside };
}

/** "--header-row 2 and --delimiter ';'": the flags of the run a role file is read under. */
function flagsOf(options: LoadOptions, aside?: { readonly headerRow?: number; readonly delimiter?: string }): string {
  const parts: string[] = [];
  const row = aside ? aside.headerRow : options.headerRow !== undefined && options.headerRow > 1 ? options.headerRow : undefined;
  const d = aside ? aside.delimiter : options.delimiter;
  if (row !== undefined) parts.push(`--header-row ${row}`);
  if (d !== undefined) parts.push(`--delimiter ${d === '\t' ? 'TAB' : `'${d}'`}`);
  return parts.join(' & ');
}

/** The problems with, before the first of each file read under flags meant for the data files, a note saying so. */
function withFlagNotes(list: Problem[], load: Load): Problem[] {
  if (!load.underFlags.size) return list;
  const out = list.slice();
  for (const [name, flags] of load.underFlags) {
    const at = out.findIndex((d) => d.severity !== 'note' && d.file !== undefined && (d.file === name || d.file.startsWith(`${name}:`)));
    if (at < 0) continue;
    const role = load.schema.role ?? '';
    const need = (load.schema.required ?? []).map((r) => r.column);
    const needEn = need.length ? `: ${need.join(', ')} and a key column such as province` : ': a key column such as province and the figures it gives';
    const needId = need.length ? `: ${need.join(', ')} dan kolom kunci seperti province` : ': kolom kunci seperti province dan angka yang diberikannya';
    out.splice(at, 0, {
      file: name,
      severity: 'note',
      code: 'flags-applied',
      ...say(
        { message: `${flags}, given for the data files, ${flags.includes('&') ? 'were' : 'was'} applied to this ${role} file too: its first line is not a header with the columns ${role} needs`, hint: `a ${role} file whose own first line is its header (with the columns ${role} needs${needEn}) is read without them; otherwise they apply to it as to the data files` },
        { message: `${flags.replace(' & ', ' dan ')}, yang diberikan untuk berkas data, juga diterapkan pada berkas ${role} ini: baris pertamanya bukan judul kolom dengan kolom yang diperlukan ${role}`, hint: `berkas ${role} yang baris pertamanya adalah judul kolomnya sendiri (dengan kolom yang diperlukan ${role}${needId}) dibaca tanpa opsi itu; jika tidak, opsi itu berlaku padanya seperti pada berkas data` },
      ),
    });
  }
  return out;
}

/** A file's id forms, for Loaded (none when it has no participant ids). */
const idFormsOf = (t: TypedRows): Pick<Loaded, 'idForms'> => (t.idForms ? { idForms: { bits: t.idForms, column: t.idColumn ?? '' } } : {});

/**
 * Read files into one Table. Every problem in every file is collected (up to maxErrors) and thrown
 * together as one InputError; nothing is computed from a load with errors.
 */
export async function loadTable(paths: readonly string[], schema: LoadSchema, options: LoadOptions): Promise<LoadedTable> {
  const measures = [...schema.measures].map(([name, kind]) => ({ name, kind }));
  if (!schema.measures.has('participants')) measures.push({ name: 'participants', kind: 'count' });
  const shape = new TableShape(measures);
  const wants: ColumnWants = {
    dims: (schema.dims ?? []).map(canonicalColumn),
    measures: schema.measures,
    segmentParts: schema.segmentParts ?? false,
    percents: schema.percents ?? false,
    periodKind: schema.periodKind ?? 'period',
    optionalDims: schema.optionalDims,
    ...(schema.blankDims ? { blankDims: schema.blankDims } : {}),
    ...(schema.denominator ? { denominator: schema.denominator } : {}),
    ...(schema.divides ? { divides: schema.divides.map(canonicalColumn) } : {}),
    ...(schema.uses ? { uses: schema.uses.map(canonicalColumn) } : {}),
  };
  const load: Load = {
    schema,
    options,
    wants,
    shape,
    domains: new KeyDomains(options.codeSystem, options.onBpsCode),
    problems: new ProblemList(options.maxErrors),
    fold: new LoadFold(shape.dims, shape.measures, wants.dims),
    ids: new IdLedger(),
    zeroParticipants: [],
    countRows: new CountRows(),
    count: paths.length,
    underFlags: new Map(),
    fileDomains: new Map(),
  };
  const { problems } = load;
  const sources: SourceFacts[] = [];
  const rules: ('refuse' | 'sum')[] = [];
  const kinds: ('regional' | ExtractKind | undefined)[] = [];
  const rereads: Rereadable[] = [];
  const bySha = new Map<string, string>();
  const gaps: (TypedRows['spareGaps'] | undefined)[] = [];
  /** Sources not compared row by row: a file given twice, a file that could not be read. */
  const skip = new Set<number>();
  /** Files left unread once --max-errors was reached (said after the problems: they are not counted). */
  let unread: string[] = [];
  for (const [i, path] of paths.entries()) {
    const before = problems.size;
    const groupsBefore = load.fold.count;
    const countsBefore = load.countRows.count;
    try {
      const facts = await loadOne(path, load, sources.length);
      if (!facts) continue;
      const prior = bySha.get(facts.sha256);
      if (prior !== undefined) {
        skip.add(sources.length);
        problems.add(inputProblem({ code: 'same-content', prior, sha: `sha256 ${facts.sha256.slice(0, 12)}…` }, { file: facts.name }));
      }
      bySha.set(facts.sha256, facts.name);
      const { rule, kind, reread, idForms, spareGaps, ...facts2 } = facts;
      gaps[sources.length] = spareGaps;
      const source: SourceFacts = schema.role !== undefined ? { ...facts2, role: schema.role } : facts2;
      if (idForms && prior === undefined) load.ids.form(sources.length, idForms.bits, idForms.column);
      // Counts and an employer extract's rows: a key in two files is added up (the parts of one export),
      // the same row is a repeated export (a file given twice is said once, above).
      const counted = load.countRows;
      if (prior !== undefined) counted.truncate(countsBefore);
      for (let r = countsBefore; r < counted.count; r++) {
        const first = counted.repeatOf(r);
        if (first < 0) continue;
        const at = `${sources[counted.src(first)]?.name ?? ''}:${counted.line(first)}`;
        // An employer extract's key starts with its employer (TypedRows keyOrder).
        problems.add(inputProblem(kind === 'employer' ? { code: 'employer-row-twice', employer: counted.key(r).split('\u0001')[0] ?? '', first: at, sameFile: false } : { code: 'counts-row-twice', first: at, sameFile: false }, { file: facts.name, line: counted.line(r) }));
      }
      sources.push(source);
      rules.push(rule);
      kinds.push(kind);
      rereads.push(reread);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.addAll(e.diagnostics.map((d) => ({ ...d })));
      // The file keeps its place among the sources (the checks' records name sources by index), and
      // its groups are dropped; it is compared with nothing.
      load.fold.truncate(groupsBefore);
      load.countRows.truncate(countsBefore);
      skip.add(sources.length);
      sources.push({ name: path, format: 'csv', numberLocale: null, encoding: '', sha256: '', bytes: 0, rows: 0, blankLines: 0, ignoredColumns: [] });
      rules.push(schema.rule === 'sum' ? 'sum' : 'refuse');
      kinds.push(undefined);
      rereads.push({ path, name: path, format: 'csv', regular: false });
    }
    if (problems.size > before && problems.full) {
      unread = paths.slice(i + 1).map((p) => (p === STDIN ? '<stdin>' : (options.displayName?.(p) ?? p)));
      break;
    }
  }
  const readAgainOf = (src: number, tap: (row: import('./typed-rows.js').TappedRow) => void): Promise<string | undefined> => readAgain(rereads[src]!, load, src, tap);
  if (problems.size) {
    // Every phase at once: rows that repeat among those that could be read — and, in extracts, a
    // participant in two rows of a month — are listed with the problems of the cells (a value error must
    // not hide a duplicate), up to --max-errors. (Not when extracts and regional files are mixed: that
    // is refused on its own.)
    let partial: LoadedTable | undefined;
    if (!problems.full && new Set(rules).size <= 1 && mixedKinds(kinds, periodsBySource(load, kinds.length)) === undefined) {
      partial = loadedTable(shape, load.fold.finish(), sources, rules[0] ?? (schema.rule === 'sum' ? 'sum' : 'refuse'));
      for (const p of await confirmSuspects(load.fold, load.ids, partial, rereads, readAgainOf, options.maxErrors - problems.size, skip)) problems.add(p);
    }
    if (load.zeroParticipants.length) withMonthBefore(load.zeroParticipants, partial ?? loadedTable(shape, load.fold.finish(), sources, 'refuse'), problems);
    const list = withFlagNotes(problems.list(), load);
    if (unread.length) list.push({ ...inputProblem({ code: 'files-not-read', files: unread, limit: options.maxErrors }, {}), severity: 'note' });
    throw new InputError(list);
  }
  if (new Set(rules).size > 1) {
    const ex = sources.find((_, i) => rules[i] === 'sum')!;
    const reg = sources.find((_, i) => rules[i] === 'refuse')!;
    throw new InputError(inputProblem({ code: 'extract-and-regional', regional: reg.name }, { file: ex.name }));
  }
  // Extracts of two kinds (a participant extract and counts per key…) of one month: a participant of one
  // may be in the other, which neither check sees (rv17 F5). Of different months they are a history (the
  // warehouse's counts of past months, the newest month's extract): nothing can be counted twice (rv18 F4).
  const mixed = mixedKinds(kinds, periodsBySource(load, kinds.length));
  if (mixed) throw new InputError(inputProblem({ code: 'extract-kinds', kind: mixed[1].kind, other: sources[mixed[0].at]!.name, otherKind: mixed[0].kind, ...(mixed[2] !== null ? { period: mixed[2] } : {}) }, { file: sources[mixed[1].at]!.name }));
  const rule = rules[0] ?? (schema.rule === 'sum' ? 'sum' : 'refuse');
  // Ids in forms that make one person two ids as text (1003 and 00000001003): a warning, on the first
  // file concerned (issue 20, rv10 F1).
  const forms = load.ids.formsNote((src) => sources[src]!.name);
  if (forms) {
    const at = sources.findIndex((s) => [forms.numbers, forms.decimal].some((files) => files?.includes(s.name)));
    const s = sources[at]!;
    sources[at] = { ...s, notes: (s.notes ?? []).concat(forms) };
  }
  const cols = load.fold.finish();
  const table = loadedTable(shape, cols, sources, rule);
  for (const [i, s] of sources.entries()) if (gaps[i]?.length) SPARE_GAPS.set(s, gaps[i]!);
  for (const s of sources) options.onSource?.(s);
  // The table's rows are sums of the files' rows: a sum of them past 2^53 − 1 is placed on the file's row
  // that takes it there by reading the files again (overflow-row.ts), only then.
  registerOverflowRows(table.sources, {
    dims: shape.dims.map((d) => d.name),
    measures: shape.measures.map((m) => m.name),
    sources: sources.map((s, i) => (skip.has(i) || !rereads[i]!.regular ? undefined : { locale: s.numberLocale })),
    read: (src, locale, tap) => readAgain(rereads[src]!, load, src, tap, { locale }),
  });
  // Suspects (rows with the same keys, rows that overlap, a participant twice), confirmed on the rows.
  const confirmed = await confirmSuspects(load.fold, load.ids, table, rereads, readAgainOf, options.maxErrors, skip);
  if (confirmed.length) throw new InputError(withFlagNotes(confirmed, load));
  // A province whose rows (regencies, segments) all give 0 participants: refused as its own 0 row is (rv31 V4).
  // (Data files only: a --targets file's participants are where its path starts, a 0 there is a plan's.)
  const zeros = rule === 'refuse' && schema.role === undefined ? zeroAreaRows(table, options.maxErrors) : [];
  if (zeros.length) throw new InputError(withFlagNotes(zeros, load));
  // Files that disagree on the kanwil column: a row without one takes its province's, said (rv34 R5).
  // After the checks above, which compare the rows with the files as written.
  const kanwils = fillKanwil(cols, shape, load.domains);
  if (kanwils) kanwilFilledNotes(sources, kanwils);
  return table;
}

/** Per source, the periods of its rows (null: a row without one), from the load's groups (a group is one file's). */
function periodsBySource(load: Load, n: number): Set<string | null>[] {
  const out = Array.from({ length: n }, () => new Set<string | null>());
  const d = load.shape.dims.findIndex((x) => x.name === 'period');
  const store = load.fold.store;
  for (let g = 0; g < store.size; g++) out[store.src[g]!]?.add(d < 0 ? null : store.key(g, d));
  return out;
}

/**
 * The first two files of different extract kinds that share a period (a row without a period shares
 * every one), in the order read, and that period (null: a row without one); or undefined.
 */
function mixedKinds(kinds: readonly ('regional' | ExtractKind | undefined)[], periods: readonly Set<string | null>[]): [{ at: number; kind: ExtractKind }, { at: number; kind: ExtractKind }, string | null] | undefined {
  const shared = (a: Set<string | null>, b: Set<string | null>): string | null | undefined => {
    if (a.has(null) || b.has(null)) return null;
    for (const p of a) if (b.has(p)) return p;
    return undefined;
  };
  for (let j = 0; j < kinds.length; j++) {
    const kj = kinds[j];
    if (kj === undefined || kj === 'regional') continue;
    for (let i = 0; i < j; i++) {
      const ki = kinds[i];
      if (ki === undefined || ki === 'regional' || ki === kj) continue;
      const p = shared(periods[i] ?? new Set(), periods[j] ?? new Set());
      if (p !== undefined) return [{ at: i, kind: ki }, { at: j, kind: kj }, p];
    }
  }
  return undefined;
}

/** The Table of a load: its groups, kept as columns (core/row-columns.ts). */
/**
 * A province's (or Kanwil's) 0 participants, worded again with its figure of the latest earlier month the
 * load's files give (the same keys but the period): "Maluku has 0 participants in 2026-08, 158,094 in
 * 2026-07" says what the 0 stands for (rv28 R21).
 */
function withMonthBefore(zeros: readonly ZeroParticipants[], table: LoadedTable, problems: ProblemList): void {
  const pd = dimIndex(table, 'period');
  const pm = measureIndex(table, 'participants');
  if (pd < 0 || pm < 0) return;
  for (const z of zeros) {
    const period = z.raw.period;
    if (period === undefined) continue;
    let best: { period: string; participants: number } | undefined;
    for (const r of table.rows) {
      const at = r.keys[pd];
      const v = r.values[pm];
      if (at === null || at === undefined || at >= period || (best && at <= best.period) || v === null || v === undefined) continue;
      if (r.keys.every((k, d) => d === pd || (k ?? null) === (z.keys[d] ?? null))) best = { period: at, participants: v };
    }
    if (best) problems.replace(z.problem, inputProblem({ ...z.raw, previous: best }, z.place));
  }
}

function loadedTable(shape: TableShape, cols: RowColumns, sources: readonly SourceFacts[], rule: 'refuse' | 'sum'): LoadedTable {
  return Object.assign(new StoredTable(shape.dims, shape.measures, sources, cols), { rule });
}

/** The sink that decides a file's rule from its header (an id column makes an extract) at its first row. */
function deciding(load: Load, make: (rule: 'refuse' | 'sum') => TypedRows, early?: (rows: number) => void): RowSink & { typed?: TypedRows; columns: [string, number, { line: number; column: number }][]; blanks: number; declared?: [string, { line: number; column: number }]; codeSystem?: string; lateCodeSystem?: [string, { line: number; column: number }]; period?: string; scope?: string; scopeName?: string; scopeAreas?: string[]; scopeCounts?: { areas?: number; of?: number } } {
  let rows = 0;
  const sink = {
    typed: undefined as TypedRows | undefined,
    columns: [] as [string, number, { line: number; column: number }][],
    blanks: 0,
    declared: undefined as [string, { line: number; column: number }] | undefined,
    /** The file's own code system (JSON meta.codeSystem), when told before its first row (fileCodes). */
    codeSystem: undefined as string | undefined,
    /** A meta.codeSystem told after the first row: too late to read the rows by it (lateCodeSystem). */
    lateCodeSystem: undefined as [string, { line: number; column: number }] | undefined,
    /** The month of the file's rows, as a JSON report's meta.period says it. */
    period: undefined as string | undefined,
    /** The areas the file is of, as the tool's own JSON output's meta.scope.kind says (national, kanwil…). */
    scope: undefined as string | undefined,
    /** Its meta.scope.name (a Kanwil's or a province's). */
    scopeName: undefined as string | undefined,
    /** Its meta.scope.provinces or .regencies: the names of the areas it covers (rv32 W8). */
    scopeAreas: undefined as string[] | undefined,
    /** Its meta.scope.areas and .of (1 of 8). */
    scopeCounts: undefined as { areas?: number; of?: number } | undefined,
    column(name: string, index: number, place: { line: number; column: number }) {
      if (sink.typed) sink.typed.column(name, index, place);
      else sink.columns.push([name, index, place]);
    },
    declare(what: 'denominator' | 'codeSystem' | 'period' | 'scope' | 'scopeName' | 'scopeArea' | 'scopeAreas' | 'scopeOf', value: string, place: { line: number; column: number }) {
      // The tool's own output's scope (meta.scope.kind): kept with the file's facts, for --targets (rv30 T2).
      if (what === 'scope') {
        sink.scope ??= value;
        return;
      }
      if (what === 'scopeName') {
        sink.scopeName ??= value;
        return;
      }
      if (what === 'scopeAreas' || what === 'scopeOf') {
        sink.scopeCounts ??= {};
        if (what === 'scopeAreas') sink.scopeCounts.areas ??= Number(value);
        else sink.scopeCounts.of ??= Number(value);
        return;
      }
      if (what === 'scopeArea') {
        (sink.scopeAreas ??= []).push(value);
        return;
      }
      // A JSON report's month (meta.period): kept with the file's facts, for --previous (rv28 R20).
      if (what === 'period') {
        sink.period ??= value;
        return;
      }
      if (what === 'codeSystem') {
        if (!sink.typed) sink.codeSystem ??= value;
        else if (sink.codeSystem === undefined) sink.lateCodeSystem ??= [value, place];
        return;
      }
      if (sink.typed) sink.typed.declare(what, value, place);
      else sink.declared ??= [value, place];
    },
    reads(index: number): boolean {
      if (sink.typed) return sink.typed.reads(index);
      const name = sink.columns.find(([, i]) => i === index)?.[0];
      return name === undefined || roleOf(canonicalColumn(name), load.wants).kind !== 'ignored';
    },
    row(cells: Parameters<RowSink['row']>[0], line: number, places: Parameters<RowSink['row']>[2], clean?: boolean, refused?: readonly number[]) {
      if (!sink.typed) {
        const extract = load.schema.rule === 'sum' || (load.schema.rule === 'auto' && sink.columns.some(([n]) => isIdColumn(canonicalColumn(n))));
        sink.typed = make(extract ? 'sum' : 'refuse');
        if (sink.declared) sink.typed.declare('denominator', sink.declared[0], sink.declared[1]);
        for (const [n, i, p] of sink.columns) sink.typed.column(n, i, p);
        sink.typed.blankLines += sink.blanks;
      }
      sink.typed.row(cells, line, places, clean, refused);
      if (++rows === EARLY_ROWS) early?.(rows);
    },
    blank() {
      if (sink.typed) sink.typed.blank();
      else sink.blanks++;
    },
  };
  return sink;
}

/** The code system a file's province codes are read in (fileCodes), and what its codes showed. */
interface FileCodes {
  readonly domains: KeyDomains;
  /** meta: its JSON meta.codeSystem; label: its code column's label, "code (BPS)"; names: by the names beside them. */
  readonly how?: 'meta' | 'label' | 'names';
  readonly system?: CodeSystem;
  /** how 'names': the codes read in each meaning where the two systems differ, code → province key. */
  readonly bps: Map<string, string>;
  readonly kemendagri: Map<string, string>;
}

/**
 * The code system of one file's province codes (rv25 F9). --code-system says the system of the data
 * files, and a file the tool wrote says its own: a JSON report's meta.codeSystem, or a workbook's code
 * column labelled "code (BPS)" (as the reports label it under --code-system bps); such a file is read in
 * its own system, whatever the flag, and a note says so where they differ. A file given by another flag
 * (a breakdown's CSV as --targets: its header `province_code` is the same in both systems) with a name
 * beside every code column, under --code-system, is read by those names: each code in the system its
 * name agrees with (a name settles the six Papua codes), a file whose codes are in both systems is
 * refused, and a note says when they were in the other system than the flag's. Otherwise the run's.
 */
function fileCodes(load: Load, names: readonly string[], declared: string | undefined): FileCodes {
  const none = { bps: new Map<string, string>(), kemendagri: new Map<string, string>() };
  if (declared === 'bps' || declared === 'kemendagri') return { domains: new KeyDomains(declared, undefined), how: 'meta', system: declared, ...none };
  if (names.some((n) => /^(code|kode)_bps$/.test(normaliseHeader(n)))) return { domains: new KeyDomains('bps', undefined), how: 'label', system: 'bps', ...none };
  const given = load.options.codeSystem;
  if (load.schema.role === undefined || given === undefined) return { domains: load.domains, ...none };
  const canon = new Set(names.map((n) => canonicalColumn(n)));
  const named = (canon.has('province_code') || canon.has('regency_code')) && (!canon.has('province_code') || canon.has('province')) && (!canon.has('regency_code') || canon.has('regency'));
  if (!named) return { domains: load.domains, ...none };
  const read = { bps: new Map<string, string>(), kemendagri: new Map<string, string>() };
  const domains = new KeyDomains(
    undefined,
    (code, key, dim) => (dim === undefined ? read.bps.set(code, key) : undefined),
    (code, key) => read.kemendagri.set(code, key),
  );
  return { domains, how: 'names', ...read };
}

/** What a file's codes read by fileCodes call for: a note, a refusal (codes of both systems), or nothing. */
function codesNote(c: FileCodes, file: string, options: LoadOptions): { note: Note } | { problem: Problem } | undefined {
  const given = options.codeSystem;
  if (c.how === 'meta' || c.how === 'label') return c.system !== (given ?? 'kemendagri') ? { note: { code: 'codes-read-in', file, system: c.system!, how: c.how, ...(given ? { given } : {}) } } : undefined;
  if (c.how !== 'names') return undefined;
  const reg = provinceRegistry();
  const shown = (m: Map<string, string>): string[] => [...m].slice(0, 6).map(([code, key]) => `${code} ${reg.byKemendagri(key)?.name ?? key}`);
  if (c.bps.size && c.kemendagri.size) {
    const k = shown(c.kemendagri).join(', ');
    const b = shown(c.bps).join(', ');
    return {
      problem: {
      file,
      code: 'codes-in-both-systems',
      ...say(
        { message: `province codes of both systems, read by the names beside them: Kemendagri ${k}; BPS ${b}`, hint: 'a file is in one code system: correct the codes (jamsostek provinces lists both)' },
        { message: `kode provinsi dari dua sistem, dibaca menurut nama di sampingnya: Kemendagri ${k}; BPS ${b}`, hint: 'satu berkas memakai satu sistem kode: perbaiki kodenya (jamsostek provinces memuat keduanya)' },
      ),
      },
    };
  }
  const system: CodeSystem | undefined = c.bps.size ? 'bps' : c.kemendagri.size ? 'kemendagri' : undefined;
  if (system === undefined || system === given) return undefined;
  return { note: { code: 'codes-read-in', file, system, how: 'names', codes: shown(system === 'bps' ? c.bps : c.kemendagri), ...(given ? { given } : {}) } };
}

/**
 * A JSON file whose meta.codeSystem comes after its rows (`{"rows": […], "meta": {…}}`): the reader streams,
 * so its rows were read before it, in the run's system (--code-system, else Kemendagri's). Where the
 * file has a code column and says another system, its codes may name other provinces (94 is Papua in
 * BPS codes, Papua Tengah in Kemendagri's): refused, not read in the wrong system (hx5). A file read by
 * the names beside its codes, or whose late meta says the system its rows were read in, is as read.
 */
function lateCodeSystem(late: [string, { line: number; column: number }] | undefined, c: FileCodes | undefined, names: readonly string[], file: string, load: Load): Problem | undefined {
  if (!late || !c || c.how === 'names') return undefined;
  const declared = late[0];
  if (declared !== 'bps' && declared !== 'kemendagri') return undefined;
  if (!names.some((n) => ['province_code', 'regency_code'].includes(canonicalColumn(n)))) return undefined;
  const given = load.options.codeSystem;
  const readIn: CodeSystem = c.how === 'meta' || c.how === 'label' ? c.system! : (given ?? 'kemendagri');
  if (readIn === declared) return undefined;
  const name = (x: CodeSystem): string => (x === 'bps' ? 'BPS' : 'Kemendagri');
  const why = c.how === 'label' ? ['as its code column\'s label "code (BPS)" says', 'sesuai label kolom kodenya "code (BPS)"'] : given ? [`under --code-system ${given}`, `menurut --code-system ${given}`] : ['the default, without --code-system', 'bawaan, tanpa --code-system'];
  const flag = load.schema.role === undefined && c.how !== 'label' ? [`, or pass --code-system ${declared}`, `, atau berikan --code-system ${declared}`] : ['', ''];
  return {
    file,
    line: late[1].line,
    column: late[1].column,
    code: 'code-system-after-rows',
    ...say(
      { message: `meta.codeSystem "${declared}" comes after the rows: their codes were read before it, as ${name(readIn)} codes (${why[0]}), and as ${name(declared)} codes they may name other provinces and regencies`, hint: `put "meta" before "rows" in the file, as jamsostek writes its reports${flag[0]}` },
      { message: `meta.codeSystem "${declared}" muncul setelah baris-barisnya: kodenya sudah dibaca sebelumnya sebagai kode ${name(readIn)} (${why[1]}), dan sebagai kode ${name(declared)} kode itu bisa menunjuk provinsi dan kabupaten/kota lain`, hint: `letakkan "meta" sebelum "rows" di berkas, seperti laporan jamsostek menuliskannya${flag[1]}` },
    ),
  };
}

async function loadOne(path: string, load: Load, src: number): Promise<Loaded | undefined> {
  const { schema, options, problems } = load;
  // Problems found before this file: a row of it refused makes its own total rows' check a follow-on.
  const problemsBefore = problems.size;
  const o = await open(path, options);
  try {
    const firstRead = await o.chunks.next();
    if (firstRead.done || firstRead.value.length === 0) throw new InputError(inputProblem({ code: 'empty-file' }, { file: o.name }));
    const first = firstRead.value;
    const format = formatOf(path, first);
    const reread: Rereadable = { path, name: o.name, format, regular: o.file !== undefined };
    // --header-row/--delimiter set aside for a file given by another flag whose own first line is its header.
    let aside: Parameters<OwnHeader['onSetAside']>[0] | undefined;
    let usableFirst = false;
    const ownRule = format === 'csv' || format === 'xlsx' ? ownHeaderRule(load, (ok) => (usableFirst = ok), (a) => (aside = a)) : undefined;
    if (ownRule) reread.own = ownRule;
    let sheet: string | undefined;
    let columns: readonly string[] = [];
    // Where a cell is, in messages: file:line:column, or what the reader names (book.xlsx:Sheet!B7, x.parquet:row 7 (province)).
    const placeOf = (line: number, column?: number): string | undefined => (format === 'parquet' ? parquetPlace(o.name, columns, line, column) : sheet !== undefined ? `${o.name}:${xlsxCellName(sheet, line, column ?? 1)}` : undefined);
    let fileFold: FileFold | undefined;
    // The file's code system, decided at its first row from its header and meta (fileCodes, rv25 F9).
    let codes: FileCodes | undefined;
    let header: { names: readonly string[]; declared?: string } | undefined;
    const countsAtStart = load.countRows.count;
    const make = (rule: 'refuse' | 'sum', into: ProblemList = problems, fold = true): TypedRows => {
      // A fast path that gave up leaves its groups: the file's rows are read again from none.
      fileFold?.discard();
      load.countRows.truncate(countsAtStart);
      if (fold) fileFold = load.fold.file(src, rule, o.file !== undefined, load.count === 1);
      if (header && !codes) {
        codes = fileCodes(load, header.names, header.declared);
        if (codes.domains !== load.domains) load.fileDomains.set(src, codes.domains);
      }
      return new TypedRows(load.shape, codes?.domains ?? load.domains, into, {
        file: o.name,
        src,
        wants: load.wants,
        rule,
        forcedLocale: options.numberLocale === 'auto' ? undefined : options.numberLocale,
        allowOverCoverage: options.allowOverCoverage,
        deriveKanwil: schema.deriveKanwil ?? false,
        place: (line, column) => {
          const named = placeOf(line, column);
          return named !== undefined ? { file: named, line: undefined, column: undefined } : { file: o.name, line, column };
        },
        columnsUpFront: READERS[format].columnsUpFront,
        required: (schema.required ?? []).filter((r) => !(r.regional && rule === 'sum')),
        ...(options.headerRow !== undefined && aside?.headerRow === undefined ? { headerRow: options.headerRow } : {}),
        fold: fold ? fileFold : undefined,
        ids: load.ids,
        countRows: load.countRows,
        rereadable: o.file !== undefined,
      });
    };
    if (format === 'csv' && o.file !== undefined && o.size !== undefined && !ownRule) {
      const fast = await fastPath(o as Opened & { file: string; size: number }, first, load, src, (rule, into) => make(rule, into), () => fileFold?.merged ?? 0);
      if (fast) return { ...fast, reread };
      fileFold?.discard();
    }
    if ((READERS[format] as { transient?: boolean }).transient) o.reuseBuffers();
    const tap = new ByteTap(first, o.chunks, (bytes) => options.onProgress?.(bytes, o.size));
    const sink = deciding(
      load,
      (rule) => {
        header = { names: sink.columns.map(([n]) => n), ...(sink.codeSystem !== undefined ? { declared: sink.codeSystem } : {}) };
        return make(rule);
      },
      (rows) => {
        // Rows to come, from the bytes per row so far (+10 %): the checks' tables are then built once.
        if (o.size === undefined || tap.bytes >= o.size) return;
        const more = Math.ceil(((rows * (o.size - tap.bytes)) / tap.bytes) * 1.1);
        load.fold.expectRows(more);
        load.ids.expect(more);
      },
    );
    const reader = await readerOf(format);
    const shared = format === 'parquet' && load.count > 1 ? { words: (id: string, period: string | undefined) => load.ids.wordsOf(id, period), set: new IdSet() } : undefined;
    let facts: Awaited<ReturnType<typeof reader>>;
    try {
      facts = await reader(
      {
        name: o.name,
        path: o.file,
        size: o.size,
        first,
        rest: tap,
        options: readOptions(schema, options, ownRule),
        isKnownColumn,
        wants: load.wants,
        rule: schema.rule,
        onSheet: (n) => (sheet = n),
        onColumns: (n) => (columns = reread.columns = n),
        fast: options.fastExtract === 'never' ? undefined : (own) => make('sum', own),
        // A load of several sources: the fast path also words its ids as the ledger does, so that a
        // participant in two files is found whichever path read each.
        ...(shared ? { shared } : {}),
      },
      sink,
      problems,
    );
    } finally {
      if (ownRule && !usableFirst) load.underFlags.set(o.name, flagsOf(options));
    }
    if (facts.route) options.onRoute?.(o.name, facts.route);
    // An extract the reader added up itself (its fast path): its TypedRows is the file's.
    if (facts.typed) sink.typed = facts.typed;
    if (facts.typed && shared) load.ids.addFast(src, [shared.set]);
    if (problems.size === 0) await tap.drain();
    if (!sink.typed) {
      // A header and no rows: its columns checked as the first row would have them checked, an extract's
      // header (an id column) as an extract's, never asked for a participants column (rv35 D5). A JSON
      // array with no row has no columns to check (rv35 D6).
      if (problems.size === 0) {
        if (format === 'json' && sink.columns.length === 0) throw new InputError(inputProblem({ code: 'header-only', array: true, extract: schema.rule === 'sum' }, { file: o.name }));
        const extract = schema.rule === 'sum' || (schema.rule === 'auto' && sink.columns.some(([n]) => isIdColumn(canonicalColumn(n))));
        const t = make(extract ? 'sum' : 'refuse');
        if (sink.declared) t.declare('denominator', sink.declared[0], sink.declared[1]);
        for (const [n, i, p] of sink.columns) t.column(n, i, p);
        t.finish();
        if (problems.size === 0) throw new InputError(inputProblem({ code: 'header-only', extract: t.kind !== 'regional' }, { file: o.name }));
      }
      fileFold?.discard();
      return undefined;
    }
    const t = sink.typed;
    // The fast path of a reader has finished its TypedRows already.
    const locale = facts.typed ? (t.policy.locale ?? null) : t.finish();
    const ff = fileFold!;
    const notes: Note[] = (facts.notes ?? []).map((n) => (n.code === 'rows-above-header' ? titleMonthSaid(n, schema, t.cols.some((c) => c?.canonical === 'year'), t.cols.some((c) => c?.canonical === 'period')) : n));
    if (codes) {
      const said = codesNote(codes, o.name, options);
      if (said && 'note' in said) notes.push(said.note);
      else if (said) problems.add(said.problem);
    }
    const late = lateCodeSystem(sink.lateCodeSystem, codes, header?.names ?? [], o.name, load);
    if (late) problems.add(late);
    if (aside) notes.push({ code: 'flags-set-aside', file: o.name, role: schema.role ?? '', flags: flagsOf(options, aside), line: aside.line, ...(aside.found !== undefined ? { delimiter: aside.found } : {}) });
    const denominator = t.denominatorNote(o.name);
    if (denominator) notes.push(denominator);
    for (const n of t.statusNotes(o.name)) notes.push(n);
    for (const n of t.shapeNotes(o.name)) notes.push(n);
    // A report of the tool's cut by --top ("meta"."shown": 3 rows of 8): its rows are not the rows its
    // totals count, so it is refused up front, with that reason (issue 20, F1).
    if (facts.shown && facts.shown.rows < facts.shown.of) {
      problems.add(inputProblem({ code: 'report-cut', rows: facts.shown.rows, of: facts.shown.of }, { file: o.name, line: facts.shown.place.line, column: facts.shown.place.column }));
      fileFold?.discard();
      return undefined;
    }
    // A JSON file's own "totals" object is checked as a total row is (issue 20, F8).
    const own = facts.totals ? jsonTotalRow(facts.totals, load.fold, load.wants, locale, (name) => t.cols.find((c) => c?.name === name)?.role) : undefined;
    // No total of a file is checked once a row of that file is refused (a cell it cannot read, a row
    // without its keys): the sums would miss that row, and one bad cell would be said again as a total
    // that disagrees, once per measure, with "the 1 row(s) it totals" where it totals 2 (rv13 F8). The
    // tool's own total rows (its `level` column), total rows found by their label and a JSON file's
    // "totals" object alike; the file is refused on the first problem, which says the cell.
    const refused = problems.size > problemsBefore;
    for (const z of t.zeroParticipants) load.zeroParticipants.push(z);
    const totals: CheckedTotal[] = refused ? [] : own ? t.totals.concat(own.row) : t.totals;
    // A row's place in a note or a refusal: the cell in a workbook (or a Parquet row's column), the
    // line elsewhere, as CSV names a row (never column A of a workbook for a row's figure: issue 20, F4).
    const rowAt = (line: number, column?: number): string => placeOf(line, column) ?? `${o.name}:${line}`;
    if (totals.length) {
      const checked = checkTotals(totals, load.fold, ff, problems, (line, column) => {
        const named = placeOf(line, column);
        // The cell of the figure that disagrees (its column too: the row alone left the user to find
        // which of its figures it was, fx52).
        return named !== undefined ? { file: named } : { file: o.name, line, ...(column !== undefined ? { column } : {}) };
      });
      notes.push({
        code: 'total-rows',
        rows: checked.rows.map((n, i) => {
          const isOwn = own !== undefined && totals[i] === own.row;
          const notCompared = isOwn && own.notCompared.length ? (n.notCompared ?? []).concat(own.notCompared) : n.notCompared;
          return { at: rowAt(n.line, totals[i]!.object ? undefined : totals[i]!.column), label: n.label, checked: n.checked, ...(notCompared ? { notCompared } : {}), ...(isOwn ? { object: true } : {}) };
        }),
        ...(checked.parts ? { parts: checked.parts } : {}),
      });
    }
    if (t.noise) notes.push({ code: 'count-noise', file: o.name, cells: t.noise.cells, at: rowAt(t.noise.first.line, t.noise.first.column), stored: t.noise.first.stored, whole: t.noise.first.whole });
    const points = t.coverage.points;
    if (points) notes.push({ code: 'coverage-points', file: o.name, cells: points.cells, fractions: points.fractions, at: rowAt(points.first.line, points.first.column), raw: points.first.raw });
    const disagree = t.coverage.disagreements();
    if (disagree.count) {
      notes.push({ code: 'coverage-disagrees', rows: disagree.rows.map((x) => ({ at: rowAt(x.line, x.column), stated: x.stated, computed: x.computed })), more: disagree.count - disagree.rows.length });
    }
    // Rows let through by a documented exception, a note per province (at most 5 places each).
    const byProvince = new Map<string, typeof t.excepted>();
    for (const x of t.excepted) {
      const list = byProvince.get(x.exception.province);
      if (list) list.push(x);
      else byProvince.set(x.exception.province, [x]);
    }
    for (const list of byProvince.values()) {
      notes.push({ code: 'over-coverage-exception', province: list[0]!.exception.name, reason: list[0]!.exception.reason, rows: list.slice(0, 5).map((x) => ({ at: rowAt(x.line, x.column), measure: x.measure, participants: x.participants, denominator: x.denominator })), more: Math.max(0, list.length - 5) });
    }
    // No row at all (a Parquet file's schema and no rows) is a header only, as in CSV (rv35 D5); rows that
    // were all blank, subtotals or totals are not.
    if (ff.end === ff.start && problems.size === 0) throw new InputError(inputProblem(t.rowsRead === 0 && t.blankLines === 0 && !t.totals.length ? { code: 'header-only', extract: t.kind !== 'regional' } : { code: 'no-data-rows' }, { file: o.name }));
    // The file's group table is done with (its groups are in the load's columns): given back before the
    // next file or the plan makes arrays of its own.
    ff.release();
    return {
      name: o.name,
      format,
      delimiter: facts.delimiter,
      sheet: facts.sheet,
      headerRow: facts.headerRow,
      numberLocale: locale,
      encoding: facts.encoding ?? 'binary',
      sha256: tap.sha256(),
      bytes: tap.bytes,
      rows: t.rowsRead,
      blankLines: t.blankLines,
      ignoredColumns: t.ignoredColumns,
      ...(notes.length ? { notes } : {}),
      rule: t.rule,
      kind: t.kind,
      reread,
      ...idFormsOf(t),
      ...(sink.period !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(sink.period) ? { period: sink.period } : {}),
      ...(sink.scope !== undefined ? { scope: sink.scope } : {}),
      ...(sink.scopeName !== undefined ? { scopeName: sink.scopeName } : {}),
      ...(sink.scopeAreas !== undefined ? { scopeAreas: sink.scopeAreas } : {}),
      ...(sink.scopeCounts?.areas !== undefined && sink.scopeCounts.of !== undefined ? { scopeCounts: { areas: sink.scopeCounts.areas, of: sink.scopeCounts.of } } : {}),
      ...(t.spareGaps.length ? { spareGaps: t.spareGaps } : {}),
      ...totalTargetOf(t.totalTarget, facts.totals ? jsonTotalTarget(facts.totals) : undefined),
    };
  } finally {
    o.close();
  }
}

/** The file's own Total target (a CSV's Total rows, a JSON file's "totals"): 'estimated' when either marks it. */
function totalTargetOf(rows: 'given' | 'estimated' | undefined, json: 'given' | 'estimated' | undefined): { totalTarget?: 'given' | 'estimated' } {
  const t = rows === 'estimated' || json === 'estimated' ? 'estimated' : (rows ?? json);
  return t ? { totalTarget: t } : {};
}

/**
 * A large CSV extract through the byte-level engine (src/io/fast-extract.ts), or undefined: then the
 * general path goes on from the same open file. The engine's TypedRows reports into a list of its own,
 * so a problem there only means "read it the general way", which words it with its place.
 */
async function fastPath(o: Opened & { file: string; size: number }, first: Buffer, load: Load, src: number, make: (rule: 'refuse' | 'sum', into: ProblemList) => TypedRows, merged: () => number): Promise<Omit<Loaded, 'reread'> | undefined> {
  const { schema, options } = load;
  const mode = options.fastExtract ?? 'auto';
  if (mode === 'never' || (mode === 'auto' && o.size < FAST_EXTRACT_BYTES)) return undefined;
  const { tryFastExtract } = await import('./fast-extract.js');
  const own = new ProblemList(1);
  const res = await tryFastExtract(
    {
      path: o.file,
      first,
      delimiter: options.delimiter,
      encoding: options.encoding,
      headerRow: options.headerRow,
      forcedLocale: options.numberLocale === 'auto' ? undefined : options.numberLocale,
      rule: schema.rule,
      keeps: (d) => load.fold.keeps(d),
      allowOverCoverage: options.allowOverCoverage,
      merged,
      onProgress: options.onProgress,
    },
    (r) => make(r, own),
    own,
  );
  options.onRoute?.(o.name, res ? 'fast' : 'general');
  if (!res) return undefined;
  const typed = res.typed;
  const rule = typed.rule;
  const denominator = typed.denominatorNote(o.name);
  const notes = [...(denominator ? [denominator] : []), ...typed.statusNotes(o.name), ...typed.shapeNotes(o.name)];
  if (res.idSets) load.ids.addFast(src, res.idSets);
  if (rule === 'refuse') load.fold.fastFiles.add(src);
  return {
    name: o.name,
    format: 'csv',
    delimiter: res.delimiter,
    numberLocale: res.locale,
    encoding: 'utf-8',
    sha256: res.sha256,
    bytes: res.bytes,
    rows: typed.rowsRead,
    blankLines: typed.blankLines,
    ignoredColumns: typed.ignoredColumns,
    ...(notes.length ? { notes } : {}),
    rule,
    kind: typed.kind,
    ...idFormsOf(typed),
    ...(typed.spareGaps.length ? { spareGaps: typed.spareGaps } : {}),
  };
}

/** Read a source a second time, every row to `tap` with its full keys (the load confirms suspects). */
async function readAgain(r: Rereadable, load: Load, src: number, tap: (row: import('./typed-rows.js').TappedRow) => void, values?: { locale: NumberLocale | null }): Promise<string | undefined> {
  const { schema, options } = load;
  const o = await open(r.path, options);
  try {
    const firstRead = await o.chunks.next();
    if (firstRead.done) return undefined;
    const first = firstRead.value;
    const quiet = new ProblemList(1);
    let sheet: string | undefined;
    const sink = deciding(load, (rule) =>
      new TypedRows(load.shape, load.fileDomains.get(src) ?? load.domains, quiet, {
        file: o.name,
        src,
        wants: load.wants,
        rule,
        forcedLocale: values?.locale ?? (options.numberLocale === 'auto' ? undefined : options.numberLocale),
        allowOverCoverage: true,
        deriveKanwil: schema.deriveKanwil ?? false,
        place: (line, column) => (sheet ? { file: `${o.name}:${xlsxCellName(sheet, line, column ?? 1)}` } : { file: o.name, line, column }),
        columnsUpFront: READERS[r.format].columnsUpFront,
        required: [],
        tap,
        tapValues: values !== undefined,
      }),
    );
    if ((READERS[r.format] as { transient?: boolean }).transient) o.reuseBuffers();
    const bytes = new ByteTap(first, o.chunks, () => undefined);
    const reader = await readerOf(r.format);
    await reader(
      { name: o.name, path: o.file, size: o.size, first, rest: bytes, options: readOptions(schema, options, r.own), isKnownColumn, wants: load.wants, rule: 'refuse', onSheet: (n) => (sheet = n), onColumns: () => undefined },
      sink,
      quiet,
    );
    await bytes.drain();
    return bytes.sha256();
  } finally {
    o.close();
  }
}

export { rowPlace } from './places.js';
