// A coverage result → the Report. Columns (a contract for csv/json): the key columns, denominator,
// participants, coverage, uncovered, target, target_coverage, gap, achievement, milestone, run_rate,
// status, and with a previous month change and coverage_change_pp; csv adds level.

import type { CoverageResult, CoverageRow, CoverageRowList } from '../core/coverage/plan.js';
import type { SourceFacts } from '../core/table.js';
import { rowSource, type AnyReport, type Column, type Report, type ReportNote, type ReportRows, type Row, type RowCells, type TrendChart, type Value } from './model.js';
import { inputsMeta, keyColumns, keyValues, notesInWords, plainNote, scopeWords, sourceNotes, totalLabel, withScope } from './common.js';
import { columnWords, denominatorLabel, keysTitle, scopeText } from './vocabulary.js';
import { ESTIMATED_REPORT_COLUMN, estimateLegend, estimatedCell, withEstimates } from './estimates.js'; // issue 19

export interface CoverageContext {
  readonly sources: readonly SourceFacts[];
  readonly extract: boolean;
  readonly rowsRead?: number;
  readonly denominatorSource?: string;
  readonly targetsSource?: string;
  readonly targetsBaselinePeriod?: string;
  readonly atRiskMargin: number;
  readonly codeSystem: string;
  /**
   * The province codes the report is written in, where they differ from the Kemendagri keys (--code-system
   * bps: Kemendagri 92 → BPS 91): --sort province_code orders by the codes a reader sees.
   */
  readonly writtenCodes?: ReadonlyMap<string, string>;
  /** Sort detail rows (gap, coverage, achievement, name, run-rate or a column); undefined: input order. */
  readonly sort?: string;
  readonly top?: number;
  readonly extraNotes?: readonly ReportNote[];
  /** Told what the report says beside its rows that a run also says on stderr (what --top left out). */
  readonly onNote?: (words: { en: string; id: string }) => void;
}

export function coverageColumns(grain: readonly string[], denominator: string | undefined, previous: boolean, story = false): Column[] {
  const c = (key: string, kind: Column['kind']): Column => ({ key, label: columnWords(key), kind });
  return [
    ...keyColumns(grain),
    { key: 'denominator', label: denominatorLabel(denominator), kind: 'int' },
    c('participants', 'int'),
    c('coverage', 'pct'),
    c('uncovered', 'int'),
    c('target', 'int'),
    c('target_coverage', 'pct'),
    c('gap', 'signed-int'),
    c('achievement', 'pct'),
    c('milestone', 'int'),
    c('run_rate', 'int'),
    c('status', 'status'),
    ...(previous ? [c('change', 'signed-int'), c('coverage_change_pp', 'points')] : []),
    ...(story ? [c('pace', 'signed-int'), c('projected', 'int'), c('projected_gap', 'signed-int'), c('projected_status', 'status')] : []),
    ESTIMATED_REPORT_COLUMN, // issue 19
  ];
}

/** The key of a row's coverage bar where its target is some of its parts' (no column of the report). */
const BAR_COVERAGE = 'coverage_with_target';

/** The figures of a row by column key, in the order of its values (every row has all of them, null or not). */
const FIGURES: readonly (readonly [string, (r: CoverageRow) => Value])[] = [
  ['denominator', (r) => r.metrics.denominator],
  ['participants', (r) => r.metrics.participants],
  ['coverage', (r) => r.metrics.coverage],
  ['uncovered', (r) => r.metrics.uncovered],
  ['target', (r) => r.metrics.target],
  ['target_coverage', (r) => r.targetCoverage],
  ['gap', (r) => r.metrics.gap],
  ['achievement', (r) => r.metrics.achievement],
  ['milestone', (r) => r.metrics.milestone],
  ['run_rate', (r) => r.metrics.runRate],
  ['status', (r) => r.metrics.status],
  ['change', (r) => r.metrics.change],
  ['coverage_change_pp', (r) => r.metrics.coverageChangePoints],
  ['pace', (r) => r.story?.pace ?? null],
  ['projected', (r) => r.story?.projected ?? null],
  ['projected_gap', (r) => r.story?.projectedGap ?? null],
  ['projected_status', (r) => r.story?.projectedStatus ?? null],
  ['estimated', (r) => estimatedCell(r.estimated)], // issue 19
  // No column: the coverage bar of a row whose target is some of its parts' (ChartSpec.barValue, fx53).
  [BAR_COVERAGE, (r) => r.targetedCoverage ?? null],
];
const FIGURE = new Map(FIGURES);

