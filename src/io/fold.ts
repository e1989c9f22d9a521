// Rows are added up as they are read: memory follows the distinct keys of a load, not its rows.
//
// Every typed row of a file goes into the group of its keys (one group per file and per set of keys), so
// a million-row regional file reported by province keeps a few thousand groups (province × regency ×
// month), and the groups are the Table's rows. What a group keeps:
// - its keys on the dimensions the load keeps: every dimension but a free-text one nobody named (a
//   `sector` column when the report is not by sector: the rows are added up over it, as aggregate()
//   would add them up, and the check below still sees it);
// - per measure the sum, or null when no row gave it; a measure that some rows give and others lack is
//   marked (`lacking`: the first row that lacks it), so that aggregate() says "incomplete" exactly as it
//   would have on the rows one by one;
// - while the file's number locale is undecided, a second sum for the cells that read differently in the
//   two locales (`1.000`), settled when the file ends (docs/architecture.md: "deduce, never guess");
// - the segment rows of a wide row (participants_pu …) as groups of their own, linked to their row's group.
//
// For a load whose rows must not overlap (regional files), the check keeps a 53-bit digest of each row's
// full keys (key-sets.ts: 8 bytes a row), per set of key columns; digests seen twice are suspects, which
// the loader confirms on the rows (confirm.ts). Rows of two different sets of key columns overlap when
// they agree on the columns both have; that is checked when the load ends, on the groups (which keep the
// keys those columns are made of), and — when the columns both have include one the groups add up over —
// confirmed on the rows themselves, read again.

import { type KeyDictionary, RowColumns } from '../core/row-columns.js';
import type { Measure, RowRef } from '../core/table.js';
import { release } from '../core/release.js';
import { digest53, fmix, HashLog, hashString, mix2, PlacedSet } from './key-sets.js';

/** The 64-bit hash of a row's full keys (h[0], h[1]); `hk` holds each key's two hashes (hashString). */
export function rowHash(keys: readonly (string | null)[], hk: Int32Array, mask: number, h: Int32Array): void {
  h[0] = mask;
  h[1] = ~mask;
  for (let d = 0; d < keys.length; d++) if (keys[d] !== null && keys[d] !== undefined) mix2(h, hk[2 * d]! ^ d, hk[2 * d + 1]!);
}

/** The digest of a row's full keys, computed from the keys alone (for rows read a second time). */
export function rowDigest(keys: readonly (string | null)[]): { mask: number; digest: number; h1: number; h2: number } {
  const hk = new Int32Array(2 * keys.length);
  let mask = 0;
  keys.forEach((k, d) => {
    if (k === null || k === undefined) return;
    mask |= 1 << d;
    hashString(k, hk, 2 * d);
  });
  const h = new Int32Array(2);
  rowHash(keys, hk, mask, h);
  return { mask, digest: digest53(h[0]!, h[1]!), h1: h[0]!, h2: h[1]! };
}

/** Two rows of different key columns that may overlap; confirmed (or not) by the loader. */
export interface Suspect {
  readonly kind: 'overlap';
  readonly first: RowRef;
  readonly second: RowRef;
  /** The keys of the second row (all dimensions, as read). */
  readonly keys: readonly (string | null)[];
  /** The sets of key columns (a bit per dimension) of the two rows. */
  readonly masks: readonly [number, number];
  /** For an overlap: the dimensions both rows have; and whether some of them were added up over. */
  readonly common?: readonly number[];
  readonly needsRows?: boolean;
}

export interface DimInfo {
  readonly name: string;
  readonly kind: string;
  /** The dimension's labels: their keys, numbered, are the dictionary of its key column (KeyColumn). */
  readonly labels?: KeyDictionary;
}

const MAX_DIMS = 30;

/** The rows of one set of key columns: their digests (or, for rows that cannot be read again, places). */
interface RowCheck {
  readonly log: HashLog;
  placed?: PlacedSet;
  readonly sources: Set<number>;
  /** Digests of rows that a file's own check (FileFold `own`) found repeated: suspects already. */
  found?: Set<number>;
}

/**
 * The most 32-bit words a file's own check (FileFold) keeps, a bit per group and key of the dimension the
 * load adds up over (16 MiB); past that its rows go into the digest log, those checked so far with them.
 * (Tests lower it.)
 */
export const OWN_CHECK = { maxWords: 1 << 22 };

/** FileFold's follower (a row's group tried as the one that followed the last row's group last time) on or off (tests compare the two). */
export const FOLLOW = { on: true };

export class LoadFold {
  /**
   * Every group of every file, in order of first row: the rows of the Table, as columns (a group's keys
   * on the dimensions the load keeps, its sums, its first row's place; the estimate marks of its rows,
   * sorted; for a measure some of its rows give and others lack, the first that lacks it).
   */
  readonly store: RowColumns;
  /**
   * The original set of key columns of each group (a bit per dimension): `oneMask` while every group has
   * the same (the common case: a file's rows have the same columns), an array a group from the first
   * group with another (4 MiB for a million groups, made only then).
   */
  private oneMask = -1;
  private maskArr: Int32Array | undefined;
  private readonly kept: boolean[] = [];
  /** The key columns given their dimension's labels as dictionary so far. */
  private withDictionary = 0;

