// A workbook written as it is produced (issue 20): each sheet's XML goes row by row into a streaming
// zip (fflate's Zip), so a sheet of a million rows is never one string or one array of cells. Its
// memory is a block of XML and its deflated bytes, whatever the number of rows.
//
// Deflate is Node's zlib, a block of 1 MiB at a time, each block ending with a sync flush and the last
// with the end of the stream: blocks compressed on their own and put one after the other are one valid
// deflate stream (what pigz does). zlib at level 3 deflates a sheet about 7 times as fast as fflate's
// JavaScript deflate at its default, for a file about 10 % larger (measured on 40 MB of sheet XML).
//
// What it writes (ECMA-376 part 1; the parts every reader needs, nothing more):
//   [Content_Types].xml, _rels/.rels, xl/workbook.xml, xl/_rels/workbook.xml.rels,
//   xl/worksheets/sheetN.xml, a sheet's native line chart when it has one (xlsx-chart.ts: its rels,
//   drawing and chart parts), and xl/styles.xml last (its styles are collected while the sheets are
//   written; a zip's order of parts is free).
// - Text as inline strings (`t="inlineStr"`): a shared-strings table would grow with every distinct
//   text (a million unit names), and must be complete before it is written. Excel, LibreOffice,
//   openpyxl, exceljs and read-excel-file read inline strings; Excel turns them into shared strings
//   when it saves the file.
// - Per sheet (§18.3.1): column widths, frozen panes, row heights, merged cells, an autofilter on the
//   header, whole-number data validation, and print setup: A4 landscape fitted one page wide (§18.3.1.63
//   pageSetup, fitToPage in sheetPr), narrow margins, the title in the page header and "page N of M" in
//   the footer, the header rows repeated on every page (_xlnm.Print_Titles, §18.2.6).
// - Deterministic: every part carries the same modification time (1980-01-01 00:00, the first a zip
//   can hold, in local time as zip times are), so identical reports give identical bytes.

import { constants as Z, crc32, deflateRawSync } from 'node:zlib';
import type { Zip as ZipStream, ZipInputFile } from 'fflate';
import { numberText as plainNumber } from '../report/rounding.js';
import { CHART_CONTENT_TYPE, chartXml, DRAWING_CONTENT_TYPE, drawingXml, oneRelationship, type SheetLineChart } from './xlsx-chart.js';

/** How a cell looks. Every cell of ours names its font (Arial 10, bold or not) through its style. */
export interface CellStyle {
  readonly bold?: boolean;
  /** A number format code ('#,##0', '0.00%', …); unset: General. */
  readonly numFmt?: string;
  readonly align?: 'left' | 'right' | 'center';
  readonly vertical?: 'top' | 'bottom';
  readonly wrap?: boolean;
  readonly indent?: number;
}

/** A cell: text or a number with its style (a null value: an empty cell that keeps its style); null for no cell. */
export type SheetCell = { readonly value: string | number | null; readonly style: CellStyle } | null;

export interface SheetRow {
  readonly cells: readonly SheetCell[];
  /** Height in points (wrapped text); unset: the default. */
  readonly height?: number;
}

export interface SheetPrint {
  /** How many top rows repeat on every printed page (the header). */
  readonly titleRows: number;
  /** Left of the page header (the report title). */
  readonly header: string;
  /** Centre of the page footer, with &P (page) and &N (pages), e.g. "page &P of &N". */
  readonly footer: string;
  /** Pages tall at most (1: fit on one page); 0: as many as needed. */
  readonly pagesTall: number;
}

export interface SheetSpec {
  /** At most 31 characters, none of []:*?/\ (checked by the caller). */
  readonly name: string;
  /** Width of each column in character units. */
  readonly widths: readonly number[];
  /** How many rows the sheet has (for its dimension; the rows themselves come one by one). */
  readonly rowCount: number;
  /** The rows, made as they are written (a row, and its cells, may be the same objects filled again: each is read whole before the next). */
  readonly rows: Iterable<SheetRow>;
  readonly frozen?: { readonly rows: number; readonly columns: number };
  /** Merged ranges, e.g. 'A1:A2'. */
  readonly merges?: readonly string[];
  /** An autofilter over rows first..last (1-based; the first is the header) and every column. */
  readonly autoFilter?: { readonly first: number; readonly last: number };
  /** Ranges (e.g. 'C2:C39') where Excel accepts only whole numbers ≥ 0. */
  readonly wholeNumbers?: readonly string[];
  readonly print?: SheetPrint;
  /** A native line chart drawn over the sheet's cells (xlsx-chart.ts), its series read from the sheet. */
  readonly chart?: SheetLineChart;
}

