// The one door for data: every file the tool reads (regional files, extracts, --targets, --workforce,
// margin and profile files, --previous, the bundled baseline) becomes a Table here.
//
//   path → bytes (opened once) → format (by extension, else by content) → reader (CSV scanner, JSON
//   rows, xlsx rows) → TypedRows (every check) → one Table for all the files, with their facts.
//
// Rules that span files: the same content twice (same sha256) is refused; extracts and regional files
// are not mixed in one load; in a 'refuse' load, rows for overlapping keys are refused naming both
// places (findConflicts).

import { findConflicts, type Conflict, type MeasureKind, type SourceFacts, type Table, type TableRow } from '../core/table.js';
import { InputError, ProblemList, say, type Problem } from '../errors.js';
import type { CodeSystem } from './areas.js';
import { canonicalColumn, isIdColumn, type ColumnWants } from '../core/columns.js';
import { readCsvRows } from './csv-rows.js';
import { xlsxCellName } from './cell-name.js';
import { dimWord, KeyDomains } from './key-domains.js';
import type { NumberLocale } from '../core/numbers.js';
import type { RowSink } from './row-sink.js';
import { openInput } from './open-input.js';
import { resolve as resolvePath } from 'node:path';
import type { Io } from './terminal.js';
import { decodeText } from './source.js';
import type { Note } from '../core/facts.js';
import { clipValue } from '../core/clip.js';
import type { Encoding } from './row-sink.js';
import { TableShape, TypedRows } from './typed-rows.js';

export const STDIN = '-';

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
}

async function open(path: string, options: LoadOptions): Promise<Opened> {
  const o = await openInput(path, { cwd: options.cwd ?? process.cwd(), stdin: options.stdin as Io['stdin'] });
  const name = path === STDIN ? o.name : (options.displayName?.(path) ?? o.name);
  const file = o.kind === 'file' && path !== STDIN ? resolvePath(options.cwd ?? process.cwd(), path) : undefined;
  return { name, file, size: o.size, chunks: o.stream[Symbol.asyncIterator](), close: () => o.close() };
}

function formatOf(path: string, first: Buffer): 'csv' | 'json' | 'xlsx' | 'parquet' {
  if (/\.xlsx$/i.test(path)) return 'xlsx';
  if (/\.parquet$/i.test(path) || (first[0] === 0x50 && first[1] === 0x41 && first[2] === 0x52 && first[3] === 0x31)) return 'parquet';
  if (/\.json$/i.test(path)) return 'json';
  if (/\.(csv|tsv|txt)$/i.test(path)) return 'csv';
  if (first[0] === 0x50 && first[1] === 0x4b && first[2] === 0x03 && first[3] === 0x04) return 'xlsx';
  const head = first.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('[') || head.startsWith('{') ? 'json' : 'csv';
}

/**
 * Read files into one Table. Every problem in every file is collected (up to maxErrors) and thrown
 * together as one InputError; nothing is computed from a load with errors.
 */
