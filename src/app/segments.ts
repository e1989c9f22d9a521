// Segment rows against a denominator of the whole area (core/coverage/segments-in-part.ts): data of some
// segments only everywhere. An area lacking a segment the data's other areas give is the warning
// `segment-rows-missing` (io/segment-rows.ts), its missing rows read as 0 (rv32 W3).
//
// Segments no row gives are weighed by their share of the country's participants (data/baseline.csv):
// PMI, 468,213 of 41,145,132 (1.1 %), left out of a province × segment file, leaves coverage near enough
// to be shown with a warning (27.3 % for Sulama, 27.9 % with PMI); a PU-only file (59 % of the country)
// is not coverage of the area, and none is shown (fx44).

import type { Targets } from '../core/coverage/targets.js';
import { areaDimOf } from '../core/scope.js';
import { dimIndex, filterRows, keysOf } from '../core/table.js';
import { bundledSegments } from '../io/bundled.js';

/** Segments absent from the data under this share of the national participants keep coverage. */
export const SMALL_SEGMENTS = 0.05;

/** The bundled national participants' share of `segments` (0.0114 for PMI). */
export function absentShare(segments: readonly string[]): number {
  const b = bundledSegments();
  let sum = 0;
  for (const s of segments) sum += b.national.get(s) ?? 0;
  return b.total > 0 ? sum / b.total : 0;
}

/**
 * Targets by area × segment without the rows of `missing`, the segments no row of the data gives: the
 * others are compared like for like (PMI's targets left out of a file without PMI rows; rv32 W2).
 * Unchanged when the targets have no segment column or no area column (targets of no area are judged
 * national or the scope's own by their total: cut, a national file's PU alone would pass for a Kanwil's),
 * or nothing would be left.
 */
export function withoutSegments<T extends { readonly targets: Targets }>(t: T | undefined, missing: readonly string[] | undefined): T | undefined {
  if (!t || !missing?.length) return t;
  const table = t.targets.table;
  const sd = dimIndex(table, 'segment');
  if (sd < 0 || !areaDimOf(table.dims.map((d) => d.name))) return t;
  const out = new Set(missing);
  const kept = filterRows(table, (r) => r.keys[sd] === null || !out.has(r.keys[sd]!));
  if (kept === table || !kept.rows.length) return t;
  return { ...t, targets: { ...t.targets, table: kept } };
}

/**
 * What the targets are against data without the segments `missing`, for the note: cut to the data's
 * segments (`segments`, withoutSegments left some out), by segment of the data's segments only already
 * (`given`: a PU plan and a BPU plan joined, on data of PU and BPU; fx53: it was said to "count every
 * segment"), or of every segment (`whole`).
 */
export function targetsOfSegments(given: { readonly targets: Targets }, cut: { readonly targets: Targets } | undefined, missing: readonly string[]): 'whole' | 'segments' | 'given' {
  if (cut !== given) return 'segments';
  const table = given.targets.table;
  if (dimIndex(table, 'segment') < 0) return 'whole';
  const out = new Set(missing);
  const keys = keysOf(table, 'segment');
  return keys.length > 0 && keys.every((k) => k !== '' && !out.has(k)) ? 'given' : 'whole';
}
