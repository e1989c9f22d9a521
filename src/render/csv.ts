// CSV and TSV: header = column keys (a contract), fixed column order, locale-neutral numbers, and a
// last column `level` (detail, subtotal, total) so that scripts can keep only what they sum.
// Text cells that a spreadsheet would execute (=, +, -, @, tab, CR) get a leading apostrophe.
// --csv-dialect excel-id writes what Indonesian Excel opens in columns: ';', decimal comma, CRLF, BOM.
// Written a line at a time: a million rows never sit in memory as text.

import type { RenderContext, Streamed } from './context.js';
import { machineFormatter, neutraliseFormula } from './format.js';
import type { AnyReport, ColumnKind, Value } from '../report/model.js';
import { eachRowCells } from './rows.js';
import { numberText } from '../report/rounding.js';

/** One CSV field, quoted when it holds the delimiter, a quote or a line break (RFC 4180). */
export function quote(field: string, delimiter: string): string {
  return field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** The delimited text, a line at a time (the header first, the totals last). */
export function* delimitedLines(report: AnyReport, ctx: RenderContext, tab: boolean): Generator<string> {
  const excel = !tab && ctx.csvDialect === 'excel-id';
  const delimiter = tab ? '\t' : excel ? ';' : ',';
  const eol = excel ? '\r\n' : '\n';
  // Each column's way from a value to its field, resolved once (its kind decides every step).
  const field = (kind: ColumnKind): ((value: Value) => string) => {
    const machine = machineFormatter(kind);
    const words = kind === 'text' || kind === 'status';
    return (value) => {
      const v = machine(value);
      if (v === null) return '';
      if (typeof v === 'number') return excel ? numberText(v).replace('.', ',') : numberText(v);
      if (tab) return neutraliseFormula(v).replace(/[\t\r\n]/g, ' ');
      return quote(words ? neutraliseFormula(v) : v, delimiter);
    };
  };
  const fields = report.columns.map((c) => field(c.kind));
  const n = fields.length;
  if (excel) yield '\uFEFF';
  yield report.columns.map((c) => c.key).concat('level').join(delimiter) + eol;
  for (const row of eachRowCells(report, report.columns.map((c) => c.key))) {
    const cells = row.cells;
    let line = '';
    for (let j = 0; j < n; j++) line += fields[j]!(cells[j]!) + delimiter;
    yield line + row.level + eol;
  }
}

export const streamCsv = (report: AnyReport, ctx: RenderContext): Streamed => ({ chunks: delimitedLines(report, ctx, false), notes: [] });
export const streamTsv = (report: AnyReport, ctx: RenderContext): Streamed => ({ chunks: delimitedLines(report, ctx, true), notes: [] });
