// Targets for a coverage report, as a Table (so that they add up to any grain like every other
// measure), with their frame: the December they are for (the target year, never guessed silently),
// their baseline month, the revision in force, the phasing and the method. Milestones are computed
// here by the same function as `breakdown --months` (phaseToDecember), so the two always agree.
//
// Three kinds of targets table:
//   - one row per unit with its December `target` and today's `participants` (the baseline) at the
//     baseline month: a breakdown output, or coverage --year's plan. Milestones are phased from the
//     baseline to December. A row with `from` (a revision) starts its path at the month before `from`,
//     from `from_milestone` (what was reached on the earlier path stays);
//   - a `breakdown --months` output: one row per unit and month with its `milestone` (and `target`):
//     the milestone of the reported month is read, never summed over the months, and so is its target
//     (the December target in force in that month: of a revised series, the original before the
//     revision, with `from` empty, and the revision from its month on, with `from` that month);
//   - any file with `target` per key and per period: the target of a period is that month's milestone,
//     and the last period's target is the December target.
//
// The year: a `year` column of the file, else --year, else the last December of a month-by-month file,
// else deduced from the month reported (and said so: `yearFrom: 'deduced'`); with no month either, the
// year is 'unknown' (and said so).

import type { AllocationResult } from '../allocation/plan.js';
import type { MethodName } from '../allocation/methods.js';
import { addMonths, latestPeriod, monthsBetween, monthsUntilDecember, parsePeriod, periodYear, type Period } from '../calendar.js';
import { monthWeights, phaseToDecember, type Phasing } from '../phasing.js';
import { atPeriod, columnsFor, columnsOf, dimIndex, filterAt, keysOf, labelOf, measureIndex, rollup, StoredTable, type Measure, type Table, type TableRow } from '../table.js';
import { RowColumns } from '../row-columns.js';

/** How the target year is known. */
export type YearSource = 'file' | 'flag' | 'months' | 'plan' | 'deduced' | 'unknown';

/** The rule that made the targets, as facts for the report (null where unknown: a targets file). */
export interface RuleFacts {
  readonly mode: string;
  readonly basis: string;
  readonly denominator: string | null;
  readonly min: string;
  readonly max: string;
  readonly maxCoverage: string | null;
  readonly method: MethodName;
}

/** The revision of a target series in force, for the report. */
export interface RevisionFacts {
  /** The month the revision is in force from; null: the original target. */
  readonly from: Period | null;
  readonly total: number;
  /** The total before the revision (null: none). */
  readonly before: number | null;
  readonly asOf: Period | null;
}
import { plannedEstimates } from '../estimates.js'; // issue 19

export interface Targets {
  readonly table: Table;
  /** The month the baseline (participants) of the targets is from. */
  readonly baselinePeriod?: Period;
  /** Targets are for December of this year. */
  readonly year: number;
  readonly yearFrom: YearSource;
  readonly phasing: Phasing;
  readonly method: MethodName;
  /** Where they came from, for the report. */
  readonly source: string;
  readonly rule?: RuleFacts;
  readonly revision?: RevisionFacts;
  /** The month the revisions in force are chosen by (--as-of; default: the month reported). */
  readonly asOf?: Period;
  /**
   * A yearly file of a national plan (by province, segment or Kanwil): the series `breakdown --year` and
   * `coverage --year` would plan its year from, and its total for that year (null: it has none). The way
   * to milestones through the Decembers on the way is named only where it exists.
   */
  readonly series?: SeriesWay;
  /**
   * The bundled national participants of the report's time (data/figures.csv, data/actuals.csv: the
   * latest at or before its month): targets without an area column are national when they total at least
   * half of them (`nationalSized`), else they are the report's scope's own (rv30 T2: a Kanwil's 5,000,000
   * by segment, a province's per branch office). Without it (the library), such targets on a regional
   * report are refused as national.
   */
  readonly national?: NationalFigure;
  /**
   * The one Kanwil or province the file says it is of (the tool's own JSON output, meta.scope): targets
   * with no area column that say another scope than the report's are refused, not read as its own (rv31 V5).
   */
  readonly scopeSaid?: { readonly kind: string; readonly name: string; /** The names of its areas (provinces of a Kanwil's, regencies of a province's). */ readonly areas?: readonly string[]; /** Its count of areas, where it does not name them (a file written before fx49). */ readonly counts?: { readonly areas: number; readonly of: number } };
  /**
   * The file's own Total row gives the plan's total and does not mark it an estimate (a breakdown's file:
   * the total it was given, rv34 R9): a Total that holds every target of the file is that total, marked as
   * --year's is (only when the figures it was planned on are), not as a sum of estimated parts.
   */
  readonly totalGiven?: boolean;
}

