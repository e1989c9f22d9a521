// The year as a story (issue 18): pace, projection, projected status. Values computed by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paceOf, paceRounded, projectedDecember, projectedStatus, projectedStatusIn, roundDiv } from '../../src/core/coverage/trend.js';

const M = ['2024-03', '2024-04', '2024-05', '2024-06'];

describe('pace', () => {
  it('over the last 3 months: (June − March) / 3', () => {
    const p = paceOf(M, [250_000, 251_000, 253_500, 256_000], 3)!;
    expect(p).toEqual({ change: 6_000, months: 3, from: '2024-03' });
    expect(paceRounded(p)).toBe(2_000);
  });

  it('a month missing in the window: the earliest month reported in it', () => {
    // March not reported: the pace runs from April, over 2 months.
    expect(paceOf(M, [null, 251_000, 253_500, 256_000], 3)).toEqual({ change: 5_000, months: 2, from: '2024-04' });
    // May not reported: March still starts the window.
    expect(paceOf(M, [250_000, 251_000, null, 256_000], 3)).toEqual({ change: 6_000, months: 3, from: '2024-03' });
  });

  it('a window of 1: the last month; longer than the months known: all of them', () => {
    expect(paceOf(M, [250_000, 251_000, 253_500, 256_000], 1)).toEqual({ change: 2_500, months: 1, from: '2024-05' });
    expect(paceOf(M, [250_000, 251_000, 253_500, 256_000], 12)).toEqual({ change: 6_000, months: 3, from: '2024-03' });
  });

  it('months that skip: the span is in calendar months', () => {
    expect(paceOf(['2024-01', '2024-04'], [100, 160], 3)).toEqual({ change: 60, months: 3, from: '2024-01' });
    expect(paceOf(['2024-01', '2024-05'], [100, 160], 3)).toBeNull(); // January is 4 months back
  });

  it('no pace: one month, or not reported this month', () => {
    expect(paceOf(['2024-06'], [256_000], 3)).toBeNull();
    expect(paceOf(M, [250_000, 251_000, 253_500, null], 3)).toBeNull();
  });

  it('negative pace', () => {
    const p = paceOf(M, [240_000, 237_000, 234_000, 231_000], 3)!;
    expect(paceRounded(p)).toBe(-3_000);
    expect(projectedDecember(231_000, p, 6)).toBe(213_000);
  });
});

describe('projection', () => {
  it('now + change × left / months, rounded half away from zero', () => {
    // 6,001 over 3 months, 6 left: 12,002 exactly.
    expect(projectedDecember(256_000, { change: 6_001, months: 3, from: '2024-03' }, 6)).toBe(268_002);
    // 7 over 2 months, 5 left: 17.5 → 18; −7: −17.5 → −18.
    expect(projectedDecember(100, { change: 7, months: 2, from: 'x' }, 5)).toBe(118);
    expect(projectedDecember(100, { change: -7, months: 2, from: 'x' }, 5)).toBe(82);
    // December: nothing left, the projection is today.
    expect(projectedDecember(256_000, { change: 6_000, months: 3, from: '2024-09' }, 0)).toBe(256_000);
  });

  it('roundDiv agrees with exact rational rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e4 }), (a, b) => {
        const exact = a / b;
        const want = Math.sign(exact) * Math.floor(Math.abs(exact) + 0.5);
        // Away from the half, float division is exact enough; at exactly .5 the rule is away from zero.
        expect(roundDiv(a, b)).toBe(want === 0 ? 0 : want);
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 1000) },
    );
  });
});

describe('projected status', () => {
  it('will-achieve, at-risk (within 5 % below), will-miss', () => {
    expect(projectedStatus(287_501, 287_501, 0.05)).toBe('will-achieve');
    expect(projectedStatus(300_000, 287_501, 0.05)).toBe('will-achieve');
    expect(projectedStatus(273_126, 287_501, 0.05)).toBe('at-risk'); // 95 % is 273,125.95
    expect(projectedStatus(273_125, 287_501, 0.05)).toBe('will-miss');
  });
  it("in the targets' December (no month left) short of the target is missed: no at-risk band", () => {
    // 273,126 is within 5 % of 287,501 (95 % is 273,125.95): at-risk with a month left, missed with none.
    expect(projectedStatusIn(273_126, 287_501, 1, 0.05)).toBe('at-risk');
    expect(projectedStatusIn(273_126, 287_501, 0, 0.05)).toBe('will-miss');
    expect(projectedStatusIn(287_501, 287_501, 0, 0.05)).toBe('will-achieve');
  });
});
