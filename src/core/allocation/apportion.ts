// One-dimensional apportionment with bounds: split an integer total over units in proportion to
// their weights, each unit kept within [lower, upper], the parts summing to the total exactly.
//
// Divisor methods: x_i = clamp(round_s(w_i · λ), lo_i, hi_i) for one common multiplier λ (= 1/divisor).
// Equivalently, unit i receives its (k+1)-th unit above lo_i at the threshold λ = s(k)/w_i, and the
// result takes the R = T − Σlo smallest thresholds overall. We find a multiplier with a float search
// (cost independent of T), make it exact, and then add or remove the few thresholds between the
// estimate and the answer with a heap, comparing thresholds exactly. Never one unit at a time from 0.
//
// Hamilton with bounds: exact water-filling (the real-valued λ with Σ clamp(w_i λ, lo_i, hi_i) = T),
// then floors plus largest remainders. Remainders share one denominator, so they compare as integers.
//
// Ties (two thresholds, or two remainders, exactly equal at the cut) are broken in favour of the unit
// with the larger weight (so more weight never gets less), then the one first in input order, and
// reported.
//
// Example: allocate({ total: 20n, weights: [2560n, 3315n, 995n, 5012n], method: 'webster' })
//          → values [4n, 6n, 2n, 8n] (US Census Bureau teaching example).

import { compareRational, floatToRational, rationalToNumber, reduce, type Rational } from './exact.js';
import { MinHeap } from './heap.js';
import {
  DIVISOR_METHODS,
  compareThresholds,
  roundedCount,
  type DivisorMethod,
  type MethodName,
} from './methods.js';

export interface AllocationInput {
  readonly total: bigint;
  /** Non-negative integer weights (scale decimals first, see scaleToIntegers). */
  readonly weights: readonly bigint[];
  /** Lower bounds; default 0. */
  readonly lower?: readonly bigint[];
  /** Upper bounds; null or missing means none. */
  readonly upper?: readonly (bigint | null)[];
  readonly method: MethodName;
}

export interface Tie {
  /** Units (input indices) that stood exactly level at the cut. */
  readonly units: readonly number[];
  /** How many of them received the contested unit(s), by the input-order rule. */
  readonly winners: readonly number[];
}

export interface AllocationResult {
  readonly values: bigint[];
  readonly method: MethodName;
  /** For divisor methods: the interval of divisors (1/λ) that produce this result, as floats. */
  readonly divisor?: { readonly low: number; readonly high: number };
  /**
   * For divisor methods: one exact multiplier λ under which every value is a valid rounding of
   * w_i·λ (strictly inside the admissible interval when it has width; the tie point otherwise).
   */
  readonly multiplier?: Rational;
  /** For Hamilton: the water-filled quota of each unit, as floats for display. */
  readonly quotas?: number[];
  readonly ties: Tie[];
  readonly atLower: boolean[];
  readonly atUpper: boolean[];
}

export type InfeasibleReason = 'below-lower' | 'above-upper' | 'negative' | 'bounds-crossed';

/** The problem has no solution; carries the numbers that show why. */
export class InfeasibleAllocationError extends Error {
  constructor(
    message: string,
    readonly reason: InfeasibleReason,
    readonly details: { total: bigint; sumLower: bigint; sumUpper: bigint | null; unit?: number },
  ) {
    super(message);
    this.name = 'InfeasibleAllocationError';
  }
}

interface Normalised {
  total: bigint;
  weights: readonly bigint[];
  lower: bigint[];
  /** Effective upper bound: a zero-weight unit can never rise above its lower bound. */
  upper: (bigint | null)[];
}

