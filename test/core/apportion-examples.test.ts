import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocation/apportion.js';
import type { MethodName } from '../../src/core/allocation/methods.js';
import { scaleToIntegers } from '../../src/core/allocation/exact.js';

// Published worked examples (../shared/reference/apportionment-examples.md), reproduced exactly.
const run = (weights: number[], total: number, method: MethodName) =>
  allocate({ total: BigInt(total), weights: scaleToIntegers(weights), method }).values.map(Number);

describe('Balinski–Young 1975, example 1: weights 5117/4400/162/161/160, total 100', () => {
  const w = [5117, 4400, 162, 161, 160];
  it.each<[MethodName, number[]]>([
    ['hamilton', [51, 44, 2, 2, 1]],
    ['dhondt', [52, 45, 1, 1, 1]],
    ['webster', [51, 43, 2, 2, 2]],
    ['huntington-hill', [51, 43, 2, 2, 2]],
    ['adams', [51, 43, 2, 2, 2]],
    ['dean', [51, 43, 2, 2, 2]],
  ])('%s', (method, expected) => expect(run(w, 100, method)).toEqual(expected));
});

describe('Balinski–Young 1975, example 2: weights 9061/7179/5259/3319/1182, total 26', () => {
  const w = [9061, 7179, 5259, 3319, 1182];
  it.each<[MethodName, number[]]>([
    ['hamilton', [9, 7, 5, 4, 1]],
    ['dhondt', [10, 7, 5, 3, 1]],
    ['webster', [9, 8, 5, 3, 1]],
    ['huntington-hill', [9, 7, 6, 3, 1]],
    ['adams', [9, 7, 5, 3, 2]],
    ['dean', [9, 7, 5, 4, 1]],
  ])('%s', (method, expected) => expect(run(w, 26, method)).toEqual(expected));
});

describe('US Census Bureau teaching example: weights 2560/3315/995/5012, total 20', () => {
  const w = [2560, 3315, 995, 5012];
  it.each<[MethodName, number[]]>([
    ['hamilton', [4, 6, 2, 8]],
    ['webster', [4, 6, 2, 8]],
    ['huntington-hill', [4, 6, 2, 8]],
    ['adams', [4, 6, 2, 8]],
    ['dean', [4, 6, 2, 8]],
    ['dhondt', [4, 6, 1, 9]],
  ])('%s', (method, expected) => expect(run(w, 20, method)).toEqual(expected));
});

describe('Alabama paradox', () => {
  it('Hamilton: unit 3 loses a unit when the total rises from 323 to 324', () => {
    const w = [5670, 3850, 420, 60];
    expect(run(w, 323, 'hamilton')).toEqual([183, 124, 14, 2]);
    expect(run(w, 324, 'hamilton')).toEqual([184, 125, 13, 2]);
  });
  it('Webster on the same weights has no paradox', () => {
    const w = [5670, 3850, 420, 60];
    expect(run(w, 323, 'webster')).toEqual([183, 124, 14, 2]);
    expect(run(w, 324, 'webster')).toEqual([183, 125, 14, 2]);
  });
  it('Hamilton: weights 6/6/2, 10 → 4/4/2 but 11 → 5/5/1', () => {
    expect(run([6, 6, 2], 10, 'hamilton')).toEqual([4, 4, 2]);
    expect(run([6, 6, 2], 11, 'hamilton')).toEqual([5, 5, 1]);
  });
});

describe('largest-remainder implementation traps', () => {
  it('no lexicographic sort of remainders: 15000000/10000001/24999999, total 5', () => {
    expect(run([15000000, 10000001, 24999999], 5, 'hamilton')).toEqual([2, 1, 2]);
  });
  it('no fixed-decimal remainders: 150001/150004/99995, total 4', () => {
    expect(run([150001, 150004, 99995], 4, 'hamilton')).toEqual([1, 2, 1]);
  });
  it('ties do not lose units: 5/15/30/5/45, total 50 → larger weight first, and reported', () => {
    // Valid answers: any two of units 1, 2, 4, 5 get the extra unit. Our rule (larger weight, then input
    // order) picks units 2 and 5; "first in input order" alone would pick 1 and 2: [3, 8, 15, 2, 22].
    const r = allocate({ total: 50n, weights: [5n, 15n, 30n, 5n, 45n], method: 'hamilton' });
    expect(r.values.map(Number)).toEqual([2, 8, 15, 2, 23]);
    expect(r.ties).toEqual([{ units: [0, 1, 3, 4], winners: [1, 4] }]);
  });
  it('equal weights in a tie go by input order: 1/1/1/1 of 102 → 26/26/25/25', () => {
    const r = allocate({ total: 102n, weights: [1n, 1n, 1n, 1n], method: 'webster' });
    expect(r.values.map(Number)).toEqual([26, 26, 25, 25]);
    expect(r.ties).toEqual([{ units: [0, 1, 2, 3], winners: [0, 1] }]);
  });
});

