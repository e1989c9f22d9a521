import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBreakdown } from '../../src/core/allocation/plan.js';
import type { AllocationSpec, SplitRule } from '../../src/core/allocation/spec.js';
import { monthsUntilDecember } from '../../src/core/calendar.js';
import { computeCoverage } from '../../src/core/coverage/metrics.js';
import { InfeasibleError } from '../../src/core/facts.js';
import { phaseMilestones } from '../../src/core/phasing.js';
import { targetForYear } from '../../src/core/targets.js';
import { tableOf } from '../support/tables.js';

const rule = (r: Partial<SplitRule> = {}): SplitRule => ({ lower: { kind: 'default' }, upper: { kind: 'default' }, method: 'webster', ...r });
const flat = (total: bigint, r: Partial<SplitRule> = {}, extra: Partial<AllocationSpec> = {}): AllocationSpec => ({ total: { value: total, source: 'test' }, shape: { kind: 'flat', dim: 'unit' }, rule: rule(r), denominator: 'workforce', ...extra });
const targets = (spec: AllocationSpec, rows: Record<string, string | number>[]) => planBreakdown(spec, tableOf(rows)).units.map((u) => Number(u.target));

// 200 runs in npm test (was 500, cut to keep it under a minute): the first 200 of the same seeded runs;
// `npm run fuzz` runs 20,000 (FUZZ_RUNS).
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