/** A row's values: its key cells, then its figures (which win over a key of the same name). */
function withFigures(keys: Readonly<Record<string, Value>>, r: CoverageRow): Record<string, Value> {
  const out: Record<string, Value> = { ...keys };
  for (const [key, get] of FIGURES) out[key] = get(r);
  return out;
}

/** The figures alone (the totals row). */
const values = (r: CoverageRow): Record<string, Value> => withFigures({}, r);

type Cell = (x: CoverageRow) => Value;

/**
 * Where the cell of `key` comes from in a row of `dims` (the first `n` of them keyed; `total`: the next
 * one reads 'Total'): what keyValues or totalLabel, then the figures, would put under that key in the
 * row's values (the figures last, so they win, as in toRow).
 */
function cellOf(key: string, dims: readonly string[], n: number, total: boolean): Cell {
  const figure = FIGURE.get(key);
  if (figure) return figure;
  let cell: Cell = () => null;
  for (let i = 0; i < n; i++) {
    if (dims[i] === 'province' && key === 'province_code') cell = (x) => x.keys[i] ?? null;
    if (dims[i] === key) cell = (x) => x.labels[i] ?? null;
  }
  if (total && dims[n] === key) cell = () => 'Total';
  return cell;
}

/**
 * The report's rows as the cells of `keys` (RowSource.cells): each key resolved once to where its cell
 * comes from, then one array filled per row, with no values record (a million rows: a million records
 * and eighteen million lookups fewer). Agrees with toRow, cell by cell (test/report/coverage-cells.test.ts).
 */
function coverageCells(r: CoverageResult): (keys: readonly string[]) => Iterable<RowCells> {
  return function* (keys) {
    const detail = keys.map((k) => cellOf(k, r.grain, r.grain.length, false));
    const subtotal = new Map<number, Cell[]>();
    const cells: Value[] = new Array<Value>(keys.length).fill(null);
    const out: { level: 'detail' | 'subtotal'; cells: Value[]; estimated?: readonly string[]; series?: readonly (number | null)[] } = { level: 'detail', cells };
    for (const x of withoutTotal(r.rowList)) {
      if (x.level === 'total') continue;
      let get = detail;
      if (x.level === 'subtotal') {
        const n = x.keys.length;
        let made = subtotal.get(n);
        if (!made) subtotal.set(n, (made = keys.map((k) => cellOf(k, r.grain, n, true))));
        get = made;
      }
      for (let j = 0; j < get.length; j++) cells[j] = get[j]!(x);
      out.level = x.level;
      out.estimated = x.estimated?.length ? x.estimated : undefined;
      out.series = x.story?.series;
      yield out;
    }
  };
}

/**
 * What --sort and --top leave out of the list, in words: the rows shown of all, in what order, a tie the
 * cut breaks, and that the subtotals and the Total still count every row.
 */
