// Excel workbook a planner can print and forward. Numbers are stored as numbers with number formats
// (#,##0 and 0.00%), so Excel shows the reader's own separators; text is stored as text (never a
// formula). Sheets, in order:
//   <kind>    the long list (sheet 1, as before; scripts read it), with a filter on its header
//   crosstab  a matrix's cross-tab: rows down, keys across with each measure, row and column totals
//   trend     with two months or more: the scope's path to December (actual, milestone path,
//             projection, target) with a native line chart of it, then the areas down and the months
//             across (participants), laid out so that one click in Excel charts them
//   meta      title, notes and the facts of the run as readable rows in the report language
// Sheet names are identifiers like CSV keys: the same in every language.
//
// Every sheet prints landscape on A4, one page wide (and one page tall when it only just spills
// over), with its header rows on every page, the title in the page header and page numbers below; the
// header row and the key columns stay in view while scrolling; one named font (Arial, which
// LibreOffice replaces by the metric-compatible Liberation Sans) throughout, bold included. Column
// widths come from the widest value as the number format shows it, bold totals included, so no cell
// shows "###".
//
// The long list is written as it is produced (xlsx-writer.ts): its rows are read twice, once to
// measure the columns (their widths come before the rows in the file) and once to write them.

import { OutputError, say } from '../errors.js';
import type { RenderContext, Streamed } from './context.js';
import { crossTabCell, crossTabMarked, crossTabValueColumns } from './crosstab.js';
import { machineFormatter, statusLabel } from './format.js';
import { numberText, roundHalfUp } from '../report/rounding.js';
import { sheetTextWidth } from './measure.js';
import { describeMeta, metaLines, noteSections, SECTION } from './meta.js';
import type { AnyReport, Column, ColumnKind, Lang, Row, Value } from '../report/model.js';
import { cellValue, eachRow, eachRowCells, isKeyColumn, isTextKind, rowCount, type LeveledCells, type LeveledRow } from './rows.js';
import { columnLetters, workbookChunks, type CellStyle, type SheetCell, type SheetPrint, type SheetRow, type SheetSpec } from './xlsx-writer.js';
import { ESTIMATE_MARK } from '../report/estimates.js';
import type { ChartSeries } from './xlsx-chart.js';
import { monthSpan, pathEstimates, pathValues, TREND_WORDS, valueAxis } from './trend.js';
import { TREND_COLOURS } from './html-trend.js';

/** Excel's last row is 1,048,576; one is the header. */
export const MAX_SHEET_ROWS = 1_048_575;

const FORMATS: Partial<Record<ColumnKind, string>> = {
  int: '#,##0',
  'signed-int': '+#,##0;-#,##0;0',
  pct: '0.00%',
  'signed-pct': '+0.00%;-0.00%;0.00%',
  points: '+0.00;-0.00;0.00',
};

/**
 * Any other number (weights, divisors): a whole one grouped like a count (a weight of 1,866,362 was
 * shown as 1866362), a fraction with one to six decimals. One format for both, '#,##0.######', would
 * show a whole weight as "343,373." (a trailing point).
 */
export const WHOLE = '#,##0';
export const DECIMAL = '#,##0.0#####';

/** The number format of a value of a kind; undefined: General. */
export function numberFormat(v: number, kind: ColumnKind): string | undefined {
  if (kind === 'number' || kind === 'text') return Number.isInteger(v) ? WHOLE : DECIMAL;
  return FORMATS[kind];
}

/** A sheet of up to this many rows (the 38 provinces, a header and the totals) is fitted on one page. */
const ONE_PAGE_ROWS = 60;

/** Default row height of Arial 10, in points; wrapped headers get one per line. */
const LINE_HEIGHT = 12.75;
/** Text columns wider than this wrap or overflow instead of making every page small. */
const MAX_TEXT_WIDTH = 50;

/**
 * A value as a workbook stores it: as the machine formats write it, except fractions and points, which
 * keep every digit: their number format (0.00%) shows the rounding, and a value already rounded to 6
 * decimals would be rounded twice (12.34495 % stored as 0.12345 showed 12.35 %, md 12.34 %).
 */
