// rv20: target revisions and the Decembers a multi-year path passes through. Expected figures by hand.
import { describe, expect, it } from 'vitest';
import { waypointsNote } from '../../src/app/targets.js';
import type { AllocationResult } from '../../src/core/allocation/plan.js';
import type { BreakdownStage } from '../../src/core/milestones.js';
import { pathStages, targetForYear, type TargetPoint } from '../../src/core/targets.js';

const M = 1_000_000n;
// examples/series-2024-revised.csv: 2024 revised from 50 M to 52 M from 2024-07.
const revised2024: TargetPoint[] = [
  { year: 2023, target: 41_560_000n },
  { year: 2024, target: 50n * M },
  { year: 2024, target: 52n * M, from: '2024-07' },
  { year: 2026, target: 70n * M },
];
// rv20 F2's revd.csv: 2026 revised down from 70 M to 65.2 M from 2026-07.
const revised2026: TargetPoint[] = [
  { year: 2023, target: 41_560_000n },
  { year: 2024, target: 50n * M },
  { year: 2026, target: 70n * M },
  { year: 2026, target: 65_200_000n, from: '2026-07' },
];

describe('rv20 F2: a revision from after a December does not change that December', () => {
  it('the 2025 interpolated between 2024 and a 2026 revised from 2026-07 stays (50 M + 70 M) / 2 = 60,000,000, as of any month', () => {
    for (const asOf of [undefined, '2025-12', '2026-07', '2027-01']) {
      expect(targetForYear(revised2026, 2025, asOf), String(asOf)).toEqual({ target: 60n * M, interpolated: true, between: [2024, 2026] });
    }
    // Main gave (50 M + 65.2 M) / 2 = 57,600,000 as of 2026-07, "revised from 2026-07".
  });

  it('the revised year itself takes the revision from its month on', () => {
    expect(targetForYear(revised2026, 2026, '2026-06')?.target).toBe(70n * M);
    expect(targetForYear(revised2026, 2026, '2026-07')).toEqual({ target: 65_200_000n, interpolated: false, revision: '2026-07' });
  });

  it('a revision of an end point from a month up to the December does change an interpolated year', () => {
    // 2026 revised to 72 M from 2025-10: in December 2025 in force, so 2025 = (50 M + 72 M) / 2 = 61 M.
    const pts: TargetPoint[] = [...revised2026.slice(0, 3), { year: 2026, target: 72n * M, from: '2025-10' }];
    expect(targetForYear(pts, 2025, '2025-12')).toEqual({ target: 61n * M, interpolated: true, between: [2024, 2026], revision: '2025-10' });
    expect(targetForYear(pts, 2025, '2025-09')?.target).toBe(60n * M);
  });
});

describe('rv20 F1: the stages of a multi-year path take the revisions of the Decembers on the way', () => {
  it('--year 2026 from 2023-12 under the 2024 revision: a second stage from 2024-07 through 52 M and 61 M', () => {
    // December 2024: 52,000,000 in force from 2024-07; December 2025 interpolated (52 M + 70 M) / 2 = 61 M.
    expect(pathStages(revised2024, '2023-12', 2026)).toEqual([
      { target: 70n * M, waypoints: new Map([['2024-12', 50n * M], ['2025-12', 60n * M]]), revisions: new Map() },
      { from: '2024-07', target: 70n * M, waypoints: new Map([['2024-12', 52n * M], ['2025-12', 61n * M]]), revisions: new Map([['2024-12', '2024-07'], ['2025-12', '2024-07']]) },
    ]);
  });

  it('as of a month before the revision: the original stage only', () => {
    expect(pathStages(revised2024, '2023-12', 2026, '2024-06')).toHaveLength(1);
  });

  it('a revision from before the baseline month: its stage replaces the path from the start', () => {
    // From 2024-12 the only December on the way is 2025-12: (52 M + 70 M) / 2 = 61 M, in force since
    // 2024-07, before the baseline (phaseStages draws such a stage from the baseline).
    const s = pathStages(revised2024, '2024-12', 2026);
    expect(s?.map((x) => [x.from, x.waypoints.get('2025-12')])).toEqual([[undefined, 60n * M], ['2024-07', 61n * M]]);
  });

  it('a revision of the final year from after the Decembers on the way: their figures stay the first stage\'s', () => {
    const s = pathStages(revised2026, '2023-12', 2026)!;
    expect(s.map((x) => [x.from, x.target, x.waypoints.get('2025-12')])).toEqual([
      [undefined, 70n * M, 60n * M],
      ['2026-07', 65_200_000n, 60n * M], // before F2's rule: (50 M + 65.2 M) / 2 = 57,600,000
    ]);
  });
});

describe('rv20 F3: the waypoints note states the figures of the stage in force in each December', () => {
  // Two stages drawn by hand: the first through 50 M in 2024-12 and 60 M in 2025-12; a second from
  // 2025-03 whose figure for 2024-12 (already past when it starts) differs. The path's 2024-12 is the
  // first stage's, its 2025-12 the second's.
  const result = {} as AllocationResult;
  const stages: BreakdownStage[] = [
    { result, waypoints: new Map([['2024-12', 50n * M], ['2025-12', 60n * M]]) },
    { from: '2025-03', result, waypoints: new Map([['2024-12', 52n * M], ['2025-12', 61n * M]]), waypointRevisions: new Map([['2024-12', '2024-07'], ['2025-12', '2024-07']]) },
  ];
  const months: string[] = [];
  for (const y of [2024, 2025, 2026]) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
  const stage = months.map((m) => (m >= '2025-03' ? 1 : 0));

  it('50,000,000 in 2024-12 (stage 0 in force then), 61,000,000 in 2025-12 under the revision from 2024-07', () => {
    const n = waypointsNote(stages, '2023-12', 2026, { months, stage });
    expect(n).toEqual({ code: 'waypoints-national', year: 2026, passes: [{ month: '2024-12', total: 50_000_000 }, { month: '2025-12', total: 61_000_000, revised: '2024-07' }] });
    // Main listed the last stage's: 52,000,000 in 2024-12.
  });
});
