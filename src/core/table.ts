// The Table: every input file, whatever its format, becomes rows of keys and measures with their places.
// See docs/architecture.md ("The Table") for the rules in words; this file is the one place they live.
//
//   dims      key columns: province (key = Kemendagri code, label = name), regency, segment, period,
//             kanwil, or any text column a command names (--by branch)
//   measures  numbers by canonical name: participants, employed, potential_workers, target, …
//   rows      keys[d] (null: the row is not split by dim d), values[m] (null: not given), src, line
//
// A row's level is the set of its non-null keys. aggregate() adds rows up to a grain; rows whose level
// does not contain the grain cannot be placed there (their measures are "unplaced" at that grain).
//
// Example: a wide baseline row "Aceh, employed 2,450,000, participants_pu 343,373 …" is one row at level
// {province} with employed, plus four detail rows at {province, segment} with participants. At grain
// {province, segment} the detail rows are used and employed is unplaced ("known per province, not per
// segment"); at grain {province} the wide row is used and its details are skipped.

import type { Note } from './facts.js';
import { TextIds, WholeIds } from './key-index.js';
import { RowColumns, type KeyColumn } from './row-columns.js';

export type KeyKind = 'province' | 'regency' | 'segment' | 'period' | 'month' | 'kanwil' | 'text';

export interface Dimension {
  /** Canonical column name: 'province', 'segment', 'branch', … */
  readonly name: string;
  readonly kind: KeyKind;
  /** How each key is shown ('75' → 'Gorontalo'); a key without a label is shown as itself. */
  readonly labels: ReadonlyMap<string, string>;
}

export type MeasureKind = 'count' | 'number';

export interface Measure {
  readonly name: string;
  /** count: whole and ≥ 0, summed exactly (a sum past 2^53 − 1 is refused); number: any decimal. */
  readonly kind: MeasureKind;
}

export interface TableRow {
  readonly keys: readonly (string | null)[];
  readonly values: readonly (number | null)[];
  /** Index of the row's source in Table.sources, and its line (xlsx: sheet row). */
  readonly src: number;
  readonly line: number;
  /**
   * For the segment rows of a wide row: the index of that wide row. Such a row is used only at grains
   * where its parent cannot be placed (see aggregate).
   */
  readonly parent?: number;
  /**
   * The measures of this row that are estimates (by name; unset: none), from the data's own labels:
   * an `estimated` column (the bundled baseline's, or anyone's). A sum is an estimate when any of its
   * parts is, so rollup() carries them to every grain (see core/estimates.ts).
   */
  readonly estimated?: readonly string[];
  /**
   * Only on a row that stands for several input rows (a loader adds rows up by their keys as it reads):
   * for each measure that some of those rows give and others lack, the first row that lacks it. Such a
   * measure counts as both given and missing where the row is rolled up (see rollup: `incomplete`).
   */
  readonly lacking?: readonly (RowRef | undefined)[];
}

export interface SourceFacts {
  readonly name: string;
  readonly format: 'csv' | 'json' | 'xlsx' | 'parquet';
  readonly delimiter?: string;
  readonly sheet?: string;
  readonly headerRow?: number;
  /** The number locale the file was read in; null when no cell needed one. */
  readonly numberLocale: 'id' | 'en' | null;
  readonly encoding: string;
  readonly sha256: string;
  readonly bytes: number;
  /** Data rows read (an extract's rows, before they were added up). */
  readonly rows: number;
  readonly blankLines: number;
  /** Text columns of the file that are not part of the key (not named by --by). */
  readonly ignoredColumns: readonly string[];
  /** What the reader decided on the user's behalf (the sheet of a workbook, merged cells filled down). */
  readonly notes?: readonly Note[];
  /**
   * The target of the file's own grand Total row(s) (the tool's `level` column): 'given' when none marks
   * it an estimate (a breakdown's Total is the total it was given), 'estimated' when one does (rv34 R9).
   */
  readonly totalTarget?: 'given' | 'estimated';
  /** The flag the file was given with (`--targets`, `--workforce`…); absent for the data files. */
  readonly role?: string;
  /** The month a JSON report says its rows are of (`meta.period`), whose rows have no period column of their own. */
  readonly period?: string;
  /** The kind of areas the tool's own JSON output says it is of (`meta.scope.kind`: national, kanwil, province, areas). */
  readonly scope?: string;
  /** Its name, where the output is of one Kanwil or province (`meta.scope.name`). */
  readonly scopeName?: string;
  /** The names of its areas (`meta.scope.provinces` of a Kanwil's, `.regencies` of a province's). */
  readonly scopeAreas?: readonly string[];
  /** Its `meta.scope.areas` and `.of` (1 of 8 provinces). */
  readonly scopeCounts?: { readonly areas: number; readonly of: number };
}