function sheetFormatter(kind: ColumnKind): (value: Value) => string | number | null {
  const machine = machineFormatter(kind);
  if (kind !== 'pct' && kind !== 'signed-pct' && kind !== 'points') return machine;
  return (value) => (typeof value === 'number' ? (Number.isFinite(value) ? value : null) : machine(value));
}
const sheetValue = (value: Value, kind: ColumnKind): string | number | null => sheetFormatter(kind)(value);

/**
 * |n| rounded, with a comma every three digits (a loop: the regex took a tenth of a million-row workbook).
 * The digits by numberText, not toString: V8's number-to-string cache would keep each new count's text
 * past the young generation (a million distinct counts measured: rounding.ts numberText).
 */
function grouped(n: number): string {
  const digits = numberText(Math.round(Math.abs(n)));
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
  return out;
}

/** The text a spreadsheet shows for a stored value under our number formats (en-US separators; id ones are as wide). */
export function sheetDisplay(v: string | number, kind: ColumnKind): string {
  if (typeof v === 'string') return v;
  switch (kind) {
    case 'int':
      return (v < 0 ? '-' : '') + grouped(v);
    case 'signed-int':
      return (v > 0 ? '+' : v < 0 ? '-' : '') + grouped(v);
    case 'pct':
      return `${roundHalfUp(v, 2, 2)}%`;
    case 'signed-pct':
      return (v > 0 ? '+' : '') + `${roundHalfUp(v, 2, 2)}%`;
    case 'points':
      return (v > 0 ? '+' : '') + roundHalfUp(v, 2);
    default: {
      if (Number.isInteger(v)) return (v < 0 ? '-' : '') + grouped(v);
      // #,##0.0#####: the whole part grouped, then one to six decimals.
      const [whole = '0', frac = '0'] = roundHalfUp(Math.abs(v), 6).split('.');
      const decimals = frac.replace(/0+$/, '') || '0';
      return (v < 0 ? '-' : '') + grouped(Number(whole)) + '.' + decimals;
    }
  }
}

/** Column width in character units for the widest shown text: the text, a margin, and room for the cell padding. */
const widthFor = (units: number): number => Math.ceil(units + 1.5);

/** Lines a text takes when wrapped at spaces into `width` units (a longer word breaks, as Excel breaks it). */
function wrappedLines(text: string, width: number, bold: boolean): number {
  let lines = 1;
  let line = 0;
  const space = sheetTextWidth(' ', bold);
  for (const word of text.split(' ')) {
    const w = sheetTextWidth(word, bold);
    if (line > 0 && line + space + w > width) {
      lines++;
      line = 0;
    }
    if (line === 0 && w > width) {
      lines += Math.ceil(w / width) - 1;
      line = w % width;
    } else line = line > 0 ? line + space + w : w;
  }
  return lines;
}

const longestWord = (text: string): number => text.split(' ').reduce((m, w) => Math.max(m, sheetTextWidth(w, true)), 0);

/** A sheet's widths: each column as wide as its widest value, header words included (headers wrap). */
class Widths {
  readonly units: number[];
  constructor(readonly headers: readonly string[]) {
    this.units = headers.map((h) => longestWord(h));
  }
  see(j: number, text: string, bold: boolean): void {
    const w = sheetTextWidth(text, bold);
    if (w > this.units[j]!) this.units[j] = w;
  }
  columns(textColumns: ReadonlySet<number>): { width: number }[] {
    return this.units.map((u, j) => ({ width: widthFor(textColumns.has(j) ? Math.min(u, MAX_TEXT_WIDTH) : u) }));
  }
  /** The header row's height, so that wrapped headers show every line. */
  headerHeight(cols: readonly { width: number }[]): number {
    return this.headers.reduce((m, h, j) => Math.max(m, wrappedLines(h, cols[j]!.width - 1.5, true)), 1) * LINE_HEIGHT;
  }
}

const BOLD: CellStyle = { bold: true };

/** One style object per look, so that the writer finds each by identity (a million cells, a handful of styles). */
const cellStyles = new Map<string, CellStyle>();
function cellStyle(align: 'left' | 'right', numFmt: string | undefined, bold: boolean): CellStyle {
  const key = align + (numFmt ?? '') + (bold ? '|b' : '');
  let style = cellStyles.get(key);
  if (!style) cellStyles.set(key, (style = { align, ...(numFmt ? { numFmt } : {}), ...(bold ? BOLD : {}) }));
  return style;
}
const TEXT = cellStyle('left', undefined, false);
const TEXT_BOLD = cellStyle('left', undefined, true);

