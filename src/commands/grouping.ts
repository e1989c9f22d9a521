// Grouping records by key columns (province, kanwil, regency, segment, sector, period or any text
// column), summing their counts. Shared by breakdown and coverage.

import { usage } from '../errors.js';
import type { Province } from '../io/areas.js';
import type { DataRecord } from '../io/records.js';
import { canonicalColumn } from '../io/records.js';
import { keyLabel } from '../render/labels.js';
import type { Column } from '../render/model.js';

export const BUILT_IN_KEYS = ['province', 'kanwil', 'regency', 'segment', 'sector', 'period'] as const;

export interface Group {
  readonly key: string;
  /** The key column values, by column. */
  readonly keys: Record<string, string>;
  readonly province?: Province;
  readonly values: Record<string, number>;
  /** Counts that some member record lacked (their sums would be incomplete). */
  readonly missing: Set<string>;
  readonly records: DataRecord[];
}

export function parseBy(raw: string | undefined, fallback: string[]): string[] {
  const list = (raw ?? fallback.join(','))
    .split(',')
    .map((s) => canonicalColumn(s))
    .filter(Boolean);
  if (list.length === 0) throw usage('--by needs at least one column');
  if (new Set(list).size !== list.length) throw usage(`--by names a column twice: ${raw}`);
  return list;
}

export function keyValue(r: DataRecord, col: string): string | undefined {
  switch (col) {
    case 'province':
      return r.province?.name;
    case 'province_code':
      return r.province?.kemendagri;
    case 'kanwil':
      return r.kanwil;
    case 'regency':
      return r.regency;
    case 'segment':
      return r.segment;
    case 'sector':
      return r.sector;
    case 'period':
      return r.period;
    default:
      return r.text[col] || undefined;
  }
}

/** Check that every record has each key column; say which file and line does not. */
export function requireKeys(records: readonly DataRecord[], by: readonly string[]): void {
  for (const col of by) {
    const missing = records.find((r) => keyValue(r, col) === undefined);
    if (missing) {
      throw usage(
        `cannot group by "${col}": ${missing.file}:${missing.line} has no ${col}`,
        `columns usable with --by: ${BUILT_IN_KEYS.join(', ')} or any text column of the input`,
      );
    }
  }
}

export function groupRecords(records: readonly DataRecord[], by: readonly string[]): Group[] {
  const groups = new Map<string, Group & { missing: Set<string> }>();
  const allValueCols = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.values)) allValueCols.add(k);
  for (const r of records) {
    const keys: Record<string, string> = {};
    for (const col of by) keys[col] = keyValue(r, col)!;
    const key = by.map((c) => keys[c]).join('\u0000');
    let g = groups.get(key);
    if (!g) {
      g = { key, keys, province: by.includes('province') ? r.province : undefined, values: {}, missing: new Set(), records: [] };
      groups.set(key, g);
    }
    g.records.push(r);
    for (const col of allValueCols) {
      const v = r.values[col];
      if (v === undefined) g.missing.add(col);
      else g.values[col] = (g.values[col] ?? 0) + v;
    }
  }
  for (const g of groups.values()) for (const col of g.missing) delete g.values[col];
  return [...groups.values()];
}

/** Sort groups: provinces by code, segments in their fixed order, everything else by name. */
export function naturalOrder(by: readonly string[]): (a: Group, b: Group) => number {
  const seg = ['PU', 'BPU', 'JAKON', 'PMI'];
  return (a, b) => {
    for (const col of by) {
      let c: number;
      if (col === 'province') c = (a.records[0]?.province?.kemendagri ?? '').localeCompare(b.records[0]?.province?.kemendagri ?? '');
      else if (col === 'segment') c = seg.indexOf(a.keys[col]!) - seg.indexOf(b.keys[col]!);
      else c = a.keys[col]!.localeCompare(b.keys[col]!, 'id');
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** The report columns for the key columns: a province shows as its code and its name. */
export function keyColumns(by: readonly string[]): Column[] {
  const cols: Column[] = [];
  for (const k of by) {
    if (k === 'province') {
      cols.push({ key: 'province_code', label: { en: 'code', id: 'kode' }, kind: 'text' });
      cols.push({ key: 'province', label: { en: 'province', id: 'provinsi' }, kind: 'text' });
    } else {
      cols.push({ key: k, label: keyLabel(k), kind: 'text' });
    }
  }
  return cols;
}

