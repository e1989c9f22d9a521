// Coverage-gap metrics for one group (an area, segment, sector… or a subtotal of them).
//
//   coverage     = participants / denominator
//   uncovered    = denominator − participants
//   gap          = target − participants        (negative: above target; never hidden)
//   achievement  = participants / target
//   milestone    = where the group should be this month on the way from its baseline to the target
//   run-rate     = gap / months left until December (net new participants needed per month); none in
//                the target's December itself: no month is left, and the gap is what remains
//   status       achieved   participants ≥ target
//                on-track   participants ≥ milestone
//                at-risk    participants ≥ milestone × (1 − margin)
//                behind     otherwise; and in the target's December every row short of its target (the
//                           year is over: a target missed is not at risk)
//
// Example: Gorontalo, 256,129 participants of a 422,934 potential-workers base → coverage 0.6056.

import { numberToRational } from '../allocation/exact.js';
import { ratioToNumber } from '../numbers.js';

/**
 * Is `a` at least `b × (1 − margin)`, exactly? The margin is taken as the decimal it is written as (0.19
 * is 19/100): in floating point 10,000 × (1 − 0.19) is 8,100.000000000001, and 8,100 participants, exactly
 * at the at-risk line, read as behind. Figures far from the line are compared as they are.
 */
export function atLeastShareOf(a: number, b: number, margin: number): boolean {
  const line = b * (1 - margin);
  if (Math.abs(a - line) > 1e-6 * Math.max(1, Math.abs(line))) return a >= line;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(margin)) return a >= line;
  const x = numberToRational(a);
  const y = numberToRational(b);
  const m = numberToRational(margin);
  // a ≥ b × (m.den − m.num) / m.den, with every denominator positive.
  return x.num * y.den * m.den >= y.num * x.den * (m.den - m.num);
}

export type Status = 'achieved' | 'on-track' | 'at-risk' | 'behind';

export interface CoverageInput {
  readonly denominator?: number;
  readonly participants: number;
  /**
   * The participants the target is compared with, when not all of them: a subtotal or Total whose
   * rows have targets only in part compares the target with the participants of those rows.
   */
  readonly targetParticipants?: number;
  readonly target?: number;
  readonly milestone?: number;
  /** Months left until December of the target year (0 in December). */
  readonly monthsLeft?: number;
  readonly previousParticipants?: number;
  readonly previousDenominator?: number;
  /**
   * When the groups of the two months differ, this month's figures for the groups present in both:
   * the change is like for like (previousParticipants is then already of those groups only).
   */
  readonly likeForLike?: { readonly participants?: number; readonly denominator?: number };
  /**
   * The change in coverage over the rows whose denominator both months give, when the previous month's
   * is missing for some (one file of a --previous glob with employed where the others have
   * potential_workers: rv31 V9): the change in participants stays over all the rows.
   */
  readonly points?: { readonly participants?: number; readonly denominator?: number; readonly previousParticipants?: number; readonly previousDenominator?: number };
}

export interface CoverageMetrics {
  readonly denominator: number | null;
  readonly participants: number;
  readonly coverage: number | null;
  readonly uncovered: number | null;
  readonly target: number | null;
  readonly gap: number | null;
  readonly achievement: number | null;
  readonly milestone: number | null;
  readonly runRate: number | null;
  readonly status: Status | null;
  readonly change: number | null;
  /** Change in coverage, in percentage points. */
  readonly coverageChangePoints: number | null;
}

export function computeCoverage(input: CoverageInput, atRiskMargin: number): CoverageMetrics {
  const d = input.denominator;
  const p = input.participants;
  const t = input.target;
  const coverage = d !== undefined && d > 0 ? p / d : null;
  // What the target is compared with: the participants of the rows that have a target.
  const pt = input.targetParticipants ?? p;
  const gap = t !== undefined ? t - pt : null;
  const achievement = t !== undefined && t > 0 ? pt / t : null;
  let runRate: number | null = null;
  if (gap !== null && input.monthsLeft !== undefined) {
    // In December no month is left: the gap is not a figure per month (null, and said).
    runRate = input.monthsLeft === 0 ? null : gap <= 0 ? 0 : Math.ceil(gap / input.monthsLeft);
  }
  const yearOver = input.monthsLeft === 0;
  let status: Status | null = null;
  if (t !== undefined) {
    if (pt >= t) status = 'achieved';
    else if (yearOver) status = 'behind';
    else if (input.milestone !== undefined) {
      if (pt >= input.milestone) status = 'on-track';
      else if (atLeastShareOf(pt, input.milestone, atRiskMargin)) status = 'at-risk';
      else status = 'behind';
    } else status = atLeastShareOf(pt, t, atRiskMargin) ? 'at-risk' : 'behind';
  }
  const prevCoverage =
    input.previousParticipants !== undefined && input.previousDenominator !== undefined && input.previousDenominator > 0
      ? input.previousParticipants / input.previousDenominator
      : null;
  // Like for like: this month's participants and coverage of the groups present last month too.
  const lfl = input.likeForLike;
  const nowP = lfl ? lfl.participants : p;
  const nowD = lfl ? lfl.denominator : d;
  const nowCoverage = nowP !== undefined && nowD !== undefined && nowD > 0 ? nowP / nowD : null;
  return {
    denominator: d ?? null,
    participants: p,
    coverage,
    uncovered: d !== undefined ? d - p : null,
    target: t ?? null,
    gap,
    achievement,
    milestone: input.milestone ?? null,
    runRate,
    status,
    change: input.previousParticipants !== undefined && nowP !== undefined ? nowP - input.previousParticipants : null,
    coverageChangePoints: input.points ? pointsOver(input.points) : nowCoverage !== null && prevCoverage !== null ? changeInPoints(nowP!, nowD!, input.previousParticipants!, input.previousDenominator!, nowCoverage, prevCoverage) : null,
  };
}

/** The change in coverage over `points`' figures (null where one is missing or a denominator is not positive). */
function pointsOver(x: NonNullable<CoverageInput['points']>): number | null {
  const { participants: p1, denominator: d1, previousParticipants: p0, previousDenominator: d0 } = x;
  if (p1 === undefined || d1 === undefined || p0 === undefined || d0 === undefined || !(d1 > 0) || !(d0 > 0)) return null;
  return changeInPoints(p1, d1, p0, d0, p1 / d1, p0 / d0);
}

/**
 * (p1 / d1 − p0 / d0) × 100 as the float nearest the exact value when the counts are whole (a change
 * of exactly 0.035 points stays 0.035, which the output rounds up; the float difference of the two
 * coverages was 0.034999…, rounded down). Fractional counts (estimates) take the float difference.
 */
function changeInPoints(p1: number, d1: number, p0: number, d0: number, now: number, before: number): number {
  if (!Number.isSafeInteger(p1) || !Number.isSafeInteger(d1) || !Number.isSafeInteger(p0) || !Number.isSafeInteger(d0)) return (now - before) * 100;
  const b = (x: number): bigint => BigInt(x);
  return ratioToNumber((b(p1) * b(d0) - b(p0) * b(d1)) * 100n, b(d1) * b(d0));
}
