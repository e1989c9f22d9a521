// Rounding for output: one rule for every format (people's and machines').
//
// A float holds 0.035 as 0.034999999999999996…; rounding the binary value (toFixed, Math.round(x × 100))
// turns exact halves down or up at random (7/20,000 = 0.035 % showed 0.03 % while 5/20,000 = 0.025 %
// showed 0.03 %). The value a reader means is the shortest decimal that round-trips to the float
// (Number#toString: 2,536,875 / 50,000,000 → "0.0507375"): it is rounded half-up (away from zero), in
// decimal digits, after shifting the point by string arithmetic (× 100 on the float would add noise
// again). A ratio of integers rounds from the integers themselves (roundRatio), exactly.
// Don't "simplify" either back to toFixed or Math.round: test/report/rounding.test.ts pins the halves.

/**
 * String(x), made without V8's number-to-string cache: that cache holds the text of the last few
 * thousand fractions converted, so every text it holds outlives the young generation and a million
 * report rows left their coverage texts in the old one (+30 MiB before a full collection, issue 20).
 * JSON.stringify writes a finite number with the same algorithm (the shortest round-trip decimal) and no
 * cache. Non-finite values as String writes them.
 */
export function numberText(x: number): string {
  return Number.isFinite(x) ? JSON.stringify(x) : String(x);
}

/** |x| × 10^shift as decimal digits: the whole part (no leading zeros, "0" for none) and the fraction. */
function decimalParts(x: number, shift: number): { whole: string; fraction: string } {
  const text = numberText(Math.abs(x));
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = (e < 0 ? 0 : Number(text.slice(e + 1))) + shift;
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let whole: string;
  let fraction: string;
  if (point <= 0) {
    whole = '0';
    fraction = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    fraction = '';
  } else {
    whole = digits.slice(0, point);
    fraction = digits.slice(point);
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  return { whole, fraction };
}

/** A string of decimal digits plus one ("0999" → "1000", "99" → "100"). */
function addOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return '1' + '0'.repeat(digits.length);
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - i - 1);
}

/** Whole and fraction digits rounded half-up to `decimals` fraction digits (as text, e.g. "12.35"). */
function roundParts(negative: boolean, whole: string, fraction: string, decimals: number): string {
  let kept = (whole + fraction.slice(0, decimals).padEnd(decimals, '0')).replace(/^0+(?=\d)/, '');
  if (fraction.charCodeAt(decimals) >= 53 /* '5' */) kept = addOne(kept);
  kept = kept.padStart(decimals + 1, '0');
  const cut = kept.length - decimals;
  return (negative ? '-' : '') + kept.slice(0, cut) + (decimals > 0 ? '.' + kept.slice(cut) : '');
}

/**
 * x × 10^shift rounded half-up (away from zero) to `decimals` decimals, as plain text with a "." (never
 * an exponent). The value rounded is the shortest decimal that reads back as x (see above), so exact
 * halves round up whatever their binary error. A negative value keeps its sign, also when it rounds to
 * zero ("-0.00", as Intl shows it). x must be finite.
 * Examples: roundHalfUp(0.0507375, 6) → "0.050738"; roundHalfUp(0.00035, 2, 2) → "0.04" (0.035 %);
 * roundHalfUp(-0.035, 2) → "-0.04"; roundHalfUp(5e-7, 6) → "0.000001".
 */
export function roundHalfUp(x: number, decimals: number, shift = 0): string {
  const { whole, fraction } = decimalParts(x, shift);
  return roundParts(x < 0 || Object.is(x, -0), whole, fraction, decimals);
}

/**
 * x × 10^shift rounded half-up (away from zero) to `significant` significant digits, as plain text with a ".";
 * trailing zeros of the fraction are dropped. Example: roundSignificant(1234.56785, 8) → "1234.5679"; roundSignificant(123456789, 8) →
 * "123456790".
 */
export function roundSignificant(x: number, significant: number, shift = 0): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const { whole, fraction } = decimalParts(x, shift);
  // The position of the first significant digit decides how many decimals `significant` digits reach.
  const lead = whole !== '0' ? whole.length : -(fraction.length - fraction.replace(/^0+/, '').length);
  const decimals = Math.max(0, significant - lead);
  let text = roundParts(x < 0, whole, fraction, decimals);
  if (decimals === 0 && whole.length > significant) {
    // Past the point: round the whole part itself (123456789 → 123456790).
    const dropped = whole.length - significant;
    const head = whole.slice(0, significant);
    const up = whole.charCodeAt(significant) >= 53 ? addOne(head) : head;
    text = (x < 0 ? '-' : '') + up + '0'.repeat(dropped);
  }
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * num / den × 10^shift rounded half-up (away from zero) to `decimals` decimals, exactly, from the
 * integers. den must not be 0. Example: roundRatio(2536875n, 50000000n, 6) → "0.050738".
 */
export function roundRatio(num: bigint, den: bigint, decimals: number, shift = 0): string {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const scaled = (negative ? -num : num) * 10n ** BigInt(decimals + Math.max(0, shift));
  const divisor = den * 10n ** BigInt(Math.max(0, -shift));
  let q = scaled / divisor;
  if ((scaled % divisor) * 2n >= divisor) q += 1n;
  const text = q.toString().padStart(decimals + 1, '0');
  const cut = text.length - decimals;
  return (negative ? '-' : '') + text.slice(0, cut) + (decimals > 0 ? '.' + text.slice(cut) : '');
}
