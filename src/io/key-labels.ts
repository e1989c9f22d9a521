// A dimension's labels as a load keeps them (Dimension.labels: each key → the text the file first wrote
// for it). A text key is the text case-folded (key-domains.ts: `K0012345` → `k0012345`), so most labels
// are their key with some letters upper-cased: such a label is kept as a number, a bit a character
// (bit i: character i is the key's, upper-cased), and made again when asked for, instead of as a string
// of its own (a million branch names: 24 bytes a name). A label that is its key keeps 0; any other label
// (longer than 30 characters, letters beyond ASCII, spaces written twice) is kept as it is.

import type { KeyDictionary } from '../core/row-columns.js';

/** The case bits of `label` against `key`, or undefined when the label is not the key with some ASCII letters upper-cased. */
function caseBits(key: string, label: string): number | undefined {
  const n = key.length;
  if (label.length !== n || n > 30) return undefined;
  let bits = 0;
  for (let i = 0; i < n; i++) {
    const k = key.charCodeAt(i);
    const c = label.charCodeAt(i);
    if (c === k) continue;
    if (c >= 65 && c <= 90 && k === c + 32) bits |= 1 << i;
    else return undefined;
  }
  return bits;
}

/** The key with the characters of `bits` upper-cased (ASCII letters: caseBits made the bits). */
function withCase(key: string, bits: number): string {
  if (bits === 0) return key;
  let out = '';
  let from = 0;
  for (let i = 0; i < key.length; i++) {
    if ((bits & (1 << i)) === 0) continue;
    out += key.slice(from, i) + String.fromCharCode(key.charCodeAt(i) - 32);
    from = i + 1;
  }
  return out + key.slice(from);
}

/** Case bits of a key whose label is kept as a string (`other`), while the bits are a byte a key, and after. */
const OTHER8 = 255;
const OTHER = -1;
/** The most keys a table of slots holds, as a share of its slots (open addressing, linear probing). */
const LOAD = 0.7;

/** FNV-1a over a string's UTF-16 units, mixed so that the high bits (the slot) depend on all of them. */
function hashOf(key: string): number {
  let h = 0x811c9dc5 ^ key.length;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return mixed(h);
}

/** hashOf over Latin-1 characters kept as bytes (the same number as hashOf of their string). */
function hashOfBytes(b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5 ^ (e - s);
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return mixed(h);
}

function mixed(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h ^ (h >>> 16);
}

/** The first slot of hash h in a table of `size` slots (any size: the hash's top 21 bits, scaled). */
function slotOf(h: number, size: number): number {
  return Math.floor(((h >>> 11) * size) / 2097152);
}

const char = String.fromCharCode;

/**
 * The string of Latin-1 bytes b[s..e). A short key (a branch code) is made four characters at a time: a
 * string of up to 12 characters so made is flat, and this costs about half of Buffer's decoding.
 */
function latin1(b: Buffer, s: number, e: number): string {
  if (e - s > 12) return b.toString('latin1', s, e);
  let out = '';
  let j = s;
  for (; j + 4 <= e; j += 4) out += char(b[j]!, b[j + 1]!, b[j + 2]!, b[j + 3]!);
  for (; j < e; j++) out += char(b[j]!);
  return out;
}

/**
 * A Map of key → label with the keys and labels kept small (see above); it answers as the Map would, in
 * the order the keys were set.
 *
 * A Map entry costs about 28 bytes, its key string 24 more for a branch code (`k0012345`), and the
 * Map's table is one array, copied whole each time it doubles (a million branches: a 28 MiB table and
 * 21 MiB of copies, both in V8's large-object space, issue 20). Here a key's characters are bytes in one
 * buffer (a key with a character past U+00FF is kept as a string), found by where each key ends (while
 * every key has as many characters as the first, as branch codes do, by its number alone); each
 * key's case bits are a byte (or a 32-bit number once a label needs it); and the keys are found by open
 * addressing on a typed array (key number + 1 by slot): about 8 bytes a key beside its characters,
 * nothing in V8's heap. The strings are made when asked for (keyAt, get, the iterators). A load that
 * expects many keys reserves room for them (`reserve`): the arrays are then made once, not doubled.
 *
 *   const l = new KeyLabels();
 *   l.set('k0012345', 'K0012345'); // kept as the bytes of k0012345 and the case bits 1
 *   l.get('k0012345');             // 'K0012345'
 */
