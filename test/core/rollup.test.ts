// rollup() against a plain model: every group's sums, the measures some of its rows lack (the group
// then has none, and `incomplete` names the first such row by source and line), the estimate marks,
// and the input rows left exactly as they were. A group's first row lends it its values until a second
// row is added (issue 20: one key per row, a million groups, no copies), so the last check matters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowColumns } from '../../src/core/row-columns.js';
import { columnsOf, rollup, StoredTable, type RowRef, type Table, type TableRow } from '../../src/core/table.js';

const DIMS = ['province', 'branch', 'period'] as const;
const MEASURES = ['participants', 'workforce', 'share'] as const; // two counts and a decimal

const rowArb = fc.record({
  keys: fc.tuple(fc.constantFrom('11', '12', null), fc.constantFrom('K1', 'K2', 'K3', null), fc.constantFrom('2024-05', '2024-06')),
  values: fc.tuple(fc.option(fc.nat(1000), { nil: null }), fc.option(fc.nat(1000), { nil: null }), fc.option(fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true }), { nil: null })),
  src: fc.nat(2),
  line: fc.integer({ min: 2, max: 40 }),
  lacking: fc.option(fc.tuple(fc.option(fc.record({ src: fc.nat(2), line: fc.integer({ min: 2, max: 40 }) }), { nil: undefined }), fc.constant(undefined), fc.constant(undefined)), { nil: undefined }),
  estimated: fc.option(fc.subarray(['participants', 'workforce']), { nil: undefined }),
});

function tableOf(rows: readonly TableRow[]): Table {
  return {
    dims: DIMS.map((name) => ({ name, kind: name === 'period' ? ('period' as const) : ('text' as const), labels: new Map() })),
    measures: MEASURES.map((name) => ({ name, kind: name === 'share' ? ('number' as const) : ('count' as const) })),
    rows,
    sources: [0, 1, 2].map((i) => ({ name: `f${i}.csv`, format: 'csv' as const, numberLocale: null, encoding: 'utf-8', sha256: '', bytes: 0, rows: 0, blankLines: 0, ignoredColumns: [] })),
  };
}

const before = (a: RowRef, b: RowRef): boolean => a.src < b.src || (a.src === b.src && a.line < b.line);

