// Open-addressing tables on typed arrays for the extract engine: nothing per row is an object, and only
// the distinct values, the groups and the participant ids take memory.

import { parsePeriod, writtenMonth } from '../../core/calendar.js';

/** FNV-1a over bytes, finished with a murmur3 mix so that the low bits (the slot) depend on every byte. */
export function hashBytes(src: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ src[i]!, 0x01000193);
  return fmix(h);
}

export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * The distinct texts of one field (a province column holds a few dozen): text bytes → a small id. The
 * bytes are kept (unquoted and unescaped) and compared on every hash hit, so two texts never share an
 * id; the string of a text is made once, when the scan ends.
 */
export class ValueTable {
  slots: Int32Array; // id + 1; 0 = empty
  mask: number;
  count = 0;
  hashes = new Int32Array(16);
  starts = new Int32Array(16);
  lengths = new Int32Array(16);
  arena = new Uint8Array(1024);
  arenaUsed = 0;

  constructor() {
    this.slots = new Int32Array(64);
    this.mask = 63;
  }

  /**
   * Recently seen texts by a cheap fingerprint (length and four sampled bytes), so that most rows
   * compare their bytes with one candidate instead of hashing every byte. A miss (another text with the
   * same fingerprint, or a new text) goes to the full table: many texts sharing fingerprints only cost
   * that, never a wrong id.
   */
  private readonly recent = new Int32Array(4096).fill(-1);

  /** The id of the text `src[start, end)`, added when new. */
  find(src: Uint8Array, start: number, end: number): number {
    const len = end - start;
    let slot = 0;
    if (len > 0) {
      const x = src[start]! | (src[end - 1]! << 8) | (src[end - 1 - (len >> 2)]! << 16) | (src[start + (len >> 1)]! << 24);
      slot = Math.imul(x ^ Math.imul(len, 0x27d4eb2d), 0x9e3779b1) >>> 20;
    }
    const candidate = this.recent[slot]!;
    if (candidate >= 0 && this.equals(candidate, src, start, end)) return candidate;
    return (this.recent[slot] = this.lookup(src, start, end));
  }

  /** The id of the text `src[start, end)`, added when new (hashing every byte). */
  lookup(src: Uint8Array, start: number, end: number): number {
    const len = end - start;
    const h = hashBytes(src, start, end);
    const { slots, mask, hashes, starts, lengths, arena } = this;
    let i = h & mask;
    for (;;) {
      const id = slots[i]! - 1;
      if (id < 0) break;
      if (hashes[id] === h && lengths[id] === len) {
        const a = starts[id]!;
        let k = 0;
        while (k < len && arena[a + k] === src[start + k]) k++;
        if (k === len) return id;
      }
      i = (i + 1) & mask;
    }
    return this.add(src, start, len, h, i);
  }

  /** Do the bytes of `id` equal `src[start, end)`? */
  equals(id: number, src: Uint8Array, start: number, end: number): boolean {
    const len = end - start;
    if (this.lengths[id] !== len) return false;
    const arena = this.arena;
    const a = this.starts[id]!;
    for (let k = 0; k < len; k++) if (arena[a + k] !== src[start + k]) return false;
    return true;
  }

