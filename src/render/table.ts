// The terminal table: labels and numbers in --lang, numbers right-aligned, a totals row, the status
// coloured only when colour is on. --chart adds a bar per row: coverage, with the target marked.
//
// Drawn here rather than by cli-table3: that library takes minutes on 100,000 rows (measured: 465 s),
// and fitting the terminal needs the column widths anyway.
//
// Fitting the terminal (ctx.columns given, no --wide): first the headers wrap at spaces, down to the
// width of the column's values; if the table is still too wide, columns are dropped, the lowest
// `priority` first and, among equals, the rightmost first (the report orders its columns by
// importance), down to the answer (target, gap, achievement, status: priority 2; the trend view's
// reported month and projection, the compare views' gaps, statuses and differences: rows.ts); then the
// keys' values wrap over more lines of their row; only then does an answer go, the least needed first
// (rows.ts answerKeep), never the last, with a warning said under --quiet. A trend view's older months
// go before its other measures, the oldest first. The keys (leading text columns, priority 3; a key's code
// beside its name is 1.5) and the --chart bar are never dropped.
// Which columns were dropped comes back as a note, for the command to print once.
//
// A report with a trend gets, on a terminal that can show it (ctx.sparkline), a sparkline column
// right after the keys: each row's participants month by month (▁▂▃▄▅▆▇█, trend.ts). Its priority
// (0.5) is the lowest of all, so it is the first to go when the terminal is narrow: the answer
// columns stay.

import { Chalk } from 'chalk';
import { collectChunks } from './chunks.js';
import type { RenderContext, Rendered, RenderNote, Streamed } from './context.js';
import { displayWidth } from './measure.js';
import { describeMeta } from './meta.js';
import { countRows, rowSource, type AnyReport, type Column, type Row, type RowCells, type Value } from '../report/model.js';
import { humanFormatter } from './format.js';
import { answerKeep, columnPriority, eachRowCells, isKeyColumn, isTextKind, markEstimate, rowCells } from './rows.js';
import { sparkline, sparklineHeader } from './trend.js';

const BAR_WIDTH = 20;

export function bar(value: number | null, target: number | null, width = BAR_WIDTH): string {
  if (value === null || !Number.isFinite(value)) return '';
  const scale = Math.max(1, value, target ?? 0);
  const filled = Math.round((Math.max(0, value) / scale) * width);
  const cells: string[] = Array.from({ length: width }, (_, i) => (i < filled ? '█' : '░'));
  if (target !== null && Number.isFinite(target)) {
    const at = Math.min(width - 1, Math.max(0, Math.round((target / scale) * width) - 1));
    cells[at] = '│';
  }
  return cells.join('');
}

/** Split a header at spaces into lines no wider than `width` (a word longer than that keeps its own line). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

const longestWord = (text: string): number => text.split(' ').reduce((m, w) => Math.max(m, displayWidth(w)), 0);

interface Layout {
  /** Indexes into report.columns, in order. */
  readonly shown: number[];
  readonly dropped: Column[];
  /** Answer columns (target, gap, achievement, status) dropped: even the keys wrapped could not make room. */
  readonly droppedAnswers: Column[];
  /** Header lines per shown column. */
  readonly head: string[][];
  /** Inner width per shown column (without padding); a key's values wrap to it when narrower than they are. */
  readonly widths: number[];
}

/** The widest formatted value of each column, over every row (the totals included). */
function measureValues(report: AnyReport, ctx: RenderContext): number[] {
  const widths = report.columns.map(() => 0);
  const keys = report.columns.map((c) => c.key);
  const format = report.columns.map((c) => humanFormatter(c.kind, ctx.lang));
  for (const row of eachRowCells(report, keys)) {
    for (let j = 0; j < keys.length; j++) {
      const w = displayWidth(markEstimate(format[j]!(row.cells[j]!), row.estimated !== undefined && row.estimated.includes(keys[j]!)));
      if (w > widths[j]!) widths[j] = w;
    }
  }
  return widths;
}

