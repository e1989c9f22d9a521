// fx51: a grid's cells rounded once, whatever the order of its rows and columns (--by kanwil,segment and
// --by segment,kanwil gave 22 milestones of 2026 one person apart: the biproportional ties went to the
// first --by's rows). Properties over random grids: the same cells for any permutation of the rows and
// columns (and, through the milestones, for either orientation), both margins exact, each cell the floor
// or the ceiling of its exact value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateMatrixByKey } from '../../src/core/allocation/biproportional.js';
import { roundGrid } from '../../src/core/allocation/controlled.js';
import type { AllocationResult } from '../../src/core/allocation/plan.js';
import { breakdownMilestones } from '../../src/core/milestones.js';
import { phaseStages } from '../../src/core/phasing.js';

const RUNS = 300;
/** Each run draws two matrix paths and their margins' own: fewer runs keep the file under a second or two. */
const PATH_RUNS = 120;

/** A permutation of 0..n−1 from random sort keys. */
const permutation = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((ks) => ks.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i));

/** A grid of exact values (num / den) and margins that some floor-or-ceiling rounding meets. */
const gridArb = fc
  .record({ R: fc.integer({ min: 1, max: 6 }), C: fc.integer({ min: 1, max: 5 }), den: fc.bigInt({ min: 1n, max: 12n }) })
  .chain(({ R, C, den }) =>
    fc.record({
      R: fc.constant(R),
      C: fc.constant(C),
      den: fc.constant(den),
      num: fc.array(fc.array(fc.bigInt({ min: 0n, max: 60n }), { minLength: C, maxLength: C }), { minLength: R, maxLength: R }),
      up: fc.array(fc.array(fc.boolean(), { minLength: C, maxLength: C }), { minLength: R, maxLength: R }),
      rows: permutation(R),
      cols: permutation(C),
    }),
  );

const floorOf = (n: bigint, d: bigint): bigint => n / d; // n ≥ 0
const ceilOf = (n: bigint, d: bigint): bigint => (n + d - 1n) / d;

