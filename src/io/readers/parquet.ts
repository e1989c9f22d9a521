// Parquet rows: a Parquet file (an extract or an aggregated table from DuckDB, Spark or BigQuery) →
// column names and data rows for a RowSink, row group by row group and only the columns the load uses
// (the others are announced, so that `validate` lists them, and read as empty). The file is read in
// ranges (its footer first); a row group's columns are decoded by hyparquet (pure JavaScript: snappy
// built in; gzip, brotli and — on Node 22.15 and later — zstd through Node's zlib), then handed on as
// rows. Memory follows one row group, never the file.
//
// Cells: text as text; whole numbers as numbers (INT64 beyond 2^53 as its exact digits); decimals and
// floats as numbers; dates as YYYY-MM-DD and timestamps as YYYY-MM-DDTHH:MM:SS (UTC); booleans; nulls
// empty. Nested columns (lists, structs, maps) are refused when the load uses them. Places in messages
// are `file.parquet:row N` (the 1-based row of the file) with the column's name.

import * as zlib from 'node:zlib';
import { ProblemList, say, type Bilingual, type Problem } from '../../errors.js';
import { clipValue } from '../../core/clip.js';
import type { Cell, CellPlace, ReaderFacts, RowSink } from '../row-sink.js';
import { randomAccess, type ByteSource } from './byte-source.js';
import { columnDecoder, readChunk, type ValuesChunk } from './parquet-chunks.js';
import { tryParquetExtract, type ParquetFile, type SharedIds } from './parquet-extract.js';
import { saysStatus, type TypedRows } from '../typed-rows.js';
import { emptyFile } from '../words.js';
import type { FileMetaData, SchemaTree } from 'hyparquet/src/types.js';
import { DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { canonicalColumn, roleOf, type ColumnWants } from '../../core/columns.js';

export interface ParquetReadOptions {
  /** Whether the load uses a column: only those are read. All are read when absent. */
  readonly wanted?: (name: string) => boolean;
  /** Told the column names (in file order) before any row, for the places of messages. */
  readonly onColumns?: (names: readonly string[]) => void;
}

/** The footer (file metadata) is at most this large: a wider one is not a table the tool reads. */
const MAX_FOOTER = 64 * 2 ** 20;
const DAY_MS = 86_400_000;

/** A date or a timestamp (milliseconds, UTC) as the text the typed layer reads. */
function timeText(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const d = new Date(ms);
  if (!Number.isFinite(d.getTime())) return String(ms);
  const iso = d.toISOString();
  return ms % DAY_MS === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** hyparquet's parsers, giving the typed layer's texts instead of Date objects. */
const PARSERS = {
  dateFromDays: (days: number): string => timeText(days * DAY_MS),
  timestampFromMilliseconds: (ms: bigint): string => timeText(Number(ms)),
  timestampFromMicroseconds: (us: bigint): string => timeText(Number(us / 1000n)),
  timestampFromNanoseconds: (ns: bigint): string => timeText(Number(ns / 1_000_000n)),
};

type Codec = (input: Uint8Array, outputLength: number) => Uint8Array;

/** Decompressors beyond hyparquet's own snappy, from Node's zlib. */
function compressors(): Record<string, Codec> {
  const out: Record<string, Codec> = Object.create(null) as Record<string, Codec>;
  out['GZIP'] = (input) => zlib.gunzipSync(input);
  out['BROTLI'] = (input) => zlib.brotliDecompressSync(input);
  const zstd = (zlib as unknown as { zstdDecompressSync?: (b: Uint8Array) => Uint8Array }).zstdDecompressSync;
  if (zstd) out['ZSTD'] = (input) => zstd(input);
  return out;
}
const READABLE_CODECS = new Set(['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI']);
const REWRITE = { en: "write it again with DuckDB (COPY … TO 'x.parquet'), Spark or pandas, or as CSV", id: "tulis ulang dengan DuckDB (COPY … TO 'x.parquet'), Spark atau pandas, atau sebagai CSV" };

function asyncBuffer(source: ByteSource): { byteLength: number; slice(start: number, end?: number): Promise<ArrayBuffer> } {
  return {
    byteLength: source.size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const u = await source.read(start, (end ?? source.size) - start);
      if (u.byteOffset === 0 && u.byteLength === u.buffer.byteLength && u.buffer instanceof ArrayBuffer) return u.buffer;
      return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
    },
  };
}

const u32 = (b: Uint8Array, i: number): number => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const isMagic = (b: Uint8Array, i: number, word: string): boolean => [...word].every((ch, k) => b[i + k] === ch.charCodeAt(0));

/** Whether these first bytes are a Parquet file's. */
export function looksLikeParquet(first: Uint8Array): boolean {
  return first.length >= 4 && (isMagic(first, 0, 'PAR1') || isMagic(first, 0, 'PARE'));
}

type Hyparquet = typeof import('hyparquet');

/**
 * A Parquet file opened: its footer read and checked, its columns named. Undefined (with the problem
 * added) when it cannot be read, or when a column the load uses cannot be.
 */
export async function openParquet(source: ByteSource, file: string, wanted: ((name: string) => boolean) | undefined, problems: ProblemList): Promise<ParquetFile | undefined> {
  const refuse = (text: Bilingual): undefined => {
    problems.add({ file, ...text });
    return undefined;
  };
  if (source.size === 0) return refuse(emptyFile());
  const head = await source.read(0, 4);
  if (source.size < 12 || !looksLikeParquet(head)) {
    return refuse(say({ message: 'this is not a Parquet file (it does not begin with PAR1)', hint: 'give Parquet files the extension .parquet, and CSV files .csv' }, { message: 'ini bukan berkas Parquet (tidak diawali PAR1)', hint: 'beri berkas Parquet ekstensi .parquet, dan berkas CSV .csv' }));
  }
  const tail = await source.read(source.size - 8, 8);
  if (isMagic(head, 0, 'PARE') || isMagic(tail, 4, 'PARE')) {
    return refuse(say({ message: 'the Parquet file is encrypted', hint: 'write it again without encryption' }, { message: 'berkas Parquet ini terenkripsi', hint: 'tulis ulang tanpa enkripsi' }));
  }
  if (!isMagic(tail, 4, 'PAR1') || u32(tail, 0) > source.size - 12 || u32(tail, 0) > MAX_FOOTER) {
    return refuse(say({ message: 'the Parquet file is cut short or damaged (its footer is missing)', hint: REWRITE.en }, { message: 'berkas Parquet terpotong atau rusak (bagian akhirnya tidak ada)', hint: REWRITE.id }));
  }
  const hp: Hyparquet = await import('hyparquet');
  const buffer = asyncBuffer(source);
  let metadata: FileMetaData;
  let tree: SchemaTree;
  try {
    metadata = await hp.parquetMetadataAsync(buffer, { parsers: PARSERS });
    tree = hp.parquetSchema(metadata);
  } catch (e) {
    return refuse(say({ message: `the Parquet file cannot be read: ${(e as Error).message}`, hint: REWRITE.en }, { message: `berkas Parquet tidak dapat dibaca: ${(e as Error).message}`, hint: REWRITE.id }));
  }
  const names = tree.children.map((c) => c.element.name);
  const codecs = compressors();
  const f: ParquetFile = { source, metadata, tree, names, parsers: { ...DEFAULT_PARSERS, ...PARSERS } as unknown as ParquetFile['parsers'], compressors: codecs };
  let bad = false;
  tree.children.forEach((c, i) => {
    const name = c.element.name;
    if (wanted && !wanted(name)) return;
    if (c.children.length > 0 || c.element.repetition_type === 'REPEATED') {
      bad = true;
      problems.add({
        file: `${file} (${clipValue(name)})`,
        ...say(
          { message: `column ${JSON.stringify(clipValue(name))} is nested (a list, a struct or a map), not one value a row`, hint: 'select plain columns into the file (one value per row and column)' },
          { message: `kolom ${JSON.stringify(clipValue(name))} bertingkat (list, struct atau map), bukan satu nilai per baris`, hint: 'pilih kolom biasa ke dalam berkas (satu nilai per baris dan kolom)' },
        ),
      });
      return;
    }
    for (const rg of metadata.row_groups) {
      const codec = rg.columns[i]?.meta_data?.codec;
      if (codec !== undefined && !READABLE_CODECS.has(codec) && !(codec in codecs)) {
        bad = true;
        problems.add({
          file,
          ...say(
            { message: `column ${JSON.stringify(clipValue(name))} is compressed with ${codec}, which this Node.js cannot read`, hint: `write the file with SNAPPY compression (DuckDB: COPY … TO 'x.parquet' (COMPRESSION snappy))${codec === 'ZSTD' ? ', or use Node.js 22.15 or later' : ''}` },
            { message: `kolom ${JSON.stringify(clipValue(name))} dimampatkan dengan ${codec}, yang tidak dapat dibaca Node.js ini`, hint: `tulis berkas dengan pemampatan SNAPPY (DuckDB: COPY … TO 'x.parquet' (COMPRESSION snappy))${codec === 'ZSTD' ? ', atau pakai Node.js 22.15 atau lebih baru' : ''}` },
          ),
        });
        return;
      }
    }
  });
  return bad ? undefined : f;
}

/**
 * Read a Parquet file, row group by row group, every row to the sink (the general path).
 *
 * @example
 * // extract.parquet: participant_id INT64, province STRING, period STRING; 3 rows
 * await readParquetRows(source, 'extract.parquet', { wanted }, sink, problems)
 * // → sink.column('participant_id', 0, {line: 0, column: 1}), … then
 * //   sink.row([1000001, 'Aceh', '2024-06'], 1, [{line: 1, column: 1}, …]), …
 * // → { format: 'parquet' }
 */
export async function readParquetRows(source: ByteSource, file: string, options: ParquetReadOptions, sink: RowSink, problems: ProblemList): Promise<ReaderFacts> {
  const facts: ReaderFacts = { format: 'parquet' };
  const f = await openParquet(source, file, options.wanted, problems);
  if (!f) return facts;
  const { names, tree, metadata } = f;
  options.onColumns?.(names);
  const wanted: number[] = [];
  names.forEach((name, i) => {
    sink.column(name, i, { line: 0, column: i + 1 });
    if (!options.wanted || options.wanted(name)) wanted.push(i);
  });
  const place = (row: number, column: number): string => `${file}:row ${row} (${clipValue(names[column - 1] ?? '?')})`;
  const width = names.length;
  const places: { line: number; column: number }[] = Array.from({ length: width }, (_, i) => ({ line: 0, column: i + 1 }));
  let rowStart = 0;
  for (const rg of metadata.row_groups) {
    const n = Number(rg.num_rows);
    const rowEnd = rowStart + n;
    if (n === 0) continue;
    const columns: ValuesChunk[] = [];
    try {
      for (const i of wanted) {
        const meta = rg.columns[i]!.meta_data!;
        columns.push((await readChunk(source, meta, columnDecoder(tree, i, meta, f.parsers, f.compressors), n, 'values')) as ValuesChunk);
      }
    } catch (e) {
      problems.add({
        file: `${file}:row ${rowStart + 1}`,
        ...say({ message: `rows ${rowStart + 1}–${rowEnd} cannot be read: ${(e as Error).message}`, hint: REWRITE.en }, { message: `baris ${rowStart + 1}–${rowEnd} tidak dapat dibaca: ${(e as Error).message}`, hint: REWRITE.id }),
      });
      return facts;
    }
    for (let r = 0; r < n; r++) {
      const line = rowStart + r + 1;
      const cells: Cell[] = new Array<Cell>(width).fill(null);
      for (const p of places) p.line = line;
      let empty = true;
      // Cells refused here, said once (RowSink.row: no second problem for them).
      let refused: number[] | undefined;
      for (let k = 0; k < wanted.length; k++) {
        const i = wanted[k]!;
        const chunk = columns[k]!;
        if (chunk.nulls?.[r]) continue;
        const v = chunk.values[r];
        const cell = toCell(v);
        if (cell === undefined) {
          problems.add(unreadable(place(line, i + 1), v));
          (refused ??= []).push(i);
          empty = false;
          continue;
        }
        cells[i] = cell;
        if (cell !== null && cell !== '') empty = false;
      }
      if (empty && wanted.length > 0) sink.blank?.(line);
      else sink.row(cells, line, places as CellPlace[], undefined, refused);
    }
    rowStart = rowEnd;
  }
  return facts;
}

/** A decoded Parquet value as a raw cell; undefined when it is of no kind the tool reads. */
function toCell(v: unknown): Cell | undefined {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : undefined;
    case 'bigint':
      return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
    default:
      return v instanceof Date ? timeText(v.getTime()) : undefined;
  }
}

