// The Table's rows as columns (core/row-columns.ts): a key column gives back every key it was given,
// whether it keeps them as numbers (a byte, two bytes) or as strings (past 65,535 keys).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyColumn, RowColumns } from '../../src/core/row-columns.js';

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
});