  constructor(
    readonly dims: readonly DimInfo[],
    readonly measures: readonly Measure[],
    private readonly named: readonly string[],
  ) {
    this.store = new RowColumns(measures.length);
  }

  /** Groups so far. */
  get count(): number {
    return this.store.size;
  }

  /** The original set of key columns of group g. */
  mask(g: number): number {
    return this.maskArr ? this.maskArr[g]! : this.oneMask;
  }

  /** A new group (its keys: `keys`, on the first `keys.length` dimensions); returns its index. */
  newGroup(keys: readonly (string | null)[], mask: number, src: number, line: number): number {
    const g = this.store.push(src, line);
    this.store.setKeys(g, keys);
    const cols = this.store.keys;
    if (cols.length !== this.withDictionary) {
      // A branch per row: its column keeps numbers into the labels, which hold each key once.
      for (let d = 0; d < cols.length; d++) cols[d]!.dictionary ??= this.dims[d]?.labels;
      this.withDictionary = cols.length;
    }
    if (g === 0) this.oneMask = mask;
    let arr = this.maskArr;
    if (!arr) {
      if (mask === this.oneMask) return g;
      // The first group with other key columns: every group before it had the one set.
      arr = this.maskArr = new Int32Array(Math.max(1024, 2 * g, this.expectedGroups)).fill(this.oneMask, 0, g);
    }
    if (g >= arr.length) {
      const next = new Int32Array(arr.length * 2);
      next.set(arr);
      this.maskArr = arr = next;
    }
    arr[g] = mask;
    return g;
  }

  /** The keys of group g on every dimension so far (null where it has none or the load adds up over it). */
  keysOf(g: number): (string | null)[] {
    const nd = Math.max(this.dims.length, this.store.keys.length);
    const out = new Array<string | null>(nd);
    for (let d = 0; d < nd; d++) out[d] = this.store.key(g, d);
    return out;
  }

  /** Group g's set of key columns and keys as one text (two groups of the same keys have the same). */
  keyText(g: number): string {
    return `${this.mask(g)}\u0002${this.keysOf(g)
      .map((k) => k ?? '\u0001')
      .join('\u0000')}`;
  }

  private readonly hashCache: Map<string, number>[] = [];
  private readonly hashes: number[] = [];
  /** The keys of the caches (every dimension's), in order: key number i (keyHash) is keyList[i]. */
  private readonly keyList: string[] = [];

  /**
   * The two hashes of key `k` of dimension d into hk[2d], hk[2d + 1]: from a cache per dimension (a key
   * string's own hash is kept by the engine, so the lookup does not read its characters), up to 65,536
   * keys a dimension; past that (a branch per row) hashed each time. Returns the key's number in the
   * caches (0, 1, 2… in order of first sight, over every dimension), or -1 for a key past them.
   */
  keyHash(d: number, k: string, hk: Int32Array): number {
    let cache = this.hashCache[d];
    if (!cache) this.hashCache[d] = cache = new Map();
    // A full cache (a branch per row) misses for almost every new row: hashing the key costs less than
    // the lookup of a new string would.
    if (cache.size >= 65536) {
      hashString(k, hk, 2 * d);
      return -1;
    }
    const at = cache.get(k);
    if (at !== undefined) {
      hk[2 * d] = this.hashes[at]!;
      hk[2 * d + 1] = this.hashes[at + 1]!;
      return at >>> 1;
    }
    hashString(k, hk, 2 * d);
    const id = this.hashes.length >>> 1;
    cache.set(k, this.hashes.length);
    this.hashes.push(hk[2 * d]!, hk[2 * d + 1]!);
    this.keyList.push(k);
    return id;
  }

  /** Key number `id` of the caches (keyHash). */
  cachedKey(id: number): string {
    return this.keyList[id]!;
  }

  /** Does the Table keep dimension d (else its rows are added up over it)? */
  keeps(d: number): boolean {
    let k = this.kept[d];
    if (k === undefined) {
      const dim = this.dims[d]!;
      k = dim.kind !== 'text' || this.named.includes(dim.name);
      this.kept[d] = k;
    }
    return k;
  }

  /**
   * The groups of one file; its rows are checked for overlaps when the rule is 'refuse'. `alone`: the
   * file is the load's only source (its rows can repeat only each other: FileFold's own check).
   */
  file(src: number, rule: 'refuse' | 'sum', rereadable: boolean, alone = false): FileFold {
    return new FileFold(this, src, rule, rereadable, alone);
  }

  /** Rows added so far (FileFold.add). */
  rowsAdded = 0;
  /** Groups the load expects to have (expectRows), for a file's arrays by group: sized once. */
  expectedGroups = 0;

