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
function exactly<T extends Int32Array | Uint8Array>(a: T, n: number): T {
  const next = new (a.constructor as new (n: number) => T)(n);
  next.set(a.length > n ? a.subarray(0, n) : a);
  return next;
}

function exactlyV(a: Values, n: number): Values {
  const next = a instanceof Int32Array ? new Int32Array(n) : new Float64Array(n);
  next.set(a.length > n ? a.subarray(0, n) : a);
  return next;
}

/**
 * A measure's values by row: whole numbers that fit in 32 bits (counts: participants, a workforce of a
 * branch) as Int32Array, half the bytes; the column becomes a Float64Array, every value kept, at the
 * first value that does not fit (a fraction, -0, a count past 2^31 − 1).
 */
export type Values = Int32Array | Float64Array;

/** Does v fit an Int32Array exactly (a whole number of 32 bits, and not -0)? */
function fitsInt32(v: number): boolean {
  return (v | 0) === v && (v !== 0 || 1 / v > 0);
}

function exactlyU(a: Uint8Array, n: number): Uint8Array {
  const next = new Uint8Array(n);
  next.set(a.length > n ? a.subarray(0, n) : a);
  return next;
}

/**
 * Numbers for a dimension's keys, 0, 1, 2… in order of first sight, each key kept once (io/key-labels.ts
 * KeyLabels: the keys of a dimension's labels, which a load sets before it adds the key's row).
 */
export interface KeyDictionary {
  readonly size: number;
  /** The number of `key`, or -1. */
  indexOf(key: string): number;
  /** Key number i (0 ≤ i < size). */
  keyAt(i: number): string;
  /** Room for n keys in all, made now (a load that expects as many). */
  reserve?(n: number): void;
}

/**
 * One dimension's keys, a key (or null) a row. While a dimension has few keys (a province, a month) each
 * row keeps the number of its key (a byte, or two past 255 keys) and the keys are kept once. Past 65,535
 * keys (a branch per row) each row keeps the number of its key in the dimension's dictionary when the
 * load gave one (4 bytes a row, the string being the dictionary's), else the row's string (8 bytes a row).
 */
export class KeyColumn {
  length = 0;
  private codes: Uint8Array | Uint16Array | undefined = new Uint8Array(16);
  private readonly dict: string[] = [];
  private ids: Map<string, number> | undefined = new Map();
  private plain: (string | null)[] | undefined;
  /** Past 65,535 keys with a dictionary: per row the number of its key in `dictionary` + 1 (0: none). */
  private refs: Int32Array | undefined;
  private last: string | null = null;
  private lastCode = 0;
  /** The rows reserve() made room for: the room of `plain` when the keys turn plain. */
  private room = 0;

  /** `dictionary`: the dimension's keys, numbered (a load's labels), for a column that has many. */
  constructor(public dictionary?: KeyDictionary) {}

  /** A column of n nulls. */
  static nulls(n: number): KeyColumn {
    const c = new KeyColumn();
    c.codes = new Uint8Array(Math.max(16, n));
    c.length = n;
    return c;
  }

  /** Has row i no key? (at(i) === null, without making the key's string.) */
  isNull(i: number): boolean {
    if (this.refs) return this.refs[i] === 0;
    if (this.plain) return (this.plain[i] ?? null) === null;
    return this.codes![i] === 0;
  }

  at(i: number): string | null {
    if (this.refs) {
      const r = this.refs[i]!;
      return r === 0 ? null : this.dictionary!.keyAt(r - 1);
    }
    if (this.plain) return this.plain[i] ?? null;
    const c = this.codes![i]!;
    return c === 0 ? null : this.dict[c - 1]!;
  }

  /**
   * The column's own numbers for its keys, one a row (0: none; rows of the same key have the same number,
   * each below `bound`), while it keeps its keys as numbers (a code, or a number in the dictionary); else
   * undefined (the keys are strings). Views of the column's arrays: nothing is copied.
   */
  numbers(): { readonly ids: Uint8Array | Uint16Array | Int32Array; readonly bound: number } | undefined {
    if (this.refs) return { ids: this.refs.subarray(0, this.length), bound: this.dictionary!.size + 1 };
    if (this.codes) return { ids: this.codes.subarray(0, this.length), bound: this.dict.length + 1 };
    return undefined;
  }