function normalise(input: AllocationInput): Normalised {
  const n = input.weights.length;
  const lower = input.lower ? [...input.lower] : new Array<bigint>(n).fill(0n);
  const upper = input.upper ? [...input.upper] : new Array<bigint | null>(n).fill(null);
  if (lower.length !== n || upper.length !== n) throw new RangeError('weights, lower and upper differ in length');
  if (input.total < 0n) {
    throw new InfeasibleAllocationError(`the total ${input.total} is negative`, 'negative', {
      total: input.total,
      sumLower: 0n,
      sumUpper: null,
    });
  }
  let sumLower = 0n;
  let sumUpper: bigint | null = 0n;
  for (let i = 0; i < n; i++) {
    const w = input.weights[i]!;
    const lo = lower[i]!;
    let hi = upper[i]!;
    if (w < 0n || lo < 0n) {
      throw new InfeasibleAllocationError(`unit ${i + 1} has a negative weight or lower bound`, 'negative', {
        total: input.total,
        sumLower: 0n,
        sumUpper: null,
        unit: i,
      });
    }
    if (hi !== null && hi < lo) {
      throw new InfeasibleAllocationError(`unit ${i + 1}: lower bound ${lo} is above upper bound ${hi}`, 'bounds-crossed', {
        total: input.total,
        sumLower: lo,
        sumUpper: hi,
        unit: i,
      });
    }
    if (w === 0n) hi = lo;
    upper[i] = hi;
    sumLower += lo;
    sumUpper = sumUpper === null || hi === null ? null : sumUpper + hi;
  }
  if (input.total < sumLower) {
    throw new InfeasibleAllocationError(
      `the lower bounds already add up to ${sumLower}, above the total ${input.total}`,
      'below-lower',
      { total: input.total, sumLower, sumUpper },
    );
  }
  if (sumUpper !== null && input.total > sumUpper) {
    throw new InfeasibleAllocationError(
      `the upper bounds add up to only ${sumUpper}, below the total ${input.total}` +
        (input.weights.some((w) => w === 0n) ? ' (units with zero weight cannot rise above their lower bound)' : ''),
      'above-upper',
      { total: input.total, sumLower, sumUpper },
    );
  }
  return { total: input.total, weights: input.weights, lower, upper };
}

function clamp(x: bigint, lo: bigint, hi: bigint | null): bigint {
  if (x < lo) return lo;
  if (hi !== null && x > hi) return hi;
  return x;
}

export function allocate(input: AllocationInput): AllocationResult {
  const p = normalise(input);
  const result = input.method === 'hamilton' ? allocateHamilton(p) : allocateDivisor(p, DIVISOR_METHODS[input.method]);
  const atLower = result.values.map((x, i) => x === p.lower[i]);
  const atUpper = result.values.map((x, i) => p.upper[i] !== null && x === p.upper[i]);
  return { ...result, method: input.method, atLower, atUpper };
}

// ---------------------------------------------------------------------------------------------
// Divisor methods

/** A float multiplier λ at which the float-rounded, clamped allocation reaches at least T. */
function estimateMultiplier(p: Normalised, method: DivisorMethod): number {
  const n = p.weights.length;
  const w = p.weights.map(Number);
  const lo = p.lower.map(Number);
  const hi = p.upper.map((h) => (h === null ? Infinity : Number(h)));
  const T = Number(p.total);
  const countAt = (lambda: number): number => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      let c = 0;
      if (wi > 0) {
        const v = wi * lambda;
        const f = Math.floor(v);
        c = Math.max(0, f - 1);
        if (f >= 1 && method.signpostFloat(f - 1) < v) c += 1;
        if (method.signpostFloat(f) < v) c += 1;
      }
      sum += Math.min(Math.max(c, lo[i]!), hi[i]!);
    }
    return sum;
  };
  let sumW = 0;
  for (const x of w) sumW += x;
  if (sumW === 0) return 0;
  let high = Math.max((T + n) / sumW, Number.MIN_VALUE);
  for (let guard = 0; countAt(high) < T && guard < 2000; guard++) high *= 2;
  let low = 0;
  for (let iter = 0; iter < 200; iter++) {
    const mid = low + (high - low) / 2;
    if (mid <= low || mid >= high) break;
    if (countAt(mid) >= T) high = mid;
    else low = mid;
  }
  return high;
}

