// What a breakdown is asked to do, as data: one AllocationSpec per job.
//
//   total   given (--target, --year), or the sum of given margins (checked against a given total)
//   shape   flat (one key), nested (province → regency: each level splits its parent's target) or a
//           matrix (province × segment: row and column totals both met exactly)
//   rule    ONE SplitRule — mode, basis, lower and upper bounds, max coverage, method — applied at
//           every level: parents, children, rows, columns and cells
//
// Example: { total: given 50,000,000, shape: flat [province], rule: gap / uncovered / min today / max
// denominator / webster } is `jamsostek breakdown --year 2024`.

import type { Rational } from './exact.js';
import type { MethodName } from './methods.js';

export type Mode = 'gap' | 'level';

/** The weights: of the target (level mode) or of the increase (gap mode). */
export type Basis =
  | { readonly kind: 'workforce' } // the denominator
  | { readonly kind: 'uncovered' } // denominator − participants
  | { readonly kind: 'participants' }
  | { readonly kind: 'equal' }
  | { readonly kind: 'column'; readonly column: string };

/** A bound on each unit's target. `default`: lower = today's participants, upper = the denominator. */
export type Bound =
  | { readonly kind: 'default' }
  | { readonly kind: 'none' }
  | { readonly kind: 'value'; readonly value: bigint }
  | { readonly kind: 'column'; readonly column: string };

export interface SplitRule {
  /** undefined: gap when today's participants are known, else level. */
  readonly mode?: Mode;
  /** undefined: uncovered (gap) or workforce (level), falling back, with a note, where unknown. */
  readonly basis?: Basis;
  readonly lower: Bound;
  readonly upper: Bound;
  /** The default upper bound as a share of the denominator (e.g. 95/100). */
  readonly maxCoverage?: Rational;
  readonly method: MethodName;
}

export interface GivenTotal {
  readonly value: bigint;
  /** Where it came from, for the report: '--target', 'data/targets.csv (plan)'. */
  readonly source: string;
  readonly year?: number;
  readonly interpolated?: boolean;
}

/** Margins as the user gives them: inline (PU=…,BPU=…, keys as written) or a key,total file. */
export type MarginInput = { readonly kind: 'inline'; readonly totals: ReadonlyMap<string, bigint> } | { readonly kind: 'file'; readonly path: string };

/** Totals given for the keys of one dimension (--row-totals, --column-totals), keys resolved. */
export interface GivenMargin {
  readonly dim: string;
  /** By key of the dimension (resolved keys, e.g. province code '75', segment 'PU'). */
  readonly totals: ReadonlyMap<string, bigint>;
  readonly source: string;
}

export type Shape =
  | { readonly kind: 'flat'; readonly dim: string }
  | { readonly kind: 'nested'; readonly levels: readonly string[] }
  | { readonly kind: 'matrix'; readonly rows: string; readonly columns: string };

export interface AllocationSpec {
  /** undefined: the sum of the given margins. */
  readonly total?: GivenTotal;
  readonly shape: Shape;
  readonly rule: SplitRule;
  /** The measure used as the denominator (workforce, employed, potential_workers…); undefined: none. */
  readonly denominator?: string;
  /** Matrix row totals, or the first level's totals of a nested shape. */
  readonly rowTotals?: GivenMargin;
  /** Matrix column totals. */
  readonly columnTotals?: GivenMargin;
}