  private add(src: Uint8Array, start: number, len: number, h: number, slot: number): number {
    const id = this.count++;
    if (id === this.hashes.length) {
      this.hashes = grow(this.hashes, id * 2);
      this.starts = grow(this.starts, id * 2);
      this.lengths = grow(this.lengths, id * 2);
    }
    if (this.arenaUsed + len > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      next.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = next;
    }
    this.arena.set(src.subarray(start, start + len), this.arenaUsed);
    this.hashes[id] = h;
    this.starts[id] = this.arenaUsed;
    this.lengths[id] = len;
    this.arenaUsed += len;
    this.slots[slot] = id + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.count; id++) {
      let i = this.hashes[id]! & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** The texts, by id (UTF-8; the engine refuses the file elsewhere when its bytes are not UTF-8). */
  texts(): string[] {
    const out: string[] = [];
    const buf = Buffer.from(this.arena.buffer, this.arena.byteOffset, this.arenaUsed);
    for (let id = 0; id < this.count; id++) out.push(buf.toString('utf8', this.starts[id]!, this.starts[id]! + this.lengths[id]!));
    return out;
  }

  /** Each text's hash, by id (the same bytes hash the same in every worker). */
  hashOf(id: number): number {
    return this.hashes[id]!;
  }

  /** The text of one id (UTF-8). */
  textOf(id: number): string {
    return Buffer.from(this.arena.buffer, this.arena.byteOffset + this.starts[id]!, this.lengths[id]!).toString('utf8');
  }
}

/**
 * The hash of a period as the duplicate-id check mixes it in: of the month it names (`2024-6`, ` 2024-06`
 * and `2024-06-30` hash alike), so that files, ranges and both engines compare participants by month.
 * A text that is no month hashes as itself (the caller refuses such a file anyway); no period is 0.
 */
/** The month a period text names, as the key resolver reads it (written forms after the ISO ones fail: rv31 V8). */
function monthOfText(text: string): string | undefined {
  const p = parsePeriod(text);
  if (p !== undefined) return p;
  const w = writtenMonth(text);
  return w && 'period' in w ? w.period : undefined;
}

export function periodHash(text: string | undefined): number {
  if (text === undefined) return 0;
  const canonical = Buffer.from(monthOfText(text) ?? text, 'utf8');
  return hashBytes(canonical, 0, canonical.length);
}

/**
 * The forms a participant id is written in, as bits (a file's ids may have several). Ids are compared as
 * text, so the same person written as a number in one file (an Excel number cell, a JSON number, a
 * Parquet integer: `1003`) and with leading zeros in another (`00000001003`), or as a decimal number
 * saved as text (`1003.0`, a float column's CSV) beside whole ones, is two ids: the load warns of such a
 * mix (id-ledger.ts `formsNote`).
 */
export const ID_NUMBER = 1;
/** Text of digits with a leading zero (`00000001003`). */
export const ID_PADDED = 2;
/** Text that ends in `.0` after a digit 1–9 first (`1003.0`). */
export const ID_DECIMAL = 4;
/** Other text that starts with a digit 1–9 (`1003`). */
export const ID_PLAIN = 8;

/**
 * The form of an id's text (trimmed, not empty) from its first two and last two character codes and its
 * length: the engine (bytes) and the general path (a string) both call it, so the two agree by construction.
 */
export function idTextForm(first: number, second: number, penult: number, last: number, length: number): number {
  if (first === 0x30) return length > 1 && second >= 0x30 && second <= 0x39 ? ID_PADDED : 0;
  if (first < 0x31 || first > 0x39) return 0;
  return length >= 3 && penult === 0x2e && last === 0x30 ? ID_DECIMAL : ID_PLAIN;
}

/**
 * A participant id's two words in an IdSet. First `idHashes` of its bytes (white space already trimmed):
 * a hash of the bytes and a locality key (for an id of digits the low 32 bits of its value, else a second
 * hash); then `idWords` mixes in the period's hash: `h1` (never 0) and `key` shifted by the period. The
 * engine and the general path both call these, so their sets can be compared across the files of a load.
 */
export function idHashes(src: Uint8Array, start: number, end: number, out: Int32Array): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x2545f491 ^ (end - start);
  let value = 0;
  let digits = true;
  for (let i = start; i < end; i++) {
    const b = src[i]!;
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    if (b >= 48 && b <= 57) value = (Math.imul(value, 10) + (b - 48)) | 0;
    else digits = false;
  }
  out[0] = fmix(h1 ^ Math.imul(end - start, 0x27d4eb2d));
  out[1] = digits ? value : fmix(h2);
}

export function idWords(idH1: number, idKey: number, period: number, out: Int32Array): void {
  let w1 = fmix(idH1 ^ period) | 0;
  if (w1 === 0) w1 = 1;
  out[0] = w1;
  out[1] = (idKey + Math.imul(period, 0x9e3779b1)) | 0;
}

