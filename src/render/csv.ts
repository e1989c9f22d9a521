// CSV and TSV: header = column keys (a contract), fixed column order, locale-neutral numbers, and a
// last column `level` (detail, subtotal, total) so that scripts can keep only what they sum.
// Text cells that a spreadsheet would execute (=, +, -, @, tab, CR) get a leading apostrophe.
// --csv-dialect excel-id writes what Indonesian Excel opens in columns: ';', decimal comma, CRLF, BOM.
// Written a line at a time: a million rows never sit in memory as text.

import type { RenderContext, Streamed } from './context.js';
import { formatMachine, neutraliseFormula } from './format.js';
import type { AnyReport } from '../report/model.js';
import { cellValue, eachRow } from './rows.js';

/** One CSV field, quoted when it holds the delimiter, a quote or a line break (RFC 4180). */
export function quote(field: string, delimiter: string): string {
  return field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** The delimited text, a line at a time (the header first, the totals last). */
export function* delimitedLines(report: AnyReport, ctx: RenderContext, tab: boolean): Generator<string> {
  const excel = !tab && ctx.csvDialect === 'excel-id';
  const delimiter = tab ? '\t' : excel ? ';' : ',';
  const eol = excel ? '\r\n' : '\n';
  const cell = (v: ReturnType<typeof formatMachine>, kind: string): string => {
    if (v === null) return '';
    if (typeof v === 'number') return excel ? String(v).replace('.', ',') : String(v);
    if (tab) return neutraliseFormula(v).replace(/[\t\r\n]/g, ' ');
    return quote(kind === 'text' || kind === 'status' ? neutraliseFormula(v) : v, delimiter);
  };
  if (excel) yield '\uFEFF';
  yield report.columns.map((c) => c.key).concat('level').join(delimiter) + eol;
  for (const row of eachRow(report)) {
    let line = '';
    for (const c of report.columns) line += cell(formatMachine(cellValue(row.values, c.key), c.kind), c.kind) + delimiter;
    yield line + row.level + eol;
  }
}

export const streamCsv = (report: AnyReport, ctx: RenderContext): Streamed => ({ chunks: delimitedLines(report, ctx, false), notes: [] });
export const streamTsv = (report: AnyReport, ctx: RenderContext): Streamed => ({ chunks: delimitedLines(report, ctx, true), notes: [] });