export interface Table {
  readonly dims: readonly Dimension[];
  readonly measures: readonly Measure[];
  readonly rows: readonly TableRow[];
  readonly sources: readonly SourceFacts[];
}

export interface RowRef {
  readonly src: number;
  readonly line: number;
}

/** Two rows for the same keys, or one row for a set of keys that contains another row's. */
export interface Conflict {
  readonly kind: 'duplicate' | 'overlap';
  readonly first: RowRef;
  readonly second: RowRef;
  /** The keys of the second row, by dimension (null where it is not split). */
  readonly keys: readonly (string | null)[];
}

/** Thrown by the core; the words come from report/ and the exit code (3) from cli.ts. */
export class TableConflictError extends Error {
  constructor(readonly conflicts: readonly Conflict[], readonly table: Table) {
    super(`${conflicts.length} conflicting row(s)`);
    this.name = 'TableConflictError';
  }
}

export class SumOverflowError extends Error {
  /**
   * `at`: the row of the table whose value took the sum past the limit; `sources`: the table's, to name
   * its file. `group`: the sum that passed it (the grain's dimensions, the group's keys on them and their
   * labels), for
   * a table whose rows are themselves sums of a file's rows (a load's groups): there `at` is only the
   * first row of the group added last, and the row of the file whose addition really passes the limit is
   * found by reading the file again (io/overflow-row.ts), which then sets `row` (`rowFound`).
   */
  constructor(
    readonly measure: string,
    readonly at: RowRef,
    readonly sources?: readonly SourceFacts[],
    readonly group?: { readonly dims: readonly string[]; readonly keys: readonly string[]; readonly shown?: readonly string[] },
    readonly rowFound?: boolean,
  ) {
    super(`the sum of ${measure} passes 2^53 − 1`);
    this.name = 'SumOverflowError';
  }
}

/** A Table whose rows are columns; `rows` makes them as objects on first use. */
export class StoredTable implements Table {
  readonly #cols: RowColumns;
  #rows: TableRow[] | undefined;

  constructor(
    readonly dims: readonly Dimension[],
    readonly measures: readonly Measure[],
    readonly sources: readonly SourceFacts[],
    cols: RowColumns,
  ) {
    this.#cols = cols;
  }

  get rows(): readonly TableRow[] {
    if (!this.#rows) {
      const cols = this.#cols;
      const nd = this.dims.length;
      const rows = new Array<TableRow>(cols.size);
      for (let i = 0; i < cols.size; i++) rows[i] = cols.row(i, nd);
      this.#rows = rows;
    }
    return this.#rows;
  }

  /** The columns of a StoredTable (undefined for any other Table, a copy of one made by spreading it included). */
  static columnsOf(t: Table): RowColumns | undefined {
    return t instanceof StoredTable ? t.#cols : undefined;
  }
}

/** The columns of a table whose rows are kept as columns; undefined: read `rows`. */
export const columnsOf = StoredTable.columnsOf;

export function dimIndex(table: Pick<Table, 'dims'>, name: string): number {
  return table.dims.findIndex((d) => d.name === name);
}

export function measureIndex(table: Pick<Table, 'measures'>, name: string): number {
  return table.measures.findIndex((m) => m.name === name);
}

export function hasMeasure(table: Table, name: string): boolean {
  const m = measureIndex(table, name);
  if (m < 0) return false;
  const cols = columnsOf(table);
  if (cols) return cols.givesAny(m);
  return table.rows.some((r) => r.values[m] !== null);
}

/** The table with other sources (the same rows: a loaded table's columns are kept as they are). */
export function withSources<T extends Table>(table: T, sources: readonly SourceFacts[]): T {
  if (!columnsOf(table)) return { ...table, sources };
  return Object.assign(new StoredTable(table.dims, table.measures, table.sources, columnsFor(table)), table, { sources }) as unknown as T;
}

/** Does some row of the table have a key in dimension d? */
export function hasKeys(table: Table, d: number): boolean {
  const cols = columnsOf(table);
  if (cols) return cols.column(d).anyKey();
  return table.rows.some((r) => r.keys[d] !== null && r.keys[d] !== undefined);
}

/** Does every row of the table have a key in dimension d? */
export function everyRowKeyed(table: Table, d: number): boolean {
  const cols = columnsOf(table);
  if (cols) {
    const col = cols.column(d);
    for (let i = 0; i < col.length; i++) if (col.at(i) === null) return false;
    return true;
  }
  return table.rows.every((r) => r.keys[d] !== null && r.keys[d] !== undefined);
}

const asColumns = new WeakMap<Table, RowColumns>();

/**
 * A table's rows as columns: its own (a loaded table, a rollup's), or made once from its row objects
 * (a table built in memory: a few hundred rows of targets, margins or a test's). The values read as
 * rollup reads them: null and undefined are no value.
 */
