// The Table's rows as columns (core/row-columns.ts): a key column gives back every key it was given,
// whether it keeps them as numbers (a byte, two bytes) or as strings (past 65,535 keys).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyColumn, RowColumns } from '../../src/core/row-columns.js';
import { KeyLabels } from '../../src/io/key-labels.js';

function filled(keys: readonly (string | null)[]): KeyColumn {
  const col = new KeyColumn();
  for (const k of keys) col.push(k);
  return col;
}

const read = (col: KeyColumn): (string | null)[] => Array.from({ length: col.length }, (_, i) => col.at(i));

describe('KeyColumn', () => {
  it('gives back the keys and nulls it was given, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('11', '12', 'Aceh', '2024-06', ''), { nil: null }), { maxLength: 200 }), (keys) => {
        expect(read(filled(keys))).toEqual(keys);
      }),
    );
  });

  it('keeps them past 255 keys (two bytes a row) and past 65,535 keys (a string a row)', () => {
    for (const n of [300, 70_000]) {
      const keys = Array.from({ length: n + 10 }, (_, i) => (i % 7 === 3 ? null : `K${i % n}`));
      const col = filled(keys);
      expect(col.length).toBe(keys.length);
      expect(read(col)).toEqual(keys);
      expect(col.anyKey()).toBe(true);
    }
  });

  it('forgets the rows past a length, and a column of nulls has no key', () => {
    const col = filled(['a', 'b', null, 'a']);
    col.truncate(2);
    col.push('c');
    expect(read(col)).toEqual(['a', 'b', 'c']);
    const none = KeyColumn.nulls(3);
    expect(read(none)).toEqual([null, null, null]);
    expect(none.anyKey()).toBe(false);
    none.push('x');
    expect(read(none)).toEqual([null, null, null, 'x']);
  });
});

describe('RowColumns', () => {
  it('makes each row as the object it stands for, and keeps a later dimension null on earlier rows', () => {
    const cols = new RowColumns(2);
    cols.push(0, 2);
    cols.setKeys(0, ['11']);
    cols.setValue(0, 1, 5);
    cols.push(1, 7);
    cols.setKeys(1, ['12', 'K1']);
    cols.setValue(1, 0, -0);
    cols.estimated.set(1, ['participants']);
    expect(cols.row(0, 2)).toEqual({ keys: ['11', null], values: [null, 5], src: 0, line: 2 });
    const r1 = cols.row(1, 2);
    expect(r1).toEqual({ keys: ['12', 'K1'], values: [-0, null], src: 1, line: 7, estimated: ['participants'] });
    expect(Object.is(r1.values[0], -0)).toBe(true);
    cols.truncate(1);
    expect(cols.size).toBe(1);
    expect(cols.key(0, 1)).toBe(null);
  });

  it('says whether a row has a key (hasKey) as key() does, in every way a column keeps its keys', () => {
    const labels = new KeyLabels();
    for (let i = 0; i < 70_000; i++) labels.set(`K${i}`, `K${i}`);
    // A byte a row, two bytes, strings past 65,535 keys, numbers in a load's dictionary.
    for (const [n, dictionary] of [[10, undefined], [300, undefined], [70_000, undefined], [70_000, labels]] as const) {
      const cols = new RowColumns(0);
      if (dictionary) cols.keys.push(KeyColumn.referring(dictionary));
      for (let i = 0; i < n + 20; i++) {
        cols.push(0, i + 2);
        cols.setKeys(i, [i % 9 === 4 ? null : `K${i % n}`]);
      }
      const differ: number[] = [];
      for (let i = 0; i < cols.size; i++) for (const d of [0, 1, 5]) if (cols.hasKey(i, d) !== (cols.key(i, d) !== null)) differ.push(i);
      expect(differ).toEqual([]);
      expect(cols.hasKey(4, 0)).toBe(false);
      expect(cols.hasKey(5, 0)).toBe(true);
    }
  });
});

