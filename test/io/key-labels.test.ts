// KeyLabels (io/key-labels.ts) answers as a Map of the same entries does, whether a label is kept as
// case bits (the key with some letters upper-cased) or as itself: get, has, size, and every iterator in
// the order the keys were set.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyLabels } from '../../src/io/key-labels.js';

/** A label for a key: itself, some letters upper-cased, or anything else (non-ASCII, another length). */
const entry = fc
  .tuple(fc.oneof(fc.stringMatching(/^[a-z0-9 .-]{0,34}$/), fc.constantFrom('k0012345', 'sektor 3', 'é', 'ı', 'straße')), fc.array(fc.boolean(), { maxLength: 36 }), fc.option(fc.string({ maxLength: 4 }), { nil: undefined }))
  .map(([key, upper, other]) => {
    const label = other !== undefined && other.length % 2 === 1 ? key + other : Array.from(key, (c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
    return [key, label] as const;
  });

function same(got: KeyLabels, want: Map<string, string>): void {
  expect(got.size).toBe(want.size);
  expect([...got]).toEqual([...want]);
  expect([...got.entries()]).toEqual([...want.entries()]);
  expect([...got.keys()]).toEqual([...want.keys()]);
  expect([...got.values()]).toEqual([...want.values()]);
  const seen: [string, string][] = [];
  got.forEach((v, k, m) => {
    expect(m).toBe(got);
    seen.push([k, v]);
  });
  expect(seen).toEqual([...want]);
  for (const [k, v] of want) {
    expect(got.has(k)).toBe(true);
    expect(got.get(k)).toBe(v);
  }
  expect(got.get('\u0000absent')).toBeUndefined();
  expect(got.has('\u0000absent')).toBe(false);
}

describe('KeyLabels', () => {
  it('answers as a Map of the same entries (property)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const got = new KeyLabels();
        const want = new Map<string, string>();
        for (const [k, v] of entries) {
          got.set(k, v);
          want.set(k, v);
        }
        same(got, want);
      }),
      { seed: 20, numRuns: 500 },
    );
  });

  it('keeps labels that differ from the key by more than the case of ASCII letters as they are', () => {
    const l = new KeyLabels();
    const long = 'k'.repeat(31);
    l.set('k0012345', 'K0012345').set(long, long.toUpperCase()).set('straße', 'STRASSE').set('ı', 'I').set('a  b', 'A  B').set('75', 'Gorontalo');
    expect([...l]).toEqual([
      ['k0012345', 'K0012345'],
      [long, long.toUpperCase()],
      ['straße', 'STRASSE'],
      ['ı', 'I'],
      ['a  b', 'A  B'],
      ['75', 'Gorontalo'],
    ]);
  });

  it('answers as a Map with room reserved at any point, and past a byte of case bits (property)', () => {
    // Keys of any characters (past U+00FF too: kept as strings), long and short; room reserved for more
    // or fewer keys than come; a label whose upper-cased letters lie past the eighth character.
    const key = fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[a-z0-9]{9,30}$/), fc.string({ unit: 'grapheme', maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.boolean()), { maxLength: 60 }), fc.nat(60), fc.nat(3000), (entries, at, room) => {
        const got = new KeyLabels();
        const want = new Map<string, string>();
        entries.forEach(([k, upper], i) => {
          // A key looked for first (as a load does: has, then set), or another after it.
          if (i % 2 === 0) expect(got.has(k)).toBe(want.has(k));
          if (i % 3 === 0) got.has(`${k}x`);
          if (i === at) got.reserve(room);
          const v = upper ? k.toUpperCase() : k;
          got.set(k, v);
          want.set(k, v);
        });
        same(got, want);
      }),
      { seed: 21, numRuns: 300 },
    );
  });

  it('keeps many keys, found again after each growth (numbers as their keys say)', () => {
    const l = new KeyLabels();
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      if (i === 1000) l.reserve(20_000);
      const k = `k${String(i).padStart(7, '0')}`;
      l.set(k, i % 3 === 0 ? k.toUpperCase() : k);
    }
    l.set('straße', 'Straße').set('k0000007', 'k0000007');
    expect(l.size).toBe(n + 1);
    for (let i = 0; i < n; i += 997) expect(l.indexOf(`k${String(i).padStart(7, '0')}`)).toBe(i);
    expect(l.keyAt(12_345)).toBe('k0012345');
    expect(l.get('k0012345')).toBe('K0012345');
    expect(l.get('k0000007')).toBe('k0000007');
    expect(l.get('k0000009')).toBe('K0000009');
    expect(l.keyAt(n)).toBe('straße');
    expect(l.get('straße')).toBe('Straße');
    expect(l.has('k0050000')).toBe(false);
  });
});
