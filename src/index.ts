// jamsostek as a library: the exact, bounded apportionment engine (one dimension and biproportional),
// the planners behind `breakdown` and `coverage`, and the loader that turns files into Tables.
//
//   import { apportion, apportionMatrix } from 'jamsostek';
//   apportion([2560, 3315, 995, 5012], 20, { method: 'webster' });        // → [4n, 6n, 2n, 8n]
//   apportionMatrix([[123, 45, 815], [912, 714, 414], [312, 255, 215]],
//     { rowTotals: [5, 11, 4], columnTotals: [7, 5, 8], method: 'webster' }); // → [[1n,0n,4n],[4n,4n,3n],[2n,1n,1n]]
//
// Every result is exact (integers, BigInt comparisons): the parts add up to the total, every bound holds,
// and a problem without a solution throws a typed error with the numbers that show why
// (InfeasibleAllocationError, InfeasibleMatrixError; planBreakdown: InfeasibleError with a fact).

import { allocate } from './core/allocation/apportion.js';
import { allocateMatrix } from './core/allocation/biproportional.js';

export { InfeasibleAllocationError } from './core/allocation/apportion.js';
export { InfeasibleMatrixError } from './core/allocation/biproportional.js';
import { scaleToIntegers } from './core/allocation/exact.js';
import { DEFAULT_METHOD, DIVISOR_METHOD_NAMES, METHOD_NAMES, resolveMethod, type DivisorMethodAlias, type MethodAlias, type MethodName } from './core/allocation/methods.js';

export { planBreakdown } from './core/allocation/plan.js';
export type { AllocationResult, PlannedUnit, LevelExplain, MatrixExplain } from './core/allocation/plan.js';
export type { AllocationSpec, SplitRule, Basis, Bound, Mode, Shape, GivenTotal, GivenMargin } from './core/allocation/spec.js';
export { planCoverage, thresholdBreaches, CoverageError } from './core/coverage/plan.js';
export type { CoverageSpec, CoverageInputs, CoverageResult, CoverageRow, CoverageRowList } from './core/coverage/plan.js';
export type { Targets } from './core/coverage/targets.js';
export { targetsFromAllocation } from './core/coverage/targets.js';
export { aggregate, rollup, findConflicts, atPeriod, TableConflictError, SumOverflowError } from './core/table.js';
export type { Table, TableRow, Dimension, Measure, SourceFacts, Conflict, Aggregated } from './core/table.js';
import type { SourceFacts } from './core/table.js';
export { InfeasibleError } from './core/facts.js';
export type { InfeasibleFact, Note } from './core/facts.js';
export { loadTable } from './io/load.js';
export type { LoadSchema, LoadOptions, LoadedTable } from './io/load.js';
export { InputError, UsageError } from './errors.js';
export { METHOD_NAMES, DIVISOR_METHOD_NAMES } from './core/allocation/methods.js';
export type { MethodName, DivisorMethodName, MethodAlias, DivisorMethodAlias } from './core/allocation/methods.js';
/** The output formats of the command line (`--format`). The formats `loadTable` reads are `InputFormat`. */
export { FORMATS } from './render/output-formats.js';
export type { Format } from './render/output-formats.js';
export type InputFormat = SourceFacts['format'];

type Whole = number | bigint;

export interface ApportionOptions {
  /** webster (default; alias sainte-lague), hamilton (largest-remainder), dhondt (jefferson), huntington-hill, adams, dean: see METHOD_NAMES. */
  readonly method?: MethodAlias;
  /** A lower bound for every unit, or one per unit. */
  readonly min?: Whole | readonly Whole[];
  /** An upper bound for every unit, or one per unit (null: none). */
  readonly max?: Whole | readonly (Whole | null)[] | null;
}

function whole(x: Whole, what: string): bigint {
  if (typeof x === 'bigint') return x;
  if (!Number.isSafeInteger(x)) throw new RangeError(`${what} must be a whole number (got ${x}); pass a bigint beyond 2^53`);
  return BigInt(x);
}

function weightsOf(ws: readonly Whole[]): bigint[] {
  // A negative weight is a wrong argument, whether a number or a bigint (not an infeasible problem).
  for (const w of ws) if (typeof w === 'bigint' && w < 0n) throw new RangeError(`weights must be finite and ≥ 0 (got ${w})`);
  if (ws.every((w) => typeof w === 'bigint' || (Number.isSafeInteger(w) && w >= 0))) return ws.map((w) => BigInt(w));
  for (const w of ws) if (typeof w === 'number' && !(w >= 0 && Number.isFinite(w))) throw new RangeError(`weights must be finite and ≥ 0 (got ${w})`);
  // Decimal weights are scaled to integers exactly (a common factor changes no method's result).
  return scaleToIntegers(ws);
}