export function columnsFor(table: Table): RowColumns {
  const own = columnsOf(table);
  if (own) return own;
  let c = asColumns.get(table);
  if (c) return c;
  const nm = table.measures.length;
  c = new RowColumns(nm);
  for (const r of table.rows) {
    const i = c.push(r.src, r.line);
    c.setKeys(i, r.keys);
    for (let m = 0; m < nm; m++) {
      const v = r.values[m];
      if (v !== null && v !== undefined) c.setValue(i, m, v);
    }
    if (r.parent !== undefined) c.setParent(i, r.parent);
    if (r.lacking) c.lacking.set(i, r.lacking as (RowRef | undefined)[]);
    if (r.estimated) c.estimated.set(i, r.estimated as string[]);
  }
  for (let d = 0; d < table.dims.length; d++) c.column(d);
  asColumns.set(table, c);
  return c;
}

/** The label of a key in a dimension (the key itself when it has none). */
export function labelOf(dim: Dimension, key: string): string {
  return dim.labels.get(key) ?? key;
}

const SEP = '\u0000'; // never inside a key: control characters are refused at read time

function keyOf(cols: RowColumns, i: number, idx: readonly number[]): string | null {
  if (idx.length === 1) return cols.key(i, idx[0]!);
  let k = '';
  for (let j = 0; j < idx.length; j++) {
    const v = cols.key(i, idx[j]!);
    if (v === null || v === undefined) return null;
    k = j === 0 ? v : k + SEP + v;
  }
  return k;
}

/**
 * Every key of a table as a small number per dimension (0: none), computed once per table. A group of
 * keys then becomes one number (mixed radix) instead of a joined string: no string is built per row.
 * A key column that numbers its keys already (core/row-columns.ts KeyColumn: a code a row while a
 * dimension has few keys, a number in the dimension's dictionary for a branch per row) gives its own
 * numbers, nothing copied; a column of strings is numbered here through TextIds, not a Map (a million
 * branch names: 16–24 bytes a name while they are numbered, not 30–50), into the narrowest typed array
 * that holds the numbers.
 */
interface KeyIds {
  readonly ids: readonly (Uint8Array | Uint16Array | Int32Array)[];
  readonly radix: readonly number[];
  /** Per dimension: no key of it is on two rows (a branch per row), so every group with it is one row. */
  readonly unique: readonly boolean[];
}

const keyIdCache = new WeakMap<Table, KeyIds>();

function keyIds(table: Table): KeyIds {
  const hit = keyIdCache.get(table);
  if (hit) return hit;
  const cols = columnsFor(table);
  const n = cols.size;
  const ids: (Uint8Array | Uint16Array | Int32Array)[] = [];
  const radix: number[] = [];
  const unique: boolean[] = [];
  for (let d = 0; d < table.dims.length; d++) {
    const keys = cols.column(d);
    let keyed = 0;
    const own = keys.length === n ? keys.numbers() : undefined;
    if (own) {
      // The column numbers its keys already (a code a row, or a number in the dimension's dictionary):
      // those numbers, with nothing hashed or copied; a number seen twice makes the keys not unique.
      const seen = new Uint8Array(own.bound);
      let distinct = 0;
      for (let i = 0; i < n; i++) {
        const v = own.ids[i]!;
        if (v === 0) continue;
        keyed++;
        if (seen[v] === 0) {
          seen[v] = 1;
          distinct++;
        }
      }
      ids.push(own.ids);
      radix.push(own.bound);
      unique.push(distinct === keyed);
      continue;
    }
    const col = new Int32Array(n);
    const intern = new TextIds((i) => keys.at(i)!);
    // Rows come in runs of one key (a province, a month): the previous row's number is reused.
    let last: string | undefined;
    let lastId = 0;
    for (let i = 0; i < n; i++) {
      const k = keys.at(i);
      if (k === null || k === undefined) continue;
      keyed++;
      if (k !== last) {
        last = k;
        lastId = intern.intern(k, i) + 1;
      }
      col[i] = lastId;
    }
    const r = intern.size + 1;
    ids.push(r <= 0x100 ? new Uint8Array(col) : r <= 0x10000 ? new Uint16Array(col) : col);
    radix.push(r);
    unique.push(intern.size === keyed);
  }
  const out = { ids, radix, unique };
  keyIdCache.set(table, out);
  return out;
}