// Issue 20, a report of a million keys within 250 MiB: a count column keeps 4 bytes a row while every
// value is a whole number of 32 bits, and a branch per row keeps the number of its key in the
// dimension's labels (each key held once) instead of a string reference a row.
describe('the values of a measure', () => {
  it('are kept in 4 bytes a row while every value is a whole number of 32 bits', () => {
    const cols = new RowColumns(1);
    for (const [i, v] of [5, 2147483647, -2147483648, 0].entries()) {
      cols.push(0, i + 2);
      cols.setKeys(i, [`K${i}`]);
      cols.setValue(i, 0, v);
    }
    expect(cols.valuesOf(0)!.values).toBeInstanceOf(Int32Array);
    expect([0, 1, 2, 3].map((i) => cols.value(i, 0))).toEqual([5, 2147483647, -2147483648, 0]);
  });

  it('are every one kept exactly when one does not fit: past 2^31 − 1, a fraction, -0, 2^53 − 1', () => {
    const valueArb = fc.oneof(fc.integer({ min: -2147483648, max: 2147483647 }), fc.constantFrom(2147483648, -2147483649, 0.5, -0, Number.MAX_SAFE_INTEGER, 1e300), fc.double({ noNaN: true }), fc.maxSafeInteger());
    fc.assert(
      fc.property(fc.array(fc.option(valueArb, { nil: null }), { minLength: 1, maxLength: 300 }), (values) => {
        const cols = new RowColumns(2);
        values.forEach((v, i) => {
          cols.push(0, i + 2);
          cols.setKeys(i, [`K${i}`]);
          if (v !== null) cols.setValue(i, 1, v);
        });
        values.forEach((v, i) => expect(Object.is(cols.value(i, 1), v)).toBe(true));
        const kept = cols.valuesOf(1);
        if (kept) expect(kept.values instanceof Int32Array).toBe(values.every((v) => v === null || (Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 && !Object.is(v, -0))));
      }),
    );
  });

  it('keeps its values through growth and a sum that passes 2^31 − 1 on a later row', () => {
    const cols = new RowColumns(1);
    const n = 5000;
    for (let i = 0; i < n; i++) {
      cols.push(0, i + 2);
      cols.setKeys(i, [`K${i}`]);
      cols.setValue(i, 0, 1_000_000 + i);
    }
    cols.setValue(n - 1, 0, cols.value(n - 1, 0)! + 2 ** 31);
    expect(cols.valuesOf(0)!.values).toBeInstanceOf(Float64Array);
    for (let i = 0; i < n - 1; i++) expect(cols.value(i, 0)).toBe(1_000_000 + i);
    expect(cols.value(n - 1, 0)).toBe(1_000_000 + n - 1 + 2 ** 31);
  });
});

describe('the sources of the rows', () => {
  it('are kept a byte a row below 256, and every one exactly past it', () => {
    const cols = new RowColumns(1);
    const srcs = [0, 3, 255, 256, 7, 70_000, 0];
    srcs.forEach((src, i) => {
      cols.push(src, i + 2);
      cols.setKeys(i, ['11']);
    });
    expect(Array.from(cols.src.subarray(0, cols.size))).toEqual(srcs);
    expect(cols.row(5, 1)).toEqual({ keys: ['11'], values: [null], src: 70_000, line: 7 });
    const one = new RowColumns(1);
    one.push(0, 2);
    expect(one.src).toBeInstanceOf(Uint8Array);
  });
});