  /**
   * About how many more rows to expect (from a file's size, early in it). Where most rows so far were
   * groups of their own (a key per row), as many groups are expected: the columns are sized for them
   * now, not grown (each growth leaves the old arrays to the collector; doubling up to a million rows
   * leaves as much again). Where rows are added up (a province per row), nothing is sized.
   */
  expectRows(rows: number): void {
    const added = this.rowsAdded;
    if (added === 0 || this.count * 2 < added) return;
    this.expectedGroups = this.count + Math.ceil((1.1 * rows * this.count) / added);
    this.store.reserve(this.expectedGroups);
    // A dimension with a key a row (a branch) keeps as many labels: their arrays are made once too.
    for (const d of this.dims) {
      const size = d.labels?.size ?? 0;
      if (size * 2 >= added) d.labels!.reserve?.(size + Math.ceil((1.1 * rows * size) / added));
    }
    if (this.maskArr && this.maskArr.length < this.expectedGroups) {
      const next = new Int32Array(this.expectedGroups);
      next.set(this.maskArr);
      this.maskArr = next;
    }
  }

  private readonly checks = new Map<number, RowCheck>();
  // The last row's check and source: rows come in runs of the same key columns, from one file.
  private lastMask = -1;
  private lastCheck: RowCheck | undefined;
  private lastSrc = -1;

  /**
   * The check of a row's full keys against every other row of the load with the same key columns. `h`
   * is the row's hash (rowHash: FileFold.add makes it in its pass over the keys).
   */
  checkRow(keys: readonly (string | null)[], h: Int32Array, mask: number, src: number, line: number, rereadable: boolean): void {
    const before = this.lastCheck;
    const check = this.checkOf(mask);
    if (check !== before || src !== this.lastSrc) check.sources.add(src);
    this.lastSrc = src;
    if (rereadable) check.log.addHashes(h[0]!, h[1]!);
    else {
      // Rows that cannot be read again are compared with each other now, with their places and keys.
      const placed = (check.placed ??= new PlacedSet());
      const slot = placed.add(h[0]!, h[1]!, src, line);
      if (slot >= 0 && this.placedDuplicates.length < 1000) this.placedDuplicates.push({ first: { src: placed.src(slot), line: placed.line(slot) }, second: { src, line }, keys: keys.slice(), mask });
    }
  }

  /** The check of the rows of key columns `mask`. */
  private checkOf(mask: number): RowCheck {
    let check = this.lastMask === mask ? this.lastCheck : this.checks.get(mask);
    if (!check) this.checks.set(mask, (check = { log: new HashLog(), sources: new Set() }));
    this.lastMask = mask;
    this.lastCheck = check;
    return check;
  }

  /** A row of `src` (read again to confirm it) whose full keys, of digest d, an earlier row of it had. */
  foundRepeat(mask: number, d: number, src: number): void {
    const check = this.checkOf(mask);
    check.sources.add(src);
    (check.found ??= new Set()).add(d);
  }

  /** The digest of a row's full keys into the log of its key columns (a file's own check gave up). */
  logDigest(mask: number, d: number, src: number): void {
    const check = this.checkOf(mask);
    check.sources.add(src);
    check.log.add(d);
  }

  /** Rows of standard input or a pipe with the same keys as an earlier such row. */
  readonly placedDuplicates: { first: RowRef; second: RowRef; keys: (string | null)[]; mask: number }[] = [];

  /**
   * After the last file: per set of key columns, the digests of rows seen twice (suspects, confirmed on
   * the rows by the loader), the sources with rows of it, and the rows of sources that cannot be read again.
   */
  repeatedRows(): { mask: number; digests: Set<number>; sources: ReadonlySet<number>; placed?: PlacedSet }[] {
    const out: { mask: number; digests: Set<number>; sources: ReadonlySet<number>; placed?: PlacedSet }[] = [];
    for (const [mask, check] of this.checks) {
      const digests = check.log.repeated();
      if (check.found) for (const d of check.found) digests.add(d);
      // Rows of standard input are in the placed set only: those whose digest a file's row has too.
      if (check.placed && check.log.count) for (const [h1, h2] of check.placed.entries()) if (check.log.has(digest53(h1, h2))) digests.add(digest53(h1, h2));
      if (digests.size) out.push({ mask, digests, sources: check.sources, placed: check.placed });
    }
    return out;
  }

  /** The rows of standard input or a pipe with these key columns, by their hashes and places. */
  placedOf(mask: number): PlacedSet | undefined {
    return this.checks.get(mask)?.placed;
  }

