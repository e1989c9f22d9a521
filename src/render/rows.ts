import { countRows, type AnyReport, type Column, type Lang, type Report, type ReportRows, type RowCells, type Value } from '../report/model.js';
import { ESTIMATE_MARK } from '../report/estimates.js';
import { formatHuman } from './format.js';

export type Level = 'detail' | 'subtotal' | 'total';

export interface LeveledRow {
  readonly values: Readonly<Record<string, Value>>;
  readonly level: Level;
  /** The columns whose cells are estimates (report/estimates.ts). */
  readonly estimated?: readonly string[];
  /** The row's participants month by month (Report.trend.months), for a sparkline; the totals' is trend.totalSeries. */
  readonly series?: readonly (number | null)[];
}

/** Every row of the report in order, the totals last, each with its level (no copy of the rows). */
export function* eachRow(report: Pick<AnyReport, 'rows' | 'totals' | 'totalsEstimated' | 'trend'>): Generator<LeveledRow> {
  for (const r of report.rows) yield { values: r.values, level: r.level ?? 'detail', estimated: r.estimated, series: r.series };
  if (report.totals) yield { values: report.totals, level: 'total', estimated: report.totalsEstimated, series: report.trend?.totalSeries };
}

/** A row as the cells of the columns a renderer asked for (eachRowCells), with its level. */
export interface LeveledCells {
  readonly level: Level;
  /** cells[j]: the value of the j-th key asked for. */
  readonly cells: readonly Value[];
  readonly estimated?: readonly string[];
  readonly series?: readonly (number | null)[];
}

/**
 * The report's rows (not the totals) as the cells of `keys`, in order: from the producer's own cells
 * when its RowSource has them (no record per row, no lookup per cell), else looked up in each row.
 * The object yielded and its cells are reused: read each row before the next.
 */
export function* rowCells(rows: ReportRows, keys: readonly string[]): Generator<RowCells> {
  if (!Array.isArray(rows)) {
    const source = rows as Exclude<ReportRows, readonly unknown[]>;
    if (source.cells) {
      yield* source.cells(keys);
      return;
    }
  }
  const cells: Value[] = new Array<Value>(keys.length).fill(null);
  const out: { level: 'detail' | 'subtotal'; cells: Value[]; estimated?: readonly string[]; series?: readonly (number | null)[] } = { level: 'detail', cells };
  for (const r of rows) {
    for (let j = 0; j < keys.length; j++) cells[j] = cellValue(r.values, keys[j]!);
    out.level = r.level ?? 'detail';
    out.estimated = r.estimated;
    out.series = r.series;
    yield out;
  }
}

/**
 * Every row of the report as the cells of `keys` (rowCells), the totals last: what eachRow gives,
 * without a record per row. The object yielded and its cells are reused: read each row before the next.
 */
export function* eachRowCells(report: Pick<AnyReport, 'rows' | 'totals' | 'totalsEstimated' | 'trend'>, keys: readonly string[]): Generator<LeveledCells> {
  yield* rowCells(report.rows, keys);
  const totals = report.totals;
  if (totals) yield { level: 'total', cells: keys.map((k) => cellValue(totals, k)), estimated: report.totalsEstimated, series: report.trend?.totalSeries };
}

/** A cell as people read it (table, Markdown, HTML): the value in the report language, marked when it is an estimate. */
export function humanCell(row: LeveledRow, c: Column, lang: Lang): string {
  return markEstimate(formatHuman(cellValue(row.values, c.key), c.kind, lang), row.estimated?.includes(c.key) === true);
}

/** A human cell's text with the estimate mark when it is an estimate and shows a value. */
export const markEstimate = (text: string, estimated: boolean): string => (estimated && text !== '' && text !== '–' ? `${text}${ESTIMATE_MARK}` : text);

/** How many rows eachRow yields. */
export function rowCount(report: Pick<AnyReport, 'rows' | 'totals'>): number {
  return countRows(report.rows) + (report.totals ? 1 : 0);
}

/** Text and status columns are read as words (left-aligned, never summed); the rest are numbers. */
export const isTextKind = (kind: string): boolean => kind === 'text' || kind === 'status';

/**
 * The value of a column in a row. Column keys can come from data (`--by branch`, a column named
 * `constructor`), so only the row's own keys count, never what a plain object inherits.
 */
export function cellValue(values: Readonly<Record<string, Value>>, key: string): Value {
  return Object.hasOwn(values, key) ? (values[key] ?? null) : null;
}

/**
 * The answer of a report: what a reader came for, kept after the keys when the terminal is narrow
 * (issue 22: at 80 columns `breakdown` used to show no target, `coverage` no target, gap or
 * achievement). Named here by column key, so that the report builders need not set priorities; a
 * comparison's `target_<method>` columns are targets too. A percentage such as `target_coverage` is not.
 */
const ANSWER_KEYS: ReadonlySet<string> = new Set(['target', 'gap', 'achievement', 'status', 'diff']);
const isAnswer = (c: { readonly key: string; readonly kind: string }): boolean => ANSWER_KEYS.has(c.key) || (c.key.startsWith('target_') && c.kind === 'int');

const leadingText = (report: Pick<Report, 'columns'>): number => {
  let n = 0;
  while (n < report.columns.length && report.columns[n]!.kind === 'text') n++;
  return n;
};

/** Whether a column is one of the report's keys: a leading text column, unless its priority says otherwise. */
export function isKeyColumn(report: Pick<Report, 'columns'>, index: number): boolean {
  const c = report.columns[index]!;
  return c.priority !== undefined ? c.priority >= 3 : index < leadingText(report);
}

/**
 * The priority of a column when the terminal is narrow: given, else 3 for the keys (the leading text
 * columns: never dropped), 2 for the answer (target, gap, achievement, status), 1 for the rest. The
 * lowest goes first, and among equals the rightmost. A key's code beside its name (`province_code`
 * before `province`) says the same thing again for people: 1.5, after the other measures and before
 * the answer (at 80 columns the 38 provinces' coverage keeps its name, target, gap, achievement and
 * status, and leaves the code out).
 */
export function columnPriority(report: Pick<Report, 'columns'>, index: number): number {
  const c = report.columns[index]!;
  if (c.priority !== undefined) return c.priority;
  if (index < leadingText(report)) {
    const named = c.key.endsWith('_code') && report.columns[index + 1]?.key === c.key.slice(0, -'_code'.length);
    return named ? 1.5 : 3;
  }
  return isAnswer(c) ? 2 : 1;
}
