// The coverage report gives its rows twice over: as Row records (sort, cut, charts, the library) and as
// cells by column (RowSource.cells, what the renderers read a million rows through). The two must
// agree cell by cell, for every key a renderer may ask for, on every kind of row.
import { describe, expect, it } from 'vitest';
import { planCoverage, type CoverageResult } from '../../src/core/coverage/plan.js';
import { coverageReport } from '../../src/report/coverage.js';
import type { ReportRows, RowSource, Value } from '../../src/report/model.js';
import { cellValue } from '../../src/render/rows.js';
import { tableOf } from '../support/tables.js';

const ctx = { extract: false, atRiskMargin: 0.05, codeSystem: 'auto' } as const;

/** Three months of two provinces × two branches: subtotals, a previous month and a story. */
function result(grain: readonly string[], dims: readonly string[]): CoverageResult {
  const records: Record<string, string | number | null>[] = [];
  for (const period of ['2024-04', '2024-05', '2024-06']) {
    let i = 0;
    for (const a of ['Gorontalo', 'Aceh']) {
      for (const b of ['K1', 'K2']) {
        i++;
        const r: Record<string, string | number | null> = { period, participants: 100 * i + period.length, workforce: 1000 + 7 * i };
        Object.defineProperty(r, dims[0]!, { value: a, enumerable: true });
        Object.defineProperty(r, dims[1]!, { value: b, enumerable: true });
        records.push(r);
      }
    }
  }
  return planCoverage({ current: tableOf(records) }, { grain, denominator: 'workforce', atRiskMargin: 0.05 });
}

/** The cells a renderer reads, copied row by row (the source reuses its arrays). */
function viaCells(rows: ReportRows, keys: readonly string[]) {
  const source = rows as RowSource;
  expect(source.cells).toBeTypeOf('function');
  return Array.from(source.cells!(keys), (r) => ({ level: r.level, cells: [...r.cells], estimated: r.estimated, series: r.series }));
}

/** The same from the Row records. */
function viaRecords(rows: ReportRows, keys: readonly string[]) {
  return Array.from(rows, (r) => ({ level: r.level ?? 'detail', cells: keys.map((k) => cellValue(r.values, k)), estimated: r.estimated, series: r.series }));
}

function expectAgreement(r: CoverageResult): void {
  const report = coverageReport(r, { ...ctx, sources: [] });
  const columns = report.columns.map((c) => c.key);
  // The columns, then keys no column has, a key twice, and keys a plain object would inherit.
  const keys = [...columns, 'nope', columns[0]!, 'level', 'constructor', '__proto__', 'toString', 'Total'];
  const records = viaRecords(report.rows, keys);
  expect(records.length).toBe((report.rows as RowSource).count);
  expect(records.some((x) => x.level === 'subtotal')).toBe(true);
  expect(viaCells(report.rows, keys)).toEqual(records);
  expect(viaCells(report.rows, [])).toEqual(records.map((x) => ({ ...x, cells: [] })));
}

describe('coverage rows as cells agree with the rows as records', () => {
  it('province and branch: codes, names, subtotals with Total, previous month and story', () => {
    const r = result(['province', 'kantor'], ['province', 'kantor']);
    expect(r.rows.some((x) => x.level === 'subtotal')).toBe(true);
    expect(r.story).toBeDefined();
    expectAgreement(r);
  });

  it('a key dimension named like a figure or a code (the figure wins, as in the records)', () => {
    expectAgreement(result(['status', 'province_code'], ['status', 'province_code']));
    expectAgreement(result(['province', 'gap'], ['province', 'gap']));
  });

  it('key dimensions named like what a plain object inherits', () => {
    expectAgreement(result(['__proto__', 'constructor'], ['__proto__', 'constructor']));
  });

  it('rows with estimated figures, and rows without a story', () => {
    const r = result(['province', 'kantor'], ['province', 'kantor']);
    const marked: CoverageResult = { ...r, rows: r.rows.map((x, i) => (i % 2 === 0 ? { ...x, estimated: ['participants', 'denominator'] } : i % 3 === 0 ? { ...x, estimated: [] } : x)) };
    expectAgreement(marked);
    const flat: CoverageResult = { ...r, story: undefined, rows: r.rows.map((x) => ({ ...x, story: undefined })) };
    expectAgreement(flat);
  });

  it('the count is the rows given, and a row read through cells is read the same every time', () => {
    const report = coverageReport(result(['province', 'kantor'], ['province', 'kantor']), { ...ctx, sources: [] });
    const rows = report.rows as RowSource;
    const keys = report.columns.map((c) => c.key);
    expect(viaCells(rows, keys)).toHaveLength(rows.count);
    expect(viaCells(rows, keys)).toEqual(viaCells(rows, keys));
    const values: Value[] = viaCells(rows, ['participants']).map((x) => x.cells[0]!);
    expect(values.every((v) => typeof v === 'number')).toBe(true);
  });
});
