// The open-addressing numberings (core/key-index.ts) against a Map doing the same: each key gets the
// number of its first sight, whatever the keys (collisions forced by few slots, keys near 2^53, texts
// that differ in one character or only in length), and through every growth of the tables.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextIds, WholeIds } from '../../src/core/key-index.js';

/** The numbering a Map gives: 0, 1, 2… in order of first sight. */
function byMap<K>(keys: readonly K[]): number[] {
  const m = new Map<K, number>();
  return keys.map((k) => {
    let id = m.get(k);
    if (id === undefined) m.set(k, (id = m.size));
    return id;
  });
}

const whole = fc.oneof(fc.nat(40), fc.maxSafeNat(), fc.integer({ min: 2 ** 32 - 3, max: 2 ** 32 + 3 }), fc.integer({ min: Number.MAX_SAFE_INTEGER - 40, max: Number.MAX_SAFE_INTEGER - 1 }));
const text = fc.oneof(fc.constantFrom('', 'a', 'A', 'aa', 'k0000001', 'k0000010', '\u0000', 'é', 'e\u0301'), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }));

describe('WholeIds', () => {
  it('numbers whole numbers as a Map does (property)', () => {
    fc.assert(
      fc.property(fc.array(whole, { maxLength: 300 }), fc.nat(64), (keys, expected) => {
        const ids = new WholeIds(expected);
        expect(keys.map((k) => ids.intern(k))).toEqual(byMap(keys));
        expect(ids.size).toBe(new Set(keys).size);
      }),
      { seed: 20, numRuns: 300 },
    );
  });

  it('keeps every number through many growths', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => (i % 7 === 0 ? i * 2 ** 21 : (i * 7919) % 30_011));
    const ids = new WholeIds();
    expect(keys.map((k) => ids.intern(k))).toEqual(byMap(keys));
  });
});

describe('TextIds', () => {
  it('numbers strings as a Map does, comparing through the places it was given (property)', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 300 }), fc.nat(64), (keys, expected) => {
        const ids = new TextIds((i) => keys[i]!, expected);
        expect(keys.map((k, i) => ids.intern(k, i))).toEqual(byMap(keys));
        expect(ids.size).toBe(new Set(keys).size);
      }),
      { seed: 20, numRuns: 300 },
    );
  });

  it('keeps every string through many growths', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `K${String((i * 7919) % 30_011).padStart(7, '0')}`);
    const ids = new TextIds((i) => keys[i]!);
    expect(keys.map((k, i) => ids.intern(k, i))).toEqual(byMap(keys));
  });
});
