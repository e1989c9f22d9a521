import type { Report, Value } from '../report/model.js';

export type Level = 'detail' | 'subtotal' | 'total';

export interface LeveledRow {
  readonly values: Readonly<Record<string, Value>>;
  readonly level: Level;
}

/** Every row of the report in order, the totals last, each with its level (no copy of the rows). */
export function* eachRow(report: Report): Generator<LeveledRow> {
  for (const r of report.rows) yield { values: r.values, level: r.level ?? 'detail' };
  if (report.totals) yield { values: report.totals, level: 'total' };
}

/** How many rows eachRow yields. */
export function rowCount(report: Report): number {
  return report.rows.length + (report.totals ? 1 : 0);
}

/** Text and status columns are read as words (left-aligned, never summed); the rest are numbers. */
export const isTextKind = (kind: string): boolean => kind === 'text' || kind === 'status';

/**
 * The value of a column in a row. Column keys can come from data (`--by branch`, a column named
 * `constructor`), so only the row's own keys count, never what a plain object inherits.
 */
export function cellValue(values: Readonly<Record<string, Value>>, key: string): Value {
  return Object.hasOwn(values, key) ? (values[key] ?? null) : null;
}

/** The priority of a column when the terminal is narrow: given, else 3 for the keys, 2 for a status, 1 for the rest. */
export function columnPriority(report: Report, index: number): number {
  const c = report.columns[index]!;
  if (c.priority !== undefined) return c.priority;
  let leadingText = 0;
  while (leadingText < report.columns.length && report.columns[leadingText]!.kind === 'text') leadingText++;
  if (index < leadingText) return 3;
  return c.kind === 'status' ? 2 : 1;
}
