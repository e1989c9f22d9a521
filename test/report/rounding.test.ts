// Rounding for output (review rv12 §2): exact decimal halves round up (away from zero) in every format.
// The expected values come from integer arithmetic in this file (a rounded R of p/q × 10^k is the one
// with (2R − 1)·q ≤ 2·p·10^k < (2R + 1)·q), never from the functions under test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratioToNumber } from '../../src/core/numbers.js';
import { roundHalfUp, roundRatio, roundSignificant } from '../../src/report/rounding.js';
import { formatHuman, formatMachine } from '../../src/render/format.js';

const MAX = 10n ** 12n;
const TEN = (k: number): bigint => 10n ** BigInt(k);

/** p/q × 10^k (p ≥ 0, q > 0) rounded half-up, as an integer: checked against its defining inequality. */
function exactRounded(p: bigint, q: bigint, k: number): bigint {
  const scaled = p * TEN(k);
  const r = (2n * scaled + q) / (2n * q); // floor(x + 1/2)
  expect((2n * r - 1n) * q <= 2n * scaled && 2n * scaled < (2n * r + 1n) * q).toBe(true);
  return r;
}

/** An integer R as text with `decimals` decimals after R / 10^decimals ("1234", 2 → "12.34"). */
function fixed(r: bigint, decimals: number): string {
  const t = r.toString().padStart(decimals + 1, '0');
  return decimals ? `${t.slice(0, -decimals)}.${t.slice(-decimals)}` : t;
}

/**
 * Whether p/q × 10^k lies so near a rounding boundary B (a half) that the nearest float cannot tell
 * which side it is on (within two roundings of 2^-53 each, relative), or B is an exact half with more
 * than 15 significant digits (then no float's shortest text is B itself).
 */
function floatCannotTell(p: bigint, q: bigint, k: number): boolean {
  const twice = 2n * p * TEN(k); // 2·v·q
  const m = twice / (2n * q); // v's whole part: the nearest boundary is m + 1/2 or m − 1/2
  for (const b of [2n * m + 1n, 2n * m - 1n]) {
    if (b <= 0n) continue;
    const gap = twice - b * q; // (v − b/2) · 2q
    const abs = gap < 0n ? -gap : gap;
    if (abs !== 0n && abs * 2n ** 51n <= b * q) return true;
    if (abs === 0n && (b * 5n).toString().replace(/0+$/, '').length > 15) return true;
  }
  return false;
}

describe('roundRatio: exact, from the integers', () => {
  it('equals the half-up rounding of p/q for p, q ≤ 10^12, at 0 to 8 decimals, shifted by 0 or 2', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX }), fc.bigInt({ min: 1n, max: MAX }), fc.integer({ min: 0, max: 8 }), fc.constantFrom(0, 2), (p, q, d, shift) => {
        expect(roundRatio(p, q, d, shift)).toBe(fixed(exactRounded(p, q, d + shift), d));
        if (p > 0n) expect(roundRatio(-p, q, d, shift)).toBe('-' + fixed(exactRounded(p, q, d + shift), d));
      }),
      { numRuns: 3000 },
    );
  });
  it('worked examples', () => {
    expect(roundRatio(2536875n, 50000000n, 6)).toBe('0.050738'); // 0.0507375
    expect(roundRatio(896425n, 50000000n, 6)).toBe('0.017929'); // 0.0179285
    expect(roundRatio(7n, 20000n, 2, 2)).toBe('0.04'); // 0.035 %
    expect(roundRatio(1n, 3n, 2, 2)).toBe('33.33');
    expect(roundRatio(2n, 3n, 0)).toBe('1');
  });
});

describe('roundHalfUp: the shortest decimal of the float, rounded half-up', () => {
  it('agrees with exact rounding of p/q (p, q ≤ 10^12) wherever the float can tell the side of a half', () => {
    let unclear = 0; // counted: allowed only where floatCannotTell
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX }), fc.bigInt({ min: 1n, max: MAX }), fc.constantFrom(2, 4, 6), fc.constantFrom(0, 2), (p, q, d, shift) => {
        const want = fixed(exactRounded(p, q, d + shift), d);
        const got = roundHalfUp(Number(p) / Number(q), d, shift);
        if (got !== want) {
          // Only where no float can: then the two differ by one unit in the last place shown.
          expect(floatCannotTell(p, q, d + shift), `${p}/${q} at ${d}+${shift}: ${got} vs ${want}`).toBe(true);
          unclear++;
        }
      }),
      { numRuns: 5000 },
    );
    // Those are ratios far from a coverage (10^12 / 3 at 6 decimals needs 19 digits); below:
    expect(unclear).toBeLessThan(500);
  });

  it('agrees with exact rounding, no exception, for ratios up to 10 (coverage, shares, achievement)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: MAX }), fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.constantFrom(2, 4, 6), fc.constantFrom(0, 2), (q, pp, d, shift) => {
        const p = pp % (10n * q + 1n);
        expect(roundHalfUp(Number(p) / Number(q), d, shift), `${p}/${q}`).toBe(fixed(exactRounded(p, q, d + shift), d));
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds every exact half up: (2m + 1) / (2·10^k) written as p/q with p, q ≤ 10^12', () => {
    fc.assert(
      fc.property(fc.constantFrom(2, 4, 6), fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 4n }), fc.constantFrom(0, 2), (k, m, t, shift) => {
        const d = k - shift;
        const p = (2n * m + 1n) * t;
        const q = 2n * TEN(k) * t;
        fc.pre(p <= MAX && q <= MAX && d >= 0);
        const up = fixed(m + 1n, d); // the half rounded up
        expect(roundHalfUp(Number(p) / Number(q), d, shift)).toBe(up);
        expect(roundHalfUp(-Number(p) / Number(q), d, shift)).toBe('-' + up);
        expect(roundRatio(p, q, d, shift)).toBe(up);
      }),
      { numRuns: 3000 },
    );
  });

  it('worked examples, and the cases of the review', () => {
    expect(roundHalfUp(2536875 / 50000000, 6)).toBe('0.050738');
    expect(roundHalfUp(7 / 20000, 2, 2)).toBe('0.04'); // 0.035 %: toFixed gave 0.03
    expect(roundHalfUp(17 / 20000, 2, 2)).toBe('0.09'); // 0.085 %
    expect(roundHalfUp(5 / 20000, 2, 2)).toBe('0.03'); // 0.025 %
    expect(roundHalfUp(1 / 2000000, 6)).toBe('0.000001'); // 5e-7: toFixed gave 0
    expect(roundHalfUp(1.5e-7, 6)).toBe('0.000000');
    expect(roundHalfUp(9.995, 2)).toBe('10.00');
    expect(roundHalfUp(-0.001, 2)).toBe('-0.00');
    expect(roundHalfUp(1e21, 0)).toBe('1000000000000000000000');
    expect(roundHalfUp(0.12344955, 2, 2)).toBe('12.34');
  });
});

