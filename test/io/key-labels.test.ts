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
});