describe('breakdown (hand-computed)', () => {
  const two = [
    { unit: 'A', participants: 100, workforce: 1000 },
    { unit: 'B', participants: 300, workforce: 1000 },
  ];
  it('gap mode: 100/1,000 and 300/1,000, T = 600: the increase 200 splits 112.5 : 87.5, a tie reported', () => {
    const r = planBreakdown(flat(600n), tableOf(two));
    // 200 × 900/1600 = 112.5 and 200 × 700/1600 = 87.5: an exact tie, the larger weight (A) wins.
    expect(r.units.map((x) => Number(x.target))).toEqual([213, 387]);
    expect(r.notes.filter((n) => n.code === 'tie')).toHaveLength(1);
    expect(r.mode).toBe('gap');
    expect(r.basis).toBe('uncovered');
  });

  it('gap mode without a tie', () => {
    // 300 × 900/1600 = 168.75 → 169; 300 × 700/1600 = 131.25 → 131.
    expect(targets(flat(700n), two)).toEqual([269, 431]);
  });

  it('a unit above its denominator is held at its current value', () => {
    const r = planBreakdown(flat(2000n), tableOf([{ unit: 'Jakarta', participants: 1500, workforce: 1000 }, { unit: 'B', participants: 100, workforce: 1000 }]));
    expect(r.units.map((x) => Number(x.target))).toEqual([1500, 500]);
    expect(r.units[0]!.bound).toBe('held');
    expect(r.notes).toContainEqual({ code: 'held', units: ['Jakarta'] });
  });

  it('--max-coverage 95 % caps at floor(0.95 × denominator), exactly', () => {
    const r = planBreakdown(flat(1899n, { mode: 'level', method: 'hamilton', maxCoverage: { num: 95n, den: 100n }, lower: { kind: 'none' } }), tableOf([{ unit: 'A', participants: 0, workforce: 999 }, { unit: 'B', participants: 0, workforce: 1001 }]));
    expect(r.units.map((x) => [Number(x.max), Number(x.target)])).toEqual([
      [949, 949],
      [950, 950],
    ]);
  });

  it('says why a target below today is impossible, with the numbers', () => {
    try {
      planBreakdown(flat(10n), tableOf([{ unit: 'A', participants: 20, workforce: 100 }]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InfeasibleError);
      expect((e as InfeasibleError).fact).toEqual({ kind: 'below-lower', grain: ['unit'], scope: undefined, total: 10n, sumLower: 20n, units: 1, lowerIsToday: true, lowerFrom: { source: 'today', today: 20n } });
    }
  });

  it('a default basis that cannot be computed falls back, with a note; a chosen one is refused', () => {
    const noDen = [{ unit: 'A', participants: 10 }, { unit: 'B', participants: 30 }];
    const r = planBreakdown(flat(60n, {}, { denominator: undefined }), tableOf(noDen));
    expect(r.basis).toBe('participants');
    expect(r.units.map((x) => Number(x.target))).toEqual([15, 45]);
    expect(r.notes.map((n) => n.code)).toEqual(['basis-fallback', 'no-upper-bound']);
    expect(() => planBreakdown(flat(60n, { basis: { kind: 'workforce' } }, { denominator: undefined }), tableOf(noDen))).toThrow(InfeasibleError);
  });

  it('nested: children add up to their parent, and given parent totals are used', () => {
    const rows = [
      { province: 'P1', regency: 'a', participants: 10, workforce: 100 },
      { province: 'P1', regency: 'b', participants: 10, workforce: 300 },
      { province: 'P2', regency: 'c', participants: 50, workforce: 100 },
    ];
    const spec: AllocationSpec = { shape: { kind: 'nested', levels: ['province', 'regency'] }, rule: rule(), denominator: 'workforce', rowTotals: { dim: 'province', totals: new Map([['P1', 120n], ['P2', 60n]]), source: 'rows.csv' } };
    const r = planBreakdown(spec, tableOf(rows));
    expect(r.total.target).toBe(180n);
    expect(r.parents.map((p) => Number(p.target))).toEqual([120, 60]);
    // P1's increase of 100 goes 90 : 290 over its regencies' uncovered workers.
    expect(r.units.map((u) => Number(u.target))).toEqual([34, 86, 60]);
  });

  it('matrix: both margins met, cells within their own bounds', () => {
    const rows = [
      { province: 'G', segment: 'PU', workforce: 100_000, participants: 90_000 },
      { province: 'G', segment: 'BPU', workforce: 300_000, participants: 60_000 },
      { province: 'A', segment: 'PU', workforce: 400_000, participants: 200_000 },
      { province: 'A', segment: 'BPU', workforce: 800_000, participants: 100_000 },
    ];
    const r = planBreakdown({ total: { value: 1_000_000n, source: 't' }, shape: { kind: 'matrix', rows: 'province', columns: 'segment' }, rule: rule({ mode: 'level', basis: { kind: 'workforce' } }), denominator: 'workforce' }, tableOf(rows));
    const t = r.units.map((u) => Number(u.target));
    expect(t.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    r.units.forEach((u) => {
      expect(u.target).toBeLessThanOrEqual(BigInt(u.denominator!));
      expect(u.target).toBeGreaterThanOrEqual(BigInt(u.participants!));
    });
    expect(r.matrix!.columnTotals.map(([, v]) => Number(v))).toEqual([312_500, 687_500]);
  });

  it('interpolates targets between known years, exactly', () => {
    const pts = [
      { year: 2024, target: 50_000_000n },
      { year: 2026, target: 70_000_000n },
    ];
    expect(targetForYear(pts, 2025)).toEqual({ target: 60_000_000n, interpolated: true, between: [2024, 2026] });
    expect(targetForYear(pts, 2024)).toEqual({ target: 50_000_000n, interpolated: false });
    expect(targetForYear(pts, 2027)).toBeUndefined();
    expect(targetForYear([{ year: 2023, target: 0n }, { year: 2026, target: 1n }], 2024)?.target).toBe(0n); // 1/3 → 0
    expect(targetForYear([{ year: 2023, target: 0n }, { year: 2025, target: 1n }], 2024)?.target).toBe(1n); // ½ rounds up
  });
});

describe('phasing', () => {
  it('even over 12 months: 100 → 112 rises one a month; the national path sums exactly', () => {
    const r = phaseMilestones({ baseline: [100n, 300n], targets: [112n, 300n], weights: new Array(12).fill(1), method: 'webster' });
    expect(r.units[0]!.map(Number)).toEqual([101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112]);
    expect(r.units[1]!.every((x) => x === 300n)).toBe(true);
    expect(r.national.map(Number)).toEqual(r.units[0]!.map((x, i) => Number(x + r.units[1]![i]!)));
  });

  it('properties: monotone per unit, exact sums per month, ends at the target', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 ** 7 }), fc.integer({ min: 0, max: 10 ** 6 })), { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 24 }).filter((w) => w.some((x) => x > 0)),
        fc.constantFrom('webster' as const, 'hamilton' as const, 'dhondt' as const),
        (units, weights, method) => {
          const baseline = units.map(([b]) => BigInt(b));
          const targets = units.map(([b, inc]) => BigInt(b + inc));
          const r = phaseMilestones({ baseline, targets, weights, method });
          for (let m = 0; m < weights.length; m++) {
            expect(r.units.reduce((a, u) => a + u[m]!, 0n)).toBe(r.national[m]);
            r.units.forEach((u, i) => expect(u[m]! >= (m === 0 ? baseline[i]! : u[m - 1]!)).toBe(true));
          }
          r.units.forEach((u, i) => expect(u[u.length - 1]).toBe(targets[i]));
        },
      ),
      { numRuns: RUNS, seed: 7 },
    );
  });

  it('months from a baseline month to December', () => {
    expect(monthsUntilDecember('2023-12', 2024)).toHaveLength(12);
    expect(monthsUntilDecember('2024-06', 2024)).toEqual(['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
    expect(monthsUntilDecember('2023-12', 2026)).toHaveLength(36);
  });
});

