// A breakdown result → the Report every format draws. Columns (a contract for csv/json): the key
// columns, period (the baseline month), denominator, participants, coverage, weight, min, max, target,
// increase, target_coverage, share, bound; csv adds level.

import type { AllocationResult, PlannedUnit } from '../core/allocation/plan.js';
import type { SourceFacts } from '../core/table.js';
import type { Column, CrossTab, Report, ReportNote, Row, Value } from './model.js';
import { inputsMeta, keyColumns, keyValues, notesInWords, ratio, scopeWords, sourceNotes, totalLabel, unitsByParent, withScope } from './common.js';
import { columnWords, denominatorLabel, keysTitle, METHOD_NAMES } from './vocabulary.js';
import type { Scope } from '../core/scope.js';
import type { RevisionFacts, RuleFacts } from '../core/coverage/targets.js';
import { ESTIMATED_REPORT_COLUMN, estimateLegend, estimatedCell, unitFigures, withEstimates } from './estimates.js';

export interface BreakdownContext {
  readonly period?: string;
  readonly year?: number;
  readonly interpolated?: boolean;
  readonly sources: readonly SourceFacts[];
  readonly codeSystem: string;
  /** Extra notes from the command (e.g. later actuals), already in words. */
  readonly extraNotes?: readonly ReportNote[];
  /** The areas the units are. */
  readonly scope?: Scope;
  /** The rule that made the targets (mode, basis, bounds, method). */
  readonly rule?: RuleFacts;
  /** The revision of the target in force; `start`: each unit's milestone where the revised path starts. */
  readonly revision?: RevisionFacts & { readonly start?: readonly bigint[] };
}

export function breakdownColumns(dims: readonly string[], denominator: string | null, revised = false): Column[] {
  const c = (key: string, kind: Column['kind']): Column => ({ key, label: columnWords(key), kind });
  return [
    ...keyColumns(dims),
    { key: 'period', label: { en: 'baseline month', id: 'bulan awal' }, kind: 'text' },
    { key: 'year', label: { en: 'target year', id: 'tahun target' }, kind: 'text' },
    ...(revised ? [{ key: 'from', label: { en: 'revised from', id: 'revisi mulai' }, kind: 'text' } as Column, { key: 'from_milestone', label: { en: 'milestone before revision', id: 'tonggak sebelum revisi' }, kind: 'int' } as Column] : []),
    { key: 'denominator', label: denominatorLabel(denominator), kind: 'int' },
    { key: 'participants', label: { en: 'participants today', id: 'peserta saat ini' }, kind: 'int' },
    { key: 'coverage', label: { en: 'coverage today', id: 'cakupan saat ini' }, kind: 'pct' },
    c('weight', 'number'),
    c('min', 'int'),
    c('max', 'int'),
    c('target', 'int'),
    c('increase', 'signed-int'),
    c('target_coverage', 'pct'),
    c('share', 'pct'),
    c('bound', 'status'),
    ESTIMATED_REPORT_COLUMN,
  ];
}

function unitValues(u: PlannedUnit, total: bigint, period: string | undefined, year: number | undefined, denominator: string | null): Record<string, Value> {
  const target = Number(u.target);
  return {
    period: period ?? null,
    year: year === undefined ? null : String(year),
    denominator: u.denominator,
    participants: u.participants,
    coverage: ratio(u.participants, u.denominator),
    weight: u.weight,
    min: u.min === null ? null : Number(u.min),
    max: u.max === null ? null : Number(u.max),
    target,
    increase: u.participants === null ? null : target - u.participants,
    target_coverage: ratio(target, u.denominator),
    share: total === 0n ? null : target / Number(total),
    bound: u.bound === '' ? null : u.bound,
    estimated: estimatedCell(unitFigures(u, denominator)),
  };
}

/** Explain facts as plain data for JSON meta (labels as keys only where the keys are labels). */
function explainMeta(r: AllocationResult): Record<string, unknown> {
  const first = r.levels[0];
  const out: Record<string, unknown> = {
    levels: r.levels.map((l) => ({ grain: l.grain, scope: l.scope ?? null, mode: l.mode, basis: l.basis, divisor: l.divisor ?? null, atMin: l.atMin, atMax: l.atMax, held: l.held, ties: l.ties })),
    divisor: first?.divisor ?? null,
    atMin: first?.atMin ?? [],
    atMax: first?.atMax ?? [],
    heldAtCurrent: r.levels.flatMap((l) => l.held),
    ties: r.levels.flatMap((l) => l.ties),
  };
  if (r.matrix) {
    const m = r.matrix;
    Object.assign(out, {
      rowTotals: Object.fromEntries(m.rowTotals.map(([k, v]) => [k, Number(v)])),
      columnTotals: Object.fromEntries(m.columnTotals.map(([k, v]) => [k, Number(v)])),
      rowTotalsGiven: m.rowsGiven,
      columnTotalsGiven: m.columnsGiven,
      columnDivisors: Object.fromEntries(m.columnDivisors),
      rowMultipliers: Object.fromEntries(m.rowMultipliers),
      transfers: m.transfers,
      scalings: m.scalings,
      tiedCells: m.tiedCells,
    });
  }
  return out;
}

