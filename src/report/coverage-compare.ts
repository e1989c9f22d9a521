// coverage --targets A --compare-targets B: the same month's figures against two (or more) sets of
// targets, side by side — what each plan asks of each area, the gap and the status under each, and
// how much the second plan asks more or less than the first. Columns (a contract for csv/json): the key
// columns, participants, coverage; per plan `target_<plan>`, `gap_<plan>`, `status_<plan>`; per plan
// after the first `diff_<plan>` (its target − the first's) and `diff_pct_<plan>` (as a fraction).
// A subtotal's or the Total's difference compares like for like: when the two plans have targets for
// different rows under it, it is the sum of the differences of the rows both have targets for (over the
// first plan's targets of those rows), said in a warning; each plan's own target stays its own sum.

import type { CoverageResult, CoverageRow } from '../core/coverage/plan.js';
import type { Note } from '../core/facts.js';
import { keyColumns, keyValues, notesInWords, totalLabel } from './common.js';
import type { AnyReport, Column, Report, Row, Value } from './model.js';
import { ESTIMATED_REPORT_COLUMN, estimateLegend, estimatedCell, withEstimates } from './estimates.js';

export interface TargetPlan {
  /** Used in column keys (target_<name>): letters, digits, `_`. */
  readonly name: string;
  /** For people: the file or "--year 2024". */
  readonly label: string;
  readonly result: CoverageResult;
  /** The plan's own notes (those not every plan has), said and kept under its label. */
  readonly notes?: readonly Note[];
}

/** The difference of a subtotal or the Total taken like for like (or blank), by row number, per plan after the first. */
type Overrides = Map<number, { readonly diff: number | null; readonly pct: number | null }>;

/**
 * Where the plans cover different rows, the difference of each subtotal and the Total over the rows both
 * have targets for (targets given per row of the report), else blank; and the notes that say so, and
 * that the plans aim at different Decembers.
 */
export interface PlanDifferences {
  readonly overrides: readonly Overrides[];
  readonly notes: readonly Note[];
}

export function planDifferences(plans: readonly TargetPlan[]): PlanDifferences {
  const first = plans[0]!;
  const grain = first.result.grain;
  // Targets per row of the report: at its grain by name (Kanwil targets in a report by province have a
  // grain as long as the report's, and are not per row).
  const perRow = (p: TargetPlan): boolean => {
    const g = p.result.targetRows?.grain;
    return g !== undefined && g.length === grain.length && grain.every((x) => g.includes(x));
  };
  const full = (r: CoverageRow): boolean => r.targetRows === undefined || r.targetRows.with === r.targetRows.of;
  // A plan whose targets are for whole areas the report has only in part (Sumbagut's target against
  // Aceh alone): its subtotals and Total are no like-for-like match for a plan per row.
  const inPart = (p: TargetPlan): boolean => p.result.notes.some((n) => n.code === 'partial-areas');
  const notes: Note[] = [];
  const overrides = plans.slice(1).map((p, k) => {
    const out: Overrides = new Map();
    const like = perRow(first) && perRow(p);
    const partPlan = like ? undefined : [first, p].find(inPart);
    const sum = { section: { d: 0, a: 0, n: 0 }, all: { d: 0, a: 0, n: 0 } };
    let both = 0;
    let onlyOne = 0;
    let blanked = false;
    for (let i = 0; i < first.result.rowList.length; i++) {
      const r0 = first.result.rowList.at(i);
      const rk = plans[k + 1]!.result.rowList.at(i);
      const a = r0.metrics.target;
      const b = rk.metrics.target;
      if (r0.level === 'detail') {
        if (a !== null && b !== null) {
          both++;
          for (const s of [sum.section, sum.all]) {
            s.d += b - a;
            s.a += a;
            s.n++;
          }
        } else if ((a === null) !== (b === null)) onlyOne++;
        continue;
      }
      const s = r0.level === 'total' ? sum.all : sum.section;
      if (a !== null && b !== null && (!(full(r0) && full(rk)) || partPlan)) {
        if (like) out.set(i, { diff: s.n === 0 ? null : s.d, pct: s.n === 0 || s.a === 0 ? null : s.d / s.a });
        else out.set(i, { diff: null, pct: null });
        blanked ||= !like;
      }
      if (r0.level === 'subtotal') sum.section = { d: 0, a: 0, n: 0 };
    }
    // The same target in every row (a --year plan given again as its breakdown file): said, since a
    // column of zeros reads as two plans that agree by chance.
    let same = true;
    let withTarget = 0;
    for (let i = 0; same && i < first.result.rowList.length; i++) {
      const a = first.result.rowList.at(i).metrics.target;
      same = a === plans[k + 1]!.result.rowList.at(i).metrics.target;
      if (a !== null && first.result.rowList.level(i) === 'detail') withTarget++;
    }
    if (same && withTarget > 0) notes.push({ code: 'plans-same', plan: p.label, first: first.label, rows: withTarget });
    const rows = (x: TargetPlan) => x.result.targetRows;
    if ((like && onlyOne > 0) || blanked) {
      notes.push({ code: 'plans-rows', plan: p.label, with: rows(p)?.with ?? 0, of: rows(p)?.of ?? 0, first: first.label, firstWith: rows(first)?.with ?? 0, firstOf: rows(first)?.of ?? 0, column: `diff_${p.name}`, both: like ? both : null, ...(blanked && partPlan ? { inPart: partPlan.label } : {}) });
    }
    return out;
  });
  const years = new Set(plans.map((p) => p.result.targetYear ?? null));
  if (years.size > 1) notes.push({ code: 'plans-years', plans: plans.map((p) => ({ label: p.label, year: p.result.targetYear ?? null })) });
  return { overrides, notes };
}

