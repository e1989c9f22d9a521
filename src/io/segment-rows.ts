// Segments missing from an area of a regional file by area × segment (rv31 V11).
//
// A province × segment file that lacks one province's PU row (the row an office forgot, 60 % of the
// province) reads as that segment having no participants there: Maluku 62,038 instead of 155,094, under
// the default --by province with nothing said. The wide layout refuses the same blank (a part's cell is
// empty); in the long layout a missing figure is a missing row, and a missing PMI row may be a real 0, so
// it is said, not refused: the areas whose segments are fewer than the file gives for the other areas of
// the month, in every --by (the regency neighbour: `area-in-part`, "5 of 6 regencies and cities").

import type { Note } from '../core/facts.js';
import { columnsFor, dimIndex, labelOf, type Table } from '../core/table.js';

/** The areas named in the note (the others counted). */
const SHOWN = 8;

/**
 * The note `segment-rows-missing` for a regional table by area × segment in which some area of a month has
 * rows for fewer segments than the month's areas have between them; undefined when none. The area is the
 * finest of regency, province and Kanwil the table has; rows of a wide row's segments (all its columns, by
 * construction) and rows without a segment are not counted. `zero` (the bundled baseline's): a segment
 * with no participants in that area (Papua Tengah's JAKON and PMI) is not asked for: its missing row is that 0.
 */
export function segmentRowsMissing(table: Table, zero?: (dim: string, area: string, segment: string) => boolean): Note | undefined {
  const si = dimIndex(table, 'segment');
  const dim = (['regency', 'province', 'kanwil'] as const).find((d) => dimIndex(table, d) >= 0);
  if (si < 0 || dim === undefined) return undefined;
  const ai = dimIndex(table, dim);
  const pd = dimIndex(table, 'period');
  const c = columnsFor(table);
  /** Per month: the segments given, and per area the segments it gives. */
  const months = new Map<string, { all: Set<string>; areas: Map<string, Set<string>> }>();
  for (let i = 0; i < c.size; i++) {
    if (c.parent(i) !== undefined) continue;
    const seg = c.key(i, si);
    const area = c.key(i, ai);
    if (seg === null || area === null) continue;
    const period = pd >= 0 ? (c.key(i, pd) ?? '') : '';
    let m = months.get(period);
    if (!m) months.set(period, (m = { all: new Set(), areas: new Map() }));
    m.all.add(seg);
    let a = m.areas.get(area);
    if (!a) m.areas.set(area, (a = new Set()));
    a.add(seg);
  }
  const areas: Extract<Note, { code: 'segment-rows-missing' }>['areas'][number][] = [];
  let count = 0;
  const segDim = table.dims[si]!;
  for (const [period, m] of months) {
    if (m.areas.size < 2) continue;
    for (const [area, segs] of m.areas) {
      if (segs.size === m.all.size) continue;
      const absent = [...m.all].filter((s) => !segs.has(s) && !zero?.(dim, area, s));
      if (!absent.length) continue;
      count++;
      if (areas.length >= SHOWN) continue;
      const missing = absent.map((s) => labelOf(segDim, s));
      areas.push({ label: labelOf(table.dims[ai]!, area), ...(period !== '' && months.size > 1 ? { period } : {}), have: segs.size, of: m.all.size, missing });
    }
  }
  return areas.length ? { code: 'segment-rows-missing', dim, areas, more: count - areas.length } : undefined;
}