function allocateDivisor(p: Normalised, method: DivisorMethod): Omit<AllocationResult, 'method' | 'atLower' | 'atUpper'> {
  const n = p.weights.length;
  let lambda: Rational = floatToRational(estimateMultiplier(p, method));
  const values = new Array<bigint>(n);
  let sum = 0n;
  // Whether a unit's count is its rounded share (not held at a bound): only those move with λ.
  const free = new Array<boolean>(n);
  const countAt = (l: Rational): void => {
    sum = 0n;
    for (let i = 0; i < n; i++) {
      const w = p.weights[i]!;
      const raw = w === 0n ? 0n : roundedCount(method, { num: w * l.num, den: l.den });
      values[i] = clamp(raw, p.lower[i]!, p.upper[i]!);
      free[i] = w > 0n && values[i] === raw;
      sum += values[i]!;
    }
  };
  countAt(lambda);
  // Past 2^53 the float estimate misses the total by about total × 2^-53 seats, and the walk below takes
  // them one at a time (a total of 10^22 took 13 s, 10^30 never finished). Correct λ exactly first, by
  // the seats missing over the weight of the units that move with λ (a Newton step on a piecewise-linear
  // count), until the walk is short; a unit held at the bound it is moving away from counts once free.
  const units = BigInt(n);
  for (let round = 0; round < 64 && (sum - p.total > units || p.total - sum > units); round++) {
    const rising = sum < p.total;
    let slope = 0n;
    for (let i = 0; i < n; i++) if (free[i]) slope += p.weights[i]!;
    if (slope === 0n)
      for (let i = 0; i < n; i++) {
        const movable = rising ? p.weights[i]! > 0n && (p.upper[i] === null || values[i]! < p.upper[i]!) : values[i]! > p.lower[i]!;
        if (movable) slope += p.weights[i]!;
      }
    if (slope === 0n) break;
    const next = reduce({ num: lambda.num * slope + (p.total - sum) * lambda.den, den: lambda.den * slope });
    if (next.num < 0n) break;
    lambda = next;
    countAt(lambda);
  }

  // The estimate takes every threshold below λ: a prefix of all thresholds in (value, input order).
  // Walk the few remaining steps to exactly T, in that same order.
  // Among equal thresholds the larger weight goes first (this keeps the result concordant), then
  // the earlier row.
  const tieOrder = (a: number, b: number): number => {
    const wa = p.weights[a]!;
    const wb = p.weights[b]!;
    return wa > wb ? -1 : wa < wb ? 1 : a - b;
  };
  const cmpNext = (a: number, b: number): number =>
    compareThresholds(method, values[a]!, p.weights[a]!, values[b]!, p.weights[b]!) || tieOrder(a, b);
  const cmpLast = (a: number, b: number): number =>
    compareThresholds(method, values[b]! - 1n, p.weights[b]!, values[a]! - 1n, p.weights[a]!) || tieOrder(b, a);
  const canRise = (i: number): boolean => p.weights[i]! > 0n && (p.upper[i] === null || values[i]! < p.upper[i]!);
  const canFall = (i: number): boolean => values[i]! > p.lower[i]!;

  if (sum < p.total) {
    const heap = new MinHeap<number>(cmpNext);
    for (let i = 0; i < n; i++) if (canRise(i)) heap.push(i);
    while (sum < p.total) {
      const i = heap.pop()!;
      values[i] = values[i]! + 1n;
      sum += 1n;
      if (canRise(i)) heap.push(i);
    }
  } else if (sum > p.total) {
    const heap = new MinHeap<number>(cmpLast);
    for (let i = 0; i < n; i++) if (canFall(i)) heap.push(i);
    while (sum > p.total) {
      const i = heap.pop()!;
      values[i] = values[i]! - 1n;
      sum -= 1n;
      if (canFall(i)) heap.push(i);
    }
  }

  // The last threshold taken and the first one left out bound the admissible multipliers.
  let lastTaken = -1;
  let firstLeft = -1;
  for (let i = 0; i < n; i++) {
    if (canFall(i) && (lastTaken < 0 || cmpLast(i, lastTaken) < 0)) lastTaken = i;
    if (canRise(i) && (firstLeft < 0 || cmpNext(i, firstLeft) < 0)) firstLeft = i;
  }
  const ties: Tie[] = [];
  if (lastTaken >= 0 && firstLeft >= 0) {
    const lk = values[lastTaken]! - 1n;
    const lw = p.weights[lastTaken]!;
    if (compareThresholds(method, lk, lw, values[firstLeft]!, p.weights[firstLeft]!) === 0) {
      const units: number[] = [];
      const winners: number[] = [];
      for (let i = 0; i < n; i++) {
        const taken = canFall(i) && compareThresholds(method, values[i]! - 1n, p.weights[i]!, lk, lw) === 0;
        const left = canRise(i) && compareThresholds(method, values[i]!, p.weights[i]!, lk, lw) === 0;
        if (taken || left) units.push(i);
        if (taken) winners.push(i);
      }
      ties.push({ units, winners });
    }
  }
  const multiplier = pickMultiplier(method, p, values, lastTaken, firstLeft);
  const thresholdOf = (i: number, k: bigint): number => method.signpostFloat(Number(k)) / Number(p.weights[i]!);
  const lambdaLow = lastTaken >= 0 ? thresholdOf(lastTaken, values[lastTaken]! - 1n) : 0;
  const lambdaHigh = firstLeft >= 0 ? thresholdOf(firstLeft, values[firstLeft]!) : Infinity;
  return {
    values,
    divisor: { low: lambdaHigh === Infinity ? 0 : 1 / lambdaHigh, high: lambdaLow === 0 ? Infinity : 1 / lambdaLow },
    multiplier,
    ties,
  };
}

