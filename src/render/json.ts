// JSON: { schemaVersion, kind, meta, columns, rows, subtotals, totals }; JSONL: one row per line.
// Numbers are locale-neutral, fractions to 6 decimals; keys are the column keys, then `level`
// (detail, subtotal, total) in both; "no value" is null everywhere. meta.notes holds the report's
// notes for people ({ en, id }), an empty list when there are none.
//
// The document is written row by row, in the layout of JSON.stringify(doc, null, 2): one stringify of
// a million-row document would pass V8's longest string.

import type { Streamed } from './context.js';
import { formatMachine } from './format.js';
import type { AnyReport, Value } from '../report/model.js';
import { cellValue, type Level } from './rows.js';

export const SCHEMA_VERSION = 1;

type MachineRow = Record<string, string | number | null>;

function machineRow(report: AnyReport, values: Readonly<Record<string, Value>>, level: Level): MachineRow {
  // Column keys can come from data (`__proto__`): a prototype-free object keeps them as plain keys.
  const out = Object.create(null) as MachineRow;
  for (const c of report.columns) out[c.key] = formatMachine(cellValue(values, c.key), c.kind);
  out['level'] = level;
  return out;
}

const bigintAsNumber = (_k: string, v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);

/** JSON.stringify(value, …, 2) as it would appear `depth` levels deep in a pretty document. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, bigintAsNumber, 2).replace(/\n/g, '\n' + '  '.repeat(depth));
}

/**
 * One row as JSON.stringify(row, null, 2) would write it `depth` levels deep: rows are flat, so the
 * layout is written directly (a third of the time of stringify-and-reindent, on a million rows).
 */
function prettyRow(keys: readonly (readonly [string, string])[], row: MachineRow, depth: number): string {
  const inner = '\n' + '  '.repeat(depth + 1);
  let out = '{';
  keys.forEach(([key, quoted], i) => {
    out += (i === 0 ? inner : ',' + inner) + quoted + ': ' + JSON.stringify(row[key]);
  });
  return out + '\n' + '  '.repeat(depth) + '}';
}

/** The document a piece at a time: the head, each row, the tail (the rows are read twice: rows, then subtotals). */
function* jsonChunks(report: AnyReport): Generator<string> {
  const meta: Record<string, unknown> = { ...report.meta };
  meta['notes'] = report.notes ?? meta['notes'] ?? [];
  yield '{\n';
  yield `  "schemaVersion": ${SCHEMA_VERSION},\n`;
  yield `  "kind": ${JSON.stringify(report.kind)},\n`;
  yield `  "meta": ${nested(meta, 1)},\n`;
  yield `  "columns": ${nested(report.columns.map((c) => ({ key: c.key, label: c.label.en, kind: c.kind })), 1)},\n`;
  // The keys of every row, quoted once: the columns, then level (once, as in machineRow).
  const keys = Array.from(new Set(report.columns.map((c) => c.key).concat('level')), (k) => [k, JSON.stringify(k)] as const);
  for (const [name, level] of [
    ['rows', 'detail'],
    ['subtotals', 'subtotal'],
  ] as const) {
    let first = true;
    yield `  ${JSON.stringify(name)}: [`;
    for (const r of report.rows) {
      if ((r.level ?? 'detail') !== level) continue;
      yield (first ? '\n    ' : ',\n    ') + prettyRow(keys, machineRow(report, r.values, level), 2);
      first = false;
    }
    yield first ? '],\n' : '\n  ],\n';
  }
  yield `  "totals": ${report.totals ? nested(machineRow(report, report.totals, 'total'), 1) : 'null'}\n`;
  yield '}\n';
}

function* jsonlChunks(report: AnyReport): Generator<string> {
  for (const r of report.rows) yield JSON.stringify(machineRow(report, r.values, r.level ?? 'detail')) + '\n';
  if (report.totals) yield JSON.stringify(machineRow(report, report.totals, 'total')) + '\n';
}

export const streamJson = (report: AnyReport): Streamed => ({ chunks: jsonChunks(report), notes: [] });
export const streamJsonl = (report: AnyReport): Streamed => ({ chunks: jsonlChunks(report), notes: [] });
