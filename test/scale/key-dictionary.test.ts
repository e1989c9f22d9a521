// rollup() of a branch per row whose key column keeps numbers in the dimension's labels (issue 20: a
// report of a million keys within 250 MiB; core/row-columns.ts KeyColumn, core/table.ts keyIds) gives
// the groups it gives when the same keys are kept as strings. 70,000 keys, past the 65,535 where a
// column turns to numbers in its dictionary: a test of its own here, for its time.
import { describe, expect, it } from 'vitest';
import { RowColumns } from '../../src/core/row-columns.js';
import { rollup, StoredTable, type Table } from '../../src/core/table.js';
import { KeyLabels } from '../../src/io/key-labels.js';

const DIMS = ['province', 'branch', 'period'];
const dims = DIMS.map((name) => ({ name, kind: name === 'period' ? ('period' as const) : ('text' as const), labels: new Map<string, string>() }));
const measures = ['participants', 'workforce', 'share'].map((name) => ({ name, kind: name === 'share' ? ('number' as const) : ('count' as const) }));
const sources = [{ name: 'f0.csv', format: 'csv' as const, numberLocale: null, encoding: 'utf-8', sha256: '', bytes: 0, rows: 0, blankLines: 0, ignoredColumns: [] }];

describe('rollup of a branch per row kept as numbers in its labels (issue 20)', () => {
  it('gives the groups of the same keys kept as strings', () => {
    const made = (withLabels: boolean): Table => {
      const labels = new KeyLabels();
      const cols = new RowColumns(3);
      // 70,000 branches, the last 5,000 again on rows of their own (the same branch, another period).
      for (let i = 0; i < 75_000; i++) {
        const k = `K${i % 70_000}`;
        if (!labels.has(k)) labels.set(k, k);
        cols.push(0, i + 2);
        cols.setKeys(i, [i % 2 ? '11' : '12', k, i < 70_000 ? '2024-06' : '2024-05']);
        if (i === 0 && withLabels) cols.keys[1]!.dictionary = labels;
        cols.setValue(i, 0, i);
        cols.setValue(i, 1, 2 * i);
      }
      expect(cols.keys[1]!.numbers()?.ids instanceof Int32Array).toBe(withLabels);
      return new StoredTable(dims, measures, sources, cols);
    };
    const sums = (t: Table, grain: string[]): string[] => rollup(t, grain).table.rows.map((r) => `${r.keys.join('/')}=${r.values.join(',')}`);
    for (const grain of [['branch'], ['province', 'branch'], ['branch', 'period'], ['province']]) {
      const a = sums(made(true), grain);
      expect(a).toEqual(sums(made(false), grain));
      if (grain.length === 1 && grain[0] === 'branch') {
        expect(a.length).toBe(70_000);
        expect(a[3]).toBe('K3=70006,140012,');
      }
    }
  });
});