/** The text a spreadsheet shows for a value (to measure the column); null for no value. */
function shownText(value: Value, kind: ColumnKind, lang: Lang): string | null {
  const v = sheetValue(value, kind);
  if (v === null) return null;
  if (typeof v === 'number') return sheetDisplay(v, kind === 'text' ? 'number' : kind);
  return kind === 'status' ? statusLabel(v, lang) : v;
}

/**
 * One data cell: a number with its format, or text; null for no value. An estimated number (issue 19)
 * keeps its value (sums and charts still work) and shows the mark through its format; so does text
 * (a status reached on an estimate), whose value stays the word (the `estimated` column names it too).
 */
function dataCell(value: Value, kind: ColumnKind, lang: Lang, bold: boolean, estimate = false): SheetCell {
  const v = sheetValue(value, kind);
  if (v === null) return null;
  if (typeof v === 'number') return { value: v, style: cellStyle('right', estimate ? `${numberFormat(v, kind) ?? 'General'}"${ESTIMATE_MARK}"` : numberFormat(v, kind), bold) };
  // An explicit alignment gives the cell its own style record, so that every reader sees its font
  // by name rather than falling back to whatever it takes the workbook default to be.
  return { value: kind === 'status' ? statusLabel(v, lang) : v, style: estimate ? markedText(bold) : bold ? TEXT_BOLD : TEXT };
}

/**
 * A text cell marked as an estimate (a status reached on one): the text format `@"*"` shows the mark
 * and keeps the cell's value the word itself, as a marked number keeps its value.
 */
const markedText = (bold: boolean): CellStyle => cellStyle('left', `@"${ESTIMATE_MARK}"`, bold);

const headerCell = (text: string, extra: CellStyle = {}): SheetCell => ({ value: text, style: { bold: true, wrap: true, vertical: 'bottom', ...extra } });

/** The last column of the long list, as in CSV: detail, subtotal or total, so that the workbook reads back. */
const LEVEL: Column = { key: 'level', label: { en: 'level', id: 'tingkat' }, kind: 'text', priority: 0 };

/** Pages tall: a sheet that only just spills over a page (the 38 provinces and a header) is fitted on one. */
const pagesTall = (rows: number): number => (rows <= ONE_PAGE_ROWS ? 1 : 0);

interface PrintWords {
  readonly header: string;
  readonly footer: string;
}

const print = (words: PrintWords, titleRows: number, rows: number): SheetPrint => ({ titleRows, header: words.header, footer: words.footer, pagesTall: pagesTall(rows) });

/**
 * How one column of the long list turns values into cells and widths, resolved once: its kind's
 * formatting, and its styles (at most a handful: a number's format depends on its kind, and for a
 * plain number on whether it is whole; then bold or not, marked or not).
 */
function listColumn(c: Column, lang: Lang): { shown: (value: Value) => string | null; cell: (value: Value, bold: boolean, estimate: boolean) => SheetCell } {
  const machine = sheetFormatter(c.kind);
  const kind = c.kind;
  // A number's style depends on whether it is whole (numberFormat), bold and marked: eight at most.
  const styles: (CellStyle | undefined)[] = [];
  const numberStyle = (v: number, bold: boolean, estimate: boolean): CellStyle => {
    const whole = Number.isInteger(v);
    const at = (whole ? 4 : 0) + (bold ? 2 : 0) + (estimate ? 1 : 0);
    let style = styles[at];
    if (!style) {
      const format = numberFormat(v, kind);
      styles[at] = style = cellStyle('right', estimate ? `${format ?? 'General'}"${ESTIMATE_MARK}"` : format, bold);
    }
    return style;
  };
  // The column's cell, filled again for each row (the writer reads a row whole before the next).
  const slot: { value: string | number | null; style: CellStyle } = { value: null, style: TEXT };
  return {
    // As shownText: the text a spreadsheet shows, to measure the column.
    shown: (value) => {
      const v = machine(value);
      if (v === null) return null;
      if (typeof v === 'number') return sheetDisplay(v, kind === 'text' ? 'number' : kind);
      return kind === 'status' ? statusLabel(v, lang) : v;
    },
    // As dataCell.
    cell: (value, bold, estimate) => {
      const v = machine(value);
      if (v === null) return null;
      if (typeof v === 'number') {
        slot.value = v;
        slot.style = numberStyle(v, bold, estimate);
      } else {
        slot.value = kind === 'status' ? statusLabel(v, lang) : v;
        slot.style = estimate ? markedText(bold) : bold ? TEXT_BOLD : TEXT;
      }
      return slot;
    },
  };
}

