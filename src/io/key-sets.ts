// Compact records for the checks that look at every row of a load: two rows with the same keys (a
// regional file), a participant id twice in one month (an extract). No object and no string per row:
// - HashLog: a 53-bit digest of each row's keys, 8 bytes a row, appended as rows are read and sorted
//   when the load ends; digests seen twice are the suspects. Where the rows are is not kept: the loader
//   finds the suspects' rows by reading their files a second time (confirm.ts), compares their keys
//   exactly (so a collision, odds about n² / 2^54, costs a second read and never a wrong refusal) and
//   names both places.
// - PlacedSet: for the rows of standard input or a pipe, which cannot be read again, the digest with its
//   place (18 bytes a slot, at most 70 % full); there a matching digest stands for the row.
// (A Map of joined key strings, what this replaced, costs about 100 bytes a row.)

import { fmix } from './extract/tables.js';

/** Two independent 32-bit hashes of a string (UTF-16 code units), never both 0. */
export function hashString(s: string, out: Int32Array, at: number): void {
  let a = 0x811c9dc5 ^ s.length;
  let b = 0x2545f491;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  out[at] = fmix(a);
  out[at + 1] = fmix(b ^ Math.imul(s.length, 0x27d4eb2d));
}

// murmur3's finaliser (every input bit reaches every output bit) is the engine's own (extract/tables.ts).
export { fmix };

/** Slots of a cache of recent key texts (a power of two): see recentSlot. */
export const RECENT = 64;

/**
 * A text's slot among RECENT, from its length and a few of its characters (its ends and its middle: a
 * month 2024-06, a code 75.01, a name): cheap, and different for most of the few values a key column
 * cycles through. The last two characters weigh 1 and 10 and the middle one 12, so that the months of
 * five years in a row (YYYY-MM: the year's last digit in the middle) take 60 slots, none shared (the
 * weights 31, 3 and 5 before gave 2023-10 and 2024-02 one slot, and two more pairs of a two-year file:
 * a quarter of its rows looked their month up twice). For caches that hold what a text resolves to
 * (key-domains.ts) or that a key needs nothing more (typed-rows.ts): a slot found holding the text
 * answers without a Map lookup; a slot holding another text is simply overwritten.
 */
export function recentSlot(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  return (n * 7 + s.charCodeAt(n - 1) + s.charCodeAt(n >> 1) * 12 + (n > 1 ? s.charCodeAt(n - 2) * 10 : 0) + s.charCodeAt(0) * 5) & (RECENT - 1);
}

/** Mix one more (a, b) pair into a running pair of hashes. */
export function mix2(h: Int32Array, a: number, b: number): void {
  h[0] = fmix(Math.imul(h[0]! ^ a, 0x9e3779b1) + 0x7f4a7c15);
  h[1] = fmix(Math.imul(h[1]! ^ b, 0x85ebca77) + 0x165667b1);
}

/**
 * A set of 64-bit hashes, each with the place (source index, line, column) where it was first added:
 * four 32-bit words and a 16-bit source a slot (18 bytes), at most 70 % full. The slot comes from the hash by
 * multiplication (any table size, not only powers of two), so `reserve` can size the table to the rows
 * expected and it need not double at the end of a large file. `add` answers -1 for a new entry, else the
 * slot of the entry already there (read its place with `src` and `line`).
 */
export class PlacedSet {
  private t: Int32Array; // per slot: h1, h2, line, column (h1 = 0 and h2 = 0: empty)
  private s: Uint16Array;
  private n: number;
  count = 0;
  private limit: number;

  constructor(slots = 1 << 10) {
    this.n = Math.max(16, slots);
    this.t = new Int32Array(this.n * 4);
    this.s = new Uint16Array(this.n);
    this.limit = Math.floor(this.n * 0.7);
  }

  private home(h1: number, h2: number): number {
    return Math.floor(((fmix(h1 ^ Math.imul(h2, 0x9e3779b1)) >>> 0) * this.n) / 4294967296);
  }

  add(h1: number, h2: number, src: number, line: number, column = 0): number {
    if (h1 === 0 && h2 === 0) h1 = 1;
    if (src > 0xffff) throw new RangeError('at most 65,536 files in one load');
    const t = this.t;
    const n = this.n;
    let i = this.home(h1, h2);
    for (;;) {
      const a = t[4 * i]!;
      const b = t[4 * i + 1]!;
      if (a === 0 && b === 0) break;
      if (a === h1 && b === h2) return i;
      if (++i === n) i = 0;
    }
    t[4 * i] = h1;
    t[4 * i + 1] = h2;
    t[4 * i + 2] = line > 0x7fffffff ? 0x7fffffff : line;
    t[4 * i + 3] = column;
    this.s[i] = src;
    if (++this.count > this.limit) this.grow(Math.ceil(this.count * 1.5));
    return -1;
  }

  /** The slot of the entry, or -1. */
  find(h1: number, h2: number): number {
    if (h1 === 0 && h2 === 0) h1 = 1;
    const t = this.t;
    const n = this.n;
    let i = this.home(h1, h2);
    for (;;) {
      const a = t[4 * i]!;
      const b = t[4 * i + 1]!;
      if (a === 0 && b === 0) return -1;
      if (a === h1 && b === h2) return i;
      if (++i === n) i = 0;
    }
  }

  src(slot: number): number {
    return this.s[slot]!;
  }

  line(slot: number): number {
    return this.t[4 * slot + 2]!;
  }

  column(slot: number): number {
    return this.t[4 * slot + 3]!;
  }