/**
 * The national participants of a time, and where the figure is from: the yardstick of "national" for a
 * file with no area column, targets or data alike.
 */
export interface NationalFigure {
  readonly period: string;
  readonly participants: number;
  readonly source: string;
  /** The targets' file says it is national (the tool's own JSON output, meta.scope.kind), whatever its total. */
  readonly said?: true;
  /** The bundled national participants per segment (the 38 provinces' cells of data/baseline.csv summed), of `segmentsPeriod`. */
  readonly segments?: ReadonlyMap<string, number>;
  readonly segmentsPeriod?: string;
}

/** Why a total is of national size: the whole (`segment` absent), or one segment's total against that segment's national participants. */
export interface NationalSize {
  readonly segment?: string;
  readonly total: number;
  readonly national: number;
}

/**
 * Whether a total without an area is of national size: at least half the national participants of its
 * time. One rule for targets and data (a --targets file against a Kanwil's report, an input with no area
 * column against a national figure). Why half of the participants: no region holds half the country's
 * workers (the largest Kanwil well under a quarter), and a national target is never below today's
 * participants; a national plan's target (70,000,000 in 2026) would miss a national split of one segment
 * (PU's 25,000,000), taken then as a Kanwil's own. Example: 19,675,000 against 39,350,000 → national.
 *
 * Per segment too (`bySegment`: the targets' totals per segment), where the national participants per
 * segment are known: a segment's total of at least half that segment's national participants is a
 * national split, whatever the whole (rv32 W7: the national BPU target 15,478,826, under half the
 * 39,350,000, read as Kanwil Jawa Barat's own BPU target for 1,200,000 participants; BPU's national
 * participants are 9,098,262). Example: BPU 15,478,826 against BPU 9,098,262 → national, segment BPU.
 * False: of a region's size.
 */
export function nationalSized(total: number, national: { readonly participants: number; readonly segments?: ReadonlyMap<string, number> }, bySegment?: ReadonlyMap<string, number>): NationalSize | false {
  if (2 * total >= national.participants) return { total, national: national.participants };
  if (bySegment && national.segments) {
    for (const [segment, t] of bySegment) {
      const n = national.segments.get(segment);
      if (n !== undefined && n > 0 && 2 * t >= n) return { segment, total: t, national: n };
    }
  }
  return false;
}

/** A target series and its total for a year (null: the series has no target for it). */
export interface SeriesWay {
  readonly file: string;
  readonly scenario: string;
  readonly total: number | null;
  /** The first and last years the series has a target for (the years between are interpolated). */
  readonly years?: readonly [number, number];
  /** The file's share column says its targets were split from a total of their own, not this one (fx58). */
  readonly ownTotal?: true;
}

/**
 * The targets of a breakdown as a table: the units' keys (and the keys that go with them in the input,
 * such as each province's kanwil), their target, and their participants today as the baseline; with
 * `milestone` when milestones are given (one per unit, for the month reported).
 */
/**
 * The input's rows at the breakdown's grain (with each province's kanwil when the input has it), each
 * with the planned unit it is for (rows no unit is for are left out).
 */
function unitRows(result: AllocationResult, input: Table): { base: Table; rows: { row: TableRow; i: number; u: AllocationResult['units'][number] }[] } {
  const extra = input.dims.map((d) => d.name).filter((n) => n === 'kanwil' && !result.dims.includes(n));
  const base = rollup(input, [...result.dims, ...extra]).table;
  const byKey = new Map(result.units.map((u, i) => [u.keys.join('\u0000'), i]));
  const n = result.dims.length;
  const rows: { row: TableRow; i: number; u: AllocationResult['units'][number] }[] = [];
  for (const row of base.rows) {
    const i = byKey.get(row.keys.slice(0, n).join('\u0000'));
    if (i !== undefined) rows.push({ row, i, u: result.units[i]! });
  }
  return { base, rows };
}