function listSheet(report: AnyReport, lang: Lang, words: PrintWords): SheetSpec {
  const cols = [...report.columns, LEVEL];
  const widths = new Widths(cols.map((c) => c.label[lang]));
  const keys = report.columns.map((c) => c.key);
  const n = keys.length;
  const plans = report.columns.map((c) => listColumn(c, lang));
  const levelPlan = listColumn(LEVEL, lang);
  const marked = (row: LeveledCells, j: number): boolean => row.estimated !== undefined && row.estimated.includes(keys[j]!);
  // First pass: the widths (they come before the rows in the file).
  for (const row of eachRowCells(report, keys)) {
    const bold = row.level !== 'detail';
    for (let j = 0; j < n; j++) {
      const t = plans[j]!.shown(row.cells[j]!);
      if (t !== null) widths.see(j, marked(row, j) ? t + ESTIMATE_MARK : t, bold);
    }
    const t = levelPlan.shown(row.level);
    if (t !== null) widths.see(n, t, bold);
  }
  const textCols = new Set(cols.flatMap((c, j) => (isTextKind(c.kind) ? [j] : [])));
  const columns = widths.columns(textCols);
  const height = widths.headerHeight(columns);
  const header: SheetRow = { cells: cols.map((c) => headerCell(c.label[lang], { align: isTextKind(c.kind) ? 'left' : 'right' })), height };
  function* rows(): Generator<SheetRow> {
    yield header;
    // One row and its cells, filled again for each row: the writer reads a row whole before the next.
    const cells: SheetCell[] = new Array<SheetCell>(n + 1).fill(null);
    const out: SheetRow = { cells };
    for (const row of eachRowCells(report, keys)) {
      const bold = row.level !== 'detail';
      for (let j = 0; j < n; j++) cells[j] = plans[j]!.cell(row.cells[j]!, bold, marked(row, j));
      cells[n] = levelPlan.cell(row.level, bold, false);
      yield out;
    }
  }
  // The key columns (leading text columns unless priorities say otherwise) stay in view while
  // scrolling sideways; at most three, or nothing else would fit.
  let frozen = 0;
  while (frozen < cols.length && frozen < 3 && isKeyColumn({ columns: cols }, frozen)) frozen++;
  const count = rowCount(report);
  // The filter covers the header and the rows above the totals, which stay in view whatever is filtered.
  const filtered = count - (report.totals ? 1 : 0);
  return {
    name: report.kind.slice(0, 31),
    widths: columns.map((c) => c.width),
    rowCount: count + 1,
    rows: { [Symbol.iterator]: rows },
    frozen: { rows: 1, columns: frozen },
    ...(filtered > 0 ? { autoFilter: { first: 1, last: 1 + filtered } } : {}),
    print: print(words, 1, count + 1),
  };
}

