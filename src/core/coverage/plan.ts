// planCoverage: the coverage report as data. Pure.
//
// For the month reported (default: the latest in the input), at the grain asked for (--by), every
// group gets its participants, its denominator (from the input, or for an extract from a separate
// denominators table), its target and this month's milestone, and the previous month's figures. A
// measure known only at a coarser grain (a province's workforce in a province × segment report) is
// shown on the coarser rows only — the subtotals and the total — and said so. Groups come out in the
// order they first appear in the input; subtotals follow each first key's groups.

import { latestPeriod, monthsLeft, type Period } from '../calendar.js';
import type { Note } from '../facts.js';
import { atPeriod, dimIndex, filterRows, keysOf, labelOf, measureIndex, rollup, type Aggregated, type RowRef, type Table } from '../table.js';
import { computeCoverage, type CoverageMetrics } from './metrics.js';
import { deduceTargetYear, targetsAt, type Targets } from './targets.js';

export interface CoverageSpec {
  readonly grain: readonly string[];
  /** The month reported; undefined: the latest in the input. */
  readonly period?: Period;
  readonly denominator?: string;
  readonly atRiskMargin: number;
}

export interface CoverageInputs {
  readonly current: Table;
  /** Files of the previous month (--previous); else the month before, from `current`. */
  readonly previous?: Table;
  /** Denominators for an extract (--workforce, or the bundled baseline). */
  readonly denominators?: Table;
  readonly targets?: Targets;
}

export interface CoverageRow {
  readonly level: 'detail' | 'subtotal' | 'total';
  readonly keys: readonly string[];
  readonly labels: readonly string[];
  readonly metrics: CoverageMetrics;
  readonly targetCoverage: number | null;
}

export interface CoverageResult {
  readonly grain: readonly string[];
  readonly period?: Period;
  readonly previousPeriod?: Period;
  readonly denominator?: string;
  /** Where the denominator came from: the input itself, or the denominators table. */
  readonly denominatorFrom: 'input' | 'denominators' | null;
  /** Detail rows in input order, each first key's subtotal after its rows, then the total. */
  readonly rows: readonly CoverageRow[];
  readonly targetYear?: number;
  readonly monthsLeft?: number;
  readonly notes: readonly Note[];
}

/** Why a coverage report cannot be made. */
export type CoverageProblem =
  | { readonly kind: 'no-period'; readonly period: Period; readonly periods: readonly Period[] }
  | { readonly kind: 'grain-missing'; readonly dim: string; readonly at: RowRef }
  | { readonly kind: 'previous-not-earlier'; readonly previous: Period; readonly period: Period }
  | { readonly kind: 'no-participants' };

export class CoverageError extends Error {
  constructor(readonly problem: CoverageProblem) {
    super(problem.kind);
    this.name = 'CoverageError';
  }
}

const SEP = '\u0000';
const key = (keys: readonly string[]): string => keys.join(SEP);

/** A measure of a table at a grain, by group key; `coarser` lists the dims it is known per when not at this grain. */
function measureAt(table: Table | undefined, grain: readonly string[], measure: string): { values: Map<string, number | null>; agg?: Aggregated; lacking?: readonly string[] } {
  const values = new Map<string, number | null>();
  if (!table || measureIndex(table, measure) < 0) return { values };
  const missing = grain.filter((g) => dimIndex(table, g) < 0);
  if (missing.length) return { values, lacking: missing };
  const agg = rollup(table, grain);
  const m = measureIndex(agg.table, measure);
  for (const r of agg.table.rows) values.set(key(r.keys as string[]), r.values[m] ?? null);
  return { values, agg };
}

/** The dims at which the rows carrying a measure are given (for "known per province"). */
function knownPer(table: Table, measure: string): string[] {
  const m = measureIndex(table, measure);
  const row = table.rows.find((r) => r.values[m] !== null && r.parent === undefined);
  if (!row) return [];
  return table.dims.filter((d, i) => row.keys[i] !== null && d.name !== 'period' && d.name !== 'kanwil').map((d) => d.name);
}

/**
 * The rows of a denominators table for the areas the report has: an extract of Gorontalo's
 * participants is compared with Gorontalo's workforce, not with the whole country's.
 */