export const FONT = { family: 'Arial', size: 10 } as const;

/** Column letters: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/** XML text: the five markup characters escaped; characters XML cannot hold written as _xHHHH_ (§22.9.2.19). */
export function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[&<>"_\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.test(text)) return text;
  // An existing "_x0041_" would be read back as "A": its underscore is written as _x005F_ first.
  let out = text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
  out = out.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
  // eslint-disable-next-line no-control-regex
  return out.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Number formats Excel knows by number (§18.8.30): written by id, so Excel shows them in the reader's locale. */
const BUILTIN_FORMATS = new Map([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
]);

/** The styles used so far, each written once in styles.xml; cells refer to them by index. */
class Styles {
  private readonly index = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly formats = new Map<string, number>();

  /** Styles seen before, by identity: renderers reuse their style objects, so most cells stop here. */
  private readonly seen = new WeakMap<CellStyle, number>();

  /** The index of a style (0 is the workbook default: Arial 10). */
  of(style: CellStyle): number {
    const known = this.seen.get(style);
    if (known !== undefined) return known;
    const i = this.lookup(style);
    this.seen.set(style, i);
    return i;
  }

  private lookup(style: CellStyle): number {
    const key = `${style.bold ? 1 : 0}|${style.numFmt ?? ''}|${style.align ?? ''}|${style.vertical ?? ''}|${style.wrap ? 1 : 0}|${style.indent ?? 0}`;
    let i = this.index.get(key);
    if (i !== undefined) return i;
    let fmt = 0;
    if (style.numFmt) {
      fmt = BUILTIN_FORMATS.get(style.numFmt) ?? this.formats.get(style.numFmt) ?? 164 + this.formats.size;
      if (fmt >= 164) this.formats.set(style.numFmt, fmt);
    }
    const align: string[] = [];
    if (style.align) align.push(`horizontal="${style.align}"`);
    if (style.vertical) align.push(`vertical="${style.vertical}"`);
    if (style.wrap) align.push('wrapText="1"');
    if (style.indent) align.push(`indent="${style.indent}"`);
    const attrs = `numFmtId="${fmt}" fontId="${style.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0" applyFont="1"${fmt ? ' applyNumberFormat="1"' : ''}${align.length ? ' applyAlignment="1"' : ''}`;
    this.xfs.push(align.length ? `<xf ${attrs}><alignment ${align.join(' ')}/></xf>` : `<xf ${attrs}/>`);
    i = this.xfs.length - 1;
    this.index.set(key, i);
    return i;
  }

  xml(): string {
    const font = (bold: boolean): string => `<font>${bold ? '<b/>' : ''}<sz val="${FONT.size}"/><name val="${FONT.family}"/><family val="2"/></font>`;
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    return (
      XML_HEAD +
      `<styleSheet xmlns="${NS_MAIN}">` +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      `<fonts count="2">${font(false)}${font(true)}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A sheet name in a formula: always quoted, a quote inside doubled. */
const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** Header and footer text: '&' starts a code there, so a literal one is doubled. */
const headerText = (text: string): string => text.replace(/&/g, '&&');

/** A number as XML: finite numbers only (the caller leaves the others empty). */
const numberText = (n: number): string => (Object.is(n, -0) ? '0' : plainNumber(n));

/** The worksheet XML a piece at a time: the head, each row, the tail. */
function* sheetXml(sheet: SheetSpec, styles: Styles, first: boolean): Generator<string> {
  const nCols = Math.max(1, sheet.widths.length);
  const lastCol = columnLetters(nCols);
  let head = XML_HEAD + `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
  if (sheet.print) head += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  head += `<dimension ref="A1:${lastCol}${Math.max(1, sheet.rowCount)}"/>`;
  head += `<sheetViews><sheetView workbookViewId="0"${first ? ' tabSelected="1"' : ''}>`;
  const fr = sheet.frozen;
  if (fr && (fr.rows > 0 || fr.columns > 0)) {
    const pane = fr.rows > 0 && fr.columns > 0 ? 'bottomRight' : fr.rows > 0 ? 'bottomLeft' : 'topRight';
    head += `<pane${fr.columns > 0 ? ` xSplit="${fr.columns}"` : ''}${fr.rows > 0 ? ` ySplit="${fr.rows}"` : ''} topLeftCell="${columnLetters(fr.columns + 1)}${fr.rows + 1}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/>`;
  }
  head += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="12.75"/>';
  if (sheet.widths.length) head += `<cols>${sheet.widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${Math.round(w * 100) / 100}" customWidth="1"/>`).join('')}</cols>`;
  yield head + '<sheetData>';
  let r = 0;
  // Column letters and the last style seen, kept across the rows (a million rows of the same columns).
  // Each column's letters, the row's number and each style's index as text, made once (a million rows).
  const letters: string[] = [];
  const styleAttrs = new Map<CellStyle, string>();
  for (const row of sheet.rows) {
    r++;
    // Not String(r): V8 keeps the text of the last numbers converted in a cache, which a million row
    // numbers, each new, pushed into the old generation (+22 MiB before a full collection; numberText).
    const rowText = plainNumber(r);
    let xml = `<row r="${rowText}"${row.height ? ` ht="${Math.round(row.height * 100) / 100}" customHeight="1"` : ''}>`;
    for (let j = 0; j < row.cells.length; j++) {
      const cell = row.cells[j];
      if (!cell) continue;
      const ref = (letters[j] ??= columnLetters(j + 1)) + rowText;
      let s = styleAttrs.get(cell.style);
      if (s === undefined) styleAttrs.set(cell.style, (s = String(styles.of(cell.style))));
      if (cell.value === null) {
        xml += `<c r="${ref}" s="${s}"/>`;
        continue;
      }
      if (typeof cell.value === 'number') {
        if (Number.isFinite(cell.value)) xml += `<c r="${ref}" s="${s}"><v>${numberText(cell.value)}</v></c>`;
        continue;
      }
      const space = /^\s|\s$/.test(cell.value) ? ' xml:space="preserve"' : '';
      xml += `<c r="${ref}" s="${s}" t="inlineStr"><is><t${space}>${xmlText(cell.value)}</t></is></c>`;
    }
    yield xml + '</row>';
  }
  let tail = '</sheetData>';
  if (sheet.autoFilter) tail += `<autoFilter ref="A${sheet.autoFilter.first}:${lastCol}${sheet.autoFilter.last}"/>`;
  if (sheet.merges?.length) tail += `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
  if (sheet.wholeNumbers?.length) {
    const items = sheet.wholeNumbers.map(
      (sqref) =>
        `<dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" errorTitle="Count" error="${xmlText('A whole number of people, 0 or more / Bilangan bulat, 0 atau lebih')}" sqref="${sqref}"><formula1>0</formula1></dataValidation>`,
    );
    tail += `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
  }
  if (sheet.print) {
    // paperSize 9 is A4, the paper of Indonesian offices. Margins in inches.
    tail += '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
    tail += `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="${sheet.print.pagesTall}"/>`;
    tail += `<headerFooter><oddHeader>${xmlText(`&L${headerText(sheet.print.header)}`)}</oddHeader><oddFooter>${xmlText(`&C${sheet.print.footer}`)}</oddFooter></headerFooter>`;
  } else tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  // The chart's frame (CT_Worksheet: drawing comes after headerFooter), through the sheet's rels.
  if (sheet.chart) tail += '<drawing r:id="rId1"/>';
  yield tail + '</worksheet>';
}

function workbookXml(sheets: readonly SheetSpec[]): string {
  const names: string[] = [];
  sheets.forEach((s, i) => {
    const lastCol = columnLetters(Math.max(1, s.widths.length));
    if (s.autoFilter) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${sheetRef(s.name)}!$A$${s.autoFilter.first}:$${lastCol}$${s.autoFilter.last}`)}</definedName>`);
    if (s.print && s.print.titleRows > 0) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${sheetRef(s.name)}!$1:$${s.print.titleRows}`)}</definedName>`);
  });
  return (
    XML_HEAD +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets>' +
    (names.length ? `<definedNames>${names.join('')}</definedNames>` : '') +
    '</workbook>'
  );
}

function contentTypesXml(n: number, charts: number): string {
  const sheets = Array.from({ length: n }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  for (let k = 1; k <= charts; k++) {
    sheets.push(`<Override PartName="/xl/drawings/drawing${k}.xml" ContentType="${DRAWING_CONTENT_TYPE}"/>`);
    sheets.push(`<Override PartName="/xl/charts/chart${k}.xml" ContentType="${CHART_CONTENT_TYPE}"/>`);
  }
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
  );
}

const ROOT_RELS = XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbookRels(n: number): string {
  const rels = Array.from({ length: n }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`);
  return XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}">${rels.join('')}</Relationships>`;
}