function crossTabSheet(report: AnyReport, lang: Lang, words: PrintWords): SheetSpec | undefined {
  const ct = report.crosstab;
  if (!ct) return undefined;
  const values = crossTabValueColumns(ct);
  const nHead = ct.rowHeader.length;
  const widths = new Widths(ct.rowHeader.map((c) => c.label[lang]).concat(values.map((v) => v.label[lang])));
  const lastAcross = ct.across.length - 1;
  const body: SheetRow[] = [];
  const put = (value: Value, kind: ColumnKind, bold: boolean, j: number, estimate = false): SheetCell => {
    const t = shownText(value, kind, lang);
    if (t !== null) widths.see(j, estimate ? t + ESTIMATE_MARK : t, bold);
    return dataCell(value, kind, lang, bold, estimate);
  };
  for (const row of ct.rows) {
    const total = row.level === 'total';
    const head = ct.rowHeader.map((c, j) => put(cellValue(row.header, c.key), c.kind, total, j));
    const cells = values.map((v, k) => put(crossTabCell(row.cells, v), v.kind, total || v.across === lastAcross, nHead + k, crossTabMarked(ct, row, v)));
    body.push({ cells: head.concat(cells) });
  }
  // A key across spans its measures: make the measures wide enough for the key's label too.
  ct.across.forEach((a, j) => {
    const span = ct.measures.length;
    const first = nHead + j * span;
    let have = 0;
    for (let k = 0; k < span; k++) have += widths.units[first + k]! + 1.5;
    const need = sheetTextWidth(a.label[lang], true) + 1.5;
    if (need > have) for (let k = 0; k < span; k++) widths.units[first + k]! += (need - have) / span;
  });
  const textCols = new Set(ct.rowHeader.flatMap((c, j) => (isTextKind(c.kind) ? [j] : [])));
  const columns = widths.columns(textCols);
  const height = widths.headerHeight(columns);
  const top: SheetCell[] = ct.rowHeader.map((c) => headerCell(c.label[lang], { align: 'left' }));
  const merges = ct.rowHeader.map((_c, j) => `${columnLetters(j + 1)}1:${columnLetters(j + 1)}2`);
  // The cells a merge covers are written empty with the style of the merge (Excel does the same), so
  // that every reader sees their font.
  const covered = (style: CellStyle): SheetCell => ({ value: null, style: { bold: true, wrap: true, vertical: 'bottom', ...style } });
  ct.across.forEach((a, j) => {
    const span = ct.measures.length;
    top.push(headerCell(a.label[lang], { align: 'center', wrap: false }));
    for (let k = 1; k < span; k++) top.push(covered({ align: 'center', wrap: false }));
    if (span > 1) merges.push(`${columnLetters(nHead + j * span + 1)}1:${columnLetters(nHead + (j + 1) * span)}1`);
  });
  const second: SheetCell[] = ct.rowHeader.map((): SheetCell => covered({ align: 'left' })).concat(values.map((v) => headerCell(v.label[lang], { align: 'right' })));
  const rows = [{ cells: top }, { cells: second, height }, ...body];
  return { name: 'crosstab', widths: columns.map((c) => c.width), rowCount: rows.length, rows, frozen: { rows: 2, columns: nHead }, merges, print: print(words, 2, rows.length) };
}

/**
 * The changes of a comparison laid out for a chart: the unit's name, then one column of signed changes
 * per variant, largest gain first. Select the block and insert a bar chart: Excel draws the diverging
 * bars (gains right of the axis, losses left), one series per variant. (A comparison has a row per
 * unit, not millions: its detail rows are held here to be sorted.)
 */
function changesSheet(report: AnyReport, lang: Lang, words: PrintWords): SheetSpec | undefined {
  const changes = report.chart?.changes;
  if (!changes || changes.series.length === 0) return undefined;
  const byKey = new Map(report.columns.map((c) => [c.key, c]));
  const cols: Column[] = changes.label.map((k) => byKey.get(k) ?? { key: k, label: { en: k, id: k }, kind: 'text' });
  for (const s of changes.series) cols.push({ ...(byKey.get(s.value) ?? { key: s.value, label: { en: s.value, id: s.value } }), kind: 'signed-int' });
  const first = changes.series[0]!.value;
  const detail: Row[] = [];
  for (const r of report.rows) if ((r.level ?? 'detail') === 'detail') detail.push(r);
  const sorted = detail.sort((a, b) => (Number(cellValue(b.values, first)) || 0) - (Number(cellValue(a.values, first)) || 0));
  const widths = new Widths(cols.map((c) => c.label[lang]));
  const body: SheetRow[] = sorted.map((row) => ({
    cells: cols.map((c, j) => {
      const value = cellValue(row.values, c.key);
      const t = shownText(value, c.kind, lang);
      if (t !== null) widths.see(j, t, false);
      return dataCell(value, c.kind, lang, false);
    }),
  }));
  const columns = widths.columns(new Set(changes.label.map((_l, j) => j)));
  const height = widths.headerHeight(columns);
  const rows: SheetRow[] = [{ cells: cols.map((c) => headerCell(c.label[lang], { align: isTextKind(c.kind) ? 'left' : 'right' })), height }, ...body];
  return { name: 'changes', widths: columns.map((c) => c.width), rowCount: rows.length, rows, frozen: { rows: 1, columns: changes.label.length }, print: print(words, 1, rows.length) };
}

