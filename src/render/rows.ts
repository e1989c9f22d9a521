import type { Report, Row, Value } from './model.js';

export type Level = 'detail' | 'subtotal' | 'total';

/** Every row of the report in order, the totals last, each with its level. */
export function allRows(report: Report): { values: Readonly<Record<string, Value>>; level: Level }[] {
  const out: { values: Readonly<Record<string, Value>>; level: Level }[] = report.rows.map((r: Row) => ({
    values: r.values,
    level: r.level ?? 'detail',
  }));
  if (report.totals) out.push({ values: report.totals, level: 'total' });
  return out;
}