function unreadable(where: string, v: unknown): Problem {
  const kind = v instanceof Uint8Array ? 'binary data' : typeof v === 'number' ? String(v) : 'a nested value';
  return {
    file: where,
    ...say(
      { message: `a value the tool cannot read (${kind})`, hint: 'write the column as text or as numbers' },
      { message: `nilai yang tidak dapat dibaca (${kind === 'binary data' ? 'data biner' : kind === 'a nested value' ? 'nilai bertingkat' : kind})`, hint: 'tulis kolom itu sebagai teks atau angka' },
    ),
  };
}

/**
 * An opened Parquet file (read in ranges from disk; standard input read whole) for the loader: an
 * extract through the fast path when it can (parquet-extract.ts: the rows added up per key, into a
 * TypedRows of its own, returned), else every row to the sink; only the columns the load uses are read.
 */
export async function readParquetInput(
  input: { readonly name: string; readonly file?: string },
  first: Uint8Array,
  rest: AsyncIterator<Uint8Array>,
  options: {
    readonly wants: ColumnWants;
    readonly onColumns: (names: readonly string[]) => void;
    /** The load's rule ('refuse': regional rows, read one by one), and a TypedRows for the fast path. */
    readonly rule: 'refuse' | 'sum' | 'auto';
    readonly fast?: (own: ProblemList) => TypedRows;
    /** A load of several sources: the fast path's ids for the load's id ledger (parquet-extract.ts). */
    readonly shared?: SharedIds;
  },
  sink: RowSink,
  problems: ProblemList,
): Promise<{ facts: ReaderFacts; typed?: TypedRows; route?: 'fast' | 'general'; sha256: string; bytes: number }> {
  const opened = await randomAccess(input.name, input.file, first, rest);
  try {
    // The columns read: keys, figures, ids; and in an extract a status column, whose values its
    // warning names (typed-rows.ts statusNotes).
    const wanted = (name: string): boolean => {
      const canonical = canonicalColumn(name);
      return canonical !== '' && (roleOf(canonical, options.wants).kind !== 'ignored' || (options.rule !== 'refuse' && saysStatus(name)));
    };
    let route: 'general' | undefined;
    if (options.rule !== 'refuse' && options.fast) {
      route = 'general';
      const own = new ProblemList(1);
      const f = await openParquet(opened.source, input.name, wanted, own);
      if (f) {
        options.onColumns(f.names);
        const typed = options.fast(own);
        if (await tryParquetExtract(f, options.rule === 'sum' ? 'yes' : 'auto', typed, own, options.shared)) return { facts: { format: 'parquet' }, typed, route: 'fast', sha256: opened.sha256, bytes: opened.bytes };
      }
    }
    const facts = await readParquetRows(opened.source, input.name, { wanted, onColumns: options.onColumns }, sink, problems);
    return { facts, route, sha256: opened.sha256, bytes: opened.bytes };
  } finally {
    await opened.close();
  }
}
