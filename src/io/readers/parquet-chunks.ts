// One flat column of one row group of a Parquet file, decoded page by page with hyparquet's own page
// functions (page headers, decompression, definition levels, PLAIN and dictionary and DELTA encodings,
// type conversion), but assembled here: hyparquet's generic assembly (lists and structs) spent most of
// its time and memory on flat nullable columns, which is what extracts are (DuckDB and Spark write every
// column nullable). Two outputs:
//   values  one value a row (null where the row has none): typed arrays for plain numbers, so that ids
//           and counts are read without a JavaScript value each;
//   codes   for key columns: one small number a row (−1: null) into the column's distinct values, so
//           that rows are grouped by numbers and each distinct text is handled once (a dictionary
//           page gives the distinct values directly).

import { parquetHeader } from 'hyparquet/src/column.js';
import { convert as convertValues } from 'hyparquet/src/convert.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { readPlain } from 'hyparquet/src/plain.js';
import type { ColumnDecoder, ColumnMetaData, Compressors, DataPageHeader, DecodedArray, SchemaTree } from 'hyparquet/src/types.js';
import type { ByteSource } from './byte-source.js';

export interface ValuesChunk {
  readonly kind: 'values';
  readonly n: number;
  /** A value a row; a typed array when the column is plain numbers (then `nulls` marks the rows without one). */
  readonly values: ArrayLike<unknown>;
  readonly nulls: Uint8Array | undefined;
}

export interface CodesChunk {
  readonly kind: 'codes';
  readonly n: number;
  /** Per row: the index of its value in `distinct`, or −1 for null. */
  readonly codes: Int32Array;
  readonly distinct: readonly unknown[];
}

export type Chunk = ValuesChunk | CodesChunk;

type Typed = BigInt64Array | BigUint64Array | Int32Array | Uint32Array | Float64Array | Float32Array;

function typedLike(a: unknown, n: number): Typed | undefined {
  if (a instanceof BigInt64Array) return new BigInt64Array(n);
  if (a instanceof BigUint64Array) return new BigUint64Array(n);
  if (a instanceof Int32Array) return new Int32Array(n);
  if (a instanceof Uint32Array) return new Uint32Array(n);
  if (a instanceof Float64Array) return new Float64Array(n);
  if (a instanceof Float32Array) return new Float32Array(n);
  return undefined;
}

/**
 * hyparquet's conversion of decoded values, but for DECIMAL: hyparquet makes every decimal a float, so a
 * DECIMAL(38,0) of 12345678901234567890 (DuckDB writes a SUM so) would reach the typed layer rounded. A
 * whole decimal beyond 2^53 is given as its exact digits instead, as an INT64 is (the typed layer then
 * refuses it as stored); a whole one within is a number; one with a fraction stays hyparquet's float.
 */
function convert(data: DecodedArray, decoder: ColumnDecoder): DecodedArray {
  const lt = decoder.element.logical_type;
  if (decoder.element.converted_type !== 'DECIMAL' && lt?.type !== 'DECIMAL') return convertValues(data, decoder);
  const scale = decoder.element.scale ?? (lt?.type === 'DECIMAL' ? lt.scale : 0);
  const factor = 10n ** BigInt(scale);
  const out = new Array<number | string>(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as unknown;
    const unscaled = v instanceof Uint8Array ? signedBigEndian(v) : typeof v === 'bigint' ? v : BigInt(v as number);
    if (unscaled % factor !== 0n) {
      out[i] = Number(unscaled) / Number(factor);
      continue;
    }
    const whole = unscaled / factor;
    out[i] = whole >= BigInt(Number.MIN_SAFE_INTEGER) && whole <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(whole) : whole.toString();
  }
  return out;
}

/** A two's-complement big-endian integer (a FIXED_LEN_BYTE_ARRAY or BYTE_ARRAY decimal). */
function signedBigEndian(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return bytes.length && bytes[0]! & 0x80 ? v - (1n << BigInt(bytes.length * 8)) : v;
}

/** The decoding parameters of a top-level flat column. */
export function columnDecoder(tree: SchemaTree, index: number, meta: ColumnMetaData, parsers: ColumnDecoder['parsers'], compressors: Compressors): ColumnDecoder {
  const node = tree.children[index]!;
  return { pathInSchema: [node.element.name], type: meta.type, element: node.element, schemaPath: [tree, node], codec: meta.codec, parsers, compressors, utf8: true };
}

