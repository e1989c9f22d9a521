// A file's groups as the load adds rows up (io/fold.ts FileFold): the rows in each group and which
// measures some of its rows lacked, kept small (a byte of rows a group up to 255, a bit a measure), must
// answer exactly past those sizes, and for thousands of groups (the table of slots grows).
import { describe, expect, it } from 'vitest';
import { LoadFold } from '../../src/io/fold.js';

const measures = [
  { name: 'participants', kind: 'count' as const },
  { name: 'workforce', kind: 'count' as const },
  { name: 'employed', kind: 'count' as const },
];

describe('FileFold', () => {
  it('counts the rows of a group past 255 and says which measures some of its rows lacked', () => {
    const load = new LoadFold([{ name: 'province', kind: 'province' }], measures, []);
    const file = load.file(0, 'sum', true);
    const have = (lacks: number): Uint8Array => Uint8Array.from(measures, (_, m) => (m === lacks ? 0 : 1));
    for (let i = 0; i < 1000; i++) file.add(['11'], new Float64Array([1, 2, 3]), have(i === 700 ? 2 : -1), new Float64Array(3), i + 2);
    for (let i = 0; i < 3; i++) file.add(['12'], new Float64Array([1, 2, 3]), have(0), new Float64Array(3), 2000 + i);
    expect(file.end - file.start).toBe(2);
    expect(file.rowsIn(0)).toBe(1000);
    expect(file.rowsIn(1)).toBe(3);
    expect([0, 1, 2].map((m) => file.lacked(0, m))).toEqual([false, false, true]);
    expect([0, 1, 2].map((m) => file.lacked(1, m))).toEqual([true, false, false]);
    expect(load.store.value(0, 0)).toBe(1000);
    expect(load.store.value(0, 2)).toBe(999 * 3);
  });

  it('finds each of 20,000 groups again, with room reserved on the way', () => {
    const load = new LoadFold([{ name: 'kantor', kind: 'text' }], measures, ['kantor']);
    const file = load.file(0, 'sum', true);
    const all = Uint8Array.of(1, 1, 1);
    const none = new Float64Array(3);
    let wrong = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < 20_000; i++) {
        if (pass === 0 && i === 4096) load.expectRows(12_000);
        const g = file.add([`k${i}`], Float64Array.of(i, 1, 0), i % 7 === 0 ? Uint8Array.of(1, 1, 0) : all, none, 2 + i + pass * 20_000);
        if (g !== i) wrong++;
      }
    }
    expect(wrong).toBe(0);
    expect(load.count).toBe(20_000);
    for (const i of [0, 7, 4095, 4096, 11_999, 19_999]) {
      expect(file.rowsIn(i)).toBe(2);
      expect(load.store.value(i, 0)).toBe(2 * i);
      expect(file.lacked(i, 2)).toBe(i % 7 === 0);
    }
  });

  // (mem6) The key columns of each group are one number while every group has the same; the array a
  // group is made at the first group with others, and must keep the earlier groups' set.
  it('keeps each group\'s key columns when a later group has other columns than the first ones', () => {
    const load = new LoadFold([{ name: 'province', kind: 'province' }, { name: 'kantor', kind: 'text' }], measures, ['kantor']);
    const file = load.file(0, 'sum', true);
    const all = Uint8Array.of(1, 1, 1);
    const none = new Float64Array(3);
    for (let i = 0; i < 3000; i++) {
      if (i === 1000) load.expectRows(4000);
      // Rows 0–1999 name a province and a branch; from 2000 on a branch only, then every 3rd both again.
      const both = i < 2000 || i % 3 === 0;
      file.add([both ? '11' : null, `k${i}`], Float64Array.of(1, 1, 1), all, none, i + 2);
    }
    expect(load.count).toBe(3000);
    for (const g of [0, 999, 1000, 1999, 2000, 2001, 2002, 2999]) expect([g, load.mask(g)]).toEqual([g, g < 2000 || g % 3 === 0 ? 3 : 2]);
    expect(load.keyText(2001)).not.toBe(load.keyText(2000));
  });

  it('gives back a file\'s table when it is done, and refuses to be asked again', () => {
    const load = new LoadFold([{ name: 'kantor', kind: 'text' }], measures, ['kantor']);
    const file = load.file(0, 'sum', true);
    for (let i = 0; i < 100; i++) file.add([`k${i}`], Float64Array.of(i, 1, 0), Uint8Array.of(1, 1, 1), new Float64Array(3), i + 2);
    file.release();
    // The groups stay in the load's columns.
    expect(load.count).toBe(100);
    expect(load.store.value(42, 0)).toBe(42);
    expect(() => file.rowsIn(0)).toThrow(/after release/);
    expect(() => file.lacked(0, 0)).toThrow(/after release/);
    expect(() => file.add(['k1'], new Float64Array(3), Uint8Array.of(1, 1, 1), new Float64Array(3), 200)).toThrow(/after release/);
  });
});
