// breakdown --compare / --compare-scenario → one Report: each unit with one target column per variant
// (target_webster, target_hamilton …), the difference between the largest and the smallest, and
// whether the variants disagree on it. The columns are a contract like the others.

import type { AllocationResult, PlannedUnit } from '../core/allocation/plan.js';
import type { Column, Report, Row, Value } from './model.js';
import { keyColumns, keyValues, totalLabel } from './common.js';
import { keysTitle, METHOD_NAMES } from './vocabulary.js';

export interface Variant {
  /** Its name in the column key: a method (webster) or a scenario (rkat). */
  readonly name: string;
  readonly result: AllocationResult;
}

/** A column key from a variant's name: target_huntington_hill. */
export const variantColumn = (name: string): string => `target_${name.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()}`;

export function compareReport(variants: readonly Variant[], by: 'method' | 'scenario', base: Report): Report {
  const first = variants[0]!.result;
  const dims = first.dims;
  const cols = variants.map((v) => variantColumn(v.name));
  const label = (v: Variant): string => (by === 'method' ? (METHOD_NAMES.get(v.name) ?? v.name) : v.name);
  const columns: Column[] = [
    ...keyColumns(dims),
    { key: 'participants', label: { en: 'participants today', id: 'peserta saat ini' }, kind: 'int' },
    ...variants.map((v, i): Column => ({ key: cols[i]!, label: { en: `target (${label(v)})`, id: `target (${label(v)})` }, kind: 'int' })),
    { key: 'diff', label: { en: 'difference', id: 'selisih' }, kind: 'signed-int' },
    { key: 'changed', label: { en: 'differs', id: 'berbeda' }, kind: 'text' },
  ];
  const line = (units: readonly (PlannedUnit | undefined)[]): Record<string, Value> => {
    const targets = units.map((u) => (u ? Number(u.target) : null));
    const known = targets.filter((t): t is number => t !== null);
    const out: Record<string, Value> = { participants: units[0]?.participants ?? null };
    cols.forEach((c, i) => (out[c] = targets[i] ?? null));
    const spread = known.length === targets.length ? known.reduce((m, t) => Math.max(m, t), -Infinity) - known.reduce((m, t) => Math.min(m, t), Infinity) : null;
    // Two variants: the second minus the first (signed); more: the spread between them.
    out['diff'] = targets.length === 2 && known.length === 2 ? known[1]! - known[0]! : spread;
    out['changed'] = spread === null ? null : spread !== 0 ? 'yes' : null;
    return out;
  };
  const key = (u: PlannedUnit): string => u.keys.join('\u0000');
  const indexes = variants.map((v) => new Map(v.result.units.map((u) => [key(u), u])));
  const parentIdx = variants.map((v) => new Map(v.result.parents.map((u) => [key(u), u])));
  const rows: Row[] = [];
  let changed = 0;
  const detail = (u: PlannedUnit): void => {
    const values = { ...keyValues(dims, u.keys, u.labels), ...line(indexes.map((m) => m.get(key(u)))) };
    if (values['changed'] === 'yes') changed++;
    rows.push({ values });
  };
  if (first.shape === 'flat') first.units.forEach(detail);
  else
    for (const p of first.parents) {
      for (const u of first.units) if (u.keys[0] === p.keys[0]) detail(u);
      rows.push({ level: 'subtotal', values: { ...totalLabel(dims, p.keys, p.labels), ...line(parentIdx.map((m) => m.get(key(p)))) } });
    }
  const totals = { [dims[0]!]: 'Total', ...line(variants.map((v) => ({ ...v.result.units[0]!, participants: v.result.total.participants, target: v.result.total.target }))) };
  return {
    kind: 'comparison',
    title: { en: `Targets by ${keysTitle(dims, 'en')}: ${variants.map(label).join(' vs ')}`, id: `Target per ${keysTitle(dims, 'id')}: ${variants.map(label).join(' vs ')}` },
    columns,
    rows,
    totals,
    meta: { ...base.meta, compare: by, variants: variants.map((v) => ({ name: v.name, column: variantColumn(v.name), method: v.result.method, total: Number(v.result.total.target), targetSource: v.result.total.source })), changedUnits: changed },
    notes: base.notes,
    // HTML: the last variant's targets, then the difference per unit.
    chart: { label: dims[0]!, value: cols[cols.length - 1]!, second: 'diff' },
    humanColumns: [...keyColumns(dims).map((c) => c.key), 'participants', ...cols, 'diff', 'changed'],
  };
}