export async function loadTable(paths: readonly string[], schema: LoadSchema, options: LoadOptions): Promise<LoadedTable> {
  const measures = [...schema.measures].map(([name, kind]) => ({ name, kind }));
  if (!schema.measures.has('participants')) measures.push({ name: 'participants', kind: 'count' });
  const shape = new TableShape(measures);
  const domains = new KeyDomains(options.codeSystem);
  const problems = new ProblemList(options.maxErrors);
  const rows: TableRow[] = [];
  const sources: SourceFacts[] = [];
  const rules: ('refuse' | 'sum')[] = [];
  const wants: ColumnWants = {
    dims: (schema.dims ?? []).map(canonicalColumn),
    measures: schema.measures,
    segmentParts: schema.segmentParts ?? false,
    percents: schema.percents ?? false,
    periodKind: schema.periodKind ?? 'period',
    optionalDims: schema.optionalDims,
  };
  const bySha = new Map<string, string>();
  /** Sources refused as a file given twice: their rows are not compared again, row by row. */
  const repeated = new Set<number>();
  for (const path of paths) {
    const before = problems.size;
    try {
      const facts = await loadOne(path, schema, options, wants, shape, domains, problems, sources.length, rows);
      if (!facts) continue;
      const prior = bySha.get(facts.sha256);
      if (prior !== undefined) {
        repeated.add(sources.length);
        const sha = `sha256 ${facts.sha256.slice(0, 12)}…`;
        problems.add({
          file: facts.name,
          ...say({ message: `has the same content as ${prior} (${sha}): the same file given twice`, hint: 'give each file once' }, { message: `isinya sama dengan ${prior} (${sha}): berkas yang sama diberikan dua kali`, hint: 'berikan setiap berkas sekali saja' }),
        });
      }
      bySha.set(facts.sha256, facts.name);
      sources.push(facts);
      rules.push(facts.rule);
    } catch (e) {
      if (e instanceof InputError) problems.addAll(e.diagnostics.map((d) => ({ ...d })));
      else throw e;
    }
    if (problems.size > before && problems.full) break;
  }
  if (problems.size) {
    // Every phase at once: rows that repeat among those that could be read are listed with the
    // problems of the cells (a value error must not hide a duplicate), up to --max-errors.
    if (!problems.full && schema.rule !== 'sum' && !rules.includes('sum')) {
      const nd = shape.dims.length;
      const placed = rows.flatMap((r) => (repeated.has(r.src) ? [] : [r.keys.length === nd ? r : { ...r, keys: Array.from({ length: nd }, (_, d) => r.keys[d] ?? null) }]));
      const partial: Table = { dims: shape.dims, measures: shape.measures, rows: placed, sources };
      for (const c of findConflicts(partial, options.maxErrors - problems.size)) problems.add(describeConflict(c, partial));
    }
    throw new InputError(problems.list());
  }
  if (new Set(rules).size > 1) {
    const ex = sources.find((_, i) => rules[i] === 'sum')!;
    const reg = sources.find((_, i) => rules[i] === 'refuse')!;
    throw new InputError({
      file: ex.name,
      ...say(
        { message: `is a per-participant or per-employer extract, but ${reg.name} is not`, hint: 'report extracts and regional files in separate runs' },
        { message: `adalah ekstrak per peserta atau per pemberi kerja, sedangkan ${reg.name} bukan`, hint: 'laporkan ekstrak dan berkas wilayah dengan perintah terpisah' },
      ),
    });
  }
  const rule = rules[0] ?? (schema.rule === 'sum' ? 'sum' : 'refuse');
  const nd = shape.dims.length;
  // Rows read before a later file brought a new key column get null for it (in place: no copy of a
  // million-row array when nothing needs it).
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.keys.length !== nd || r.keys.includes(undefined as unknown as null)) rows[i] = { ...r, keys: Array.from({ length: nd }, (_, d) => r.keys[d] ?? null) };
  }
  const table: LoadedTable = { dims: shape.dims, measures: shape.measures, rows, sources, rule };
  for (const s of sources) options.onSource?.(s);
  if (rule === 'refuse') {
    const conflicts = findConflicts(table, options.maxErrors);
    if (conflicts.length) throw new InputError(conflicts.map((c) => describeConflict(c, table)));
  }
  return table;
}

