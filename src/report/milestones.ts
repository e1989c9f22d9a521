// breakdown --months → a Report: one row per unit and month (and a national row per month), the unit's
// milestone on the path from its baseline to its December target.
// Columns (a contract): period, year, (from, for a revised target), the key columns, baseline, milestone,
// target, progress_needed, estimated; csv adds level. `target` is the December target in force in the
// month: for a target revised from a month on, the original before it and the revision from it, with
// `from` the month the revision in force is from (empty: the original). On a multi-year path, `from` is
// also the month of a revision of a December on the way (2024 revised from 2024-07 under --year 2026):
// the path is redrawn from it, the `target` (the year's) unchanged (rv27 F4).

import type { AllocationResult } from '../core/allocation/plan.js';
import type { Column, Report, Row, Value } from './model.js';
import { keyColumns, keyValues, totalLabel } from './common.js';
import { columnWords } from './vocabulary.js';
import { ESTIMATED_REPORT_COLUMN, estimateLegend, estimatedCell, plannedFigures, withEstimates } from './estimates.js';

export interface Path {
  readonly months: readonly string[];
  readonly national: readonly bigint[];
  /** units[i][m]: unit i's milestone in month m. */
  readonly units: readonly (readonly bigint[])[];
}

/**
 * One stage of the target: the original, or a revision in force from a month on (its units in the order
 * of the result's); `along`: a revision of a December on the way only (the result the stage before's).
 */
export interface MilestoneStage {
  readonly from?: string;
  readonly result: AllocationResult;
  readonly along?: true;
}

export function milestoneColumns(dims: readonly string[], baselinePeriod: string, revised = false): Column[] {
  return [
    { key: 'period', label: { en: 'month', id: 'bulan' }, kind: 'text' },
    { key: 'year', label: { en: 'target year', id: 'tahun target' }, kind: 'text' },
    ...(revised ? [{ key: 'from', label: { en: 'revised from', id: 'revisi mulai' }, kind: 'text' } as Column] : []),
    ...keyColumns(dims),
    { key: 'baseline', label: { en: `baseline ${baselinePeriod}`, id: `awal ${baselinePeriod}` }, kind: 'int' },
    { key: 'milestone', label: { en: 'milestone', id: 'tonggak' }, kind: 'int', priority: 2.5 },
    { key: 'target', label: { en: 'December target', id: 'target Desember' }, kind: 'int' },
    { key: 'progress_needed', label: columnWords('progress_needed'), kind: 'signed-int' },
    ESTIMATED_REPORT_COLUMN,
  ];
}

export function milestonesReport(r: AllocationResult, path: Path, baselinePeriod: string, base: Report, phasing: string, stages: readonly MilestoneStage[] = [{ result: r }]): Report {
  const rows: Row[] = [];
  const revised = stages.length > 1;
  // The stage in force in a month: the last one whose month has come (the first is the original).
  const stageAt = (m: string): MilestoneStage => {
    let at = stages[0]!;
    for (const s of stages) if (s.from === undefined || s.from <= m) at = s;
    return at;
  };
  const year = base.meta['year'] === null || base.meta['year'] === undefined ? null : String(base.meta['year']);
  const baseline = r.units.map((u) => BigInt(u.participants ?? 0));
  const baseTotal = baseline.reduce((a, b) => a + b, 0n);
  // Estimates: a unit's baseline as the data labels it; its milestones and target when planned on one.
  const figures = r.units.map((u) => plannedFigures(u, 'baseline', ['milestone', 'target']));
  const parentFigures = new Map(r.parents.map((p) => [p.keys[0]!, plannedFigures(p, 'baseline', ['milestone', 'target'])]));
  const totalFigures = plannedFigures({ estimated: [...new Set(r.units.flatMap((u) => u.estimated ?? []))] }, 'baseline', ['milestone']);
  path.months.forEach((m, k) => {
    const stage = stageAt(m).result;
    const from: Record<string, Value> = revised ? { from: stageAt(m).from ?? null } : {};
    // Two keys (province × segment, province › regency): each province's subtotal after its units, as
    // in the yearly report; its milestone is the sum of its units', which is the province's own path.
    let group = { baseline: 0n, milestone: 0n, target: 0n };
    r.units.forEach((u, i) => {
      const milestone = path.units[i]![k]!;
      rows.push(withEstimates({ values: { period: m, year, ...from, ...keyValues(r.dims, u.keys, u.labels), baseline: Number(baseline[i]!), milestone: Number(milestone), target: Number(stage.units[i]!.target), progress_needed: Number(milestone - baseline[i]!), estimated: estimatedCell(figures[i]) } }, figures[i]));
      if (r.dims.length !== 2) return;
      group.baseline += baseline[i]!;
      group.milestone += milestone;
      group.target += stage.units[i]!.target;
      if (r.units[i + 1]?.keys[0] === u.keys[0]) return;
      // Estimated as the province is in the yearly report (a published province total is not, whatever its split).
      const marks = parentFigures.get(u.keys[0]!);
      rows.push(withEstimates({ level: 'subtotal', values: { period: m, year, ...from, ...totalLabel(r.dims, u.keys.slice(0, 1), u.labels.slice(0, 1)), baseline: Number(group.baseline), milestone: Number(group.milestone), target: Number(group.target), progress_needed: Number(group.milestone - group.baseline), estimated: estimatedCell(marks) } }, marks));
      group = { baseline: 0n, milestone: 0n, target: 0n };
    });
    rows.push(withEstimates({ level: 'subtotal', values: { period: m, year, ...from, [r.dims[0]!]: 'Total', baseline: Number(baseTotal), milestone: Number(path.national[k]!), target: Number(stage.total.target), progress_needed: Number(path.national[k]! - baseTotal), estimated: estimatedCell(totalFigures) } }, totalFigures));
  });
  const columns = milestoneColumns(r.dims, baselinePeriod, revised);
  return {
    kind: 'milestones',
    title: { en: base.title.en.replace(/^Target breakdown/, 'Monthly milestones'), id: base.title.id.replace(/^Rincian target/, 'Tonggak bulanan') },
    columns,
    rows,
    meta: { ...base.meta, months: path.months.length, phasing, firstMonth: path.months[0] ?? null, lastMonth: path.months[path.months.length - 1] ?? null },
    notes: base.notes,
    legend: estimateLegend(rows.some((x) => x.estimated?.length)),
    humanColumns: columns.filter((c) => c !== ESTIMATED_REPORT_COLUMN).map((c) => c.key),
  };
}
