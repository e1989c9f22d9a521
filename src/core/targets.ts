// National targets by year: a known year as published; a year between two known years by linear
// interpolation, rounded half up exactly, and flagged as interpolated. A target may be revised from a
// month on (a point with `from`): as of a month, the latest revision whose `from` is not later is in
// force, and the original before any.
//
// Example: 2024 → 50,000,000 and 2026 → 70,000,000 give 2025 → 60,000,000 (interpolated); with
// 2024 → 52,000,000 from 2024-07, 2024 is 50,000,000 as of 2024-06 and 52,000,000 as of 2024-07.
//
// A year's target is the one for its December, so a revision from a month after that December cannot
// change it, as of whatever month (rv20 F2: 2026 → 65,200,000 from 2026-07 made the interpolated 2025
// 57,600,000, half a year after December 2025, whose target in force was 60,000,000).

import { floorDiv } from './allocation/exact.js';
import { addMonths, type Period } from './calendar.js';

export interface TargetPoint {
  readonly year: number;
  readonly target: bigint;
  /** A revision in force from this month on; undefined: the original target. */
  readonly from?: Period;
}

/** The points in force as of a month (every year's latest revision not after it); undefined: the originals only. */
export function pointsInForce(points: readonly TargetPoint[], asOf: Period | undefined): TargetPoint[] {
  const best = new Map<number, TargetPoint>();
  for (const p of points) {
    if (p.from !== undefined && (asOf === undefined || p.from > asOf)) continue;
    const b = best.get(p.year);
    if (!b || (b.from ?? '') < (p.from ?? '')) best.set(p.year, p);
  }
  return [...best.values()];
}

export interface YearTarget {
  readonly target: bigint;
  readonly interpolated: boolean;
  readonly between?: [number, number];
  /** The revision this value comes from (its own, or one of the years it is interpolated between). */
  readonly revision?: Period;
}

/**
 * The target of a year as of a month (default: the original series): the revisions in force then and
 * in December of the year, never one from a later month (a revision from 2026-07 does not change the
 * December 2025 interpolated between 2024 and 2026).
 */
export function targetForYear(points: readonly TargetPoint[], year: number, asOf?: Period): YearTarget | undefined {
  const december = `${year}-12`;
  const inForce = pointsInForce(points, asOf !== undefined && asOf > december ? december : asOf);
  const sorted = inForce.sort((a, b) => a.year - b.year);
  const exact = sorted.find((p) => p.year === year);
  if (exact) return { target: exact.target, interpolated: false, ...(exact.from ? { revision: exact.from } : {}) };
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (a.year < year && year < b.year) {
      const span = BigInt(b.year - a.year);
      const num = a.target * span + (b.target - a.target) * BigInt(year - a.year);
      const revision = [a.from, b.from].filter((x): x is Period => x !== undefined).sort().pop();
      return { target: floorDiv(2n * num + span, 2n * span), interpolated: true, between: [a.year, b.year], ...(revision ? { revision } : {}) };
    }
  }
  return undefined;
}

/** One stage of a year's target: the value in force from a month on (undefined: from the start). */
export interface TargetStage {
  readonly from?: Period;
  readonly target: YearTarget;
}

/**
 * The stages of a year's target as of a month: the original, then each revision that changed it, in
 * order. Example: 50 M, and 52 M from 2024-07 → [{ 50 M }, { from 2024-07, 52 M }] as of 2024-08;
 * [{ 50 M }] as of 2024-06.
 */
export function targetStages(points: readonly TargetPoint[], year: number, asOf?: Period): TargetStage[] | undefined {
  const first = targetForYear(points, year, undefined);
  if (!first) return undefined;
  const months = [...new Set(points.map((p) => p.from).filter((m): m is Period => m !== undefined && (asOf === undefined || m <= asOf)))].sort();
  const stages: TargetStage[] = [{ target: first }];
  for (const m of months) {
    const t = targetForYear(points, year, m);
    if (t && t.target !== stages[stages.length - 1]!.target.target) stages.push({ from: m, target: t });
  }
  return stages;
}

/**
 * The national targets of the Decembers strictly between two months, as of a month: the points a
 * multi-year path passes through. Example: from 2023-12 to December 2026 → 2024-12 and 2025-12.
 * Each is the target of its year as of that month (targetForYear: never a revision from after its
 * December).
 */
export function waypoints(points: readonly TargetPoint[], from: Period, year: number, asOf?: Period): Map<Period, bigint> {
  return decembers(points, from, year, asOf).waypoints;
}

