// rv14 5: a path over two years passes each unit through its own target of the December on the way
// (that year's breakdown), not only the national total. Expected milestones by hand.
import { describe, expect, it } from 'vitest';
import { phaseStages } from '../../src/core/phasing.js';

describe('phaseStages with unit targets for a December on the way', () => {
  it('each unit reaches its December-2024 target, then runs on to its 2025 target', () => {
    const path = phaseStages({
      baseline: [100n, 300n],
      from: '2023-12',
      year: 2025,
      stages: [{ targets: [136n, 312n], waypoints: new Map([['2024-12', 412n]]), unitWaypoints: new Map([['2024-12', [112n, 300n]]]) }],
      phasing: { kind: 'even' },
      method: 'webster',
    });
    if ('problem' in path) throw new Error(path.problem);
    const at = (m: string): bigint[] => path.units.map((u) => u[path.months.indexOf(m)]!);
    // 2024: unit 1 rises 12 over 12 months (1 a month), unit 2 stays: June 100 + 12 × 6/12 = 106.
    expect(at('2024-06')).toEqual([106n, 300n]);
    expect(at('2024-12')).toEqual([112n, 300n]);
    // 2025: from 112 and 300 to 136 and 312: June 112 + 24 × 6/12 = 124, 300 + 12 × 6/12 = 306.
    expect(at('2025-06')).toEqual([124n, 306n]);
    expect(at('2025-12')).toEqual([136n, 312n]);
    // Without the unit targets only the total passes 412 in December 2024, shared by each unit's whole
    // increase (36 and 12 of 48): unit 1 at 100 + 12 × 36/48 = 109, unit 2 at 300 + 3 = 303.
    const national = phaseStages({ baseline: [100n, 300n], from: '2023-12', year: 2025, stages: [{ targets: [136n, 312n], waypoints: new Map([['2024-12', 412n]]) }], phasing: { kind: 'even' }, method: 'webster' });
    if ('problem' in national) throw new Error(national.problem);
    expect(national.units.map((u) => u[national.months.indexOf('2024-12')]!)).toEqual([109n, 303n]);
  });

  it('a unit target on the way below the start is a problem, not a falling path', () => {
    const path = phaseStages({ baseline: [100n, 300n], from: '2023-12', year: 2025, stages: [{ targets: [136n, 312n], unitWaypoints: new Map([['2024-12', [90n, 322n]]]) }], phasing: { kind: 'even' }, method: 'webster' });
    expect(path).toMatchObject({ problem: 'below-start', unit: 0 });
  });
});

describe('rv18 F6: a revision whose unit targets on the way lie below where it starts', () => {
  // Baseline 100 and 300 (2023-12), year 2025. Stage 0: targets 136 and 312 through 412 in 2024-12.
  // Stage 1 from 2024-07 starts at June's milestones (406 in all; unit 1's at least its baseline 100),
  // with a December 2024 of 420 split 95 and 325: unit 1's 95 is below where the revision starts.
  const stage0 = { targets: [136n, 312n], waypoints: new Map([['2024-12', 412n]]) };
  const stage1 = { from: '2024-07', targets: [140n, 320n], waypoints: new Map([['2024-12', 420n]]), unitWaypoints: new Map([['2024-12', [95n, 325n]]]) };

  it('the revision is drawn through the national total alone, and says so, not refused', () => {
    const path = phaseStages({ baseline: [100n, 300n], from: '2023-12', year: 2025, stages: [stage0, stage1], phasing: { kind: 'even' }, method: 'webster' });
    if ('problem' in path) throw new Error(`${path.problem}`);
    expect(path.unitWaypointsSetAside).toEqual([1]);
    const nat = (m: string): bigint => path.national[path.months.indexOf(m)]!;
    // Stage 0 to June 2024: 400 + 12 × 6/12 = 406. Stage 1 from 406: 2024-12 at 420 (the anchor),
    // then to 460 in 2025-12: June 2025 420 + 40 × 6/12 = 440.
    expect(nat('2024-06')).toBe(406n);
    expect(nat('2024-09')).toBe(413n); // 406 + 14 × 3/6
    expect(nat('2024-12')).toBe(420n);
    expect(nat('2025-06')).toBe(440n);
    expect(path.units.map((u) => u[u.length - 1])).toEqual([140n, 320n]);
    for (const u of path.units) for (let k = 1; k < u.length; k++) expect(u[k]! >= u[k - 1]!).toBe(true);
    // The same stages without the unit targets give the same path.
    const national = phaseStages({ baseline: [100n, 300n], from: '2023-12', year: 2025, stages: [stage0, { ...stage1, unitWaypoints: undefined }], phasing: { kind: 'even' }, method: 'webster' });
    if ('problem' in national) throw new Error(national.problem);
    expect(path.units).toEqual(national.units);
    expect(national.unitWaypointsSetAside).toBeUndefined();
  });

  it('a revised final target below where the revision starts is still refused (unit 1: 101 < its June milestone, 100 + about 4.5)', () => {
    const path = phaseStages({ baseline: [100n, 300n], from: '2023-12', year: 2025, stages: [stage0, { ...stage1, targets: [101n, 359n] }], phasing: { kind: 'even' }, method: 'webster' });
    expect(path).toMatchObject({ problem: 'below-start', unit: 0, month: '2024-06' });
  });
});