// The types refuse an unknown method; JavaScript callers (and values cast from strings) are checked here.
function methodOf(m: string | undefined): MethodName {
  const r = resolveMethod(m ?? DEFAULT_METHOD);
  if (!r) throw new RangeError(`unknown method "${m}" (methods: ${METHOD_NAMES.join(', ')})`);
  return r;
}

function perUnit<T>(v: T | readonly T[] | undefined, n: number): readonly T[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) {
    if (v.length !== n) throw new RangeError(`expected ${n} bounds, got ${v.length}`);
    return v as readonly T[];
  }
  return new Array<T>(n).fill(v as T);
}

/**
 * Split `total` over units in proportion to `weights`, in integers that add up to `total` exactly,
 * each within its bounds.
 * Example: apportion([2560, 3315, 995, 5012], 20) → [4n, 6n, 2n, 8n] (Webster).
 */
export function apportion(weights: readonly Whole[], total: Whole, options: ApportionOptions = {}): bigint[] {
  const n = weights.length;
  const min = perUnit(options.min, n)?.map((x) => whole(x, 'min'));
  const max = perUnit(options.max, n)?.map((x) => (x === null ? null : whole(x, 'max')));
  return allocate({ total: whole(total, 'total'), weights: weightsOf(weights), lower: min, upper: max, method: methodOf(options.method) }).values;
}

export interface MatrixOptions {
  readonly rowTotals: readonly Whole[];
  readonly columnTotals: readonly Whole[];
  /** A divisor method (Hamilton has no biproportional form): see DIVISOR_METHOD_NAMES. Default webster. */
  readonly method?: DivisorMethodAlias;
  /** Cell lower bounds: one for all cells, or a matrix. */
  readonly min?: Whole | readonly (readonly Whole[])[];
  /** Cell upper bounds: one for all cells, or a matrix (null: none). */
  readonly max?: Whole | null | readonly (readonly (Whole | null)[])[];
}

/**
 * Biproportional apportionment: integers whose row sums and column sums both equal the given totals
 * exactly, each cell round(weight × row multiplier × column multiplier) by the method, within its bounds.
 * Example (Sainte-Laguë): weights [[123,45,815],[912,714,414],[312,255,215]], rows [5,11,4],
 * columns [7,5,8] → [[1n,0n,4n],[4n,4n,3n],[2n,1n,1n]].
 */
export function apportionMatrix(weights: readonly (readonly Whole[])[], options: MatrixOptions): bigint[][] {
  const method = methodOf(options.method);
  if (method === 'hamilton') throw new RangeError(`a matrix needs a divisor method (${DIVISOR_METHOD_NAMES.join(', ')})`);
  const R = weights.length;
  const C = options.columnTotals.length;
  // Every row has a weight per column total (a longer or shorter row would be cut and wrapped into its
  // neighbours' weights by the flat copy below), and so does every row of a min or max grid.
  const shaped = (grid: readonly (readonly unknown[])[], what: string): void => {
    grid.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== C) throw new RangeError(`${what}: row ${r + 1} has ${Array.isArray(row) ? row.length : 'no'} values, expected ${C} (one per column total)`);
    });
  };
  shaped(weights, 'weights');
  for (const [what, v] of [['min', options.min], ['max', options.max]] as const) {
    if (!Array.isArray(v)) continue;
    if (v.length !== R) throw new RangeError(`${what}: ${v.length} rows, expected ${R} (one per row of weights)`);
    shaped(v as readonly (readonly unknown[])[], what);
  }
  const flat = weightsOf(weights.flat());
  const w = Array.from({ length: R }, (_, r) => flat.slice(r * C, r * C + C));
  const grid = <T>(v: unknown, conv: (x: Whole | null) => T): T[][] | undefined => {
    if (v === undefined) return undefined;
    if (Array.isArray(v)) return (v as (Whole | null)[][]).map((row) => row.map(conv));
    return w.map((row) => row.map(() => conv(v as Whole | null)));
  };
  return allocateMatrix({
      weights: w,
      rowTotals: options.rowTotals.map((x) => whole(x, 'row total')),
      columnTotals: options.columnTotals.map((x) => whole(x, 'column total')),
      lower: grid(options.min, (x) => whole(x ?? 0, 'min')),
      upper: grid(options.max, (x) => (x === null ? null : whole(x, 'max'))),
      method,
    }).values;
}
