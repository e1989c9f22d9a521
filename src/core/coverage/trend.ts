// The year as a story: from the months known, each area's actual pace, where it lands in December at
// that pace, and whether that reaches its target. Pure.
//
//   pace            net new participants a month over the last N months (--pace-window, default 3):
//                   (participants now − participants N months ago) / N. When the month N months ago
//                   is not known for the area, the earliest month of the window it reported in is used
//                   (N' months ago, N' < N); with no earlier month in the window, there is no pace.
//   projected       participants in December at that pace: now + pace × months left, computed exactly
//                   ((now − then) × left / N', rounded half away from zero) so that it is a whole number
//                   and a subtotal's projection is the sum of its rows'.
//   projected_gap   target − projected (negative: the target is passed).
//   projected_status
//                   will-achieve  projected ≥ target
//                   at-risk       projected ≥ target × (1 − the at-risk margin, default 5 %)
//                   will-miss     otherwise
//
// Example: 250,000 in March and 256,000 in June, window 3 → pace 2,000 a month; 6 months left →
// projected 268,000; against a target of 287,501: gap 19,501, 268,000 < 273,126 (95 %) → will-miss.

import { monthsBetween, type Period } from '../calendar.js';
import type { RowColumns } from '../row-columns.js';
import { columnsFor, dimIndex, filterAt, measureIndex, rollup, type Table } from '../table.js';
import { atLeastShareOf } from './metrics.js';

export type ProjectedStatus = 'will-achieve' | 'at-risk' | 'will-miss';

export interface Pace {
  /** Net change over the span (participants now − then). */
  readonly change: number;
  /** Months in the span (1 … window). */
  readonly months: number;
  /** The month the span starts. */
  readonly from: Period;
}

/**
 * The pace of one area from its participants by month (months sorted, the last one the month
 * reported; null where it did not report).
 */
export function paceOf(months: readonly Period[], values: readonly (number | null)[], window: number): Pace | null {
  const n = months.length;
  if (n < 2 || values[n - 1] === null || values[n - 1] === undefined) return null;
  const now = months[n - 1]!;
  let best: number | undefined;
  for (let i = 0; i < n - 1; i++) {
    const span = monthsBetween(months[i]!, now);
    if (span > window || span <= 0 || values[i] === null || values[i] === undefined) continue;
    if (best === undefined || span > monthsBetween(months[best]!, now)) best = i;
  }
  if (best === undefined) return null;
  return { change: values[n - 1]! - values[best]!, months: monthsBetween(months[best]!, now), from: months[best]! };
}

/** a / b rounded half away from zero, for whole a and b > 0. */
export function roundDiv(a: number, b: number): number {
  const q = Math.trunc(a / b);
  const r = a - q * b;
  if (2 * Math.abs(r) >= b) return q + Math.sign(a);
  return q === 0 ? 0 : q; // never -0

}

/** The pace per month as a whole number (rounded half away from zero). */
export function paceRounded(p: Pace): number {
  return roundDiv(p.change, p.months);
}

/** Participants in December at the pace: now + change × left / months, exactly rounded. */
export function projectedDecember(now: number, p: Pace, left: number): number {
  return now + roundDiv(p.change * left, p.months);
}

export function projectedStatus(projected: number, target: number, atRiskMargin: number): ProjectedStatus {
  if (projected >= target) return 'will-achieve';
  if (atLeastShareOf(projected, target, atRiskMargin)) return 'at-risk';
  return 'will-miss';
}

/**
 * The projected status `left` months before the targets' December. In December itself (none left) the
 * projection is the month: short of the target is missed, with no at-risk band. The one rule for every
 * row's status, whether its projection is its own or its parts' with a target (rv36 N4: it was written
 * in core/coverage/plan.ts and app/parts-with-target.ts).
 */
export function projectedStatusIn(projected: number, target: number, left: number, atRiskMargin: number): ProjectedStatus {
  return projectedStatus(projected, target, left === 0 ? 0 : atRiskMargin);
}

/** The participants of every group at the report's grain, month by month, up to the month reported. */
export interface History {
  /** The months known, sorted; the last is the month reported. */
  readonly months: readonly Period[];
  /** By group key (the grain's keys joined with \u0000): participants per month, null where not reported. */
  readonly byGroup: ReadonlyMap<string, (number | null)[]>;
  /** By group key: the months whose participants are estimates (core/estimates.ts); a group with none is not here. */
  readonly estimated: ReadonlyMap<string, boolean[]>;
}

