import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, InfeasibleAllocationError } from '../../src/core/allocation/apportion.js';
import { allocateMatrix, InfeasibleMatrixError } from '../../src/core/allocation/biproportional.js';
import { DIVISOR_METHODS, compareThresholds, type DivisorMethodName, type MethodName } from '../../src/core/allocation/methods.js';

// 250 runs in npm test (was 1000, cut to keep it under a minute): the first 250 of the same seeded runs;
// `npm run fuzz` runs 20,000 (FUZZ_RUNS).
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const methods: MethodName[] = ['webster', 'hamilton', 'dhondt', 'adams', 'huntington-hill', 'dean'];
const divisorMethods: DivisorMethodName[] = ['webster', 'dhondt', 'adams', 'huntington-hill', 'dean'];
const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

const weightsArb = fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0n));
const methodArb = fc.constantFrom(...methods);

/** Reference: hand out units one at a time to the highest threshold, exactly (only for small T). */
function seatBySeat(method: DivisorMethodName, weights: bigint[], total: number): bigint[] {
  const m = DIVISOR_METHODS[method];
  const x = weights.map(() => 0n);
  for (let s = 0; s < total; s++) {
    let best = -1;
    for (let i = 0; i < weights.length; i++) {
      if (weights[i] === 0n) continue;
      if (best < 0 || compareThresholds(m, x[i]!, weights[i]!, x[best]!, weights[best]!) < 0) best = i;
    }
    x[best] = x[best]! + 1n;
  }
  return x;
}

