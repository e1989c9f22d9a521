// A template to fill in, as a workbook: the header (column keys the loader knows), one row per area,
// count columns formatted #,##0 and validated (whole numbers ≥ 0, so that Excel refuses a typed "12,5"
// or "-3" before the file ever reaches the tool), the header frozen. `validate` and every command read
// it back like any input.

import { collectChunks } from './chunks.js';
import { columnLetters, workbookChunks, type SheetCell, type SheetRow } from './xlsx-writer.js';

export interface TemplateSheet {
  readonly header: readonly string[];
  /** Which columns are counts (left empty, to fill in). */
  readonly counts: readonly boolean[];
  readonly rows: readonly (readonly string[])[];
}

export async function renderTemplateXlsx(t: TemplateSheet): Promise<Uint8Array> {
  const fflate = await import('fflate');
  const rows: SheetRow[] = [{ cells: t.header.map((h): SheetCell => ({ value: h, style: { bold: true } })) }];
  for (const r of t.rows) rows.push({ cells: r.map((v, j): SheetCell => (t.counts[j] ? { value: null, style: { numFmt: '#,##0' } } : v === '' ? null : { value: v, style: {} })) });
  const widths = t.header.map((h, j) => t.rows.reduce((m, r) => Math.max(m, (r[j] ?? '').length), Math.max(h.length, 8)) + 2);
  const last = Math.max(t.rows.length + 1, 2);
  const wholeNumbers = t.counts.flatMap((c, j) => (c ? [`${columnLetters(j + 1)}2:${columnLetters(j + 1)}${last}`] : []));
  const sheet = { name: 'template', widths, rowCount: rows.length, rows, frozen: { rows: 1, columns: 0 }, wholeNumbers };
  return collectChunks(workbookChunks(fflate, [sheet])) as Uint8Array;
}