/** The group key of row i on dims idx: a number when the combinations fit in 2^53, else a string; null when a key is missing. */
function grouper(table: Table, idx: readonly number[]): (i: number) => number | string | null {
  const { ids, radix } = keyIds(table);
  let space = 1;
  for (const d of idx) space *= radix[d]!;
  if (space < Number.MAX_SAFE_INTEGER) {
    return (i) => {
      let k = 0;
      for (const d of idx) {
        const v = ids[d]![i]!;
        if (v === 0) return null;
        k = k * radix[d]! + v;
      }
      return k;
    };
  }
  const cols = columnsFor(table);
  return (i) => keyOf(cols, i, idx);
}

function maskOf(row: TableRow): number {
  let m = 0;
  for (let d = 0; d < row.keys.length; d++) if (row.keys[d] !== null) m |= 1 << d;
  return m;
}

function bitsOf(mask: number, n: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < n; d++) if (mask & (1 << d)) out.push(d);
  return out;
}

/**
 * Rows for overlapping keys. Rows at one level with the same keys are duplicates; rows at two levels
 * overlap when they agree on every dimension both have (Gorontalo with no period against Gorontalo
 * 2024-06; Gorontalo against Gorontalo / Boalemo). The segment rows of a wide row are left out: their
 * wide row stands for them. Costs one hash lookup per row and per pair of levels.
 */
