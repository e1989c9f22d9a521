// apportionMatrix with a row of weights longer or shorter than the column totals: the rows were copied
// flat and cut by the number of columns, so a row's extra weight slid into the next row ([[100,1,1],
// [1,1,100]] was split on [[100,1],[1,1]]) and no error was raised. Found by a review.
import { describe, expect, it } from 'vitest';
import { apportionMatrix } from '../../src/index.js';

describe('apportionMatrix refuses weights that are not one per column total', () => {
  it('a longer row, a shorter row, a min or max grid of another shape', () => {
    expect(() => apportionMatrix([[100, 1, 1], [1, 1, 100]], { rowTotals: [3, 3], columnTotals: [3, 3] })).toThrow('weights: row 1 has 3 values, expected 2 (one per column total)');
    expect(() => apportionMatrix([[1, 2, 3], [4]], { rowTotals: [3, 3], columnTotals: [3, 3] })).toThrow(RangeError);
    expect(() => apportionMatrix([[1, 2], [3, 4]], { rowTotals: [3, 3], columnTotals: [3, 3], min: [[0, 0]] })).toThrow('min: 1 rows, expected 2');
    expect(() => apportionMatrix([[1, 2], [3, 4]], { rowTotals: [3, 3], columnTotals: [3, 3], max: [[3, 3], [3]] })).toThrow('max: row 2 has 1 values, expected 2');
  });
  it('the right shape still works (by hand: rows 3 and 3, columns 3 and 3, weights favour the diagonal)', () => {
    expect(apportionMatrix([[100, 1], [1, 100]], { rowTotals: [3, 3], columnTotals: [3, 3] })).toEqual([[3n, 0n], [0n, 3n]]);
    expect(apportionMatrix([[1, 1], [1, 1]], { rowTotals: [2, 2], columnTotals: [2, 2], min: 1 })).toEqual([[1n, 1n], [1n, 1n]]);
  });
});
