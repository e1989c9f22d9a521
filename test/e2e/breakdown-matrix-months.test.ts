// breakdown --by province,segment --months (review rv12 §4): a province's segments add up, month by
// month, to the province's own path, the one `--by province --months` draws; and where no such matrix
// exists, the cells' own path is kept and a warning says by how much.
import { describe, expect, it } from 'vitest';
import type { AllocationResult } from '../../src/core/allocation/plan.js';
import { breakdownMilestones } from '../../src/core/milestones.js';
import { csvRows, run } from './helpers.js';

describe('--by province,segment --months', () => {
  it('each province-month: its segments add up to its own milestone (456 of 456), and stay monotone within their targets', async () => {
    const cells = csvRows((await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--months', '-f', 'csv', '-q'])).stdout).filter((r) => r['level'] === 'detail');
    const provinces = csvRows((await run(['breakdown', '--year', '2024', '--by', 'province', '--months', '-f', 'csv', '-q'])).stdout).filter((r) => r['level'] === 'detail');
    const sums = new Map<string, number>();
    const last = new Map<string, number>();
    for (const c of cells) {
      const k = `${c['period']}|${c['province']}`;
      sums.set(k, (sums.get(k) ?? 0) + Number(c['milestone']));
      const cell = `${c['province']}|${c['segment']}`;
      expect(Number(c['milestone'])).toBeGreaterThanOrEqual(last.get(cell) ?? Number(c['baseline']));
      expect(Number(c['milestone'])).toBeLessThanOrEqual(Number(c['target']));
      last.set(cell, Number(c['milestone']));
    }
    expect(provinces).toHaveLength(456);
    const off = provinces.filter((p) => sums.get(`${p['period']}|${p['province']}`) !== Number(p['milestone']));
    expect(off.map((p) => `${p['period']} ${p['province']}`)).toEqual([]);
    // By hand: Sulawesi Tengah rises 651,558 − 565,871 = 85,687 in the year; January 565,871 + 7,141 (85,687 / 12, rounded).
    expect(sums.get('2024-01|Sulawesi Tengah')).toBe(573012);
  });

  it("each month has a province's subtotal after its segments, as the yearly report does: its milestone is the province's own", async () => {
    const out = csvRows((await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--months', '-f', 'csv', '-q'])).stdout);
    const provinces = csvRows((await run(['breakdown', '--year', '2024', '--by', 'province', '--months', '-f', 'csv', '-q'])).stdout).filter((r) => r['level'] === 'detail');
    const subtotals = out.filter((r) => r['level'] === 'subtotal' && r['segment'] === 'Total');
    expect(subtotals).toHaveLength(38 * 12);
    const own = new Map(provinces.map((p) => [`${p['period']}|${p['province']}`, p]));
    for (const s of subtotals) {
      const p = own.get(`${s['period']}|${s['province']}`)!;
      expect([s['baseline'], s['milestone'], s['target']]).toEqual([p['baseline'], p['milestone'], p['target']]);
    }
    // Right after Aceh's four segments, in every month: the subtotal of the four.
    const jan = out.filter((r) => r['period'] === '2024-01');
    expect(jan.slice(0, 5).map((r) => r['segment'])).toEqual(['PU', 'BPU', 'JAKON', 'PMI', 'Total']);
    expect(Number(jan[4]!['milestone'])).toBe(jan.slice(0, 4).reduce((a, r) => a + Number(r['milestone']), 0));
    // Aceh's total is published (not estimated), as in the yearly report; its segments' split is.
    expect(jan[4]!['estimated']).toBe('');
    expect(jan[0]!['estimated']).toBe('baseline,milestone,target');
  });

  it('nested keys: a Kanwil\'s provinces add up to its own path (--by kanwil --months), also with a revised target', async () => {
    for (const extra of [[], ['--series', 'examples/series-2024-revised.csv']]) {
      const kids = csvRows((await run(['breakdown', '--year', '2024', ...extra, '--by', 'kanwil,province', '--months', '-f', 'csv', '-q'])).stdout);
      const own = csvRows((await run(['breakdown', '--year', '2024', ...extra, '--by', 'kanwil', '--months', '-f', 'csv', '-q'])).stdout).filter((r) => r['level'] === 'detail');
      const sums = new Map<string, number>();
      for (const c of kids.filter((r) => r['level'] === 'detail')) sums.set(`${c['period']}|${c['kanwil']}`, (sums.get(`${c['period']}|${c['kanwil']}`) ?? 0) + Number(c['milestone']));
      expect(own.length).toBe(132);
      expect(own.filter((k) => sums.get(`${k['period']}|${k['kanwil']}`) !== Number(k['milestone'])).map((k) => `${k['period']} ${k['kanwil']}`)).toEqual([]);
      expect(kids.filter((r) => r['level'] === 'subtotal' && r['province'] === 'Total')).toHaveLength(132);
    }
  });
});

/** A 2 × 2 matrix plan (rows A, B; columns s1, s2), as much of a result as the milestones read. */
function matrix(targets: readonly [number, number, number, number]): AllocationResult {
  const keys = [['A', 's1'], ['A', 's2'], ['B', 's1'], ['B', 's2']];
  return {
    shape: 'matrix',
    method: 'webster',
    dims: ['row', 'column'],
    units: keys.map((k, i) => ({ keys: k, labels: k, participants: 100, target: BigInt(targets[i]!) })),
    parents: [],
  } as unknown as AllocationResult;
}

describe('the matrix path, in the core', () => {
  it('rows and columns each follow their own path; cells between their start and target', () => {
    // Rows rise 12 and 24, columns 18 and 18 over 12 months: a row's path is +1 and +2 a month.
    const path = breakdownMilestones([{ result: matrix([106, 106, 112, 112]) }], '2023-12', 2024, { kind: 'even' });
    if ('problem' in path) throw new Error(path.problem);
    expect(path.marginsOff).toBeUndefined();
    for (let k = 0; k < 12; k++) {
      expect(path.units[0]![k]! + path.units[1]![k]!).toBe(200n + BigInt(k + 1)); // row A: +1 a month
      expect(path.units[2]![k]! + path.units[3]![k]!).toBe(200n + 2n * BigInt(k + 1)); // row B: +2 a month
    }
    expect(path.units.map((u) => u[11])).toEqual([106n, 106n, 112n, 112n]);
  });

  it('where no matrix meets both margins, the cells keep their own path (and say so only where a row is off)', () => {
    // A rises only in s2, B only in s1, 10 each: rows and columns both give an odd month's extra person
    // to their first (A, s1), so a2 = A's increase = s2's increase cannot hold: no matrix. The cells'
    // own path settles its ties by key (fx51: not by --by's order), the dimension whose name comes first
    // first: as areas before segments, a2 (A / s2) before b1 gets the extra, which is row A's own path:
    // no row is off.
    const path = breakdownMilestones([{ result: { ...matrix([100, 110, 110, 100]), dims: ['area', 'segment'] } }], '2023-12', 2024, { kind: 'even' });
    if ('problem' in path) throw new Error(path.problem);
    expect(path.marginsOff).toBeUndefined();
    expect(path.units[1]!.slice(0, 3)).toEqual([101n, 102n, 103n]); // national 402, 403, 405: A gets 1, 2, 3
    expect(path.units.map((u) => u[11])).toEqual([100n, 110n, 110n, 100n]);
    // Named the other way round ("column" before "row"), the cells go column by column: b1 (B / s1) gets
    // the extra, rows A and B are each a person off their own paths in 2024-02, and that is said.
    const turned = breakdownMilestones([{ result: matrix([100, 110, 110, 100]) }], '2023-12', 2024, { kind: 'even' });
    if ('problem' in turned) throw new Error(turned.problem);
    expect(turned.marginsOff).toEqual({ month: '2024-02', rowsOff: 2, largest: 1n });
    expect(turned.units[2]!.slice(0, 3)).toEqual([101n, 102n, 103n]);
  });

  it('a row of several cells follows its own path, where the cells alone would not', () => {
    // Increases 5 + 5 (row A) and 10 + 0 (row B): in 2024-03 the national +5 is 3 : 2 for the rows (a
    // tie, to A), while the cells alone would give B's single cell the 3 (2.5 rounded up) and A 1 + 1.
    const path = breakdownMilestones([{ result: matrix([105, 105, 110, 100]) }], '2023-12', 2024, { kind: 'even' });
    if ('problem' in path) throw new Error(path.problem);
    const rowA = path.units[0]!.map((v, k) => v + path.units[1]![k]! - 200n);
    const rowB = path.units[2]!.map((v, k) => v + path.units[3]![k]! - 200n);
    expect(rowA[2]! + rowB[2]!).toBe(5n); // 20 × 3/12
    expect(rowA[2]).toBe(3n);
    expect(path.units.map((u) => u[11])).toEqual([105n, 105n, 110n, 100n]);
  });
});