  /** Room for `n` entries in all, made once (growing a large table costs a copy while both exist). */
  reserve(entries: number): void {
    if (entries > this.limit) this.grow(entries);
  }

  /** Every entry: its two hashes, source, line and column. */
  *entries(): Generator<[number, number, number, number, number]> {
    for (let i = 0; i < this.n; i++) {
      const a = this.t[4 * i]!;
      const b = this.t[4 * i + 1]!;
      if (a !== 0 || b !== 0) yield [a, b, this.s[i]!, this.t[4 * i + 2]!, this.t[4 * i + 3]!];
    }
  }

  /** Bytes held. */
  get bytes(): number {
    return this.t.byteLength + this.s.byteLength;
  }

  private grow(entries: number): void {
    const oldT = this.t;
    const oldS = this.s;
    const oldN = this.n;
    this.n = Math.ceil(entries / 0.7) + 1;
    this.t = new Int32Array(this.n * 4);
    this.s = new Uint16Array(this.n);
    this.limit = Math.floor(this.n * 0.7);
    // Four words a slot (two hashes, line, column), as everywhere else in this class.
    for (let j = 0; j < oldN; j++) {
      const a = oldT[4 * j]!;
      const b = oldT[4 * j + 1]!;
      if (a === 0 && b === 0) continue;
      let i = this.home(a, b);
      while (this.t[4 * i] !== 0 || this.t[4 * i + 1] !== 0) if (++i === this.n) i = 0;
      this.t[4 * i] = a;
      this.t[4 * i + 1] = b;
      this.t[4 * i + 2] = oldT[4 * j + 2]!;
      this.t[4 * i + 3] = oldT[4 * j + 3]!;
      this.s[i] = oldS[j]!;
    }
  }
}

/** Two 32-bit hashes as one 53-bit digest (a double holds it exactly). */
export function digest53(h1: number, h2: number): number {
  return (h1 >>> 0) * 2097152 + ((h2 >>> 11) & 0x1fffff);
}

const CHUNK = 8192;
const BUCKETS = 256;

/**
 * Digests appended in chunks (no copy as it grows), in 256 buckets by their top bits: 8 bytes a row. The
 * repeated ones are found bucket by bucket when the log is finished, with no more than one bucket's
 * table in memory at a time.
 */
export class HashLog {
  private readonly chunks: Float64Array[][] = Array.from({ length: BUCKETS }, () => []);
  private readonly fill = new Int32Array(BUCKETS);
  private sorted: Float64Array[] | undefined;
  count = 0;

  /** Add the digest of two 32-bit hashes (digest53), computed here: no number is boxed on the way. */
  addHashes(h1: number, h2: number): void {
    this.add((h1 >>> 0) * 2097152 + ((h2 >>> 11) & 0x1fffff));
  }

  add(d: number): void {
    if (this.sorted) throw new Error('HashLog: add after has');
    const b = Math.floor(d / 35184372088832); // 2^45: the top 8 of 53 bits
    const list = this.chunks[b]!;
    let n = this.fill[b]!;
    if (n === 0 || n === CHUNK) {
      list.push(new Float64Array(CHUNK));
      n = 0;
    }
    list[list.length - 1]![n] = d;
    this.fill[b] = n + 1;
    this.count++;
  }

  /**
   * The digests seen more than once: each bucket (about a 256th of the log) is put into a small hash
   * table of its own, which stays in the processor's cache (sorting the buckets took three times as long).
   */
  repeated(): Set<number> {
    const out = new Set<number>();
    // One table for every bucket, cleared between them (a table per bucket would leave 256 of them for
    // the garbage collector at once: 16 MB for a million rows).
    let table = new Float64Array(16);
    for (let b = 0; b < BUCKETS; b++) {
      const list = this.chunks[b]!;
      const n = list.length === 0 ? 0 : (list.length - 1) * CHUNK + this.fill[b]!;
      if (n < 2) continue;
      let size = 16;
      while (size < n * 2) size <<= 1;
      const mask = size - 1;
      if (table.length < size) table = new Float64Array(size);
      else table.fill(0, 0, size);
      let zeros = 0;
      list.forEach((c, ci) => {
        const m = ci === list.length - 1 ? this.fill[b]! : CHUNK;
        for (let j = 0; j < m; j++) {
          const d = c[j]!;
          if (d === 0) {
            if (++zeros === 2) out.add(0);
            continue;
          }
          let i = (d % 4294967296) & mask;
          for (;;) {
            const x = table[i]!;
            if (x === 0) {
              table[i] = d;
              break;
            }
            if (x === d) {
              out.add(d);
              break;
            }
            i = (i + 1) & mask;
          }
        }
      });
    }
    return out;
  }

  private sortBuckets(): Float64Array[] {
    const sorted: Float64Array[] = [];
    for (let b = 0; b < BUCKETS; b++) {
      const list = this.chunks[b]!;
      const n = list.length === 0 ? 0 : (list.length - 1) * CHUNK + this.fill[b]!;
      const all = new Float64Array(n);
      list.forEach((c, i) => all.set(i === list.length - 1 ? c.subarray(0, this.fill[b]) : c, i * CHUNK));
      list.length = 0;
      sorted.push(all.sort());
    }
    return sorted;
  }

  /** Is the digest in the log? (The first call sorts the log: no digest can be added after it.) */
  has(d: number): boolean {
    this.sorted ??= this.sortBuckets();
    const all = this.sorted[Math.floor(d / 35184372088832)];
    if (!all) return false;
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (all[mid]! < d) lo = mid + 1;
      else hi = mid;
    }
    return lo < all.length && all[lo] === d;
  }
}
