// Excel workbook a planner can print and forward. Numbers are stored as numbers with number formats
// (#,##0 and 0.00%), so Excel shows the reader's own separators; text is stored as text (never a
// formula). Sheets, in order:
//   <kind>    the long list (sheet 1, as before; scripts read it)
//   crosstab  a matrix's cross-tab: rows down, keys across with each measure, row and column totals
//   meta      title, notes and the facts of the run as readable rows in the report language
// Sheet names are identifiers like CSV keys: the same in every language.
//
// Every sheet prints landscape on A4, one page wide, with its header rows on every page, the title in
// the page header and page numbers below (xlsx-print.ts); the header row and the key columns stay in
// view while scrolling; one named font (Arial, which LibreOffice replaces by the metric-compatible
// Liberation Sans) throughout, bold included. Column widths come from the widest value as the number
// format shows it, bold totals included, so no cell shows "###".

import type { Cell, CellObject, Row } from 'write-excel-file/node';
import { OutputError, say } from '../errors.js';
import type { RenderContext, Rendered } from './context.js';
import { crossTabCell, crossTabValueColumns } from './crosstab.js';
import { formatMachine, statusLabel } from './format.js';
import { sheetTextWidth } from './measure.js';
import { describeMeta, metaLines, SECTION } from './meta.js';
import type { Column, ColumnKind, Lang, Report, Value } from '../report/model.js';
import { cellValue, columnPriority, eachRow, isTextKind, rowCount } from './rows.js';
import { printSetup, type SheetPrint, type XlsxSheet } from './xlsx-print.js';

export const FONT = { family: 'Arial', size: 10 } as const;

/** Excel's last row is 1,048,576; one is the header. */
export const MAX_SHEET_ROWS = 1_048_575;
/**
 * write-excel-file builds each sheet's XML as one string (about 45 characters a cell): past this many
 * cells it would pass V8's longest string. Refused with a clear message rather than a crash.
 */
export const MAX_SHEET_CELLS = 8_000_000;

const FORMATS: Partial<Record<ColumnKind, string>> = {
  int: '#,##0',
  'signed-int': '+#,##0;-#,##0;0',
  pct: '0.00%',
  'signed-pct': '+0.00%;-0.00%;0.00%',
  points: '+0.00;-0.00;0.00',
  // number: General. '0.######' would show a whole weight as "343373." (a trailing point).
};

/** A cross-tab up to this many rows is fitted on one page. */
const ONE_PAGE_ROWS = 60;

/** Default row height of Arial 10, in points; wrapped headers get one per line. */
const LINE_HEIGHT = 12.75;
/** Text columns wider than this wrap or overflow instead of making every page small. */
const MAX_TEXT_WIDTH = 50;

