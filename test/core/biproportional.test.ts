import { describe, expect, it } from 'vitest';
import { allocateMatrix, InfeasibleMatrixError } from '../../src/core/allocation/biproportional.js';
import type { DivisorMethodName } from '../../src/core/allocation/methods.js';

const big = (m: number[][]) => m.map((row) => row.map(BigInt));
const run = (w: number[][], rows: number[], cols: number[], method: DivisorMethodName = 'webster') =>
  allocateMatrix({ weights: big(w), rowTotals: rows.map(BigInt), columnTotals: cols.map(BigInt), method });
const num = (m: bigint[][]) => m.map((row) => row.map(Number));

describe('published biproportional examples', () => {
  it('Wikipedia (via proporz tests): Sainte-Laguë', () => {
    const r = run([[123, 45, 815], [912, 714, 414], [312, 255, 215]], [5, 11, 4], [7, 5, 8]);
    expect(num(r.values)).toEqual([[1, 0, 4], [4, 4, 3], [2, 1, 1]]);
    expect(r.ties).toEqual([]);
  });
  it('German Wikipedia example', () => {
    const r = run([[51, 98, 45], [60, 100, 120], [63, 102, 144]], [4, 5, 6], [4, 5, 6]);
    expect(num(r.values)).toEqual([[1, 2, 1], [1, 2, 2], [2, 1, 3]]);
  });
  it("Apportionment.jl README: D'Hondt", () => {
    const r = run([[770, 130], [20, 380], [10, 190]], [7, 5, 3], [8, 7], 'dhondt');
    expect(num(r.values)).toEqual([[7, 0], [1, 4], [0, 3]]);
  });
  it('IPF example: integer Sainte-Laguë matches proporz and min-cost flow', () => {
    const seed = [[40, 30, 20, 10], [35, 50, 100, 75], [30, 80, 70, 120], [20, 30, 40, 50]];
    const r = run(seed, [150, 300, 400, 150], [200, 300, 400, 100]);
    expect(num(r.values)).toEqual([[65, 46, 35, 4], [50, 68, 157, 25], [56, 145, 145, 54], [29, 41, 63, 17]]);
  });
  it('a 2×2 tie is reported, not hidden', () => {
    const r = run([[10, 10], [10, 10]], [1, 1], [1, 1]);
    const v = num(r.values);
    expect([JSON.stringify([[1, 0], [0, 1]]), JSON.stringify([[0, 1], [1, 0]])]).toContain(JSON.stringify(v));
    expect(r.ties.length).toBe(4);
  });
});

describe('infeasible margins are explained, never "did not converge"', () => {
  it('Hall violation: rows A and B need 4 but their columns offer 3', () => {
    const w = [[10, 10, 0, 0], [0, 10, 10, 0], [0, 0, 0, 10], [5, 5, 5, 5]];
    let err: unknown;
    try {
      run(w, [2, 2, 1, 1], [1, 1, 1, 3]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InfeasibleMatrixError);
    expect((err as InfeasibleMatrixError).detail).toMatchObject({ rows: [0, 1], columns: [0, 1, 2], need: 4n, offer: 3n });
  });
  it('totals that disagree (1000 vs 1001)', () => {
    expect(() => run([[1, 1], [1, 1]], [500, 500], [500, 501])).toThrow('the row totals add up to 1000 but the column totals to 1001');
  });
  it('a zero weight row with a positive total', () => {
    expect(() => run([[0, 0], [1, 1]], [1, 1], [1, 1])).toThrow(InfeasibleMatrixError);
  });
});
