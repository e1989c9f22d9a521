// Excel workbook: numbers stored as numbers with number formats (#,##0 and 0.00%), so Excel shows the
// reader's own separators; text stored as text (never a formula); header row frozen; column widths
// from the content; a second sheet with the meta (inputs, method, period, denominator).

import type { RenderContext } from './context.js';
import { formatMachine } from './format.js';
import type { Column, Report } from './model.js';
import { STATUS_LABELS } from './model.js';
import { allRows } from './rows.js';

const FORMATS: Partial<Record<Column['kind'], string>> = {
  int: '#,##0',
  'signed-int': '+#,##0;-#,##0;0',
  pct: '0.00%',
  points: '+0.00;-0.00;0.00',
  number: '0.######',
};

export async function renderXlsx(report: Report, ctx: RenderContext): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const header = report.columns.map((c) => ({ value: c.label[ctx.lang], fontWeight: 'bold' as const }));
  const widths = report.columns.map((c) => Math.max(c.label[ctx.lang].length, 8));
  const data: unknown[][] = [header];
  for (const row of allRows(report)) {
    data.push(
      report.columns.map((c, i) => {
        const v = formatMachine(row.values[c.key] ?? null, c.kind);
        if (v === null) return null;
        const bold = row.level !== 'detail' ? { fontWeight: 'bold' as const } : {};
        if (typeof v === 'number') return { value: v, type: Number, format: FORMATS[c.kind], ...bold };
        const text = c.kind === 'status' ? (STATUS_LABELS[v]?.[ctx.lang] ?? v) : v;
        widths[i] = Math.max(widths[i]!, Math.min(text.length, 60));
        return { value: text, type: String, ...bold };
      }),
    );
  }
  const metaRows: unknown[][] = [[{ value: 'key', fontWeight: 'bold' }, { value: 'value', fontWeight: 'bold' }]];
  for (const [k, v] of Object.entries(report.meta)) {
    metaRows.push([{ value: k, type: String }, { value: typeof v === 'string' ? v : JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x)), type: String }]);
  }
  const sheets = [
    { data, sheet: report.kind === 'coverage' ? 'coverage' : report.kind, columns: widths.map((w) => ({ width: w + 2 })), stickyRowsCount: 1 },
    { data: metaRows, sheet: 'meta', columns: [{ width: 24 }, { width: 100 }] },
  ];
  // write-excel-file's multi-sheet form takes an array of sheets.
  const out = await (writeXlsxFile as unknown as (s: unknown) => { toBuffer(): Promise<Uint8Array> })(sheets).toBuffer();
  return out;
}
