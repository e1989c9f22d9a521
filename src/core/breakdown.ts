// Splitting a parent target over units (provinces, regencies, segments, sectors…): bounds, modes and
// the explanation that goes with the numbers. Pure: plain data in, plain data out.
//
// Modes
//   gap   (default when participants and a denominator exist): target_i = current_i + increment_i, the
//         national increase T − Σ current split in proportion to the basis (default: uncovered =
//         denominator − current), so every unit closes the same share of its uncovered gap.
//   level targets proportional to the basis (default: the denominator), within bounds.
// Bounds (defaults): min = current participants (never below today), max = the denominator (times
// --max-coverage). A unit already above its max is held at its current value, and said so.
//
// Example: two provinces with 100/1,000 and 300/1,000 (participants/denominator), T = 700, gap mode:
// the increase 300 goes 900:700 (their uncovered gaps) → 168.75 and 131.25 → targets 269 and 431.

import { allocate, type AllocationResult, type Tie } from './apportion.js';
import { floorDiv, scaleToIntegers, type Rational } from './exact.js';
import type { MethodName } from './methods.js';

export type Mode = 'gap' | 'level';

export interface BreakdownUnit {
  /** Display key (e.g. the province name, or "Gorontalo / PU"). */
  readonly label: string;
  readonly denominator?: number;
  readonly participants?: number;
  /** The weight; for gap mode, the weight of the increase. */
  readonly basis: number;
  /** Explicit bounds on the target; undefined → the default; null → none. */
  readonly min?: number | null;
  readonly max?: number | null;
}

export interface BreakdownInput {
  readonly total: bigint;
  readonly units: readonly BreakdownUnit[];
  readonly mode: Mode;
  readonly method: MethodName;
  /** Upper bound as a share of the denominator (e.g. 95/100). */
  readonly maxCoverage?: Rational;
}

export interface BreakdownRow {
  readonly min: bigint;
  readonly max: bigint | null;
  readonly target: bigint;
  /** 'min' or 'max' when the target sits on that bound. */
  readonly bound: 'min' | 'max' | '';
  /** The unit was already above its upper bound and is held at its current value. */
  readonly heldAtCurrent: boolean;
}

export interface BreakdownResult {
  readonly rows: BreakdownRow[];
  readonly allocation: AllocationResult;
  readonly current: bigint;
  readonly increase: bigint;
  readonly ties: Tie[];
}

export class InfeasibleBreakdownError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'InfeasibleBreakdownError';
  }
}

const big = (x: number): bigint => BigInt(Math.round(x));

/** Resolve each unit's bounds on its target. */
export function unitBounds(u: BreakdownUnit, maxCoverage?: Rational): { min: bigint; max: bigint | null; held: boolean } {
  const current = u.participants !== undefined ? big(u.participants) : 0n;
  let min = u.min === undefined ? current : u.min === null ? 0n : big(u.min);
  let max: bigint | null;
  if (u.max === undefined) {
    if (u.denominator === undefined) max = null;
    else {
      const d = big(u.denominator);
      max = maxCoverage ? floorDiv(d * maxCoverage.num, maxCoverage.den) : d;
    }
  } else max = u.max === null ? null : big(u.max);
  let held = false;
  if (max !== null && max < min) {
    // Already above the cap (e.g. DKI Jakarta's participants exceed its Sakernas employed): hold it.
    max = min;
    held = true;
  }
  if (min < 0n) min = 0n;
  return { min, max, held };
}

export function computeBreakdown(input: BreakdownInput): BreakdownResult {
  const bounds = input.units.map((u) => unitBounds(u, input.maxCoverage));
  const weights = scaleToIntegers(input.units.map((u) => Math.max(0, u.basis)));
  const current = input.units.reduce((a, u) => a + (u.participants !== undefined ? big(u.participants) : 0n), 0n);
  const sumMin = bounds.reduce((a, b) => a + b.min, 0n);
  const sumMax = bounds.some((b) => b.max === null) ? null : bounds.reduce((a, b) => a + b.max!, 0n);
  const n = input.units.length;
  if (input.total < sumMin) {
    throw new InfeasibleBreakdownError(
      `the ${n} units already have at least ${sumMin} between them (their minimum targets); a target of ${input.total} is below that`,
      'raise the target, or lower the minimums with --min (e.g. --min none)',
    );
  }
  if (sumMax !== null && input.total > sumMax) {
    throw new InfeasibleBreakdownError(
      `the ${n} units can take at most ${sumMax} between them (their maximum targets); a target of ${input.total} is above that`,
      'lower the target, or raise the maximums with --max / --max-coverage',
    );
  }
  let allocation: AllocationResult;
  if (input.mode === 'gap') {
    // Allocate the increase over each unit's room above its current value.
    const cur = input.units.map((u) => (u.participants !== undefined ? big(u.participants) : 0n));
    const lower = bounds.map((b, i) => (b.min > cur[i]! ? b.min - cur[i]! : 0n));
    const upper = bounds.map((b, i) => (b.max === null ? null : b.max - cur[i]!));
    const below = bounds.findIndex((b, i) => b.min < cur[i]!);
    if (below >= 0) {
      throw new InfeasibleBreakdownError(
        `gap mode adds to today's participants, but the minimum for ${input.units[below]!.label} (${bounds[below]!.min}) is below its current ${cur[below]}`,
        'use --mode level to allow targets below today',
      );
    }
    if (input.total < current) {
      throw new InfeasibleBreakdownError(
        `the units already have ${current} participants; a target of ${input.total} is below that`,
        'gap mode splits an increase: raise the target or use --mode level with --min none',
      );
    }
    const inc = allocate({ total: input.total - current, weights, lower, upper, method: input.method });
    allocation = { ...inc, values: inc.values.map((v, i) => v + cur[i]!), atLower: inc.atLower, atUpper: inc.atUpper };
  } else {
    allocation = allocate({
      total: input.total,
      weights,
      lower: bounds.map((b) => b.min),
      upper: bounds.map((b) => b.max),
      method: input.method,
    });
  }
  const rows = allocation.values.map((target, i) => {
    const b = bounds[i]!;
    const bound: BreakdownRow['bound'] = b.max !== null && target === b.max && b.max !== b.min ? 'max' : target === b.min ? 'min' : '';
    return { min: b.min, max: b.max, target, bound, heldAtCurrent: b.held };
  });
  return { rows, allocation, current, increase: input.total - current, ties: allocation.ties };
}

export interface TargetPoint {
  readonly year: number;
  readonly target: number;
}

/**
 * The target for a year: a known year as is; a year between two known years by linear interpolation
 * (rounded half up, exactly), flagged as interpolated.
 * Example: 2024 → 50,000,000 and 2026 → 70,000,000 give 2025 → 60,000,000 (interpolated).
 */
export function targetForYear(points: readonly TargetPoint[], year: number): { target: bigint; interpolated: boolean; between?: [number, number] } | undefined {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const exact = sorted.find((p) => p.year === year);
  if (exact) return { target: BigInt(exact.target), interpolated: false };
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (a.year < year && year < b.year) {
      const span = BigInt(b.year - a.year);
      const num = BigInt(a.target) * span + (BigInt(b.target) - BigInt(a.target)) * BigInt(year - a.year);
      return { target: floorDiv(2n * num + span, 2n * span), interpolated: true, between: [a.year, b.year] };
    }
  }
  return undefined;
}
