// rv20: target revisions and the Decembers a multi-year path passes through. Expected figures by hand.
import { describe, expect, it } from 'vitest';
import { pathStages, type TargetPoint } from '../../src/core/targets.js';

const M = 1_000_000n;
// examples/series-2024-revised.csv: 2024 revised from 50 M to 52 M from 2024-07.
const revised2024: TargetPoint[] = [
  { year: 2023, target: 41_560_000n },
  { year: 2024, target: 50n * M },
  { year: 2024, target: 52n * M, from: '2024-07' },
  { year: 2026, target: 70n * M },
];

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
});
