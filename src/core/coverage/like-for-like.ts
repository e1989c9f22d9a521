// Completeness and like for like at the finest keys the data gives. Pure.
//
// A report by province of regency files rolls six regencies up into Gorontalo; when Kota Gorontalo's
// June file is late, Gorontalo is still a row of June, with five regencies. Judged at the report's grain
// nothing is missing, and June's five regencies minus May's six is a fall of 78,376 that never
// happened. So who reported, and what a change compares, are judged on the rows as loaded (regency
// under province, province under kanwil, branch under region, a wide row's segments), before they are
// rolled up to the grain:
//   - a part seen in an earlier month and not in the month reported is missing (named under its group,
//     "Gorontalo / Kota Gorontalo", with the month it was last seen);
//   - the change of a row, a subtotal and the Total is over the parts reported in both months, and the
//     pace over the parts reported at both ends of the window.
//
// Example: May 175,675 + Kota Gorontalo 80,454; June 177,753 without Kota Gorontalo → change
// 177,753 − 175,675 = +2,078 (not −78,376), and with 6 months left, projected 177,753 + 6 × 2,078.

import { monthsBetween, type Period } from '../calendar.js';
import type { RowColumns } from '../row-columns.js';
import { columnsFor, dimIndex, filterSegmentRows, labelOf, measureIndex, type Table } from '../table.js';
import type { Pace } from './trend.js';

const SEP = '\u0000';
/** The key part of a row not split by a dimension (a province file's rows in a load with a regency column). */
const NONE = '\u0001';

/**
 * The dimensions a part is told apart by: the grain's, then every other dimension (but the period)
 * that all the tables have, in the first table's order.
 * Example: grain [province], regency files → [province, regency]; grain [kanwil] → [kanwil, province].
 */
export function fineDims(tables: readonly (Table | undefined)[], grain: readonly string[]): string[] {
  const present = tables.filter((t): t is Table => t !== undefined);
  const first = present[0];
  if (!first) return [...grain];
  const rest = first.dims.map((d) => d.name).filter((n) => n !== 'period' && !grain.includes(n) && present.every((t) => dimIndex(t, n) >= 0));
  return [...grain, ...rest];
}

/**
 * Each row's part key (undefined: a rollup at the grain does not place the row). A wide row stands for
 * its segment rows unless the grain has the segment, as in rollup(); a row is a part whether or not it
 * gives participants, as it is a group of the rollup.
 */
export function partKeyer(t: Table, grain: readonly string[], fine: readonly string[], coarse?: Coarsening): ((i: number) => string | undefined) | undefined {
  const fi = fine.map((g) => dimIndex(t, g));
  const counted = countedAsPart(t, grain, fine);
  if (!counted || fi.some((i) => i < 0)) return undefined;
  const cols = columnsFor(t);
  if (coarse?.size) return (i) => (counted(i) ? coarsenPart(keyAt(cols, i, fi), grain.length, coarse) : undefined);
  return (i) => (counted(i) ? keyAt(cols, i, fi) : undefined);
}

/**
 * Per group (its key at the grain), the positions of `fine` at which its parts are compared coarser: a
 * group reported by them in one month and not at all in the other (rv26 F7: a branch that sent regency
 * rows in August and its province's rows in September has reported; its regencies are inside the
 * province row). Compared at the grain both months have, as --previous with files of the two grains does.
 */
export type Coarsening = ReadonlyMap<string, ReadonlySet<number>>;

/** A part key with the positions its group is compared coarser at left unsplit. */
export function coarsenPart(k: string, n: number, coarse: Coarsening): string {
  const parts = k.split(SEP);
  const at = coarse.get(n === 0 ? '' : parts.slice(0, n).join(SEP));
  if (!at) return k;
  for (const j of at) parts[j] = NONE;
  return parts.join(SEP);
}

/** Per group, the positions past the grain at which some of its parts are split, and those at which some are not. */
function splitPositions(keys: Iterable<string>, n: number, groups?: ReadonlySet<string>): Map<string, { split: Set<number>; unsplit: Set<number> }> {
  const out = new Map<string, { split: Set<number>; unsplit: Set<number> }>();
  for (const k of keys) {
    const parts = k.split(SEP);
    const g = n === 0 ? '' : parts.slice(0, n).join(SEP);
    if (groups && !groups.has(g)) continue;
    let at = out.get(g);
    if (!at) out.set(g, (at = { split: new Set(), unsplit: new Set() }));
    for (let j = n; j < parts.length; j++) (parts[j] === NONE ? at.unsplit : at.split).add(j);
  }
  return out;
}