export function targetsFromAllocation(result: AllocationResult, input: Table, milestones?: readonly (bigint | null)[]): Table {
  const { base, rows: matched } = unitRows(result, input);
  const rows: TableRow[] = [];
  for (const { row: r, i, u } of matched) {
    const m = milestones?.[i];
    const estimated = plannedEstimates(u); // issue 19: a target planned on estimates is one
    rows.push({ keys: r.keys, values: [Number(u.target), u.participants, m === undefined || m === null ? null : Number(m)], src: r.src, line: r.line, ...(estimated ? { estimated } : {}) });
  }
  return {
    dims: base.dims,
    measures: [
      { name: 'target', kind: 'count' },
      { name: 'participants', kind: 'count' },
      { name: 'milestone', kind: 'count' },
    ],
    rows,
    sources: input.sources,
  };
}

/**
 * The targets of a breakdown month by month, as a `breakdown --months` file would give them: one row
 * per unit and month from the baseline month (milestone = today's participants) to December, each with
 * its December target and its milestone. `path.units[i][m]` is unit i's milestone in `path.months[m]`.
 */
export function monthlyTargetsFromPath(result: AllocationResult, input: Table, baseline: Period, path: { readonly months: readonly Period[]; readonly units: readonly (readonly bigint[])[] }): Table {
  const { base, rows: matched } = unitRows(result, input);
  const months = [baseline, ...path.months];
  const rows: TableRow[] = [];
  for (const { row: r, i, u } of matched) {
    const estimated = plannedEstimates(u); // issue 19: a target planned on estimates is one, and its path
    months.forEach((m, k) => {
      const milestone = k === 0 ? u.participants : Number(path.units[i]![k - 1]!);
      rows.push({ keys: [...r.keys, m], values: [Number(u.target), milestone, u.participants], src: r.src, line: r.line, ...(estimated ? { estimated } : {}) });
    });
  }
  return {
    dims: [...base.dims, { name: 'period', kind: 'period', labels: new Map() }],
    measures: [
      { name: 'target', kind: 'count' },
      { name: 'milestone', kind: 'count' },
      { name: 'baseline', kind: 'count' },
    ],
    rows,
    sources: input.sources,
  };
}

/** Why the frame of a targets file cannot be known. */
export type TargetFrameProblem =
  | { readonly kind: 'year-not-in-file'; readonly year: number; readonly years: readonly number[] }
  | { readonly kind: 'bad-year'; readonly value: string }
  | { readonly kind: 'months-not-december'; readonly last: Period }
  | { readonly kind: 'bad-from'; readonly value: string }
  | { readonly kind: 'not-in-force'; readonly from: Period; readonly asOf: Period }
  | { readonly kind: 'months-with-from' }
  /** --as-of picks a revision other than the one a month-by-month file gives for the month reported. */
  | { readonly kind: 'months-as-of'; readonly asOf: Period; readonly period: Period; readonly inForce: Period | null; readonly given: Period | null }
  | { readonly kind: 'partial-revision'; readonly from: Period; readonly missing: readonly string[]; readonly count: number; readonly of: number }
  /** `lacks`: the series a national plan's year comes from has no target for the month's year (breakdown --year refuses it). */
  | {
      readonly kind: 'after-year';
      readonly period: Period;
      readonly year: number;
      readonly source: string;
      readonly lacks?: { readonly file: string; readonly scenario: string };
      /** What made the targets, for a hint that makes the same of the next year (fx44): a month-by-month file, or --year. */
      readonly made?: 'months' | 'year';
      /** The input's latest month of the targets' year (a --period that works); null: it has none. */
      readonly inYear?: Period | null;
    }
  | {
      readonly kind: 'before-baseline';
      readonly period: Period;
      readonly baseline: Period;
      readonly source: string;
      /** What made the targets (fx44: the hint names --months, or for --year a file of the input's own total), and their year. */
      readonly made?: 'months' | 'year';
      readonly year?: number;
      /** The input's latest month from the baseline on (a --period that works); null: it has none. */
      readonly fromBaseline?: Period | null;
    };

export class TargetFrameError extends Error {
  constructor(readonly problem: TargetFrameProblem) {
    super(problem.kind);
    this.name = 'TargetFrameError';
  }
}