  /**
   * Rows of two different sets of key columns that agree on the columns both have: found on the groups,
   * which keep every key but those of the dimensions added up over; where the columns both have include
   * such a dimension, a pair of groups is a candidate that the loader confirms on the rows.
   */
  findOverlaps(limit: number, skip: ReadonlySet<number> = new Set()): Suspect[] {
    const byMask = new Map<number, number[]>();
    const store = this.store;
    // Rows of one set of key columns only (the common case): nothing can overlap, no list is made.
    let first = -1;
    let several = false;
    for (let i = 0; i < store.size && !several; i++) {
      if (store.parent(i) !== undefined || skip.has(store.src[i]!)) continue;
      if (first === -1) first = this.mask(i);
      else several = this.mask(i) !== first;
    }
    if (!several) return [];
    for (let i = 0; i < store.size; i++) {
      if (store.parent(i) !== undefined || skip.has(store.src[i]!)) continue;
      const m = this.mask(i);
      let list = byMask.get(m);
      if (!list) byMask.set(m, (list = []));
      list.push(i);
    }
    const out: Suspect[] = [];
    let certain = 0;
    const masks = [...byMask.keys()];
    for (let a = 0; a < masks.length; a++) {
      for (let b = a + 1; b < masks.length; b++) {
        const common: number[] = [];
        for (let d = 0; d < MAX_DIMS; d++) if (masks[a]! & masks[b]! & (1 << d)) common.push(d);
        const keptCommon = common.filter((d) => this.keeps(d));
        const needsRows = keptCommon.length !== common.length;
        const key = (i: number): string => keptCommon.map((d) => store.key(i, d)).join('\u0000');
        const first = new Map<string, number>();
        for (const i of byMask.get(masks[a]!)!) {
          const k = key(i);
          if (!first.has(k)) first.set(k, i);
        }
        for (const i of byMask.get(masks[b]!)!) {
          const j = first.get(key(i));
          if (j === undefined) continue;
          const [x, y] = order(store, j, i);
          const masksXY: [number, number] = x === j ? [masks[a]!, masks[b]!] : [masks[b]!, masks[a]!];
          out.push({ kind: 'overlap', first: { src: store.src[x]!, line: store.lineAt(x) }, second: { src: store.src[y]!, line: store.lineAt(y) }, keys: this.keysOf(y), masks: masksXY, common, needsRows });
          // Only certain overlaps count towards the limit: candidates that the rows may clear must not
          // crowd out a real one after them (at most one candidate a group, so this stays bounded).
          if (!needsRows && ++certain >= limit) return out;
        }
      }
    }
    return out;
  }

  /** Forget the groups from `start` on (a file that could not be read). */
  truncate(start: number): void {
    this.store.truncate(start);
  }

  /** Files of a 'refuse' load read by the byte-level engine (their rows are not in the digest log). */
  readonly fastFiles = new Set<number>();

  /**
   * Groups of the same keys in two files, where one of them was read by the engine: their rows may be the
   * same rows twice (the engine checked its own file only). Each as the set of key columns and the kept
   * keys; the loader compares the rows themselves.
   */
  clashes(skip: ReadonlySet<number> = new Set()): { mask: number; keys: string }[] {
    if (!this.fastFiles.size) return [];
    const seen = new Map<string, { src: number; fast: boolean }>();
    const out = new Map<string, { mask: number; keys: string }>();
    const store = this.store;
    for (let i = 0; i < store.size; i++) {
      const src = store.src[i]!;
      if (store.parent(i) !== undefined || skip.has(src)) continue;
      const k = this.keyText(i);
      const before = seen.get(k);
      const fast = this.fastFiles.has(src);
      if (!before) seen.set(k, { src, fast });
      else if (before.src !== src && (before.fast || fast)) out.set(k, { mask: this.mask(i), keys: k.slice(k.indexOf('\u0002') + 1) });
    }
    return [...out.values()];
  }

  /** After the last file: the groups, as columns as long as the dimensions (a later file may have added some). */
  finish(): RowColumns {
    for (let d = 0; d < this.dims.length; d++) this.store.column(d);
    this.store.trim();
    return this.store;
  }
}

/** Add estimated measures to group g's (kept sorted). */
function unite(store: RowColumns, g: number, estimated: readonly string[]): void {
  const now = store.estimated.get(g) ?? [];
  const all = [...new Set([...now, ...estimated])].sort();
  if (all.length !== now.length) store.estimated.set(g, all);
}

function order(store: RowColumns, a: number, b: number): [number, number] {
  const sa = store.src[a]!;
  const sb = store.src[b]!;
  return sa < sb || (sa === sb && store.lineAt(a) <= store.lineAt(b)) ? [a, b] : [b, a];
}

/** The most groups a file's table of slots holds, as a share of its slots (linear probing). */
const LOAD = 0.7;

/** The first slot of hash h in a table of `size` slots (any size: the hash's top 21 bits, scaled). */
function slotOf(h: number, size: number): number {
  // (The same slot as ((h >>> 11) * size) / 2^21, every step exact, but a product of doubles: V8 takes
  // that one for a 32-bit one and compiles its callers again when it first passes 2^31.)
  return Math.floor((h >>> 11) * (size / 2097152));
}

