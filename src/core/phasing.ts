// Monthly milestones: from a baseline month to the December target, for every unit, such that
//   - each month's unit milestones add up to that month's national milestone exactly,
//   - no unit's milestone ever goes down from one month to the next,
//   - the last month equals each unit's target.
// The national path is baseline + round(increase × cumulative share), the share being even (m/n) or
// from a profile of month weights. Each month is then one bounded allocation of the national increase
// so far: weights = each unit's own increase, lower bound = its milestone a month earlier.
//
// Example: baseline 100 and 300, targets 112 and 300, even over 12 months: unit 1 rises 1 a month.

import { allocate } from './allocation/apportion.js';
import { floorDiv } from './allocation/exact.js';
import type { MethodName } from './allocation/methods.js';
import { monthsUntilDecember, periodMonth, type Period } from './calendar.js';

export interface PhasingInput {
  readonly baseline: readonly bigint[];
  readonly targets: readonly bigint[];
  /** Month weights, one per month in the span (even phasing: all 1). */
  readonly weights: readonly number[];
  readonly method: MethodName;
}

export interface PhasingResult {
  /** national[m] for m = 1..n (index m−1). */
  readonly national: bigint[];
  /** units[i][m−1]. */
  readonly units: bigint[][];
}

export function phaseMilestones(input: PhasingInput): PhasingResult {
  const n = input.weights.length;
  const k = input.baseline.length;
  if (input.targets.length !== k) throw new RangeError('baseline and targets differ in length');
  for (let i = 0; i < k; i++) {
    if (input.targets[i]! < input.baseline[i]!) {
      throw new RangeError(`unit ${i + 1}: the target ${input.targets[i]} is below the baseline ${input.baseline[i]}; milestones cannot rise to it`);
    }
  }
  const B = input.baseline.reduce((a, b) => a + b, 0n);
  const T = input.targets.reduce((a, b) => a + b, 0n);
  // Month weights as integers (scaled by 10^6 to keep decimals such as 0.083 exact enough and stable).
  const w = input.weights.map((x) => {
    if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError('month weights must be non-negative numbers');
    return BigInt(Math.round(x * 1e6));
  });
  const W = w.reduce((a, b) => a + b, 0n);
  if (W === 0n) throw new RangeError('the month weights add up to zero');
  const increase = T - B;
  const increments = input.targets.map((t, i) => t - input.baseline[i]!);
  const national: bigint[] = [];
  const units: bigint[][] = input.baseline.map(() => []);
  let cumulative = 0n;
  let previous = input.baseline.map(() => 0n);
  for (let m = 0; m < n; m++) {
    cumulative += w[m]!;
    const soFar = m === n - 1 ? increase : floorDiv(2n * increase * cumulative + W, 2n * W);
    national.push(B + soFar);
    const res = allocate({ total: soFar, weights: increments, lower: previous, upper: increments, method: input.method });
    previous = res.values;
    res.values.forEach((v, i) => units[i]!.push(input.baseline[i]! + v));
  }
  return { national, units };
}

/** How the year's increase is spread over its months: evenly, or by a profile of month weights. */
export type Phasing =
  | { readonly kind: 'even' }
  | {
      readonly kind: 'profile';
      /** Weight by calendar month ('1'–'12') or by period ('2024-06'). */
      readonly weights: ReadonlyMap<string, number>;
      readonly source: string;
    };

/** The weight of each month, from the phasing; undefined names the first month the profile lacks. */
export function monthWeights(months: readonly Period[], phasing: Phasing): number[] | { missing: Period } {
  if (phasing.kind === 'even') return months.map(() => 1);
  const out: number[] = [];
  for (const m of months) {
    const w = phasing.weights.get(m) ?? phasing.weights.get(String(periodMonth(m)));
    if (w === undefined) return { missing: m };
    out.push(w);
  }
  return out;
}

export interface PathInput {
  readonly baseline: readonly bigint[];
  readonly targets: readonly bigint[];
  /** The baseline month; the path runs from the month after it to December of `year`. */
  readonly from: Period;
  readonly year: number;
  readonly weights: readonly number[];
  readonly method: MethodName;
}

/**
 * Milestones from a baseline month to December: the one function behind `breakdown --months` and the
 * milestones of `coverage`, so the two always agree.
 * Example: baseline 2023-12, year 2024 → 12 months, 2024-01 … 2024-12, the last equal to the targets.
 */
export function phaseToDecember(input: PathInput): { months: Period[]; national: bigint[]; units: bigint[][] } {
  const months = monthsUntilDecember(input.from, input.year);
  if (input.weights.length !== months.length) throw new RangeError('one weight per month');
  const phased = phaseMilestones({ baseline: input.baseline, targets: input.targets, weights: input.weights, method: input.method });
  return { months, ...phased };
}
