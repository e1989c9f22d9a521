// The registry of input formats: one Reader per format, with how the format is recognised. Adding a
// format is one file (its reader, against the RowSink contract in ../row-sink.ts) and one line here:
// `satisfies Record<InputFormat, …>` means a format named in INPUT_FORMATS cannot lack its reader.
// Readers are loaded on first use, so a run on CSV files never loads the JSON parser or the workbook
// reader (start-up time is measured in bench/).
//
// A reader knows the syntax of its format and where each cell is, nothing of what columns mean: it hands
// every header name and data row to the sink as it reads them (nothing is kept: memory stays flat) and
// reports syntax problems with their places into the ProblemList. The loader (../load.ts) gives it the
// first bytes (already read, to tell the format) and the rest of the stream; the loader hashes every
// byte on the way (ByteTap), so a reader computes no sha256 of its own. A reader that reads a regular
// file by itself (by offsets, like a Parquet footer) may use `path` and leave the stream: the loader
// then reads the rest of the stream for the hash.
//
// Miller's record-reader factory is the model: one signature, one file per format.

import type { ColumnWants } from '../../core/columns.js';
import type { Note } from '../../core/facts.js';
import type { ProblemList } from '../../errors.js';
import type { Encoding, ReaderFacts, RowSink } from '../row-sink.js';
import type { JsonShown, JsonTotals } from '../json-rows.js';
import type { TypedRows } from '../typed-rows.js';
import type { SharedIds } from './parquet-extract.js';
import type { OwnHeader } from '../csv-rows.js';