const hasValues = (t: Table, m: string): boolean => {
  const i = measureIndex(t, m);
  if (i < 0) return false;
  // A table kept as columns is asked on them (a million targets: no row object made).
  const cols = columnsOf(t);
  return cols ? cols.givesAny(i) : t.rows.some((r) => r.values[i] !== null);
};

/** Is this a month-by-month targets table (a `breakdown --months` output, or targets per period)? */
export function isMonthly(t: Table): boolean {
  const periods = keysOf(t, 'period');
  return hasValues(t, 'milestone') || (periods.length > 1 && !hasValues(t, 'participants') && !hasValues(t, 'baseline'));
}

/**
 * The December a targets file is for, and its rows for that year.
 * Example: a `breakdown --months` file whose last month is 2024-12 → 2024 ('months'); a file with a
 * year column 2024 → 2024 ('file'); a plain province,target file read for 2024-06 → 2024 ('deduced').
 */
export function targetYearOf(table: Table, flagYear: number | undefined, period: Period | undefined): { year: number; from: YearSource; table: Table; years?: readonly number[] } {
  const yi = dimIndex(table, 'year');
  const years = keysOf(table, 'year').filter((y) => y !== '').map((y) => {
    const n = Number(y);
    if (!/^\d{4}$/.test(y.trim()) || n < 1900 || n > 2199) throw new TargetFrameError({ kind: 'bad-year', value: y });
    return n;
  });
  if (yi >= 0 && years.length) {
    const sorted = [...new Set(years)].sort((a, b) => a - b);
    let year: number;
    if (flagYear !== undefined) {
      if (!sorted.includes(flagYear)) throw new TargetFrameError({ kind: 'year-not-in-file', year: flagYear, years: sorted });
      year = flagYear;
    } else if (sorted.length === 1) year = sorted[0]!;
    else {
      const p = period ? periodYear(period) : sorted[0]!;
      year = sorted.find((y) => y >= p) ?? sorted[sorted.length - 1]!;
    }
    // On the columns (a million targets: no row object made); every row of the year kept: the table itself.
    const kept = filterAt(table, (cols, i, segment) => {
      if (segment) return true;
      const y = cols.key(i, yi);
      return !y || Number(y) === year;
    });
    return { year, from: 'file', table: kept, ...(sorted.length > 1 ? { years: sorted } : {}) };
  }
  if (isMonthly(table)) {
    const last = latestPeriod(keysOf(table, 'period'));
    if (last && !last.endsWith('-12')) throw new TargetFrameError({ kind: 'months-not-december', last });
    if (last) {
      const year = periodYear(last);
      if (flagYear !== undefined && flagYear !== year) throw new TargetFrameError({ kind: 'year-not-in-file', year: flagYear, years: [year] });
      return { year, from: 'months', table };
    }
  }
  if (flagYear !== undefined) return { year: flagYear, from: 'flag', table };
  const base = latestPeriod(keysOf(table, 'period'));
  const fromBase = base ? periodYear(base) + (base.endsWith('-12') ? 1 : 0) : undefined;
  const fromPeriod = period ? periodYear(period) : undefined;
  const year = Math.max(fromBase ?? 0, fromPeriod ?? 0);
  // No year anywhere (no column, no --year, no month in the targets nor in the input): the targets are
  // year-end targets of a year nobody stated. Nothing needs the year then (no month, so no milestone nor
  // months left); it is 'unknown', never a December 0.
  if (!year) return { year: 0, from: 'unknown', table };
  return { year, from: 'deduced', table };
}

/** The targets of the month reported: `target` (December, the revision in force) and `milestone`. */
export interface TargetsAt {
  readonly table: Table;
  /** The revision month of the targets in force (when a file gives revisions); null: the original. */
  readonly revisionFrom: Period | null;
  /** The month reported is not on the file's month-by-month path (no milestone for it). */
  readonly milestoneMissing?: Period;
  /** A path that spans Decembers without targets for them: it runs evenly from its start to the end. */
  readonly noWaypoints?: { readonly from: Period; readonly year: number };
  /** The revision in force (from this month) has no `from_milestone` column: its path has no start. */
  readonly noFromMilestone?: Period;
}

