// Completeness and like for like on the rows as loaded (core/coverage/like-for-like.ts, and planCoverage
// over it). Values computed by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fineDims, lastSeenParts, nameAsGroups, partPace } from '../../src/core/coverage/like-for-like.js';
import { CoverageError, planCoverage } from '../../src/core/coverage/plan.js';
import { paceOf } from '../../src/core/coverage/trend.js';
import { tableOf } from '../support/tables.js';

const M = ['2024-03', '2024-04', '2024-05', '2024-06'];

describe('partPace: the change of the parts reported at both ends', () => {
  it('a part not reported now is left out of the change (Kalimantan Utara late in June)', () => {
    const parts = [
      [759_270, 769_270, 779_270, 789_270],
      [695_023, 698_023, 701_023, 704_023],
      [658_862, 666_862, 674_862, 682_862],
      [1_329_233, 1_331_233, 1_333_233, 1_335_233],
      [248_948, 249_948, 250_948, null],
    ];
    // (789,270 − 759,270) + (704,023 − 695,023) + (682,862 − 658,862) + (1,335,233 − 1,329,233) = 69,000
    expect(partPace(M, parts, 3)).toEqual({ change: 69_000, months: 3, from: '2024-03' });
  });

  it('a part new in the window counts from where it and the others were both reported', () => {
    // B first reported in April: the window starts in March with A alone (A's change only).
    expect(partPace(M, [[100, 110, 120, 130], [null, 50, 55, 60]], 3)).toEqual({ change: 30, months: 3, from: '2024-03' });
    // Nothing of now's parts in the window's months: no pace.
    expect(partPace(M, [[100, 110, 120, null], [null, null, null, 60]], 3)).toBeNull();
  });

  it('every part at both ends: the same pace as the group’s own series (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 4 }), (parts, window) => {
        const sums = M.map((_, i) => parts.reduce((a, p) => a + p[i]!, 0));
        expect(partPace(M, parts, window)).toEqual(paceOf(M, sums, window));
      }),
    );
  });
});

describe('who reported, on the rows as loaded', () => {
  const rows = [
    { period: '2024-05', province: 'Gorontalo', regency: 'Boalemo', participants: 24_166 },
    { period: '2024-05', province: 'Gorontalo', regency: 'Kota Gorontalo', participants: 80_454 },
    { period: '2024-05', province: 'Aceh', regency: 'Simeulue', participants: 10_000 },
    { period: '2024-06', province: 'Gorontalo', regency: 'Boalemo', participants: 24_410 },
  ];

  it('the parts are told apart by every column but the period', () => {
    expect(fineDims([tableOf(rows)], ['province'])).toEqual(['province', 'regency']);
  });

  it('a part of a group still here is named under it; a group gone whole by its own name', () => {
    const t = tableOf(rows);
    const here = new Set(['Gorontalo\u0000Boalemo']);
    const gone = lastSeenParts([{ table: t }], ['province'], ['province', 'regency'], '2024-06').gone((k) => here.has(k));
    expect(gone.labels).toEqual(['Gorontalo / Kota Gorontalo', 'Aceh / Simeulue']);
    expect(gone.periods).toEqual(['2024-05', '2024-05']);
    expect(nameAsGroups(gone.keys, ['province'], (k) => k.replace('\u0000', ' / '), (g) => g === 'Gorontalo', (g) => g)).toEqual(['Gorontalo / Kota Gorontalo', 'Aceh']);
    // Only the parts of the groups asked for: Aceh's are not looked at.
    expect(lastSeenParts([{ table: t }], ['province'], ['province', 'regency'], '2024-06', new Set(['Gorontalo'])).gone((k) => here.has(k)).labels).toEqual(['Gorontalo / Kota Gorontalo']);
  });

  it('planCoverage by province: the change is over Boalemo (24,410 − 24,166), both missing areas named', () => {
    const r = planCoverage({ current: tableOf(rows) }, { grain: ['province'], atRiskMargin: 0.05 });
    expect(r.rows.find((x) => x.level === 'total')!.metrics.change).toBe(244);
    expect(r.likeForLike).toEqual({ both: 1, missing: ['Gorontalo / Kota Gorontalo', 'Aceh'], added: [], parts: ['province', 'regency'] });
    // Groups gone whole first, by their own name; then the parts of the groups still here.
    expect(r.notes.find((n) => n.code === 'missing-in-period')).toMatchObject({ areas: ['Aceh', 'Gorontalo / Kota Gorontalo'], lastSeen: ['2024-05', '2024-05'] });
  });

  it('a month in the input and in --previous: refused, with a row of each', () => {
    const previous = tableOf([{ period: '2024-05', province: 'Gorontalo', regency: 'Boalemo', participants: 24_000 }]);
    expect(() => planCoverage({ current: tableOf(rows), previous }, { grain: ['province'], atRiskMargin: 0.05 })).toThrow(CoverageError);
    try {
      planCoverage({ current: tableOf(rows), previous }, { grain: ['province'], atRiskMargin: 0.05 });
    } catch (e) {
      expect((e as CoverageError).problem).toMatchObject({ kind: 'month-given-twice', period: '2024-05', input: { line: 2 }, previous: { line: 2 } });
    }
  });
});