function restrictTo(den: Table, cur: Table): Table {
  const shared = den.dims.map((d) => d.name).filter((n) => n !== 'period' && dimIndex(cur, n) >= 0);
  const di = shared.map((n) => dimIndex(den, n));
  const ci = shared.map((n) => dimIndex(cur, n));
  // For each set of shared dims a row has, the key tuples the report has on them.
  const present = new Map<number, Set<string>>();
  const keysFor = (mask: number): Set<string> => {
    let set = present.get(mask);
    if (set) return set;
    set = new Set<string>();
    const on = ci.filter((_, j) => mask & (1 << j));
    for (const r of cur.rows) if (on.every((i) => r.keys[i] !== null)) set.add(on.map((i) => r.keys[i]).join(SEP));
    present.set(mask, set);
    return set;
  };
  return filterRows(den, (r) => {
    let mask = 0;
    di.forEach((i, j) => {
      if (r.keys[i] !== null) mask |= 1 << j;
    });
    return keysFor(mask).has(di.filter((_, j) => mask & (1 << j)).map((i) => r.keys[i]).join(SEP));
  });
}

export function planCoverage(inputs: CoverageInputs, spec: CoverageSpec): CoverageResult {
  const notes: Note[] = [];
  const current = inputs.current;
  const periods = keysOf(current, 'period').sort();
  const period = spec.period ?? latestPeriod(periods);
  if (spec.period && periods.length && !periods.includes(spec.period)) throw new CoverageError({ kind: 'no-period', period: spec.period, periods });
  const pDim = dimIndex(current, 'period');
  const cur = period ? atPeriod(current, period) : current;
  if (period && pDim >= 0) {
    const undated = [...new Set(cur.rows.filter((r) => r.keys[pDim] === null).map((r) => cur.sources[r.src]!.name))];
    if (undated.length && periods.length) notes.push({ code: 'no-period', period, files: undated });
  }
  const grain = spec.grain;
  const pi = measureIndex(cur, 'participants');
  if (pi < 0 || !cur.rows.some((r) => r.values[pi] !== null)) throw new CoverageError({ kind: 'no-participants' });

  // Areas of an earlier month that the month reported lacks.
  if (period && periods.length > 1) {
    const here = new Set(rollup(cur, grain).table.rows.map((r) => key(r.keys as string[])));
    // One pass over every month: the groups of each earlier month that the month reported lacks.
    const byMonth = rollup(filterRows(current, (r) => r.keys[pDim] !== null && r.keys[pDim]! < period), [...grain, 'period']).table;
    const missing = new Map<string, string>();
    let latestEarlier = '';
    for (const r of byMonth.rows) {
      const keys = r.keys.slice(0, grain.length) as string[];
      const k = key(keys);
      if (here.has(k)) continue;
      missing.set(k, keys.map((x, d) => labelOf(byMonth.dims[d]!, x)).join(' / '));
      if (r.keys[grain.length]! > latestEarlier) latestEarlier = r.keys[grain.length]!;
    }
    if (missing.size) notes.push({ code: 'missing-in-period', period, earlier: latestEarlier, areas: [...missing.values()] });
  }

  // Previous month.
  let previousTable: Table | undefined;
  let previousPeriod: Period | undefined;
  if (inputs.previous) {
    previousPeriod = latestPeriod(keysOf(inputs.previous, 'period'));
    if (previousPeriod && period && previousPeriod >= period) throw new CoverageError({ kind: 'previous-not-earlier', previous: previousPeriod, period });
    previousTable = previousPeriod ? atPeriod(inputs.previous, previousPeriod) : inputs.previous;
  } else if (period) {
    previousPeriod = latestPeriod(periods.filter((p) => p < period));
    previousTable = previousPeriod ? filterRows(current, (r) => r.keys[pDim] === previousPeriod) : undefined;
  }

  // The denominator: from the input, else from the denominators table.
  const fromInput = spec.denominator !== undefined && measureIndex(cur, spec.denominator) >= 0 && cur.rows.some((r) => r.values[measureIndex(cur, spec.denominator!)] !== null);
  const denTable = spec.denominator === undefined ? undefined : fromInput ? cur : inputs.denominators && restrictTo(inputs.denominators, cur);
  const denominatorFrom = spec.denominator === undefined || !denTable ? null : fromInput ? 'input' : 'denominators';
  if (!denominatorFrom) notes.push({ code: 'no-denominator' });

  // Targets for the month reported.
  const targetYear = inputs.targets ? deduceTargetYear(inputs.targets, period) : undefined;
  const targetTable = inputs.targets ? targetsAt(inputs.targets, period, targetYear) : undefined;
  const left = period && targetYear !== undefined ? monthsLeft(period, targetYear) : undefined;

  const rows: CoverageRow[] = [];
  const levelRows = (g: readonly string[], level: CoverageRow['level']): CoverageRow[] => {
    const agg = rollup(cur, g);
    if (level === 'detail') {
      const un = agg.unplaced.get('participants');
      if (un) throw new CoverageError({ kind: 'grain-missing', dim: un.lacks[0] ?? g[0]!, at: un.first });
    }
    const part = agg.table;
    const pm = measureIndex(part, 'participants');
    const den = spec.denominator ? measureAt(denTable, g, spec.denominator) : { values: new Map<string, number | null>() };
    if (level === 'detail' && spec.denominator && denTable) {
      const agg2 = den.agg;
      const un = agg2?.unplaced.get(spec.denominator);
      if (den.lacking || (un && ![...den.values.values()].some((v) => v !== null))) notes.push({ code: 'coarser', measure: spec.denominator, grain: g, knownPer: knownPer(denTable, spec.denominator) });
      const inc = agg2?.incomplete.get(spec.denominator);
      if (inc) notes.push({ code: 'incomplete', measure: spec.denominator, groups: inc.count, example: inc.keys.join(' / '), at: `${denTable.sources[inc.at.src]?.name ?? ''}:${inc.at.line}` });
    }
    const tgt = targetTable ? measureAt(targetTable.table, g, 'target') : undefined;
    const mil = targetTable ? measureAt(targetTable.table, g, 'milestone') : undefined;
    const prevP = previousTable ? measureAt(previousTable, g, 'participants') : undefined;
    const prevD = previousTable && spec.denominator ? measureAt(previousTable, g, spec.denominator) : undefined;
    return part.rows.map((r) => {
      const k = key(r.keys as string[]);
      const d = den.values.get(k) ?? undefined;
      const t = tgt?.values.get(k) ?? undefined;
      const metrics = computeCoverage(
        {
          denominator: d ?? undefined,
          participants: r.values[pm]!,
          target: t ?? undefined,
          milestone: mil?.values.get(k) ?? undefined,
          monthsLeft: t !== undefined && t !== null ? left : undefined,
          previousParticipants: prevP?.values.get(k) ?? undefined,
          previousDenominator: prevD?.values.get(k) ?? undefined,
        },
        spec.atRiskMargin,
      );
      return {
        level,
        keys: r.keys as string[],
        labels: r.keys.map((x, i) => labelOf(part.dims[i]!, x!)),
        metrics,
        targetCoverage: t !== undefined && t !== null && d !== undefined && d !== null && d > 0 ? t / d : null,
      };
    });
  };
  const detail = levelRows(grain, 'detail');
  if (targetTable) {
    const without = detail.filter((r) => r.metrics.target === null);
    if (without.length) notes.push({ code: 'no-target', rows: without.slice(0, 5).map((r) => r.labels.join(' / ')), count: without.length });
  }
  if (grain.length >= 2) {
    const subs = new Map(levelRows([grain[0]!], 'subtotal').map((r) => [r.keys[0]!, r]));
    const byFirst = new Map<string, CoverageRow[]>();
    for (const r of detail) {
      const list = byFirst.get(r.keys[0]!);
      if (list) list.push(r);
      else byFirst.set(r.keys[0]!, [r]);
    }
    for (const [k, list] of byFirst) {
      for (const r of list) rows.push(r);
      const s = subs.get(k);
      if (s) rows.push(s);
    }
  } else for (const r of detail) rows.push(r);
  for (const r of levelRows([], 'total')) rows.push(r);
  const over = detail.filter((r) => r.metrics.coverage !== null && r.metrics.coverage > 1).map((r) => r.labels.join(' / '));
  if (over.length) notes.push({ code: 'over-coverage', units: over });
  return {
    grain,
    period,
    previousPeriod: previousTable ? previousPeriod : undefined,
    denominator: denominatorFrom ? spec.denominator : undefined,
    denominatorFrom,
    rows,
    targetYear,
    monthsLeft: left,
    notes,
  };
}

/** Rows below a threshold, after the report is written (--fail-below); every row counts, also those --top hides. */
export function thresholdBreaches(result: CoverageResult, measure: 'coverage' | 'achievement', scope: 'any' | 'total', below: number): { checked: number; breached: { label: string; value: number }[]; anyValue: boolean } {
  const rows = result.rows.filter((r) => (scope === 'total' ? r.level === 'total' : r.level === 'detail'));
  const values = rows.map((r) => ({ label: r.level === 'total' ? 'Total' : r.labels.join(' / '), value: measure === 'coverage' ? r.metrics.coverage : r.metrics.achievement }));
  return {
    checked: rows.length,
    anyValue: values.some((v) => v.value !== null),
    breached: values.filter((v): v is { label: string; value: number } => v.value !== null && v.value < below),
  };
}

