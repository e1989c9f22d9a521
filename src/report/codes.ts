// A report's province codes in the code system the user reads in (--code-system bps).
//
// Inside the tool a province's key is its Kemendagri code, whatever system the files were written in:
// targets, workforce and previous months join on it. A planner who reads BPS codes joins the report back
// to their BPS sheet by code, so the report writes the codes in the system they read: BPS 91 (Papua
// Barat) comes out as 91, never as Kemendagri 92 beside the same name. The codes are translated here,
// once, for every format (rows, streamed cells, the cross-tab), and the code column says its system.

import type { AnyReport, Column, CrossTab, ReportRows, Row, RowCells, RowSource, Value } from './model.js';

const CODE = 'province_code';

/**
 * The report with each `province_code` written as `codes` says (a Kemendagri code → the code of
 * `system`; a code not in `codes` is the same in both systems) and the code column labelled with the
 * system. Example: inCodeSystem(report, new Map([['92', '91']]), 'BPS') writes Papua Barat as 91.
 */
export function inCodeSystem(report: AnyReport, codes: ReadonlyMap<string, string>, system: string): AnyReport {
  const code = (v: Value): Value => (typeof v === 'string' ? (codes.get(v) ?? v) : v);
  const label = (c: Column): Column => (c.key === CODE ? { ...c, label: { en: `code (${system})`, id: `kode (${system})` } } : c);
  const row = (r: Row): Row => (r.values[CODE] == null ? r : { ...r, values: { ...r.values, [CODE]: code(r.values[CODE]) } });
  return {
    ...report,
    ...(report.meta ? { meta: metaCodes(report.meta, code) } : {}),
    columns: report.columns.map(label),
    rows: mapRows(report.rows, row, code),
    ...(report.crosstab ? { crosstab: crossTab(report.crosstab, code, label) } : {}),
  };
}

/**
 * The meta with the code of each province scope written in the system (meta.scope, and a breakdown's
 * levels[].scope): { kind: 'province', name: 'Papua', code: '91' } → code '94' in BPS codes. Only those
 * two places are read (other meta keys can come from data: province names under rowTotals).
 */
function metaCodes(meta: Readonly<Record<string, unknown>>, code: (v: Value) => Value): Readonly<Record<string, unknown>> {
  const scope = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const o = v as { kind?: unknown; code?: unknown };
    return o.kind === 'province' && typeof o.code === 'string' ? { ...o, code: code(o.code) } : v;
  };
  const levels = meta['levels'];
  return {
    ...meta,
    ...('scope' in meta ? { scope: scope(meta['scope']) } : {}),
    ...(Array.isArray(levels) ? { levels: levels.map((l: unknown) => (l !== null && typeof l === 'object' && 'scope' in l ? { ...l, scope: scope((l as { scope: unknown }).scope) } : l)) } : {}),
  };
}

function mapRows(rows: ReportRows, row: (r: Row) => Row, code: (v: Value) => Value): ReportRows {
  if (Array.isArray(rows)) return (rows as readonly Row[]).map(row);
  const source = rows as RowSource;
  const cells = source.cells;
  return {
    count: source.count,
    [Symbol.iterator]: function* () {
      for (const r of source) yield row(r);
    },
    ...(cells
      ? {
          cells: function* (keys: readonly string[]): Iterable<RowCells> {
            const at = keys.indexOf(CODE);
            if (at < 0) {
              yield* cells.call(source, keys);
              return;
            }
            // The producer may reuse its cells: copied into one array of ours, the code translated.
            const own: Value[] = new Array<Value>(keys.length).fill(null);
            for (const c of cells.call(source, keys)) {
              for (let j = 0; j < keys.length; j++) own[j] = c.cells[j] ?? null;
              own[at] = code(own[at] ?? null);
              yield { level: c.level, cells: own, estimated: c.estimated, series: c.series };
            }
          },
        }
      : {}),
  };
}

function crossTab(ct: CrossTab, code: (v: Value) => Value, label: (c: Column) => Column): CrossTab {
  return {
    ...ct,
    rowHeader: ct.rowHeader.map(label),
    rows: ct.rows.map((r) => (r.header[CODE] == null ? r : { ...r, header: { ...r.header, [CODE]: code(r.header[CODE]) } })),
  };
}
