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
//   lower   today's participants (0 without them)
//   upper   the denominator (× --max-coverage); none where the denominator is not known, with a note
//   a unit already above its upper bound is held at its lower bound (said so)
//
// Example: Gorontalo 256,129 of 422,934 and Sulut 591,000 of 1,250,000 in gap mode: weights 166,805
// and 659,000 (their uncovered workers), lower bounds 256,129 and 591,000, upper 422,934 and 1,250,000.

import { InfeasibleError, type Note } from '../facts.js';
import { floorDiv, scaleToIntegers } from './exact.js';
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
}

const big = (x: number): bigint => BigInt(Math.round(x));

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
  let noUpper = false;
  const upper = units.map((u): bigint | null => {
    switch (rule.upper.kind) {
      case 'default': {
        if (u.denominator === null || denominator === undefined) {
          noUpper = true;
          return null;
        }
        const d = big(u.denominator);
        return rule.maxCoverage ? floorDiv(d * rule.maxCoverage.num, rule.maxCoverage.den) : d;
      }
      case 'none':
        return null;
      case 'value':
        return rule.upper.value;
      case 'column': {
        const v = u.columns.get(rule.upper.column);
        if (v === null || v === undefined) throw new InfeasibleError({ kind: 'bound-unavailable', which: 'max', column: rule.upper.column, grain, unit: u.label });
        return big(v);
      }
    }
  });
  if (noUpper) addNote(notes, { code: 'no-upper-bound', grain, denominator: denominator ?? null });
  // A lower bound the user set (--min) above the upper bound is a contradiction, refused as the library
  // refuses it (apportion: 'bounds-crossed'); only today's participants above the upper bound are held.
  if (rule.lower.kind === 'value' || rule.lower.kind === 'column') {
    const lowerFrom = rule.lower.kind === 'value' ? `--min ${rule.lower.value}` : `--min ${rule.lower.column}`;
    const upperFrom = rule.upper.kind === 'value' ? `--max ${rule.upper.value}` : rule.upper.kind === 'column' ? `--max ${rule.upper.column}` : rule.maxCoverage ? '--max-coverage' : (denominator ?? 'denominator');
    lower.forEach((l, i) => {
      const h = upper[i];
      if (h !== null && h !== undefined && l > h) throw new InfeasibleError({ kind: 'bounds-crossed', grain, unit: units[i]!.label, lower: l, upper: h, lowerFrom, upperFrom });
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
  return { mode, basis, weights: scaleToIntegers(weights.map((w) => Math.max(0, w))), shownWeights: weights, current, lower: lo, upper: up, held };
}