/**
 * The targets for the month reported, as a table with `target` and, where known, `milestone`: read
 * from the file for month-by-month targets, else phased from the baseline (or the revision's start) to
 * December by the function breakdown --months uses.
 * `milestoneOnly`: only the month's milestone is read (a month of the chart, not the month reported).
 * A revision keeps the path before its month, so a month before the revision in force has its
 * milestone in a revised months file whatever target the file gives that month (May's under the
 * original, with --as-of 2024-08 picking the revision from 2024-07); its `target` is then the file's.
 */
export function targetsAt(targets: Targets, period: Period | undefined, asOf: Period | undefined = period, milestoneOnly = false): TargetsAt {
  const t = targets.table;
  const fromDim = dimIndex(t, 'from');
  const unitDims = t.dims.map((d) => d.name).filter((n) => n !== 'period' && n !== 'year' && n !== 'from');
  if (isMonthly(t)) {
    const revised = fromDim >= 0 && keysOf(t, 'from').some((f) => f !== '');
    // Milestones without months: already those of the month reported (coverage --year's plan).
    if (dimIndex(t, 'period') < 0) {
      if (revised) throw new TargetFrameError({ kind: 'months-with-from' });
      return { table: t, revisionFrom: targets.revision?.from ?? null };
    }
    return monthlyTargetsAt(t, period, unitDims, revised ? { asOf: targets.asOf, milestoneOnly } : undefined);
  }
  // One row per unit (and per revision): the revision in force for each unit.
  let table = t;
  let revisionFrom: Period | null = null;
  if (fromDim >= 0) {
    const froms = keysOf(t, 'from').filter((f) => f !== '').map((f) => {
      const p = parsePeriod(f);
      if (!p) throw new TargetFrameError({ kind: 'bad-from', value: f });
      return [f, p] as const;
    });
    const byKey = new Map(froms);
    const inForce = froms.filter(([, p]) => asOf === undefined || p <= asOf).map(([, p]) => p);
    const chosen = latestPeriod(inForce);
    const tc = columnsFor(t);
    let hasOriginal = false;
    for (let i = 0; i < tc.size && !hasOriginal; i++) if (!tc.key(i, fromDim)) hasOriginal = true;
    if (!chosen && !hasOriginal) {
      const first = froms.map(([, p]) => p).sort()[0]!;
      throw new TargetFrameError({ kind: 'not-in-force', from: first, asOf: asOf ?? first });
    }
    revisionFrom = chosen ?? null;
    table = filterAt(t, (cols, i, segment) => {
      if (segment) return true;
      const f = cols.key(i, fromDim);
      return !f ? chosen === undefined : byKey.get(f) === chosen;
    });
    // A revision gives every unit's target (unchanged ones too): a unit it leaves out would have no target
    // from then, which the file does not mean. Refused, naming them.
    if (chosen !== undefined) {
      const ui = unitDims.map((n) => dimIndex(t, n));
      const unitOf = (c: RowColumns, i: number): string => ui.map((d) => c.key(i, d) ?? '').join('\u0000');
      const kept = columnsFor(table);
      const revised = new Set<string>();
      for (let i = 0; i < kept.size; i++) revised.add(unitOf(kept, i));
      const missing = new Map<string, string>();
      for (let i = 0; i < tc.size; i++) {
        const u = unitOf(tc, i);
        if (!revised.has(u) && !missing.has(u)) missing.set(u, ui.map((d) => labelOf(t.dims[d]!, tc.key(i, d) ?? '')).join(' / '));
      }
      if (missing.size) throw new TargetFrameError({ kind: 'partial-revision', from: chosen, missing: [...missing.values()].slice(0, 5), count: missing.size, of: revised.size + missing.size });
    }
  }
  // Each unit's own baseline month: a file put together from breakdowns of different months (a row of
  // the national plan from 2023-12 beside rows re-planned on June) phases every row from its own
  // `period`, never all from the latest (which took December's participants for June's: rv14).
  const ownStart = revisionFrom ? undefined : rowPeriods(table, unitDims);
  const flat = rollup(table, unitDims).table;
  // On the rollup's columns: a million units make no row object (issue 20).
  const fc = columnsFor(flat);
  const ti = measureIndex(flat, 'target');
  const milestones = new Array<number | null>(fc.size).fill(null);
  let noWaypoints: TargetsAt['noWaypoints'];
  const year = targets.year;
  // The path starts at the baseline month from the baseline participants, or for a revision at the
  // month before it from the milestones reached there.
  const startMonth = revisionFrom ? addMonths(revisionFrom, -1) : targets.baselinePeriod;
  const si = measureIndex(flat, revisionFrom ? 'from_milestone' : 'participants');
  if (si >= 0 && startMonth && period) {
    // The rows by the month their path starts from (one group, unless the rows give different baseline months).
    const groups = new Map<Period, number[]>();
    const nd = flat.dims.length;
    for (let i = 0; i < fc.size; i++) {
      const start = fc.value(i, si);
      const target = fc.value(i, ti);
      if (start === null || target === null || target < start) continue;
      let from = startMonth;
      if (ownStart) {
        const keys: (string | null)[] = [];
        for (let d = 0; d < nd; d++) keys.push(fc.key(i, d));
        from = ownStart.get(keys.join('\u0000')) ?? startMonth;
      }
      const g = groups.get(from);
      if (g) g.push(i);
      else groups.set(from, [i]);
    }
    for (const [from, eligible] of groups) {
      const elapsed = monthsBetween(from, period);
      const span = monthsBetween(from, `${year}-12`);
      if (span > 12 && (!noWaypoints || from < noWaypoints.from)) noWaypoints = { from, year };
      if (elapsed === 0) for (const i of eligible) milestones[i] = fc.value(i, si)!;
      else if (elapsed > 0 && elapsed <= span) {
        const weights = monthWeights(monthsUntilDecember(from, year), targets.phasing);
        if (Array.isArray(weights) && weights.some((w) => w > 0)) {
          const path = phaseToDecember({
            baseline: eligible.map((i) => BigInt(fc.value(i, si)!)),
            targets: eligible.map((i) => BigInt(fc.value(i, ti)!)),
            from,
            year,
            weights,
            method: targets.method,
          });
          eligible.forEach((i, k) => (milestones[i] = Number(path.units[k]![elapsed - 1]!)));
        }
      }
    }
  }
  let noStart = si < 0;
  if (!noStart) {
    noStart = true;
    for (let i = 0; i < fc.size && noStart; i++) if (fc.value(i, si) !== null) noStart = false;
  }
  return {
    table: targetTable(flat, (i) => (ti >= 0 ? fc.value(i, ti) : null), (i) => milestones[i] ?? null),
    revisionFrom,
    ...(noWaypoints ? { noWaypoints } : {}),
    // A revision whose rows give no `from_milestone` at all (the column deleted, or never written).
    ...(revisionFrom && noStart ? { noFromMilestone: revisionFrom } : {}),
  };
}