/**
 * The coarsening between the parts of two months (see Coarsening): for a group, each position past the
 * grain that one month never splits and the other does. Only the groups of parts not in both are looked
 * at. Undefined: none.
 */
export function grainSwitches(a: ReadonlySet<string>, b: ReadonlySet<string>, grain: readonly string[]): Coarsening | undefined {
  const n = grain.length;
  const groups = new Set<string>();
  for (const k of a) if (!b.has(k)) groups.add(groupOfPart(k, grain));
  for (const k of b) if (!a.has(k)) groups.add(groupOfPart(k, grain));
  if (!groups.size) return undefined;
  const pa = splitPositions(a, n, groups);
  const pb = splitPositions(b, n, groups);
  const out = new Map<string, Set<number>>();
  for (const g of groups) {
    const x = pa.get(g);
    const y = pb.get(g);
    if (!x || !y) continue;
    const at = new Set<number>();
    for (const j of y.split) if (x.unsplit.has(j) && !x.split.has(j)) at.add(j);
    for (const j of x.split) if (y.unsplit.has(j) && !y.split.has(j)) at.add(j);
    if (at.size) out.set(g, at);
  }
  return out.size ? out : undefined;
}

/**
 * Parts seen in an earlier month and not now that the month reported still covers at another grain:
 * a regency of a group reported now by its province row only, or a province row of a group reported
 * now by its regencies (rv26 F7). They have reported; the others are left.
 */
export function stillCovered(gone: Gone, here: ReadonlySet<string>, grain: readonly string[]): Gone {
  if (!gone.keys.length) return gone;
  const n = grain.length;
  const groups = new Set(gone.keys.map((k) => groupOfPart(k, grain)));
  const now = splitPositions(here, n, groups);
  const hereOf = new Map<string, string[]>();
  for (const k of here) {
    const g = groupOfPart(k, grain);
    if (!groups.has(g)) continue;
    const list = hereOf.get(g);
    if (list) list.push(k);
    else hereOf.set(g, [k]);
  }
  const out: Gone = { keys: [], labels: [], periods: [] };
  gone.keys.forEach((k, i) => {
    const g = groupOfPart(k, grain);
    const at = now.get(g);
    const parts = k.split(SEP);
    const blank = new Set<number>();
    if (at) {
      for (let j = n; j < parts.length; j++) {
        if (parts[j] !== NONE && at.unsplit.has(j) && !at.split.has(j)) blank.add(j);
        if (parts[j] === NONE && at.split.has(j) && !at.unsplit.has(j)) blank.add(j);
      }
    }
    const one = new Map([[g, blank]]);
    const covered = blank.size > 0 && (hereOf.get(g) ?? []).some((h) => coarsenPart(h, n, one) === coarsenPart(k, n, one));
    if (covered) return;
    out.keys.push(k);
    out.labels.push(gone.labels[i]!);
    out.periods.push(gone.periods[i]!);
  });
  return out;
}

/** Is row i counted at the grain (placed there by rollup)? Undefined: the table lacks a dimension of it. */
function countedAt(t: Table, grain: readonly string[]): ((i: number) => boolean) | undefined {
  const gi = grain.map((g) => dimIndex(t, g));
  if (gi.some((i) => i < 0)) return undefined;
  const cols = columnsFor(t);
  const placed = (i: number): boolean => gi.every((d) => cols.hasKey(i, d));
  return (i) => {
    const p = cols.parent(i);
    return p !== undefined ? !placed(p) && placed(i) : placed(i);
  };
}

/**
 * Is row i a part: counted at the grain, where the parts are told apart by segment a wide row's
 * segment rows in its stead. A wide file whose export drops its PMI column one month is then compared
 * segment by segment, as the same figures in the long layout are (rv34 R3: Sumatera Utara's four segments
 * in January against three in February were a fall of 13,488, for a rise of 12,205); keepParts makes the
 * wide row of the kept segment rows their sum.
 */
function countedAsPart(t: Table, grain: readonly string[], fine: readonly string[]): ((i: number) => boolean) | undefined {
  const counted = countedAt(t, grain);
  if (!counted || grain.includes('segment') || !fine.includes('segment')) return counted;
  const cols = columnsFor(t);
  if (cols.parents === undefined) return counted;
  const wide = new Uint8Array(cols.size);
  for (let i = 0; i < cols.size; i++) {
    const p = cols.parent(i);
    if (p !== undefined) wide[p] = 1;
  }
  return (i) => {
    const p = cols.parent(i);
    return p !== undefined ? counted(p) : wide[i] === 0 && counted(i);
  };
}

