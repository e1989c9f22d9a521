// The report's rows as a list made on demand (CoverageResult.rowList): a million keys make a million
// rows, and held as objects they cost more than the rest of the plan. The list must give the same rows
// as `rows` (made once, on first use), in the report's order, computed here by hand from the records:
// each province's branches in the order they first appear, its subtotal after them, the Total last.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLevel, planCoverage } from '../../src/core/coverage/plan.js';
import type { Targets } from '../../src/core/coverage/targets.js';
import { tableOf } from '../support/tables.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

const branch = fc.record({
  province: fc.constantFrom('A', 'B', 'C'),
  participants: fc.integer({ min: 0, max: 5_000 }),
  extra: fc.integer({ min: 0, max: 5_000 }),
  earlier: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: undefined }),
  target: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
  estimate: fc.boolean(),
});

describe('the rows of a coverage plan, made on demand', () => {
  it('are the rows of `rows`, in the report order, with the same figures every time (property, by hand)', () => {
    fc.assert(
      fc.property(fc.array(branch, { minLength: 1, maxLength: 30 }), fc.boolean(), fc.boolean(), (branches, byBranch, withTargets) => {
        const rows = branches.map((b, i) => ({ ...b, branch: `K${i}` }));
        const records = rows.map((r) => ({ province: r.province, branch: r.branch, period: '2024-06', workforce: r.participants + r.extra, participants: r.participants }));
        // Some branches also reported the month before: a change, and with two months a story.
        for (const r of rows) if (r.earlier !== undefined) records.push({ province: r.province, branch: r.branch, period: '2024-05', workforce: r.earlier + r.extra, participants: r.earlier });
        const targeted = rows.filter((r) => r.target !== undefined);
        const targets: Targets | undefined =
          withTargets && targeted.length ? { table: tableOf(targeted.map((r) => ({ province: r.province, branch: r.branch, target: r.target! }))), year: 2024, yearFrom: 'file', phasing: { kind: 'even' }, method: 'webster', source: 'targets.csv' } : undefined;
        const grain = byBranch ? ['province', 'branch'] : ['province'];
        // A branch whose participants are an estimate (the data's own `estimated` column).
        const table = tableOf(records);
        const current = { ...table, rows: table.rows.map((r, i) => (rows[i]?.estimate ? { ...r, estimated: ['participants'] } : r)) };
        const result = planCoverage({ current, targets }, { grain, denominator: 'workforce', atRiskMargin: 0.05 });
        const list = result.rowList;
        expect(list.anyEstimate).toBe(rows.some((r) => r.estimate));

        // The order, by hand.
        const provinces: string[] = [];
        for (const r of rows) if (!provinces.includes(r.province)) provinces.push(r.province);
        const expected: { level: string; keys: string[] }[] = [];
        for (const p of provinces) {
          if (!byBranch) expected.push({ level: 'detail', keys: [p] });
          else {
            for (const r of rows) if (r.province === p) expected.push({ level: 'detail', keys: [p, r.branch] });
            expected.push({ level: 'subtotal', keys: [p] });
          }
        }
        expected.push({ level: 'total', keys: [] });
        expect(list.length).toBe(expected.length);
        expected.forEach((e, i) => {
          expect(list.level(i)).toBe(e.level);
          const r = list.at(i);
          expect({ level: r.level, keys: r.keys }).toEqual(e);
          // The participants, added up by hand.
          const under = rows.filter((x) => (e.keys.length === 0 || x.province === e.keys[0]) && (e.keys.length < 2 || x.branch === e.keys[1]));
          expect(r.metrics.participants).toBe(under.reduce((a, x) => a + x.participants, 0));
          expect(r.labels).toEqual(e.keys);
          // Made again: a new object (when made on demand), the same figures.
          expect(list.at(i)).toEqual(r);
        });
        expect(countLevel(list, 'detail')).toBe(expected.filter((e) => e.level === 'detail').length);
        expect(Array.from(list)).toEqual(result.rows);
        expect(list.anyTarget).toBe(result.rows.some((r) => r.metrics.target !== null));
        expect(list.anyEstimate).toBe(result.rows.some((r) => (r.estimated?.length ?? 0) > 0));
        // `rows` is made once and then held.
        expect(result.rows).toBe(result.rows);
      }),
      { numRuns: RUNS, seed: 47 },
    );
  });

  it('holds no row object per detail row in a report of one month', () => {
    const records = Array.from({ length: 50 }, (_, i) => ({ province: i % 2 ? 'A' : 'B', branch: `K${i}`, period: '2024-06', workforce: 100, participants: 40 + i }));
    const result = planCoverage({ current: tableOf(records) }, { grain: ['province', 'branch'], denominator: 'workforce', atRiskMargin: 0.05 });
    const list = result.rowList;
    expect(list.level(0)).toBe('detail');
    expect(list.at(0)).not.toBe(list.at(0));
    expect(list.at(0)).toEqual(list.at(0));
    // Subtotals and the Total are few, and made once.
    expect(list.at(list.length - 1)).toBe(list.at(list.length - 1));
  });
});
