// A change between two months that give an area's participants in different segment sets. Pure.
//
// One month gives an area whole (a file without a segment column); the other gives it by segment rows,
// some segments only (a PU recap, a file without its PMI rows). The change would be every segment now
// against some segments then (Sulama: +1,313,952 against a PU-only May; +89,298 against a May without PMI,
// for +24,000), and nothing tells them apart. Such an area is left out of the change, at every level (its
// row, its subtotal, the Total), and a month that differs so is out of its pace; said with the segments
// the month lacks: compared like for like, never mixed. Two months that both give segments (segment rows,
// or a wide row's segment columns, its parts since fx54) are compared segment by segment
// (like-for-like.ts), and a month with every segment equals its whole. A segment the bundled baseline has
// no participants of in an area (Papua Tengah's JAKON and PMI) is that 0, and an extract lists every
// participant: neither is a segment left out (the caller says so).
//
// Example: June Gorontalo 259,971 (no segment column); May Gorontalo PU 155,983 + BPU 77,991 + JAKON
// 20,798 (no PMI row) → Gorontalo has no change; the Total's change is over the other provinces.

import { SEGMENTS } from '../domain.js';
import { atPeriod, columnsFor, dimIndex, everyRowKeyed, filterAt, keysOf, labelOf, type Table } from '../table.js';

const SEP = '\u0000';
const NONE = '\u0001';

/** Areas left out of the change: their keys at the area dimensions, their names, and what the split month lacks. */
export interface SegmentsShort {
  readonly dims: readonly string[];
  readonly drop: ReadonlySet<string>;
  /** Every area of the month reported is left out: no change is shown at all. */
  readonly every: boolean;
  /** Per area: its name ('' where the months have no area column: every participant), which month gives it by segment, and the segments that month lacks. */
  readonly areas: readonly { readonly label: string; readonly split: 'previous' | 'current'; readonly missing: readonly string[] }[];
}

interface Given {
  whole: boolean;
  readonly segments: Set<string>;
}

/** The rows that are wide rows (1: some segment rows name them their parent); undefined for a table without any. */
function wideRows(cols: ReturnType<typeof columnsFor>): Uint8Array | undefined {
  if (cols.parents === undefined) return undefined;
  const wide = new Uint8Array(cols.size);
  for (let i = 0; i < cols.size; i++) {
    const p = cols.parent(i);
    if (p !== undefined) wide[p] = 1;
  }
  return wide;
}

/**
 * Per area (its keys at `dims`), whether a row gives it whole and the segments its segment rows give. A
 * wide row's segment columns are its parts, as the long layout's rows are (like-for-like.ts, fx54): it
 * gives its segments.
 */
function givenBy(t: Table, dims: readonly string[]): Map<string, Given> | undefined {
  const di = dims.map((d) => dimIndex(t, d));
  if (di.some((i) => i < 0)) return undefined;
  const sd = dimIndex(t, 'segment');
  const cols = columnsFor(t);
  const wide = sd >= 0 ? wideRows(cols) : undefined;
  const out = new Map<string, Given>();
  for (let i = 0; i < cols.size; i++) {
    const p = cols.parent(i);
    if (p === undefined && wide?.[i] === 1) continue;
    const k = di.map((d) => cols.key(p ?? i, d) ?? NONE).join(SEP);
    let g = out.get(k);
    if (!g) out.set(k, (g = { whole: false, segments: new Set() }));
    const s = sd >= 0 ? cols.key(i, sd) : null;
    if (s === null) g.whole = true;
    else g.segments.add(s);
  }
  return out;
}

/**
 * The areas (keys at `dims`, the area dimensions both months have) that one month gives whole and the
 * other by segment rows lacking a segment. Undefined: none.
 */
