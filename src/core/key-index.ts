// Keys to small numbers (0, 1, 2… in order of first sight) for the passes over every row of a Table
// (core/table.ts: keyIds, rollup), by open addressing on typed arrays. A Map holding a million keys
// costs 30–50 bytes a key and, while it grows, its old and new tables at once; these cost 16–24 bytes
// a key (a slot table at most half full, and the keys by number) and grow the same way, on arrays
// outside the engine's heap that are let go as soon as the pass is done.
//
// The probe: linear, from the key's hash (murmur3's finaliser on the key's bits or characters), in a
// table of a power of two slots; a slot holds the key's number + 1 (0: empty).

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash of a string's UTF-16 code units (FNV-1a, then mixed). */
export function hashText(s: string): number {
  let h = 0x811c9dc5 ^ s.length;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** The hash of a whole number 0 ≤ k < 2^53 (both of its 32-bit halves). */
function hashWhole(k: number): number {
  const lo = k >>> 0;
  const hi = (k - lo) / 4294967296;
  return fmix(lo ^ Math.imul(hi | 0, 0x9e3779b1) ^ fmix(hi | 0));
}

/** The smallest power of two ≥ 16 with room for n keys at most half full. */
function slotsFor(n: number): number {
  let s = 16;
  while (s < 2 * n) s *= 2;
  return s;
}

/**
 * Whole numbers 0 ≤ k < 2^53 (rollup's group keys in mixed radix) to 0, 1, 2… in order of first sight.
 *
 *   const ids = new WholeIds();
 *   ids.intern(7_000_000_001); // 0 (new: ids.size is now 1)
 *   ids.intern(42);            // 1
 *   ids.intern(7_000_000_001); // 0
 */
export class WholeIds {
  private slots: Int32Array;
  private keys: Float64Array;
  size = 0;

  constructor(expected = 8) {
    this.slots = new Int32Array(slotsFor(expected));
    this.keys = new Float64Array(Math.max(8, expected));
  }

  /** The number of k, a new one (= size before the call) when k was not seen before. */
  intern(k: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = hashWhole(k) & mask; ; i = (i + 1) & mask) {
      const at = slots[i]!;
      if (at === 0) break;
      if (this.keys[at - 1] === k) return at - 1;
    }
    const id = this.size++;
    if (id === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.keys[id] = k;
    if (this.size * 2 > slots.length) this.rehash();
    else this.place(id, hashWhole(k));
    return id;
  }

  private place(id: number, h: number): void {
    placeIn(this.slots, id, h);
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.size; id++) this.place(id, hashWhole(this.keys[id]!));
  }
}

/**
 * Strings to 0, 1, 2… in order of first sight (keyIds: a million branch names). The strings themselves
 * are not kept: each number keeps a place the caller gave with its first string (a row) and `textAt`
 * gives the string at a place back, so a table's keys are numbered in 16–24 bytes a key. Each number
 * keeps its string's hash too, so that growing never hashes a string again.
 *
 *   const ids = new TextIds((row) => rows[row]!.name);
 *   ids.intern(rows[0]!.name, 0); // 0
 */
export class TextIds {
  private slots: Int32Array;
  private hashes: Int32Array;
  private places: Int32Array;
  size = 0;

  constructor(private readonly textAt: (place: number) => string, expected = 8) {
    this.slots = new Int32Array(slotsFor(expected));
    this.hashes = new Int32Array(Math.max(8, expected));
    this.places = new Int32Array(this.hashes.length);
  }

  /** The number of s, a new one (= size before the call) when s was not seen before; `place` gives s back. */
  intern(s: string, place: number): number {
    const h = hashText(s);
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const at = slots[i]!;
      if (at === 0) break;
      if (this.hashes[at - 1] === h && this.textAt(this.places[at - 1]!) === s) return at - 1;
    }
    const id = this.size++;
    if (id === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.places = grown(this.places);
    }
    this.hashes[id] = h;
    this.places[id] = place;
    if (this.size * 2 > slots.length) {
      this.slots = new Int32Array(slots.length * 2);
      for (let j = 0; j < this.size; j++) this.place(j, this.hashes[j]!);
    } else this.place(id, h);
    return id;
  }

  private place(id: number, h: number): void {
    placeIn(this.slots, id, h);
  }
}

/** Put number `id` (hash h) in the first free slot from h on: linear probing, 0 is empty. */
function placeIn(slots: Int32Array, id: number, h: number): void {
  const mask = slots.length - 1;
  let i = h & mask;
  while (slots[i] !== 0) i = (i + 1) & mask;
  slots[i] = id + 1;
}

function grown(a: Int32Array): Int32Array {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}