/** The model: group by the grain's keys in order of first appearance, then judge each measure. */
function model(table: Table, grain: readonly number[]) {
  const groups = new Map<string, TableRow[]>();
  for (const r of table.rows) {
    if (grain.some((d) => r.keys[d] === null)) continue;
    const k = JSON.stringify(grain.map((d) => r.keys[d]));
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const incomplete = new Map<string, { count: number; keys: string[]; at: RowRef }>();
  const rows = [...groups.values()].map((members) => {
    const keys = grain.map((d) => members[0]!.keys[d]!);
    const values = MEASURES.map((name, m) => {
      let first: RowRef | undefined;
      let sum: number | null = null;
      for (const r of members) {
        const v = r.values[m];
        const lack = v === null ? { src: r.src, line: r.line } : r.lacking?.[m];
        if (lack && (!first || before(lack, first))) first = { src: lack.src, line: lack.line };
        if (v !== null && v !== undefined) sum = (sum ?? 0) + v;
      }
      if (sum !== null && first) {
        const was = incomplete.get(name);
        if (was) was.count++;
        else incomplete.set(name, { count: 1, keys, at: first });
        return null;
      }
      return sum;
    });
    const marks = [...new Set(members.flatMap((r) => r.estimated ?? []))].sort();
    return { keys, values, src: members[0]!.src, line: members[0]!.line, ...(marks.length ? { estimated: marks } : {}) };
  });
  return { rows, incomplete };
}

describe('rollup', () => {
  it('adds rows up as the model does, and leaves its input as it was (property)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), fc.subarray([0, 1, 2]), (raw, grain) => {
        const rows: TableRow[] = raw.map((r) => ({ keys: r.keys, values: r.values, src: r.src, line: r.line, ...(r.lacking ? { lacking: r.lacking } : {}), ...(r.estimated?.length ? { estimated: r.estimated } : {}) }));
        const table = tableOf(rows);
        const snapshot = JSON.stringify(rows);
        const got = rollup(table, grain.map((d) => DIMS[d]!));
        const want = model(table, grain);
        expect(got.table.rows.map((r) => ({ keys: r.keys, values: r.values, src: r.src, line: r.line, ...(r.estimated ? { estimated: r.estimated } : {}) }))).toEqual(want.rows);
        expect(Object.fromEntries(got.incomplete)).toEqual(Object.fromEntries(want.incomplete));
        expect(JSON.stringify(rows)).toBe(snapshot);
      }),
      { seed: 20, numRuns: 400 },
    );
  });

  it('adds rows up as the model does with many keys: groups numbered by WholeIds, or one a row (property)', () => {
    // Many provinces and branches make more combinations than the direct array of group numbers takes
    // (2 × rows and at least 1,024): the groups are numbered through WholeIds. A branch on one row only
    // makes every group with it one row (no lookup at all).
    const many = fc.record({
      keys: fc.tuple(fc.option(fc.integer({ min: 11, max: 90 }).map(String), { nil: null, freq: 8 }), fc.option(fc.integer({ min: 1, max: 200 }).map((i) => `K${i}`), { nil: null, freq: 8 }), fc.constantFrom('2024-05', '2024-06')),
      values: rowArb.map((r) => r.values),
      src: fc.nat(2),
      line: fc.integer({ min: 2, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(many, { maxLength: 200 }), fc.subarray([0, 1, 2]), fc.boolean(), (raw, grain, distinct) => {
        const rows: TableRow[] = raw.map((r, i) => ({ keys: distinct ? [r.keys[0], `B${i}`, r.keys[2]] : r.keys, values: r.values, src: r.src, line: r.line }));
        const table = tableOf(rows);
        const got = rollup(table, grain.map((d) => DIMS[d]!));
        const want = model(table, grain);
        expect(got.table.rows.map((r) => ({ keys: r.keys, values: r.values, src: r.src, line: r.line }))).toEqual(want.rows);
        expect(Object.fromEntries(got.incomplete)).toEqual(Object.fromEntries(want.incomplete));
      }),
      { seed: 20, numRuns: 300 },
    );
  });

  it('gives a group its own values when a second row joins the one that lent them', () => {
    const first: TableRow = { keys: ['11', 'K1', '2024-06'], values: [5, 7, 0.5], src: 0, line: 2 };
    const second: TableRow = { keys: ['11', 'K2', '2024-06'], values: [1, 2, 0.25], src: 0, line: 3 };
    const third: TableRow = { keys: ['11', 'K1', '2024-05'], values: [10, 20, 1], src: 0, line: 4 };
    const got = rollup(tableOf([first, second, third]), ['province', 'branch']).table.rows;
    expect(got.map((r) => r.values)).toEqual([
      [15, 27, 1.5],
      [1, 2, 0.25],
    ]);
    expect(first.values).toEqual([5, 7, 0.5]);
    expect(second.values).toEqual([1, 2, 0.25]);
    expect(got[0]!.values).not.toBe(first.values);
  });

  it('keeps no copy of the rows when each row is a group of its own (a key per row): the columns are shared', () => {
    const cols = new RowColumns(3);
    const rows: [string, string, number, number | null][] = [
      ['11', 'K1', 5, 7],
      ['11', 'K2', 1, null],
      ['12', 'K3', 2, 3],
    ];
    rows.forEach(([p, k, a, b], i) => {
      cols.push(0, i + 2);
      cols.setKeys(i, [p, k, '2024-06']);
      cols.setValue(i, 0, a);
      if (b !== null) cols.setValue(i, 1, b);
    });
    const table = new StoredTable(tableOf([]).dims, tableOf([]).measures, [], cols);
    const got = rollup(table, ['province', 'branch']);
    const out = columnsOf(got.table)!;
    expect(out.valuesOf(0)!.values).toBe(cols.valuesOf(0)!.values);
    expect(out.valuesOf(2)).toBe(undefined); // no row gives it: no column
    expect(out.keys[1]).toBe(cols.keys[1]);
    expect(got.table.rows.map((r) => [r.keys, r.values, r.line])).toEqual([
      [['11', 'K1'], [5, 7, null], 2],
      [['11', 'K2'], [1, null, null], 3],
      [['12', 'K3'], [2, 3, null], 4],
    ]);
    // A -0 is not a sum (0 + -0 is 0): then the rows are added up, not shared.
    cols.setValue(1, 2, -0);
    const again = rollup(new StoredTable(table.dims, table.measures, [], cols), ['province', 'branch']);
    expect(columnsOf(again.table)!.valuesOf(0)!.values).not.toBe(cols.valuesOf(0)!.values);
    expect(Object.is(again.table.rows[1]!.values[2], 0)).toBe(true);
  });

  it('names the first row lacking a measure by source and line, whatever order the rows come in', () => {
    const rows: TableRow[] = [
      { keys: ['11', 'K1', '2024-06'], values: [5, 7, null], src: 1, line: 9 },
      { keys: ['11', 'K1', '2024-06'], values: [5, null, null], src: 1, line: 30 },
      { keys: ['11', 'K1', '2024-06'], values: [5, null, null], src: 1, line: 12 },
      { keys: ['11', 'K1', '2024-06'], values: [5, 3, null], src: 0, line: 40, lacking: [undefined, { src: 1, line: 4 }, undefined] },
    ];
    const got = rollup(tableOf(rows), ['province']);
    expect(got.table.rows[0]!.values).toEqual([20, null, null]);
    expect(got.incomplete.get('workforce')).toEqual({ count: 1, keys: ['11'], at: { src: 1, line: 4 } });
    expect(got.incomplete.has('share')).toBe(false); // no row gives it: not incomplete, just missing
  });
});