function shownWords(o: { shown: number; of: number; sort?: { en: string; id: string }; top?: number; tie?: { label: string; more: number }; subtotals: boolean; nested: boolean; empty?: number }): { en: string; id: string } | undefined {
  const order = o.sort ? { en: `sorted by ${o.sort.en}`, id: `diurutkan menurut ${o.sort.id}` } : { en: 'in input order', id: 'dalam urutan masukan' };
  const en: string[] = [];
  const id: string[] = [];
  // Rows without a value to sort by (no target, no denominator) go last, in input order: said, since a
  // --top list would otherwise look sorted where it is not.
  if (o.sort && o.empty) {
    if (o.empty === o.of) {
      en.push(`no row has a ${o.sort.en} to sort by: the rows keep the input order`);
      id.push(`tidak ada baris yang memiliki ${o.sort.id} untuk diurutkan: baris tetap menurut urutan masukan`);
    } else {
      en.push(`${o.empty} of ${o.of} rows have no ${o.sort.en} to sort by: they are listed last, in input order`);
      id.push(`${o.empty} dari ${o.of} baris tidak memiliki ${o.sort.id} untuk diurutkan: baris itu ditaruh paling akhir, menurut urutan masukan`);
    }
  }
  if (o.top !== undefined && o.shown < o.of) {
    const sortedNested = o.sort !== undefined && o.nested;
    en.push(`--top ${o.top}: ${o.shown} of ${o.of} rows shown, ${order.en}; ${o.subtotals ? 'the subtotals and the Total count' : 'the Total counts'} all ${o.of}${sortedNested ? ' (a sorted list has no subtotals)' : ''}`);
    id.push(`--top ${o.top}: ${o.shown} dari ${o.of} baris ditampilkan, ${order.id}; ${o.subtotals ? 'subtotal dan ' : ''}Total menghitung semua ${o.of}${sortedNested ? ' (daftar yang diurutkan tidak memuat subtotal)' : ''}`);
    if (o.tie) {
      const { label, more } = o.tie;
      en.push(more ? `${label} and ${more} more row${more === 1 ? '' : 's'} have the same ${o.sort!.en} as the last row shown and are left out (ties keep the input order)` : `${label} has the same ${o.sort!.en} as the last row shown and is left out (ties keep the input order)`);
      id.push(`${label}${more ? ` dan ${more} baris lain` : ''} memiliki ${o.sort!.id} yang sama dengan baris terakhir yang ditampilkan dan tidak ditampilkan (nilai sama mengikuti urutan masukan)`);
    }
  } else {
    // --top N with N at or above the rows: nothing is cut, and a reader is told so (rv25 M3).
    if (o.top !== undefined) {
      en.push(`--top ${o.top} has no effect: the report has ${o.of} row${o.of === 1 ? '' : 's'}, all shown`);
      id.push(`--top ${o.top} tidak berpengaruh: laporan memuat ${o.of} baris, semuanya ditampilkan`);
    }
    if (o.sort && o.nested) {
      en.push(`rows ${order.en}: a sorted list has no subtotals; the Total counts every row`);
      id.push(`baris ${order.id}: daftar yang diurutkan tidak memuat subtotal; Total menghitung semua baris`);
    }
  }
  return en.length ? { en: en.join('; '), id: id.join('; ') } : undefined;
}

function* mapped<T, U>(items: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of items) yield f(x);
}

/** The rows but the Total, each made as it is read. */
function* withoutTotal(list: CoverageRowList): Generator<CoverageRow> {
  for (let i = 0; i < list.length; i++) if (list.level(i) !== 'total') yield list.at(i);
}

const DESCENDING = new Set(['gap', 'run_rate', 'uncovered']);

/**
 * Worst first for gap, run rate and uncovered; lowest first for coverage and achievement; names A–Z.
 * `codes`: province codes as written (a Kemendagri key → its code in the report's system), so that a
 * report in BPS codes is sorted by its BPS codes (Papua Barat 91 before Papua 94).
 */
export function sortRows(rows: Row[], key: string, codes?: ReadonlyMap<string, string>): Row[] {
  const desc = DESCENDING.has(key);
  const written = (v: Value | undefined): Value | undefined => (codes && key === 'province_code' && typeof v === 'string' ? (codes.get(v) ?? v) : v);
  return [...rows].sort((a, b) => {
    const x = written(a.values[key]);
    const y = written(b.values[key]);
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'id');
    return desc ? -c : c;
  });
}

export function sortColumn(sort: string, grain: readonly string[]): string {
  if (sort === 'name') return grain[0]!;
  if (sort === 'run-rate') return 'run_rate';
  return sort;
}

