// The targets of subtotals and of the Total: the sum of the targets under each (only of the rows that
// have one), with how many of how many rows have one, computed here by hand from the records. The plan
// adds the targets up in one pass per level (it used to look through every target for every row: 23 s
// for 32,000 branches with a target each, growing with the square).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planCoverage } from '../../src/core/coverage/plan.js';
import type { Targets } from '../../src/core/coverage/targets.js';
import { tableOf } from '../support/tables.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

function targetsOf(records: readonly { province: string; branch: string; target: number }[]): Targets {
  return { table: tableOf(records.map((r) => ({ province: r.province, branch: r.branch, target: r.target }))), year: 2024, yearFrom: 'file', phasing: { kind: 'even' }, method: 'webster', source: 'targets.csv' };
}

describe('targets of subtotals and of the Total', () => {
  it('are the sums of the targets of the rows under them that have one (property, by hand)', () => {
    const branch = fc.record({ province: fc.constantFrom('A', 'B', 'C'), participants: fc.integer({ min: 0, max: 5_000 }), extra: fc.integer({ min: 0, max: 5_000 }), target: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(branch, { minLength: 1, maxLength: 40 }), (branches) => {
        const rows = branches.map((b, i) => ({ ...b, branch: `K${i}` }));
        const current = tableOf(rows.map((r) => ({ province: r.province, branch: r.branch, period: '2024-06', workforce: r.participants + r.extra, participants: r.participants })));
        const withTarget = rows.filter((r) => r.target !== undefined) as (typeof rows[number] & { target: number })[];
        if (withTarget.length === 0) return;
        const result = planCoverage({ current, targets: targetsOf(withTarget) }, { grain: ['province', 'branch'], denominator: 'workforce', atRiskMargin: 0.05 });
        for (const r of result.rows) {
          const under = r.level === 'total' ? rows : r.level === 'subtotal' ? rows.filter((x) => x.province === r.keys[0]) : rows.filter((x) => x.branch === r.keys[1]);
          const targeted = under.filter((x) => x.target !== undefined);
          const sum = targeted.reduce((a, x) => a + x.target!, 0);
          expect(r.metrics.target ?? null, `${r.level} ${r.keys.join('/')}`).toBe(targeted.length ? sum : null);
          if (r.level !== 'detail') expect(r.targetRows).toEqual({ with: targeted.length, of: under.length });
        }
      }),
      { numRuns: RUNS, seed: 31 },
    );
  });
});
