// Monthly milestones: from a starting month to the December target, for every unit, such that
//   - each month's unit milestones add up to that month's national milestone exactly,
//   - no unit's milestone ever goes down from one month to the next,
//   - the last month equals each unit's target,
//   - the national path passes through the anchors it is given (the series' own Decembers on the way
//     to a later year: 50,000,000 in December 2024 on the way to 70,000,000 in December 2026).
// The national path between two anchors is start + round(increase × cumulative share), the share being
// even (m/n) or from a profile of month weights. Each month is then one bounded allocation of the
// national increase so far: weights = each unit's own increase, lower bound = its milestone a month
// earlier.
//
// A revised target re-phases from its month: the months before it keep the path they had, and the rest
// of the path runs from the last milestone kept to the new target (`phaseStages`).
//
// Example: baseline 100 and 300, targets 112 and 300, even over 12 months: unit 1 rises 1 a month.

import { allocate } from './allocation/apportion.js';
import { floorDiv } from './allocation/exact.js';
import type { MethodName } from './allocation/methods.js';
import { addMonths, monthsBetween, monthsUntilDecember, periodMonth, periodYear, type Period } from './calendar.js';

export interface PhasingInput {
  readonly baseline: readonly bigint[];
  readonly targets: readonly bigint[];
  /** Month weights, one per month in the span (even phasing: all 1). */
  readonly weights: readonly number[];
  readonly method: MethodName;
  /** National totals the path must pass through, by month index (1 = the first month of the span). */
  readonly anchors?: ReadonlyMap<number, bigint>;
}

export interface PhasingResult {
  /** national[m] for m = 1..n (index m−1). */
  readonly national: bigint[];
  /** units[i][m−1]. */
  readonly units: bigint[][];
}

/** Why a path cannot be drawn, as data (the words are in report/). */
export type PathProblem =
  | { readonly problem: 'no-months' }
  /**
   * A unit's target below where its path starts (`reached`), and the whole's (`total`, `reachedTotal`):
   * a whole below its path is the revision's own fault, not the first unit's (rv27: "Aceh" for a national cut).
   */
  | { readonly problem: 'below-start'; readonly unit: number; readonly month?: Period; readonly target: bigint; readonly reached: bigint; readonly total: bigint; readonly reachedTotal: bigint }
  | { readonly problem: 'profile-month'; readonly month: Period }
  | { readonly problem: 'profile-zero'; readonly month?: Period }
  | { readonly problem: 'anchor-outside'; readonly month: Period; readonly value: bigint; readonly low: bigint; readonly high: bigint };

function scaledWeights(weights: readonly number[]): bigint[] {
  // Month weights as integers (scaled by 10^6 to keep decimals such as 0.083 exact enough and stable).
  return weights.map((x) => {
    if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError('month weights must be non-negative numbers');
    return BigInt(Math.round(x * 1e6));
  });
}

/**
 * The national path from `start` to `end` over n months, through the anchors (index → value), each
 * piece phased by the weights of its months. Returns undefined for a piece whose weights add up to 0.
 */
export function nationalPath(start: bigint, end: bigint, weights: readonly number[], anchors?: ReadonlyMap<number, bigint>): { path: bigint[] } | { zeroAt: number } {
  const n = weights.length;
  const w = scaledWeights(weights);
  const points: [number, bigint][] = [[0, start]];
  for (const [k, v] of [...(anchors ?? new Map<number, bigint>())].sort((a, b) => a[0] - b[0])) if (k > 0 && k < n) points.push([k, v]);
  points.push([n, end]);
  const path: bigint[] = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const [a, A] = points[p]!;
    const [b, B] = points[p + 1]!;
    let W = 0n;
    for (let m = a; m < b; m++) W += w[m]!;
    if (W === 0n) return { zeroAt: b };
    const increase = B - A;
    let cumulative = 0n;
    for (let m = a; m < b; m++) {
      cumulative += w[m]!;
      path.push(m === b - 1 ? B : A + floorDiv(2n * increase * cumulative + W, 2n * W));
    }
  }
  return { path };
}