/**
 * The history of the groups from the input's months (up to and including the month reported) and the
 * previous months' files. A month given twice (in the input and in --previous) is read from the input.
 * `only`: the groups whose series are wanted (the report's): every month still counts in `months`, but a
 * group gone before the month reported keeps no series (with one key per row, most of them).
 */
export function historyOf(tables: readonly Table[], grain: readonly string[], period: Period, wanted?: () => ReadonlySet<string>): History {
  const byMonth = new Map<Period, Map<string, number>>();
  const estimatedIn = new Map<Period, Set<string>>(); // the groups whose participants are an estimate that month
  // First the months each table gives (those of the rows a rollup by grain and month places; a month
  // given by an earlier table is not read again), so that a single month costs no rollup at all and the
  // rollup below can leave out the rows of groups nobody asks for without losing a month.
  const plans: { t: Table; pd: number; gi: number[]; fresh: Set<Period> }[] = [];
  for (const t of tables) {
    const pd = dimIndex(t, 'period');
    if (pd < 0 || grain.some((g) => dimIndex(t, g) < 0)) continue;
    const gi = grain.map((g) => dimIndex(t, g));
    const cols = columnsFor(t);
    const placed = (i: number): boolean => cols.hasKey(i, pd) && gi.every((d) => cols.hasKey(i, d));
    const fresh = new Set<Period>();
    for (let i = 0; i < cols.size; i++) {
      const p = cols.parent(i);
      if (p !== undefined ? placed(p) || !placed(i) : !placed(i)) continue; // as rollup() places them
      const m = cols.key(i, pd)!;
      if (m <= period && !byMonth.has(m)) fresh.add(m);
    }
    for (const m of fresh) byMonth.set(m, new Map());
    plans.push({ t, pd, gi, fresh });
  }
  if (byMonth.size >= 2) {
    const only = wanted?.();
    for (const { t, pd, gi, fresh } of plans) {
      if (!fresh.size) continue;
      // Rows of a group not asked for are left out (a row without every key of the grain stays: its
      // segment rows may be placed).
      const wanted = (cols: RowColumns, i: number): boolean => {
        if (!only || gi.some((d) => !cols.hasKey(i, d))) return true;
        return only.has(gi.map((d) => cols.key(i, d)).join('\u0000'));
      };
      const agg = rollup(
        filterAt(t, (cols, i, segment) => segment || (cols.hasKey(i, pd) && wanted(cols, i))),
        [...grain, 'period'],
      ).table;
      const pm = measureIndex(agg, 'participants');
      const rows = columnsFor(agg);
      for (let i = 0; i < rows.size; i++) {
        const m = rows.key(i, grain.length)!;
        if (!fresh.has(m)) continue; // after the month reported, or given by an earlier table
        const v = pm >= 0 ? rows.value(i, pm) : null;
        if (v === null) continue;
        const k = grain.map((_, j) => rows.key(i, j)).join('\u0000');
        if (only && !only.has(k)) continue;
        byMonth.get(m)!.set(k, v);
        if (rows.estimated.get(i)?.includes('participants')) {
          let e = estimatedIn.get(m);
          if (!e) estimatedIn.set(m, (e = new Set()));
          e.add(k);
        }
      }
    }
  }
  const months = [...byMonth.keys()].sort();
  const byGroup = new Map<string, (number | null)[]>();
  months.forEach((m, i) => {
    for (const [k, v] of byMonth.get(m)!) {
      let series = byGroup.get(k);
      if (!series) byGroup.set(k, (series = new Array<number | null>(months.length).fill(null)));
      series[i] = v;
    }
  });
  const estimated = new Map<string, boolean[]>();
  months.forEach((m, i) => {
    for (const k of estimatedIn.get(m) ?? []) {
      let marks = estimated.get(k);
      if (!marks) estimated.set(k, (marks = new Array<boolean>(months.length).fill(false)));
      marks[i] = true;
    }
  });
  return { months, byGroup, estimated };
}

/** The story of one row: its months, pace, projection and what the projection means for its target. */
export interface RowStory {
  /** Participants per month (History.months), null where not reported. */
  readonly series: readonly (number | null)[];
  /** Net new participants a month (whole, rounded); null without an earlier month in the window. */
  readonly pace: number | null;
  readonly projected: number | null;
  readonly projectedGap: number | null;
  readonly projectedStatus: ProjectedStatus | null;
  /** The months whose participants are estimates (by History.months); unset: none. */
  readonly seriesEstimated?: readonly boolean[];
}
