// rv26 F7 and F8 in the core: a group reported by regency one month and by its province row another
// (compared at the grain both months have), and a regency late under a province that reported (out of
// every month of its row's history). Values computed by hand.
import { describe, expect, it } from 'vitest';
import { grainSwitches, partPace, partSeries, partsOf, stillCovered } from '../../src/core/coverage/like-for-like.js';
import { planCoverage } from '../../src/core/coverage/plan.js';
import { atPeriod } from '../../src/core/table.js';
import { tableOf } from '../support/tables.js';

const S = '\u0000';
const N = '\u0001'; // a part key's mark for "not split by this dimension"

// Gorontalo by regency in 2024-08 (58,885 + 32,118 = 91,003), by its province row in 2024-09 (92,000);
// Maluku by province both months.
const rows: Record<string, string | number>[] = [
  { period: '2024-08', province: 'Gorontalo', regency: 'Kota Gorontalo', participants: 58_885 },
  { period: '2024-08', province: 'Gorontalo', regency: 'Kabupaten Boalemo', participants: 32_118 },
  { period: '2024-08', province: 'Maluku', participants: 154_625 },
  { period: '2024-09', province: 'Gorontalo', participants: 92_000 },
  { period: '2024-09', province: 'Maluku', participants: 155_000 },
];

describe('grainSwitches and stillCovered', () => {
  const t = tableOf(rows);
  const fine = ['province', 'regency'];
  const aug = partsOf(atPeriod(t, '2024-08'), ['province'], fine);
  const sep = partsOf(atPeriod(t, '2024-09'), ['province'], fine);

  it('names the group and the position it is compared without', () => {
    expect([...aug].sort()).toEqual([`Gorontalo${S}Kabupaten Boalemo`, `Gorontalo${S}Kota Gorontalo`, `Maluku${S}${N}`]);
    const c = grainSwitches(aug, sep, ['province']);
    expect(c && [...c].map(([g, at]) => [g, [...at]])).toEqual([['Gorontalo', [1]]]);
    // Nothing switched between a month and itself.
    expect(grainSwitches(aug, aug, ['province'])).toBeUndefined();
  });

  it('an earlier regency is covered by the province row now; a regency late under regency rows is not', () => {
    const gone = { keys: [`Gorontalo${S}Kota Gorontalo`, `Gorontalo${S}Kabupaten Boalemo`], labels: ['Gorontalo / Kota Gorontalo', 'Gorontalo / Kabupaten Boalemo'], periods: ['2024-08', '2024-08'] };
    expect(stillCovered(gone, sep, ['province']).keys).toEqual([]);
    const lateUnderRegencies = new Set([`Gorontalo${S}Kabupaten Boalemo`, `Maluku${S}${N}`]);
    expect(stillCovered({ keys: [gone.keys[0]!], labels: [gone.labels[0]!], periods: ['2024-08'] }, lateUnderRegencies, ['province']).labels).toEqual(['Gorontalo / Kota Gorontalo']);
  });

  it("partSeries merges the group's parts, so its pace is the province's change: 92,000 − 91,003 = 997", () => {
    const series = partSeries([t], ['province'], fine, ['2024-08', '2024-09']);
    const g = series.get('Gorontalo')!;
    expect([...g.values()]).toEqual([[91_003, 92_000]]);
    expect(partPace(['2024-08', '2024-09'], g.values(), 3)).toEqual({ change: 997, months: 1, from: '2024-08' });
  });

  it('planCoverage: the change is 997 for Gorontalo and 997 + 375 = 1,372 for the Total, with a note and no missing part', () => {
    const r = planCoverage({ current: t }, { grain: ['province'], atRiskMargin: 0.05 });
    const change = (name: string) => r.rows.find((x) => x.keys[0] === name || (name === 'Total' && x.level === 'total'))!.metrics.change;
    expect(change('Gorontalo')).toBe(997);
    expect(change('Total')).toBe(1_372);
    expect(r.notes.map((n) => n.code)).toContain('grain-changed');
    expect(r.notes.map((n) => n.code)).not.toContain('missing-in-period');
  });
});

describe('a late regency is out of every month of its row (F8)', () => {
  it("Gorontalo's series is over the regencies reported now; the change equals the series' last step", () => {
    const t = tableOf([
      { period: '2024-07', province: 'Gorontalo', regency: 'Kota Gorontalo', participants: 58_000 },
      { period: '2024-08', province: 'Gorontalo', regency: 'Kota Gorontalo', participants: 58_885 },
      { period: '2024-07', province: 'Gorontalo', regency: 'Kabupaten Boalemo', participants: 32_000 },
      { period: '2024-08', province: 'Gorontalo', regency: 'Kabupaten Boalemo', participants: 32_118 },
      { period: '2024-09', province: 'Gorontalo', regency: 'Kabupaten Boalemo', participants: 32_200 },
    ]);
    const r = planCoverage({ current: t }, { grain: ['province'], atRiskMargin: 0.05 });
    const g = r.rows.find((x) => x.keys[0] === 'Gorontalo')!;
    // Boalemo alone: 32,000, 32,118, 32,200 (main: 90,000, 91,003, 32,200); change 82.
    expect(g.story?.series).toEqual([32_000, 32_118, 32_200]);
    expect(g.metrics.change).toBe(82);
  });
});