export function coverageReport(r: CoverageResult, ctx: CoverageContext): Report<ReportRows> {
  const previous = r.previousPeriod !== undefined;
  const columns = coverageColumns(r.grain, r.denominator, previous, r.story !== undefined).map((c) => withDecemberYear(c, r));
  const series = (x: CoverageRow): { series?: readonly (number | null)[] } => (x.story ? { series: x.story.series } : {});
  // The renderers read the rows through coverageCells; these records serve a sort, a cut and charts.
  const toRow = (x: CoverageRow): Row => {
    if (x.level === 'detail') return withEstimates({ values: withFigures(keyValues(r.grain, x.keys, x.labels), x), ...series(x) }, x.estimated); // issue 19
    return withEstimates({ level: 'subtotal', values: withFigures(totalLabel(r.grain, x.keys, x.labels), x), ...series(x) }, x.estimated);
  };
  const list = r.rowList;
  let total: CoverageRow | undefined;
  let count = 0;
  let detailCount = 0;
  for (let i = 0; i < list.length; i++) {
    const level = list.level(i);
    if (level === 'total') total = list.at(i);
    else count++;
    if (level === 'detail') detailCount++;
  }
  if (!total) throw new Error('a coverage result without its Total');
  const hasTargets = list.anyTarget;
  let rows: ReportRows;
  let shownNote: { en: string; id: string } | undefined;
  let shownMeta: { rows: number; of: number; sort: string | null; top: number | null } = { rows: detailCount, of: detailCount, sort: null, top: null };
  if (ctx.sort === undefined && ctx.top === undefined) {
    // In input order and all of them: each row is made as a renderer reaches it, never held (one key per
    // row makes a report as long as its input).
    rows = { ...rowSource(count, () => mapped(withoutTotal(list), toRow)), cells: coverageCells(r) };
  } else {
    let chosen: Row[];
    const labelOfRow = new Map<Row, string>();
    let empty = 0;
    if (ctx.sort) {
      chosen = [];
      for (let i = 0; i < list.length; i++) {
        if (list.level(i) !== 'detail') continue;
        const x = list.at(i);
        const row = toRow(x);
        labelOfRow.set(row, x.labels.join(' / '));
        chosen.push(row);
      }
      const key = sortColumn(ctx.sort, r.grain);
      chosen = sortRows(chosen, key, ctx.writtenCodes);
      for (const x of chosen) if (x.values[key] == null) empty++;
    } else chosen = Array.from(withoutTotal(list), toRow);
    let tie: { label: string; more: number } | undefined;
    if (ctx.top !== undefined) {
      if (ctx.sort && ctx.top > 0 && ctx.top < chosen.length) {
        // The first row cut has the same value as the last row shown: the tie is broken by input order.
        const key = sortColumn(ctx.sort, r.grain);
        const last = chosen[ctx.top - 1]!.values[key];
        // Rows without a value are not tied: they have nothing to compare (said above, as rows listed last).
        let tied = 0;
        for (let i = ctx.top; last != null && i < chosen.length && chosen[i]!.values[key] === last; i++) tied++;
        if (tied) tie = { label: labelOfRow.get(chosen[ctx.top]!) ?? '', more: tied - 1 };
      }
      let kept = 0;
      chosen = chosen.filter((x) => (x.level ?? 'detail') !== 'detail' || kept++ < ctx.top!);
      // A subtotal whose rows were all cut goes too.
      const cut = chosen;
      chosen = cut.filter((x, i) => x.level !== 'subtotal' || (i > 0 && (cut[i - 1]!.level ?? 'detail') === 'detail'));
    }
    const shown = chosen.filter((x) => (x.level ?? 'detail') === 'detail').length;
    shownNote = shownWords({ shown, of: detailCount, sort: ctx.sort ? columnWords(sortColumn(ctx.sort, r.grain)) : undefined, top: ctx.top, tie, subtotals: !ctx.sort && r.grain.length >= 2, nested: r.grain.length >= 2, empty });
    shownMeta = { rows: shown, of: detailCount, sort: ctx.sort ?? null, top: ctx.top ?? null };
    if (shownNote) ctx.onNote?.(shownNote);
    rows = chosen;
  }
  const meta: Record<string, unknown> = {
    command: 'coverage',
    period: r.period ?? null,
    previousPeriod: r.previousPeriod ?? null,
    denominator: r.denominator ?? null,
    denominatorSource: r.denominatorFrom === 'denominators' ? (ctx.denominatorSource ?? null) : r.denominatorFrom === 'input' ? 'input' : null,
    by: r.grain,
    targets: ctx.targetsSource ?? null,
    targetYear: r.targetYear ?? null,
    targetYearFrom: r.targetYearFrom ?? null,
    targetsBaselinePeriod: ctx.targetsBaselinePeriod ?? null,
    targetRows: r.targetRows ?? null,
    revision: r.revision ?? null,
    rule: r.rule ?? null,
    scope: r.scope,
    scopeText: scopeWords(r.scope),
    likeForLike: r.likeForLike ?? null,
    trend: r.story ? { months: r.story.months, paceWindow: r.story.window, projectedTo: r.story.december } : null,
    monthsLeft: r.monthsLeft ?? null,
    atRiskMargin: ctx.atRiskMargin,
    extract: ctx.extract,
    rowsRead: ctx.rowsRead ?? null,
    shown: shownMeta,
    inputs: inputsMeta(ctx.sources),
    codeSystem: ctx.codeSystem,
  };
  const first = r.grain[0]!;
  // The December the targets are for, where the month reported does not say it (November 2024 against
  // the 2026 targets: its "projected December" and "needed per month" run to December 2026).
  const aimed = targetDecember(r);
  return {
    kind: 'coverage',
    title: withScope({ en: `Coverage${r.period ? ` ${r.period}` : ''} by ${keysTitle(r.grain, 'en')}${aimed.en}`, id: `Cakupan${r.period ? ` ${r.period}` : ''} per ${keysTitle(r.grain, 'id')}${aimed.id}` }, r.scope),
    columns,
    rows,
    totals: { [first]: 'Total', ...values(total) },
    totalsEstimated: total.estimated, // issue 19
    legend: estimateLegend(list.anyEstimate), // issue 19
    meta,
    notes: [...notesInWords(sourceNotes(ctx.sources)), ...notesInWords(r.notes), ...(shownNote ? [plainNote(shownNote)] : []), ...(ctx.extraNotes ?? [])],
    chart: { label: first, value: 'coverage', target: hasTargets ? 'target_coverage' : undefined, ...(hasTargets ? { barValue: BAR_COVERAGE } : {}), second: hasTargets ? 'gap' : undefined },
    ...(r.story ? { trend: trendChart(r, total) } : {}),
    // issue 19: human formats mark estimated cells instead of showing the `estimated` column
    humanColumns: hasTargets
      ? columns.filter((c) => c !== ESTIMATED_REPORT_COLUMN).map((c) => c.key)
      : [...keyColumns(r.grain).map((c) => c.key), 'denominator', 'participants', 'coverage', 'uncovered', ...(previous ? ['change', 'coverage_change_pp'] : []), ...(r.story ? ['pace', 'projected'] : [])],
  };
}

