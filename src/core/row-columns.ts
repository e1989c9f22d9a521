// A Table's rows kept as columns: what a load adds up as it reads (io/fold.ts) and what rollup() makes,
// with no object per row. With one key per input row a table has a million rows; as objects (a row,
// its keys array and its values array) they cost about 210 bytes each, as columns about 50: per
// dimension an array of keys (a string a row, null where the row has none; one string shared by every
// row of a key), per measure a number and a bit saying whether the row gives it, the source and line as
// 32-bit numbers, and the rare parts (a wide row's segment rows, a measure given in part, estimate
// marks) by row number in a Map.
//
// The hot passes (core/table.ts keyIds, rollup; core/coverage/plan.ts) read the columns; every other
// reader of `Table.rows` gets row objects made on first use (core/table.ts StoredTable), the same rows
// as before.

/** A row's place (core/table.ts Place). */
interface Place {
  readonly src: number;
  readonly line: number;
}

/** A row as an object (core/table.ts TableRow). */
export interface ColumnRow {
  readonly keys: readonly (string | null)[];
  readonly values: readonly (number | null)[];
  readonly src: number;
  readonly line: number;
  readonly parent?: number;
  readonly lacking?: readonly (Place | undefined)[];
  readonly estimated?: readonly string[];
}

// Arrays grow to twice their size (RowColumns.resize); past a size reserved for the rows a load expects
// (an estimate from the file's size), by a quarter.
function exactly(a: Int32Array, n: number): Int32Array {
  const next = new Int32Array(n);
  next.set(a.length > n ? a.subarray(0, n) : a);
  return next;
}

function exactlyF(a: Float64Array, n: number): Float64Array {
  const next = new Float64Array(n);
  next.set(a.length > n ? a.subarray(0, n) : a);
  return next;
}

function exactlyU(a: Uint8Array, n: number): Uint8Array {
  const next = new Uint8Array(n);
  next.set(a.length > n ? a.subarray(0, n) : a);
  return next;
}

/**
 * One dimension's keys, a key (or null) a row. While a dimension has few keys (a province, a month) each
 * row keeps the number of its key (a byte, or two past 255 keys) and the keys are kept once; past 65,535
 * keys (a branch per row) the column keeps each row's string (8 bytes a row, the string being the row's).
 */
export class KeyColumn {
  length = 0;
  private codes: Uint8Array | Uint16Array | undefined = new Uint8Array(16);
  private readonly dict: string[] = [];
  private ids: Map<string, number> | undefined = new Map();
  private plain: (string | null)[] | undefined;
  private last: string | null = null;
  private lastCode = 0;
  /** The rows reserve() made room for: the room of `plain` when the keys turn plain. */
  private room = 0;

  /** A column of n nulls. */
  static nulls(n: number): KeyColumn {
    const c = new KeyColumn();
    c.codes = new Uint8Array(Math.max(16, n));
    c.length = n;
    return c;
  }

  at(i: number): string | null {
    if (this.plain) return this.plain[i] ?? null;
    const c = this.codes![i]!;
    return c === 0 ? null : this.dict[c - 1]!;
  }

  push(k: string | null): void {
    const i = this.length++;
    if (this.plain) {
      // In the room made for it, else one more at the end (the array grows).
      this.plain[i] = k;
      return;
    }
    let code = 0;
    if (k !== null) {
      if (k === this.last) code = this.lastCode;
      else {
        let id = this.ids!.get(k);
        if (id === undefined) {
          if (this.dict.length === 65535) {
            this.toPlain();
            this.plain![i] = k;
            return;
          }
          id = this.dict.length;
          this.dict.push(k);
          this.ids!.set(k, id);
        }
        code = id + 1;
        this.last = k;
        this.lastCode = code;
      }
    }
    let codes = this.codes!;
    if (code > 255 && codes instanceof Uint8Array) codes = this.codes = Uint16Array.from(codes);
    if (i >= codes.length) {
      const next = new (codes.constructor as Uint8ArrayConstructor)(codes.length * 2);
      next.set(codes);
      codes = this.codes = next;
    }
    codes[i] = code;
  }

  /** Room for n rows (while the keys are numbered; and for their strings if they turn plain). */
  reserve(n: number): void {
    this.room = Math.max(this.room, n);
    const codes = this.codes;
    if (!codes || n <= codes.length) return;
    const next = new (codes.constructor as Uint8ArrayConstructor)(n);
    next.set(codes);
    this.codes = next;
  }