/** Row i's keys at some dimensions (by index), joined: a group's key at the grain, a part's at the fine dims. */
function keyAt(cols: RowColumns, i: number, at: readonly number[]): string {
  if (at.length === 1) return cols.key(i, at[0]!) ?? NONE;
  return at.map((d) => cols.key(i, d) ?? NONE).join(SEP);
}

/**
 * Whether a row's keys at some dimensions (by index) are one of a set of joined keys, without joining
 * them: a pass over a year of earlier months asks it of every row, and a joined key each would be a
 * million strings made to be thrown away.
 */
function keyTester(set: ReadonlySet<string>, n: number): (cols: RowColumns, i: number, at: readonly number[]) => boolean {
  if (n === 1) return (cols, i, at) => set.has(cols.key(i, at[0]!) ?? NONE);
  // The keys but the last, as a tree of maps; the last ones of each branch as a set.
  type Node = Map<string, Node | Set<string>>;
  const root: Node = new Map();
  for (const k of set) {
    const parts = k.split(SEP);
    let node = root;
    for (let j = 0; j < n - 2; j++) {
      let next = node.get(parts[j]!) as Node | undefined;
      if (!next) node.set(parts[j]!, (next = new Map()));
      node = next;
    }
    let last = node.get(parts[n - 2]!) as Set<string> | undefined;
    if (!last) node.set(parts[n - 2]!, (last = new Set()));
    last.add(parts[n - 1]!);
  }
  return (cols, i, at) => {
    let node: Node | undefined = root;
    for (let j = 0; j < n - 2 && node; j++) node = node.get(cols.key(i, at[j]!) ?? NONE) as Node | undefined;
    const last = node?.get(cols.key(i, at[n - 2]!) ?? NONE) as Set<string> | undefined;
    return last !== undefined && last.has(cols.key(i, at[n - 1]!) ?? NONE);
  };
}

/** The group key (the grain's keys) of a part key. */
export const groupOfPart = (part: string, grain: readonly string[]): string => (grain.length === 0 ? '' : part.split(SEP, grain.length).join(SEP));

/** A part's words: its keys' labels where it is split ("Gorontalo / Kota Gorontalo"). */
export function partLabel(t: Table, fine: readonly string[], part: string): string {
  const keys = part.split(SEP);
  const out: string[] = [];
  keys.forEach((k, j) => {
    if (k === NONE) return;
    const d = t.dims[dimIndex(t, fine[j]!)]!;
    out.push(labelOf(d, k));
  });
  return out.join(' / ');
}

/** The part keys of a table counted at the grain. */
export function partsOf(t: Table, grain: readonly string[], fine: readonly string[], coarse?: Coarsening): Set<string> {
  const keyOf = partKeyer(t, grain, fine, coarse);
  const out = new Set<string>();
  if (!keyOf) return out;
  const n = columnsFor(t).size;
  for (let i = 0; i < n; i++) {
    const k = keyOf(i);
    if (k !== undefined) out.add(k);
  }
  return out;
}

/**
 * The rows of a table whose part is in `keep` (rows not counted at the grain stay; a wide row's segment
 * rows are parts where the parts are told apart by segment, and a wide row of which some go is the sum of
 * those kept, one of which none is kept goes: filterSegmentRows). Its figures are then the same at every
 * grain: by segment the parts, by province or in the Total the wide rows (rv34 R2: Banten, late in
 * February, stayed in January's Total by segment through its wide row, a fall of 2,963,181).
 */
export function keepParts(t: Table, grain: readonly string[], fine: readonly string[], keep: ReadonlySet<string>, coarse?: Coarsening): Table {
  const keyOf = partKeyer(t, grain, fine, coarse);
  if (!keyOf) return t;
  return filterSegmentRows(t, (_, i) => {
    const k = keyOf(i);
    return k === undefined || keep.has(k);
  });
}

/** The rows of a table whose part is not in `drop` (the rows not counted at the grain stay; wide rows as keepParts). */
export function dropParts(t: Table, grain: readonly string[], fine: readonly string[], drop: ReadonlySet<string>): Table {
  const keyOf = partKeyer(t, grain, fine);
  if (!keyOf) return t;
  return filterSegmentRows(t, (_, i) => {
    const k = keyOf(i);
    return k === undefined || !drop.has(k);
  });
}

