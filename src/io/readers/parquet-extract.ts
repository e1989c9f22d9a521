// The fast path for Parquet extracts, the counterpart of the CSV extract engine (src/io/fast-extract.ts,
// whose contract it follows): rows are added up per key while the row groups are decoded — key columns
// as small codes (a dictionary page gives each distinct value once), counts and participant ids as typed
// arrays — and each distinct key then goes through the same TypedRows as a row of the general path
// (TypedRows.group), so keys, labels and checks come out the same. It never words an error: a null key,
// a count that is not a whole number ≥ 0, an empty id, the same id twice in a period, a sum beyond 2^53,
// a layout it does not handle, any problem of TypedRows: it answers false, and the caller reads the file
// through the general path (readParquetRows), which reports the problem at its row.
//
// The duplicate-id check keeps a 64-bit fingerprint of each (period, id) in the engine's IdSet (about 12
// bytes an id): a false alarm (one in about 10^12 pairs) only sends the file to the general path, which
// compares the ids themselves.

import { parsePeriod } from '../../core/calendar.js';
import { isIdColumn } from '../../core/columns.js';
import type { ProblemList } from '../../errors.js';
import { fmix, ID_NUMBER, idTextForm, type IdSet } from '../extract/tables.js';
import { idCheck } from './id-check.js';
import type { TypedRows } from '../typed-rows.js';
import type { ByteSource } from './byte-source.js';
import { columnDecoder, readChunk, type CodesChunk, type ValuesChunk } from './parquet-chunks.js';
import type { ColumnDecoder, Compressors, FileMetaData, SchemaTree } from 'hyparquet/src/types.js';

export interface ParquetFile {
  readonly source: ByteSource;
  readonly metadata: FileMetaData;
  readonly tree: SchemaTree;
  readonly names: readonly string[];
  readonly parsers: ColumnDecoder['parsers'];
  readonly compressors: Compressors;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Per key column: its distinct values across the file, each with a small id. */
class KeyValues {
  readonly values: unknown[] = [];
  private readonly ids = new Map<unknown, number>();

  id(v: unknown): number {
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(v);
      this.ids.set(v, id);
    }
    return id;
  }
}

/** The groups: per distinct combination of key ids, the rows and the sum of the count column. */
class Groups {
  readonly keys: number[][] = [];
  rows: Float64Array = new Float64Array(64);
  sums: Float64Array = new Float64Array(64);
  first: Float64Array = new Float64Array(64);
  private readonly byKey = new Map<string, number>();

  get size(): number {
    return this.keys.length;
  }

  find(keyIds: readonly number[], line: number): number {
    const k = keyIds.join(',');
    let g = this.byKey.get(k);
    if (g === undefined) {
      g = this.keys.length;
      if (g === this.rows.length) {
        const grow = (a: Float64Array): Float64Array => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.rows = grow(this.rows);
        this.sums = grow(this.sums);
        this.first = grow(this.first);
      }
      this.keys.push(keyIds.slice());
      this.first[g] = line;
      this.byKey.set(k, g);
    }
    return g;
  }
}

/** Two 32-bit hashes of a text (trimmed, as the general path compares ids). */
function hashText(s: string, out: Int32Array): void {
  let a = 0x811c9dc5 ^ s.length;
  let b = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  out[0] = fmix(a);
  out[1] = fmix(b ^ 0x2545f491);
}

/**
 * Read an extract through the fast path, into `typed` (a fresh TypedRows in 'sum' mode reporting into
 * `own`); false when the general path must read it. `extract`: 'yes' (--extract), or 'auto' (only a
 * file with an id column is an extract).
 */
/**
 * A load of several sources compares participant ids across its files (io/id-ledger.ts): the fast path
 * then also puts each (id, month) into `set` as the ledger words it (`words`), and the loader hands the
 * set to the ledger, as it does the byte-level engine's.
 */
export interface SharedIds {
  readonly words: (id: string, period: string | undefined) => Int32Array;
  readonly set: IdSet;
}

