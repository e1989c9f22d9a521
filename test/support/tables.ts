// Tables for core tests, from plain objects: text values are keys, numbers are measures.
import type { Table, TableRow } from '../../src/core/table.js';

export function tableOf(records: readonly Record<string, string | number | null>[], options: { counts?: readonly string[] } = {}): Table {
  const dims: string[] = [];
  const measures: string[] = [];
  for (const r of records) {
    for (const [k, v] of Object.entries(r)) {
      if (typeof v === 'number' && !measures.includes(k)) measures.push(k);
      if (typeof v === 'string' && !dims.includes(k)) dims.push(k);
    }
  }
  const rows: TableRow[] = records.map((r, i) => ({
    keys: dims.map((d) => (typeof r[d] === 'string' ? (r[d] as string) : null)),
    values: measures.map((m) => (typeof r[m] === 'number' ? (r[m] as number) : null)),
    src: 0,
    line: i + 2,
  }));
  const kind = (d: string) => (d === 'segment' ? 'segment' : d === 'period' ? 'period' : 'text') as 'segment' | 'period' | 'text';
  return {
    dims: dims.map((name) => ({ name, kind: kind(name), labels: new Map() })),
    measures: measures.map((name) => ({ name, kind: options.counts && !options.counts.includes(name) ? 'number' : 'count' })),
    rows,
    sources: [{ name: 'test.csv', format: 'csv', numberLocale: null, encoding: 'utf-8', sha256: '', bytes: 0, rows: rows.length, blankLines: 0, ignoredColumns: [] }],
  };
}