function grow<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

/**
 * Groups: a tuple of value ids (one per key field) → a group index, with the group's rows, first line
 * and sums. Sums have two lanes while the number locale is undecided: lane 0 reads the counts as
 * Indonesian, lane 1 as English (they differ only for cells such as `1.000`).
 */
export class GroupTable {
  slots: Int32Array; // group + 1
  mask: number;
  count = 0;
  keys: Int32Array; // width per group
  rows: Float64Array;
  firstLine: Float64Array;
  sums0: Float64Array;
  sums1: Float64Array;

  constructor(
    readonly width: number,
    readonly sumWidth: number,
  ) {
    this.slots = new Int32Array(256);
    this.mask = 255;
    this.keys = new Int32Array(64 * Math.max(width, 1));
    this.rows = new Float64Array(64);
    this.firstLine = new Float64Array(64);
    this.sums0 = new Float64Array(64 * Math.max(sumWidth, 1));
    this.sums1 = new Float64Array(64 * Math.max(sumWidth, 1));
  }

  // Recent groups by their tuple packed in one number (up to 3 key fields with ids below 1024: the
  // usual province × segment × period), checked on a hit; anything else takes the full table.
  private readonly recentKey = new Int32Array(4096).fill(-1);
  private readonly recentGroup = new Int32Array(4096);

  /** The group of the key tuple `ids[0, width)`, added (with its first line) when new. */
  find(ids: Int32Array, line: number): number {
    const w = this.width;
    if (w > 3) return this.lookup(ids, line);
    let packed = 0;
    for (let k = 0; k < w; k++) {
      const id = ids[k]!;
      if (id >= 1024) return this.lookup(ids, line);
      packed = (packed << 10) | id;
    }
    const slot = Math.imul(packed, 0x9e3779b1) >>> 20;
    if (this.recentKey[slot] === packed) return this.recentGroup[slot]!;
    const g = this.lookup(ids, line);
    this.recentKey[slot] = packed;
    this.recentGroup[slot] = g;
    return g;
  }