/** A key's values and header are wrapped down to this many cells before an answer column is dropped. */
const KEY_MIN_WIDTH = 8;

/**
 * A text in lines no wider than `width`: wrapped at spaces, and a word wider than that broken where it
 * must be (a key's value is never cut short: "Papua Barat" and "Papua Barat Daya" must stay two names).
 */
export function wrapCell(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const out: string[] = [];
  for (const line of wrapWords(text, width)) {
    if (displayWidth(line) <= width) {
      out.push(line);
      continue;
    }
    let part = '';
    for (const ch of line) {
      if (part && displayWidth(part + ch) > width) {
        out.push(part);
        part = ch;
      } else part += ch;
    }
    if (part) out.push(part);
  }
  return out;
}

/** Which columns the table shows, how wide each is, and which were dropped to fit ctx.columns. */
export function layoutTable(report: AnyReport, ctx: RenderContext): Layout {
  const cols = report.columns;
  const chart = ctx.chart && coverageChart(report);
  const labels = cols.map((c) => c.label[ctx.lang]);
  const valueWidths = measureValues(report, ctx);
  const chartWidth = chart ? Math.max(BAR_WIDTH, displayWidth(chartLabel(ctx, report))) + 3 : 0;
  const natural = (j: number): number => Math.max(valueWidths[j]!, displayWidth(labels[j]!));
  const total = (shown: readonly number[], width: (j: number) => number): number => shown.reduce((s, j) => s + width(j) + 3, 1) + chartWidth;
  let shown = cols.map((_, j) => j);
  const limit = ctx.columns;
  if (!limit || ctx.wide || total(shown, natural) <= limit) {
    return { shown, dropped: [], droppedAnswers: [], head: shown.map((j) => [labels[j]!]), widths: shown.map(natural) };
  }
  // Too wide: wrap headers to their values (never narrower than their longest word), then drop the
  // columns below the answer (priority < 2: the other measures, then a key's code).
  const narrow = (j: number): number => Math.max(valueWidths[j]!, longestWord(labels[j]!));
  const priority = cols.map((_, j) => columnPriority(report, j));
  const dropOrder = cols
    .map((_, j) => ({ j, p: priority[j]! }))
    .filter((x) => x.p < 2)
    .sort((a, b) => a.p - b.p || b.j - a.j);
  const droppedAt: number[] = [];
  for (const { j } of dropOrder) {
    if (total(shown, narrow) <= limit) break;
    shown = shown.filter((k) => k !== j);
    droppedAt.push(j);
  }
  // Dropping a wide column can leave room for a narrower one dropped before it: take those back,
  // the most needed first.
  for (let i = droppedAt.length - 1; i >= 0; i--) {
    const j = droppedAt[i]!;
    const candidate = shown.concat(j).sort((a, b) => a - b);
    if (total(candidate, narrow) <= limit) {
      shown = candidate;
      droppedAt.splice(i, 1);
    }
  }
  // Still too wide: the keys' values wrap (the widest key first, down to KEY_MIN_WIDTH), and only then
  // does an answer go, the least needed first, never the last one: a table of names and no figure
  // answers nothing (rv16 #3: at 40 columns, a list of provinces).
  const keyWidths = new Map<number, number>();
  const width = (j: number): number => keyWidths.get(j) ?? narrow(j);
  const wrapKeys = (): void => {
    keyWidths.clear();
    const keys = shown.filter((j) => (priority[j]! >= 3 || cols[j]!.wraps === true) && isTextKind(cols[j]!.kind));
    let excess = total(shown, width) - limit;
    while (excess > 0) {
      let widest = -1;
      for (const j of keys) if (width(j) > KEY_MIN_WIDTH && (widest < 0 || width(j) > width(widest))) widest = j;
      if (widest < 0) return;
      keyWidths.set(widest, width(widest) - 1);
      excess--;
    }
  };
  wrapKeys();
  const answers = shown
    .filter((j) => priority[j]! >= 2 && priority[j]! < 3)
    .sort((a, b) => answerKeep(report, a) - answerKeep(report, b) || b - a);
  const droppedAnswers: Column[] = [];
  for (const j of answers.slice(0, -1)) {
    if (total(shown, width) <= limit) break;
    shown = shown.filter((k) => k !== j);
    droppedAnswers.push(cols[j]!);
    wrapKeys();
  }
  const dropped = droppedAt.map((j) => cols[j]!);
  return { shown, dropped, droppedAnswers, head: shown.map((j) => (keyWidths.has(j) ? wrapCell(labels[j]!, width(j)) : wrapWords(labels[j]!, width(j)))), widths: shown.map(width) };
}

