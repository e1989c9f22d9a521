// JSON: { schemaVersion, kind, meta, columns, rows, subtotals, totals }; JSONL: one row per line.
// Numbers are locale-neutral, fractions to 6 decimals; keys are the column keys, then `level`
// (detail, subtotal, total) in both; "no value" is null everywhere. meta.notes holds the report's
// notes for people ({ en, id, kind, code? }: kind "warning" or "note" as stderr said it, code the core
// note's where it is one), an empty list when there are none.
//
// The document is written row by row, in the layout of JSON.stringify(doc, null, 2): one stringify of
// a million-row document would pass V8's longest string.

import type { Streamed } from './context.js';
import { formatMachine, machineFormatter } from './format.js';
import type { AnyReport, Value } from '../report/model.js';
import { cellValue, rowCells, type Level } from './rows.js';
import { numberText } from '../report/rounding.js';

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

/** A machine value as JSON: a number as JSON.stringify writes it (the same text as String for a finite one; numberText: no cache). */
const jsonValue = (v: string | number | null): string => (typeof v === 'number' ? numberText(v) : JSON.stringify(v));

/**
 * How each row is written, resolved once from the columns: the keys in the order they appear (`order`,
 * each quoted once) and where each one's value comes from, as machineRow would fill them: the last
 * column of that key (a key given twice keeps its first place), or the row's level for `level`.
 */
interface RowPlan {
  readonly keys: readonly string[];
  readonly order: readonly { readonly quoted: string; readonly from: number }[];
  readonly machine: readonly ((value: Value) => string | number | null)[];
}

function rowPlan(report: AnyReport, keyOrder: readonly string[]): RowPlan {
  const keys = report.columns.map((c) => c.key);
  const last = new Map<string, number>();
  keys.forEach((k, j) => last.set(k, j));
  last.set('level', -1);
  return { keys, order: keyOrder.map((k) => ({ quoted: JSON.stringify(k), from: last.get(k)! })), machine: report.columns.map((c) => machineFormatter(c.kind)) };
}

/** A row's value under a key of the plan: the level (-1) or its column's cell for machines. */
const planValue = (plan: RowPlan, from: number, cells: readonly Value[], level: Level): string | number | null => (from < 0 ? level : plan.machine[from]!(cells[from]!));

/** One row as JSON.stringify(machineRow, null, 2) would write it `depth` levels deep (rows are flat). */
function prettyRow(plan: RowPlan, cells: readonly Value[], level: Level, depth: number): string {
  const inner = '\n' + '  '.repeat(depth + 1);
  let out = '{';
  for (let i = 0; i < plan.order.length; i++) {
    const k = plan.order[i]!;
    out += (i === 0 ? inner : ',' + inner) + k.quoted + ': ' + jsonValue(planValue(plan, k.from, cells, level));
  }
  return out + '\n' + '  '.repeat(depth) + '}';
}

/** One row as JSON.stringify(machineRow) writes it. */
function flatRow(plan: RowPlan, cells: readonly Value[], level: Level): string {
  let out = '{';
  for (let i = 0; i < plan.order.length; i++) {
    const k = plan.order[i]!;
    out += (i === 0 ? '' : ',') + k.quoted + ':' + jsonValue(planValue(plan, k.from, cells, level));
  }
  return out + '}';
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
  // The keys of every row, each once in the order of its first column, then level (as in machineRow).
  const plan = rowPlan(report, Array.from(new Set(report.columns.map((c) => c.key).concat('level'))));
  for (const [name, level] of [
    ['rows', 'detail'],
    ['subtotals', 'subtotal'],
  ] as const) {
    let first = true;
    yield `  ${JSON.stringify(name)}: [`;
    for (const r of rowCells(report.rows, plan.keys)) {
      if (r.level !== level) continue;
      yield (first ? '\n    ' : ',\n    ') + prettyRow(plan, r.cells, level, 2);
      first = false;
    }
    yield first ? '],\n' : '\n  ],\n';
  }
  yield `  "totals": ${report.totals ? nested(machineRow(report, report.totals, 'total'), 1) : 'null'}\n`;
  yield '}\n';
}

function* jsonlChunks(report: AnyReport): Generator<string> {
  // JSON.stringify writes an object's keys in the engine's order (integer-like keys first): the
  // order of a record keyed as machineRow keys it.
  const template = Object.create(null) as Record<string, true>;
  for (const c of report.columns) template[c.key] = true;
  template['level'] = true;
  const plan = rowPlan(report, Object.keys(template));
  for (const r of rowCells(report.rows, plan.keys)) yield flatRow(plan, r.cells, r.level) + '\n';
  if (report.totals) yield JSON.stringify(machineRow(report, report.totals, 'total')) + '\n';
}

export const streamJson = (report: AnyReport): Streamed => ({ chunks: jsonChunks(report), notes: [] });
export const streamJsonl = (report: AnyReport): Streamed => ({ chunks: jsonlChunks(report), notes: [] });
