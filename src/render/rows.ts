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

/**
 * The answer of the views that project or compare (rv19 F1: at 80 columns the trend view showed
 * January to March and the target, the compare views their targets only), by the report's kind: the
 * trend view's projected December, projected gap and projected status (and its latest month, see
 * trendMonths); each plan's gap and status and the differences of `coverage --compare-targets`
 * (`gap_<plan>`, `status_<plan>`, `diff_<plan>`, `diff_pct_<plan>`); the differences and `differs` of
 * `breakdown --compare` (`diff_<variant>`, `diff_pct_<variant>`, `changed`); and in the plain coverage
 * view of several months, the projected December and its status (they are its rightmost columns, and
 * went first on every terminal up to 200 columns; the projected gap reads off the two shown).
 */
const VIEW_ANSWERS: ReadonlyMap<string, (key: string) => boolean> = new Map<string, (key: string) => boolean>([
  ['coverage', (k) => k === 'projected' || k === 'projected_status'],
  ['coverage-trend', (k) => k === 'projected' || k === 'projected_gap' || k === 'projected_status'],
  ['coverage-compare', (k) => k.startsWith('gap_') || k.startsWith('status_') || k.startsWith('diff_')],
  ['comparison', (k) => k === 'changed' || k.startsWith('diff_')],
]);

/** What the narrow-terminal rules read of a report: its columns, and for the views above its kind and months. */
export type FittedReport = Pick<Report, 'columns'> & { readonly kind?: string; readonly trend?: Pick<NonNullable<Report['trend']>, 'months'>; readonly meta?: Readonly<Record<string, unknown>> };

/**
 * A trend view's month columns (the keys of trend.months), oldest first, and the one reported: the
 * report's period, else the newest. The reported month is an answer (the figure the title names); the
 * others go before every other measure when the terminal is narrow, the oldest first (rv19 F1: they
 * went newest first, and "Trend 2024-06" read as if the latest figure were March's).
 */
function trendMonths(report: FittedReport): { readonly older: readonly number[]; readonly reported: number } | undefined {
  const months = report.trend?.months;
  if (report.kind !== 'coverage-trend' || !months?.length) return undefined;
  const known = new Set(months);
  const at: number[] = [];
  report.columns.forEach((c, j) => known.has(c.key) && at.push(j));
  if (at.length === 0) return undefined;
  at.sort((a, b) => (report.columns[a]!.key < report.columns[b]!.key ? -1 : 1));
  const period = report.meta?.['period'];
  const named = at.find((j) => report.columns[j]!.key === period);
  const reported = named ?? at[at.length - 1]!;
  return { older: at.filter((j) => j !== reported), reported };
}

const isAnswer = (report: FittedReport, index: number): boolean => {
  const c = report.columns[index]!;
  if (ANSWER_KEYS.has(c.key) || (c.key.startsWith('target_') && c.kind === 'int')) return true;
  if (report.kind !== undefined && VIEW_ANSWERS.get(report.kind)?.(c.key) === true) return true;
  return trendMonths(report)?.reported === index;
};

/**
 * Which answer a narrow table keeps longest (rv16 #3): the targets (3), then the statuses (2), the
 * projection (1.5), the gaps, a single difference and the reported month (1), the differences per plan
 * or variant, `differs` and the projected gap (0.5: each reads off two columns shown beside it), the
 * ratios (0: achievement, a difference in %). Among equals the rightmost goes first; the last answer
 * never goes.
 */
export function answerKeep(report: FittedReport, index: number): number {
  const key = report.columns[index]!.key;
  if (key === 'achievement' || key.startsWith('diff_pct_')) return 0;
  if (key === 'changed' || key === 'projected_gap' || key.startsWith('diff_')) return 0.5;
  if (key === 'gap' || key === 'diff' || key.startsWith('gap_') || trendMonths(report)?.reported === index) return 1;
  if (key === 'projected') return 1.5;
  if (key === 'status' || key === 'projected_status' || key.startsWith('status_')) return 2;
  return 3;
}

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
 * columns: never dropped), 2 for the answer (target, gap, achievement, status; and those of the trend
 * and compare views, VIEW_ANSWERS), 1 for the rest. The lowest goes first, and among equals the
 * rightmost. A key's code beside its name (`province_code` before `province`) says the same thing
 * again for people: 1.5, after the other measures and before the answer (at 80 columns the 38
 * provinces' coverage keeps its name, target, gap, achievement and status, and leaves the code out).
 * A trend view's months before the one reported: between 0.5 and 1, the oldest lowest.
 */
export function columnPriority(report: FittedReport, index: number): number {
  const c = report.columns[index]!;
  if (c.priority !== undefined) return c.priority;
  if (index < leadingText(report)) {
    const named = c.key.endsWith('_code') && report.columns[index + 1]?.key === c.key.slice(0, -'_code'.length);
    return named ? 1.5 : 3;
  }
  if (isAnswer(report, index)) return 2;
  const months = trendMonths(report);
  const rank = months ? months.older.indexOf(index) : -1;
  return rank >= 0 ? 0.5 + (0.5 * (rank + 1)) / (months!.older.length + 1) : 1;
}
