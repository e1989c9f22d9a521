// JSON: { schemaVersion, kind, meta, columns, rows, subtotals, totals }; JSONL: one row per line.
// Numbers are locale-neutral, fractions to 6 decimals; keys are the column keys.

import { formatMachine } from './format.js';
import type { Report, Value } from './model.js';

export const SCHEMA_VERSION = 1;

function machineRow(report: Report, values: Readonly<Record<string, Value>>): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const c of report.columns) out[c.key] = formatMachine(values[c.key] ?? null, c.kind);
  return out;
}

export function renderJson(report: Report): string {
  const doc = {
    schemaVersion: SCHEMA_VERSION,
    kind: report.kind,
    meta: report.meta,
    columns: report.columns.map((c) => ({ key: c.key, label: c.label.en, kind: c.kind })),
    rows: report.rows.filter((r) => (r.level ?? 'detail') === 'detail').map((r) => machineRow(report, r.values)),
    subtotals: report.rows.filter((r) => r.level === 'subtotal').map((r) => machineRow(report, r.values)),
    totals: report.totals ? machineRow(report, report.totals) : null,
  };
  return JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v), 2) + '\n';
}

export function renderJsonl(report: Report): string {
  return report.rows
    .map((r) => JSON.stringify({ ...machineRow(report, r.values), level: r.level ?? 'detail' }))
    .concat(report.totals ? [JSON.stringify({ ...machineRow(report, report.totals), level: 'total' })] : [])
    .map((l) => l + '\n')
    .join('');
}