/** The year of the December the targets are for, when it is not the month reported's (or no month is). */
function otherDecember(r: CoverageResult): number | undefined {
  const y = r.targetYear;
  return y === undefined || (r.period !== undefined && r.period.startsWith(`${y}-`)) ? undefined : y;
}

/** " (targets for December 2026)" when the targets' year is not the month reported's (or no month is). */
function targetDecember(r: CoverageResult): { en: string; id: string } {
  const y = otherDecember(r);
  return y === undefined ? { en: '', id: '' } : { en: ` (targets for December ${y})`, id: ` (target Desember ${y})` };
}

/** The "projected December" column says the year when the December is another year's, as the title does (rv19). */
function withDecemberYear(c: Column, r: CoverageResult): Column {
  const y = otherDecember(r);
  return c.key === 'projected' && y !== undefined ? { ...c, label: { en: `projected December ${y}`, id: `proyeksi Desember ${y}` } } : c;
}

/** The parts of a row, by their dimension, in the chart's title (fx44). */
const PART_WORDS: ReadonlyMap<string, { en: string; id: string }> = new Map([
  ['province', { en: 'provinces', id: 'provinsi' }],
  ['regency', { en: 'regencies and cities', id: 'kabupaten/kota' }],
  ['kanwil', { en: 'regional offices', id: 'kanwil' }],
  ['segment', { en: 'segments', id: 'segmen' }],
]);
const orList = (xs: readonly string[]): string => xs.join(', ');

function trendChart(r: CoverageResult, total: CoverageRow): TrendChart {
  const s = r.story!;
  const where = scopeText(r.scope, 'en');
  const whereId = scopeText(r.scope, 'id');
  const y = otherDecember(r);
  const year = y === undefined ? '' : ` ${y}`;
  // Where some rows have no target, the actual and projection lines are of those with one, as the
  // milestones and the target are (fx41): said where the chart is, its title.
  const rows = s.chart.rows;
  const more = rows && rows.of - rows.with > rows.without.length ? ', …' : '';
  // Rows with targets for some of their parts (a Kanwil's by province): the chart is of the parts with
  // one (app/coverage.ts), named as parts (fx44); a row whose parts are drawn whole is said.
  const inPart = r.notes.find((n) => n.code === 'no-target-parts');
  const parts = inPart && rows ? inPart.partDims : undefined;
  const unit = parts?.length === 1 ? (PART_WORDS.get(parts[0]!) ?? { en: `${parts[0]} rows`, id: `baris ${parts[0]}` }) : { en: 'rows', id: 'baris' };
  const names = parts ? rows!.without.map((l) => l.split(' / ').slice(-parts.length).join(' / ')) : rows?.without;
  const like = rows
    ? {
        en: `; actual and projection: the ${rows.with} of ${rows.of} ${unit.en} with a target, as the milestones (none for ${names!.join(', ')}${more})`,
        id: `; aktual dan proyeksi: ${rows.with} dari ${rows.of} ${unit.id} yang memiliki target, seperti tonggaknya (tanpa target: ${names!.join(', ')}${more})`,
      }
    : inPart
      ? {
          en: `; actual and projection: every part of ${orList(inPart.rows.map((x) => x.label))}, its milestones and target of the parts with one only`,
          id: `; aktual dan proyeksi: semua bagian ${orList(inPart.rows.map((x) => x.label))}, tonggak dan targetnya hanya bagian yang memiliki target`,
        }
      : { en: '', id: '' };
  return {
    title: { en: `Participants month by month to December${year}${where ? ` — ${where}` : ''}${like.en}`, id: `Peserta bulan demi bulan sampai Desember${year}${whereId ? ` — ${whereId}` : ''}${like.id}` },
    months: s.months,
    totalSeries: total.story?.series ?? [],
    path: s.chart,
  };
}

