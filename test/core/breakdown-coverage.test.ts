import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBreakdown, targetForYear } from '../../src/core/breakdown.js';
import { computeCoverage } from '../../src/core/coverage.js';
import { monthsUntilDecember, phaseMilestones } from '../../src/core/phasing.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

describe('breakdown (hand-computed)', () => {
  it('gap mode: 100/1,000 and 300/1,000, T = 600: the increase 200 splits 112.5 : 87.5, a tie reported', () => {
    const r = computeBreakdown({
      total: 600n,
      mode: 'gap',
      method: 'webster',
      units: [
        { label: 'A', participants: 100, denominator: 1000, basis: 900 },
        { label: 'B', participants: 300, denominator: 1000, basis: 700 },
      ],
    });
    // 200 × 900/1600 = 112.5 and 200 × 700/1600 = 87.5: an exact tie, the larger weight (A) wins.
    expect(r.rows.map((x) => Number(x.target))).toEqual([213, 387]);
    expect(r.ties).toHaveLength(1);
  });

  it('gap mode without a tie', () => {
    const r = computeBreakdown({
      total: 700n,
      mode: 'gap',
      method: 'webster',
      units: [
        { label: 'A', participants: 100, denominator: 1000, basis: 900 },
        { label: 'B', participants: 300, denominator: 1000, basis: 700 },
      ],
    });
    // 300 × 900/1600 = 168.75 → 169; 300 × 700/1600 = 131.25 → 131.
    expect(r.rows.map((x) => Number(x.target))).toEqual([269, 431]);
  });

  it('a unit above its denominator is held at its current value', () => {
    const r = computeBreakdown({
      total: 2000n,
      mode: 'gap',
      method: 'webster',
      units: [
        { label: 'Jakarta', participants: 1500, denominator: 1000, basis: 0 },
        { label: 'B', participants: 100, denominator: 1000, basis: 900 },
      ],
    });
    expect(r.rows.map((x) => Number(x.target))).toEqual([1500, 500]);
    expect(r.rows[0]!.heldAtCurrent).toBe(true);
  });

  it('--max-coverage 95 % caps at floor(0.95 × denominator), exactly', () => {
    const r = computeBreakdown({
      total: 1899n,
      mode: 'level',
      method: 'hamilton',
      maxCoverage: { num: 95n, den: 100n },
      units: [
        { label: 'A', participants: 0, denominator: 999, basis: 999 },
        { label: 'B', participants: 0, denominator: 1001, basis: 1001 },
      ],
    });
    expect(r.rows.map((x) => [Number(x.max), Number(x.target)])).toEqual([
      [949, 949],
      [950, 950],
    ]);
  });

  it('says why a target below today is impossible, with the numbers', () => {
    expect(() =>
      computeBreakdown({ total: 10n, mode: 'gap', method: 'webster', units: [{ label: 'A', participants: 20, denominator: 100, basis: 80 }] }),
    ).toThrow('the 1 units already have at least 20 between them (their minimum targets); a target of 10 is below that');
  });

  it('interpolates targets between known years, exactly', () => {
    const pts = [
      { year: 2024, target: 50_000_000 },
      { year: 2026, target: 70_000_000 },
    ];
    expect(targetForYear(pts, 2025)).toEqual({ target: 60_000_000n, interpolated: true, between: [2024, 2026] });
    expect(targetForYear(pts, 2024)).toEqual({ target: 50_000_000n, interpolated: false });
    expect(targetForYear(pts, 2027)).toBeUndefined();
    expect(targetForYear([{ year: 2023, target: 0 }, { year: 2026, target: 1 }], 2024)?.target).toBe(0n); // 1/3 → 0
    expect(targetForYear([{ year: 2023, target: 0 }, { year: 2025, target: 1 }], 2024)?.target).toBe(1n); // ½ rounds up
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
    expect(computeCoverage({ ...base, participants: 100, monthsLeft: 0 }, 0.05)).toMatchObject({ runRate: 100 });
  });

  it('month-on-month change in participants and coverage points', () => {
    const m = computeCoverage({ denominator: 1000, participants: 260, previousParticipants: 250, previousDenominator: 1000 }, 0.05);
    expect(m.change).toBe(10);
    expect(m.coverageChangePoints).toBeCloseTo(1, 10);
  });
});