  /** The group of the key tuple `ids[0, width)`, added (with its first line) when new. */
  lookup(ids: Int32Array, line: number): number {
    const w = this.width;
    let h = 0x9747b28c;
    for (let k = 0; k < w; k++) h = Math.imul(h ^ ids[k]!, 0x01000193);
    h = fmix(h);
    const { slots, mask, keys } = this;
    let i = h & mask;
    for (;;) {
      const g = slots[i]! - 1;
      if (g < 0) break;
      let k = 0;
      const at = g * w;
      while (k < w && keys[at + k] === ids[k]) k++;
      if (k === w) return g;
      i = (i + 1) & mask;
    }
    const g = this.count++;
    if (g === this.rows.length) {
      const n = g * 2;
      this.keys = grow(this.keys, n * Math.max(w, 1));
      this.rows = grow(this.rows, n);
      this.firstLine = grow(this.firstLine, n);
      this.sums0 = grow(this.sums0, n * Math.max(this.sumWidth, 1));
      this.sums1 = grow(this.sums1, n * Math.max(this.sumWidth, 1));
    }
    for (let k = 0; k < w; k++) this.keys[g * w + k] = ids[k]!;
    this.firstLine[g] = line;
    slots[i] = g + 1;
    if (this.count * 2 > slots.length) this.rehash();
    return g;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    const w = this.width;
    for (let g = 0; g < this.count; g++) {
      let h = 0x9747b28c;
      for (let k = 0; k < w; k++) h = Math.imul(h ^ this.keys[g * w + k]!, 0x01000193);
      let i = fmix(h) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = g + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/**
 * A set of (period, participant id) pairs, each kept as two 32-bit words: a hash of the id's bytes mixed
 * with the period (`h1`, never 0), and a locality key (`key`: for an id made of digits, the low 32 bits
 * of its value, shifted by the period; else a second hash). 8 bytes a slot, at most 70 % full.
 *
 * Memory: the scan reserves room for the ids it expects (its range's bytes ÷ the bytes per row of its
 * first read, + 10 %) once, early, so a file costs about 8 ÷ 0.7 × 1.1 ≈ 12.5 bytes per participant
 * id and the table does not double at the end of a national extract (when the guess was low, it grows
 * by half: up to 20 bytes per id while it does).
 *
 * The slot comes from the locality key, by blocks of 8: ids close in value (extracts are often sorted
 * by id, or by employer with ids handed out in runs) land in the same cache line, so a sorted file costs
 * about one cache miss per 8 ids instead of one per id (measured: 240 instead of 430 ns a row on a
 * sorted 5-million-row file; random ids cost the same as before). Blocks are scattered by a hash, so
 * strided ids do not pile up; blocks of 64 were slower (runs of 64 make long linear-probing chains).
 *
 * Two different ids can share both words (odds about n² / 2^65: 1 in 7,000 for 70 million ids); that
 * only sends the file to the general path, which compares the ids themselves — never a wrong answer.
 */
export class IdSet {
  table: Int32Array; // pairs (h1, key); h1 = 0 means empty
  blocks: number; // slots ÷ 8
  count = 0;
  limit: number;

  constructor(slots = 1 << 13) {
    this.blocks = Math.max(1, Math.ceil(slots / 8));
    this.table = new Int32Array(this.blocks * 16);
    this.limit = Math.floor(this.blocks * 8 * 0.7);
  }

  static from(table: Int32Array, count: number): IdSet {
    const set = new IdSet(8);
    set.table = table;
    set.blocks = table.length / 16;
    set.count = count;
    set.limit = Math.floor(set.blocks * 8 * 0.7);
    return set;
  }

  /** Adds the id; false when it was already there. `h1` must not be 0. */
  add(h1: number, key: number): boolean {
    const t = this.table;
    const slots = this.blocks * 8;
    let i = home(key, this.blocks);
    for (;;) {
      const a = t[2 * i]!;
      if (a === 0) break;
      if (a === h1 && t[2 * i + 1] === key) return false;
      if (++i === slots) i = 0;
    }
    t[2 * i] = h1;
    t[2 * i + 1] = key;
    if (++this.count > this.limit) this.rebuild(Math.ceil(this.count * 1.5));
    return true;
  }

  has(h1: number, key: number): boolean {
    const t = this.table;
    const slots = this.blocks * 8;
    let i = home(key, this.blocks);
    for (;;) {
      const a = t[2 * i]!;
      if (a === 0) return false;
      if (a === h1 && t[2 * i + 1] === key) return true;
      if (++i === slots) i = 0;
    }
  }

  /** Make room for `ids` in all (once, early: rebuilding a large table is slow and doubles memory). */
  reserve(ids: number): void {
    if (ids > this.limit) this.rebuild(ids);
  }

  private rebuild(ids: number): void {
    const old = this.table;
    const blocks = Math.ceil(ids / 0.7 / 8);
    const t = new Int32Array(blocks * 16);
    const slots = blocks * 8;
    for (let j = 0; j < old.length; j += 2) {
      const a = old[j]!;
      if (a === 0) continue;
      const key = old[j + 1]!;
      let i = home(key, blocks);
      while (t[2 * i] !== 0) if (++i === slots) i = 0;
      t[2 * i] = a;
      t[2 * i + 1] = key;
    }
    this.table = t;
    this.blocks = blocks;
    this.limit = Math.floor(slots * 0.7);
  }
}

/**
 * The duplicate-row check of a regional file (`uniqueRows`) month by month. A record's texts other than
 * its period are hashed to two words, with the period's span of 32 months mixed in; the entry keeps a
 * mask of the months of that span in which the tuple was seen. The months of one regency and sector
 * share an entry (12 bytes) per span, instead of a row each at random places of an IdSet: 24 months of
 * 514 regencies × 21 sectors (two spans) keep 21,588 entries in 384 KiB rather than 259,056 in 3 MiB,
 * and on 1,000,000 such rows the check went from about 200 to about 50 ms of the engine's time.
 *
 * As in IdSet, two tuples sharing both words (odds about n² / 2^65) only send the file to the general
 * path, which compares the texts themselves.
 */
export class MonthMasks {
  table: Int32Array; // triples (h1, h2, mask); h1 = 0 means empty
  size: number; // slots, a power of two
  count = 0;
  limit: number;

  constructor(slots = 1 << 10) {
    this.size = slotsFor(slots);
    this.table = new Int32Array(this.size * 3);
    this.limit = Math.floor(this.size * 0.7);
  }

  static from(table: Int32Array, count: number): MonthMasks {
    const set = new MonthMasks(1);
    set.table = table;
    set.size = table.length / 3;
    set.count = count;
    set.limit = Math.floor(set.size * 0.7);
    return set;
  }

  /** Adds month `bit` (0–31) to the tuple (h1, h2); false when the tuple had it already. `h1` ≠ 0. */
  add(h1: number, h2: number, bit: number): boolean {
    const t = this.table;
    const m = this.size - 1;
    const b = 1 << bit;
    for (let i = h2 & m; ; i = (i + 1) & m) {
      const at = 3 * i;
      const a = t[at]!;
      if (a === 0) {
        t[at] = h1;
        t[at + 1] = h2;
        t[at + 2] = b;
        if (++this.count > this.limit) this.rebuild(this.size * 2);
        return true;
      }
      if (a === h1 && t[at + 1] === h2) {
        const mask = t[at + 2]!;
        if ((mask & b) !== 0) return false;
        t[at + 2] = mask | b;
        return true;
      }
    }
  }

  /** The months of the tuple (h1, h2): 0 when it is not there. */
  maskOf(h1: number, h2: number): number {
    const t = this.table;
    const m = this.size - 1;
    for (let i = h2 & m; ; i = (i + 1) & m) {
      const a = t[3 * i]!;
      if (a === 0) return 0;
      if (a === h1 && t[3 * i + 1] === h2) return t[3 * i + 2]!;
    }
  }

  /** Make room for `tuples` in all (once, early). */
  reserve(tuples: number): void {
    if (tuples > this.limit) this.rebuild(slotsFor(Math.ceil(tuples / 0.7)));
  }

  private rebuild(size: number): void {
    const old = this.table;
    const t = new Int32Array(size * 3);
    const m = size - 1;
    for (let j = 0; j < old.length; j += 3) {
      const a = old[j]!;
      if (a === 0) continue;
      let i = old[j + 1]! & m;
      while (t[3 * i] !== 0) i = (i + 1) & m;
      t[3 * i] = a;
      t[3 * i + 1] = old[j + 1]!;
      t[3 * i + 2] = old[j + 2]!;
    }
    this.table = t;
    this.size = size;
    this.limit = Math.floor(size * 0.7);
  }
}

/** The smallest power of two at least `n` (and at least 8). */
function slotsFor(n: number): number {
  let size = 8;
  while (size < n) size *= 2;
  return size;
}

/**
 * The month a period text names, as a number of months since year 0 (`2024-06` → 24,293), or −1 when it
 * names none. Texts of one month (`2024-6`, ` 2024-06`) give one number, as in periodHash.
 */
export function monthNumber(text: string): number {
  const p = monthOfText(text);
  return p === undefined ? -1 : Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
}

/**
 * The home slot of a locality key: its block of 8 scattered by a hash, the position in it kept. The
 * block is hash × blocks ÷ 2^32 rather than hash mod blocks: slots then follow hash order in a table of
 * any size, so walking one table in slot order probes another in ascending order (the merge of two
 * ranges' sets streams through memory instead of jumping: about 100 instead of 500 ms for 3 million
 * ids).
 */
function home(key: number, blocks: number): number {
  const block = Math.floor(((fmix(key >>> 3) >>> 0) * blocks) / 4294967296);
  return (block < blocks ? block : blocks - 1) * 8 + (key & 7);
}