/** Figures without the target, when the target was given (no estimate, whatever it was planned on). */
const given = (figures: readonly string[] | undefined, isGiven: boolean): readonly string[] | undefined => (isGiven ? figures?.filter((f) => f !== 'target') : figures);

/** A matrix row total's or a nested parent's figures: its target is no estimate when the row totals were given. */
const rowTotalFigures = (r: AllocationResult, p: PlannedUnit): readonly string[] | undefined => given(unitFigures(p, r.denominator), r.matrix?.rowsGiven === true);

/** The Total's: its participants and denominator where any of their parts is; its target is the one given. */
function totalFigures(r: AllocationResult): readonly string[] | undefined {
  const top = r.shape === 'flat' ? r.units : r.parents;
  const out = given(unitFigures({ estimated: [...new Set(top.flatMap((u) => u.estimated ?? []))] }, r.denominator), true);
  return out?.length ? out : undefined;
}

function crossTab(r: AllocationResult): CrossTab | undefined {
  if (r.shape !== 'matrix') return undefined;
  const C = r.columns.length;
  const measures: Column[] = [
    { key: 'participants', label: { en: 'today', id: 'saat ini' }, kind: 'int' },
    { key: 'target', label: { en: 'target', id: 'target' }, kind: 'int' },
  ];
  // Estimates (issue 19), marked as in the long list: a cell's and a row total's participants as the data
  // labels them and their target when planned on one; a column total's target unless it was given; the
  // Total's target is the one given.
  const marks = (list: readonly (readonly string[] | undefined)[]): { estimated?: readonly (readonly string[] | undefined)[] } => (list.some((x) => x?.length) ? { estimated: list } : {});
  const rows: CrossTab['rows'][number][] = r.parents.map((p, i) => {
    const cells: Value[][] = [];
    const estimated: (readonly string[] | undefined)[] = [];
    for (let j = 0; j < C; j++) {
      const u = r.units[i * C + j]!;
      cells.push([u.participants, Number(u.target)]);
      estimated.push(unitFigures(u, r.denominator));
    }
    cells.push([p.participants, Number(p.target)]);
    estimated.push(rowTotalFigures(r, p));
    return { header: keyValues([r.dims[0]!], p.keys, p.labels), cells, ...marks(estimated), level: 'detail' };
  });
  const totalCells: Value[][] = r.columns.map((c) => [c.participants, Number(c.target)]);
  const totalMarks = r.columns.map((c) => given(unitFigures(c, r.denominator), r.matrix?.columnsGiven === true));
  totalCells.push([r.total.participants, Number(r.total.target)]);
  totalMarks.push(totalFigures(r));
  rows.push({ header: { [r.dims[0]!]: 'Total' }, cells: totalCells, ...marks(totalMarks), level: 'total' });
  return {
    title: { en: `Targets by ${keysTitle(r.dims, 'en')}`, id: `Target per ${keysTitle(r.dims, 'id')}` },
    rowHeader: keyColumns([r.dims[0]!]),
    across: [...r.columns.map((c) => ({ key: c.keys[0]!, label: { en: c.labels[0]!, id: c.labels[0]! } })), { key: 'total', label: { en: 'Total', id: 'Total' } }],
    measures,
    rows,
  };
}