/** A row's name in the trend sheet: its key cells joined (a code beside its name left out): "Gorontalo", "Gorontalo · Total". */
function rowName(report: AnyReport, values: Readonly<Record<string, Value>>): string {
  const parts: string[] = [];
  for (let j = 0; j < report.columns.length && isKeyColumn(report, j); j++) {
    const key = report.columns[j]!.key;
    if (key.endsWith('_code') && report.columns[j + 1]?.key === key.slice(0, -'_code'.length)) continue;
    const v = cellValue(values, key);
    if (v !== null && v !== '') parts.push(String(v));
  }
  return parts.join(' · ');
}

/** Rows of the trend sheet: its title, the path block, the chart's rows, then the areas block. */
const TREND_LAYOUT = { pathHeader: 3, chartFrom: 8, chartRows: 20 } as const;

/**
 * The year on a sheet of its own (issue 18). At the top, the scope's path month by month to December
 * (actual, milestone path, projection, target: one row each, the months across) and a native line
 * chart of it; below, the areas down and the months across (participants), the Total last. Each block
 * has an empty top-left cell and an empty row around it, so that a click in it and Insert → Line chart
 * takes the block with its names and months (if Excel puts the areas on the axis, "Switch Row/Column"
 * puts the months there).
 */
function trendSheet(report: AnyReport, lang: Lang, words: PrintWords): SheetSpec | undefined {
  const trend = report.trend;
  if (!trend || trend.path.months.length === 0) return undefined;
  const W = TREND_WORDS;
  const p = trend.path;
  const nPath = p.months.length;
  const december = p.months.map((_m, i) => (i === nPath - 1 ? p.target : null));
  const marks = pathEstimates(report.totalsEstimated);
  const lines: { key: 'actual' | 'milestones' | 'projection' | 'target'; values: readonly (number | null)[]; style: Omit<ChartSeries, 'name' | 'nameCell' | 'row' | 'values'> }[] = [
    { key: 'actual', values: p.actual, style: { colour: TREND_COLOURS.actual.slice(1).toUpperCase(), line: 'solid', width: 2.25, marker: { symbol: 'circle', size: 5 } } },
    { key: 'milestones', values: p.milestones, style: { colour: TREND_COLOURS.milestones.slice(1).toUpperCase(), line: 'solid', width: 1.75, marker: { symbol: 'none' } } },
    { key: 'projection', values: p.projection, style: { colour: TREND_COLOURS.actual.slice(1).toUpperCase(), line: 'dash', width: 2.25, marker: { symbol: 'none' } } },
    { key: 'target', values: december, style: { colour: TREND_COLOURS.target.slice(1).toUpperCase(), line: 'none', width: 0, marker: { symbol: 'dash', size: 20 } } },
  ];
  const drawn = lines.filter((l) => l.values.some((v) => v !== null));
  const nCols = 1 + Math.max(nPath, trend.months.length);
  const widths = new Widths(Array.from({ length: nCols }, () => ''));
  const intCell = (v: number | null | undefined, bold: boolean, j: number, estimate = false): SheetCell => {
    if (v === null || v === undefined) return null;
    widths.see(j, sheetDisplay(v, 'int') + (estimate ? ESTIMATE_MARK : ''), bold);
    return dataCell(v, 'int', lang, bold, estimate);
  };
  const label = (text: string, bold: boolean): SheetCell => {
    widths.see(0, text, bold);
    return { value: text, style: bold ? TEXT_BOLD : TEXT };
  };
  const monthHeader = (months: readonly string[]): SheetRow => ({
    cells: [null, ...months.map((m, i) => {
      widths.see(i + 1, m, true);
      return { value: m, style: { bold: true, align: 'right' } } satisfies SheetCell;
    })],
  });
  const title = (text: string): SheetRow => ({ cells: [{ value: text, style: TEXT_BOLD }] });
  const rows: SheetRow[] = [title(trend.title[lang]), { cells: [] }, monthHeader(p.months)];
  const series: ChartSeries[] = [];
  // A line that is an estimate (issue 19) carries the mark in its name (the chart's legend) and its cells.
  for (const l of drawn) {
    const row = rows.length + 1;
    const name = W[l.key][lang] + (marks[l.key] ? ESTIMATE_MARK : '');
    rows.push({ cells: [label(name, false), ...l.values.map((v, i) => intCell(v, false, i + 1, marks[l.key]))] });
    series.push({ name, nameCell: { row, col: 1 }, row, values: l.values, ...l.style });
  }
  while (rows.length < TREND_LAYOUT.chartFrom + TREND_LAYOUT.chartRows + 1) rows.push({ cells: [] });
  rows.push(title(`${lang === 'id' ? 'Peserta per bulan' : 'Participants by month'}, ${monthSpan(trend.months, lang)}`), { cells: [] }, monthHeader(trend.months));
  // The areas, then the Total, as they are written: a first pass measures them (the report's rows are
  // re-readable; a streamed report is not held here either).
  const areaRow = (row: LeveledRow): SheetRow => {
    const bold = row.level !== 'detail';
    return { cells: [label(rowName(report, row.values), bold), ...trend.months.map((_m, i) => intCell(row.series?.[i] ?? null, bold, i + 1))] };
  };
  for (const row of eachRow(report)) areaRow(row);
  const columns = widths.columns(new Set([0]));
  // What the mark means, below the areas, when a line carries it: one cell merged across the sheet's
  // columns and wrapped in them (a long line would be cut at the printed page's edge).
  const marked = report.legend !== undefined && (marks.actual || marks.milestones || marks.projection || marks.target);
  const legend: SheetRow[] = [];
  const merges: string[] = [];
  if (marked) {
    const meaning = report.legend![lang];
    const across = columns.reduce((sum, c) => sum + c.width, 0);
    legend.push({ cells: [] }, { cells: [{ value: meaning, style: { wrap: true, vertical: 'top' } }], height: wrappedLines(meaning, across - 1.5, false) * LINE_HEIGHT });
    const at = rows.length + rowCount(report) + legend.length;
    merges.push(`A${at}:${columnLetters(columns.length)}${at}`);
  }
  const sheetRows = rows.length + rowCount(report) + legend.length;
  const axis = valueAxis(pathValues(trend))!;
  return {
    name: 'trend',
    widths: columns.map((c) => c.width),
    rowCount: sheetRows,
    rows: {
      *[Symbol.iterator]() {
        yield* rows;
        for (const row of eachRow(report)) yield areaRow(row);
        yield* legend;
      },
    },
    ...(merges.length ? { merges } : {}),
    print: print(words, 0, sheetRows),
    chart: {
      title: trend.title[lang],
      from: { col: 0, row: TREND_LAYOUT.chartFrom },
      to: { col: Math.min(Math.max(nCols, 8), 11), row: TREND_LAYOUT.chartFrom + TREND_LAYOUT.chartRows },
      categories: { row: TREND_LAYOUT.pathHeader, first: 2, last: 1 + nPath, labels: p.months },
      series,
      axis: { min: axis.lo, max: axis.hi, step: axis.step, numFmt: '#,##0' },
    },
  };
}