async function loadOne(
  path: string,
  schema: LoadSchema,
  options: LoadOptions,
  wants: ColumnWants,
  shape: TableShape,
  domains: KeyDomains,
  problems: ProblemList,
  src: number,
  rows: TableRow[],
): Promise<(SourceFacts & { rule: 'refuse' | 'sum' }) | undefined> {
  const o = await open(path, options);
  try {
    const firstRead = await o.chunks.next();
    if (firstRead.done || firstRead.value.length === 0) throw new InputError({ file: o.name, ...say('the file is empty', 'berkas kosong') });
    const first = firstRead.value;
    const format = formatOf(path, first);
    let bytesSeen = first.length;
    const progress: AsyncIterator<Buffer> = {
      next: async () => {
        const r = await o.chunks.next();
        if (!r.done) {
          bytesSeen += r.value.length;
          options.onProgress?.(bytesSeen, o.size);
        }
        return r;
      },
    };
    // The sink decides the rule from the header: an id column makes an extract.
    let typed: TypedRows | undefined;
    // Where a cell is, in messages: file:line:column, or what the reader names (book.xlsx:Sheet!B7, x.parquet:row 7 (province)).
    const make = (rule: 'refuse' | 'sum', columnsUpFront: boolean, placeOf?: (line: number, column?: number) => string | undefined, into: ProblemList = problems): TypedRows =>
      new TypedRows(shape, domains, into, {
        file: o.name,
        src,
        wants,
        rule,
        forcedLocale: options.numberLocale === 'auto' ? undefined : options.numberLocale,
        allowOverCoverage: options.allowOverCoverage,
        deriveKanwil: schema.deriveKanwil ?? false,
        place: (line, column) => {
          const named = placeOf?.(line, column);
          return named !== undefined ? { file: named, line: undefined, column: undefined } : { file: o.name, line, column };
        },
        columnsUpFront,
        required: (schema.required ?? []).filter((r) => !(r.regional && rule === 'sum')),
      });
    const fast = format === 'csv' && o.file !== undefined && o.size !== undefined && schema.rule !== 'refuse' ? await fastPath(o as Opened & { file: string; size: number }, first, schema, options, (rule, into) => make(rule, true, undefined, into), rows) : undefined;
    if (fast) return fast;
    const pendingColumns: [string, number, { line: number; column: number }][] = [];
    let blanksBefore = 0;
    const sink = (columnsUpFront: boolean, placeOf?: (line: number, column?: number) => string | undefined): RowSink => ({
      column: (name, index, place) => {
        if (typed) typed.column(name, index, place);
        else pendingColumns.push([name, index, place]);
      },
      row: (cells, line, places) => {
        if (!typed) {
          const extract = schema.rule === 'sum' || (schema.rule === 'auto' && pendingColumns.some(([n]) => isIdColumn(canonicalColumn(n))));
          typed = make(extract ? 'sum' : 'refuse', columnsUpFront, placeOf);
          for (const [n, i, p] of pendingColumns) typed.column(n, i, p);
          typed.blankLines += blanksBefore;
        }
        typed.row(cells, line, places);
      },
      blank: () => {
        if (typed) typed.blank();
        else blanksBefore++;
      },
    });
    let decoded: { encoding: string; bytes: number; sha256: string } | undefined;
    let facts: { delimiter?: string; sheet?: string; headerRow?: number };
    let notes: Note[] = [];
    if (format === 'xlsx') {
      let sheetName: string | undefined;
      const at = (line: number, column?: number): string | undefined => (sheetName === undefined ? undefined : `${o.name}:${xlsxCellName(sheetName, line, column ?? 1)}`);
      const r = await (await import('./readers/xlsx.js')).readXlsxInput(o, first, progress, { sheet: options.sheet, headerRow: options.headerRow, wants, onSheet: (n) => (sheetName = n) }, sink(true, at), problems);
      facts = r.facts;
      notes = r.notes;
      decoded = { encoding: 'binary', bytes: r.bytes, sha256: r.sha256 };
    } else if (format === 'parquet') {
      let names: readonly string[] = [];
      const at = (line: number, column?: number): string => parquetPlace(o.name, names, line, column);
      const fast = options.fastExtract === 'never' ? undefined : (own: ProblemList): TypedRows => make('sum', true, at, own);
      const r = await (await import('./readers/parquet.js')).readParquetInput(o, first, progress, { wants, onColumns: (n) => (names = n), rule: schema.rule, fast }, sink(true, at), problems);
      if (r.route) options.onRoute?.(o.name, r.route);
      if (r.typed) typed = r.typed; // an extract added up by the fast path
      facts = r.facts;
      decoded = { encoding: 'binary', bytes: r.bytes, sha256: r.sha256 };
    } else {
      const text = decodeText(o.name, first, progress, options.encoding, (f) => (decoded = f));
      facts = format === 'json' ? await (await import('./json-rows.js')).readJsonRows(text, o.name, sink(false), problems) : await readCsvRows(text, o.name, { delimiter: options.delimiter, headerRow: options.headerRow }, sink(true), problems);
    }
    if (!typed) {
      // A header and no rows.
      if (problems.size === 0) {
        const t = make(schema.rule === 'sum' ? 'sum' : 'refuse', format !== 'json');
        for (const [n, i, p] of pendingColumns) t.column(n, i, p);
        t.finish();
        if (problems.size === 0) {
          throw new InputError({
            file: o.name,
            ...say({ message: 'no data rows (header only)', hint: 'fill in at least one row; jamsostek template writes a starting file' }, { message: 'tidak ada baris data (hanya baris judul)', hint: 'isi paling sedikit satu baris; jamsostek template menulis berkas awal' }),
          });
        }
      }
      return undefined;
    }
    const t = typed as TypedRows;
    const locale = t.finish();
    if (t.rows.length === 0 && problems.size === 0) throw new InputError({ file: o.name, ...say({ message: 'no data rows', hint: 'every row was blank or a subtotal' }, { message: 'tidak ada baris data', hint: 'semua baris kosong atau berupa subtotal' }) });
    const base = rows.length;
    for (const r of t.rows) rows.push(r.parent === undefined ? r : { ...r, parent: r.parent + base });
    t.rows.length = 0; // the file's rows now live in the load's array only
    return {
      name: o.name,
      format,
      delimiter: facts.delimiter,
      sheet: facts.sheet,
      headerRow: facts.headerRow,
      numberLocale: locale,
      encoding: decoded?.encoding ?? 'utf-8',
      sha256: decoded?.sha256 ?? '',
      bytes: decoded?.bytes ?? 0,
      rows: t.rowsRead,
      blankLines: t.blankLines,
      ignoredColumns: t.ignoredColumns,
      notes: notes.length ? notes : undefined,
      rule: t.rule,
    };
  } finally {
    o.close();
  }
}