export function phaseMilestones(input: PhasingInput): PhasingResult {
  const k = input.baseline.length;
  if (input.targets.length !== k) throw new RangeError('baseline and targets differ in length');
  for (let i = 0; i < k; i++) {
    if (input.targets[i]! < input.baseline[i]!) {
      throw new RangeError(`unit ${i + 1}: the target ${input.targets[i]} is below the baseline ${input.baseline[i]}; milestones cannot rise to it`);
    }
  }
  const B = input.baseline.reduce((a, b) => a + b, 0n);
  const T = input.targets.reduce((a, b) => a + b, 0n);
  for (const [m, v] of input.anchors ?? []) {
    if (v < B || v > T) throw new RangeError(`the anchor ${v} of month ${m} is outside ${B}–${T}`);
  }
  const national = nationalPath(B, T, input.weights, input.anchors);
  if ('zeroAt' in national) throw new RangeError('the month weights add up to zero');
  // An anchor can make the path fall (50 M in December, 49 M the next): keep it from going down.
  const increments = input.targets.map((t, i) => t - input.baseline[i]!);
  const units: bigint[][] = input.baseline.map(() => []);
  let previous = input.baseline.map(() => 0n);
  let floor = B;
  const out: bigint[] = [];
  for (const v of national.path) {
    if (v < floor) throw new RangeError(`the national path falls from ${floor} to ${v}`);
    floor = v;
    out.push(v);
    const res = allocate({ total: v - B, weights: increments, lower: previous, upper: increments, method: input.method });
    previous = res.values;
    res.values.forEach((x, i) => units[i]!.push(input.baseline[i]! + x));
  }
  return { national: out, units };
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
  /** National totals to pass through, by month (e.g. the series' Decembers on the way). */
  readonly waypoints?: ReadonlyMap<Period, bigint>;
}

/**
 * Milestones from a baseline month to December: the one function behind `breakdown --months` and the
 * milestones of `coverage`, so the two always agree.
 * Example: baseline 2023-12, year 2024 → 12 months, 2024-01 … 2024-12, the last equal to the targets.
 */
export function phaseToDecember(input: PathInput): { months: Period[]; national: bigint[]; units: bigint[][] } {
  const months = monthsUntilDecember(input.from, input.year);
  if (input.weights.length !== months.length) throw new RangeError('one weight per month');
  const anchors = new Map<number, bigint>();
  for (const [p, v] of input.waypoints ?? []) {
    const k = monthsBetween(input.from, p);
    if (k > 0 && k < months.length) anchors.set(k, v);
  }
  const phased = phaseMilestones({ baseline: input.baseline, targets: input.targets, weights: input.weights, method: input.method, anchors });
  return { months, ...phased };
}

/** One stage of a path: targets in force from a month on (the first stage: from the baseline). */
export interface PathStage {
  /** The first month of the stage; undefined for the first stage. */
  readonly from?: Period;
  readonly targets: readonly bigint[];
  readonly waypoints?: ReadonlyMap<Period, bigint>;
  /**
   * Each unit's target for a December on the way (the year's own breakdown, under the same rule): the
   * path passes through them, unit by unit, so a province's December 2024 on the way to 2026 is its
   * 2024 target. Each must lie between the unit's start and its target (the caller checks).
   */
  readonly unitWaypoints?: ReadonlyMap<Period, readonly bigint[]>;
  /**
   * The first month the stage redraws, when later than `from`: the months before it keep the earlier
   * stage's path (the Decembers on the way up to it keep their targets; rv22 G1).
   */
  readonly redrawFrom?: Period;
}

export interface StagedPath {
  readonly months: Period[];
  readonly national: bigint[];
  readonly units: bigint[][];
  /** The stage in force in each month. */
  readonly stage: number[];
  /**
   * For each stage after the first: the month before its `from` and each unit's milestone there (where
   * it starts, or, with `redrawFrom`, the milestones it keeps up to then).
   */
  readonly starts: readonly { readonly month: Period; readonly values: readonly bigint[] }[];
  /**
   * The stages whose unit waypoints could not be passed through (a unit's December target below where
   * its piece starts): drawn through the national waypoints alone. Undefined when none.
   */
  readonly unitWaypointsSetAside?: readonly number[];
}

/**
 * The path of a target that is revised along the way: stage 0 runs from the baseline; stage k takes
 * over from its month, starting from the milestones of the month before it (what was reached stays).
 * Example: 50 M for 2024 from 2023-12, revised to 52 M from 2024-07: January–June as before, July–
 * December from June's milestones to 52 M.
 */
