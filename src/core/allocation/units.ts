// Weights and bounds of the units of one level, from the one SplitRule. The same function serves
// every level of every shape (flat units, nested parents and children, matrix rows, columns and cells),
// so what a rule means cannot differ between them.
//
// Defaults, and what happens where a default cannot be computed at a grain:
//   mode    gap when every unit has today's participants, else level
//   basis   gap: uncovered (denominator − participants); level: workforce (the denominator).
//           Where the denominator is not known at this grain (e.g. per segment): participants, with a
//           note; where participants are not known either: equal, with a note. A basis the user chose
//           that cannot be computed is refused (InfeasibleError 'basis-unavailable').
//   lower   today's participants (0 without them); --min participants is this default written out
//           (rv25 F10: it was refused where the default held a unit already above its upper bound)
//   upper   the smaller of --max's cap (default: the denominator; none: no cap; a number; a column) and
//           --max-coverage × the denominator; none where neither is known (no denominator), with a note
//   a unit already above its upper bound is held at its lower bound (said so)
//
// Example: Gorontalo 256,129 of 422,934 and Sulut 591,000 of 1,250,000 in gap mode: weights 166,805
// and 659,000 (their uncovered workers), lower bounds 256,129 and 591,000, upper 422,934 and 1,250,000.

import { InfeasibleError, type Note } from '../facts.js';
import { floorDiv, reduce, scaleToIntegers, type Rational } from './exact.js';
import type { Mode, SplitRule } from './spec.js';

/** One unit as read from the table at its grain. */
export interface UnitData {
  readonly keys: readonly string[];
  readonly label: string;
  readonly participants: number | null;
  readonly denominator: number | null;
  /** Values of the columns named by --basis, --min or --max. */
  readonly columns: ReadonlyMap<string, number | null>;
  /** Which of `participants` and the denominator (by its name) are estimates (core/estimates.ts). */
  readonly estimated?: readonly string[];
}

export interface ResolvedLevel {
  readonly mode: Mode;
  /** The basis actually used, by name: uncovered, workforce, participants, equal or a column. */
  readonly basis: string;
  readonly weights: readonly bigint[];
  /** The weights as shown in reports. */
  readonly shownWeights: readonly number[];
  readonly current: readonly bigint[];
  readonly lower: readonly bigint[];
  readonly upper: readonly (bigint | null)[];
  readonly held: readonly boolean[];
  /** --max-coverage applied at this level (its denominator is known for a unit here). */
  readonly shareApplied: boolean;
}

const big = (x: number): bigint => BigInt(Math.round(x));

/** A share as the user would write it: 9/10 → "0.9", 19/20 → "0.95" (exact: num/den where no decimal ends). */
function shareText(r: Rational): string {
  const { num, den } = reduce(r);
  for (let digits = 0, scale = 1n; digits <= 20; digits += 1, scale *= 10n) {
    if ((num * scale) % den !== 0n) continue;
    const scaled = (num * scale) / den;
    const frac = digits ? `.${(scaled % scale).toString().padStart(digits, '0')}` : '';
    return `${scaled / scale}${frac}`;
  }
  return `${num}/${den}`;
}

/** The share as a number, for the notes (0.9). */
const shareNumber = (r: Rational): number => Number(r.num) / Number(r.den);

/** The words (JSON) of each list's notes, so that a note is compared once, not with every note. */
const noteWords = new WeakMap<Note[], Set<string>>();

/**
 * Add a note unless an equal one is there already. (Comparing it with every note of the list grew with
 * the square of a nested breakdown's notes, one a parent: 12 of 16.5 s for 20,000 branches.) The set is
 * made again whenever the list was changed without this function (its length then differs).
 */
export function addNote(notes: Note[], note: Note): void {
  let words = noteWords.get(notes);
  if (!words || words.size !== notes.length) noteWords.set(notes, (words = new Set(notes.map((n) => JSON.stringify(n)))));
  const key = JSON.stringify(note);
  if (words.has(key)) return;
  words.add(key);
  notes.push(note);
}