describe('roundGrid: controlled rounding of a grid (fx51)', () => {
  it('by hand: a 2 × 2 of halves rounds the first cell by key up, whatever the order', () => {
    const args = { num: [[1n, 1n], [1n, 1n]], den: 2n, rowTotals: [1n, 1n], columnTotals: [1n, 1n] };
    expect(roundGrid({ rowKeys: ['a', 'b'], columnKeys: ['x', 'y'], ...args })).toEqual([[1n, 0n], [0n, 1n]]);
    // Rows given as b, a: the cell (a, x) is still the one rounded up.
    expect(roundGrid({ rowKeys: ['b', 'a'], columnKeys: ['x', 'y'], ...args })).toEqual([[0n, 1n], [1n, 0n]]);
  });

  it('by hand: the closest rounding wins (0.8 up before 0.2)', () => {
    // Exact [[0.8, 0.2], [0.2, 0.8]], margins 1 each: [[1, 0], [0, 1]] (|x − e| sums to 0.8), not [[0, 1], [1, 0]] (3.2).
    expect(roundGrid({ rowKeys: ['a', 'b'], columnKeys: ['x', 'y'], num: [[4n, 1n], [1n, 4n]], den: 5n, rowTotals: [1n, 1n], columnTotals: [1n, 1n] })).toEqual([[1n, 0n], [0n, 1n]]);
  });

  it('no rounding within the floors and ceilings meets the margins: undefined, not a grid', () => {
    // [[0.5, 0], [0, 0.5]] with rows (1, 0) and columns (0, 1): the only cell of row 1 that may rise is in column 1.
    expect(roundGrid({ rowKeys: ['a', 'b'], columnKeys: ['x', 'y'], num: [[1n, 0n], [0n, 1n]], den: 2n, rowTotals: [1n, 0n], columnTotals: [0n, 1n] })).toBeUndefined();
  });

  it('property: margins exact, every cell its floor or ceiling, the same cells for any order of rows and columns', () => {
    fc.assert(
      fc.property(gridArb, ({ R, C, den, num, up, rows, cols }) => {
        // Margins of one floor-or-ceiling rounding: so at least one exists.
        const some = num.map((row, r) => row.map((n, c) => (up[r]![c]! ? ceilOf(n, den) : floorOf(n, den))));
        const rowTotals = some.map((row) => row.reduce((a, b) => a + b, 0n));
        const columnTotals = some[0]!.map((_, c) => some.reduce((a, row) => a + row[c]!, 0n));
        const rowKeys = num.map((_, r) => `r${r}`);
        const columnKeys = num[0]!.map((_, c) => `c${c}`);
        const x = roundGrid({ rowKeys, columnKeys, num, den, rowTotals, columnTotals })!;
        expect(x).toBeDefined();
        x.forEach((row, r) => expect(row.reduce((a, b) => a + b, 0n)).toBe(rowTotals[r]));
        for (let c = 0; c < C; c++) expect(x.reduce((a, row) => a + row[c]!, 0n)).toBe(columnTotals[c]);
        x.forEach((row, r) => row.forEach((v, c) => {
          expect(v >= floorOf(num[r]![c]!, den) && v <= ceilOf(num[r]![c]!, den)).toBe(true);
        }));
        // The same problem with its rows and columns permuted: the same cell for the same keys.
        const y = roundGrid({
          rowKeys: rows.map((r) => rowKeys[r]!),
          columnKeys: cols.map((c) => columnKeys[c]!),
          num: rows.map((r) => cols.map((c) => num[r]![c]!)),
          den,
          rowTotals: rows.map((r) => rowTotals[r]!),
          columnTotals: cols.map((c) => columnTotals[c]!),
        })!;
        rows.forEach((r, i) => cols.forEach((c, j) => expect(y[i]![j]).toBe(x[r]![c])));
        expect(R * C).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: 5101 },
    );
  });
});

describe('allocateMatrixByKey: the biproportional grid in key order (fx51)', () => {
  it('by hand: a tie the plain method settled by orientation is settled by key', () => {
    // Weights [[4,1],[4,2],[2,1]], rows 0, 4, 4, columns 3, 5: two answers; transposed, the plain method picked the other.
    const input = { weights: [[4n, 1n], [4n, 2n], [2n, 1n]], rowTotals: [0n, 4n, 4n], columnTotals: [3n, 5n], method: 'webster' as const };
    const a = allocateMatrixByKey(input, ['a', 'b', 'c'], ['x', 'y']).values;
    const t = allocateMatrixByKey({ ...input, weights: [[4n, 4n, 2n], [1n, 2n, 1n]], rowTotals: [3n, 5n], columnTotals: [0n, 4n, 4n] }, ['x', 'y'], ['a', 'b', 'c'], true).values;
    expect(t[0]!.map((_, c) => t.map((row) => row[c]!))).toEqual(a);
  });
});

/** A matrix plan as much as the milestones read: rows × columns, in the given unit order. */
function plan(dims: [string, string], cells: readonly { keys: [string, string]; participants: number; target: bigint }[]): AllocationResult {
  return { shape: 'matrix', method: 'webster', dims, units: cells.map((c) => ({ keys: c.keys, labels: c.keys, participants: c.participants, target: c.target })), parents: [] } as unknown as AllocationResult;
}

describe('matrix milestones: one grid whatever --by order (fx51)', () => {
  const cellArb = fc
    .record({ R: fc.integer({ min: 1, max: 4 }), C: fc.integer({ min: 2, max: 4 }) })
    .chain(({ R, C }) =>
      fc.record({
        R: fc.constant(R),
        C: fc.constant(C),
        base: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: R * C, maxLength: R * C }),
        rise: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: R * C, maxLength: R * C }),
        months: fc.integer({ min: 1, max: 12 }),
      }),
    );
  it('property: either orientation: the same cells; rows and columns on their own paths; cells within floor/ceil of their share', () => {
    let fellBack = 0;
    let offRuns = 0;
    fc.assert(
      fc.property(cellArb, ({ R, C, base, rise, months }) => {
        const cells = base.map((b, i) => ({ row: `p${Math.floor(i / C)}`, col: `s${i % C}`, b, t: BigInt(b + rise[i]!) }));
        const from = `2024-${String(12 - months).padStart(2, '0')}`.replace('2024-00', '2023-12');
        const draw = (dims: [string, string], flip: boolean, idx: readonly number[]) => {
          const units = idx.map((i) => cells[i]!).map((c) => ({ keys: (flip ? [c.col, c.row] : [c.row, c.col]) as [string, string], participants: c.b, target: c.t }));
          const path = breakdownMilestones([{ result: plan(dims, units) }], from, 2024, { kind: 'even' });
          if ('problem' in path) throw new Error(path.problem);
          if (path.roundedWide) wide.set(flip ? 'b' : 'a', path.roundedWide);
          if (path.marginsOff) off++;
          return new Map(idx.map((i, k) => [`${cells[i]!.row}|${cells[i]!.col}`, path.units[k]!]));
        };
        const wide = new Map<string, { cells: number }>();
        let off = 0;
        const a = draw(['province', 'segment'], false, cells.map((_, i) => i));
        // --by segment,province: the same grid column by column (each dimension's keys in the order
        // they first appear, as planBreakdown lists them; a 1-D path settles its own ties by that order).
        const b = draw(['segment', 'province'], true, Array.from({ length: R * C }, (_, k) => (k % R) * C + Math.floor(k / R)));
        expect(b).toEqual(a);
        // Margins: each row's cells add up to the row's own path (as --by province --months draws it), each column's likewise.
        const own = (key: (c: (typeof cells)[number]) => string) => {
          const groups = [...new Set(cells.map(key))];
          const p = phaseStages({ baseline: groups.map((g) => BigInt(cells.filter((c) => key(c) === g).reduce((s, c) => s + c.b, 0))), from, year: 2024, stages: [{ targets: groups.map((g) => cells.filter((c) => key(c) === g).reduce((s, c) => s + c.t, 0n)) }], phasing: { kind: 'even' }, method: 'webster' });
          if ('problem' in p) throw new Error(p.problem);
          return { groups, p };
        };
        // (Where no grid within the cells' bounds meets both margins, the cells keep their own path and
        // `marginsOff` says how far a row is: the rule before fx51, unchanged.)
        if (off) {
          offRuns++;
          return;
        }
        for (const key of [(c: (typeof cells)[number]) => c.row, (c: (typeof cells)[number]) => c.col]) {
          const { groups, p } = own(key);
          groups.forEach((g, gi) => {
            for (let k = 0; k < months; k++) expect(cells.filter((c) => key(c) === g).reduce((s, c) => s + a.get(`${c.row}|${c.col}`)![k]!, 0n)).toBe(p.units[gi]![k]);
          });
        }
        // Each cell within the floor and ceiling of its share of the national increase; a month where no
        // such grid met both margins is counted in `roundedWide` (said by a note), cell by cell.
        const N0 = cells.reduce((s, c) => s + BigInt(c.b), 0n);
        const N1 = cells.reduce((s, c) => s + c.t, 0n);
        let outside = 0;
        for (let k = 0; k < months; k++) {
          const Nk = cells.reduce((s, c) => s + a.get(`${c.row}|${c.col}`)![k]!, 0n);
          for (const c of cells) {
            const v = a.get(`${c.row}|${c.col}`)![k]!;
            const D = N1 - N0;
            const num = D === 0n ? BigInt(c.b) : BigInt(c.b) * D + (c.t - BigInt(c.b)) * (Nk - N0);
            const den = D === 0n ? 1n : D;
            if (!(v * den > num - den && v * den < num + den)) outside++;
          }
        }
        expect(outside).toBe(wide.get('a')?.cells ?? 0);
        if (outside) fellBack++;
      }),
      { numRuns: PATH_RUNS, seed: 5102 },
    );
    // Rare: the rows' and the columns' own roundings seldom leave no grid of floors and ceilings.
    expect(fellBack).toBeLessThan(PATH_RUNS / 10);
    expect(offRuns).toBeLessThan(PATH_RUNS / 10);
  });
});

