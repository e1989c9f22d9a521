// rv24's findings on the library (G8, G3, G4), through the package's public entry. Numbers by hand.
import { describe, expect, it } from 'vitest';
import { describeNote, planCoverage } from '../../src/index.js';
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