/** The groups of one file, with the state that lasts while it is read. */
export class FileFold {
  /** Index in the load's groups of this file's first group. */
  readonly start: number;
  // The file's groups by their hash: open addressing on typed arrays (a Map and arrays of numbers cost
  // about 100 bytes more a group, which counts when every row is a group of its own).
  private slots = new Int32Array(1024); // file group + 1; 0 = empty; at most LOAD full
  private ghs = new Int32Array(256); // per file group: its hash
  private groupsInIndex = 0;
  /** Per measure 1 when it is a count (its sums must stay below 2^53). */
  private isCount: Uint8Array | undefined;
  /** Per group and measure (stride: measures), a bit: set when some row of the group lacked the measure. */
  private lack = new Uint8Array(64);
  /** While the locale is undecided: per (group, measure) the English reading minus the Indonesian one. */
  readonly deltas = new Map<number, number>();
  private readonly children = new Map<string, number>();
  /** Per file group, its input rows up to 255 (a byte: most groups of a key per row have one); past that in `many`. */
  private counts = new Uint8Array(256);
  /** Per file group, the group (+ 1; 0: none) of the row after the last row of it; the last row's group. */
  private next = new Int32Array(256);
  private lastLocal = -1;
  private readonly many = new Map<number, number>();
  /** Rows added to a group that already had one (the fast path checks that its groups stayed apart). */
  merged = 0;
  private readonly hk: Int32Array;
  /** Per dimension the key whose hashes hk holds (the previous row's): rows repeat most keys. */
  private readonly hkOf: (string | undefined)[] = [];
  /** Per dimension the number of that key in the load's cache (keyHash), or -1. */
  private readonly idOf: number[] = [];
  /**
   * The file's own check of repeated rows, where it is the load's only source that can be read again and
   * rows must not repeat: its rows can only repeat each other, and two rows with the same full keys are in
   * the same group. A row whose every key the load keeps repeats an earlier one exactly when its group has
   * one already; a row with one key the load adds up over (a sector, when the report is by province), when
   * its group has had that key: a bit per group and key number (`seen`, `seenWords` words a group). Other
   * rows (two keys added up over, a key past the cache) go into the digest log as before. A repeat found
   * here is a suspect, confirmed on the rows (confirm.ts) as one the log finds. No digest a row is kept.
   */
  private own: boolean;
  private seen = new Uint32Array(0);
  private seenWords = 1;
  private readonly h = new Int32Array(2);
  private readonly r = new Int32Array(2);
  /** Per dimension 1 when the load keeps it (load.keeps), for the dimensions there are so far. */
  private keepsArr = new Uint8Array(0);
  /** A new group's keys, projected on the dimensions the load keeps (copied into the columns). */
  private readonly projected: (string | null)[] = [];

  /** Rows of standard input found to repeat an earlier one, so far (the load's placedDuplicates). */
  get repeatedRows(): number {
    return this.load.placedDuplicates.length;
  }

  private keepsOf(nd: number): Uint8Array {
    if (this.keepsArr.length !== nd) {
      const k = new Uint8Array(nd);
      for (let d = 0; d < nd; d++) k[d] = this.load.keeps(d) ? 1 : 0;
      this.keepsArr = k;
    }
    return this.keepsArr;
  }

  constructor(
    private readonly load: LoadFold,
    readonly src: number,
    private readonly rule: 'refuse' | 'sum',
    private readonly rereadable: boolean,
    alone: boolean,
  ) {
    this.start = load.count;
    this.hk = new Int32Array(2 * MAX_DIMS);
    this.own = alone && rule === 'refuse' && rereadable;
    // The arrays that grow with the file's groups are stored a second time here: V8 takes a field stored
    // once as constant, and code optimised on that is thrown away and compiled again when the field is
    // first grown (add, find and accumulate were compiled 3–4 times on a million-row file).
    this.slots = new Int32Array(1024);
    this.ghs = new Int32Array(256);
    this.counts = new Uint8Array(256);
    this.next = new Int32Array(256);
    this.lack = new Uint8Array(64);
    this.seen = new Uint32Array(0);
    this.keepsArr = new Uint8Array(0);
  }