/** Where a part (or a group) was last seen before the month reported, and which of them are gone now. */
export interface LastSeen {
  periodOf(k: string): Period | null | undefined;
  /** Those not here now, with their labels and the month each was last seen. */
  gone(isHere: (k: string) => boolean): Gone;
}

/** Parts not here now: their keys, labels and the month each was last seen. */
export interface Gone {
  readonly keys: string[];
  readonly labels: string[];
  readonly periods: (Period | null)[];
}

/**
 * The last month each part was seen in the tables, before `period` (`keep`: the rows of a table to read;
 * `groupHere`: only the parts of these groups, whose keys are the only ones made — with one key per row,
 * a year of earlier months is a million groups gone whole, which are found at the grain).
 * Rows are read as rollup(…, [...grain, 'period']) would place them, without building those groups.
 */
export function lastSeenParts(sources: readonly { readonly table: Table | undefined; readonly keep?: (cols: RowColumns, i: number) => boolean }[], grain: readonly string[], fine: readonly string[], period: Period | undefined, groupHere?: ReadonlySet<string>): LastSeen {
  const isHere = groupHere && keyTester(groupHere, grain.length);
  const index = new Map<string, number>();
  const periods: (Period | null)[] = [];
  const from: Table[] = []; // the table whose row gave the latest month (its labels)
  for (const { table: t, keep } of sources) {
    if (!t) continue;
    const parts = partKeyer(t, grain, fine);
    if (!parts) continue;
    const gi = grain.map((g) => dimIndex(t, g));
    const cols = columnsFor(t);
    const keyOf = isHere ? (i: number): string | undefined => (isHere(cols, i, gi) ? parts(i) : undefined) : parts;
    const pd = dimIndex(t, 'period');
    for (let i = 0; i < cols.size; i++) {
      if (keep && !keep(cols, cols.parent(i) ?? i)) continue; // a wide row's segment rows go with it
      const p = pd >= 0 ? cols.key(i, pd) : null;
      if (pd >= 0 && p === null) continue; // a row of no month is not of an earlier month
      if (period && p !== null && p >= period) continue;
      const k = keyOf(i);
      if (k === undefined) continue;
      const at = index.get(k);
      if (at === undefined) {
        index.set(k, periods.length);
        periods.push(p);
        from.push(t);
      } else if (p !== null && (periods[at] === null || p > periods[at]!)) {
        periods[at] = p;
        from[at] = t;
      }
    }
  }
  return {
    periodOf: (k) => {
      const at = index.get(k);
      return at === undefined ? undefined : periods[at];
    },
    gone: (isHere) => {
      const out: Gone = { keys: [], labels: [], periods: [] };
      for (const [k, at] of index) {
        if (isHere(k)) continue;
        out.keys.push(k);
        out.labels.push(partLabel(from[at]!, fine, k));
        out.periods.push(periods[at]!);
      }
      return out;
    },
  };
}

/**
 * Parts named as the report names its rows: a group none of whose parts is in `groupHere` is named
 * itself (`groupLabel`); a part of a group that is, under its group ("Gorontalo / Kota Gorontalo").
 */
export function nameAsGroups(parts: readonly string[], grain: readonly string[], partLabelOf: (k: string) => string, groupHere: (g: string) => boolean, groupLabel: (g: string) => string): string[] {
  const out: string[] = [];
  const whole = new Set<string>();
  for (const k of parts) {
    const g = groupOfPart(k, grain);
    if (groupHere(g)) out.push(partLabelOf(k));
    else if (!whole.has(g)) {
      whole.add(g);
      out.push(groupLabel(g));
    }
  }
  return out;
}

/**
 * Each group's parts, month by month (`months`: the months wanted, sorted — for a pace, those of its
 * window only; a month given by an earlier table is not read again, as historyOf reads them).
 * `wanted`: the groups asked for.
 */
