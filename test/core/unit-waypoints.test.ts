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