export function findConflicts(table: Table, limit = Number.POSITIVE_INFINITY): Conflict[] {
  const n = table.dims.length;
  if (n > 30) throw new RangeError('at most 30 key columns');
  const byMask = new Map<number, number[]>();
  table.rows.forEach((r, i) => {
    if (r.parent !== undefined) return;
    const m = maskOf(r);
    let list = byMask.get(m);
    if (!list) byMask.set(m, (list = []));
    list.push(i);
  });
  const out: Conflict[] = [];
  const add = (kind: Conflict['kind'], a: number, b: number): void => {
    const ra = table.rows[a]!;
    const rb = table.rows[b]!;
    const [x, y] = ra.src < rb.src || (ra.src === rb.src && ra.line <= rb.line) ? [ra, rb] : [rb, ra];
    out.push({ kind, first: { src: x.src, line: x.line }, second: { src: y.src, line: y.line }, keys: y.keys });
  };
  const masks = [...byMask.keys()];
  for (const mask of masks) {
    const idx = bitsOf(mask, n);
    const rowsOf = byMask.get(mask)!;
    if (!idx.length) {
      for (let j = 1; j < rowsOf.length && out.length < limit; j++) add('duplicate', rowsOf[0]!, rowsOf[j]!);
      continue;
    }
    const g = grouper(table, idx);
    const probe = g(rowsOf[0]!);
    if (typeof probe === 'number') {
      // Numeric keys: sort a copy and look for equal neighbours (two typed arrays instead of a Map
      // with an entry per row); only the keys found twice are then matched to their rows.
      const ks = new Float64Array(rowsOf.length);
      for (let j = 0; j < rowsOf.length; j++) ks[j] = g(rowsOf[j]!) as number;
      const sorted = ks.slice().sort();
      const twice = new Set<number>();
      for (let j = 1; j < sorted.length; j++) if (sorted[j] === sorted[j - 1]) twice.add(sorted[j]!);
      if (!twice.size) continue;
      const first = new Map<number, number>();
      for (let j = 0; j < rowsOf.length; j++) {
        const k = ks[j]!;
        if (!twice.has(k)) continue;
        const before = first.get(k);
        if (before === undefined) first.set(k, rowsOf[j]!);
        else add('duplicate', before, rowsOf[j]!);
        if (out.length >= limit) return out;
      }
      continue;
    }
    const seen = new Map<number | string, number>();
    for (const i of rowsOf) {
      const k = g(i)!;
      const before = seen.get(k);
      if (before === undefined) seen.set(k, i);
      else add('duplicate', before, i);
      if (out.length >= limit) return out;
    }
  }
  for (let a = 0; a < masks.length; a++) {
    for (let b = a + 1; b < masks.length; b++) {
      const common = bitsOf(masks[a]! & masks[b]!, n);
      const g = grouper(table, common);
      const first = new Map<number | string, number>();
      for (const i of byMask.get(masks[a]!)!) {
        const k = common.length ? g(i)! : '';
        if (!first.has(k)) first.set(k, i);
      }
      for (const i of byMask.get(masks[b]!)!) {
        const j = first.get(common.length ? g(i)! : '');
        if (j !== undefined) add('overlap', j, i);
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}

export interface Unplaced {
  /** Rows that carry the measure but lack a key of the grain. */
  readonly count: number;
  readonly first: RowRef;
  /** The grain dimensions the first such row lacks. */
  readonly lacks: readonly string[];
}

export interface Incomplete {
  /** Groups where some rows give the measure and others do not: the group gets no value. */
  readonly count: number;
  readonly keys: readonly string[];
  /** A row of such a group that lacks the measure. */
  readonly at: RowRef;
}

export interface Aggregated {
  /** One row per group, in order of first appearance; dims are the grain's. */
  readonly table: Table;
  readonly unplaced: ReadonlyMap<string, Unplaced>;
  readonly incomplete: ReadonlyMap<string, Incomplete>;
}

/**
 * Add rows up to a grain (a list of dimension names; [] is the grand total).
 * - `refuse`: rows that conflict (findConflicts) are an error; use it for regional files, targets,
 *   workforce and margin files.
 * - `sum`: rows are simply added up; use it for extracts.
 * A measure of a group is the sum of the group's rows; if some of its rows give the measure and
 * others do not, the group gets none for it (never a partial sum), and `incomplete` says where.
 * Counts are summed exactly: a sum past 2^53 − 1 throws SumOverflowError instead of rounding.
 */
export function aggregate(table: Table, grain: readonly string[], rule: 'refuse' | 'sum'): Aggregated {
  if (rule === 'refuse') {
    const conflicts = findConflicts(table, 50);
    if (conflicts.length) throw new TableConflictError(conflicts, table);
  }
  return rollup(table, grain);
}

/**
 * The group of each placed row, numbered 0, 1, 2… in order of first sight: the function is called once
 * per placed row, in row order. No Map of keys: a key of the grain that no two rows share (a branch per
 * row) makes every row a group of its own, with nothing to look up; a few combinations (the provinces)
 * are numbered through an array by their mixed-radix number, more through WholeIds; a joined string
 * only past 2^53 combinations.
 */
function groupNumbers(table: Table, idx: readonly number[]): (i: number) => number {
  return groupsOf(table, idx).of;
}

/** groupNumbers, and the most groups there can be (the product of the dimensions' keys, or Infinity). */
function groupsOf(table: Table, idx: readonly number[]): { of: (i: number) => number; bound: number } {
  const of = numbering(table, idx);
  if (idx.length === 0) return { of, bound: 1 };
  const { radix, unique } = keyIds(table);
  let space = 1;
  for (const d of idx) space *= radix[d]!;
  return { of, bound: idx.some((d) => unique[d]) ? Infinity : space };
}

function numbering(table: Table, idx: readonly number[]): (i: number) => number {
  if (idx.length === 0) return () => 0;
  const { ids, radix, unique } = keyIds(table);
  if (idx.some((d) => unique[d])) {
    let next = 0;
    return () => next++;
  }
  let space = 1;
  for (const d of idx) space *= radix[d]!;
  const numberOf = (i: number): number => {
    let k = 0;
    for (const d of idx) k = k * radix[d]! + ids[d]![i]!;
    return k;
  };
  if (space <= Math.max(1024, 2 * columnsFor(table).size)) {
    const groupOf = new Int32Array(space); // group + 1; 0: none yet
    let size = 0;
    return (i) => {
      const k = numberOf(i);
      const g = groupOf[k]!;
      if (g !== 0) return g - 1;
      groupOf[k] = ++size;
      return size - 1;
    };
  }
  if (space < Number.MAX_SAFE_INTEGER) {
    const seen = new WholeIds();
    return (i) => seen.intern(numberOf(i));
  }
  const seen = new Map<string, number>();
  const cols = columnsFor(table);
  return (i) => {
    const k = keyOf(cols, i, idx)!;
    let g = seen.get(k);
    if (g === undefined) seen.set(k, (g = seen.size));
    return g;
  };
}

/** aggregate() without the conflict check (for a table already checked at load time). */
export function rollup(table: Table, grain: readonly string[]): Aggregated {
  const idx = grain.map((g) => {
    const i = dimIndex(table, g);
    if (i < 0) throw new RangeError(`no dimension "${g}"`);
    return i;
  });
  const nm = table.measures.length;
  const cols = columnsFor(table);
  const n = cols.size;
  const keyCols = idx.map((d) => cols.column(d));
  const placeable = new Uint8Array(n);
  let placed = 0;
  for (let i = 0; i < n; i++) {
    let ok = 1;
    for (const col of keyCols) if (col.isNull(i)) ok = 0;
    placeable[i] = ok;
    placed += ok;
  }
  const parents = cols.parents;
  // Rows the loop below adds to a group: placeable, and not the segment row of a wide row that stands for it.
  const adds = (i: number): boolean => placeable[i] === 1 && (parents === undefined || parents[i] === 0 || placeable[parents[i]! - 1] === 0);
  const unplaced = new Map<string, { count: number; first: RowRef; lacks: string[] }>();
  const dims = idx.map((d) => table.dims[d]!);
  // Every row its own group, in order (a key of the grain on one row only, every row placed): the
  // groups are the rows, and their columns are the table's, shared (a million groups cost nothing).
  if (placed === n && parents === undefined && idx.some((d) => keyIds(table).unique[d])) {
    const out = sameRows(table, cols, keyCols);
    if (out) return { table: new StoredTable(dims, table.measures, table.sources, out), unplaced, incomplete: new Map() };
  }
  // The groups as columns, made as each group's first row arrives; what a group needs only while it is
  // added up (which measures some of its rows lacked) sits in a typed array by group number, sized once
  // for the most groups there can be (one a placeable row). Where a group lacks a measure is not kept:
  // in the rare group that both gives and lacks one, the rows are read again for the first that lacks it.
  const out = new RowColumns(nm);
  const groups = groupsOf(table, idx);
  const groupOf = groups.of;
  // (By province: 38 groups at most, whatever the rows.)
  const lack = new Uint8Array(Math.max(Math.min(placed, groups.bound) * nm, 1));
  const estimated = new Map<number, Set<string>>();
  const keys = new Array<string>(idx.length);
  let children: Map<number, number[]> | undefined;
  const childrenOf = (i: number): readonly number[] => {
    if (!children) {
      children = new Map();
      for (let j = 0; j < n; j++) {
        const p = cols.parent(j);
        if (p === undefined) continue;
        const list = children.get(p);
        if (list) list.push(j);
        else children.set(p, [j]);
      }
    }
    return children.get(i) ?? [];
  };
  for (let i = 0; i < n; i++) {
    if (!adds(i)) {
      // A wide row whose segment rows can be placed is placed through them for what they carry.
      if (cols.parent(i) === undefined) for (let m = 0; m < nm; m++) if (cols.value(i, m) !== null && !placedThroughChildren(cols, placeable, childrenOf(i), m)) noteUnplaced(unplaced, table, cols, i, m, idx);
      continue;
    }
    const g = groupOf(i);
    if (g === out.size) {
      out.push(cols.src[i]!, cols.lineAt(i));
      for (let j = 0; j < idx.length; j++) keys[j] = keyCols[j]!.at(i)!;
      out.setKeys(g, keys);
    }
    const est = cols.estimated.get(i);
    if (est?.length) {
      let set = estimated.get(g);
      if (!set) estimated.set(g, (set = new Set()));
      for (const e of est) set.add(e);
    }
    const lacking = cols.lacking.get(i);
    for (let m = 0; m < nm; m++) {
      const v = cols.value(i, m);
      if (v === null) {
        lack[g * nm + m] = 1;
        continue;
      }
      if (lacking?.[m]) lack[g * nm + m] = 1;
      const sum = (out.value(g, m) ?? 0) + v;
      if (table.measures[m]!.kind === 'count' && !Number.isSafeInteger(sum)) {
        const groupKeys = keyCols.map((col) => col.at(i)!);
        const shown = groupKeys.map((k, j) => dims[j]!.labels.get(k) ?? k);
        throw new SumOverflowError(table.measures[m]!.name, { src: cols.src[i]!, line: cols.lineAt(i) }, table.sources, { dims: dims.map((d) => d.name), keys: groupKeys, shown });
      }
      out.setValue(g, m, sum);
    }
  }
  const incomplete = new Map<string, { count: number; keys: string[]; at: RowRef }>();
  // Per measure, the first group (in group order) that both gives and lacks it: `incomplete` names it.
  const firstOf = new Int32Array(nm).fill(-1);
  for (let g = 0; g < out.size; g++) {
    for (let m = 0; m < nm; m++) {
      if (lack[g * nm + m] && out.value(g, m) !== null) {
        out.clearValue(g, m);
        const name = table.measures[m]!.name;
        const prev = incomplete.get(name);
        if (prev) prev.count++;
        else {
          incomplete.set(name, { count: 1, keys: out.keys.map((col) => col.at(g)!), at: { src: 0, line: 0 } });
          firstOf[m] = g;
        }
      }
    }
    const e = estimated.get(g);
    if (e) out.estimated.set(g, [...e].sort());
  }
  if (incomplete.size) firstLacking(table, cols, idx, adds, firstOf, incomplete);
  for (let j = 0; j < idx.length; j++) out.column(j);
  return { table: new StoredTable(dims, table.measures, table.sources, out), unplaced, incomplete };
}

/**
 * The groups of a rollup where every row is a group of its own, in row order: the row's columns, shared,
 * when adding each row to an empty group gives its values as they are (no -0, every count whole and
 * safe, no measure the row gives in part); else undefined (rollup adds them up).
 */
function sameRows(table: Table, cols: RowColumns, keyCols: readonly KeyColumn[]): RowColumns | undefined {
  if (cols.lacking.size) return undefined;
  const nm = cols.nm;
  for (let m = 0; m < nm; m++) {
    const count = table.measures[m]!.kind === 'count';
    const col = cols.valuesOf(m);
    if (!col) continue;
    for (let i = 0; i < cols.size; i++) {
      if (col.given[i] !== 1) continue;
      const v = col.values[i]!;
      if (Object.is(v, -0) || (count && !Number.isSafeInteger(v))) return undefined;
    }
  }
  const out = RowColumns.sharing(cols, keyCols);
  for (const [i, e] of cols.estimated) if (e.length) out.estimated.set(i, [...new Set(e)].sort());
  return out;
}

/**
 * For each measure, the first row (by source, then line) that lacks it in the group `firstOf[m]`: the
 * rows are numbered into groups again, in the same order, as rollup did. A row lacks a measure when it
 * has none, or when it stands for rows of which some lacked it (`lacking`: the first of those).
 */
function firstLacking(table: Table, cols: RowColumns, idx: readonly number[], adds: (i: number) => boolean, firstOf: Int32Array, incomplete: Map<string, { count: number; keys: string[]; at: RowRef }>): void {
  const groupOf = groupNumbers(table, idx);
  const nm = firstOf.length;
  const at: (RowRef | undefined)[] = new Array<RowRef | undefined>(nm).fill(undefined);
  for (let i = 0; i < cols.size; i++) {
    if (!adds(i)) continue;
    const g = groupOf(i);
    for (let m = 0; m < nm; m++) {
      if (firstOf[m] !== g) continue;
      const lacks = cols.value(i, m) === null ? { src: cols.src[i]!, line: cols.lineAt(i) } : cols.lacking.get(i)?.[m];
      if (!lacks) continue;
      const was = at[m];
      if (!was || lacks.src < was.src || (lacks.src === was.src && lacks.line < was.line)) at[m] = { src: lacks.src, line: lacks.line };
    }
  }
  for (let m = 0; m < nm; m++) {
    const got = incomplete.get(table.measures[m]!.name);
    if (got && firstOf[m]! >= 0) got.at = at[m]!;
  }
}

/** Do the segment rows of a wide row carry measure m at a grain where they are placed? */
function placedThroughChildren(cols: RowColumns, placeable: Uint8Array, children: readonly number[], m: number): boolean {
  for (const j of children) if (placeable[j] && cols.value(j, m) !== null) return true;
  return false;
}

function noteUnplaced(map: Map<string, { count: number; first: RowRef; lacks: string[] }>, table: Table, cols: RowColumns, i: number, m: number, idx: readonly number[]): void {
  const name = table.measures[m]!.name;
  const prev = map.get(name);
  if (prev) prev.count++;
  else map.set(name, { count: 1, first: { src: cols.src[i]!, line: cols.lineAt(i) }, lacks: idx.filter((d) => cols.key(i, d) === null).map((d) => table.dims[d]!.name) });
}

/** The rows of one period, plus rows of files without a period (they count for any period). */
export function atPeriod(table: Table, period: string): Table {
  const p = dimIndex(table, 'period');
  if (p < 0) return table;
  return filterAt(table, (cols, i, segment) => {
    if (segment) return true;
    const k = cols.key(i, p);
    return k === null || k === period;
  });
}

/**
 * Keep the rows i for which keep(columns, i) holds, on the columns (no row object made): a segment row
 * of a wide row goes when its wide row goes, and is asked itself (`segment`: true) when it stays. The
 * table itself when every row is kept (with its cached key ids); a table of the columns kept when its
 * rows are columns, else of the rows kept (their parent index renumbered).
 */
export function filterAt(table: Table, keep: (cols: RowColumns, i: number, segment: boolean) => boolean): Table {
  const cols = columnsFor(table);
  const mask = new Uint8Array(cols.size);
  let kept = 0;
  for (let i = 0; i < cols.size; i++) {
    const parent = cols.parent(i);
    const k = parent !== undefined && mask[parent] === 0 ? 0 : keep(cols, i, parent !== undefined) ? 1 : 0;
    mask[i] = k;
    kept += k;
  }
  if (kept === cols.size) return table;
  if (columnsOf(table)) return Object.assign(new StoredTable(table.dims, table.measures, table.sources, cols.subset(mask)), table);
  const map = new Int32Array(cols.size).fill(-1);
  const rows: TableRow[] = [];
  table.rows.forEach((r, i) => {
    if (mask[i] === 0) return;
    map[i] = rows.length;
    rows.push(r.parent !== undefined ? { ...r, parent: map[r.parent]! } : r);
  });
  return { ...table, rows };
}

/**
 * filterAt, where a wide row's segment rows are asked one by one: a wide row kept with some of them
 * dropped stands for the kept ones only (each measure they give is their sum; the measures only the wide
 * row gives, its denominator, stay), and a wide row none of whose segment rows is kept goes. A like-for-
 * like month of a wide file without its PMI column (rv34 R3) or without an area (R2) is then the same
 * figures at every grain: at the province's grain the wide row is read, at the segment's its segment rows.
 * Example: Aceh 1,000 = PU 600 + BPU 300 + PMI 100, PMI dropped → Aceh 900 = PU 600 + BPU 300.
 */
export function filterSegmentRows(table: Table, keep: (cols: RowColumns, i: number) => boolean): Table {
  const cols = columnsFor(table);
  const n = cols.size;
  if (cols.parents === undefined) return filterAt(table, (c, i) => keep(c, i));
  const mask = new Uint8Array(n);
  const cut = new Uint8Array(n);
  const kids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = cols.parent(i);
    if (p === undefined) mask[i] = keep(cols, i) ? 1 : 0;
    else if (mask[p] === 1) {
      mask[i] = keep(cols, i) ? 1 : 0;
      if (mask[i] === 1) kids[p]!++;
      else cut[p] = 1;
    }
  }
  // The kept segment rows' sums of each wide row that lost some (by row; NaN: no segment row gives it).
  const nm = table.measures.length;
  const sums = new Map<number, Float64Array>();
  for (let i = 0; i < n; i++) {
    const p = cols.parent(i);
    if (p === undefined || cut[p] === 0) continue;
    if (kids[p] === 0) {
      mask[p] = 0;
      continue;
    }
    if (mask[i] === 0) continue;
    let s = sums.get(p);
    if (!s) sums.set(p, (s = new Float64Array(nm).fill(NaN)));
    for (let m = 0; m < nm; m++) {
      const v = cols.value(i, m);
      if (v !== null) s[m] = (Number.isNaN(s[m]!) ? 0 : s[m]!) + v;
    }
  }
  if (!sums.size) return filterAt(table, (_, i) => mask[i] === 1);
  if (columnsOf(table)) {
    const sub = cols.subset(mask);
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (mask[i] === 0) continue;
      const s = sums.get(i);
      if (s) for (let m = 0; m < nm; m++) if (!Number.isNaN(s[m]!)) sub.setValue(j, m, s[m]!);
      j++;
    }
    return Object.assign(new StoredTable(table.dims, table.measures, table.sources, sub), table);
  }
  const map = new Int32Array(n).fill(-1);
  const rows: TableRow[] = [];
  table.rows.forEach((r, i) => {
    if (mask[i] === 0) return;
    map[i] = rows.length;
    const s = sums.get(i);
    const values = s ? r.values.map((v, m) => (Number.isNaN(s[m]!) ? v : s[m]!)) : r.values;
    rows.push(r.parent !== undefined ? { ...r, parent: map[r.parent]! } : s ? { ...r, values } : r);
  });
  return { ...table, rows };
}

/** Keep rows; the segment rows of a wide row go with it (their parent index is renumbered). */
export function filterRows(table: Table, keep: (row: TableRow) => boolean): Table {
  const map = new Int32Array(table.rows.length).fill(-1);
  const rows: TableRow[] = [];
  table.rows.forEach((r, i) => {
    const kept = r.parent !== undefined ? map[r.parent]! >= 0 : keep(r);
    if (!kept) return;
    map[i] = rows.length;
    rows.push(r.parent !== undefined ? { ...r, parent: map[r.parent]! } : r);
  });
  // Every row kept (a file of one month at its month): the table itself, with its cached key ids.
  if (rows.length === table.rows.length) return table;
  return { ...table, rows };
}

/** Distinct keys of a dimension, in order of first appearance. */
export function keysOf(table: Table, name: string): string[] {
  const d = dimIndex(table, name);
  if (d < 0) return [];
  const seen = new Set<string>();
  const cols = columnsOf(table);
  if (cols) {
    const col = cols.column(d);
    for (let i = 0; i < col.length; i++) {
      const k = col.at(i);
      if (k !== null) seen.add(k);
    }
    return [...seen];
  }
  for (const r of table.rows) {
    const k = r.keys[d];
    if (k !== null && k !== undefined) seen.add(k);
  }
  return [...seen];
}

/** Does every key of `child` sit under one key of `parent` (regencies in provinces), in the rows that have both? */
export function isNested(table: Table, parent: string, child: string): boolean {
  const p = dimIndex(table, parent);
  const c = dimIndex(table, child);
  if (p < 0 || c < 0) return false;
  const parentOf = new Map<string, string>();
  const cols = columnsFor(table);
  const cc = cols.column(c);
  const pc = cols.column(p);
  for (let i = 0; i < cols.size; i++) {
    const ck = cc.at(i);
    const pk = pc.at(i);
    if (ck === null || ck === undefined || pk === null || pk === undefined) continue;
    const seen = parentOf.get(ck);
    if (seen !== undefined && seen !== pk) return false;
    parentOf.set(ck, pk);
  }
  return true;
}