/** The threshold s(k)/w as an exact rational; for squared signposts, its square. */
function thresholdRational(method: DivisorMethod, k: bigint, w: bigint): Rational {
  const s = method.signpost(k);
  return { num: s.num, den: s.squared ? s.den * w * w : s.den * w };
}

/**
 * An exact λ in the closed admissible interval [last threshold taken, first threshold left].
 * A short float inside the interval is preferred (small numbers keep later arithmetic fast).
 * For squared-signpost methods the interval is on λ², so the returned value is λ².
 */
function pickMultiplier(method: DivisorMethod, p: Normalised, values: bigint[], lastTaken: number, firstLeft: number): Rational {
  const low = lastTaken >= 0 ? thresholdRational(method, values[lastTaken]! - 1n, p.weights[lastTaken]!) : null;
  const high = firstLeft >= 0 ? thresholdRational(method, values[firstLeft]!, p.weights[firstLeft]!) : null;
  if (low && high && compareRational(low, high) === 0) return low;
  const inside = (r: Rational): boolean =>
    (low === null || compareRational(low, r) < 0) && (high === null || compareRational(r, high) < 0) && r.num > 0n;
  const lowF = low ? rationalToNumber(low) : 0;
  const highF = high ? rationalToNumber(high) : lowF > 0 ? lowF * 4 : 1;
  for (const guess of [lowF + (highF - lowF) / 2, Math.sqrt(Math.max(lowF, Number.MIN_VALUE) * highF)]) {
    if (Number.isFinite(guess) && guess > 0) {
      const r = floatToRational(guess);
      if (inside(r)) return r;
    }
  }
  if (low && high) return { num: low.num * high.den + high.num * low.den, den: 2n * low.den * high.den };
  if (low) return { num: 2n * low.num + low.den, den: low.den };
  return high ? { num: high.num, den: 2n * high.den } : { num: 1n, den: 1n };
}

// ---------------------------------------------------------------------------------------------
// Hamilton (largest remainder) with bounds

/** Σ clamp(w_i λ, lo_i, hi_i) compared with T, exactly. */
function compareFilled(p: Normalised, lambda: Rational): number {
  let sum = 0n;
  for (let i = 0; i < p.weights.length; i++) {
    const hi = p.upper[i]!;
    sum += clamp(p.weights[i]! * lambda.num, p.lower[i]! * lambda.den, hi === null ? null : hi * lambda.den);
  }
  const target = p.total * lambda.den;
  return sum < target ? -1 : sum > target ? 1 : 0;
}

