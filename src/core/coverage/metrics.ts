// Coverage-gap metrics for one group (an area, segment, sector… or a subtotal of them).
//
//   coverage     = participants / denominator
//   uncovered    = denominator − participants
//   gap          = target − participants        (negative: above target; never hidden)
//   achievement  = participants / target
//   milestone    = where the group should be this month on the way from its baseline to the target
//   run-rate     = gap / months left until December (net new participants needed per month)
//   status       achieved   participants ≥ target
//                on-track   participants ≥ milestone
//                at-risk    participants ≥ milestone × (1 − margin)
//                behind     otherwise
//
// Example: Gorontalo, 256,129 participants of a 422,934 potential-workers base → coverage 0.6056.

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
    runRate = gap <= 0 ? 0 : input.monthsLeft > 0 ? Math.ceil(gap / input.monthsLeft) : gap;
  }
  let status: Status | null = null;
  if (t !== undefined) {
    if (pt >= t) status = 'achieved';
    else if (input.milestone !== undefined) {
      if (pt >= input.milestone) status = 'on-track';
      else if (pt >= input.milestone * (1 - atRiskMargin)) status = 'at-risk';
      else status = 'behind';
    } else status = pt >= t * (1 - atRiskMargin) ? 'at-risk' : 'behind';
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
    coverageChangePoints: nowCoverage !== null && prevCoverage !== null ? (nowCoverage - prevCoverage) * 100 : null,
  };
}