describe('simple proportional splits from planning tools', () => {
  it('SAP pro-rata 25/25/50 of 26 → 7/6/13', () => expect(run([25, 25, 50], 26, 'hamilton')).toEqual([7, 6, 13]));
  it('100 over 3 equal children → 34/33/33', () => expect(run([1, 1, 1], 100, 'hamilton')).toEqual([34, 33, 33]));
  it('102 over 4 equal children → 26/26/25/25', () => expect(run([1, 1, 1, 1], 102, 'hamilton')).toEqual([26, 26, 25, 25]));
  it.each<MethodName>(['hamilton', 'webster', 'dhondt'])('annual 3 by 0.17/0.23/0.30/0.30 with %s → 0/1/1/1', (m) =>
    expect(run([0.17, 0.23, 0.3, 0.3], 3, m)).toEqual([0, 1, 1, 1]),
  );
  it('humanleague 0.1/0.2/0.3/0.4 of 11 → 1/2/3/5', () => expect(run([0.1, 0.2, 0.3, 0.4], 11, 'hamilton')).toEqual([1, 2, 3, 5]));
});

describe('bounds', () => {
  it('Oracle lock: Jan/Feb/Mar = 100, lock Feb and Mar, Q1 = 600 → Jan 400', () => {
    const r = allocate({ total: 600n, weights: [100n, 100n, 100n], lower: [0n, 100n, 100n], upper: [null, 100n, 100n], method: 'hamilton' });
    expect(r.values.map(Number)).toEqual([400, 100, 100]);
  });
  it('a divisor method clamps each unit and keeps one common divisor', () => {
    const r = allocate({ total: 100n, weights: [50n, 30n, 20n], lower: [0n, 0n, 30n], upper: [40n, null, null], method: 'webster' });
    expect(r.values.map(Number)).toEqual([40, 30, 30]);
    expect(r.atUpper).toEqual([true, false, false]);
    expect(r.atLower).toEqual([false, false, true]);
  });
  it('refuses a total below the sum of lower bounds, with the numbers', () => {
    expect(() => allocate({ total: 10n, weights: [1n, 1n], lower: [6n, 6n], method: 'webster' })).toThrow(
      'the lower bounds already add up to 12, above the total 10',
    );
  });
  it('refuses a total above the sum of upper bounds', () => {
    expect(() => allocate({ total: 10n, weights: [1n, 1n], upper: [3n, 3n], method: 'hamilton' })).toThrow(
      'the upper bounds add up to only 6, below the total 10',
    );
  });
});

describe('large totals cost no more than small ones and stay exact', () => {
  it('T = 10^12 over 38 units sums exactly', () => {
    const w = Array.from({ length: 38 }, (_, i) => BigInt(1000 + i * 7919));
    for (const method of ['webster', 'hamilton', 'dhondt', 'adams', 'huntington-hill'] as const) {
      const r = allocate({ total: 10n ** 12n, weights: w, method });
      expect(r.values.reduce((a, b) => a + b, 0n)).toBe(10n ** 12n);
    }
  });
});

describe('the library takes bigint weights exactly (review rv15)', () => {
  it('bigints above 2^53 beside a decimal weight are not rounded through a float', async () => {
    const { apportion } = await import('../../src/index.js');
    // Quotas (by hand, exact): 3 × w / Σw with w = [2^60, 0.5, 2^60 + 1]: 1.4999…, ≈0, 1.5000…: Webster [1, 0, 2].
    expect(apportion([2n ** 60n, 0.5, 2n ** 60n + 1n], 3)).toEqual([1n, 0n, 2n]);
    // Quotas 2^53 + 0.75, just under 0.5, 2^53 − 1 + 0.75 (checked with exact fractions): [2^53 + 1, 0, 2^53].
    expect(apportion([2n ** 53n + 1n, 0.5, 2n ** 53n], 2n ** 54n + 1n)).toEqual([2n ** 53n + 1n, 0n, 2n ** 53n]);
  });

  it('a negative bigint weight is a RangeError, as a negative number is', async () => {
    const { apportion } = await import('../../src/index.js');
    expect(() => apportion([1n, -2n], 3)).toThrow(RangeError);
    expect(() => apportion([1, -2], 3)).toThrow(RangeError);
  });
});