const grouped = (n: number): string => Math.round(Math.abs(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The text a spreadsheet shows for a stored value under our number formats (en-US separators; id ones are as wide). */
export function sheetDisplay(v: string | number, kind: ColumnKind): string {
  if (typeof v === 'string') return v;
  switch (kind) {
    case 'int':
      return (v < 0 ? '-' : '') + grouped(v);
    case 'signed-int':
      return (v > 0 ? '+' : v < 0 ? '-' : '') + grouped(v);
    case 'pct':
      return `${(v * 100).toFixed(2)}%`;
    case 'signed-pct':
      return (v > 0 ? '+' : '') + `${(v * 100).toFixed(2)}%`;
    case 'points':
      return (v > 0 ? '+' : '') + v.toFixed(2);
    default: {
      // General: about 11 characters, as many decimals as fit.
      const t = String(Number(v.toPrecision(10)));
      return t.length > 11 ? v.toPrecision(6) : t;
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

/** One data cell: a number with its format, or text; null for no value. */
function dataCell(value: Value, kind: ColumnKind, lang: Lang, bold: boolean, widths: Widths, j: number): Cell {
  const v = formatMachine(value, kind);
  if (v === null) return null;
  const weight = bold ? { fontWeight: 'bold' as const } : {};
  if (typeof v === 'number') {
    widths.see(j, sheetDisplay(v, kind), bold);
    const format = FORMATS[kind];
    return { value: v, type: Number, align: 'right', ...(format ? { format } : {}), ...weight };
  }
  const text = kind === 'status' ? statusLabel(v, lang) : v;
  widths.see(j, text, bold);
  // An explicit alignment gives the cell its own style record, so that every reader sees its font
  // by name rather than falling back to whatever it takes the workbook default to be.
  return { value: text, type: String, align: 'left', ...weight };
}

const headerCell = (text: string, extra: Partial<CellObject> = {}): CellObject => ({ value: text, type: String, fontWeight: 'bold', wrap: true, alignVertical: 'bottom', ...extra });

/** The last column of the long list, as in CSV: detail, subtotal or total, so that the workbook reads back. */
const LEVEL: Column = { key: 'level', label: { en: 'level', id: 'tingkat' }, kind: 'text', priority: 0 };

function listSheet(report: Report, lang: Lang): XlsxSheet {
  const cols = [...report.columns, LEVEL];
  const widths = new Widths(cols.map((c) => c.label[lang]));
  const data: Row[] = [[]];
  for (const row of eachRow(report)) {
    const bold = row.level !== 'detail';
    data.push(cols.map((c, j) => dataCell(c === LEVEL ? row.level : cellValue(row.values, c.key), c.kind, lang, bold, widths, j)));
  }
  const textCols = new Set(cols.flatMap((c, j) => (isTextKind(c.kind) ? [j] : [])));
  const columns = widths.columns(textCols);
  const height = widths.headerHeight(columns);
  data[0] = cols.map((c) => headerCell(c.label[lang], { height, align: isTextKind(c.kind) ? 'left' : 'right' }));
  // The key columns (as the terminal table sees them: leading text columns unless priorities say
  // otherwise) stay in view while scrolling sideways; at most three, or nothing else would fit.
  let keys = 0;
  while (keys < cols.length && keys < 3 && columnPriority(report, keys) >= 3) keys++;
  return { data, sheet: report.kind.slice(0, 31), columns, stickyRowsCount: 1, ...(keys > 0 ? { stickyColumnsCount: keys } : {}), orientation: 'landscape' };
}

function crossTabSheet(report: Report, lang: Lang): XlsxSheet | undefined {
  const ct = report.crosstab;
  if (!ct) return undefined;
  const values = crossTabValueColumns(ct);
  const nHead = ct.rowHeader.length;
  const widths = new Widths(ct.rowHeader.map((c) => c.label[lang]).concat(values.map((v) => v.label[lang])));
  const lastAcross = ct.across.length - 1;
  const data: Row[] = [[], []];
  for (const row of ct.rows) {
    const total = row.level === 'total';
    const head = ct.rowHeader.map((c, j) => dataCell(cellValue(row.header, c.key), c.kind, lang, total, widths, j));
    const cells = values.map((v, k) => dataCell(crossTabCell(row.cells, v), v.kind, lang, total || v.across === lastAcross, widths, nHead + k));
    data.push(head.concat(cells));
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
  const top: Cell[] = ct.rowHeader.map((c) => headerCell(c.label[lang], { rowSpan: 2, align: 'left' }));
  for (const a of ct.across) {
    top.push(headerCell(a.label[lang], { columnSpan: ct.measures.length, align: 'center', wrap: false }));
    for (let k = 1; k < ct.measures.length; k++) top.push(null);
  }
  data[0] = top;
  data[1] = ct.rowHeader.map((): Cell => null).concat(values.map((v) => headerCell(v.label[lang], { height, align: 'right' })));
  return { data, sheet: 'crosstab', columns, stickyRowsCount: 2, stickyColumnsCount: nHead, orientation: 'landscape' };
}

/**
 * The changes of a comparison laid out for a chart: the unit's name, then one column of signed changes
 * per variant, largest gain first. Select the block and insert a bar chart: Excel draws the diverging
 * bars (gains right of the axis, losses left), one series per variant.
 */
function changesSheet(report: Report, lang: Lang): XlsxSheet | undefined {
  const changes = report.chart?.changes;
  if (!changes || changes.series.length === 0) return undefined;
  const byKey = new Map(report.columns.map((c) => [c.key, c]));
  const cols: Column[] = changes.label.map((k) => byKey.get(k) ?? { key: k, label: { en: k, id: k }, kind: 'text' });
  for (const s of changes.series) cols.push({ ...(byKey.get(s.value) ?? { key: s.value, label: { en: s.value, id: s.value } }), kind: 'signed-int' });
  const first = changes.series[0]!.value;
  const detail = report.rows.filter((r) => (r.level ?? 'detail') === 'detail');
  const sorted = detail.slice().sort((a, b) => (Number(cellValue(b.values, first)) || 0) - (Number(cellValue(a.values, first)) || 0));
  const widths = new Widths(cols.map((c) => c.label[lang]));
  const data: Row[] = [[]];
  for (const row of sorted) data.push(cols.map((c, j) => dataCell(cellValue(row.values, c.key), c.kind, lang, false, widths, j)));
  const columns = widths.columns(new Set(changes.label.map((_l, j) => j)));
  const height = widths.headerHeight(columns);
  data[0] = cols.map((c) => headerCell(c.label[lang], { height, align: isTextKind(c.kind) ? 'left' : 'right' }));
  return { data, sheet: 'changes', columns, stickyRowsCount: 1, stickyColumnsCount: changes.label.length, orientation: 'landscape' };
}

function metaSheet(report: Report, lang: Lang): XlsxSheet {
  const data: Row[] = [];
  // Neither Excel nor LibreOffice sizes a row to its wrapped text when printing a file it did not
  // write: long values get their height from the same metrics as the widths.
  const wrapped: { cell: CellObject; text: string }[] = [];
  let labelW = 0;
  let valueW = 0;
  const text = (value: string, extra: Partial<CellObject> = {}): CellObject => ({ value, type: String, alignVertical: 'top', ...extra });
  data.push([text(report.title[lang], { fontWeight: 'bold' })]);
  const facts = describeMeta(report.meta, lang);
  if (facts) data.push([text(facts)]);
  if (report.notes && report.notes.length > 0) {
    data.push([]);
    data.push([text(SECTION.notes[lang], { fontWeight: 'bold' })]);
    report.notes.forEach((n, i) => {
      const note = text(n[lang], { wrap: true, alignVertical: 'top' });
      wrapped.push({ cell: note, text: n[lang] });
      data.push([text(`${i + 1}.`, { align: 'right', alignVertical: 'top' }), note]);
      valueW = Math.max(valueW, sheetTextWidth(n[lang], false));
    });
  }
  data.push([]);
  data.push([text(SECTION.about[lang], { fontWeight: 'bold' })]);
  data.push([text(SECTION.key[lang], { fontWeight: 'bold' }), text(SECTION.value[lang], { fontWeight: 'bold' })]);
  for (const line of metaLines(report.meta, lang)) {
    labelW = Math.max(labelW, sheetTextWidth(line.label, line.heading) + 1.5 * line.depth);
    const label = text(line.label, { ...(line.depth > 0 ? { indent: line.depth } : {}), ...(line.heading ? { fontWeight: 'bold' as const } : {}), alignVertical: 'top' });
    if (line.heading) {
      data.push([label]);
      continue;
    }
    let value: Cell;
    if (typeof line.value === 'number') {
      const kind: ColumnKind = line.kind === 'text' ? 'number' : line.kind;
      const format = FORMATS[kind];
      value = { value: line.value, type: Number, align: 'left', ...(format ? { format } : {}) };
      valueW = Math.max(valueW, sheetTextWidth(sheetDisplay(line.value, kind), false));
    } else {
      const t = line.value ?? '–';
      const cell = text(t, { wrap: true, alignVertical: 'top' });
      wrapped.push({ cell, text: t });
      value = cell;
      valueW = Math.max(valueW, sheetTextWidth(t, false));
    }
    data.push([label, value]);
  }
  const columns = [{ width: widthFor(Math.min(labelW, 45)) }, { width: widthFor(Math.min(valueW, 90)) }];
  for (const w of wrapped) {
    const lines = wrappedLines(w.text, columns[1]!.width - 1.5, false);
    if (lines > 1) w.cell.height = lines * LINE_HEIGHT;
  }
  return { data, sheet: 'meta', columns, orientation: 'landscape' };
}

export async function renderXlsxWithNotes(report: Report, ctx: RenderContext): Promise<Rendered> {
  const lang = ctx.lang;
  const rows = rowCount(report);
  if (rows > MAX_SHEET_ROWS || rows * Math.max(1, report.columns.length) > MAX_SHEET_CELLS) {
    const tooManyRows = rows > MAX_SHEET_ROWS;
    const maxRows = MAX_SHEET_ROWS.toLocaleString('en-US');
    const maxCells = MAX_SHEET_CELLS.toLocaleString('en-US');
    const size = `${rows.toLocaleString('en-US')}`;
    const cols = report.columns.length;
    throw new OutputError(
      say(
        {
          message: `the report has ${size} rows of ${cols} columns, too many for xlsx: ${tooManyRows ? `a sheet holds at most ${maxRows} rows below its header` : `the workbook writer takes at most ${maxCells} cells a sheet`}`,
          hint: 'write -f csv (or jsonl) instead, or choose fewer columns with --fields',
        },
        {
          message: `laporan memiliki ${size} baris dengan ${cols} kolom, terlalu banyak untuk xlsx: ${tooManyRows ? `satu lembar memuat paling banyak ${maxRows} baris di bawah baris judulnya` : `penulis buku kerja menerima paling banyak ${maxCells} sel per lembar`}`,
          hint: 'tulis dengan -f csv (atau jsonl), atau pilih lebih sedikit kolom dengan --fields',
        },
      ),
    );
  }
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const sheets: XlsxSheet[] = [listSheet(report, lang)];
  const ct = crossTabSheet(report, lang);
  if (ct) sheets.push(ct);
  const changes = changesSheet(report, lang);
  if (changes) sheets.push(changes);
  sheets.push(metaSheet(report, lang));
  const title = report.title[lang];
  const footer = lang === 'id' ? 'halaman &P dari &N' : 'page &P of &N';
  // A cross-tab (or the changes) of the 38 provinces is one page to read at a glance: keep it on one
  // page (it is scaled a little) rather than strand its last rows on a second one.
  const print: SheetPrint[] = sheets.map((s) => ({
    name: s.sheet ?? '',
    titleRows: s.stickyRowsCount ?? 0,
    header: title,
    footer,
    pagesTall: (s.sheet === 'crosstab' || s.sheet === 'changes') && s.data.length <= ONE_PAGE_ROWS ? 1 : 0,
  }));
  const output = await writeXlsxFile(sheets, { fontFamily: FONT.family, fontSize: FONT.size, features: [printSetup(print)] }).toBuffer();
  return { output: new Uint8Array(output.buffer, output.byteOffset, output.byteLength), notes: [] };
}

export async function renderXlsx(report: Report, ctx: RenderContext): Promise<Uint8Array> {
  return (await renderXlsxWithNotes(report, ctx)).output as Uint8Array;
}