export async function tryParquetExtract(f: ParquetFile, extract: 'yes' | 'auto', typed: TypedRows, own: ProblemList, shared?: SharedIds): Promise<boolean> {
  const { names, tree, metadata } = f;
  names.forEach((name, i) => typed.column(name, i, { line: 0, column: i + 1 }));
  if (own.size) return false;
  const cols = typed.cols;
  if (extract === 'auto' && !cols.some((c) => c && isIdColumn(c.canonical))) return false;
  // Only layouts whose checks are all per cell or per key (the contract of src/io/extract/plan.ts).
  // An employer extract, and counts read as an extract, are read row by row: the same row twice is
  // refused there (typed-rows.ts wholeRows); in a participant extract an employer column is not read (or
  // is a key, with --by npp).
  if (typed.wholeRows) return false;
  // A status column is grouped by too: its values are tallied for the warning (typed-rows.ts statusNotes).
  const status = new Set(typed.statusColumns);
  const keyFields: number[] = [];
  let countField: number | undefined;
  let idField: number | undefined;
  let periodKey: number | undefined;
  for (let i = 0; i < names.length; i++) {
    const c = cols[i];
    const node = tree.children[i];
    if (!c || !node || c.canonical === '') return false;
    const role = c.role;
    const flat = node.children.length === 0 && node.element.repetition_type !== 'REPEATED';
    if (status.has(i)) {
      if (!flat) return false;
      keyFields.push(i);
    } else if (role.kind === 'dim') {
      if (!flat) return false;
      if (role.dim === 'period') periodKey = keyFields.length;
      keyFields.push(i);
    } else if (role.kind === 'measure' && role.measure === 'participants' && role.measureKind === 'count') {
      if (!flat || countField !== undefined) return false;
      countField = i;
    } else if (role.kind === 'id') {
      if (role.id !== 'participant_id') continue;
      if (!flat) return false;
      idField = i;
    } else if (role.kind !== 'ignored') return false;
  }

  const keys = keyFields.map(() => new KeyValues());
  const groups = new Groups();
  const ids = idField === undefined ? undefined : await idCheck(Number(metadata.num_rows));
  /** The forms the ids are written in (extract/tables.ts ID_NUMBER…): the load warns of a mix. */
  const forms = { bits: 0 };
  try {
    let rowStart = 0;
    for (const rg of metadata.row_groups) {
      const n = Number(rg.num_rows);
      if (n === 0) continue;
      const read = async (i: number, mode: 'values' | 'codes') => readChunk(f.source, rg.columns[i]!.meta_data!, columnDecoder(tree, i, rg.columns[i]!.meta_data!, f.parsers, f.compressors), n, mode);
      let keyChunks: CodesChunk[];
      let count: ValuesChunk | undefined;
      let id: ValuesChunk | undefined;
      try {
        keyChunks = [];
        for (const i of keyFields) keyChunks.push((await read(i, 'codes')) as CodesChunk);
        count = countField === undefined ? undefined : ((await read(countField, 'values')) as ValuesChunk);
        id = idField === undefined ? undefined : ((await read(idField, 'values')) as ValuesChunk);
      } catch {
        return false;
      }
      // Each row's group: the combination of its key codes, through a table of this row group's combinations.
      const group = groupsOf(n, keyChunks, keys, groups, rowStart);
      if (!group) return false; // a row without a key: the general path says where
      const rowsOf = groups.rows;
      for (let r = 0; r < n; r++) rowsOf[group[r]!]!++;
      if (count && !addCounts(count, group, groups)) return false;
      if (ids && id) {
        const pairs = idPairs(id, forms);
        if (!pairs) return false; // a row without an id: the general path says where
        if (shared && !shareIds(shared, id, periodKey === undefined ? undefined : keyChunks[periodKey]!)) return false;
        ids.add(pairs, periodKey === undefined ? undefined : periodIds(keyChunks[periodKey]!, keys[periodKey]!));
      }
      rowStart += n;
    }

    // A participant twice in a period: the general path names both rows.
    if (ids && !(await ids.finish())) return false;
    // The duplicate-id check compared period texts: two texts of one month need the general path.
    if (ids && periodKey !== undefined) {
      const months = new Set<string>();
      for (const v of keys[periodKey]!.values) {
        const text = String(v);
        const m = parsePeriod(text);
        const month = m === undefined ? text : String(m);
        if (months.has(month)) return false;
        months.add(month);
      }
    }
    // Each group once through the typed layer, as a row standing for its rows.
    for (let g = 0; g < groups.size; g++) {
      const cells: string[] = new Array<string>(names.length).fill('');
      keyFields.forEach((field, k) => (cells[field] = String(keys[k]!.values[groups.keys[g]![k]!])));
      if (countField !== undefined) cells[countField] = String(groups.sums[g]);
      typed.group(cells, groups.first[g]!, groups.rows[g]!);
      if (own.size) return false;
    }
    typed.finish();
    typed.idForms = forms.bits;
    return own.size === 0;
  } finally {
    ids?.cancel();
  }
}

/**
 * The group of each row of a row group, or undefined when a row has no value for a key. Codes are
 * combined column by column (a slot in this row group's table of combinations); each new combination
 * is looked up once among the file's groups.
 */
