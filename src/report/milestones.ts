// breakdown --months → a Report: one row per unit and month (and a national row per month), the unit's
// milestone on the path from its baseline to its December target.
// Columns (a contract): period, the key columns, baseline, milestone, target, progress_needed; csv adds level.

import type { AllocationResult } from '../core/allocation/plan.js';
import type { Column, Report, Row } from './model.js';
import { keyColumns, keyValues } from './common.js';
import { columnWords } from './vocabulary.js';
import { ESTIMATED_REPORT_COLUMN, estimateLegend, estimatedCell, plannedFigures, withEstimates } from './estimates.js';

export interface Path {
  readonly months: readonly string[];
  readonly national: readonly bigint[];
  /** units[i][m]: unit i's milestone in month m. */
  readonly units: readonly (readonly bigint[])[];
}

export function milestoneColumns(dims: readonly string[], baselinePeriod: string): Column[] {
  return [
    { key: 'period', label: { en: 'month', id: 'bulan' }, kind: 'text' },
    { key: 'year', label: { en: 'target year', id: 'tahun target' }, kind: 'text' },
    ...keyColumns(dims),
    { key: 'baseline', label: { en: `baseline ${baselinePeriod}`, id: `awal ${baselinePeriod}` }, kind: 'int' },
    { key: 'milestone', label: { en: 'milestone', id: 'tonggak' }, kind: 'int', priority: 2.5 },
    { key: 'target', label: { en: 'December target', id: 'target Desember' }, kind: 'int' },
    { key: 'progress_needed', label: columnWords('progress_needed'), kind: 'signed-int' },
    ESTIMATED_REPORT_COLUMN,
  ];
}

export function milestonesReport(r: AllocationResult, path: Path, baselinePeriod: string, base: Report, phasing: string): Report {
  const rows: Row[] = [];
  const year = base.meta['year'] === null || base.meta['year'] === undefined ? null : String(base.meta['year']);
  const baseline = r.units.map((u) => BigInt(u.participants ?? 0));
  const baseTotal = baseline.reduce((a, b) => a + b, 0n);
  // Estimates: a unit's baseline as the data labels it; its milestones and target when planned on one.
  const figures = r.units.map((u) => plannedFigures(u, 'baseline', ['milestone', 'target']));
  const totalFigures = plannedFigures({ estimated: [...new Set(r.units.flatMap((u) => u.estimated ?? []))] }, 'baseline', ['milestone']);
  path.months.forEach((m, k) => {
    r.units.forEach((u, i) => {
      const milestone = path.units[i]![k]!;
      rows.push(withEstimates({ values: { period: m, year, ...keyValues(r.dims, u.keys, u.labels), baseline: Number(baseline[i]!), milestone: Number(milestone), target: Number(u.target), progress_needed: Number(milestone - baseline[i]!), estimated: estimatedCell(figures[i]) } }, figures[i]));
    });
    rows.push(withEstimates({ level: 'subtotal', values: { period: m, year, [r.dims[0]!]: 'Total', baseline: Number(baseTotal), milestone: Number(path.national[k]!), target: Number(r.total.target), progress_needed: Number(path.national[k]! - baseTotal), estimated: estimatedCell(totalFigures) } }, totalFigures));
  });
  const columns = milestoneColumns(r.dims, baselinePeriod);
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
