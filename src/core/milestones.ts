// Milestones of a breakdown: each unit's path from today (the baseline month) to its December target,
// by the one phasing function that coverage uses too. A revised target is one more stage: the months
// before it keep their milestones, the rest of the path goes to the new targets.

import type { AllocationResult } from './allocation/plan.js';
import type { Period } from './calendar.js';
import { phaseStages, type PathProblem, type Phasing, type StagedPath } from './phasing.js';

export type Milestones = StagedPath;

/** One stage of a breakdown: its result (the same units, another total), in force from a month on. */
export interface BreakdownStage {
  readonly from?: Period;
  readonly result: AllocationResult;
  /** National totals to pass through (the series' own Decembers on the way), national breakdowns only. */
  readonly waypoints?: ReadonlyMap<Period, bigint>;
}

export type MilestoneProblem = Exclude<PathProblem, { problem: 'below-start' }> | { readonly problem: 'below-start'; readonly unit: string; readonly month?: Period };

/**
 * Example: a 2023-12 baseline and year 2024 give 12 months, the last equal to every unit's target; with
 * a second stage from 2024-07, January–June are the first stage's and July–December lead to the second's.
 */
export function breakdownMilestones(stages: readonly BreakdownStage[], from: Period, year: number, phasing: Phasing): Milestones | MilestoneProblem {
  const first = stages[0]!.result;
  const path = phaseStages({
    baseline: first.units.map((u) => BigInt(u.participants ?? 0)),
    from,
    year,
    stages: stages.map((s) => ({ from: s.from, targets: s.result.units.map((u) => u.target), waypoints: s.waypoints })),
    phasing,
    method: first.method,
  });
  if ('problem' in path && path.problem === 'below-start') return { problem: 'below-start', unit: first.units[path.unit]!.labels.join(' / '), ...(path.month ? { month: path.month } : {}) };
  return path;
}