/**
 * A large CSV extract through the byte-level engine (src/io/fast-extract.ts), or undefined: then the
 * general path goes on from the same open file. The engine's TypedRows reports into a list of its own,
 * so a problem there only means "read it the general way", which words it with its place.
 */
async function fastPath(
  o: Opened & { file: string; size: number },
  first: Buffer,
  schema: LoadSchema,
  options: LoadOptions,
  make: (rule: 'sum', into: ProblemList) => TypedRows,
  rows: TableRow[],
): Promise<(SourceFacts & { rule: 'refuse' | 'sum' }) | undefined> {
  const mode = options.fastExtract ?? 'auto';
  if (mode === 'never' || (mode === 'auto' && o.size < FAST_EXTRACT_BYTES)) return undefined;
  const { tryFastExtract } = await import('./fast-extract.js');
  const own = new ProblemList(1);
  const typed = make('sum', own);
  const res = await tryFastExtract(
    {
      path: o.file,
      first,
      delimiter: options.delimiter,
      encoding: options.encoding,
      headerRow: options.headerRow,
      forcedLocale: options.numberLocale === 'auto' ? undefined : options.numberLocale,
      extract: schema.rule === 'sum' ? 'yes' : 'auto',
      onProgress: options.onProgress,
    },
    typed,
    own,
  );
  options.onRoute?.(o.name, res ? 'fast' : 'general');
  if (!res) return undefined;
  for (const r of typed.rows) rows.push(r);
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
    rule: 'sum',
  };
}

/** Where a row is, as a message place ("file:line", "book.xlsx:Sheet1!A7", "x.parquet:row 7"). */
export function rowPlace(table: Table, src: number, line: number, lang: 'id' | 'en' = 'en'): string {
  const s = table.sources[src];
  if (!s) return `${lang === 'id' ? 'baris' : 'line'} ${line}`;
  if (s.format === 'parquet') return `${s.name}:${lang === 'id' ? 'baris' : 'row'} ${line}`;
  return s.sheet ? `${s.name}:${xlsxCellName(s.sheet, line, 1)}` : `${s.name}:${line}`;
}

