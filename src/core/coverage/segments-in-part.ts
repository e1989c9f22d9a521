// Segment rows against a denominator of the whole area. Employed, potential workers and a workforce
// count the workers of every segment (PU, BPU, JAKON, PMI) together: an area's coverage is all its
// segments' participants over that figure. Rows of some segments only, divided by it, are not like for
// like: a Kanwil's file with only its PU row gave the Total 1,958,927 / 11,710,085 = 16.7 % (every
// Sulama worker, every segment's) as Sulama's coverage, where all four segments give 27.9 %.
//
// Where a denominator is given per segment (a column on each segment row, a --workforce file by
// segment), each segment is divided by its own and nothing here applies. An extract (rule 'sum') lists
// every participant, so a segment without rows there has none: not asked either.

import { SEGMENTS } from '../domain.js';
import { areaDimOf } from '../scope.js';
import { columnsFor, dimIndex, labelOf, measureIndex, type Table } from '../table.js';

export interface SegmentsInPart {
  /** The segments the month's rows give, in SEGMENTS order (fewer than all: the data are of those only). */
  readonly given: readonly string[];
  /** The segments no row of the month gives. */
  readonly missing: readonly string[];
  /**
   * Areas that lack a segment that other areas of the data give (Gorontalo without a PMI row among
   * provinces with one): the first five, each with its first row; `count` of them in all.
   */
  readonly lacking: readonly { readonly label: string; readonly dim: string; readonly has: readonly string[]; readonly lacks: readonly string[]; readonly src: number; readonly line: number }[];
  readonly count: number;
}

/**
 * The segments the rows of the month reported give, per area (the finest area of the data, else the
 * whole file), when some are missing and `denominator` is not given on any segment row of `figures`
 * (the tables it comes from: the input's own, or --workforce's, or the bundled baseline's). Undefined
 * when there is nothing to say: no segment column, every area gives every segment, an area gives its
 * whole figure on a row of its own, or the denominator is per segment.
 *
 * Example: rows "Sulama, PU, 1,958,927" only, with employed per province → { given: [PU], missing: [BPU,
 * JAKON, PMI], lacking: [] }; eight provinces by segment where Gorontalo has no PMI row → given all four,
 * lacking: [Gorontalo lacks PMI].
 */
export function segmentsInPart(cur: Table, period: string | undefined, denominator: string, figures: readonly Table[]): SegmentsInPart | undefined {
  const sd = dimIndex(cur, 'segment');
  if (sd < 0) return undefined;
  for (const t of figures) if (perSegment(t, denominator)) return undefined;
  const pd = dimIndex(cur, 'period');
  const area = areaDimOf(cur.dims.map((d) => d.name));
  const ad = area ? dimIndex(cur, area) : -1;
  const cols = columnsFor(cur);
  // By area key: the segments its rows give, and its first row; null for an area with a row of its own.
  const byArea = new Map<string, { segments: Set<string>; src: number; line: number } | null>();
  for (let i = 0; i < cols.size; i++) {
    // A wide row's segment parts: the wide row gives the whole (its parts are checked against it).
    if (cols.parent(i) !== undefined) continue;
    const p = pd >= 0 ? cols.key(i, pd) : null;
    if (period !== undefined && p !== null && p !== period) continue;
    const a = ad >= 0 ? (cols.key(i, ad) ?? '') : '';
    const s = cols.key(i, sd);
    const seen = byArea.get(a);
    if (s === null) {
      byArea.set(a, null);
      continue;
    }
    if (seen === null) continue;
    if (seen) seen.segments.add(s);
    else byArea.set(a, { segments: new Set([s]), src: cols.src[i]!, line: cols.lineAt(i) });
  }
  const given = new Set<string>();
  for (const v of byArea.values()) if (v) for (const s of v.segments) given.add(s);
  if (!given.size) return undefined;
  const order = (set: ReadonlySet<string>): string[] => SEGMENTS.filter((s) => set.has(s));
  const missing = SEGMENTS.filter((s) => !given.has(s));
  const lacking: { label: string; dim: string; has: string[]; lacks: string[]; src: number; line: number }[] = [];
  let count = 0;
  const dim = ad >= 0 ? cur.dims[ad]! : undefined;
  for (const [a, v] of byArea) {
    if (!v || v.segments.size === given.size) continue;
    count++;
    if (lacking.length < 5) lacking.push({ label: dim ? labelOf(dim, a) : a, dim: area ?? '', has: order(v.segments), lacks: order(given).filter((s) => !v.segments.has(s)), src: v.src, line: v.line });
  }
  if (!missing.length && !count) return undefined;
  return { given: order(given), missing, lacking, count };
}

/** Does some segment row of `t` (not a wide row's part) give `measure`? */
function perSegment(t: Table, measure: string): boolean {
  const sd = dimIndex(t, 'segment');
  const m = measureIndex(t, measure);
  if (sd < 0 || m < 0) return false;
  const cols = columnsFor(t);
  for (let i = 0; i < cols.size; i++) if (cols.parent(i) === undefined && cols.key(i, sd) !== null && cols.value(i, m) !== null) return true;
  return false;
}