export function segmentsShort(current: Table, previous: Table, dims: readonly string[], zero?: (dim: string, area: string, segment: string) => boolean): SegmentsShort | undefined {
  // Neither month can give an area whole (every row has a segment, none is wide), or neither gives one
  // by segment: nothing to compare, no key made (a month may have a million rows).
  const explicit = (t: Table): boolean => {
    const sd = dimIndex(t, 'segment');
    if (sd < 0) return false;
    const cols = columnsFor(t);
    const wide = wideRows(cols);
    if (wide === undefined) return everyRowKeyed(t, sd);
    for (let i = 0; i < cols.size; i++) if (wide[i] === 0 && cols.key(i, sd) === null) return false;
    return true;
  };
  if ((explicit(current) && explicit(previous)) || (dimIndex(current, 'segment') < 0 && dimIndex(previous, 'segment') < 0)) return undefined;
  const now = givenBy(current, dims);
  const then = givenBy(previous, dims);
  if (!now || !then) return undefined;
  const drop = new Set<string>();
  const areas: { label: string; split: 'previous' | 'current'; missing: string[] }[] = [];
  // A segment the area has no participants of (the bundled baseline's 0): its missing row is that 0.
  const areaAt = dims.map((d, j) => (d === 'province' || d === 'kanwil' ? j : -1)).filter((j) => j >= 0);
  const onlyWhole = (g: Given): boolean => g.whole && g.segments.size === 0;
  for (const [k, a] of now) {
    const b = then.get(k);
    if (!b) continue;
    const keys = k.split(SEP);
    const none = (s: string): boolean => zero !== undefined && areaAt.some((j) => keys[j] !== NONE && zero(dims[j]!, keys[j]!, s));
    const lacking = (g: Given): string[] => (g.whole ? [] : SEGMENTS.filter((s) => !g.segments.has(s) && !none(s)));
    const split = onlyWhole(a) && lacking(b).length ? 'previous' : onlyWhole(b) && lacking(a).length ? 'current' : undefined;
    if (!split) continue;
    drop.add(k);
    const label = dims
      .map((d, j) => (keys[j] === NONE ? '' : labelOf(current.dims[dimIndex(current, d)]!, keys[j]!)))
      .filter((x) => x !== '')
      .join(' / ');
    areas.push({ label, split, missing: lacking(split === 'previous' ? b : a) });
  }
  return drop.size ? { dims, drop, every: drop.size === now.size, areas } : undefined;
}

/** A table without the rows of some areas (keys at `dims`); a wide row's segment rows go with it. */
export function withoutAreas(t: Table, dims: readonly string[], drop: ReadonlySet<string>): Table {
  const di = dims.map((d) => dimIndex(t, d));
  if (di.some((i) => i < 0)) return t;
  return filterAt(t, (cols, i) => !drop.has(di.map((d) => cols.key(i, d) ?? NONE).join(SEP)));
}

/**
 * Per earlier month of the tables, the areas it gives in other segment sets than the month reported
 * (segmentsShort against that month): their rows of that month are out of the pace and the trend, as the
 * previous month's are out of the change. Undefined: none.
 */
export function shortByMonth(tables: readonly (Table | undefined)[], current: Table, period: string, dims: readonly string[], zero?: (dim: string, area: string, segment: string) => boolean): Map<string, SegmentsShort> | undefined {
  let out: Map<string, SegmentsShort> | undefined;
  for (const t of tables) {
    if (!t || dimIndex(t, 'period') < 0) continue;
    for (const m of keysOf(t, 'period')) {
      if (m >= period || out?.has(m)) continue;
      const short = segmentsShort(current, atPeriod(t, m), dims, zero);
      if (short) (out ??= new Map()).set(m, short);
    }
  }
  return out;
}

/** A table without the rows of the months and areas of `byMonth` (shortByMonth). */
export function earlierWithout(t: Table, byMonth: ReadonlyMap<string, SegmentsShort>): Table {
  const pd = dimIndex(t, 'period');
  if (pd < 0) return t;
  const at = new Map<string, number[]>();
  for (const [m, s] of byMonth) at.set(m, s.dims.map((d) => dimIndex(t, d)));
  if ([...at.values()].some((di) => di.some((i) => i < 0))) return t;
  return filterAt(t, (cols, i) => {
    const m = cols.key(i, pd);
    const short = m === null ? undefined : byMonth.get(m);
    if (!short) return true;
    return !short.drop.has(at.get(m!)!.map((d) => cols.key(i, d) ?? NONE).join(SEP));
  });
}
