// rv24's findings on the library (G8, G3, G4), through the package's public entry. Numbers by hand.
import { describe, expect, it } from 'vitest';
import { apportion, apportionMatrix, describeError, describeNote, planBreakdown, planCoverage } from '../../src/index.js';
import { tableOf } from '../support/tables.js';

// June: A 120 participants of 200 potential workers (60 %), B 60 of 100 (60 %).
const june = () =>
  tableOf([
    { period: '2024-06', province: 'A', participants: 120, potential_workers: 200 },
    { period: '2024-06', province: 'B', participants: 60, potential_workers: 100 },
  ]);

describe('planCoverage and its denominator (rv24 G8)', () => {
  it('without a denominator takes the table’s own column, as coverage does (was: "the input has no denominator column", no coverage)', () => {
    const r = planCoverage({ current: june() }, { grain: ['province'], atRiskMargin: 0.05 });
    expect(r.denominator).toBe('potential_workers');
    expect(r.denominatorFrom).toBe('input');
    expect(r.rows[0]!.metrics.coverage).toBeCloseTo(120 / 200, 12);
    expect(r.notes.map((n) => describeNote(n))).not.toContainEqual(expect.stringContaining('no denominator column'));
  });

  it('a denominator neither the table nor the denominators have is a RangeError naming the figures it has', () => {
    for (const d of ['employed', 'potential_worker']) {
      expect(() => planCoverage({ current: june() }, { grain: ['province'], atRiskMargin: 0.05, denominator: d })).toThrow(
        new RangeError(`denominator "${d}": neither the table nor the denominators have such a column (the table's figures: participants, potential_workers); leave it out to use the table's own (workforce, employed, potential_workers)`),
      );
    }
  });

  it('a denominator of the denominators table is used from there', () => {
    const counts = tableOf([{ period: '2024-06', province: 'A', participants: 120 }]);
    const den = tableOf([{ period: '2024-06', province: 'A', employed: 300 }]);
    const r = planCoverage({ current: counts, denominators: den }, { grain: ['province'], atRiskMargin: 0.05, denominator: 'employed' });
    expect(r.denominatorFrom).toBe('denominators');
    expect(r.rows[0]!.metrics.coverage).toBeCloseTo(120 / 300, 12);
    // none named: the denominators table's own column, as coverage takes the bundled baseline's
    expect(planCoverage({ current: counts, denominators: den }, { grain: ['province'], atRiskMargin: 0.05 }).denominator).toBe('employed');
  });
});

describe('describeError knows apportion’s, apportionMatrix’s and the planners’ argument errors (rv24 G3)', () => {
  const caught = (f: () => unknown): unknown => {
    try {
      f();
    } catch (e) {
      return e;
    }
    throw new Error('no error');
  };

  it('InfeasibleAllocationError: the bounds 2 × 3 = 6 below the total 10, in English and Indonesian (was: undefined)', () => {
    const e = caught(() => apportion([1, 1], 10, { max: 3 }));
    expect(describeError(e)).toBe('error: the upper bounds add up to only 6, below the total 10\n  hint: lower the total, or raise the upper bounds (max)');
    expect(describeError(e, 'id')).toBe('error: batas atas hanya berjumlah 6, di bawah total 10\n  hint: turunkan total, atau naikkan batas atas (max)');
    expect(describeError(caught(() => apportion([1, 1], -1)), 'id')).toBe('error: total -1 negatif\n  hint: berikan total 0 atau lebih');
    expect(describeError(caught(() => apportion([1, 1], 1, { min: 1 })), 'id')).toMatch(/^error: batas bawah sudah berjumlah 2, di atas total 1\n/);
  });

  it('InfeasibleMatrixError: row totals 10, column totals 2', () => {
    const e = caught(() => apportionMatrix([[1, 1], [1, 1]], { rowTotals: [5, 5], columnTotals: [1, 1] }));
    expect(describeError(e)).toMatch(/^error: the row totals add up to 10 but the column totals to 2\n {2}hint: /);
    expect(describeError(e, 'id')).toMatch(/^error: total baris berjumlah 10 tetapi total kolom 2\n {2}hint: /);
  });

  it('the planners’ RangeErrors: an unknown method, a denominator the table lacks', () => {
    expect(describeError(caught(() => apportion([1, 1], 2, { method: 'nope' as never })), 'id')).toMatch(/^error: metode "nope" tidak dikenal \(metode: /);
    const e = caught(() => planCoverage({ current: june() }, { grain: ['province'], atRiskMargin: 0.05, denominator: 'employed' }));
    expect(describeError(e)).toMatch(/^error: denominator "employed": neither the table/);
    expect(describeError(e, 'id')).toMatch(/^error: penyebut "employed": tabel maupun tabel penyebut tidak memiliki kolom itu \(angka tabel: participants, potential_workers\)/);
    const rule = { lower: { kind: 'default' }, upper: { kind: 'default' }, method: 'webster' } as const;
    const b = caught(() => planBreakdown({ total: { value: 300n, source: 'test' }, shape: { kind: 'flat', dim: 'regency' }, rule }, june()));
    expect(describeError(b, 'id')).toMatch(/^error: tabel tidak memiliki kolom kunci "regency"/);
  });

  it('a RangeError the library did not make (a bug) stays undescribed', () => {
    expect(describeError(new RangeError('Maximum call stack size exceeded'))).toBeUndefined();
  });
});