export function partSeries(tables: readonly (Table | undefined)[], grain: readonly string[], fine: readonly string[], months: readonly Period[], wanted?: ReadonlySet<string>): Map<string, Map<string, (number | null)[]>> {
  const at = new Map<Period, number>();
  months.forEach((m, i) => at.set(m, i));
  const owner = new Map<Period, Table>();
  const out = new Map<string, Map<string, (number | null)[]>>();
  const isWanted = wanted && keyTester(wanted, grain.length);
  for (const t of tables) {
    if (!t) continue;
    const counted = countedAsPart(t, grain, fine);
    const pd = dimIndex(t, 'period');
    if (!counted || pd < 0) continue;
    const gi = grain.map((g) => dimIndex(t, g));
    const fi = fine.map((g) => dimIndex(t, g));
    const pm = measureIndex(t, 'participants');
    if (pm < 0) continue;
    const cols = columnsFor(t);
    for (let i = 0; i < cols.size; i++) {
      const m = cols.key(i, pd);
      const v = cols.value(i, pm);
      if (m === null || v === null) continue;
      const mi = at.get(m);
      if (mi === undefined) continue;
      if (!counted(i)) continue;
      const o = owner.get(m);
      if (o === undefined) owner.set(m, t);
      else if (o !== t) continue;
      if (isWanted && !isWanted(cols, i, gi)) continue;
      const g = keyAt(cols, i, gi);
      const k = keyAt(cols, i, fi);
      let parts = out.get(g);
      if (!parts) out.set(g, (parts = new Map()));
      let series = parts.get(k);
      if (!series) parts.set(k, (series = new Array<number | null>(months.length).fill(null)));
      series[mi] = (series[mi] ?? 0) + v;
    }
  }
  // A group reported by regency in some months of the window and by its province row in others: its
  // parts merged at the grain the months have in common (rv26 F7), as a change compares them.
  for (const [g, parts] of out) {
    // One part cannot switch; nor parts none of which leaves a dimension unsplit (most groups: no work).
    if (parts.size < 2) continue;
    let unsplit = false;
    for (const k of parts.keys()) if (k.includes(NONE)) unsplit = true;
    if (!unsplit) continue;
    const coarse = seriesSwitches(g, parts, grain.length, months.length);
    if (!coarse) continue;
    const merged = new Map<string, (number | null)[]>();
    for (const [k, series] of parts) {
      const c = coarsenPart(k, grain.length, coarse);
      const into = merged.get(c);
      if (!into) merged.set(c, [...series]);
      else
        for (let m = 0; m < series.length; m++) {
          const v = series[m];
          if (v !== null && v !== undefined) into[m] = (into[m] ?? 0) + v;
        }
    }
    out.set(g, merged);
  }
  return out;
}

/** A group's coarsening over the months of its series: a position split in one month and never in another. */
function seriesSwitches(g: string, parts: ReadonlyMap<string, readonly (number | null)[]>, n: number, months: number): Coarsening | undefined {
  let at: Set<number> | undefined;
  const byMonth: { split: Set<number>; unsplit: Set<number> }[] = [];
  for (let m = 0; m < months; m++) byMonth.push({ split: new Set(), unsplit: new Set() });
  for (const [k, series] of parts) {
    const keys = k.split(SEP);
    series.forEach((v, m) => {
      if (v === null) return;
      for (let j = n; j < keys.length; j++) (keys[j] === NONE ? byMonth[m]!.unsplit : byMonth[m]!.split).add(j);
    });
  }
  for (const x of byMonth) {
    for (const j of x.unsplit) {
      if (x.split.has(j)) continue;
      if (byMonth.some((y) => y.split.has(j))) (at ??= new Set()).add(j);
    }
  }
  return at ? new Map([[g, at]]) : undefined;
}

/**
 * A group's pace like for like: from the earliest month of the window in which a part reported now
 * also reported, the change of the parts reported at both ends (the others are left out).
 * Example: Mar 759,270 + 695,023 + 658,862 + 1,329,233 (+ 248,948 not reported in June), Jun 789,270 +
 * 704,023 + 682,862 + 1,335,233 → change 69,000 over 3 months.
 */
export function partPace(months: readonly Period[], parts: Iterable<readonly (number | null)[]>, window: number): Pace | null {
  const n = months.length;
  if (n < 2) return null;
  const now = months[n - 1]!;
  const list = Array.from(parts).filter((s) => s[n - 1] !== null && s[n - 1] !== undefined);
  if (!list.length) return null;
  for (let i = 0; i < n - 1; i++) {
    const span = monthsBetween(months[i]!, now);
    if (span > window || span <= 0) continue;
    let change = 0;
    let any = false;
    for (const s of list) {
      const v = s[i];
      if (v === null || v === undefined) continue;
      any = true;
      change += s[n - 1]! - v;
    }
    if (any) return { change, months: span, from: months[i]! };
  }
  return null;
}