function groupsOf(n: number, chunks: readonly CodesChunk[], keys: readonly KeyValues[], groups: Groups, rowStart: number): Int32Array | undefined {
  const slot = new Int32Array(n);
  let stride = 1;
  for (let k = chunks.length - 1; k >= 0; k--) {
    const codes = chunks[k]!.codes;
    for (let r = 0; r < n; r++) {
      const c = codes[r]!;
      if (c < 0) return undefined;
      slot[r] = slot[r]! + c * stride;
    }
    stride *= Math.max(1, chunks[k]!.distinct.length);
  }
  const global = chunks.map((ch, k) => Int32Array.from(ch.distinct, (v) => keys[k]!.id(v)));
  const keyIds: number[] = new Array<number>(chunks.length).fill(0);
  const resolve = (r: number): number => {
    for (let k = 0; k < chunks.length; k++) keyIds[k] = global[k]![chunks[k]!.codes[r]!]!;
    return groups.find(keyIds, rowStart + r + 1);
  };
  const group = new Int32Array(n);
  // No key column: every row is one group (a count of the whole file).
  if (chunks.length === 0) return group.fill(groups.find([], rowStart + 1));
  if (stride <= 1 << 20) {
    const table = new Int32Array(stride).fill(-1);
    for (let r = 0; r < n; r++) {
      let g = table[slot[r]!]!;
      if (g < 0) g = table[slot[r]!] = resolve(r);
      group[r] = g;
    }
  } else {
    for (let r = 0; r < n; r++) group[r] = resolve(r);
  }
  return group;
}

/** Adds each row's count to its group; false for a count that is not a whole number ≥ 0, or a sum beyond 2^53. */
function addCounts(count: ValuesChunk, group: Int32Array, groups: Groups): boolean {
  const values = count.values;
  const nulls = count.nulls;
  const sums = groups.sums;
  for (let r = 0; r < count.n; r++) {
    if (nulls?.[r]) return false;
    const raw = values[r];
    const v = typeof raw === 'bigint' ? (raw >= 0n && raw <= BigInt(MAX_SAFE) ? Number(raw) : -1) : (raw as number);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return false;
    const g = group[r]!;
    const sum = sums[g]! + v;
    if (sum > MAX_SAFE) return false;
    sums[g] = sum;
  }
  return true;
}

/** Each row's period as a file-wide key id + 1 (0: no period column). */
function periodIds(chunk: CodesChunk, keys: KeyValues): Int32Array {
  const global = Int32Array.from(chunk.distinct, (v) => keys.id(v) + 1);
  const out = new Int32Array(chunk.n);
  for (let r = 0; r < chunk.n; r++) out[r] = global[chunk.codes[r]!]!;
  return out;
}

/**
 * Each row's (id, month) into the shared set, as the id ledger words them (the id's text as the general
 * path reads it, the month's text); false when a month is not text (the general path reads the file).
 */
function shareIds(shared: SharedIds, id: ValuesChunk, period: CodesChunk | undefined): boolean {
  if (period && period.distinct.some((v) => typeof v !== 'string')) return false;
  const values = id.values;
  for (let r = 0; r < id.n; r++) {
    const raw = values[r];
    const text = typeof raw === 'string' ? raw.trim() : String(raw);
    const p = period ? (period.distinct[period.codes[r]!] as string | undefined) : undefined;
    const w = shared.words(text, p);
    shared.set.add(w[0]!, w[1]!);
  }
  return true;
}

/**
 * Each row's participant id as a pair of 32-bit numbers: the halves of a 64-bit integer, the integer and
 * 0, or two hashes of the (trimmed) text. Undefined for a row without an id.
 */
function idPairs(id: ValuesChunk, forms: { bits: number }): Int32Array | undefined {
  const values = id.values;
  const nulls = id.nulls;
  const n = id.n;
  if (nulls) for (let r = 0; r < n; r++) if (nulls[r]) return undefined;
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    forms.bits |= ID_NUMBER;
    return new Int32Array(values.buffer, values.byteOffset, n * 2);
  }
  const pairs = new Int32Array(n * 2);
  if (values instanceof Int32Array || values instanceof Uint32Array) {
    forms.bits |= ID_NUMBER;
    for (let r = 0; r < n; r++) pairs[2 * r] = values[r]! | 0;
    return pairs;
  }
  const h = new Int32Array(2);
  for (let r = 0; r < n; r++) {
    const raw = values[r];
    const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' || typeof raw === 'bigint' ? String(raw) : undefined;
    if (text === undefined || text === '') return undefined;
    const t = text.length;
    forms.bits |= typeof raw === 'string' ? idTextForm(text.charCodeAt(0), t > 1 ? text.charCodeAt(1) : 0, t > 1 ? text.charCodeAt(t - 2) : 0, text.charCodeAt(t - 1), t) : ID_NUMBER;
    hashText(text, h);
    pairs[2 * r] = h[0]!;
    pairs[2 * r + 1] = h[1]!;
  }
  return pairs;
}
