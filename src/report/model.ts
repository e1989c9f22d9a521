// The one report model every output format renders: columns, rows, totals and meta.

export type Lang = 'id' | 'en';

export type ColumnKind =
  | 'text' // names, codes, labels
  | 'int' // counts
  | 'signed-int' // changes and gaps (shown with a sign)
  | 'pct' // fractions shown as percentages (0.6056 → 60.56 %)
  | 'signed-pct' // changes as fractions, shown as percentages with a sign (+13.64 %, -10.71 %)
  | 'points' // percentage points
  | 'number' // any other number (weights, divisors)
  | 'status'; // achieved / on-track / at-risk / behind

export interface Column {
  readonly key: string;
  readonly label: { readonly en: string; readonly id: string };
  readonly kind: ColumnKind;
  /**
   * How much the terminal table needs this column when the terminal is too narrow for all of them:
   * the lowest priority is dropped first (ties: the rightmost first), and a column of priority 3 or
   * more is never dropped. Unset: 3 for the leading text columns (the keys), 1 for the others.
   * Only the terminal table uses it; `--wide` shows every column.
   */
  readonly priority?: number;
  /**
   * Text that wraps over lines of its row when the terminal is narrow, like a key's value (a hint, a
   * problem's words), where an answer column would be left out whole. Unset: only the keys wrap.
   */
  readonly wraps?: boolean;
}

export type Value = string | number | null;

export interface Row {
  readonly values: Readonly<Record<string, Value>>;
  /** Subtotal rows summarise the detail rows above them. */
  readonly level?: 'detail' | 'subtotal';
  /** The columns whose cells are estimates: marked in human formats (report/estimates.ts). */
  readonly estimated?: readonly string[];
  /** The row's participants month by month (Report.trend.months), for a sparkline; null where unknown. */
  readonly series?: readonly (number | null)[];
}

/**
 * The year as a story, for people (HTML line chart and sparklines, the xlsx trend sheet, a sparkline
 * column in the terminal): the months known, and the scope's path from the first of them to December.
 */
export interface TrendChart {
  readonly title: { readonly en: string; readonly id: string };
  /** The months each Row.series (and `totalSeries`) has a value for, oldest first. */
  readonly months: readonly string[];
  readonly totalSeries: readonly (number | null)[];
  /** The scope's chart, month by month from the first month known to December. */
  readonly path: {
    readonly months: readonly string[];
    readonly actual: readonly (number | null)[];
    readonly milestones: readonly (number | null)[];
    readonly projection: readonly (number | null)[];
    readonly target: number | null;
    /** Set where some rows have no target: the actual and projection lines are of the rows with one (said in the title). */
    readonly rows?: { readonly with: number; readonly of: number; readonly without: readonly string[] };
  };
}

export interface ChartSpec {
  /** Column holding the bar's label, its value (a fraction), and the target mark (a fraction). */
  readonly label: string;
  readonly value: string;
  readonly target?: string;
  /**
   * A row's own value for its bar where it gives one (a key of its values, no column), else `value`'s: a
   * row whose target is some of its parts' draws the coverage of those parts, as its target mark is (fx53).
   */
  readonly barValue?: string;
  /** A signed count drawn as a second chart (e.g. the gap). */
  readonly second?: string;
  /**
   * The cross-tab measure (a key of `crosstab.measures`) drawn as one stacked bar per cross-tab row,
   * one colour per key across (HTML). Unset: the last measure (e.g. the target).
   */
  readonly stack?: string;
  /**
   * Signed changes per unit (e.g. each variant of a comparison against the first), drawn as one
   * diverging bar chart each, from the largest gain to the largest loss, in place of the charts above
   * (HTML), and laid out as a sheet of their own that one click in Excel charts (xlsx). `label`: the
   * columns whose values, joined by " · ", name a bar (province; province and regency).
   */
  readonly changes?: {
    readonly label: readonly string[];
    /** `value`: the change in people; `share`: the same change as a fraction of the first (shown beside it). */
    readonly series: readonly { readonly value: string; readonly share?: string }[];
  };
}

/**
 * A two-way table (e.g. provinces down, segments across) built by report/ from a matrix result. Every
 * number is given: renderers lay it out and never add anything up.
 */
export interface CrossTab {
  readonly title: { readonly en: string; readonly id: string };
  /** The label columns of each row, e.g. code and province. */
  readonly rowHeader: readonly Column[];
  /** The keys across, in order, e.g. PU, BPU, JAKON, PMI; the last one is the row total. */
  readonly across: readonly { readonly key: string; readonly label: { readonly en: string; readonly id: string } }[];
  /** The measures shown under each key across, e.g. participants today and target. */
  readonly measures: readonly Column[];
  /** cells[j][m]: the value of measure m under key j; the last row is the column totals. */
  readonly rows: readonly {
    readonly header: Readonly<Record<string, Value>>;
    readonly cells: readonly (readonly Value[])[];
    /** estimated[j]: the keys of the measures under key j that are estimates (marked as Row.estimated). */
    readonly estimated?: readonly (readonly string[] | undefined)[];
    readonly level: 'detail' | 'total';
  }[];
}

/**
 * The rows of a big report, made on demand instead of held: each iteration yields the same rows in the
 * same order (a renderer may read them twice, e.g. to measure column widths, and several -o outputs
 * read them once each), and their number is known before the first. A producer whose rows already sit
 * in an array gives the array; one that would otherwise build a second copy of a million rows gives a
 * RowSource (see `rowSource` and `mappedRows`), and the renderers write each row as it comes.
 */