/** The byte range of a column chunk in the file. */
export function chunkRange(meta: ColumnMetaData): { start: number; length: number } {
  const data = Number(meta.data_page_offset);
  const dict = meta.dictionary_page_offset === undefined ? undefined : Number(meta.dictionary_page_offset);
  const start = dict !== undefined && dict > 0 && dict < data ? dict : data;
  return { start, length: Number(meta.total_compressed_size) };
}

/**
 * Decode one column chunk (`rows` rows) from the file. Throws hyparquet's errors for a damaged or
 * unsupported chunk; the caller words them.
 */
export async function readChunk(source: ByteSource, meta: ColumnMetaData, decoder: ColumnDecoder, rows: number, mode: 'values' | 'codes'): Promise<Chunk> {
  const { start, length } = chunkRange(meta);
  const bytes = await source.read(start, length);
  if (bytes.length < length) throw new Error(`the column chunk at byte ${start} is cut short`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = { view, offset: 0 };
  const maxDef = decoder.element.repetition_type === 'REQUIRED' ? 0 : 1;

  // Output.
  let typed: Typed | undefined;
  let array: unknown[] | undefined;
  let nulls: Uint8Array | undefined;
  const codes = mode === 'codes' ? new Int32Array(rows) : undefined;
  const distinct: unknown[] = [];
  const seen = new Map<unknown, number>();
  const codeOf = (v: unknown): number => {
    if (v === null || v === undefined) return -1;
    const key = v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v;
    let c = seen.get(key);
    if (c === undefined) {
      c = distinct.length;
      distinct.push(v);
      seen.set(key, c);
    }
    return c;
  };

  let dictionary: DecodedArray | undefined;
  let dictCodes: Int32Array | undefined;
  let row = 0;
  while (row < rows && reader.offset < bytes.length) {
    const header = parquetHeader(reader);
    const pageBytes = bytes.subarray(reader.offset, reader.offset + header.compressed_page_size);
    reader.offset += header.compressed_page_size;
    if (header.type === 'DICTIONARY_PAGE') {
      const page = decompressPage(pageBytes, header.uncompressed_page_size, decoder.codec, decoder.compressors);
      const values = readPlain({ view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 }, decoder.type, header.dictionary_page_header!.num_values, decoder.element.type_length);
      dictionary = convert(values, decoder);
      if (codes) {
        dictCodes = new Int32Array(dictionary.length);
        for (let k = 0; k < dictionary.length; k++) dictCodes[k] = codeOf(dictionary[k]);
      }
      continue;
    }
    let definitionLevels: ArrayLike<number> | undefined;
    let dataPage: DecodedArray;
    let count: number;
    let encoding: string;
    if (header.type === 'DATA_PAGE') {
      const daph = header.data_page_header!;
      const page = decompressPage(pageBytes, header.uncompressed_page_size, decoder.codec, decoder.compressors);
      ({ definitionLevels, dataPage } = readFlatPage(page, daph, decoder, maxDef) ?? readDataPage(page, daph, decoder));
      count = daph.num_values;
      encoding = daph.encoding;
    } else if (header.type === 'DATA_PAGE_V2') {
      const daph2 = header.data_page_header_v2!;
      ({ definitionLevels, dataPage } = readDataPageV2(pageBytes, header, decoder));
      count = daph2.num_values;
      encoding = daph2.encoding;
    } else continue; // an index page
    if (row + count > rows) throw new Error(`a page of ${count} values runs past the row group's ${rows} rows`);
    const dict = encoding === 'PLAIN_DICTIONARY' || encoding === 'RLE_DICTIONARY';
    if (dict && !dictionary) throw new Error('a dictionary-encoded page without a dictionary');
    const defs = definitionLevels && definitionLevels.length ? definitionLevels : undefined;
    const present = (k: number): boolean => defs === undefined || defs[k] === maxDef;

    if (codes) {
      if (dict) {
        for (let k = 0, j = 0; k < count; k++) codes[row + k] = present(k) ? dictCodes![dataPage[j++] as number]! : -1;
      } else {
        const values = convert(dataPage, decoder);
        for (let k = 0, j = 0; k < count; k++) codes[row + k] = present(k) ? codeOf(values[j++]) : -1;
      }
      row += count;
      continue;
    }

    const values = dict ? undefined : convert(dataPage, decoder);
    // The first page decides the output: a typed array for plain numbers, else an array of values.
    if (!typed && !array) {
      const sample = dict ? dictionary : values;
      typed = typedLike(sample, rows);
      if (!typed) array = new Array<unknown>(rows).fill(null);
    }
    if (typed && (dict ? !sameKind(typed, dictionary) : !sameKind(typed, values))) {
      // A page of another kind (rare): go on as an array of values.
      array = Array.from(typed.subarray(0, row) as ArrayLike<unknown>);
      for (let k = 0; k < row; k++) if (nulls?.[k]) array[k] = null;
      array.length = rows;
      typed = undefined;
    }
    if (typed) {
      if (!defs && !dict) (typed as { set(a: ArrayLike<unknown>, at: number): void }).set(values as ArrayLike<unknown>, row);
      else {
        for (let k = 0, j = 0; k < count; k++) {
          if (present(k)) (typed as unknown as unknown[])[row + k] = dict ? dictionary![dataPage[j++] as number] : values![j++];
          else (nulls ??= new Uint8Array(rows))[row + k] = 1;
        }
      }
    } else {
      const out = array!;
      for (let k = 0, j = 0; k < count; k++) out[row + k] = present(k) ? (dict ? dictionary![dataPage[j++] as number] : values![j++]) : null;
    }
    row += count;
  }
  if (row !== rows) throw new Error(`the column has ${row} values for the row group's ${rows} rows`);
  if (codes) return { kind: 'codes', n: rows, codes, distinct };
  return { kind: 'values', n: rows, values: (typed ?? array)!, nulls };
}

function sameKind(a: Typed, b: unknown): boolean {
  return Object.getPrototypeOf(a) === Object.getPrototypeOf(b);
}

/**
 * A version-1 data page of a flat column, PLAIN or dictionary-encoded (what DuckDB, Spark and pandas
 * write), decoded without a JavaScript value per row where hyparquet makes one: definition levels that
 * are one run of "present" (every DuckDB column is nullable, and most have no nulls) are not expanded,
 * others go into a byte array; dictionary indices go into an Int32Array. Undefined for any other page:
 * hyparquet's readDataPage decodes it.
 */
function readFlatPage(page: Uint8Array, daph: DataPageHeader, decoder: ColumnDecoder, maxDef: number): { definitionLevels: Uint8Array | undefined; dataPage: DecodedArray } | undefined {
  const dict = daph.encoding === 'PLAIN_DICTIONARY' || daph.encoding === 'RLE_DICTIONARY';
  if (!dict && daph.encoding !== 'PLAIN') return undefined;
  if (maxDef > 1 || (maxDef === 1 && daph.definition_level_encoding !== 'RLE') || decoder.type === 'BOOLEAN') return undefined;
  const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
  const reader = { view, offset: 0 };
  const n = daph.num_values;
  let defs: Uint8Array | undefined;
  let present = n;
  if (maxDef === 1) {
    const length = view.getUint32(0, true);
    const start = 4;
    // One RLE run of n ones: no nulls.
    let k = start;
    let header = 0;
    let shift = 0;
    for (;;) {
      const b = view.getUint8(k++);
      header |= (b & 0x7f) << shift;
      if (!(b & 0x80)) break;
      shift += 7;
    }
    const allPresent = (header & 1) === 0 && header >>> 1 === n && view.getUint8(k) === 1;
    if (!allPresent) {
      defs = new Uint8Array(n);
      readRleBitPackedHybrid({ view, offset: start }, 1, defs, length);
      present = 0;
      for (let i = 0; i < n; i++) present += defs[i]!;
    }
    reader.offset = start + length;
  }
  if (!dict) return { definitionLevels: defs, dataPage: readPlain(reader, decoder.type, present, decoder.element.type_length) };
  const bitWidth = view.getUint8(reader.offset++);
  const indices = new Int32Array(present);
  if (bitWidth) readRleBitPackedHybrid(reader, bitWidth, indices, page.byteLength - reader.offset);
  return { definitionLevels: defs, dataPage: indices };
}
