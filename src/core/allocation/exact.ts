// Exact arithmetic helpers. Every comparison that decides who gets a unit is made here, in BigInt,
// never with floating point: 70,000,000 × 140,000,000 is already past 2^53, and float remainders
// are the classic bug of apportionment code.

/** A non-negative rational number num/den with den > 0 (not necessarily reduced). */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export const ZERO: Rational = { num: 0n, den: 1n };

export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('rational with zero denominator');
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

/** Sign of a/b − c/d (denominators positive). */
export function compareRational(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function mulRational(a: Rational, b: Rational): Rational {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function reduce(r: Rational): Rational {
  const g = gcd(r.num, r.den);
  return g <= 1n ? r : { num: r.num / g, den: r.den / g };
}

/** floor(a / b) for b > 0, correct for negative a too. */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/**
 * The exact value of a finite double as a rational (every double is m·2^e). Used to turn a float
 * estimate into an exact starting point; the result never depends on the estimate being right.
 */
export function floatToRational(x: number): Rational {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`cannot convert ${x} to a rational`);
  if (x === 0) return ZERO;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const exponentBits = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: number;
  if (exponentBits === 0) {
    exponent = -1074;
  } else {
    mantissa |= 1n << 52n;
    exponent = exponentBits - 1075;
  }
  return exponent >= 0 ? { num: mantissa << BigInt(exponent), den: 1n } : reduce({ num: mantissa, den: 1n << BigInt(-exponent) });
}

export function rationalToNumber(r: Rational): number {
  // Scale down very large operands so that the division stays finite and precise enough for display.
  let { num, den } = r;
  const bits = Math.max(num.toString(2).length, den.toString(2).length);
  if (bits > 1000) {
    const shift = BigInt(bits - 1000);
    num >>= shift;
    den >>= shift;
    if (den === 0n) return Infinity;
  }
  return Number(num) / Number(den);
}

/**
 * Parse a decimal string such as "0.95", "12", "1e-3" into an exact rational.
 * Returns undefined when the text is not a plain decimal.
 */
export function decimalToRational(text: string): Rational | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? '0') - frac.length;
  if (Math.abs(exp) > 400) return undefined;
  const digits = BigInt((intPart + frac).replace(/^0+(?=\d)/, '') || '0') * sign;
  return exp >= 0 ? { num: digits * 10n ** BigInt(exp), den: 1n } : reduce({ num: digits, den: 10n ** BigInt(-exp) });
}

/** A JS number (as the user wrote it, via its shortest decimal form) as an exact rational. */
export function numberToRational(x: number): Rational {
  if (Number.isInteger(x) && Number.isSafeInteger(x)) return { num: BigInt(x), den: 1n };
  const r = decimalToRational(String(x));
  if (!r) throw new RangeError(`not a finite number: ${x}`);
  return r;
}

/**
 * Scale a list of non-negative decimal weights to integers exactly, with one common factor.
 * Results of every method are invariant under scaling all weights, so this loses nothing.
 */
export function scaleToIntegers(values: readonly (number | bigint)[]): bigint[] {
  // A bigint is taken as it is: through Number, one above 2^53 would be rounded first.
  const rs = values.map((v) => (typeof v === 'bigint' ? { num: v, den: 1n } : numberToRational(v)));
  let lcm = 1n;
  for (const r of rs) lcm = (lcm / gcd(lcm, r.den)) * r.den;
  return rs.map((r) => (r.num * lcm) / r.den);
}
