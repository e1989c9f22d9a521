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

/** Keys a chunk of KeyLabels' list (a chunk of 64 KiB: an ordinary object, never a large one). */
const CHUNK_BITS = 13;
const CHUNK = 1 << CHUNK_BITS;
/** Case bits of a key whose label is kept as a string (`other`). */
const OTHER = -1;

/** FNV-1a over a string's UTF-16 units, mixed so that the low bits (the slot) depend on all of them. */
function hashOf(key: string): number {
  let h = 0x811c9dc5 ^ key.length;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h ^ (h >>> 16);
}

/**
 * A Map of key → label with the labels kept small (see above); it answers as the Map would, in the
 * order the keys were set.
 *
 * A Map entry costs about 28 bytes, and the Map's table is one array, copied whole each time it doubles
 * (a million branches: a 28 MiB table and 21 MiB of copies, both in V8's large-object space, issue 20).
 * Here the keys are a list in chunks, each key's case bits a number in a typed array, and the keys are
 * found by open addressing on another (key number + 1 by slot): about 20 bytes a key, nothing copied
 * but typed arrays.
 *
 *   const l = new KeyLabels();
 *   l.set('k0012345', 'K0012345'); // kept as the number 1 (the first character upper-cased)
 *   l.get('k0012345');             // 'K0012345'
 */
export class KeyLabels implements ReadonlyMap<string, string>, KeyDictionary {
  private readonly chunks: string[][] = [];
  private count = 0;
  /** Per key (by number), its case bits, or OTHER. */
  private bits = new Int32Array(16);
  /** The labels that are not their key's case bits, by key number. */
  private readonly other = new Map<number, string>();
  /** Key number + 1 by slot; 0: empty. At most half full. */
  private slots = new Int32Array(32);

  get size(): number {
    return this.count;
  }

  /** Key number i, in the order the keys were set (core/row-columns.ts KeyDictionary). */
  keyAt(i: number): string {
    return this.chunks[i >>> CHUNK_BITS]![i & (CHUNK - 1)]!;
  }

  /** The number of `key` (the keys are numbered 0, 1, 2… in the order they were set), or -1. */
  indexOf(key: string): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let s = hashOf(key) & mask; ; s = (s + 1) & mask) {
      const v = slots[s]!;
      if (v === 0) return -1;
      if (this.keyAt(v - 1) === key) return v - 1;
    }
  }

  private labelAt(i: number, key: string): string {
    const b = this.bits[i]!;
    return b === OTHER ? this.other.get(i)! : withCase(key, b);
  }

  get(key: string): string | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.labelAt(i, key);
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  set(key: string, label: string): this {
    let i = this.indexOf(key);
    if (i < 0) {
      i = this.count++;
      if ((i & (CHUNK - 1)) === 0) this.chunks.push([]);
      this.chunks[i >>> CHUNK_BITS]!.push(key);
      if (i === this.bits.length) {
        const bits = new Int32Array(2 * i);
        bits.set(this.bits);
        this.bits = bits;
      }
      if (2 * this.count > this.slots.length) this.rehash(2 * this.slots.length);
      else this.place(i, this.slots);
    }
    const bits = caseBits(key, label);
    this.bits[i] = bits ?? OTHER;
    if (bits === undefined) this.other.set(i, label);
    else this.other.delete(i);
    return this;
  }

  private place(i: number, slots: Int32Array): void {
    const mask = slots.length - 1;
    let s = hashOf(this.keyAt(i)) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = i + 1;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    for (let i = 0; i < this.count; i++) this.place(i, slots);
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