  /** A column that keeps its keys as numbers in `dictionary` from its first row (a subset of one that does). */
  static referring(dictionary: KeyDictionary): KeyColumn {
    const c = new KeyColumn(dictionary);
    c.refs = new Int32Array(16);
    c.forgetCodes();
    return c;
  }

  /** Add row i of `from` (a column of the same dictionary: its number is copied, no key looked up). */
  pushFrom(from: KeyColumn, i: number): void {
    if (!this.refs || !from.refs || from.dictionary !== this.dictionary) return this.push(from.at(i));
    const at = this.length++;
    if (at >= this.refs.length) {
      const next = new Int32Array(2 * this.refs.length);
      next.set(this.refs);
      this.refs = next;
    }
    this.refs[at] = from.refs[i]!;
  }

  push(k: string | null): void {
    const i = this.length++;
    if (this.refs) {
      const r = k === null ? 0 : this.dictionary!.indexOf(k) + 1;
      if (r === 0 && k !== null) {
        // A key the dictionary lacks (never in a load, whose labels have every key): the strings.
        this.refsToPlain();
        this.plain![i] = k;
        return;
      }
      if (i >= this.refs.length) {
        const next = new Int32Array(Math.max(2 * this.refs.length, 16));
        next.set(this.refs);
        this.refs = next;
      }
      this.refs[i] = r;
      return;
    }
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
            this.toMany();
            this.length--;
            this.push(k);
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

  /** Room for n rows (while the keys are numbered; and for their strings or numbers once there are many). */
  reserve(n: number): void {
    this.room = Math.max(this.room, n);
    if (this.refs) {
      if (n > this.refs.length) {
        const next = new Int32Array(n);
        next.set(this.refs);
        this.refs = next;
      }
      return;
    }
    const codes = this.codes;
    if (!codes || n <= codes.length) return;
    const next = new (codes.constructor as Uint8ArrayConstructor)(n);
    next.set(codes);
    this.codes = next;
  }

  /** Forget the rows from n on. */
  truncate(n: number): void {
    if (n >= this.length) return;
    if (this.refs) this.refs.fill(0, n, this.length);
    else if (this.plain) this.plain.length = n;
    else this.codes!.fill(0, n, this.length);
    this.length = n;
  }

  /** No room kept past the rows (a load that is done). */
  trim(): void {
    if (this.refs && this.refs.length > this.length + (this.length >> 2) + 64) this.refs = this.refs.slice(0, this.length);
    if (this.plain && this.plain.length > this.length) this.plain.length = this.length;
  }

  /** Does some row have a key? */
  anyKey(): boolean {
    for (let i = 0; i < this.length; i++) if (!this.isNull(i)) return true;
    return false;
  }

  // Past 65,535 keys, the rows before the last (this.length - 1 of them) are kept again: as numbers in
  // the dictionary when it has every key, else as strings. Both are set by index into room made once
  // (a million rows: an array grown by push is copied some thirty times on the way, each copy left to a
  // full collection).
  private toMany(): void {
    const n = this.length - 1;
    const dictionary = this.dictionary;
    if (dictionary) {
      const refs = new Int32Array(Math.max(n, this.room, 16));
      let i = 0;
      for (; i < n; i++) {
        const k = this.at(i);
        if (k === null) continue;
        const r = dictionary.indexOf(k);
        if (r < 0) break;
        refs[i] = r + 1;
      }
      if (i === n) {
        this.refs = refs;
        this.forgetCodes();
        return;
      }
    }
    const plain = new Array<string | null>(Math.max(n, this.room));
    for (let i = 0; i < n; i++) plain[i] = this.at(i);
    this.plain = plain;
    this.forgetCodes();
  }

  private refsToPlain(): void {
    const n = this.length - 1;
    const plain = new Array<string | null>(Math.max(n, this.room));
    for (let i = 0; i < n; i++) plain[i] = this.at(i);
    this.plain = plain;
    this.refs = undefined;
  }

  private forgetCodes(): void {
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
   * `has` is 1; as long as `src` (the rows' room). See Values.
   */
  private vals: (Values | undefined)[];
  private has: (Uint8Array | undefined)[];
  /** Per row its source: a byte while every source is below 256 (a load of one file: 0), else 4 bytes. */
  src: Uint8Array | Int32Array = new Uint8Array(0);
  /**
   * Per row its line (lineAt), made when a row's line is not the first row's + its index: a file of a
   * key per row (one row a group, in the order of the file) keeps no array of lines.
   */
  private lines: Int32Array | undefined;
  private firstLine = 0;
  /** Per row: the index of its wide row + 1 (0: none); made at the first segment row. */
  parents: Int32Array | undefined;
  readonly lacking = new Map<number, (Place | undefined)[]>();
  readonly estimated = new Map<number, string[]>();
  private reserved = false;

  constructor(readonly nm: number) {
    this.vals = new Array<Values | undefined>(nm).fill(undefined);
    this.has = new Array<Uint8Array | undefined>(nm).fill(undefined);
  }

  /** The values of measure m by row (undefined: no row gives it), and which rows give it. */
  valuesOf(m: number): { readonly values: Values; readonly given: Uint8Array } | undefined {
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
    if (this.lines) this.lines = exactly(this.lines, to);
    if (this.parents) this.parents = exactly(this.parents, to);
    for (let m = 0; m < this.nm; m++) {
      if (this.vals[m]) this.vals[m] = exactlyV(this.vals[m]!, to);
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
    out.lines = of.lines;
    out.firstLine = of.firstLine;
    return out;
  }

  /**
   * Columns with another's rows and measures of their own (`nm` of them, none given yet): its keys,
   * places, wide rows and marks shared, nothing copied (core/coverage/targets.ts: a million targets'
   * December target and milestone, keyed as the rollup they come from).
   */
  static sameRows(of: RowColumns, nm: number): RowColumns {
    const out = new RowColumns(nm);
    out.size = of.size;
    for (const col of of.keys) out.keys.push(col);
    out.src = of.src;
    out.lines = of.lines;
    out.firstLine = of.firstLine;
    out.parents = of.parents;
    for (const [i, l] of of.lacking) out.lacking.set(i, l);
    for (const [i, e] of of.estimated) out.estimated.set(i, e);
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
    if (src > 255 && this.src instanceof Uint8Array) this.src = Int32Array.from(this.src);
    this.src[i] = src;
    if (i === 0) this.firstLine = line;
    if (this.lines) this.lines[i] = line;
    else if (line !== this.firstLine + i) {
      const lines = new Int32Array(this.src.length);
      for (let j = 0; j < i; j++) lines[j] = this.firstLine + j;
      lines[i] = line;
      this.lines = lines;
    }
    return i;
  }

  /** The line of row i's first input row. */
  lineAt(i: number): number {
    return this.lines ? this.lines[i]! : this.firstLine + i;
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

  /** key(i, d) !== null, without making the key's string (a key of a million from the load's dictionary). */
  hasKey(i: number, d: number): boolean {
    return d < this.keys.length && !this.keys[d]!.isNull(i);
  }

  value(i: number, m: number): number | null {
    const h = this.has[m];
    return h !== undefined && h[i] === 1 ? this.vals[m]![i]! : null;
  }

  setValue(i: number, m: number, v: number): void {
    let vs = this.vals[m];
    if (!vs) {
      vs = this.vals[m] = new Int32Array(this.src.length);
      this.has[m] = new Uint8Array(this.src.length);
    }
    if (vs instanceof Int32Array && !fitsInt32(v)) vs = this.vals[m] = Float64Array.from(vs);
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
    const cols = this.keys.map((c) => (c.dictionary && c.numbers()?.ids instanceof Int32Array ? KeyColumn.referring(c.dictionary) : new KeyColumn(c.dictionary)));
    for (let i = 0; i < this.size; i++) {
      if (keep[i] !== 1) continue;
      const j = out.push(this.src[i]!, this.lineAt(i));
      map[i] = j;
      for (let d = 0; d < cols.length; d++) cols[d]!.pushFrom(this.keys[d]!, i);
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
    const row: { keys: (string | null)[]; values: (number | null)[]; src: number; line: number; parent?: number; lacking?: (Place | undefined)[]; estimated?: string[] } = { keys, values, src: this.src[i]!, line: this.lineAt(i) };
    const p = this.parent(i);
    if (p !== undefined) row.parent = p;
    const lacking = this.lacking.get(i);
    if (lacking && lacking.some((x) => x !== undefined)) row.lacking = lacking;
    const est = this.estimated.get(i);
    if (est?.length) row.estimated = est;
    return row;
  }
}
