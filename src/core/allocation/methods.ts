// Apportionment methods, each defined exactly once.
//
// A divisor method is its signpost function s(k), with k ≤ s(k) ≤ k + 1: a unit whose quotient
// v = weight / divisor lies above s(k) gets at least k + 1. Rounding "v to the method" therefore
// means counting the signposts strictly below v. Hamilton is not a divisor method: it floors the
// exact quotas and hands the rest out by largest remainder.
//
//   method           signpost s(k)              known as
//   webster          k + 1/2                    Sainte-Laguë, standard rounding (default)
//   dhondt           k + 1                      Jefferson, rounding down
//   adams            k                          rounding up (every unit with weight gets ≥ 1)
//   huntington-hill  √(k(k+1))                  geometric mean (US House); compared as squares
//   dean             2k(k+1)/(2k+1)             harmonic mean
//   hamilton         —                          largest remainder, Hare–Niemeyer
//
// Worked example (Balinski–Young 1975, weights 5117/4400/162/161/160, 100 seats):
// webster → 51/43/2/2/2, dhondt → 52/45/1/1/1, hamilton → 51/44/2/2/1.

import type { Rational } from './exact.js';

/**
 * Every method, once: its name and its other names, in the order help lists them. The type MethodName,
 * the --method choices and completion words, the aliases --method and the library accept, and the lists
 * in help and hints all come from here.
 */
export const METHODS = {
  webster: { aliases: ['sainte-lague', 'sainte-laguë', 'saint-lague'] },
  hamilton: { aliases: ['largest-remainder', 'hare-niemeyer'] },
  dhondt: { aliases: ['jefferson', "d'hondt"] },
  'huntington-hill': { aliases: ['hill'] },
  adams: { aliases: [] },
  dean: { aliases: [] },
} as const satisfies Record<string, { readonly aliases: readonly string[] }>;

export type MethodName = keyof typeof METHODS;
export type DivisorMethodName = Exclude<MethodName, 'hamilton'>;
/** A name a method is known by: its name or one of its aliases ('sainte-lague'). */
export type MethodAlias = MethodName | (typeof METHODS)[MethodName]['aliases'][number];
/** A name a divisor method is known by (Hamilton's names excepted). */
export type DivisorMethodAlias = DivisorMethodName | (typeof METHODS)[DivisorMethodName]['aliases'][number];

export const METHOD_NAMES = Object.keys(METHODS) as readonly MethodName[];
export const DEFAULT_METHOD: MethodName = 'webster';

/** A signpost as an exact fraction; `squared` means the fraction is s(k)², not s(k). */
export interface Signpost {
  readonly num: bigint;
  readonly den: bigint;
  readonly squared: boolean;
}

export interface DivisorMethod {
  readonly name: DivisorMethodName;
  readonly signpost: (k: bigint) => Signpost;
  /** Float version of s(k), used only to find a starting divisor quickly. */
  readonly signpostFloat: (k: number) => number;
}

export const DIVISOR_METHODS: Record<DivisorMethodName, DivisorMethod> = {
  webster: {
    name: 'webster',
    signpost: (k) => ({ num: 2n * k + 1n, den: 2n, squared: false }),
    signpostFloat: (k) => k + 0.5,
  },
  dhondt: {
    name: 'dhondt',
    signpost: (k) => ({ num: k + 1n, den: 1n, squared: false }),
    signpostFloat: (k) => k + 1,
  },
  adams: {
    name: 'adams',
    signpost: (k) => ({ num: k, den: 1n, squared: false }),
    signpostFloat: (k) => k,
  },
  'huntington-hill': {
    name: 'huntington-hill',
    signpost: (k) => ({ num: k * (k + 1n), den: 1n, squared: true }),
    signpostFloat: (k) => Math.sqrt(k * (k + 1)),
  },
  dean: {
    name: 'dean',
    signpost: (k) => ({ num: 2n * k * (k + 1n), den: 2n * k + 1n, squared: false }),
    signpostFloat: (k) => (2 * k * (k + 1)) / (2 * k + 1),
  },
};

// A Map, not an object literal: `--method constructor` must be an unknown method, not a built-in.
export const METHOD_ALIASES: ReadonlyMap<string, MethodName> = new Map<string, MethodName>(
  METHOD_NAMES.flatMap((name) => [name, ...METHODS[name].aliases].map((alias): [string, MethodName] => [alias, name])),
);

/** The divisor methods (every method but Hamilton), in the order of METHODS. */
export const DIVISOR_METHOD_NAMES = METHOD_NAMES.filter((m): m is DivisorMethodName => m !== 'hamilton');

export function resolveMethod(name: string): MethodName | undefined {
  return METHOD_ALIASES.get(name.trim().toLowerCase());
}

/** Sign of s(k) − v, exactly. */
export function compareSignpostTo(method: DivisorMethod, k: bigint, v: Rational): number {
  const s = method.signpost(k);
  const l = s.squared ? s.num * v.den * v.den : s.num * v.den;
  const r = s.squared ? v.num * v.num * s.den : v.num * s.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Number of signposts strictly below v ≥ 0, i.e. v rounded by the method (before bounds). */
export function roundedCount(method: DivisorMethod, v: Rational): bigint {
  const f = v.num / v.den;
  // Signposts s(k) for k ≤ f − 2 lie below k + 1 ≤ f − 1 < v; s(k) for k ≥ f + 1 lie at or above f + 1 > v.
  let count = f >= 2n ? f - 1n : 0n;
  if (f >= 1n && compareSignpostTo(method, f - 1n, v) < 0) count += 1n;
  if (compareSignpostTo(method, f, v) < 0) count += 1n;
  return count;
}

/**
 * Sign of s(k1)/w1 − s(k2)/w2: which of two "next unit" thresholds comes first as the multiplier
 * grows. Weights are positive integers.
 */
export function compareThresholds(method: DivisorMethod, k1: bigint, w1: bigint, k2: bigint, w2: bigint): number {
  const s1 = method.signpost(k1);
  const s2 = method.signpost(k2);
  const l = s1.squared ? s1.num * s2.den * w2 * w2 : s1.num * s2.den * w2;
  const r = s1.squared ? s2.num * s1.den * w1 * w1 : s2.num * s1.den * w1;
  return l < r ? -1 : l > r ? 1 : 0;
}