/** waypoints, with the revision month of each December whose figure comes from one. */
function decembers(points: readonly TargetPoint[], from: Period, year: number, asOf: Period | undefined): { waypoints: Map<Period, bigint>; revisions: Map<Period, Period> } {
  const out = new Map<Period, bigint>();
  const revisions = new Map<Period, Period>();
  const first = Number(from.slice(0, 4));
  for (let y = first; y < year; y++) {
    const dec = `${y}-12`;
    if (dec <= from) continue;
    const t = targetForYear(points, y, asOf);
    if (t) out.set(dec, t.target);
    if (t?.revision) revisions.set(dec, t.revision);
  }
  return { waypoints: out, revisions };
}

/** One stage of a multi-year path: from a month on, the year's target and the Decembers on the way to pass through. */
export interface PathStagePoints {
  /** The first month of the stage; undefined: from the baseline (the original series). */
  readonly from?: Period;
  readonly target: bigint;
  readonly waypoints: Map<Period, bigint>;
  /** The Decembers whose figure is a revision's (or interpolated from one): the month it is in force from. */
  readonly revisions: Map<Period, Period>;
  /**
   * The first month the stage redraws, when later than `from`: the month after the last December on the
   * way whose target the stage leaves as it was (rv22 G1). Undefined: from `from` on.
   */
  readonly redrawFrom?: Period;
}

/**
 * The stages of the path from a baseline month to December of a year, as of a month (default: every
 * revision): the original, then each revision month from which the year's target or the target of a
 * December still ahead on the way changes. The rule for the Decembers (rv20 F1): the stage in force
 * from month F passes through, for each December Y on the way not yet past at F, the target of year Y
 * as of F, that is the one in force in December Y as far as known at F (a revision from after F is a
 * later stage; one from after December Y never applies to it). The months before F keep the earlier
 * stage's path (what was reached stays), so the months of a revised year on the way match that year's
 * own `breakdown --months`. Nor is a piece redrawn whose December keeps its target: the stage redraws
 * from the month after the last such December before the first one it changes (`redrawFrom`; rv22 G1:
 * 2025 revised from 2024-05 redrew April–December 2024 from April's milestone, 1 off the straight line
 * of `--year 2024` to the unchanged 50,000,000 in 2024-05 and 2024-08).
 * Example (examples/series-2024-revised.csv, 52,000,000 for 2024 from 2024-07): to December 2026 from
 * 2023-12 → [{ 70 M, 2024-12 50 M, 2025-12 60 M }, { from 2024-07, 70 M, 2024-12 52 M, 2025-12 61 M }].
 */
export function pathStages(points: readonly TargetPoint[], from: Period, year: number, asOf?: Period): PathStagePoints[] | undefined {
  const first = targetForYear(points, year, undefined);
  if (!first) return undefined;
  const stages: PathStagePoints[] = [{ target: first.target, ...decembers(points, from, year, undefined) }];
  const months = [...new Set(points.map((p) => p.from).filter((m): m is Period => m !== undefined && (asOf === undefined || m <= asOf)))].sort();
  for (const m of months) {
    const t = targetForYear(points, year, m);
    if (!t) continue;
    const through = decembers(points, from, year, m);
    const last = stages[stages.length - 1]!;
    // Only the Decembers still ahead at m (the month before it and earlier are kept) can change the path.
    const ahead = [...through.waypoints].some(([dec, v]) => dec >= m && last.waypoints.get(dec) !== v);
    if (t.target !== last.target || ahead) stages.push({ from: m, target: t.target, ...through, ...redraw(m, from, through.waypoints, last.waypoints) });
  }
  return stages;
}

/**
 * Where a stage from month m starts to redraw the path: after each December from the month before m on
 * whose target the stage keeps (the path before passed through it, and the months up to it stay). Only
 * a stage that starts after the baseline (one from before it replaces the path from the start).
 */
function redraw(m: Period, baseline: Period, now: ReadonlyMap<Period, bigint>, before: ReadonlyMap<Period, bigint>): { redrawFrom?: Period } {
  let start = addMonths(m, -1);
  if (start < baseline) return {};
  for (const dec of [...now.keys()].filter((d) => d > start).sort()) {
    const v = now.get(dec);
    if (v === undefined || before.get(dec) !== v) break;
    start = dec;
  }
  return start === addMonths(m, -1) ? {} : { redrawFrom: addMonths(start, 1) };
}