export function breakdownReport(r: AllocationResult, ctx: BreakdownContext): Report {
  const total = r.total.target;
  const rows: Row[] = [];
  const rev = ctx.revision?.start ? ctx.revision : undefined;
  const unitIndex = new Map(r.units.map((u, i) => [u, i]));
  const revisionValues = (u: PlannedUnit | undefined): Record<string, Value> => {
    if (!rev) return {};
    const i = u === undefined ? undefined : unitIndex.get(u);
    return { from: rev.from, from_milestone: i === undefined ? null : Number(rev.start![i]!) };
  };
  // A subtotal's and the Total's milestone before the revision: the sum of their units' (the path of
  // every unit adds up to its parents' and to the national path, month by month).
  const startOf = (units: readonly PlannedUnit[]): Record<string, Value> => {
    if (!rev) return {};
    let s = 0n;
    for (const u of units) s += rev.start![unitIndex.get(u)!]!;
    return { from: rev.from, from_milestone: Number(s) };
  };
  const unitRow = (u: PlannedUnit): Row => withEstimates({ values: { ...keyValues(r.dims, u.keys, u.labels), ...unitValues(u, total, ctx.period, ctx.year, r.denominator), ...revisionValues(u) } }, unitFigures(u, r.denominator));
  if (r.shape === 'flat') {
    for (const u of r.units) rows.push(unitRow(u));
  } else {
    const per = r.units.length / Math.max(1, r.parents.length);
    let k = 0;
    const byParent = r.shape === 'matrix' ? undefined : unitsByParent(r.units);
    r.parents.forEach((p) => {
      // Nested children are grouped under their parent, in order; a matrix has C cells per row.
      const children = byParent ? (byParent.get(p.keys[0]!) ?? []) : r.units.slice(k, k + per);
      k += children.length;
      for (const u of children) rows.push(unitRow(u));
      const v = unitValues(p, total, ctx.period, ctx.year, r.denominator);
      const figures = rowTotalFigures(r, p);
      rows.push(withEstimates({ level: 'subtotal', values: { ...totalLabel(r.dims, p.keys, p.labels), ...v, ...startOf(children), weight: null, min: r.shape === 'matrix' ? null : v['min']!, max: r.shape === 'matrix' ? null : v['max']!, bound: null, estimated: estimatedCell(figures) } }, figures));
    });
  }
  const den = r.total.denominator;
  const part = r.total.participants;
  const sumOf = (f: (u: PlannedUnit) => bigint | null, units: readonly PlannedUnit[]): number | null => {
    let s = 0n;
    for (const u of units) {
      const v = f(u);
      if (v === null) return null;
      s += v;
    }
    return Number(s);
  };
  const top = r.shape === 'flat' ? r.units : r.parents;
  // The total's participants and denominator are estimates where any of their parts is; its target
  // is the one given, no estimate.
  const totalEstimated = totalFigures(r);
  const totals: Record<string, Value> = {
    [r.dims[0]!]: 'Total',
    period: null,
    year: ctx.year === undefined ? null : String(ctx.year),
    ...startOf(r.units),
    denominator: den,
    participants: part,
    coverage: ratio(part, den),
    weight: r.shape === 'flat' && r.units.every((u) => u.weight !== null) ? r.units.reduce((a, u) => a + u.weight!, 0) : null,
    min: r.shape === 'matrix' ? null : sumOf((u) => u.min, top),
    max: r.shape === 'matrix' ? null : sumOf((u) => u.max, top),
    target: Number(total),
    increase: part === null ? null : Number(total) - part,
    target_coverage: ratio(Number(total), den),
    share: 1,
    bound: null,
    estimated: estimatedCell(totalEstimated),
  };
  const notes = [...notesInWords(sourceNotes(ctx.sources)), ...notesInWords(r.notes), ...(ctx.extraNotes ?? [])];
  const meta: Record<string, unknown> = {
    command: 'breakdown',
    total: Number(total),
    year: ctx.year ?? null,
    interpolated: ctx.interpolated ?? false,
    targetSource: r.total.source,
    method: r.method,
    methodName: METHOD_NAMES.get(r.method) ?? r.method,
    mode: r.mode,
    basis: r.basis,
    basisElsewhere: r.basisElsewhere ?? null,
    denominator: r.denominator,
    by: r.dims,
    shape: r.shape,
    baselinePeriod: ctx.period ?? null,
    scope: ctx.scope ?? null,
    scopeText: scopeWords(ctx.scope),
    rule: ctx.rule ?? null,
    revision: ctx.revision ? { from: ctx.revision.from, total: ctx.revision.total, before: ctx.revision.before, asOf: ctx.revision.asOf } : null,
    inputs: inputsMeta(ctx.sources),
    codeSystem: ctx.codeSystem,
    tieRule: 'equal claims go to the larger weight, then to the row first in input order',
    units: r.units.length,
    current: part,
    increase: part === null ? null : Number(total) - part,
    explain: explainMeta(r),
  };
  const first = r.dims[0] === 'province' ? 'province' : r.dims[0]!;
  return {
    kind: 'breakdown',
    title: withScope({ en: `Target breakdown${ctx.year !== undefined ? ` ${ctx.year}` : ''} by ${keysTitle(r.dims, 'en')}`, id: `Rincian target${ctx.year !== undefined ? ` ${ctx.year}` : ''} per ${keysTitle(r.dims, 'id')}` }, ctx.scope),
    columns: breakdownColumns(r.dims, r.denominator, rev !== undefined),
    rows,
    totals,
    totalsEstimated: totalEstimated,
    legend: estimateLegend(rows.some((x) => x.estimated?.length)),
    meta,
    notes,
    chart: { label: first, value: 'coverage', target: 'target_coverage', second: 'increase' },
    humanColumns: [...keyColumns(r.dims).map((c) => c.key), 'denominator', 'participants', 'coverage', 'target', 'increase', 'target_coverage', 'share', 'bound'],
    crosstab: crossTab(r),
  };
}