const TARGET_MEASURES: readonly Measure[] = [
  { name: 'target', kind: 'count' },
  { name: 'milestone', kind: 'count' },
];

/**
 * The targets of a month as a table with `target` and `milestone` (by row of `rows`, null: none), on the
 * rows of a rollup: its keys, places and estimate marks shared, no row object made (issue 20: a million
 * targets cost their values, not a row, its keys and its values each).
 */
function targetTable(rows: Table, target: (i: number) => number | null, milestone: (i: number) => number | null): Table {
  const from = columnsFor(rows);
  const cols = RowColumns.sameRows(from, 2);
  for (let i = 0; i < from.size; i++) {
    const t = target(i);
    if (t !== null) cols.setValue(i, 0, t);
    const m = milestone(i);
    if (m !== null) cols.setValue(i, 1, m);
  }
  return new StoredTable(rows.dims, TARGET_MEASURES, rows.sources, cols);
}

/**
 * The baseline month of each unit of a one-row-per-unit file (its `period`, the latest when a unit has
 * several), keyed by its unit keys joined as rollup joins them; undefined when the rows do not give
 * different months (then every row starts from the targets' baseline month).
 */
function rowPeriods(t: Table, unitDims: readonly string[]): Map<string, Period> | undefined {
  const pi = dimIndex(t, 'period');
  if (pi < 0) return undefined;
  const months = keysOf(t, 'period').filter((p) => p !== '');
  if (months.length < 2) return undefined;
  const ui = unitDims.map((n) => dimIndex(t, n));
  const out = new Map<string, Period>();
  for (const r of t.rows) {
    const p = r.keys[pi];
    if (!p) continue;
    const k = ui.map((d) => r.keys[d] ?? '').join('\u0000');
    const had = out.get(k);
    if (had === undefined || p > had) out.set(k, p);
  }
  return out;
}