describe('the lines of the rows', () => {
  it('are given back exactly, whether they follow on from the first row (no array) or not, through growth, subsets and truncation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(300), fc.option(fc.nat(300), { nil: undefined }), fc.integer({ min: 0, max: 10 ** 6 }), (first, n, breakAt, other) => {
        const cols = new RowColumns(1);
        const lines: number[] = [];
        for (let i = 0; i < n; i++) {
          const line = i === breakAt ? other : first + i;
          lines.push(line);
          cols.push(0, line);
          cols.setKeys(i, ['11']);
          if (i === 100) cols.reserve(400);
        }
        expect(Array.from({ length: n }, (_, i) => cols.lineAt(i))).toEqual(lines);
        expect(Array.from({ length: n }, (_, i) => cols.row(i, 1).line)).toEqual(lines);
        const keep = Uint8Array.from(lines, (_, i) => (i % 3 === 1 ? 0 : 1));
        const sub = cols.subset(keep);
        expect(Array.from({ length: sub.size }, (_, i) => sub.lineAt(i))).toEqual(lines.filter((_, i) => i % 3 !== 1));
        cols.truncate(Math.floor(n / 2));
        cols.push(0, 99);
        cols.setKeys(cols.size - 1, ['11']);
        expect(cols.lineAt(cols.size - 1)).toBe(99);
        for (let i = 0; i < cols.size - 1; i++) expect(cols.lineAt(i)).toBe(lines[i]);
      }),
      { seed: 22, numRuns: 60 },
    );
  });
});

describe('a key column with a dictionary (a load: its dimension labels)', () => {
  it('keeps past 65,535 keys the number of each key in the dictionary, 4 bytes a row, and gives the keys back', () => {
    const labels = new KeyLabels();
    const keys = Array.from({ length: 80_010 }, (_, i) => (i % 9 === 4 ? null : `k${String(i % 80_000).padStart(7, '0')}`));
    const col = new KeyColumn(labels);
    for (const k of keys) {
      if (k !== null && !labels.has(k)) labels.set(k, k.toUpperCase());
      col.push(k);
    }
    expect(read(col)).toEqual(keys);
    expect(col.numbers()?.ids).toBeInstanceOf(Int32Array);
    // The same key, the same number; no key, 0.
    const { ids } = col.numbers()!;
    expect(ids[80_001]).toBe(ids[1]);
    expect(ids[4]).toBe(0);
    expect(labels.get('k0000001')).toBe('K0000001');
  });

  it('keeps a key the dictionary lacks as a string, and every key before it', () => {
    const labels = new KeyLabels();
    const keys = Array.from({ length: 70_000 }, (_, i) => `k${i}`);
    for (const k of keys) labels.set(k, k);
    keys.push('not-labelled', 'k3');
    const col = new KeyColumn(labels);
    for (const k of keys) col.push(k);
    expect(read(col)).toEqual(keys);
    // before the dictionary is used (65,535 keys or fewer), a key it lacks is no matter
    const few = new KeyColumn(labels);
    for (const k of ['x', 'k1', null, 'x']) few.push(k);
    expect(read(few)).toEqual(['x', 'k1', null, 'x']);
  });

  it('a subset of the rows keeps the numbers, and its keys', () => {
    const labels = new KeyLabels();
    const cols = new RowColumns(1);
    const n = 70_000;
    for (let i = 0; i < n; i++) {
      const k = `k${i}`;
      labels.set(k, k);
      cols.push(0, i + 2);
      cols.setKeys(i, ['11', k]);
      if (i === 0) cols.keys[1]!.dictionary = labels;
      cols.setValue(i, 0, i);
    }
    expect(cols.keys[1]!.numbers()?.ids).toBeInstanceOf(Int32Array);
    const keep = new Uint8Array(n);
    for (let i = 0; i < n; i += 3) keep[i] = 1;
    const sub = cols.subset(keep);
    expect(sub.size).toBe(Math.ceil(n / 3));
    expect(sub.keys[1]!.numbers()?.ids).toBeInstanceOf(Int32Array);
    const got = Array.from({ length: sub.size }, (_, j) => `${sub.key(j, 0)} ${sub.key(j, 1)} ${sub.value(j, 0)}`);
    expect(got).toEqual(Array.from({ length: sub.size }, (_, j) => `11 k${3 * j} ${3 * j}`));
  });
});