  /**
   * Add one row: its keys (one per dimension, null where the row has none), its values in the Indonesian
   * reading (`have[m]`: 0 the row lacks the measure, 1 it gives it, 2 it gives a value that reads
   * differently in English, by `delta[m]`). Returns the group, or the index of a count measure whose sum
   * would pass 2^53 − 1 as `-1 - m`.
   */
  add(keys: readonly (string | null)[], values: Float64Array, have: Uint8Array, delta: Float64Array, line: number, check = true, estimated?: readonly string[]): number {
    this.live();
    const load = this.load;
    load.rowsAdded++;
    const nd = keys.length;
    if (nd > MAX_DIMS) throw new RangeError(`at most ${MAX_DIMS} key columns`);
    const hk = this.hk;
    let mask = 0;
    for (let d = 0; d < nd; d++) if (keys[d] !== null && keys[d] !== undefined) mask |= 1 << d;
    // One pass over the keys makes both hashes: the group's (of the keys the load keeps) and, when rows
    // must not repeat, the row's (of all its keys: rowHash, the same mixes in the same order).
    const checked = this.rule === 'refuse' && check;
    const h = this.h;
    h[0] = 0x3c6ef372;
    h[1] = 0x1b873593;
    const keeps = this.keepsOf(nd);
    // The group that followed the last row's group last time (rows of a sorted file come in the same order
    // of groups, sector after sector): when it has this row's key columns and kept keys, it is the row's
    // group, found without hashing the keys (the same group find() would give: a group is its key columns
    // and kept keys).
    let g = -1;
    const last = this.lastLocal;
    if (last >= 0 && FOLLOW.on) {
      const next = this.next[last]! - 1;
      if (next >= 0 && load.mask(next + this.start) === mask && this.sameKeys(next + this.start, keys)) g = next + this.start;
    }
    // The keys the load adds up over: how many, and the number of the last (for the own check).
    let unkept = 0;
    let unkeptDim = -1;
    for (let d = 0; d < nd; d++) {
      const k = keys[d];
      if (k === null || k === undefined) continue;
      if (keeps[d] === 1) {
        if (g >= 0) continue;
        if (k !== this.hkOf[d]) {
          this.idOf[d] = load.keyHash(d, k, hk);
          this.hkOf[d] = k;
        }
        mix2(h, hk[2 * d]! ^ d, hk[2 * d + 1]!);
      } else {
        if (k !== this.hkOf[d]) {
          this.idOf[d] = load.keyHash(d, k, hk);
          this.hkOf[d] = k;
        }
        unkept++;
        unkeptDim = d;
      }
    }
    // The own check takes rows with every key kept, or one added up over whose key has a number.
    const own = checked && this.own && (unkept === 0 || (unkept === 1 && this.idOf[unkeptDim]! >= 0));
    if (checked && !own) load.checkRow(keys, this.rowHash(nd, keys, mask), mask, this.src, line, this.rereadable);
    if (g < 0) g = this.find(fmix(h[0]! ^ Math.imul(mask, 0x9e3779b1)) ^ h[1]!, keys, mask);
    const nm = load.measures.length;
    if (g < 0) {
      g = this.create(fmix(h[0]! ^ Math.imul(mask, 0x9e3779b1)) ^ h[1]!, keys, mask, line);
      this.follow(g - this.start);
      if (own && unkept === 1 && this.see(g - this.start, this.idOf[unkeptDim]!, nd) < 0) load.checkRow(keys, this.rowHash(nd, keys, mask), mask, this.src, line, this.rereadable);
      this.counts[g - this.start] = 1;
      const store = load.store;
      if (estimated?.length) store.estimated.set(g, [...estimated].sort());
      for (let m = 0; m < nm; m++) {
        if (have[m] === 0) this.setLack((g - this.start) * nm + m);
        else {
          store.setValue(g, m, values[m]!);
          if (have[m] === 2) this.deltas.set(g * nm + m, delta[m]!);
        }
      }
      return g;
    }
    const local = g - this.start;
    this.follow(local);
    // A row with every key kept, in a group that has a row: the same keys. With one added up over: when
    // the group has had its key.
    if (own) {
      const had = unkept === 0 ? 1 : this.see(local, this.idOf[unkeptDim]!, nd);
      if (had > 0) load.foundRepeat(mask, this.digestOf(nd, keys, mask), this.src);
      // (The check gave up at this row: it goes into the log as every later row.)
      else if (had < 0) load.checkRow(keys, this.rowHash(nd, keys, mask), mask, this.src, line, this.rereadable);
    }
    const c = this.counts[local]!;
    if (c < 255) this.counts[local] = c + 1;
    else this.many.set(local, (this.many.get(local) ?? 255) + 1);
    this.merged++;
    if (estimated?.length) unite(load.store, g, estimated);
    return this.accumulate(g, values, have, delta, line);
  }

  /** The last row's group is `local`: the group after the one before it is `local`. */
  private follow(local: number): void {
    if (this.lastLocal >= 0) this.next[this.lastLocal] = local + 1;
    this.lastLocal = local;
  }

  /** The hash of a row's full keys (rowHash), from the keys' hashes (each key's hashes into hk first). */
  private rowHash(nd: number, keys: readonly (string | null)[], mask: number): Int32Array {
    const r = this.r;
    r[0] = mask;
    r[1] = ~mask;
    const hk = this.hk;
    for (let d = 0; d < nd; d++) {
      const k = keys[d];
      if (k === null || k === undefined) continue;
      // (A row found by its group's follower has not hashed its kept keys.)
      if (k !== this.hkOf[d]) {
        this.idOf[d] = this.load.keyHash(d, k, hk);
        this.hkOf[d] = k;
      }
      mix2(r, hk[2 * d]! ^ d, hk[2 * d + 1]!);
    }
    return r;
  }

  private digestOf(nd: number, keys: readonly (string | null)[], mask: number): number {
    const r = this.rowHash(nd, keys, mask);
    return digest53(r[0]!, r[1]!);
  }

  /**
   * The own check of a row with one key added up over: has group `local` (of this file) had key number
   * `id` before (1, else 0)? Marks it. Where the bits would pass OWN_CHECK.maxWords, or take more room
   * than the log's 8 bytes a row (a key per row, and many keys added up over), the check gives up (-1): the
   * rows it took so far go into the digest log (their keys are the group's and the cache's), and so do
   * this row and every later one.
   */
  private see(local: number, id: number, nd: number): number {
    let words = this.seenWords;
    if (id >= 32 * words || (local + 1) * words > this.seen.length) {
      const nextWords = id >= 32 * words ? Math.max(2 * words, Math.ceil((id + 1) / 32)) : words;
      const have = Math.ceil(this.seen.length / words);
      const groups = local < have ? have : Math.max(local + 1, 2 * have, 64);
      if (groups * nextWords > Math.min(OWN_CHECK.maxWords, 2 * this.load.rowsAdded + 16384)) {
        this.giveUpOwn(nd);
        return -1;
      }
      const next = new Uint32Array(groups * nextWords);
      if (nextWords === words) next.set(this.seen);
      else for (let g = 0; g < this.seen.length / words; g++) next.set(this.seen.subarray(g * words, (g + 1) * words), g * nextWords);
      this.seen = next;
      this.seenWords = words = nextWords;
    }
    const at = local * words + (id >>> 5);
    const bit = 1 << (id & 31);
    const had = this.seen[at]! & bit;
    this.seen[at] = this.seen[at]! | bit;
    return had === 0 ? 0 : 1;
  }

