// Milestones of a breakdown: each unit's path from today (the baseline month) to its December target,
// by the one phasing function that coverage uses too.

import type { AllocationResult } from './allocation/plan.js';
import { monthsUntilDecember, type Period } from './calendar.js';
import { monthWeights, phaseToDecember, type Phasing } from './phasing.js';

export interface Milestones {
  readonly months: readonly Period[];
  readonly national: readonly bigint[];
  readonly units: readonly (readonly bigint[])[];
}

/** Example: a 2023-12 baseline and year 2024 give 12 months, the last equal to every unit's target. */
export function breakdownMilestones(result: AllocationResult, from: Period, year: number, phasing: Phasing): Milestones | { problem: 'no-months' | 'below-today' | 'profile-month' | 'profile-zero'; unit?: string; month?: Period } {
  const months = monthsUntilDecember(from, year);
  if (!months.length) return { problem: 'no-months' };
  const below = result.units.find((u) => u.participants !== null && u.target < BigInt(u.participants));
  if (below) return { problem: 'below-today', unit: below.labels.join(' / ') };
  const weights = monthWeights(months, phasing);
  if (!Array.isArray(weights)) return { problem: 'profile-month', month: weights.missing };
  if (!weights.some((w) => w > 0)) return { problem: 'profile-zero' };
  return phaseToDecember({ baseline: result.units.map((u) => BigInt(u.participants ?? 0)), targets: result.units.map((u) => u.target), from, year, weights, method: result.method });
}