export class KeyLabels implements ReadonlyMap<string, string>, KeyDictionary {
  /** The keys' characters, Latin-1, one key after another. */
  private bytes = Buffer.alloc(256);
  private used = 0;
  /**
   * Per key (by number), where its characters end in `bytes`; ~end for a key kept in `wide`. Undefined
   * while every key has `width` characters, none in `wide` (key i's are at i × width).
   */
  private ends: Int32Array | undefined;
  private width = 0;
  /** Keys with a character past U+00FF, by key number. */
  private readonly wide = new Map<number, string>();
  private count = 0;
  /** Per key (by number), its case bits, or OTHER8 / OTHER (a byte a key until a label needs more). */
  private bits: Uint8Array | Int32Array = new Uint8Array(16);
  /** The labels that are not their key's case bits, by key number. */
  private readonly other = new Map<number, string>();
  /** Key number + 1 by slot; 0: empty. At most LOAD full. */
  private slots = new Int32Array(32);

  constructor() {
    // The arrays that grow with the keys stored a second time: V8 takes a field stored once as constant,
    // and throws away the code it compiled on that (has, set, indexOf) when the field is first grown.
    this.bytes = Buffer.alloc(256);
    this.bits = new Uint8Array(16);
    this.slots = new Int32Array(32);
  }

  get size(): number {
    return this.count;
  }

  private startOf(i: number): number {
    if (!this.ends) return i * this.width;
    if (i === 0) return 0;
    const e = this.ends[i - 1]!;
    return e < 0 ? ~e : e;
  }

  /** Where key i's characters end (~end: a key in `wide`). */
  private endOf(i: number): number {
    return this.ends ? this.ends[i]! : (i + 1) * this.width;
  }

  /** Key number i, in the order the keys were set (core/row-columns.ts KeyDictionary). */
  keyAt(i: number): string {
    const e = this.endOf(i);
    return e < 0 ? this.wide.get(i)! : latin1(this.bytes, this.startOf(i), e);
  }

  /** Is key number i `key`? */
  private isKey(i: number, key: string): boolean {
    const e = this.endOf(i);
    if (e < 0) return this.wide.get(i) === key;
    const s = this.startOf(i);
    const n = key.length;
    if (e - s !== n) return false;
    const b = this.bytes;
    // The last character first: keys of one length (branch codes) mostly differ at their end.
    if (n > 0 && b[e - 1] !== key.charCodeAt(n - 1)) return false;
    for (let j = 0; j < n - 1; j++) if (b[s + j] !== key.charCodeAt(j)) return false;
    return true;
  }

  private hashAt(i: number): number {
    const e = this.endOf(i);
    return e < 0 ? hashOf(this.wide.get(i)!) : hashOfBytes(this.bytes, this.startOf(i), e);
  }

  /** The number of `key` (the keys are numbered 0, 1, 2… in the order they were set), or -1. */
  indexOf(key: string): number {
    const slots = this.slots;
    const size = slots.length;
    const h = hashOf(key);
    for (let s = slotOf(h, size); ; s = s + 1 === size ? 0 : s + 1) {
      const v = slots[s]!;
      if (v === 0) {
        // A key looked for and not found is most often set next (has, then set): where it goes is kept.
        this.missed = key;
        this.missedSlot = s;
        return -1;
      }
      if (this.isKey(v - 1, key)) return v - 1;
    }
  }

  /** The key of the last indexOf that found nothing, and the empty slot it ended at (-1: none). */
  private missed: string | undefined;
  private missedSlot = -1;

  private labelAt(i: number, key: string): string {
    const b = this.bits[i]!;
    return b === this.otherBits() ? this.other.get(i)! : withCase(key, b);
  }

  private otherBits(): number {
    return this.bits instanceof Uint8Array ? OTHER8 : OTHER;
  }

  get(key: string): string | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.labelAt(i, key);
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  /**
   * Room for n keys in all (a load that expects a key per row, from its file's size): the arrays are made
   * at that size now instead of doubled on the way (each doubling leaves the old one to the collector).
   */
  reserve(n: number): void {
    if (n <= this.bits.length) return;
    if (this.ends) this.ends = grown(this.ends, n);
    this.bits = grown(this.bits, n);
    const perKey = this.count ? this.used / this.count : 8;
    const bytes = Math.ceil(perKey * n * 1.05);
    if (bytes > this.bytes.length && bytes < 0x7fffffff) this.growBytes(bytes);
    if (n > LOAD * this.slots.length) this.rehash(Math.ceil(n / LOAD) + 1);
  }