  /**
   * The own check is given up (its bits would pass OWN_CHECK.maxWords): each row it took so far, as its
   * group's keys and the key added up over (one row a bit: a row found repeated is a suspect already), into
   * the digest log of its key columns.
   */
  private giveUpOwn(nd: number): void {
    this.own = false;
    const load = this.load;
    const words = this.seenWords;
    const groups = this.seen.length / words;
    const keys = new Array<string | null>(nd).fill(null);
    const all = load.count - this.start;
    for (let local = 0; local < all; local++) {
      const g = local + this.start;
      // (A wide row's segment rows are not rows of the file.)
      if (load.store.parent(g) !== undefined) continue;
      const mask = load.mask(g);
      // The dimension added up over: the one in the group's key columns that the load does not keep.
      let u = -1;
      for (let d = 0; d < nd; d++) {
        keys[d] = load.store.key(g, d);
        if (mask & (1 << d) && !load.keeps(d)) u = d;
      }
      // Every key kept: the group's keys are its rows' (a repeat among them is a suspect already).
      if (u < 0) {
        load.logDigest(mask, rowDigest(keys).digest, this.src);
        continue;
      }
      if (local >= groups) continue;
      for (let w = 0; w < words; w++) {
        const bits = this.seen[local * words + w]!;
        if (bits === 0) continue;
        for (let b = 0; b < 32; b++) {
          if ((bits & (1 << b)) === 0) continue;
          keys[u] = load.cachedKey(32 * w + b);
          load.logDigest(mask, rowDigest(keys).digest, this.src);
        }
      }
      keys[u] = null;
    }
    this.seen = new Uint32Array(0);
  }

  /** A segment row of a wide row: its group is the wide row's keys plus the segment. */
  addChild(parent: number, segDim: number, segment: string, measure: number, value: number, delta: number | undefined, line: number, estimated?: readonly string[]): number {
    const load = this.load;
    const key = `${parent}\u0000${segment}`;
    let g = this.children.get(key);
    const nm = load.measures.length;
    const store = load.store;
    if (g === undefined) {
      const keys = load.keysOf(parent);
      while (keys.length <= segDim) keys.push(null);
      keys[segDim] = segment;
      g = load.newGroup(keys, load.mask(parent) | (1 << segDim), this.src, line);
      store.setParent(g, parent);
      this.children.set(key, g);
      this.growArrays();
      this.growLack();
      for (let m = 0; m < nm; m++) if (m !== measure) this.setLack((g - this.start) * nm + m);
      store.setValue(g, measure, value);
      if (delta !== undefined) this.deltas.set(g * nm + measure, delta);
      if (estimated?.length) store.estimated.set(g, [...estimated]);
      return g;
    }
    if (estimated?.length) unite(store, g, estimated);
    const sum = store.value(g, measure)! + value;
    if (!Number.isSafeInteger(sum)) return -1 - measure;
    store.setValue(g, measure, sum);
    if (delta !== undefined) this.deltas.set(g * nm + measure, (this.deltas.get(g * nm + measure) ?? 0) + delta);
    return g;
  }

  private find(gh: number, keys: readonly (string | null)[], mask: number): number {
    const load = this.load;
    const slots = this.slots;
    const size = slots.length;
    // (From the slot before, stepping first: the step runs on every lookup, so V8 has seen it run when it
    // compiles this; a step first taken after that would throw the compiled code away.)
    for (let i = slotOf(gh, size) - 1; ; ) {
      i = i + 1 === size ? 0 : i + 1;
      const local = slots[i]! - 1;
      if (local < 0) return -1;
      const g = local + this.start;
      if (this.ghs[local] === gh && load.mask(g) === mask && this.sameKeys(g, keys)) return g;
    }
  }

  private sameKeys(g: number, b: readonly (string | null)[]): boolean {
    const cols = this.load.store.keys;
    // (add() made keepsArr for these keys.)
    const keeps = this.keepsOf(b.length);
    for (let d = 0; d < b.length; d++) {
      if (keeps[d] !== 1) continue;
      const x = d < cols.length ? cols[d]!.at(g) : null;
      if (x !== b[d]) return false;
    }
    return true;
  }

  private create(gh: number, keys: readonly (string | null)[], mask: number, line: number): number {
    const load = this.load;
    const projected = this.projected;
    projected.length = keys.length;
    for (let d = 0; d < keys.length; d++) projected[d] = load.keeps(d) ? keys[d]! : null;
    const g = load.newGroup(projected, mask, this.src, line);
    this.growArrays();
    this.ghs[g - this.start] = gh;
    // To the groups the load expects (once), else twice as many slots.
    if (++this.groupsInIndex > LOAD * this.slots.length) this.rehash(Math.max(2 * this.slots.length, Math.ceil((this.load.expectedGroups - this.start) / LOAD) + 1));
    const slots = this.slots;
    const size = slots.length;
    let i = slotOf(gh, size) - 1;
    do i = i + 1 === size ? 0 : i + 1;
    while (slots[i] !== 0);
    slots[i] = g - this.start + 1;
    this.growLack();
    return g;
  }

