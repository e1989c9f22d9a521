// CSV and TSV: header = column keys (a contract), fixed column order, locale-neutral numbers, and a
// last column `level` (detail, subtotal, total) so that scripts can keep only what they sum.
// Text cells that a spreadsheet would execute (=, +, -, @, tab, CR) get a leading apostrophe.
// --csv-dialect excel-id writes what Indonesian Excel opens in columns: ';', decimal comma, CRLF, BOM.

import type { RenderContext } from './context.js';
import { formatMachine, neutraliseFormula } from './format.js';
import type { Report } from '../report/model.js';
import { cellValue, eachRow } from './rows.js';
import { TextParts } from './text-parts.js';

/** One CSV field, quoted when it holds the delimiter, a quote or a line break (RFC 4180). */
export function quote(field: string, delimiter: string): string {
  return field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function renderDelimited(report: Report, ctx: RenderContext, tab: boolean): string | Uint8Array {
  const excel = !tab && ctx.csvDialect === 'excel-id';
  const delimiter = tab ? '\t' : excel ? ';' : ',';
  const eol = excel ? '\r\n' : '\n';
  const cell = (v: ReturnType<typeof formatMachine>, kind: string): string => {
    if (v === null) return '';
    if (typeof v === 'number') return excel ? String(v).replace('.', ',') : String(v);
    if (tab) return neutraliseFormula(v).replace(/[\t\r\n]/g, ' ');
    return quote(kind === 'text' || kind === 'status' ? neutraliseFormula(v) : v, delimiter);
  };
  const out = new TextParts();
  if (excel) out.push('\uFEFF');
  out.push(report.columns.map((c) => c.key).concat('level').join(delimiter) + eol);
  for (const row of eachRow(report)) {
    const cells = report.columns.map((c) => cell(formatMachine(cellValue(row.values, c.key), c.kind), c.kind));
    cells.push(row.level);
    out.push(cells.join(delimiter) + eol);
  }
  return out.finish();
}

export const renderCsv = (report: Report, ctx: RenderContext): string | Uint8Array => renderDelimited(report, ctx, false);
export const renderTsv = (report: Report, ctx: RenderContext): string | Uint8Array => renderDelimited(report, ctx, true);
