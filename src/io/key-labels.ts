// A dimension's labels as a load keeps them (Dimension.labels: each key → the text the file first wrote
// for it). A text key is the text case-folded (key-domains.ts: `K0012345` → `k0012345`), so most labels
// are their key with some letters upper-cased: such a label is kept as a number, a bit a character
// (bit i: character i is the key's, upper-cased), and made again when asked for, instead of as a string
// of its own (a million branch names: 24 bytes a name). A label that is its key keeps 0; any other label
// (longer than 30 characters, letters beyond ASCII, spaces written twice) is kept as it is.

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

/**
 * A Map of key → label with the labels kept small (see above); it answers as the Map would, in the
 * order the keys were set.
 *
 *   const l = new KeyLabels();
 *   l.set('k0012345', 'K0012345'); // kept as the number 1 (the first character upper-cased)
 *   l.get('k0012345');             // 'K0012345'
 */
export class KeyLabels implements ReadonlyMap<string, string> {
  private readonly map = new Map<string, string | number>();

  get size(): number {
    return this.map.size;
  }

  get(key: string): string | undefined {
    const v = this.map.get(key);
    return typeof v === 'number' ? withCase(key, v) : v;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  set(key: string, label: string): this {
    this.map.set(key, caseBits(key, label) ?? label);
    return this;
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.map) callback.call(thisArg, typeof v === 'number' ? withCase(k, v) : v, k, this);
  }

  // The iterators are generators: they have what a Map's have (next, and being iterable themselves).
  entries(): MapIterator<[string, string]> {
    return pairs(this.map) as unknown as MapIterator<[string, string]>;
  }

  keys(): MapIterator<string> {
    return this.map.keys();
  }

  values(): MapIterator<string> {
    return labelsOf(this.map) as unknown as MapIterator<string>;
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}

function* pairs(map: Map<string, string | number>): Generator<[string, string]> {
  for (const [k, v] of map) yield [k, typeof v === 'number' ? withCase(k, v) : v];
}

function* labelsOf(map: Map<string, string | number>): Generator<string> {
  for (const [k, v] of map) yield typeof v === 'number' ? withCase(k, v) : v;
}