/** Text is deflated in blocks of at most this many bytes. */
const BLOCK = 1 << 20;
const LEVEL = 3;

/**
 * The workbook's bytes, made as they are read: the zip's chunks come out while the sheets' rows are
 * read and deflated. fflate's Zip is passed in (the renderer loads it lazily).
 */
export function* workbookChunks(fflate: { Zip: typeof ZipStream }, sheets: readonly SheetSpec[]): Generator<Uint8Array> {
  const out: Uint8Array[] = [];
  const block = Buffer.allocUnsafe(BLOCK);
  const state: { failure: Error | null } = { failure: null };
  const zip = new fflate.Zip((err, data) => {
    if (err) state.failure = err;
    else if (data.length) out.push(data);
  });
  // Local time, as zip times are: the same stamp under every time zone.
  const stamp = new Date(1980, 0, 1, 0, 0, 0);
  function* drain(): Generator<Uint8Array> {
    if (state.failure) throw state.failure;
    while (out.length) yield out.shift()!;
  }
  function* part(name: string, text: Iterable<string>): Generator<Uint8Array> {
    // fflate's way to bring one's own compression: a ZipInputFile fed through its ondata, with the
    // size and CRC of the text right before the last chunk.
    const file: ZipInputFile = { filename: name, size: 0, crc: 0, compression: 8, mtime: stamp };
    zip.add(file);
    const deflate = (raw: Buffer, final: boolean): void => {
      file.crc = crc32(raw, file.crc);
      file.size += raw.length;
      file.ondata!(null, deflateRawSync(raw, { level: LEVEL, finishFlush: final ? Z.Z_FINISH : Z.Z_SYNC_FLUSH }), final);
    };
    // Each piece is written into the block's bytes as it comes, so that the rows' strings die young
    // (kept in a list until a block was full, they lived through collections and piled up in the old
    // generation: the peak grew 1.32× from 100,000 to 1,000,000 rows).
    let used = 0;
    for (const piece of text) {
      // A character is at most 3 UTF-8 bytes (a surrogate pair: 4 bytes for 2).
      if (used > 0 && used + 3 * piece.length > block.length) {
        deflate(block.subarray(0, used), false);
        used = 0;
        yield* drain();
      }
      if (3 * piece.length > block.length) deflate(Buffer.from(piece, 'utf8'), false);
      else used += block.write(piece, used, 'utf8');
    }
    deflate(block.subarray(0, used), true);
    yield* drain();
  }
  const styles = new Styles();
  const charted = sheets.flatMap((s, i) => (s.chart ? [{ sheet: s, index: i + 1, chart: s.chart }] : []));
  yield* part('[Content_Types].xml', [contentTypesXml(sheets.length, charted.length)]);
  yield* part('_rels/.rels', [ROOT_RELS]);
  yield* part('xl/workbook.xml', [workbookXml(sheets)]);
  yield* part('xl/_rels/workbook.xml.rels', [workbookRels(sheets.length)]);
  for (let i = 0; i < sheets.length; i++) yield* part(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheets[i]!, styles, i === 0));
  // Charts: drawing k and chart k for the k-th sheet with a chart (one a sheet).
  for (const [k, c] of charted.entries()) {
    yield* part(`xl/worksheets/_rels/sheet${c.index}.xml.rels`, [oneRelationship('drawing', `../drawings/drawing${k + 1}.xml`)]);
    yield* part(`xl/drawings/drawing${k + 1}.xml`, [drawingXml(c.chart, `Chart ${k + 1}`)]);
    yield* part(`xl/drawings/_rels/drawing${k + 1}.xml.rels`, [oneRelationship('chart', `../charts/chart${k + 1}.xml`)]);
    yield* part(`xl/charts/chart${k + 1}.xml`, [chartXml(c.sheet.name, c.chart)]);
  }
  yield* part('xl/styles.xml', [styles.xml()]);
  zip.end();
  yield* drain();
}
