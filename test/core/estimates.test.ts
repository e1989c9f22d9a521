// Estimate marks in the core (issue 19): reading an `estimated` cell, the figures of a report row, and
// the rule that a sum is an estimate when any of its parts is, at every grain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimatedFigures, parseEstimatedCell, plannedEstimates } from '../../src/core/estimates.js';
import { rollup, type Table } from '../../src/core/table.js';
import { planBreakdown } from '../../src/core/allocation/plan.js';
import { targetsFromAllocation } from '../../src/core/coverage/targets.js';
import { planCoverage } from '../../src/core/coverage/plan.js';
import { tableOf } from '../support/tables.js';

const withEstimates = (t: Table, flags: readonly (readonly string[] | undefined)[]): Table => ({ ...t, rows: t.rows.map((r, i) => (flags[i]?.length ? { ...r, estimated: flags[i] } : r)) });

describe('parseEstimatedCell', () => {
  it('reads names in any spelling, separated by commas, semicolons, bars or spaces', () => {
    expect(parseEstimatedCell('potential_workers, participants')).toEqual(['potential_workers', 'participants']);
    expect(parseEstimatedCell('Peserta, employed')).toEqual(['participants', 'employed']);
    expect(parseEstimatedCell('peserta_aktif;potensi_pekerja|employed')).toEqual(['participants', 'potential_workers', 'employed']);
    expect(parseEstimatedCell('denominator participants participants')).toEqual(['denominator', 'participants']);
    expect(parseEstimatedCell('Semua')).toEqual(['all']);
    expect(parseEstimatedCell('  ')).toEqual([]);
  });
});

describe('estimatedFigures', () => {
  it('lists the figures in the column order; a status is marked only when there is one and it rests on an estimate', () => {
    expect(estimatedFigures({ denominator: true })).toEqual(['denominator']);
    expect(estimatedFigures({ denominator: true, hasStatus: true })).toEqual(['denominator']);
    expect(estimatedFigures({ participants: true })).toEqual(['participants']);
    expect(estimatedFigures({ participants: true, hasStatus: true })).toEqual(['participants', 'status']);
    expect(estimatedFigures({ target: true, milestone: true, hasStatus: true, denominator: true })).toEqual(['denominator', 'target', 'milestone', 'status']);
    expect(estimatedFigures({})).toEqual([]);
  });

  it('a target planned on an estimated participants or denominator is one, with its milestones', () => {
    expect(plannedEstimates({ estimated: ['potential_workers'] })).toEqual(['target', 'milestone']);
    expect(plannedEstimates({ estimated: ['participants'] })).toEqual(['target', 'milestone', 'participants']);
    expect(plannedEstimates({})).toBeUndefined();
  });
});

describe('rollup carries estimates to every grain', () => {
  it('a group is an estimate for a measure exactly when one of its rows is (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ p: fc.constantFrom('A', 'B', 'C'), r: fc.constantFrom('x', 'y'), est: fc.boolean() }), { minLength: 1, maxLength: 30 }),
        (recs) => {
          const t = withEstimates(
            tableOf(recs.map((x) => ({ province: x.p, regency: `${x.p}${x.r}`, participants: 1 }))),
            recs.map((x) => (x.est ? ['participants'] : undefined)),
          );
          for (const grain of [['province'], [], ['province', 'regency']]) {
            const agg = rollup(t, grain).table;
            for (const g of agg.rows) {
              const members = recs.filter((x) => grain.every((d, i) => (d === 'province' ? x.p : `${x.p}${x.r}`) === g.keys[i]));
              expect(g.estimated?.includes('participants') === true).toBe(members.some((x) => x.est));
            }
          }
        },
      ),
    );
  });

  it('through a breakdown into coverage: an estimated denominator marks the target, the status and the total (by hand)', () => {
    // Two provinces; B's employed is an estimate. Gap mode: B's target rests on it.
    const base = withEstimates(
      tableOf([
        { province: 'A', period: '2023-12', employed: 1000, participants: 400 },
        { province: 'B', period: '2023-12', employed: 500, participants: 100 },
      ]),
      [undefined, ['employed']],
    );
    const result = planBreakdown({ total: { value: 800n, source: 't' }, shape: { kind: 'flat', dim: 'province' }, rule: { lower: { kind: 'default' }, upper: { kind: 'default' }, method: 'webster' }, denominator: 'employed' }, base);
    expect(result.units.map((u) => u.estimated)).toEqual([undefined, ['employed']]);
    const targets = targetsFromAllocation(result, base);
    const cov = planCoverage({ current: base, targets: { table: targets, baselinePeriod: '2023-12', year: 2024, yearFrom: 'plan', phasing: { kind: 'even' }, method: 'webster', source: 't' } }, { grain: ['province'], denominator: 'employed', atRiskMargin: 0.05 });
    const [a, b, total] = cov.rows;
    expect(a!.estimated).toEqual([]);
    expect(b!.estimated).toEqual(['denominator', 'target', 'milestone', 'status']);
    // The total: its denominator is a sum with an estimate in it; its target is the given 800.
    expect(total!.metrics.target).toBe(800);
    expect(total!.estimated).toEqual(['denominator', 'milestone', 'status']);
  });
});
