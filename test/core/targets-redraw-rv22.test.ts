// rv22 G1: a stage of a multi-year path redraws only from the first December on the way it changes.
// Expected figures by hand.
import { describe, expect, it } from 'vitest';
import { phaseStages } from '../../src/core/phasing.js';
import { pathStages, type TargetPoint } from '../../src/core/targets.js';

const M = 1_000_000n;
// rv22 S9: 2025 revised from 60 M to 63 M from 2024-05; 2024 stays 50 M.
const S9: TargetPoint[] = [
  { year: 2023, target: 41_560_000n },
  { year: 2024, target: 50n * M },
  { year: 2025, target: 60n * M },
  { year: 2025, target: 63n * M, from: '2024-05' },
  { year: 2026, target: 70n * M },
];

describe('rv22 G1: pathStages says where a stage starts to redraw', () => {
  it('2025 revised from 2024-05: the stage keeps December 2024 (50 M in both) and redraws from 2025-01', () => {
    expect(pathStages(S9, '2023-12', 2026)).toEqual([
      { target: 70n * M, waypoints: new Map([['2024-12', 50n * M], ['2025-12', 60n * M]]), revisions: new Map() },
      { from: '2024-05', redrawFrom: '2025-01', target: 70n * M, waypoints: new Map([['2024-12', 50n * M], ['2025-12', 63n * M]]), revisions: new Map([['2025-12', '2024-05']]) },
    ]);
  });

  it('2026 revised to 74 M from 2024-09 (S5): December 2024 kept, 2025 (50 M + 74 M) / 2 = 62 M from 2025-01', () => {
    const S5: TargetPoint[] = [S9[0]!, S9[1]!, { year: 2026, target: 70n * M }, { year: 2026, target: 74n * M, from: '2024-09' }];
    const stages = pathStages(S5, '2023-12', 2026)!;
    expect(stages[1]).toMatchObject({ from: '2024-09', redrawFrom: '2025-01', target: 74n * M });
    expect(stages[1]!.waypoints.get('2025-12')).toBe(62n * M);
  });

  it('a revision that changes the first December on the way redraws from its own month (no redrawFrom)', () => {
    const revised2024: TargetPoint[] = [S9[0]!, S9[1]!, { year: 2024, target: 52n * M, from: '2024-07' }, { year: 2026, target: 70n * M }];
    expect(pathStages(revised2024, '2023-12', 2026)![1]).not.toHaveProperty('redrawFrom');
  });

  it('a revision from before the baseline month replaces the path from the start (no redrawFrom)', () => {
    expect(pathStages(S9, '2024-06', 2026)![1]).not.toHaveProperty('redrawFrom');
  });
});

describe('rv22 G1: phaseStages keeps the months up to redrawFrom', () => {
  it('one unit 100 → 200 in December 2024 → 300, revised to 324 from 2024-05 with December 2024 kept', () => {
    const path = phaseStages({
      baseline: [100n],
      from: '2023-12',
      year: 2025,
      stages: [
        { targets: [300n], waypoints: new Map([['2024-12', 200n]]) },
        { from: '2024-05', redrawFrom: '2025-01', targets: [324n], waypoints: new Map([['2024-12', 200n]]) },
      ],
      phasing: { kind: 'even' },
      method: 'webster',
    });
    if ('problem' in path) throw new Error(path.problem);
    // 2024 by hand: 100 + round(100 × k/12): May 141.67 → 142 (restarted at April's 133 it was 133 +
    // round(67 × 1/8 = 8.375) = 141), August 166.67 → 167; 2025: 200 + round(124 × k/12), June 262.
    expect(path.units[0]!.slice(0, 12)).toEqual([108n, 117n, 125n, 133n, 142n, 150n, 158n, 167n, 175n, 183n, 192n, 200n]);
    expect(path.units[0]![17]).toBe(262n);
    expect(path.units[0]![23]).toBe(324n);
    // The months up to December 2024 are the first stage's; the start at the month before `from` stays
    // where the revision's from_milestone is read.
    expect(path.stage).toEqual([...new Array<number>(12).fill(0), ...new Array<number>(12).fill(1)]);
    expect(path.starts).toEqual([{ month: '2024-04', values: [133n] }]);
  });
});