describe('coverage metrics', () => {
  it('Gorontalo end 2023 on the potential-workers base: 60.56 %', () => {
    const m = computeCoverage({ denominator: 422934, participants: 256129 }, 0.05);
    expect(m.coverage!.toFixed(4)).toBe('0.6056');
    expect(m.uncovered).toBe(166805);
    expect(m.status).toBeNull();
  });

  it('gap, achievement, run-rate and every status', () => {
    const base = { denominator: 1000, target: 200, milestone: 150, monthsLeft: 6 };
    expect(computeCoverage({ ...base, participants: 210 }, 0.05)).toMatchObject({ status: 'achieved', gap: -10, runRate: 0 });
    expect(computeCoverage({ ...base, participants: 160 }, 0.05)).toMatchObject({ status: 'on-track', gap: 40, runRate: 7, achievement: 0.8 });
    expect(computeCoverage({ ...base, participants: 143 }, 0.05)).toMatchObject({ status: 'at-risk' });
    expect(computeCoverage({ ...base, participants: 142 }, 0.05)).toMatchObject({ status: 'behind' });
    // In the target's December no month is left: no run rate (the gap 100 is what remains), and a row
    // short of its target has missed it, within the margin or not (196 ≥ 200 × 0.95 = 190: at-risk before).
    expect(computeCoverage({ ...base, participants: 100, monthsLeft: 0 }, 0.05)).toMatchObject({ runRate: null, gap: 100, status: 'behind' });
    expect(computeCoverage({ ...base, milestone: 200, participants: 196, monthsLeft: 0 }, 0.05)).toMatchObject({ runRate: null, status: 'behind' });
    expect(computeCoverage({ ...base, milestone: 200, participants: 200, monthsLeft: 0 }, 0.05)).toMatchObject({ runRate: null, status: 'achieved' });
  });

  it('month-on-month change in participants and coverage points', () => {
    const m = computeCoverage({ denominator: 1000, participants: 260, previousParticipants: 250, previousDenominator: 1000 }, 0.05);
    expect(m.change).toBe(10);
    expect(m.coverageChangePoints).toBeCloseTo(1, 10);
  });
});
