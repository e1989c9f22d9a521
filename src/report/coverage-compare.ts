// coverage --targets A --compare-targets B: the same month's figures against two (or more) sets of
// targets, side by side — what each plan asks of each area, the gap and the status under each, and
// how much the second plan asks more or less than the first. Columns (a contract for csv/json): the key
// columns, participants, coverage; per plan `target_<plan>`, `gap_<plan>`, `status_<plan>`; per plan
// after the first `diff_<plan>` (its target − the first's) and `diff_pct_<plan>` (as a fraction).

import type { CoverageResult, CoverageRow } from '../core/coverage/plan.js';
import { keyColumns, keyValues, totalLabel } from './common.js';
import type { AnyReport, Column, Report, Row, Value } from './model.js';

export interface TargetPlan {
  /** Used in column keys (target_<name>): letters, digits, `_`. */
  readonly name: string;
  /** For people: the file or "--year 2024". */
  readonly label: string;
  readonly result: CoverageResult;
}

/** A file name as a column key: `targets-2024.csv` → `targets_2024`. */
export function planName(label: string, taken: ReadonlySet<string>): string {
  const base = (label.split(/[\\/]/).pop() ?? label).replace(/\.[a-z]+$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'plan';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

export function comparePlansReport(plans: readonly TargetPlan[], base: AnyReport): Report {
  const first = plans[0]!.result;
  const grain = first.grain;
  const columns: Column[] = [
    ...keyColumns(grain),
    { key: 'participants', label: { en: 'participants', id: 'peserta aktif' }, kind: 'int' },
    { key: 'coverage', label: { en: 'coverage', id: 'cakupan' }, kind: 'pct' },
    ...plans.flatMap((p): Column[] => [
      { key: `target_${p.name}`, label: { en: `target (${p.label})`, id: `target (${p.label})` }, kind: 'int' },
      { key: `gap_${p.name}`, label: { en: `gap (${p.label})`, id: `selisih (${p.label})` }, kind: 'signed-int' },
      { key: `status_${p.name}`, label: { en: `status (${p.label})`, id: `status (${p.label})` }, kind: 'status' },
    ]),
    ...plans.slice(1).flatMap((p): Column[] => [
      { key: `diff_${p.name}`, label: { en: `${p.label} − ${plans[0]!.label}`, id: `${p.label} − ${plans[0]!.label}` }, kind: 'signed-int' },
      { key: `diff_pct_${p.name}`, label: { en: `${p.label} − ${plans[0]!.label} (%)`, id: `${p.label} − ${plans[0]!.label} (%)` }, kind: 'signed-pct' },
    ]),
  ];
  // The same data, the same grain: row i of every result is the same group.
  const line = (rows: readonly CoverageRow[]): Record<string, Value> => {
    const out = Object.create(null) as Record<string, Value>;
    out['participants'] = rows[0]!.metrics.participants;
    out['coverage'] = rows[0]!.metrics.coverage;
    plans.forEach((p, i) => {
      out[`target_${p.name}`] = rows[i]!.metrics.target;
      out[`gap_${p.name}`] = rows[i]!.metrics.gap;
      out[`status_${p.name}`] = rows[i]!.metrics.status;
    });
    const a = rows[0]!.metrics.target;
    plans.slice(1).forEach((p, k) => {
      const b = rows[k + 1]!.metrics.target;
      out[`diff_${p.name}`] = a === null || b === null ? null : b - a;
      out[`diff_pct_${p.name}`] = a === null || b === null || a === 0 ? null : (b - a) / a;
    });
    return out;
  };
  const rows: Row[] = [];
  let total: Record<string, Value> = {};
  for (let i = 0; i < first.rowList.length; i++) {
    const all = plans.map((p) => p.result.rowList.at(i));
    const r = all[0]!;
    if (r.level === 'total') total = { [grain[0]!]: 'Total', ...line(all) };
    else if (r.level === 'detail') rows.push({ values: { ...keyValues(grain, r.keys, r.labels), ...line(all) } });
    else rows.push({ level: 'subtotal', values: { ...totalLabel(grain, r.keys, r.labels), ...line(all) } });
  }
  const labelCols = keyColumns(grain).filter((c) => c.key !== 'province_code').map((c) => c.key);
  return {
    kind: 'coverage-compare',
    title: { en: base.title.en.replace(/^Coverage/, 'Coverage against two plans'), id: base.title.id.replace(/^Cakupan/, 'Cakupan terhadap dua rencana') },
    columns,
    rows,
    totals: total,
    meta: { ...base.meta, plans: plans.map((p) => ({ name: p.name, label: p.label, targets: p.result.targetRows ?? null, targetYear: p.result.targetYear ?? null, revision: p.result.revision ?? null, rule: p.result.rule ?? null })) },
    notes: base.notes,
    chart: { label: first.grain[0]!, value: 'coverage', changes: { label: labelCols, series: plans.slice(1).map((p) => ({ value: `diff_${p.name}`, share: `diff_pct_${p.name}` })) } },
  };
}