export function resolveLevel(units: readonly UnitData[], rule: SplitRule, grain: readonly string[], denominator: string | undefined, notes: Note[]): ResolvedLevel {
  const allCur = units.every((u) => u.participants !== null);
  const allDen = denominator !== undefined && units.every((u) => u.denominator !== null);
  const firstWithout = (f: (u: UnitData) => unknown): string => units.find((u) => f(u) === null || f(u) === undefined)?.label ?? '';
  const mode: Mode = rule.mode ?? (allCur ? 'gap' : 'level');
  if (mode === 'gap' && !allCur) throw new InfeasibleError({ kind: 'needs-participants', grain, unit: firstWithout((u) => u.participants) });
  const current = units.map((u) => big(u.participants ?? 0));

  // The basis.
  let basis: string;
  let weights: number[];
  const colValues = (column: string, what: (unit: string) => InfeasibleError): number[] =>
    units.map((u) => {
      const v = u.columns.get(column);
      if (v === null || v === undefined) throw what(u.label);
      return v;
    });
  const explicit = rule.basis;
  if (explicit) {
    switch (explicit.kind) {
      case 'workforce':
      case 'uncovered':
        if (!allDen) throw new InfeasibleError({ kind: 'basis-unavailable', basis: explicit.kind, grain, unit: firstWithout((u) => u.denominator), missing: denominator ?? 'denominator' });
        if (explicit.kind === 'uncovered' && !allCur) throw new InfeasibleError({ kind: 'basis-unavailable', basis: 'uncovered', grain, unit: firstWithout((u) => u.participants), missing: 'participants' });
        basis = explicit.kind;
        weights = units.map((u) => (explicit.kind === 'workforce' ? u.denominator! : Math.max(0, u.denominator! - u.participants!)));
        break;
      case 'participants':
        if (!allCur) throw new InfeasibleError({ kind: 'basis-unavailable', basis: 'participants', grain, unit: firstWithout((u) => u.participants), missing: 'participants' });
        basis = 'participants';
        weights = units.map((u) => u.participants!);
        break;
      case 'equal':
        basis = 'equal';
        weights = units.map(() => 1);
        break;
      case 'column':
        basis = explicit.column;
        weights = colValues(explicit.column, (unit) => new InfeasibleError({ kind: 'basis-unavailable', basis: explicit.column, grain, unit, missing: explicit.column }));
        // A share cannot be negative: a negative weight would take from the others what it cannot give.
        weights.forEach((w, i) => {
          if (w < 0) throw new InfeasibleError({ kind: 'negative-basis', basis: explicit.column, grain, unit: units[i]!.label, value: w });
        });
        break;
    }
  } else {
    const wanted = mode === 'gap' ? 'uncovered' : 'workforce';
    if (allDen) {
      basis = wanted;
      weights = units.map((u) => (mode === 'gap' ? Math.max(0, u.denominator! - u.participants!) : u.denominator!));
    } else if (allCur) {
      basis = 'participants';
      weights = units.map((u) => u.participants!);
      addNote(notes, { code: 'basis-fallback', grain, wanted, used: 'participants', missing: denominator ?? 'denominator' });
    } else {
      basis = 'equal';
      weights = units.map(() => 1);
      addNote(notes, { code: 'basis-fallback', grain, wanted, used: 'equal', missing: denominator ? `${denominator} and participants` : 'denominator and participants' });
    }
  }

  // The bounds.
  const lower = units.map((u, i): bigint => {
    switch (rule.lower.kind) {
      case 'default':
        return current[i]!;
      case 'none':
        return 0n;
      case 'value':
        return rule.lower.value;
      case 'column': {
        const v = u.columns.get(rule.lower.column);
        if (v === null || v === undefined) throw new InfeasibleError({ kind: 'bound-unavailable', which: 'min', column: rule.lower.column, grain, unit: u.label });
        return big(v);
      }
    }
  });
  // The upper bound: the smaller of --max's cap (default: the denominator; none: no cap; a number; a
  // column) and --max-coverage's (that share of the denominator). Both caps apply, and --max none lifts
  // --max's own only: --max-coverage was dropped whenever --max was given (rv25 F3: Papua Barat planned
  // at 818 % of its employed under --max-coverage 0.9 --max none, with no word).
  const share = rule.maxCoverage;
  const denLabel = denominator ?? 'denominator';
  const shareFrom = share ? `--max-coverage ${shareText(share)} of ${denLabel}` : '';
  const maxFrom = rule.upper.kind === 'value' ? `--max ${rule.upper.value}` : rule.upper.kind === 'column' ? `--max ${rule.upper.column}` : denLabel;
  let noUpper = false;
  let noShare = false;
  const upperFrom: string[] = [];
  const upper = units.map((u): bigint | null => {
    const d = u.denominator === null || denominator === undefined ? null : big(u.denominator);
    let cap: bigint | null;
    switch (rule.upper.kind) {
      case 'default':
        cap = d;
        break;
      case 'none':
        cap = null;
        break;
      case 'value':
        cap = rule.upper.value;
        break;
      case 'column': {
        const v = u.columns.get(rule.upper.column);
        if (v === null || v === undefined) throw new InfeasibleError({ kind: 'bound-unavailable', which: 'max', column: rule.upper.column, grain, unit: u.label });
        cap = big(v);
        break;
      }
    }
    const byShare = share && d !== null ? floorDiv(d * share.num, share.den) : null;
    if (d === null && (share || rule.upper.kind === 'default')) {
      if (cap === null) noUpper = true;
      else if (share) noShare = true;
    }
    if (byShare !== null && (cap === null || byShare <= cap)) {
      upperFrom.push(shareFrom);
      return byShare;
    }
    upperFrom.push(maxFrom);
    return cap;
  });
  if (noUpper) addNote(notes, { code: 'no-upper-bound', grain, denominator: denominator ?? null });
  if (noShare) addNote(notes, { code: 'share-unavailable', grain, denominator: denominator ?? null, share: shareNumber(share!), max: maxFrom });
  // --max none beside --max-coverage: the share still caps every target (said, so that a run typed with
  // --max none under a config's "maxCoverage" does not read as a plan without an upper bound).
  if (rule.upper.kind === 'none' && share && upper.some((h) => h !== null)) addNote(notes, { code: 'max-none-share', share: shareNumber(share), denominator: denLabel });
  // A lower bound the user set (--min) above the upper bound is a contradiction, refused as the library
  // refuses it (apportion: 'bounds-crossed'); only today's participants above the upper bound are held.
  if (rule.lower.kind === 'value' || rule.lower.kind === 'column') {
    const lowerFrom = rule.lower.kind === 'value' ? `--min ${rule.lower.value}` : `--min ${rule.lower.column}`;
    lower.forEach((l, i) => {
      const h = upper[i];
      if (h !== null && h !== undefined && l > h) throw new InfeasibleError({ kind: 'bounds-crossed', grain, unit: units[i]!.label, lower: l, upper: h, lowerFrom, upperFrom: upperFrom[i]! });
    });
  }
  // In gap mode a target never falls below today, whatever the lower bound says; a --min the user gave
  // that is below today for some units is raised there, and said.
  const lo = lower.map((l, i) => (mode === 'gap' && l < current[i]! ? current[i]! : l));
  if (mode === 'gap' && (rule.lower.kind === 'value' || rule.lower.kind === 'column')) {
    const raised = units.filter((_, i) => lower[i]! < current[i]!).map((u) => u.label);
    if (raised.length) addNote(notes, { code: 'min-raised', grain, given: rule.lower.kind === 'value' ? String(rule.lower.value) : rule.lower.column, units: raised.slice(0, 5), count: raised.length, of: units.length });
  }
  const held = upper.map((h, i) => h !== null && h < lo[i]!);
  const up = upper.map((h, i) => (held[i] ? lo[i]! : h));
  const heldUnits = units.filter((_, i) => held[i]).map((u) => u.label);
  if (heldUnits.length) addNote(notes, { code: 'held', units: heldUnits });
  const shareApplied = share !== undefined && units.some((u) => u.denominator !== null && denominator !== undefined);
  return { mode, basis, weights: scaleToIntegers(weights.map((w) => Math.max(0, w))), shownWeights: weights, current, lower: lo, upper: up, held, shareApplied };
}