/** The bar's heading: coverage, against the target when the report has one to mark. */
const chartLabel = (ctx: RenderContext, report: AnyReport): string =>
  report.chart?.target ? (ctx.lang === 'id' ? 'cakupan vs target' : 'coverage vs target') : ctx.lang === 'id' ? 'grafik cakupan' : 'coverage chart';
/** The bar is coverage against target: a report of changes (a comparison) has none to draw. */
const coverageChart = (report: AnyReport): boolean => report.chart !== undefined && report.chart.changes === undefined;

/** The table a line at a time, from a layout made beforehand (a measuring pass over the rows). */
function* tableLines(report: AnyReport, ctx: RenderContext, layout: Layout): Generator<string> {
  const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
  const statusColour = new Map<string, (s: string) => string>([
    ['achieved', chalk.green],
    ['on-track', chalk.cyan],
    ['at-risk', chalk.yellow],
    ['behind', chalk.red],
  ]);
  const cols = report.columns;
  const chart = ctx.chart && coverageChart(report) ? report.chart : undefined;
  const { shown, widths } = layout;
  const aligns = shown.map((j) => (isTextKind(cols[j]!.kind) ? 'left' : 'right'));
  const chartW = chart ? Math.max(BAR_WIDTH, displayWidth(chartLabel(ctx, report))) : 0;
  const rule = (l: string, m: string, r: string): string => l + shown.map((_, k) => '─'.repeat(widths[k]! + 2)).concat(chart ? ['─'.repeat(chartW + 2)] : []).join(m) + r;
  const pad = (plain: string, styled: string, width: number, align: string): string => {
    const space = ' '.repeat(Math.max(0, width - displayWidth(plain)));
    return align === 'left' ? styled + space : space + styled;
  };
  yield chalk.bold(report.title[ctx.lang]) + '\n';
  const facts = describeMeta(report.meta, ctx.lang);
  if (facts) yield facts + '\n';
  yield rule('┌', '┬', '┐') + '\n';
  const headHeight = layout.head.reduce((m, h) => Math.max(m, h.length), 1);
  for (let i = 0; i < headHeight; i++) {
    const cells = shown.map((_j, k) => {
      const t = layout.head[k]![i] ?? '';
      return ' ' + pad(t, t ? chalk.bold(t) : '', widths[k]!, aligns[k]!) + ' ';
    });
    if (chart) {
      const t = i === 0 ? chartLabel(ctx, report) : '';
      cells.push(' ' + pad(t, t ? chalk.bold(t) : '', chartW, 'left') + ' ');
    }
    yield '│' + cells.join('│') + '│\n';
  }
  yield rule('├', '┼', '┤') + '\n';
  const num = (v: Value): number | null => (typeof v === 'number' ? v : null);
  // The cells of the shown columns, then the chart's value and target; each column's formatter resolved once.
  const keys = shown.map((j) => cols[j]!.key);
  const valueAt = keys.length;
  if (chart) keys.push(chart.value, chart.target ?? chart.value, chart.barValue ?? chart.value);
  const format = shown.map((j) => humanFormatter(cols[j]!.kind, ctx.lang));
  for (const row of eachRowCells(report, keys)) {
    // A key narrowed to fit the terminal wraps its value over more lines of the row (wrapCell).
    let height = 1;
    const cells = shown.map((j, k) => {
      const v = row.cells[k]!;
      const plain = markEstimate(format[k]!(v), row.estimated !== undefined && row.estimated.includes(keys[k]!));
      const colour = cols[j]!.kind === 'status' && typeof v === 'string' ? statusColour.get(v) : undefined;
      const style = (t: string): string => (colour ? colour(t) : row.level === 'detail' ? t : chalk.bold(t));
      const lines = displayWidth(plain) > widths[k]! ? wrapCell(plain, widths[k]!) : [plain];
      if (lines.length > height) height = lines.length;
      return lines.map((t) => ' ' + pad(t, style(t), widths[k]!, aligns[k]!) + ' ');
    });
    if (chart) {
      // A row whose target is some of its parts' draws those parts' coverage (barValue), as its mark is theirs.
      const b = bar(num(row.cells[valueAt + 2]!) ?? num(row.cells[valueAt]!), chart.target ? num(row.cells[valueAt + 1]!) : null);
      cells.push([' ' + pad(b, b, chartW, 'left') + ' ']);
    }
    const blank = cells.map((_c, k) => ' '.repeat(k < widths.length ? widths[k]! + 2 : chartW + 2));
    for (let i = 0; i < height; i++) yield '│' + cells.map((c, k) => c[i] ?? blank[k]!).join('│') + '│\n';
  }
  yield rule('└', '┴', '┘') + '\n';
  if (report.legend) yield report.legend[ctx.lang] + '\n'; // issue 19: what the * means
}