/**
 * The trend view (coverage --trend): one row per area with its participants month by month as
 * columns, then its pace, where that pace lands in December, its target and the projected status.
 */
export function trendReport(r: CoverageResult, base: AnyReport): Report {
  const s = r.story!;
  const c = (key: string, kind: Column['kind']): Column => ({ key, label: columnWords(key), kind });
  const monthCols: Column[] = s.months.map((m) => ({ key: m, label: { en: m, id: m }, kind: 'int' }));
  const columns: Column[] = [...keyColumns(r.grain), ...monthCols, c('change', 'signed-int'), c('pace', 'signed-int'), c('run_rate', 'int'), withDecemberYear(c('projected', 'int'), r), c('target', 'int'), c('projected_gap', 'signed-int'), c('projected_status', 'status'), ESTIMATED_REPORT_COLUMN];
  // issue 19: the cells that are estimates, by column: the months whose participants are, the target,
  // the projection and its status
  const marks = (x: CoverageRow): readonly string[] | undefined => {
    const out: string[] = [];
    s.months.forEach((m, i) => x.story?.seriesEstimated?.[i] && out.push(m));
    for (const f of ['projected', 'target', 'projected_status'] as const) if (x.estimated?.includes(f)) out.push(f);
    return out.length ? out : undefined;
  };
  const cells = (x: CoverageRow): Record<string, Value> => {
    const out: Record<string, Value> = Object.create(null) as Record<string, Value>;
    s.months.forEach((m, i) => (out[m] = x.story?.series[i] ?? null));
    out['change'] = x.metrics.change;
    out['pace'] = x.story?.pace ?? null;
    out['run_rate'] = x.metrics.runRate;
    out['projected'] = x.story?.projected ?? null;
    out['target'] = x.metrics.target;
    out['projected_gap'] = x.story?.projectedGap ?? null;
    out['projected_status'] = x.story?.projectedStatus ?? null;
    out['estimated'] = estimatedCell(marks(x));
    return out;
  };
  const rows: Row[] = r.rows
    .filter((x) => x.level !== 'total')
    .map((x) => withEstimates(x.level === 'detail' ? { values: { ...keyValues(r.grain, x.keys, x.labels), ...cells(x) }, ...(x.story ? { series: x.story.series } : {}) } : { level: 'subtotal', values: { ...totalLabel(r.grain, x.keys, x.labels), ...cells(x) }, ...(x.story ? { series: x.story.series } : {}) }, marks(x)));
  const total = r.rows.find((x) => x.level === 'total')!;
  return {
    kind: 'coverage-trend',
    title: { en: base.title.en.replace(/^Coverage/, 'Trend'), id: base.title.id.replace(/^Cakupan/, 'Tren') },
    columns,
    rows,
    totals: { [r.grain[0]!]: 'Total', ...cells(total) },
    totalsEstimated: marks(total),
    legend: estimateLegend(rows.some((x) => x.estimated?.length) || marks(total) !== undefined),
    humanColumns: columns.filter((c) => c !== ESTIMATED_REPORT_COLUMN).map((c) => c.key),
    meta: { ...base.meta, view: 'trend' },
    notes: base.notes,
    ...(base.trend ? { trend: base.trend } : {}),
  };
}
