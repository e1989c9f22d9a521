// A template to fill in, as a workbook: the header (column keys the loader knows), one row per area,
// count columns formatted #,##0 and validated (whole numbers ≥ 0), the header frozen. `validate` and
// every command read it back like any input.

import { wholeNumberValidation, type XlsxSheet } from './xlsx-print.js';

export interface TemplateSheet {
  readonly header: readonly string[];
  /** Which columns are counts (left empty, to fill in). */
  readonly counts: readonly boolean[];
  readonly rows: readonly (readonly string[])[];
}

const letters = (n: number): string => (n <= 0 ? '' : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

export async function renderTemplateXlsx(t: TemplateSheet): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const data: unknown[][] = [t.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' }))];
  for (const r of t.rows) data.push(r.map((v, j) => (t.counts[j] ? { value: null, type: Number, format: '#,##0' } : v === '' ? null : { value: v, type: String })));
  const columns = t.header.map((h, j) => ({ width: t.rows.reduce((m, r) => Math.max(m, (r[j] ?? '').length), Math.max(h.length, 8)) + 2 }));
  const last = t.rows.length + 1;
  const ranges = t.counts.flatMap((c, j) => (c ? [{ sheetIndex: 0, sqref: `${letters(j + 1)}2:${letters(j + 1)}${Math.max(last, 2)}` }] : []));
  const sheet = { data, sheet: 'template', columns, stickyRowsCount: 1 } as unknown as XlsxSheet;
  return writeXlsxFile([sheet], { fontFamily: 'Arial', fontSize: 10, features: [wholeNumberValidation(ranges)] }).toBuffer();
}
