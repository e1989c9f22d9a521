// The one rule a row's own coverage column is held to, on the general path (typed-rows.ts) and on the
// byte-level engine (extract/range-scan.ts) alike: participants ÷ a denominator within half a percentage
// point of the stated value, read as a fraction or as written (a number above 1 is a percentage, or a
// fraction above 1 as the tool's own reports write a coverage over 100 %: either reading agrees).

/** Half a percentage point, and the float slack of a value written to six decimals. */
const HALF_POINT = 0.005 + 1e-9;

/**
 * Does the computed coverage agree with the stated one? `statedFraction`: the cell as a fraction (a value
 * above 1 divided by 100); `stated`: as written. Example: 0.4123 against "41.2" (0.412, 41.2) agrees.
 */
export function coverageAgrees(computed: number, statedFraction: number, stated: number): boolean {
  return Math.abs(computed - statedFraction) <= HALF_POINT || Math.abs(computed - stated) <= HALF_POINT;
}
