// Targets for a coverage report, as a Table (so that they add up to any grain like every other
// measure), with what it takes to phase them: their baseline month, the target year, the phasing and
// the method. Milestones are computed here by the same function as `breakdown --months`.
//
// Three kinds of targets table:
//   - a breakdown result (coverage --year), or a breakdown output file: one row per unit with its
//     December `target` and today's `participants` (the baseline) at the baseline month;
//   - a `breakdown --months` output: one row per unit and month with its `milestone` (and `target`):
//     the milestone of the reported month is read, never summed over the months;
//   - any file with `target` per key (and optionally per period: then the target of a period is that
//     month's milestone, and the latest period's target is the December target).

import type { AllocationResult } from '../allocation/plan.js';
import type { MethodName } from '../allocation/methods.js';
import { monthsBetween, monthsUntilDecember, periodYear, type Period } from '../calendar.js';
import { monthWeights, phaseToDecember, type Phasing } from '../phasing.js';
import { atPeriod, dimIndex, keysOf, measureIndex, rollup, type Table, type TableRow } from '../table.js';

export interface Targets {
  readonly table: Table;
  /** The month the baseline (participants) of the targets is from. */
  readonly baselinePeriod?: Period;
  /** Targets are for December of this year; undefined: deduced from the months. */
  readonly year?: number;
  readonly phasing: Phasing;
  readonly method: MethodName;
  /** Where they came from, for the report. */
  readonly source: string;
}

/**
 * The targets of a breakdown as a table: the units' keys (and the keys that go with them in the input,
 * such as each province's kanwil), their target, and their participants today as the baseline.
 */
export function targetsFromAllocation(result: AllocationResult, input: Table): Table {
  const extra = input.dims.map((d) => d.name).filter((n) => n === 'kanwil' && !result.dims.includes(n));
  const grain = [...result.dims, ...extra];
  const base = rollup(input, grain).table;
  const byKey = new Map(result.units.map((u) => [u.keys.join('\u0000'), u]));
  const n = result.dims.length;
  const rows: TableRow[] = [];
  for (const r of base.rows) {
    const u = byKey.get(r.keys.slice(0, n).join('\u0000'));
    if (!u) continue;
    rows.push({ keys: r.keys, values: [Number(u.target), u.participants], src: r.src, line: r.line });
  }
  return {
    dims: base.dims,
    measures: [
      { name: 'target', kind: 'count' },
      { name: 'participants', kind: 'count' },
    ],
    rows,
    sources: input.sources,
  };
}

/** The December target year of targets read from a file: the year after a December baseline. */
export function deduceTargetYear(targets: Targets, period: Period | undefined): number | undefined {
  if (targets.year !== undefined) return targets.year;
  const base = targets.baselinePeriod;
  const fromBase = base ? periodYear(base) + (base.endsWith('-12') ? 1 : 0) : undefined;
  const fromPeriod = period ? periodYear(period) : undefined;
  if (fromBase === undefined) return fromPeriod;
  return fromPeriod === undefined ? fromBase : Math.max(fromBase, fromPeriod);
}

/**
 * The targets for the month reported, as a table with `target` and, where known, `milestone`:
 * read from the file for month-by-month targets, else phased from the baseline to December.
 */
export function targetsAt(targets: Targets, period: Period | undefined, year: number | undefined): { table: Table; milestoneMissing?: string } {
  const t = targets.table;
  const pDim = dimIndex(t, 'period');
  const hasMilestones = measureIndex(t, 'milestone') >= 0 && t.rows.some((r) => r.values[measureIndex(t, 'milestone')] !== null);
  const periods = pDim >= 0 ? keysOf(t, 'period').sort() : [];
  const withoutPeriod = (table: Table): Table => {
    if (pDim < 0) return table;
    return rollup(table, table.dims.filter((d) => d.name !== 'period').map((d) => d.name)).table;
  };
  const pi = measureIndex(t, 'participants');
  const hasBaseline = pi >= 0 && t.rows.some((r) => r.values[pi] !== null);
  if (hasMilestones || (periods.length > 1 && !hasBaseline)) {
    // Month-by-month targets: the reported month's rows; December targets from the last month.
    const last = periods[periods.length - 1]!;
    const lastRows = withoutPeriod(atPeriod(t, last));
    if (!period || !periods.includes(period)) return { table: dropMeasure(lastRows, 'milestone'), milestoneMissing: period };
    const here = withoutPeriod(atPeriod(t, period));
    const mi = measureIndex(here, hasMilestones ? 'milestone' : 'target');
    const ti = measureIndex(lastRows, 'target');
    const decByKey = new Map(lastRows.rows.map((r) => [r.keys.join('\u0000'), r.values[ti] ?? null]));
    return {
      table: {
        dims: here.dims,
        measures: [
          { name: 'target', kind: 'count' },
          { name: 'milestone', kind: 'count' },
        ],
        rows: here.rows.map((r) => ({ ...r, values: [decByKey.get(r.keys.join('\u0000')) ?? null, r.values[mi] ?? null] })),
        sources: here.sources,
      },
    };
  }
  // One row per unit: phase from the baseline to December.
  const flat = withoutPeriod(t);
  const ti = measureIndex(flat, 'target');
  const bi = measureIndex(flat, 'participants');
  const base = targets.baselinePeriod;
  const milestones = new Array<number | null>(flat.rows.length).fill(null);
  if (bi >= 0 && base && period && year !== undefined) {
    const elapsed = monthsBetween(base, period);
    const span = monthsBetween(base, `${year}-12`);
    const eligible = flat.rows.flatMap((r, i) => (r.values[bi] !== null && r.values[ti] !== null && r.values[ti]! >= r.values[bi]! ? [i] : []));
    if (elapsed === 0) for (const i of eligible) milestones[i] = flat.rows[i]!.values[bi]!;
    else if (elapsed > 0 && elapsed <= span && eligible.length) {
      const weights = monthWeights(monthsUntilDecember(base, year), targets.phasing);
      if (Array.isArray(weights)) {
        const path = phaseToDecember({
          baseline: eligible.map((i) => BigInt(flat.rows[i]!.values[bi]!)),
          targets: eligible.map((i) => BigInt(flat.rows[i]!.values[ti]!)),
          from: base,
          year,
          weights,
          method: targets.method,
        });
        eligible.forEach((i, k) => (milestones[i] = Number(path.units[k]![elapsed - 1]!)));
      }
    }
  }
  return {
    table: {
      dims: flat.dims,
      measures: [
        { name: 'target', kind: 'count' },
        { name: 'milestone', kind: 'count' },
      ],
      rows: flat.rows.map((r, i) => ({ ...r, values: [r.values[ti] ?? null, milestones[i] ?? null] })),
      sources: flat.sources,
    },
  };
}

function dropMeasure(t: Table, name: string): Table {
  const i = measureIndex(t, name);
  if (i < 0) return t;
  return { ...t, rows: t.rows.map((r) => ({ ...r, values: r.values.map((v, m) => (m === i ? null : v)) })) };
}