  /** Forget the rows from n on. */
  truncate(n: number): void {
    if (n >= this.length) return;
    if (this.plain) this.plain.length = n;
    else this.codes!.fill(0, n, this.length);
    this.length = n;
  }

  /** No room kept past the rows (a load that is done). */
  trim(): void {
    if (this.plain && this.plain.length > this.length) this.plain.length = this.length;
  }

  /** Does some row have a key? */
  anyKey(): boolean {
    for (let i = 0; i < this.length; i++) if (this.at(i) !== null) return true;
    return false;
  }

  // Plain keys are set by index into an array made with the room reserved (a million rows: an array
  // grown by push is copied some thirty times on the way, each copy left to a full collection).
  private toPlain(): void {
    const plain = new Array<string | null>(Math.max(this.length - 1, this.room));
    for (let i = 0; i < this.length - 1; i++) plain[i] = this.at(i);
    this.plain = plain;
    this.codes = undefined;
    this.ids = undefined;
    this.dict.length = 0;
  }
}

export class RowColumns {
  /** Rows. */
  size = 0;
  /** Per dimension, the key of each row (null: none); a dimension added late is null on earlier rows. */
  readonly keys: KeyColumn[] = [];
  /**
   * Per measure, made at its first value (a measure no row gives keeps nothing): each row's value, where
   * `has` is 1; as long as `src` (the rows' room).
   */
  private vals: (Float64Array | undefined)[];
  private has: (Uint8Array | undefined)[];
  src: Int32Array = new Int32Array(0);
  line: Int32Array = new Int32Array(0);
  /** Per row: the index of its wide row + 1 (0: none); made at the first segment row. */
  parents: Int32Array | undefined;
  readonly lacking = new Map<number, (Place | undefined)[]>();
  readonly estimated = new Map<number, string[]>();
  private reserved = false;

  constructor(readonly nm: number) {
    this.vals = new Array<Float64Array | undefined>(nm).fill(undefined);
    this.has = new Array<Uint8Array | undefined>(nm).fill(undefined);
  }

  /** The values of measure m by row (undefined: no row gives it), and which rows give it. */
  valuesOf(m: number): { readonly values: Float64Array; readonly given: Uint8Array } | undefined {
    const v = this.vals[m];
    return v ? { values: v, given: this.has[m]! } : undefined;
  }

  /** Does some row give measure m? */
  givesAny(m: number): boolean {
    const h = this.has[m];
    if (!h) return false;
    for (let i = 0; i < this.size; i++) if (h[i] === 1) return true;
    return false;
  }

  /** Every array by row at `n` rows of room: grown (`exact`: to n, else by `by`) or cut. */
  private resize(n: number, exact: boolean, by = 2): void {
    const size = (a: { length: number }): number => (exact ? n : Math.max(n, Math.ceil(a.length * by) + 64));
    const to = size(this.src);
    this.src = exactly(this.src, to);
    this.line = exactly(this.line, to);
    if (this.parents) this.parents = exactly(this.parents, to);
    for (let m = 0; m < this.nm; m++) {
      if (this.vals[m]) this.vals[m] = exactlyF(this.vals[m]!, to);
      if (this.has[m]) this.has[m] = exactlyU(this.has[m]!, to);
    }
  }

  /**
   * Columns that share another's rows (the same arrays, nothing copied): its values, places and the key
   * columns given (rollup: every row a group of its own). Its estimate marks start empty.
   */
  static sharing(of: RowColumns, keys: readonly KeyColumn[]): RowColumns {
    const out = new RowColumns(of.nm);
    out.size = of.size;
    for (const col of keys) out.keys.push(col);
    out.vals = of.vals.slice();
    out.has = of.has.slice();
    out.src = of.src;
    out.line = of.line;
    return out;
  }

  /** The key column of dimension d, as long as the rows. */
  column(d: number): KeyColumn {
    while (this.keys.length <= d) this.keys.push(KeyColumn.nulls(this.size));
    return this.keys[d]!;
  }

  /** Add a row with no values; its keys are set by the caller (setKeys). Returns its index. */
  push(src: number, line: number): number {
    const i = this.size++;
    if (i >= this.src.length) this.resize(i + 1, false, this.reserved ? 1.25 : 2);
    this.src[i] = src;
    this.line[i] = line;
    return i;
  }