export const INPUT_FORMATS = ['csv', 'json', 'xlsx', 'parquet'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface ReadOptions {
  readonly delimiter?: string;
  readonly encoding?: Encoding;
  readonly sheet?: string;
  /**
   * A workbook given by another flag (--targets, --workforce…): without the sheet `sheet` names, it is
   * read by its own rule (its first visible sheet), and a note names the sheet read.
   */
  readonly sheetIfThere?: boolean;
  /** A data input (no --targets/--workforce role): other visible sheets with the same data header are refused, not left out (rv21 C). */
  readonly oneDataSheet?: boolean;
  readonly headerRow?: number;
  /**
   * A file given by another flag (the load's role) under --header-row/--delimiter given for the data
   * files: read as without them when its own first line is a header the load can use (csv-rows.ts).
   */
  readonly ownHeader?: OwnHeader;
}

export interface ReaderInput {
  /** The source as messages name it. */
  readonly name: string;
  /** The absolute path when the source is a regular file (it can then be read again, or by offsets). */
  readonly path?: string;
  readonly size?: number;
  /** The first bytes, already read. */
  readonly first: Buffer;
  /** The other bytes, in order (hashed by the loader as they pass). */
  readonly rest: AsyncIterator<Buffer>;
  readonly options: ReadOptions;
  /** Is a header one the tool knows (to find the header row of a workbook)? */
  readonly isKnownColumn: (header: string) => boolean;
  /** What the load reads (a reader of a columnar format reads only those columns). */
  readonly wants: ColumnWants;
  /** The load's rule (a reader with a fast path of its own takes it for extracts only). */
  readonly rule: 'refuse' | 'sum' | 'auto';
  /** The sheet read: places are then named as cells (Sheet1!B7). */
  readonly onSheet: (name: string) => void;
  /** The column names, in file order (Parquet: places are then named by row and column). */
  readonly onColumns: (names: readonly string[]) => void;
  /**
   * A TypedRows for an extract added up by the reader's own fast path (its problems go to `own`, and
   * only mean "read it row by row"): a reader that uses it returns it in `typed`.
   */
  readonly fast?: (own: ProblemList) => TypedRows;
  /** With `fast`, in a load of several sources: where the fast path puts its participant ids. */
  readonly shared?: SharedIds;
}

export interface ReadResult extends ReaderFacts {
  /** The text encoding; binary formats leave it out. */
  readonly encoding?: Encoding;
  /** What the reader decided on the user's behalf (the sheet read, merged cells filled). */
  readonly notes?: readonly Note[];
  /** The fast path's TypedRows, when the reader added the rows up itself (`fast`). */
  readonly typed?: TypedRows;
  /** Whether the reader's fast path was tried: taken ('fast') or not ('general'). */
  readonly route?: 'fast' | 'general';
  /** JSON: the file's own "totals" object, to be checked against its rows. */
  readonly totals?: JsonTotals;
  /** JSON: a report's "meta"."shown" (how many rows of how many it shows: --top). */
  readonly shown?: JsonShown;
}

/** Every header name and row of the source to the sink, with places; syntax problems to `problems`. */
export type Reader = (input: ReaderInput, sink: RowSink, problems: ProblemList) => Promise<ReadResult>;

export interface ReaderEntry {
  /** File name endings that mean this format (lower case, without the dot). */
  readonly extensions: readonly string[];
  /** Does the content look like this format (when the name says nothing)? */
  readonly sniff?: (first: Buffer) => boolean;
  /** All header names come before the first row (CSV, xlsx); JSON announces a key when first seen. */
  readonly columnsUpFront: boolean;
  /**
   * The reader is done with a chunk of `rest` when it asks for the next one (it decodes each at once):
   * the loader may then read every chunk into the same buffer.
   */
  readonly transient?: boolean;
  readonly load: () => Promise<Reader>;
}

const text = async (input: ReaderInput): Promise<{ chunks: AsyncIterable<string>; encoding: () => Encoding; clean: (chunk: string) => boolean }> => {
  const { decodeText } = await import('../source.js');
  let encoding: Encoding = 'utf-8';
  // The last chunk whose bytes held no control character (decodeText's `clean`).
  let cleanText: string | undefined;
  const chunks = decodeText(input.name, input.first, input.rest, input.options.encoding, (f) => (encoding = f.encoding), (t) => (cleanText = t));
  return { chunks, encoding: () => encoding, clean: (chunk) => chunk === cleanText };
};

export const READERS = {
  csv: {
    extensions: ['csv', 'tsv', 'txt'],
    columnsUpFront: true,
    transient: true,
    load: async () => {
      const { readCsvRows } = await import('../csv-rows.js');
      return async (input, sink, problems) => {
        const t = await text(input);
        const facts = await readCsvRows(t.chunks, input.name, { delimiter: input.options.delimiter, headerRow: input.options.headerRow, clean: t.clean, ...(input.options.ownHeader ? { ownHeader: input.options.ownHeader } : {}) }, sink, problems);
        return { ...facts, encoding: t.encoding() };
      };
    },
  },
  json: {
    // JSON lines (`-f jsonl`'s output) are JSON too: the same reader, one row object after another.
    extensions: ['json', 'jsonl', 'ndjson'],
    sniff: (first) => {
      const head = first.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
      return head.startsWith('[') || head.startsWith('{');
    },
    columnsUpFront: false,
    transient: true,
    load: async () => {
      const { looksLikeJsonLines, readJsonRows } = await import('../json-rows.js');
      return async (input, sink, problems) => {
        const lines = /\.(jsonl|ndjson)$/i.test(input.name) || looksLikeJsonLines(input.first);
        const t = await text(input);
        const facts = await readJsonRows(t.chunks, input.name, sink, problems, undefined, lines);
        return { ...facts, encoding: t.encoding() };
      };
    },
  },
  xlsx: {
    extensions: ['xlsx'],
    sniff: (first) => first[0] === 0x50 && first[1] === 0x4b && first[2] === 0x03 && first[3] === 0x04,
    columnsUpFront: true,
    load: async () => {
      const { readXlsxInput } = await import('./xlsx.js');
      return async (input, sink, problems) => {
        const r = await readXlsxInput({ name: input.name, file: input.path }, input.first, input.rest, { sheet: input.options.sheet, sheetIfThere: input.options.sheetIfThere, oneDataSheet: input.options.oneDataSheet, headerRow: input.options.headerRow, ...(input.options.ownHeader ? { ownHeader: input.options.ownHeader } : {}), wants: input.wants, onSheet: input.onSheet }, sink, problems);
        return { ...r.facts, notes: r.notes };
      };
    },
  },
  parquet: {
    extensions: ['parquet'],
    sniff: (first) => first[0] === 0x50 && first[1] === 0x41 && first[2] === 0x52 && first[3] === 0x31,
    columnsUpFront: true,
    load: async () => {
      const { readParquetInput } = await import('./parquet.js');
      return async (input, sink, problems) => {
        const r = await readParquetInput({ name: input.name, file: input.path }, input.first, input.rest, { wants: input.wants, onColumns: input.onColumns, rule: input.rule, fast: input.fast, shared: input.shared }, sink, problems);
        return { ...r.facts, typed: r.typed, route: r.route };
      };
    },
  },
} satisfies Record<InputFormat, ReaderEntry>;

/** The format of a source: by its name's ending, else by its first bytes (JSON, xlsx, Parquet), else CSV. */
export function formatOf(path: string, first: Buffer): InputFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext !== undefined) for (const f of INPUT_FORMATS) if ((READERS[f] as ReaderEntry).extensions.includes(ext)) return f;
  for (const f of INPUT_FORMATS) if ((READERS[f] as ReaderEntry).sniff?.(first)) return f;
  return 'csv';
}

const loaded = new Map<InputFormat, Reader>();

/** The reader of a format (loaded once). */
export async function readerOf(format: InputFormat): Promise<Reader> {
  let r = loaded.get(format);
  if (!r) loaded.set(format, (r = await (READERS[format] as ReaderEntry).load()));
  return r;
}