/** A cell of a Parquet file in messages: `x.parquet:row 7 (province)`; the column alone for line 0. */
function parquetPlace(name: string, columns: readonly string[], line: number, column?: number): string {
  const col = column !== undefined && columns[column - 1] !== undefined ? ` (${clipValue(columns[column - 1]!)})` : '';
  return line >= 1 ? `${name}:row ${line}${col}` : `${name}${col}`;
}

function describeKeys(c: Conflict, table: Table, lang: 'id' | 'en' = 'en'): string {
  const parts: string[] = [];
  table.dims.forEach((d, i) => {
    const k = c.keys[i];
    if (k !== null && k !== undefined && d.name !== 'kanwil') parts.push(d.labels.get(k) ?? k);
  });
  return parts.join(' / ') || (lang === 'id' ? '(tanpa kolom kunci)' : '(no key columns)');
}

function describeConflict(c: Conflict, table: Table): Problem {
  const second = table.sources[c.second.src]!;
  const first = table.sources[c.first.src]!;
  const sameFile = c.first.src === c.second.src;
  const where = sameFile ? `first at line ${c.first.line}` : `first at ${rowPlace(table, c.first.src, c.first.line)}`;
  const whereId = sameFile ? `pertama di baris ${c.first.line}` : `pertama di ${rowPlace(table, c.first.src, c.first.line, 'id')}`;
  const place = second.sheet || second.format === 'parquet' ? { file: rowPlace(table, c.second.src, c.second.line) } : { file: second.name, line: c.second.line };
  if (c.kind === 'duplicate') {
    const ignored = second.ignoredColumns.length ? second.ignoredColumns : first.ignoredColumns;
    const cols = ignored.map((x) => `"${x}"`).join(', ');
    const by = `--by ${['province', ...ignored.map(canonicalColumn)].slice(0, 2).join(',')}`;
    return {
      ...place,
      ...say(
        {
          message: `duplicate row for ${describeKeys(c, table)} (${where})`,
          hint: ignored.length ? `the rows may differ in ${cols}, which is not a key: ${by} keeps them apart` : 'each key may appear once; per-participant extracts (with an id column) are added up instead',
        },
        {
          message: `baris ganda untuk ${describeKeys(c, table, 'id')} (${whereId})`,
          hint: ignored.length ? `baris-baris itu mungkin berbeda di ${cols}, yang bukan kolom kunci: ${by} memisahkannya` : 'setiap kunci hanya boleh muncul sekali; ekstrak per peserta (dengan kolom id) dijumlahkan',
        },
      ),
    };
  }
  const dimsOf = (src: number, lang: 'id' | 'en'): string => table.dims.filter((_, i) => table.rows.some((r) => r.src === src && r.keys[i] !== null)).map((d) => dimWord(d.name, lang)).join(', ');
  const firstAt = rowPlace(table, c.first.src, c.first.line);
  return {
    ...place,
    ...say(
      {
        message: `rows for ${describeKeys(c, table)} overlap with ${firstAt}: one is given per ${dimsOf(c.first.src, 'en') || 'nothing'}, the other per ${dimsOf(c.second.src, 'en') || 'nothing'}`,
        hint: 'each area may be given once per period: remove one of them, or give every file the same key columns (e.g. a period column)',
      },
      {
        message: `baris untuk ${describeKeys(c, table, 'id')} tumpang tindih dengan ${rowPlace(table, c.first.src, c.first.line, 'id')}: yang satu diberikan per ${dimsOf(c.first.src, 'id') || 'tanpa kunci'}, yang lain per ${dimsOf(c.second.src, 'id') || 'tanpa kunci'}`,
        hint: 'setiap wilayah hanya boleh diberikan sekali per periode: hapus salah satunya, atau beri semua berkas kolom kunci yang sama (mis. kolom periode)',
      },
    ),
  };
}