function metaSheet(report: AnyReport, lang: Lang, words: PrintWords): SheetSpec {
  const rows: { cells: SheetCell[]; wrapped?: string }[] = [];
  let labelW = 0;
  let valueW = 0;
  const text = (value: string, extra: CellStyle = {}): SheetCell => ({ value, style: { vertical: 'top', ...extra } });
  rows.push({ cells: [text(report.title[lang], { bold: true })] });
  const facts = describeMeta(report.meta, lang);
  if (facts) rows.push({ cells: [text(facts)] });
  // Warnings (what changes what a number means) under their own heading, before the other notes.
  for (const section of noteSections(report.notes)) {
    rows.push({ cells: [] });
    rows.push({ cells: [text(section.title[lang], { bold: true })] });
    section.notes.forEach((n, i) => {
      rows.push({ cells: [text(`${i + 1}.`, { align: 'right' }), text(n[lang], { wrap: true })], wrapped: n[lang] });
      valueW = Math.max(valueW, sheetTextWidth(n[lang], false));
    });
  }
  if (report.legend) {
    rows.push({ cells: [] });
    rows.push({ cells: [text(report.legend[lang])] }); // issue 19: what the * means
  }
  rows.push({ cells: [] });
  rows.push({ cells: [text(SECTION.about[lang], { bold: true })] });
  rows.push({ cells: [text(SECTION.key[lang], { bold: true }), text(SECTION.value[lang], { bold: true })] });
  for (const line of metaLines(report.meta, lang)) {
    labelW = Math.max(labelW, sheetTextWidth(line.label, line.heading) + 1.5 * line.depth);
    const label = text(line.label, { ...(line.depth > 0 ? { indent: line.depth } : {}), ...(line.heading ? BOLD : {}) });
    if (line.heading) {
      rows.push({ cells: [label] });
      continue;
    }
    if (typeof line.value === 'number') {
      const kind: ColumnKind = line.kind === 'text' ? 'number' : line.kind;
      const numFmt = numberFormat(line.value, kind);
      rows.push({ cells: [label, { value: line.value, style: { align: 'left', ...(numFmt ? { numFmt } : {}) } }] });
      valueW = Math.max(valueW, sheetTextWidth(sheetDisplay(line.value, kind), false));
    } else {
      const t = line.value ?? '–';
      rows.push({ cells: [label, text(t, { wrap: true })], wrapped: t });
      valueW = Math.max(valueW, sheetTextWidth(t, false));
    }
  }
  const widths = [widthFor(Math.min(labelW, 45)), widthFor(Math.min(valueW, 90))];
  // Neither Excel nor LibreOffice sizes a row to its wrapped text when printing a file it did not
  // write: long values get their height from the same metrics as the widths.
  const sheetRows: SheetRow[] = rows.map((r) => {
    const lines = r.wrapped === undefined ? 1 : wrappedLines(r.wrapped, widths[1]! - 1.5, false);
    return lines > 1 ? { cells: r.cells, height: lines * LINE_HEIGHT } : { cells: r.cells };
  });
  return { name: 'meta', widths, rowCount: sheetRows.length, rows: sheetRows, print: { ...print(words, 0, sheetRows.length), pagesTall: 0 } };
}

