// Monthly milestones: from a baseline month to the December target, for every unit, such that
//   - each month's unit milestones add up to that month's national milestone exactly,
//   - no unit's milestone ever goes down from one month to the next,
//   - the last month equals each unit's target.
// The national path is baseline + round(increase × cumulative share), the share being even (m/n) or
// from a profile of month weights. Each month is then one bounded allocation of the national increase
// so far: weights = each unit's own increase, lower bound = its milestone a month earlier.
//
// Example: baseline 100 and 300, targets 112 and 300, even over 12 months: unit 1 rises 1 a month.

import { allocate } from './apportion.js';
import { floorDiv } from './exact.js';
import type { MethodName } from './methods.js';

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

/** All months after `from` (YYYY-MM) up to and including December of `year`. */
export function monthsUntilDecember(from: string, year: number): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    if (y > year) break;
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}