/** A file name as a column key: `targets-2024.csv` → `targets_2024`. */
export function planName(label: string, taken: ReadonlySet<string>): string {
  const base = (label.split(/[\\/]/).pop() ?? label).replace(/\.[a-z]+$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'plan';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

/** Notes about the pace and the projection, which the plans side by side do not show (no such columns). */
export const PACE_NOTES: ReadonlySet<Note['code']> = new Set<Note['code']>(['pace-shorter', 'projection-capped', 'projection-floored', 'projection-over', 'projection-nets', 'projection-in-part', 'projection-of-parts']);

export function comparePlansReport(plans: readonly TargetPlan[], base: AnyReport, differences: PlanDifferences = planDifferences(plans)): Report {
  const first = plans[0]!.result;
  const paceWords = new Set(notesInWords(first.notes.filter((n) => PACE_NOTES.has(n.code))).map((w) => w.en));
  const { overrides, notes } = differences;
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
    ESTIMATED_REPORT_COLUMN,
  ];
  // Estimates (issue 19), by column: participants as the data labels them, the coverage when its
  // denominator (not shown here) is one, and each plan's target and status planned or reached on one.
  const marks = (rows: readonly CoverageRow[]): readonly string[] | undefined => {
    const e = rows[0]!.estimated;
    const out = [...(e?.includes('participants') ? ['participants'] : []), ...(e?.includes('denominator') && rows[0]!.metrics.coverage !== null ? ['coverage'] : [])];
    plans.forEach((p, i) => {
      if (rows[i]!.estimated?.includes('target')) out.push(`target_${p.name}`);
      if (rows[i]!.estimated?.includes('status')) out.push(`status_${p.name}`);
    });
    return out.length ? out : undefined;
  };
  // The same data, the same grain: row i of every result is the same group.
  const line = (rows: readonly CoverageRow[], at: number): Record<string, Value> => {
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
      const o = overrides[k]!.get(at);
      if (o) {
        out[`diff_${p.name}`] = o.diff;
        out[`diff_pct_${p.name}`] = o.pct;
      }
    });
    out['estimated'] = estimatedCell(marks(rows));
    return out;
  };
  const rows: Row[] = [];
  let total: Record<string, Value> = {};
  let totalMarks: readonly string[] | undefined;
  for (let i = 0; i < first.rowList.length; i++) {
    const all = plans.map((p) => p.result.rowList.at(i));
    const r = all[0]!;
    if (r.level === 'total') {
      total = { [grain[0]!]: 'Total', ...line(all, i) };
      totalMarks = marks(all);
    } else if (r.level === 'detail') rows.push(withEstimates({ values: { ...keyValues(grain, r.keys, r.labels), ...line(all, i) } }, marks(all)));
    else rows.push(withEstimates({ level: 'subtotal', values: { ...totalLabel(grain, r.keys, r.labels), ...line(all, i) } }, marks(all)));
  }
  const firstOwn = new Set(notesInWords(plans[0]!.notes ?? []).map((w) => w.en));
  const labelCols = keyColumns(grain).filter((c) => c.key !== 'province_code').map((c) => c.key);
  return {
    kind: 'coverage-compare',
    title: { en: base.title.en.replace(/^Coverage/, 'Coverage against two plans'), id: base.title.id.replace(/^Cakupan/, 'Cakupan terhadap dua rencana') },
    columns,
    rows,
    totals: total,
    totalsEstimated: totalMarks,
    legend: estimateLegend(rows.some((x) => x.estimated?.length) || totalMarks !== undefined),
    humanColumns: columns.filter((c) => c !== ESTIMATED_REPORT_COLUMN).map((c) => c.key),
    meta: { ...base.meta, plans: plans.map((p) => ({ name: p.name, label: p.label, targets: p.result.targetRows ?? null, targetYear: p.result.targetYear ?? null, revision: p.result.revision ?? null, rule: p.result.rule ?? null })) },
    // The run's notes (the first plan's own taken out of them), each plan's own under its label, and what
    // the comparison itself must say: as said on stderr.
    notes: [...(base.notes ?? []).filter((w) => !firstOwn.has(w.en) && !paceWords.has(w.en)), ...plans.flatMap((p) => notesInWords(p.notes ?? []).map((w) => ({ ...w, en: `[${p.label}] ${w.en}`, id: `[${p.label}] ${w.id}` }))), ...notesInWords(notes)],
    chart: { label: first.grain[0]!, value: 'coverage', changes: { label: labelCols, series: plans.slice(1).map((p) => ({ value: `diff_${p.name}`, share: `diff_pct_${p.name}` })) } },
  };
}