describe('a month with no grid of floors and ceilings within both margins (fx51)', () => {
  it('by hand: 2024-06 of rises [[10, 1], [3, 8]] is apportioned within the margins and counted', () => {
    // June is half-way (+11 of 22). Rows rise 11 and 11: 5.5 each, a tie, to the first (p0 6, p1 5);
    // columns 13 and 9: 6.5 and 4.5, a tie, to the heavier (s0 7, s1 4). Exact cells 5, 0.5, 1.5, 4: row
    // p0 needs 0.5 up (p0/s1 = 1), row p1 none (p1/s0 = 1), and s0 is then 6, not 7: no such grid.
    const cells = [['p0', 's0', 110n], ['p0', 's1', 101n], ['p1', 's0', 103n], ['p1', 's1', 108n]] as const;
    const result = plan(['province', 'segment'], cells.map(([r, c, t]) => ({ keys: [r, c], participants: 100, target: t })));
    const path = breakdownMilestones([{ result }], '2023-12', 2024, { kind: 'even' });
    if ('problem' in path) throw new Error(path.problem);
    expect(path.roundedWide).toEqual({ months: 1, cells: 1, first: '2024-06' });
    expect(path.marginsOff).toBeUndefined();
    const june = path.units.map((u) => u[5]! - 100n);
    expect([june[0]! + june[1]!, june[2]! + june[3]!, june[0]! + june[2]!, june[1]! + june[3]!]).toEqual([6n, 5n, 7n, 4n]);
  });
});