/** The baseline months a one-row-per-unit targets file gives, with the number of rows of each (rv14). */
export function baselineMonths(t: Table): Map<Period, number> {
  const pi = dimIndex(t, 'period');
  const out = new Map<Period, number>();
  if (pi < 0 || isMonthly(t)) return out;
  for (const r of t.rows) {
    const p = r.keys[pi];
    if (p) out.set(p, (out.get(p) ?? 0) + 1);
  }
  return out;
}

/**
 * The revision a month-by-month file gives for a month: the latest `from` of its rows of that month
 * (null: the original). Example: a `breakdown --months` file of a series revised from 2024-07 gives null
 * for 2024-05 and 2024-07 for 2024-08.
 */
function monthRevision(t: Table, month: Period): Period | null {
  const fi = dimIndex(t, 'from');
  const pi = dimIndex(t, 'period');
  let out: Period | null = null;
  for (const r of t.rows) {
    const f = r.keys[fi];
    if (r.keys[pi] !== month || !f) continue;
    const p = parsePeriod(f);
    if (!p) throw new TargetFrameError({ kind: 'bad-from', value: f });
    if (out === null || p > out) out = p;
  }
  return out;
}

/**
 * `revised`: the file gives the revision in force month by month (a `from` column): each month's target
 * is the one in force then, and an --as-of that picks another revision for the month reported is refused
 * (the file's months hold one path: the milestones of that month under another target are not in it).
 */
function monthlyTargetsAt(t: Table, period: Period | undefined, unitDims: readonly string[], revised?: { readonly asOf?: Period; readonly milestoneOnly?: boolean }): TargetsAt {
  const periods = keysOf(t, 'period').sort();
  const hasMilestones = hasValues(t, 'milestone');
  const last = periods[periods.length - 1]!;
  // The December target of each unit: in force in the month reported (a breakdown --months file gives it
  // on every month), else the last month's. A month outside the file: of a revised file, the first
  // month's target before it, the last's after it.
  const inFile = period !== undefined && periods.includes(period);
  const targetMonth = hasMilestones && inFile ? period : revised && period !== undefined && period < periods[0]! ? periods[0]! : last;
  const targetRows = rollup(atPeriod(t, targetMonth), unitDims).table;
  const ti = measureIndex(targetRows, 'target');
  const tc = columnsFor(targetRows);
  const revisionFrom = revised ? monthRevision(t, targetMonth) : null;
  if (revised?.asOf && period) {
    const froms = keysOf(t, 'from').filter((f) => f !== '').map((f) => parsePeriod(f) ?? f).filter((f) => f <= revised.asOf!);
    const inForce = latestPeriod(froms) ?? null;
    // A month before the revision in force is on the path that revision kept: its milestone is the file's.
    const kept = revised.milestoneOnly === true && inForce !== null && period < inForce;
    if (inForce !== revisionFrom && !kept) throw new TargetFrameError({ kind: 'months-as-of', asOf: revised.asOf, period, inForce, given: revisionFrom });
  }
  if (!period || !inFile) {
    return {
      table: targetTable(targetRows, (i) => tc.value(i, ti), () => null),
      revisionFrom,
      ...(period ? { milestoneMissing: period } : {}),
    };
  }
  const here = rollup(atPeriod(t, period), unitDims).table;
  const mi = measureIndex(here, hasMilestones ? 'milestone' : 'target');
  const hc = columnsFor(here);
  // Each unit's December target, by its keys (the month reported's own rows when it is the target month).
  let decAt: (i: number) => number | null;
  if (targetMonth === period) decAt = (i) => hc.value(i, ti);
  else {
    const unitKey = (c: RowColumns, i: number): string => {
      let k = '';
      for (let d = 0; d < unitDims.length; d++) k = d === 0 ? (c.key(i, d) ?? '') : k + '\u0000' + (c.key(i, d) ?? '');
      return k;
    };
    const decByKey = new Map<string, number | null>();
    for (let i = 0; i < tc.size; i++) decByKey.set(unitKey(tc, i), tc.value(i, ti));
    decAt = (i) => decByKey.get(unitKey(hc, i)) ?? null;
  }
  return { table: targetTable(here, decAt, (i) => hc.value(i, mi)), revisionFrom };
}