  set(key: string, label: string): this {
    const known = this.missedSlot >= 0 && this.missed === key ? -1 : this.indexOf(key);
    const slot = this.missedSlot;
    this.missed = undefined;
    this.missedSlot = -1;
    let i = known;
    if (i < 0) {
      i = this.count++;
      if (i === this.bits.length) {
        if (this.ends) this.ends = grown(this.ends, 2 * i);
        this.bits = grown(this.bits, 2 * i);
      }
      this.append(i, key);
      if (this.count > LOAD * this.slots.length) this.rehash(2 * this.slots.length);
      else this.slots[slot] = i + 1;
    }
    let bits = caseBits(key, label);
    if (bits !== undefined && bits >= OTHER8 && this.bits instanceof Uint8Array) {
      const wider = Int32Array.from(this.bits, (b) => (b === OTHER8 ? OTHER : b));
      this.bits = wider;
    }
    if (bits === undefined) bits = this.otherBits();
    this.bits[i] = bits;
    if (bits === this.otherBits()) this.other.set(i, label);
    else this.other.delete(i);
    return this;
  }

  /** Key number i's characters, after the others' (a key with a character past U+00FF: in `wide`). */
  private append(i: number, key: string): void {
    const s = this.used;
    const n = key.length;
    if (s + n >= this.bytes.length && s + n < 0x7fffffff) this.growBytes(Math.min(0x7ffffffe, Math.max(2 * this.bytes.length, s + n)));
    const b = this.bytes;
    let j = 0;
    if (s + n <= b.length) for (; j < n; j++) {
      const c = key.charCodeAt(j);
      if (c > 255) break;
      b[s + j] = c;
    }
    if (i === 0) this.width = n;
    if (j < n || n !== this.width) this.keepEnds(i);
    if (j < n) {
      this.wide.set(i, key);
      this.ends![i] = ~s;
      return;
    }
    this.used = s + n;
    if (this.ends) this.ends[i] = this.used;
  }

  /** From key i on, keys are not all `width` characters: where each before it ends, kept. */
  private keepEnds(i: number): void {
    if (this.ends) return;
    const ends = new Int32Array(this.bits.length);
    for (let j = 0; j < i; j++) ends[j] = (j + 1) * this.width;
    this.ends = ends;
  }

  private growBytes(size: number): void {
    const next = Buffer.alloc(size);
    next.set(this.bytes.subarray(0, this.used));
    this.bytes = next;
  }

  private place(i: number, h: number, slots: Int32Array): void {
    const size = slots.length;
    let s = slotOf(h, size);
    while (slots[s] !== 0) s = s + 1 === size ? 0 : s + 1;
    slots[s] = i + 1;
  }

  private rehash(size: number): void {
    this.missedSlot = -1;
    const slots = new Int32Array(size);
    for (let i = 0; i < this.count; i++) this.place(i, this.hashAt(i), slots);
    this.slots = slots;
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.count; i++) {
      const k = this.keyAt(i);
      callback.call(thisArg, this.labelAt(i, k), k, this);
    }
  }

  // The iterators are generators: they have what a Map's have (next, and being iterable themselves).
  entries(): MapIterator<[string, string]> {
    return this.each((k, i) => [k, this.labelAt(i, k)] as [string, string]) as unknown as MapIterator<[string, string]>;
  }

  keys(): MapIterator<string> {
    return this.each((k) => k) as unknown as MapIterator<string>;
  }

  values(): MapIterator<string> {
    return this.each((k, i) => this.labelAt(i, k)) as unknown as MapIterator<string>;
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  private *each<T>(f: (key: string, i: number) => T): Generator<T> {
    for (let i = 0; i < this.count; i++) yield f(this.keyAt(i), i);
  }
}

/** A copy of `a` with room for n (n ≥ a.length). */
function grown<T extends Uint8Array | Int32Array>(a: T, n: number): T {
  const next = new (a.constructor as new (n: number) => T)(n);
  next.set(a);
  return next;
}