/** The exact water level λ with Σ clamp(w_i λ, lo_i, hi_i) = T. */
function waterLevel(p: Normalised): Rational {
  const n = p.weights.length;
  const points: Rational[] = [];
  for (let i = 0; i < n; i++) {
    const w = p.weights[i]!;
    if (w === 0n) continue;
    points.push({ num: p.lower[i]!, den: w });
    const hi = p.upper[i]!;
    if (hi !== null) points.push({ num: hi, den: w });
  }
  // Sort by float first, then repair the order exactly (nearly sorted: insertion sort is linear).
  points.sort((a, b) => rationalToNumber(a) - rationalToNumber(b));
  for (let i = 1; i < points.length; i++) {
    const x = points[i]!;
    let j = i - 1;
    while (j >= 0 && compareRational(points[j]!, x) > 0) {
      points[j + 1] = points[j]!;
      j--;
    }
    points[j + 1] = x;
  }
  // Smallest breakpoint index at which the filled sum reaches T.
  let lowIdx = 0;
  let highIdx = points.length;
  while (lowIdx < highIdx) {
    const mid = (lowIdx + highIdx) >> 1;
    if (compareFilled(p, points[mid]!) >= 0) highIdx = mid;
    else lowIdx = mid + 1;
  }
  if (lowIdx < points.length && compareFilled(p, points[lowIdx]!) === 0) return points[lowIdx]!;
  // T lies strictly inside a linear piece ending at points[lowIdx] (or beyond the last breakpoint).
  const end = lowIdx < points.length ? points[lowIdx]! : null;
  let constant = 0n;
  let freeWeight = 0n;
  for (let i = 0; i < n; i++) {
    const w = p.weights[i]!;
    const lo = p.lower[i]!;
    const hi = p.upper[i]!;
    if (w === 0n) {
      constant += lo;
      continue;
    }
    // On the piece just below `end`, a unit is free iff lo/w < end ≤ hi/w.
    const startsBefore = end === null || compareRational({ num: lo, den: w }, end) < 0;
    const endsAfter = hi === null || (end !== null && compareRational({ num: hi, den: w }, end) >= 0);
    if (!startsBefore) constant += lo;
    else if (!endsAfter) constant += hi!;
    else freeWeight += w;
  }
  // No unit is free only when T sits exactly on a breakpoint, which was returned above.
  return freeWeight === 0n ? { num: 0n, den: 1n } : { num: p.total - constant, den: freeWeight };
}

function allocateHamilton(p: Normalised): Omit<AllocationResult, 'method' | 'atLower' | 'atUpper'> {
  const n = p.weights.length;
  const lambda = waterLevel(p);
  const values = new Array<bigint>(n);
  const remainders = new Array<bigint>(n);
  const quotas = new Array<number>(n);
  let sum = 0n;
  for (let i = 0; i < n; i++) {
    const hi = p.upper[i]!;
    const q = clamp(p.weights[i]! * lambda.num, p.lower[i]! * lambda.den, hi === null ? null : hi * lambda.den);
    values[i] = q / lambda.den;
    remainders[i] = q % lambda.den;
    quotas[i] = rationalToNumber({ num: q, den: lambda.den });
    sum += values[i]!;
  }
  const left = Number(p.total - sum);
  const order = [...Array(n).keys()].sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const wa = p.weights[a]!;
    const wb = p.weights[b]!;
    return wa > wb ? -1 : wa < wb ? 1 : a - b;
  });
  for (let j = 0; j < left; j++) values[order[j]!] = values[order[j]!]! + 1n;
  const ties: Tie[] = [];
  if (left > 0 && left < n) {
    const cut = remainders[order[left - 1]!]!;
    if (cut > 0n && remainders[order[left]!] === cut) {
      const units = order.filter((i) => remainders[i] === cut).sort((a, b) => a - b);
      // Each unit's place in the order (indexOf per tied unit grew with the square of a large tie).
      const place = new Int32Array(n);
      order.forEach((i, j) => (place[i] = j));
      ties.push({ units, winners: units.filter((i) => place[i]! < left) });
    }
  }
  return { values, quotas, ties };
}