/** What the table left out (the --chart bar of a comparison, columns to fit the terminal), as notes. */
function tableNotes(report: AnyReport, layout: Layout, ctx: RenderContext): RenderNote[] {
  const notes: RenderNote[] = [];
  if (ctx.chart && report.chart && !coverageChart(report)) {
    notes.push({ code: 'table-chart-omitted', en: '--chart draws coverage against target; the changes of a comparison are charted in -f html and -f xlsx', id: '--chart menggambar cakupan terhadap target; perubahan suatu perbandingan digambar di -f html dan -f xlsx' });
  }
  if (layout.droppedAnswers.length > 0) {
    const n = layout.droppedAnswers.length;
    const en = layout.droppedAnswers.map((c) => c.label.en).join(', ');
    const id = layout.droppedAnswers.map((c) => c.label.id).join(', ');
    // Said under --quiet too: the reader would otherwise take the table for the whole answer.
    notes.push({
      code: 'table-answers-dropped',
      warning: true,
      en: `${en} left out of the table: ${n > 1 ? 'they do' : 'it does'} not fit ${ctx.columns} characters even with the names wrapped (a wider terminal or --wide shows ${n > 1 ? 'them' : 'it'}, -f csv gives every column)`,
      id: `${id} tidak ditampilkan di tabel: tidak muat dalam ${ctx.columns} karakter walaupun nama dilipat (terminal yang lebih lebar atau --wide menampilkannya, -f csv memberi semua kolom)`,
    });
  }
  // Still wider than the terminal with every column it may leave out gone and the keys wrapped (a
  // 40-column terminal and the reference list): said, never claimed to fit (rv24 G12).
  const chartWidth = ctx.chart && coverageChart(report) ? Math.max(BAR_WIDTH, displayWidth(chartLabel(ctx, report))) + 3 : 0;
  const drawn = layout.widths.reduce((s, w) => s + w + 3, 1) + chartWidth;
  const over = ctx.columns !== undefined && !ctx.wide && drawn > ctx.columns;
  if (layout.dropped.length > 0) {
    const n = layout.dropped.length;
    const en = layout.dropped.map((c) => c.label.en).join(', ');
    const id = layout.dropped.map((c) => c.label.id).join(', ');
    const fit = over ? { en: 'to narrow the table', id: 'agar tabel lebih sempit' } : { en: `to fit ${ctx.columns} characters`, id: `agar muat dalam ${ctx.columns} karakter` };
    // Columns named with --fields are the user's request: leaving one out is a warning, kept under -q.
    notes.push(
      ctx.fieldsNamed
        ? {
            code: 'table-columns-dropped',
            warning: true,
            en: `${en} named in --fields ${n > 1 ? 'are' : 'is'} left out of the table ${fit.en} (a wider terminal or --wide shows ${n > 1 ? 'them' : 'it'}, -f csv gives every column)`,
            id: `${id} yang disebut di --fields tidak ditampilkan di tabel ${fit.id} (terminal yang lebih lebar atau --wide menampilkannya, -f csv memberi semua kolom)`,
          }
        : {
            code: 'table-columns-dropped',
            en: `${n} column${n > 1 ? 's' : ''} left out ${fit.en}: ${en} (--wide shows all, -f csv gives every column)`,
            id: `${n} kolom tidak ditampilkan ${fit.id}: ${id} (--wide menampilkan semua, -f csv memberi semua kolom)`,
          },
    );
  }
  if (over) {
    notes.push({
      code: 'table-too-wide',
      en: `the table is ${drawn} characters wide, wider than this terminal (${ctx.columns}): its lines wrap (a wider terminal shows it whole; -f csv or -o <file>.xlsx give every column)`,
      id: `tabel ini selebar ${drawn} karakter, lebih lebar dari terminal ini (${ctx.columns}): barisnya terlipat (terminal yang lebih lebar menampilkannya utuh; -f csv atau -o <berkas>.xlsx memberi semua kolom)`,
    });
  }
  return notes;
}