export function phaseStages(input: {
  readonly baseline: readonly bigint[];
  readonly from: Period;
  readonly year: number;
  readonly stages: readonly PathStage[];
  readonly phasing: Phasing;
  readonly method: MethodName;
}): StagedPath | PathProblem {
  const all = monthsUntilDecember(input.from, input.year);
  if (!all.length) return { problem: 'no-months' };
  const units: bigint[][] = input.baseline.map(() => []);
  const national: bigint[] = [];
  const stage: number[] = [];
  const starts: { month: Period; values: bigint[] }[] = [];
  const setAside: number[] = [];
  let startMonth = input.from;
  let start = [...input.baseline];
  for (let s = 0; s < input.stages.length; s++) {
    const st = input.stages[s]!;
    // A revision from a month at or before the baseline replaces the path from the start.
    if (s > 0 && st.from !== undefined && st.from > input.from) {
      const before = addMonths(st.from, -1);
      if (before >= `${input.year}-12`) break;
      const idx = monthsBetween(input.from, before) - 1; // index of `before` in the months so far
      starts.push({ month: before, values: idx >= 0 ? units.map((u) => u[idx]!) : [...input.baseline] });
      // Redrawn from `redrawFrom` when later (the months up to a December it keeps stay).
      const kept = st.redrawFrom !== undefined && st.redrawFrom > st.from ? addMonths(st.redrawFrom, -1) : before;
      if (kept >= `${input.year}-12`) break;
      const k = monthsBetween(input.from, kept) - 1;
      startMonth = kept;
      start = k >= 0 ? units.map((u) => u[k]!) : [...input.baseline];
      // Keep the months up to `kept`.
      for (const u of units) u.length = k + 1;
      national.length = k + 1;
      stage.length = k + 1;
    } else if (s > 0) {
      startMonth = input.from;
      start = [...input.baseline];
      for (const u of units) u.length = 0;
      national.length = 0;
      stage.length = 0;
    }
    const below = st.targets.findIndex((t, i) => t < start[i]!);
    if (below >= 0) return belowStart(st.targets, start, below, s > 0 ? startMonth : undefined);
    // The stage in pieces: to each December on the way whose unit targets are given, then to the target.
    // Where a unit's December target lies below where its piece starts (a revision that lowers a year on
    // the way: a province's 2025 target of the revised plan below its milestone when the revision
    // starts), the revision's stage is drawn through the national totals alone, as without unit
    // waypoints (said). The first stage's are checked by the caller, from the baseline.
    const given: [Period, readonly bigint[]][] = [...(st.unitWaypoints ?? new Map<Period, readonly bigint[]>())].filter(([p]) => p > startMonth && p < `${input.year}-12` && p.endsWith('-12')).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    let drawn = drawStage(given, st, startMonth, start, input);
    if ('problem' in drawn && drawn.problem === 'below-start' && given.length && s > 0) {
      drawn = drawStage([], st, startMonth, start, input);
      if (!('problem' in drawn)) setAside.push(s);
    }
    if ('problem' in drawn) return drawn;
    for (let m = 0; m < drawn.national.length; m++) {
      national.push(drawn.national[m]!);
      stage.push(s);
      drawn.units.forEach((u, i) => units[i]!.push(u[m]!));
    }
  }
  return { months: all, national, units, stage, starts, ...(setAside.length ? { unitWaypointsSetAside: setAside } : {}) };
}

/** The path problem of unit `i`'s target below where it starts, with the whole's figures. */
function belowStart(targets: readonly bigint[], start: readonly bigint[], i: number, month: Period | undefined): PathProblem {
  const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);
  return { problem: 'below-start', unit: i, ...(month ? { month } : {}), target: targets[i]!, reached: start[i]!, total: sum(targets), reachedTotal: sum(start) };
}

/** One stage's months from its start month to December of the year, through the given unit waypoints. */
function drawStage(
  given: readonly [Period, readonly bigint[]][],
  st: PathStage,
  startMonth: Period,
  start: readonly bigint[],
  input: { readonly year: number; readonly phasing: Phasing; readonly method: MethodName },
): { national: bigint[]; units: bigint[][] } | PathProblem {
  const pieces: [Period, readonly bigint[]][] = [...given, [`${input.year}-12`, st.targets]];
  const national: bigint[] = [];
  const units: bigint[][] = start.map(() => []);
  let pieceStart = startMonth;
  let from: readonly bigint[] = start;
  for (const [end, targets] of pieces) {
    const under = targets.findIndex((t, i) => t < from[i]!);
    if (under >= 0) return belowStart(targets, from, under, pieceStart);
    const months = monthsUntilDecember(pieceStart, periodYear(end));
    const weights = monthWeights(months, input.phasing);
    if (!Array.isArray(weights)) return { problem: 'profile-month', month: weights.missing };
    const B = from.reduce((a, b) => a + b, 0n);
    const T = targets.reduce((a, b) => a + b, 0n);
    // The anchors on the way must rise with the path: from the start, through each other, to the target.
    const anchors = new Map<number, bigint>();
    let low = B;
    for (const [p, v] of [...(st.waypoints ?? new Map<Period, bigint>())].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const k = monthsBetween(pieceStart, p);
      if (k <= 0 || k >= months.length) continue;
      if (v < low || v > T) return { problem: 'anchor-outside', month: p, value: v, low, high: T };
      low = v;
      anchors.set(k, v);
    }
    const nat = nationalPath(B, T, weights, anchors);
    if ('zeroAt' in nat) return { problem: 'profile-zero', month: months[nat.zeroAt - 1] };
    const phased = phaseMilestones({ baseline: from, targets, weights, method: input.method, anchors });
    for (let m = 0; m < months.length; m++) {
      national.push(phased.national[m]!);
      phased.units.forEach((u, i) => units[i]!.push(u[m]!));
    }
    pieceStart = end;
    from = targets;
  }
  return { national, units };
}