  private growArrays(): void {
    const n = this.load.count - this.start;
    if (n <= this.ghs.length) return;
    // To the groups the load expects (once), else twice as many.
    const size = Math.max(this.ghs.length * 2, this.load.expectedGroups - this.start);
    const ghs = new Int32Array(size);
    ghs.set(this.ghs);
    this.ghs = ghs;
    const counts = new Uint8Array(size);
    counts.set(this.counts);
    this.counts = counts;
    const next = new Int32Array(size);
    next.set(this.next);
    this.next = next;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    for (const local of this.slots) {
      if (local === 0) continue;
      let i = slotOf(this.ghs[local - 1]!, size);
      while (slots[i] !== 0) i = i + 1 === size ? 0 : i + 1;
      slots[i] = local;
    }
    this.slots = slots;
  }

  private growLack(): void {
    const need = (this.load.count - this.start) * this.load.measures.length;
    if (need <= 8 * this.lack.length) return;
    const next = new Uint8Array(Math.ceil(Math.max(need, 16 * this.lack.length, (this.load.expectedGroups - this.start) * this.load.measures.length) / 8));
    next.set(this.lack);
    this.lack = next;
  }

  private accumulate(g: number, values: Float64Array, have: Uint8Array, delta: Float64Array, line: number): number {
    const load = this.load;
    const store = load.store;
    const nm = load.measures.length;
    const base = (g - this.start) * nm;
    const counts = this.isCount ??= Uint8Array.from(load.measures, (x) => (x.kind === 'count' ? 1 : 0));
    for (let m = 0; m < nm; m++) {
      if (have[m] === 0) {
        // (A measure no row of the group gave, the common case of a column the file lacks: nothing to read.)
        if (!this.lackAt(base + m)) {
          this.setLack(base + m);
          if (store.value(g, m) !== null) this.markLacking(g, m, { src: this.src, line });
        }
        continue;
      }
      const before = store.value(g, m);
      if (before === null && this.lackAt(base + m)) this.markLacking(g, m, { src: this.src, line: store.lineAt(g) });
      const sum = (before ?? 0) + values[m]!;
      if (counts[m] === 1 && !Number.isSafeInteger(sum)) return -1 - m;
      store.setValue(g, m, sum);
      if (have[m] === 2) this.deltas.set(g * nm + m, (this.deltas.get(g * nm + m) ?? 0) + delta[m]!);
    }
    return g;
  }

  private lackAt(i: number): boolean {
    return (this.lack[i >>> 3]! & (1 << (i & 7))) !== 0;
  }

  private setLack(i: number): void {
    this.lack[i >>> 3]! |= 1 << (i & 7);
  }

  private markLacking(g: number, m: number, at: RowRef): void {
    const lacking = this.load.store.lacking;
    let list = lacking.get(g);
    if (!list) lacking.set(g, (list = new Array<RowRef | undefined>(this.load.measures.length)));
    list[m] ??= at;
  }

  /**
   * The file's locale is known: add the English readings where it is English. Returns the index of a
   * count measure whose sum would pass 2^53 − 1 (as `-1 - m`), else 0.
   */
  settle(locale: 'id' | 'en' | undefined): number {
    if (locale !== 'en') return 0;
    const load = this.load;
    const nm = load.measures.length;
    for (const [k, d] of this.deltas) {
      const g = Math.floor(k / nm);
      const m = k % nm;
      const sum = load.store.value(g, m)! + d;
      if (load.measures[m]!.kind === 'count' && !Number.isSafeInteger(sum)) return -1 - m;
      load.store.setValue(g, m, sum);
    }
    this.deltas.clear();
    return 0;
  }

  /** Does the load keep dimension d? */
  keeps(d: number): boolean {
    return this.load.keeps(d);
  }

  /** This file's groups (load indexes from `start`). */
  get end(): number {
    return this.load.count;
  }

  /** Input rows in group g (for the check of a total row). */
  rowsIn(g: number): number {
    this.live();
    const c = this.counts[g - this.start] ?? 0;
    return c === 255 ? (this.many.get(g - this.start) ?? 255) : c;
  }

  /** Did some row of group g lack measure m? */
  lacked(g: number, m: number): boolean {
    this.live();
    return this.lackAt((g - this.start) * this.load.measures.length + m);
  }

  /** Forget this file's groups (the fast path gave up on it; the general path reads it again). */
  discard(): void {
    this.load.truncate(this.start);
  }

  /**
   * The file is read and its totals checked: its table of groups (slots, hashes, row counts, lacking
   * bits: about 11 MiB for a million groups) is given back now (core/release.ts), not at the next full
   * collection, which a load of a million keys does not reach before the report is made. The file's
   * groups stay in the load's columns. Nothing may be asked of this file's fold after this.
   */
  release(): void {
    release([this.slots, this.ghs, this.counts, this.next, this.lack, this.seen]);
    this.released = true;
  }

  private released = false;

  private live(): void {
    if (this.released) throw new Error('FileFold: used after release()');
  }
}