describe('one-dimensional allocation properties', () => {
  it('totals are exact and bounds hold', () => {
    fc.assert(
      fc.property(
        weightsArb,
        methodArb,
        fc.array(fc.bigInt({ min: 0n, max: 1000n }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.option(fc.bigInt({ min: 0n, max: 5000n })), { minLength: 12, maxLength: 12 }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        (w, method, loRaw, hiRaw, t) => {
          const lower = w.map((_, i) => loRaw[i]!);
          const upper = w.map((_, i) => (hiRaw[i] == null ? null : lower[i]! + hiRaw[i]!));
          try {
            const r = allocate({ total: t, weights: w, lower, upper, method });
            expect(sum(r.values)).toBe(t);
            r.values.forEach((v, i) => {
              expect(v >= lower[i]!).toBe(true);
              if (upper[i] !== null) expect(v <= upper[i]!).toBe(true);
              if (w[i] === 0n) expect(v).toBe(lower[i]);
            });
          } catch (e) {
            expect(e).toBeInstanceOf(InfeasibleAllocationError);
            const sumLo = sum(lower);
            const sumHi = upper.some((u, i) => u === null && w[i]! > 0n)
              ? null
              : upper.reduce<bigint>((a, u, i) => a + (w[i] === 0n ? lower[i]! : u!), 0n);
            expect(t < sumLo || (sumHi !== null && t > sumHi)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS, seed: 20240101 },
    );
  });

  it('divisor methods agree with handing out units one at a time (small totals)', () => {
    fc.assert(
      fc.property(weightsArb, fc.constantFrom(...divisorMethods), fc.integer({ min: 0, max: 60 }), (w, method, t) => {
        const r = allocate({ total: BigInt(t), weights: w, method });
        const ref = seatBySeat(method, w, t);
        if (r.ties.length === 0) expect(r.values).toEqual(ref);
        else expect(sum(r.values)).toBe(BigInt(t));
      }),
      { numRuns: RUNS, seed: 7 },
    );
  });

  it('Hamilton stays within quota when unbounded', () => {
    fc.assert(
      fc.property(weightsArb, fc.bigInt({ min: 0n, max: 10n ** 12n }), (w, t) => {
        const r = allocate({ total: t, weights: w, method: 'hamilton' });
        const W = sum(w);
        r.values.forEach((v, i) => {
          const q = t * w[i]!;
          const floor = q / W;
          const ceil = q % W === 0n ? floor : floor + 1n;
          expect(v >= floor && v <= ceil).toBe(true);
        });
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });

  it('divisor methods are house-monotone: raising the total never lowers a unit', () => {
    fc.assert(
      fc.property(weightsArb, fc.constantFrom(...divisorMethods), fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.bigInt({ min: 1n, max: 1000n }), (w, method, t, d) => {
        const a = allocate({ total: t, weights: w, method }).values;
        const b = allocate({ total: t + d, weights: w, method }).values;
        a.forEach((v, i) => expect(b[i]! >= v).toBe(true));
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });

  it('all methods are concordant: more weight never gets less', () => {
    fc.assert(
      fc.property(weightsArb, methodArb, fc.bigInt({ min: 0n, max: 10n ** 10n }), (w, method, t) => {
        const v = allocate({ total: t, weights: w, method }).values;
        for (let i = 0; i < w.length; i++) for (let j = 0; j < w.length; j++) if (w[i]! > w[j]!) expect(v[i]! >= v[j]!).toBe(true);
      }),
      { numRuns: RUNS, seed: 17 },
    );
  });

  it('results do not depend on row order (without ties) nor on scaling all weights', () => {
    fc.assert(
      fc.property(weightsArb, methodArb, fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 2n, max: 10n ** 6n }), fc.nat(), (w, method, t, k, seed) => {
        const r = allocate({ total: t, weights: w, method });
        const scaled = allocate({ total: t, weights: w.map((x) => x * k), method });
        expect(scaled.values).toEqual(r.values);
        if (r.ties.length > 0) return;
        const order = w.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % w.length) - ((b * 7919 + seed) % w.length) || a - b);
        const permuted = allocate({ total: t, weights: order.map((i) => w[i]!), method });
        order.forEach((i, j) => expect(permuted.values[j]).toBe(r.values[i]));
      }),
      { numRuns: RUNS, seed: 19 },
    );
  });
});

describe('totals far past 2^53 (review rv15: a total of 10^22 took 13 s, 10^30 never finished)', () => {
  it('divisor methods meet the divisor criterion exactly: no threshold taken lies above one left out', () => {
    fc.assert(
      fc.property(
        weightsArb,
        fc.constantFrom(...divisorMethods),
        fc.integer({ min: 16, max: 60 }),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.option(fc.bigInt({ min: 0n, max: 10n ** 12n }), { nil: undefined }),
        (w, method, e, mantissa, cap) => {
          const total = mantissa * 10n ** BigInt(e - 15 > 0 ? e - 15 : 0);
          // An upper bound on the first unit only, so the rest can always take the total.
          const upper = w.map((_, i) => (i === 0 && cap !== undefined && w.length > 1 ? cap : null));
          const v = allocate({ total, weights: w, upper, method }).values;
          expect(sum(v)).toBe(total);
          const m = DIVISOR_METHODS[method];
          for (let i = 0; i < w.length; i++) {
            if (v[i]! === 0n || w[i] === 0n) continue;
            for (let j = 0; j < w.length; j++) {
              if (w[j] === 0n || (upper[j] !== null && v[j]! >= upper[j]!) || j === i) continue;
              // unit i's last threshold taken, s(v_i − 1)/w_i, is not above unit j's next one, s(v_j)/w_j
              if (upper[i] !== null && v[i]! === upper[i]!) continue;
              expect(compareThresholds(m, v[i]! - 1n, w[i]!, v[j]!, w[j]!)).toBeLessThanOrEqual(0);
            }
          }
        },
      ),
      { numRuns: Math.max(50, RUNS / 10), seed: 31 },
    );
  });

  it('by hand: [1, 1, 1] over 10^30 and [1, 2] over 3·10^30', () => {
    const third = (10n ** 30n - 1n) / 3n; // 333…333 (30 threes), remainder 1
    // The one seat left is a three-way tie at the same threshold: it goes to the first row.
    expect(allocate({ total: 10n ** 30n, weights: [1n, 1n, 1n], method: 'webster' }).values).toEqual([third + 1n, third, third]);
    expect(allocate({ total: 3n * 10n ** 30n, weights: [1n, 2n], method: 'dhondt' }).values).toEqual([10n ** 30n, 2n * 10n ** 30n]);
  });
});

/** Brute force: does any integer matrix meet both margins within the bounds? */
function bruteFeasible(w: number[][], rows: number[], cols: number[], hi: number[][]): boolean {
  const R = rows.length;
  const C = cols.length;
  const x = w.map((r) => r.map(() => 0));
  const rec = (cell: number): boolean => {
    if (cell === R * C) return rows.every((t, r) => x[r]!.reduce((a, b) => a + b, 0) === t) && cols.every((t, c) => x.reduce((a, row) => a + row[c]!, 0) === t);
    const r = Math.floor(cell / C);
    const c = cell % C;
    const cap = w[r]![c] === 0 ? 0 : Math.min(hi[r]![c]!, rows[r]!, cols[c]!);
    for (let v = 0; v <= cap; v++) {
      x[r]![c] = v;
      if (x[r]!.reduce((a, b) => a + b, 0) > rows[r]!) break;
      if (rec(cell + 1)) return true;
    }
    x[r]![c] = 0;
    return false;
  };
  return rec(0);
}

describe('matrix (biproportional) properties', () => {
  it('margins are exact, bounds hold, and infeasibility is reported exactly when brute force finds no matrix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        fc.constantFrom(...divisorMethods),
        (R, C, flat, hiFlat, rowsRaw, colSplit, method) => {
          const w = Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => flat[r * C + c]!));
          const hi = Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => hiFlat[r * C + c]!));
          const rows = rowsRaw.slice(0, R);
          const total = rows.reduce((a, b) => a + b, 0);
          // Column totals: any split of the same total.
          const cols = new Array<number>(C).fill(0);
          for (let u = 0; u < total; u++) cols[(colSplit[u % 3]! + u) % C]! += 1;
          const feasible = bruteFeasible(w, rows, cols, hi);
          try {
            const res = allocateMatrix({
              weights: w.map((r) => r.map(BigInt)),
              rowTotals: rows.map(BigInt),
              columnTotals: cols.map(BigInt),
              upper: hi.map((r) => r.map(BigInt)),
              method,
            });
            expect(feasible).toBe(true);
            res.values.forEach((row, r) => {
              expect(sum(row)).toBe(BigInt(rows[r]!));
              row.forEach((v, c) => {
                expect(v >= 0n && v <= BigInt(hi[r]![c]!)).toBe(true);
                if (w[r]![c] === 0) expect(v).toBe(0n);
              });
            });
            cols.forEach((t, c) => expect(sum(res.values.map((row) => row[c]!))).toBe(BigInt(t)));
          } catch (e) {
            if (!(e instanceof InfeasibleMatrixError)) throw e;
            expect(feasible).toBe(false);
          }
        },
      ),
      { numRuns: RUNS, seed: 23 },
    );
  });

  it('larger random matrices meet both margins exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.integer({ min: 1, max: 10 ** 6 }), { minLength: 200, maxLength: 200 }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.constantFrom(...divisorMethods),
        (R, C, flat, total, method) => {
          const w = Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => BigInt(flat[(r * C + c) % 200]!)));
          const rowTotals = allocate({ total, weights: w.map((row) => sum(row)), method: 'webster' }).values;
          const columnTotals = allocate({ total, weights: [...Array(C).keys()].map((c) => BigInt(flat[(c * 31) % 200]!)), method: 'webster' }).values;
          const res = allocateMatrix({ weights: w, rowTotals, columnTotals, method });
          res.values.forEach((row, r) => expect(sum(row)).toBe(rowTotals[r]));
          columnTotals.forEach((t, c) => expect(sum(res.values.map((row) => row[c]!))).toBe(t));
        },
      ),
      { numRuns: Math.max(50, RUNS / 10), seed: 29 },
    );
  });
});