/** Refuse a report that no sheet can hold, before anything is written. */
function checkSize(report: AnyReport): void {
  const rows = rowCount(report);
  if (rows <= MAX_SHEET_ROWS) return;
  const maxRows = MAX_SHEET_ROWS.toLocaleString('en-US');
  const size = rows.toLocaleString('en-US');
  const cols = report.columns.length;
  throw new OutputError(
    say(
      { message: `the report has ${size} rows of ${cols} columns, too many for xlsx: a sheet holds at most ${maxRows} rows below its header`, hint: 'write -f csv (or jsonl) instead' },
      { message: `laporan memiliki ${size} baris dengan ${cols} kolom, terlalu banyak untuk xlsx: satu lembar memuat paling banyak ${maxRows} baris di bawah baris judulnya`, hint: 'tulis dengan -f csv (atau jsonl)' },
    ),
  );
}

/** The workbook as it is written: the list's widths are measured here, its rows are written as they are read. */
export async function streamXlsx(report: AnyReport, ctx: RenderContext): Promise<Streamed> {
  checkSize(report);
  const lang = ctx.lang;
  const fflate = await import('fflate');
  const words: PrintWords = { header: report.title[lang], footer: lang === 'id' ? 'halaman &P dari &N' : 'page &P of &N' };
  const sheets: SheetSpec[] = [listSheet(report, lang, words)];
  const ct = crossTabSheet(report, lang, words);
  if (ct) sheets.push(ct);
  const changes = changesSheet(report, lang, words);
  if (changes) sheets.push(changes);
  const trend = trendSheet(report, lang, words);
  if (trend) sheets.push(trend);
  sheets.push(metaSheet(report, lang, words));
  return { chunks: workbookChunks(fflate, sheets), notes: [] };
}