  /** The keys of row i (the last row pushed) on the first `n` dimensions; the others are null. */
  setKeys(i: number, keys: readonly (string | null)[], n = keys.length): void {
    while (this.keys.length < n) this.keys.push(KeyColumn.nulls(i));
    for (let d = 0; d < n; d++) this.keys[d]!.push(keys[d] ?? null);
    for (let d = n; d < this.keys.length; d++) this.keys[d]!.push(null);
    if (this.keys.length && this.keys[0]!.length !== i + 1) throw new Error('row columns out of step');
  }

  key(i: number, d: number): string | null {
    return d < this.keys.length ? this.keys[d]!.at(i) : null;
  }

  value(i: number, m: number): number | null {
    const h = this.has[m];
    return h !== undefined && h[i] === 1 ? this.vals[m]![i]! : null;
  }

  setValue(i: number, m: number, v: number): void {
    let vs = this.vals[m];
    if (!vs) {
      vs = this.vals[m] = new Float64Array(this.src.length);
      this.has[m] = new Uint8Array(this.src.length);
    }
    vs[i] = v;
    this.has[m]![i] = 1;
  }

  /** Row i gives no value of measure m. */
  clearValue(i: number, m: number): void {
    const h = this.has[m];
    if (h) {
      h[i] = 0;
      this.vals[m]![i] = 0;
    }
  }

  parent(i: number): number | undefined {
    const p = this.parents?.[i];
    return p ? p - 1 : undefined;
  }

  setParent(i: number, p: number): void {
    if (!this.parents) this.parents = new Int32Array(this.src.length);
    this.parents[i] = p + 1;
  }

  /** The rows where keep[i] is 1, in order (a segment row's wide row renumbered). */
  subset(keep: Uint8Array): RowColumns {
    const out = new RowColumns(this.nm);
    const nm = this.nm;
    const map = new Int32Array(this.size).fill(-1);
    const cols = this.keys.map(() => new KeyColumn());
    for (let i = 0; i < this.size; i++) {
      if (keep[i] !== 1) continue;
      const j = out.push(this.src[i]!, this.line[i]!);
      map[i] = j;
      for (let d = 0; d < cols.length; d++) cols[d]!.push(this.keys[d]!.at(i));
      for (let m = 0; m < nm; m++) {
        const v = this.value(i, m);
        if (v !== null) out.setValue(j, m, v);
      }
      const p = this.parent(i);
      if (p !== undefined) out.setParent(j, map[p]!);
      const lacking = this.lacking.get(i);
      if (lacking) out.lacking.set(j, lacking);
      const est = this.estimated.get(i);
      if (est) out.estimated.set(j, est);
    }
    for (const col of cols) out.keys.push(col);
    return out;
  }

  /** Room for n rows in the typed arrays (a load that expects them: no copies while it grows). */
  reserve(n: number): void {
    this.reserved = true;
    for (const col of this.keys) col.reserve(n);
    if (n > this.src.length) this.resize(n, true);
  }

  /** The typed arrays cut to the rows (a load that is done: no room kept for rows that will not come). */
  trim(): void {
    const n = Math.max(this.size, 1);
    if (this.src.length > n + (n >> 2) + 64) this.resize(n, true);
    for (const col of this.keys) col.trim();
  }

  /** Forget the rows from `start` on. */
  truncate(start: number): void {
    if (start >= this.size) return;
    for (const col of this.keys) col.truncate(start);
    for (let m = 0; m < this.nm; m++) {
      this.vals[m]?.fill(0, start, this.size);
      this.has[m]?.fill(0, start, this.size);
    }
    this.parents?.fill(0, start, this.size);
    for (const k of [...this.lacking.keys()]) if (k >= start) this.lacking.delete(k);
    for (const k of [...this.estimated.keys()]) if (k >= start) this.estimated.delete(k);
    this.size = start;
  }

  /** Row i as an object (TableRow), with its keys on `nd` dimensions. */
  row(i: number, nd: number): ColumnRow {
    const keys = new Array<string | null>(nd);
    for (let d = 0; d < nd; d++) keys[d] = this.key(i, d);
    const values = new Array<number | null>(this.nm);
    for (let m = 0; m < this.nm; m++) values[m] = this.value(i, m);
    const row: { keys: (string | null)[]; values: (number | null)[]; src: number; line: number; parent?: number; lacking?: (Place | undefined)[]; estimated?: string[] } = { keys, values, src: this.src[i]!, line: this.line[i]! };
    const p = this.parent(i);
    if (p !== undefined) row.parent = p;
    const lacking = this.lacking.get(i);
    if (lacking && lacking.some((x) => x !== undefined)) row.lacking = lacking;
    const est = this.estimated.get(i);
    if (est?.length) row.estimated = est;
    return row;
  }
}