export interface RowSource extends Iterable<Row> {
  readonly count: number;
  /**
   * The same rows in the same order, each as the cells of `keys` (in that order; a key the row has
   * not: null), without a values record per row. Optional: a producer of a million rows gives it so
   * that the renderers, which know their columns, neither build nor look up a record per row
   * (render/rows.ts eachRowCells falls back to the rows when it is missing). It must agree with the
   * rows: `cells[j]` is `cellValue(row.values, keys[j])`, with the row's level, estimates and series.
   * The object yielded, and its `cells`, may be reused for the next row: read it before the next.
   */
  readonly cells?: (keys: readonly string[]) => Iterable<RowCells>;
}

/** A row as the cells of the keys asked for (RowSource.cells). */
export interface RowCells {
  readonly level: 'detail' | 'subtotal';
  readonly cells: readonly Value[];
  readonly estimated?: readonly string[];
  readonly series?: readonly (number | null)[];
}

/** Either way of giving a report's rows. */
export type ReportRows = readonly Row[] | RowSource;

/**
 * A report. Builders that hold their rows in an array return `Report` (rows: Row[]) and callers may use
 * array methods on them; renderers and Session.emit take `AnyReport`, whose rows may also be a RowSource.
 */
export interface Report<Rows extends ReportRows = readonly Row[]> {
  readonly kind: string;
  readonly title: { readonly en: string; readonly id: string };
  readonly columns: readonly Column[];
  readonly rows: Rows;
  readonly totals?: Readonly<Record<string, Value>>;
  /** The total row's estimated columns, as Row.estimated. */
  readonly totalsEstimated?: readonly string[];
  /** What the estimate mark means, when some row has one (report/estimates.ts). */
  readonly legend?: { readonly en: string; readonly id: string };
  /** Machine-readable facts: inputs, method, period, denominator… (JSON `meta`, xlsx second sheet). */
  readonly meta: Readonly<Record<string, unknown>>;
  readonly chart?: ChartSpec;
  /** The columns people see by default (table, md, html); machine formats always get all. */
  readonly humanColumns?: readonly string[];
  /** A matrix breakdown's cross-tab, drawn beside the long list (xlsx sheet, HTML table). */
  readonly crosstab?: CrossTab;
  /**
   * Notes for people, already in words (en/id): what was dropped, capped, held or deduced. Each says
   * whether the command line printed it as a warning (report/note-kinds.ts) and, for a core note, its code.
   */
  readonly notes?: readonly ReportNote[];
  /** With two months or more: the months and the scope's path (charts), rows carry their series. */
  readonly trend?: TrendChart;
}

/**
 * A note of the report in words, with how loud it is: `warning` for what the command line prints as
 * `warning:` (what changes what a number means, said even under --quiet, and the other warnings),
 * `note` for the rest; `code`: the core note's code (report/note-kinds.ts), where the note is one.
 */
export interface ReportNote {
  readonly en: string;
  readonly id: string;
  readonly kind: 'warning' | 'note';
  readonly code?: string;
}

export const STATUS_LABELS: Record<string, { en: string; id: string }> = {
  achieved: { en: 'achieved', id: 'tercapai' },
  'on-track': { en: 'on track', id: 'sesuai jalur' },
  'at-risk': { en: 'at risk', id: 'berisiko' },
  behind: { en: 'behind', id: 'tertinggal' },
  'will-achieve': { en: 'will achieve', id: 'akan tercapai' },
  'will-miss': { en: 'will miss', id: 'akan meleset' },
  // A breakdown's `bound`: the bound a target sits at (machine formats keep the code).
  min: { en: 'min', id: 'min' },
  max: { en: 'max', id: 'maks' },
  held: { en: 'held', id: 'ditahan' },
  // A comparison's `changed` (differs): yes (machine formats keep the code).
  yes: { en: 'yes', id: 'ya' },
};

/** A report whose rows may be streamed: what every renderer draws. */
export type AnyReport = Report<ReportRows>;

/** Rows made by `make` on each iteration, `count` of them. */
export function rowSource(count: number, make: () => Iterator<Row>): RowSource {
  return { count, [Symbol.iterator]: make };
}

/**
 * Rows made from items as they are read, never held: `mappedRows(result.rows, toRow)` in a report
 * builder gives the renderers the same rows as `result.rows.map(toRow)` without a second array of a
 * million objects. `keep` leaves items out (it must give the same answer every time).
 */
export function mappedRows<T>(items: readonly T[], toRow: (item: T) => Row, keep?: (item: T) => boolean): RowSource {
  let count = items.length;
  if (keep) {
    count = 0;
    for (const item of items) if (keep(item)) count++;
  }
  return rowSource(count, function* () {
    for (const item of items) if (!keep || keep(item)) yield toRow(item);
  });
}

/** How many rows a report has (its totals not counted). */
export const countRows = (rows: ReportRows): number => (isRowArray(rows) ? rows.length : rows.count);

const isRowArray = (rows: ReportRows): rows is readonly Row[] => Array.isArray(rows);

/** Select and order columns (--fields); unknown names are a usage error raised by the caller. */
export function selectColumns<R extends ReportRows>(report: Report<R>, fields: readonly string[] | undefined): Report<R> {
  if (!fields || fields.length === 0) return report;
  const byKey = new Map(report.columns.map((c) => [c.key, c]));
  return { ...report, columns: fields.map((f) => byKey.get(f)!) };
}