/** The priority of the sparkline column: below every other column's (1 and up), the first to be dropped. */
export const SPARKLINE_PRIORITY = 0.5;

/**
 * The report with a sparkline column after its keys, each row's made as the row is read (the rows
 * stay a stream); the report itself when there is no trend or the terminal cannot show one.
 */
export function withSparklines(report: AnyReport, ctx: RenderContext): AnyReport {
  const trend = report.trend;
  if (!ctx.sparkline || !trend) return report;
  // Its key: one no column of the report has (column names can come from data).
  let key = 'trend';
  while (report.columns.some((c) => c.key === key)) key += '_';
  const column: Column = { key, label: { en: sparklineHeader(trend.months, 'en'), id: sparklineHeader(trend.months, 'id') }, kind: 'text', priority: SPARKLINE_PRIORITY };
  let at = 0;
  while (at < report.columns.length && isKeyColumn(report, at)) at++;
  const columns = [...report.columns.slice(0, at), column, ...report.columns.slice(at)];
  const add = (values: Readonly<Record<string, Value>>, series: readonly (number | null)[] | undefined): Record<string, Value> => ({ ...values, [key]: series ? sparkline(series, trend.months) : '' });
  const rows = report.rows;
  // The rows' cells as the rows' own, the sparkline's made from the series (as `add` makes it).
  const cells = function* (keys: readonly string[]): Generator<RowCells> {
    const out: Value[] = new Array<Value>(keys.length).fill(null);
    for (const r of rowCells(rows, keys)) {
      for (let j = 0; j < keys.length; j++) out[j] = keys[j] === key ? (r.series ? sparkline(r.series, trend.months) : '') : r.cells[j]!;
      yield { level: r.level, cells: out, estimated: r.estimated, series: r.series };
    }
  };
  return {
    ...report,
    columns,
    rows: { ...rowSource(countRows(rows), function* (): Generator<Row> {
      for (const r of rows) yield { ...r, values: add(r.values, r.series) };
    }), cells },
    ...(report.totals ? { totals: add(report.totals, trend.totalSeries) } : {}),
  };
}

/**
 * The table for a terminal: two passes over the rows (measure, then draw) rather than keeping every
 * formatted cell, since a million rows of thirteen columns would hold thirteen million strings. The
 * measuring pass is made here; the drawing one as the lines are written.
 */
export function streamTable(report: AnyReport, ctx: RenderContext): Streamed {
  const shown = withSparklines(report, ctx);
  const layout = layoutTable(shown, ctx);
  return { chunks: tableLines(shown, ctx, layout), notes: tableNotes(shown, layout, ctx) };
}

export function renderTableWithNotes(report: AnyReport, ctx: RenderContext): Rendered {
  const s = streamTable(report, ctx);
  return { output: collectChunks(s.chunks), notes: s.notes };
}