describe('the formats use it', () => {
  it('pct in en and id, and the 6-decimal machine value, equal the exact rounding of p/q at halves', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 7n }), fc.bigInt({ min: 1n, max: 10n ** 3n }), fc.constantFrom(4, 6), (m, t, k) => {
        const p = (2n * m + 1n) * t;
        const q = 2n * TEN(k) * t;
        fc.pre(p <= MAX && q <= MAX);
        const v = Number(p) / Number(q);
        const pct = fixed(exactRounded(p, q, 4), 2);
        const [whole, frac] = pct.split('.') as [string, string];
        const group = (sep: string): string => whole.replace(/\B(?=(\d{3})+$)/g, sep);
        expect(formatHuman(v, 'pct', 'en')).toBe(`${group(',')}.${frac}%`);
        expect(formatHuman(v, 'pct', 'id')).toBe(`${group('.')},${frac}%`);
        expect(formatMachine(v, 'pct')).toBe(Number(fixed(exactRounded(p, q, 6), 6)));
      }),
      { numRuns: 2000 },
    );
  });
  it('points and significant digits', () => {
    expect(formatHuman(0.035, 'points', 'en')).toBe('+0.04 pp');
    expect(formatHuman(-0.035, 'points', 'id')).toBe('-0,04 poin');
    expect(formatHuman(1234567.125, 'number', 'en')).toBe('1,234,567.1');
    expect(formatHuman(1234.56785, 'number', 'id')).toBe('1.234,5679');
    expect(roundSignificant(123456789, 8)).toBe('123456790');
    expect(roundSignificant(0.000012345678912, 8)).toBe('0.000012345679');
  });
});

describe('ratioToNumber', () => {
  it('is the float nearest p/q, also past 2^53', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), fc.bigInt({ min: 1n, max: 10n ** 24n }), (p, q) => {
        const x = ratioToNumber(p, q);
        // Exactly representable x = a·2^e: no float lies nearer p/q than x (checked one ulp each side).
        const near = (y: number): bigint => {
          const [num, den] = toRational(y);
          const diff = p * den - num * q;
          return diff < 0n ? -diff : diff; // |p/q − y| · q · den
        };
        const up = nextUp(x);
        const down = -nextUp(-x);
        const [, dx] = toRational(x);
        const [, du] = toRational(up);
        const [, dd] = toRational(down);
        // compare |p/q − y| across y with a common scale: |…|/(q·den)
        expect(near(x) * du <= near(up) * dx).toBe(true);
        expect(near(x) * dd <= near(down) * dx).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

/** A finite float as num/den, exactly. */
function toRational(y: number): [bigint, bigint] {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, y);
  const bits = buf.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = exp === 0 ? frac : frac | (1n << 52n);
  const e = (exp === 0 ? 1 : exp) - 1075;
  return e >= 0 ? [sign * mant * (1n << BigInt(e)), 1n] : [sign * mant, 1n << BigInt(-e)];
}

function nextUp(y: number): number {
  if (y === 0) return Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, y);
  const bits = buf.getBigUint64(0);
  buf.setBigUint64(0, y > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}

describe('numberText (String without the number-to-string cache)', () => {
  it('writes every number as String does', async () => {
    const { numberText } = await import('../../src/report/rounding.js');
    fc.assert(fc.property(fc.oneof(fc.double(), fc.integer(), fc.double({ min: -1, max: 1 })), (x) => {
          expect(numberText(x)).toBe(String(x));
        }), { numRuns: 20_000 });
    for (const x of [0, -0, NaN, Infinity, -Infinity, 1e21, 1e-7, 123e-20, Number.MAX_SAFE_INTEGER, 5e-324, 0.1 + 0.2]) expect(numberText(x)).toBe(String(x));
  });
});
