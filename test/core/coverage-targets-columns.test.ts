// Issue 20: a target for every key. The report's data and its targets are kept as columns (StoredTable),
// and the plan reads both on their columns: no table of the data or of the targets has its rows made as
// objects (on main each was, several times over, with a joined key and a map entry per target: 1.1 GB
// for 400,000 branches, where the report without targets took 148 MiB). The figures are computed here by
// hand from the records.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planCoverage } from '../../src/core/coverage/plan.js';
import { targetsAt, targetYearOf, type Targets } from '../../src/core/coverage/targets.js';
import { columnsOf, StoredTable, type Table } from '../../src/core/table.js';
import { loadTable } from '../../src/io/load.js';
import { tmp, writeIn } from '../e2e/helpers.js';

const N = 3000;
const participants = (i: number): number => 50 + (i % 41);
const target = (i: number): number => 100 + ((i * 7) % 901);
const kantor = (i: number): string => `K${String(i).padStart(6, '0')}`;

/** Rows made as objects from a table kept as columns, while the test runs (the getter counts them). */
let made = 0;
const getter = Object.getOwnPropertyDescriptor(StoredTable.prototype, 'rows')!;
beforeEach(() => {
  made = 0;
  Object.defineProperty(StoredTable.prototype, 'rows', {
    configurable: true,
    get(this: StoredTable) {
      made += columnsOf(this)!.size;
      return getter.get!.call(this) as unknown;
    },
  });
});
afterEach(() => {
  Object.defineProperty(StoredTable.prototype, 'rows', getter);
});

async function tables(some: (i: number) => boolean, reversed = false): Promise<{ current: Table; targets: Targets }> {
  const dir = tmp();
  const data = ['period,province,kantor,participants,potential_workers'];
  const goals = ['province,kantor,year,target'];
  for (let i = 0; i < N; i++) {
    data.push(`2026-06,Gorontalo,${kantor(i)},${participants(i)},${1000 + i}`);
    const j = reversed ? N - 1 - i : i;
    if (some(j)) goals.push(`Gorontalo,${kantor(j)},2026,${target(j)}`);
  }
  const options = { maxErrors: 20, allowOverCoverage: false, numberLocale: 'auto' as const, codeSystem: 'kemendagri' as const };
  const current = await loadTable([writeIn(dir, 'data.csv', data.join('\n') + '\n')], { dims: ['province', 'kantor'], measures: new Map([['participants', 'count'], ['potential_workers', 'count']]), rule: 'refuse' }, options);
  const t = await loadTable(
    [writeIn(dir, 'targets.csv', goals.join('\n') + '\n')],
    { role: '--targets', dims: ['province', 'kantor', 'year', 'from'], measures: new Map([['target', 'count'], ['participants', 'count'], ['milestone', 'count'], ['from_milestone', 'count'], ['baseline', 'count']]), rule: 'refuse', optionalDims: ['year', 'from'], blankDims: ['period'] },
    { ...options, allowOverCoverage: true },
  );
  expect(columnsOf(current)).toBeDefined();
  expect(columnsOf(t)).toBeDefined();
  const fy = targetYearOf(t, undefined, '2026-06');
  return { current, targets: { table: fy.table, year: fy.year, yearFrom: fy.from, phasing: { kind: 'even' }, method: 'webster', source: 'targets.csv' } };
}

describe('a target for every key: read on the columns', () => {
  it('3,000 branches, each with its target: the sums by hand, and no row of the data or the targets made as an object', async () => {
    const { current, targets } = await tables(() => true);
    made = 0;
    const at = targetsAt(targets, '2026-06');
    expect(columnsOf(at.table)).toBeDefined();
    const result = planCoverage({ current, targets }, { grain: ['province', 'kantor'], denominator: 'potential_workers', atRiskMargin: 0.05 });
    const list = result.rowList;
    let total = 0;
    let sumP = 0;
    for (let i = 0; i < N; i++) {
      total += target(i);
      sumP += participants(i);
    }
    for (let i = 0; i < list.length; i++) {
      const r = list.at(i);
      if (r.level === 'detail') {
        const k = Number(r.keys[1]!.slice(1));
        expect(r.metrics.target).toBe(target(k));
        expect(r.metrics.gap).toBe(target(k) - participants(k));
      }
    }
    const last = list.at(-1);
    expect(last.level).toBe('total');
    expect(last.metrics.target).toBe(total);
    expect(last.metrics.participants).toBe(sumP);
    expect(last.targetRows).toEqual({ with: N, of: N });
    expect(result.targetRows).toEqual({ with: N, of: N, grain: ['province', 'kantor'] });
    // Every row has a target and none a milestone (a yearly file: no baseline month, no participants).
    expect(result.notes.find((n) => n.code === 'no-milestones')).toMatchObject({ rows: N, of: N });
    expect(made).toBe(0);
  });

  it('the targets in the reverse order of the data: each row still gets its own (met by its keys, not its place)', async () => {
    const { current, targets } = await tables((i) => i % 5 !== 0, true);
    made = 0;
    const list = planCoverage({ current, targets }, { grain: ['province', 'kantor'], denominator: 'potential_workers', atRiskMargin: 0.05 }).rowList;
    let total = 0;
    for (let i = 0; i < N; i++) if (i % 5 !== 0) total += target(i);
    for (let i = 0; i < list.length; i++) {
      const r = list.at(i);
      if (r.level !== 'detail') continue;
      const k = Number(r.keys[1]!.slice(1));
      expect(r.metrics.target).toBe(k % 5 !== 0 ? target(k) : null);
    }
    expect(list.at(-1).metrics.target).toBe(total);
    expect(made).toBe(0);
  });

  it('every seventh branch without a target: the rows without one are counted and the first five named; nothing made as an object', async () => {
    const some = (i: number): boolean => i % 7 !== 3;
    const { current, targets } = await tables(some);
    made = 0;
    const result = planCoverage({ current, targets }, { grain: ['province', 'kantor'], denominator: 'potential_workers', atRiskMargin: 0.05 });
    let withT = 0;
    let total = 0;
    const without: string[] = [];
    for (let i = 0; i < N; i++) {
      if (some(i)) {
        withT++;
        total += target(i);
      } else if (without.length < 5) without.push(`Gorontalo / ${kantor(i)}`);
    }
    expect(result.notes.find((n) => n.code === 'no-target')).toEqual({ code: 'no-target', rows: without, count: N - withT, with: withT, of: N });
    expect(result.rowList.at(-1).metrics.target).toBe(total);
    expect(result.rowList.at(-1).targetRows).toEqual({ with: withT, of: N });
    expect(made).toBe(0);
  });
});
